/** LAN ports: speed and switch options, link aggregation, shutdown, LAN keepalive and backup, pass-through (CR §4.47-4.52,
 * §8.5, §8.8). Port mirroring and tag VLANs are in interfaces.ts. */
import { SECTION } from "../order";
import { command, type Family, hasFeature, inSection, perInterface } from "../spec";

const SPEEDS = "auto|10g-fdx|5g-fdx|2.5g-fdx|1000-fdx|100-fdx|100-hdx|10-fdx|10-hdx";
const LAN_OPTIONS =
  "{mtu=<int:64-10218> auto-crossover=on/off macaddress-aging=on/off/<int:10-3600> " +
  "port-based-option=divide-network/off/<port-split> speed-downshift=on/off energy-saving=on/off}";
/** §8.5.5: ICMP echo to addresses each with its options, ARP to addresses, or both (ICMP first). */
const ICMP_ECHO = "icmp-echo <ip> [<ip>|upwait=<int:1-10000>|downwait=<int:1-10000>|length=<int:64-1500>...]";
const KEEPALIVE = `( off | ${ICMP_ECHO} [arp <ip>...] | arp <ip>... )`;

export const lan: Family = {
  specs: [
    // §4.50: per-port speeds (`1000-fdx 1 100-fdx 2`) and options.
    command("lan type", `[${SPEEDS}|<int:1-8>...] ${LAN_OPTIONS}`, perInterface(3), { key: "<if>" }),
    // §4.51: `static ID lanN:P lanN:P [...]`.
    command("lan link-aggregation", "<lan-port> <lan-port>...", inSection(SECTION.LAN, 1), {
      key: "static <int:1-8>",
      exists: (m) => hasFeature(m, "link-aggregation"),
    }),
    command("lan shutdown", "[<int:1-8>...]", perInterface(4), { key: "<if>" }),
    command("lan linkup send-wait-time", "<int:0-10>", perInterface(5), { key: "<if>" }),
    command("lan receive-buffer-size", "<int:1-100000>", inSection(SECTION.LAN, 2)),
    // §8.5: LAN backup and keepalive.
    command("lan backup", "( none | pp <int:1-$pp> | <if> <ip> | tunnel <int:1-$tunnel> )", perInterface(6), {
      key: "<if>",
    }),
    command("lan backup recovery time", "<int:1-21474836>", perInterface(7), { key: "<if>" }),
    command("lan keepalive use", KEEPALIVE, perInterface(8), { key: "<if>" }),
    command("lan keepalive interval", "<int:1-600> [<int:1-50>]", perInterface(9), { key: "<if>" }),
    command("lan keepalive log", "on|off", perInterface(9.5), { key: "<if>" }),
    // §8.8: LAN pass-through.
    command("lan pass-through ethertype", "<hex>...", inSection(SECTION.LAN, 3), { key: "<int:1-100>" }),
    command("lan pass-through member", "interface <if> <if>", inSection(SECTION.LAN, 4), {
      key: "<int:1-100>",
    }),
  ],
};
