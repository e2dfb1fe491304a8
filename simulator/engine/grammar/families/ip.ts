/** Global IP settings, ICMP (CR ch. 13) and the per-link IP lines that are not addresses, filters or NAT: intrusion
 * detection, TCP MSS and window scale, rebound, traffic lists, ARP, VRRP, forward filters (CR ch. 8). */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, inSection, perInterface, perLink } from "../spec";
import { syntax } from "../syntax";
import { fail, INTERFACE } from "../values";

const ON_OFF = "on|off";
const global = (item: number): ReturnType<typeof inSection> => inSection(SECTION.IP_GLOBAL, item);
/** Between the secure filter and the NAT lines of an interface, pp or tunnel, as YAMAHA's examples print intrusion
 * detection; the other per-link lines follow it there [U]. */
const place = (n: number): { iface: number; pp: number; tunnel: number } => ({
  iface: 13 + n / 100,
  pp: 25 + n / 100,
  tunnel: 42 + n / 100,
});

/** `ip pp` / `ip tunnel` forms that a block family already declares are left to it. */
const notIn = (heads: string[]) => (s: { head: string }) => !heads.includes(s.head);

const INTRUSION_TYPES = "ip|ip-option|fragment|icmp|udp|tcp|ftp|winny|share|default";

/** §8.1.27 TOS values and §8.1.34 DSCP values (§30.5.1 for IPv6), numbers or the CR's mnemonics. */
const TOS = "normal|min-monetary-cost|max-reliability|max-throughput|min-delay|<int:0-15>";
export const DSCP =
  "default|cs1|cs2|cs3|cs4|cs5|cs6|cs7|af11|af12|af13|af21|af22|af23|af31|af32|af33|af41|af42|af43|ef|<int:0-63>";

/**
 * §8.5.8 `ip keepalive N icmp-echo INTERVAL COUNT GATEWAY...10 [OPTION=VALUE...]`: a gateway is an address or
 * `dhcp IF`; the ID is 1..3000 (the RTX5000's range; 1..100 on the others [U: not enforced per model]).
 */
const KEEPALIVE = syntax(
  "icmp-echo <int:1-65535> <int:3-100> <ip>|dhcp|<if>...20 {log=on/off upwait=<int:1-1000000> " +
    "downwait=<int:1-1000000> length=<int:64-1500> local-address=<ip> ipsec-refresh=<int-list:1-2147483647> " +
    "ipsec-refresh-up=<int-list:1-2147483647> gateway-selection-rule=head/normal}",
);
function keepalive(r: Reader, env: Env): void {
  const words = r.pending().map((t) => t.value);
  KEEPALIVE(r, env);
  // The pattern lets `dhcp` and interface names stand anywhere among the gateways: they come as pairs.
  const gateways = words.slice(3).filter((w) => !w.includes("="));
  if (gateways.filter((w) => w !== "dhcp").length > 10) fail("parameters");
  gateways.forEach((w, i) => {
    if (w === "dhcp" && !INTERFACE.test(gateways[i + 1] ?? "")) fail("parameters");
    if (INTERFACE.test(w) && gateways[i - 1] !== "dhcp") fail("illegal-keyword");
  });
}

