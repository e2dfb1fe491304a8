/** RIP and RIPng: the global switches and the per-interface, pp and tunnel send/receive/filter lines
 * (CR §8.3, §30.5). */
import { SECTION } from "../order";
import { command, type Family, inSection, perLink } from "../spec";

/** Per-link items: after the interface's DHCP line, in the pp block after its NAT line, in the tunnel block after
 * its NAT line [U]. */
const place = (n: number): { iface: number; pp: number; tunnel: number } => ({
  iface: 16 + n / 100,
  pp: 28 + n / 100,
  tunnel: 46 + n / 100,
});

export const rip: Family = {
  specs: [
    command("rip use", "on|off", inSection(SECTION.RIP, 0)),
    command(
      "rip preference",
      "<int:1-2147483647> [invalid-route-reactivate=on/off]",
      inSection(SECTION.RIP, 1),
    ),
    command("rip advertise mode", "broadcast|multicast|1|2", inSection(SECTION.RIP, 2)),
    command("rip filter rule", "pass|reject|mask|equal", inSection(SECTION.RIP, 3)),
    command("rip timer", "<int:10-60> [<int:30-360> [<int:30-360>]]", inSection(SECTION.RIP, 4)),
    // §8.3.4-8.3.9, §8.3.17; a hex key may be written as separate bytes (§8.3.9).
    ...perLink("ip", "rip send", "on|off [version 1|2 [broadcast]]", place(1)),
    ...perLink("ip", "rip receive", "on|off [version 1|2 [1|2]]", place(2)),
    ...perLink("ip", "rip trust gateway", "[except] <ip> <ip>...", place(3)),
    ...perLink("ip", "rip filter", "<int:1-$filter>...", place(4), "in|out"),
    ...perLink("ip", "rip hop", "<int:0-15>", place(5), "in|out"),
    ...perLink("ip", "rip auth type", "text|md5", place(6)),
    ...perLink("ip", "rip auth key", "( <secret:hex>... | text <secret:text:16> )", place(7)),
    ...perLink("ip", "rip force-to-advertise", "[metric <int:1-15>]", place(8), "<prefix>"),
    // §8.3.11-8.3.16: pp only.
    command("ip pp rip hold routing", "on|off", () => [28.2], { scope: "pp" }),
    command("ip pp rip connect send", "none|interval|update", () => [28.21], { scope: "pp" }),
    command("ip pp rip connect interval", "<int:30-21474836>", () => [28.22], { scope: "pp" }),
    command("ip pp rip disconnect send", "none|interval|update", () => [28.23], { scope: "pp" }),
    command("ip pp rip disconnect interval", "<int:30-21474836>", () => [28.24], { scope: "pp" }),
    command("ip pp rip backup interface", "on|off", () => [28.25], { scope: "pp" }),
    // RIPng (§30.5).
    command("ipv6 rip use", "on|off", inSection(SECTION.RIP, 10)),
    command("ipv6 rip preference", "<int:1-2147483647>", inSection(SECTION.RIP, 11)),
    ...perLink("ipv6", "rip send", "on|off|log", place(11)),
    ...perLink("ipv6", "rip receive", "on|off|log", place(12)),
    ...perLink("ipv6", "rip hop", "<int:0-15>", place(13), "in|out"),
    ...perLink("ipv6", "rip trust gateway", "[except] <ip6> <ip6>...", place(14)),
    ...perLink("ipv6", "rip filter", "<int:1-$filter>...", place(15), "in|out"),
    // §30.5.7-30.5.11: pp only, after the IPv4 ones [U].
    command("ipv6 pp rip connect send", "none|interval|update", () => [28.3], { scope: "pp" }),
    command("ipv6 pp rip connect interval", "<int:30-21474836>", () => [28.31], { scope: "pp" }),
    command("ipv6 pp rip disconnect send", "none|interval|update", () => [28.32], { scope: "pp" }),
    command("ipv6 pp rip disconnect interval", "<int:30-21474836>", () => [28.33], { scope: "pp" }),
    command("ipv6 pp rip hold routing", "on|off", () => [28.34], { scope: "pp" }),
  ],
};