export const ip: Family = {
  specs: [
    command("ip routing", ON_OFF, global(0)),
    command("ip routing process", "fast|normal", global(1)),
    command("ip simple-service", ON_OFF, global(2)),
    command("ip filter set", "in|out <int:1-$filter>...", global(3), { key: "<word>" }),
    command(
      "ip filter dynamic timer",
      "{tcp-syn-timeout=<int:1-21474836> tcp-fin-timeout=<int:1-21474836> tcp-idle-time=<int:1-21474836> udp-idle-time=<int:1-21474836> dns-timeout=<int:1-21474836>}",
      global(4),
    ),
    command("ip filter fqdn timer", "<int:1-21474836> [auto=on/off]", global(5)),
    command("tcp session limit", "<int:1-21474836>", global(6)),
    command("ip route change log", ON_OFF, global(7)),
    command("ip fragment remove df-bit", ON_OFF, global(8)),
    // §8.1.27: a TOS value 0..15 or its mnemonic.
    command("ip tos supersede", `${TOS} [precedence=<int:0-7>] <int:1-$filter>...`, global(9), {
      key: "<int:1-65535>",
    }),
    command("ip arp timer", "<int:30-32767> [<int:0-100>]", global(10)),
    command("ip implicit-route preference", "<int:1-2147483647>", global(11)),
    command("ip flow timer", "<int:1-21474836>", global(12), { key: "tcp|udp|icmp|slow" }),
    command("ip flow limit", "<int:1-21474836>", global(13)),
    command("ip reassembly hold-time", "<int:1-60>", global(14)),
    command("ip dscp supersede", `${DSCP} <int:1-$filter>...`, global(15), { key: "<int:1-65535>" }),
    command(
      "ip forward filter",
      "gateway ( <ip> | wan1 | pp <int:1-$pp> | tunnel <int:1-$tunnel> ) filter <int:1-$filter>... [keepalive <int:1-3000>]",
      global(16),
      {
        key: "<int:1-255> <int:1-255>",
      },
    ),
    command("ip stealth", "all|<if>...", global(17)),
    // §8.1.12-8.1.13: print with the routes [V] yamaha-cli.md §7.2.
    command("ip filter source-route", ON_OFF, inSection(SECTION.ROUTE, 3)),
    command(
      "ip filter directed-broadcast",
      "( on|off | filter <int:1-$filter>... )",
      inSection(SECTION.ROUTE, 3.1),
    ),
    // §8.5.8: prints after the routes [V] yamaha-cli.md §7.2.
    {
      ...command("ip keepalive", "", inSection(SECTION.ROUTE, 2), { key: "<int:1-3000>" }),
      args: keepalive,
    },
    // ICMP (§13.1).
    ...[
      "echo-reply send",
      "echo-reply send-only-linkup",
      "mask-reply send",
      "parameter-problem send",
      "redirect send",
      "timestamp-reply send",
      "error-decrypted-ipsec send",
      "log",
      "unreachable-for-truncated send",
    ].map((words, i) => command(`ip icmp ${words}`, ON_OFF, global(20 + i / 100))),
    command("ip icmp redirect receive", "on|off|log", global(20.2)),
    command("ip icmp time-exceeded send", "on|off [rebound=on/off]", global(20.3)),
    command("ip icmp unreachable send", "on|off [rebound=on/off]", global(20.4)),
    // §8.1.17-8.1.20: intrusion detection per direction, optionally per attack type.
    // The type is part of the key (one line per direction and type); `reject` in that place is the older firmware's
    // form seen in YAMAHA's examples (`ip pp intrusion detection in reject on`) [U].
    ...perLink(
      "ip",
      "intrusion detection",
      "on|off [reject=on/off]",
      place(1),
      `in|out [${INTRUSION_TYPES}|reject]`,
    ),
    ...perLink("ip", "intrusion detection notice-interval", "<int:1-1000>", place(2)),
    ...perLink("ip", "intrusion detection repeat-control", "<int:1-1000>", place(3)),
    ...perLink("ip", "intrusion detection report", "<int:1-1000>", place(4)),
    ...perLink("ip", "rebound", ON_OFF, place(5)),
    ...perLink("ip", "tcp mss limit", "auto|off|<int:536-1460>", place(6)).filter(
      notIn(["ip tunnel tcp mss limit"]),
    ),
    ...perLink("ip", "tcp window-scale", ON_OFF, place(7)),
    ...perLink("ip", "traffic list", ON_OFF, place(8)),
    ...perLink("ip", "traffic list threshold", "<int:1-1000000>", place(9)),
    ...perLink("ip", "forward filter", "<int:1-2147483647>", place(10)),
    ...perLink("ip", "secure filter name", "<word>", place(11)),
    // Interface-only lines (§8.1.8-8.1.9, §8.1.30-8.1.32, §8.4, §13.1.13, §4.55).
    command("ip IF dhcp auto default-route-add", ON_OFF, perInterface(13.2)),
    command("ip IF dhcp auto interface-route-add", ON_OFF, perInterface(13.21)),
    command("ip IF dhcp lease time", "<int:1-21474836>", perInterface(13.22)),
    command("ip IF dhcp retry", "<int:1-100>|infinity <int:1-100>", perInterface(13.23)),
    command(
      "ip IF arp static",
      "<mac> [mtu=<int:64-1500>]",
      (k, env) => [...perInterface(13.3)(k, env), k[0]],
      {
        key: "<ip>",
      },
    ),
    command("ip IF arp queue length", "<int:0-10000>", perInterface(13.31)),
    command("ip IF arp log", ON_OFF, perInterface(13.32)),
    command("ip IF arp mtu discovery", "on|off [minimum=<int:64-1500>]", perInterface(13.33)),
    command("ip IF wol relay", "broadcast|unicast|off", perInterface(13.34)),
    command(
      "ip IF vrrp",
      "<ip> {priority=<int:1-254> preempt=on/off auth=<secret:text:8> advertise-interval=<int:1-60> down-interval=<int:3-180>}",
      (k, env) => [...perInterface(13.4)(k, env), Number(k[0])],
      { key: "<int:1-255>" },
    ),
    command(
      "ip IF vrrp shutdown trigger",
      // §8.4.2: a LAN, a pp (with its DLCI), a tunnel, or a route and its next hop.
      "( <if> | pp <int:1-$pp> [dlci=<int:16-1007>] | tunnel <int:1-$tunnel> | route default|<net> [<ip>|<if>] )",
      (k, env) => [...perInterface(13.41)(k, env), Number(k[0])],
      {
        key: "<int:1-255>",
      },
    ),
  ],
};
