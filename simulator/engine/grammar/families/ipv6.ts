/** IPv6 beyond addresses and filters: routing switches, per-link MTU/MSS/prefix/DHCPv6/MLD/VRRPv3, RA options,
 * DHCPv6 prefixes, static routes and ICMPv6 (CR ch. 30, §13.2). `ipv6 IF address/rtadv send/secure filter/dhcp
 * service` are in interfaces.ts, `ipv6 prefix` in routes.ts, `ipv6 filter` in filters.ts. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, inSection, perInterface, perLink } from "../spec";
import { syntax } from "../syntax";
import { fail, isIpv6 } from "../values";
import { DSCP } from "./ip";

const ON_OFF = "on|off";
const global = (item: number): ReturnType<typeof inSection> => inSection(SECTION.IPV6_GLOBAL, item);
const place = (n: number): { iface: number; pp: number; tunnel: number } => ({
  iface: 25 + n / 100,
  pp: 28.5 + n / 100,
  tunnel: 46.5 + n / 100,
});
const notIn = (heads: string[]) => (s: { head: string }) => !heads.includes(s.head);
/** §30.3.3 `rtadv send PREFIX_ID... [OPTION=VALUE...]`; which firmware takes prf_flag/route-info/rdnss is by
 * revision (CR notes), so every model takes them here [U]; an MTU in bytes 1280..1500 [U: the CR gives none]. */
export const RTADV_SEND =
  "<int:1-255>... {m_flag=on/off o_flag=on/off prf_flag=high/medium/low max-rtr-adv-interval=<int:4-1800> " +
  "min-rtr-adv-interval=<int:3-1350> adv-default-lifetime=<int:0-9000> adv-reachable-time=<int:0-3600000> " +
  "adv-retrans-time=<int:0-4294967295> adv-cur-hop-limit=<int:0-255> mtu=auto/off/<int:1280-1500> " +
  "route-info=route-info/off/<int:1-255> rdnss=rdnss/off/dhcpv6/<int:1-255> dnssl=dnssl/off/<int:1-255>}";
/** §30.2.5: DHCPv6 `off|client [ir=on|off]|server [prefix=N]`; the pp and tunnel forms have no `prefix=`. */
export const DHCP6_SERVICE = "( off | client [ir=on/off] | server [prefix=<int:1-255>] )";
/** §30.2.2: an address (with its type) or `auto`, `dhcp`, `proxy`. */
const IPV6_ADDRESS = "( auto | dhcp | proxy | <prefix6> [unicast|anycast] )";
const EXISTING = ["ipv6 IF address", "ipv6 IF secure filter", "ipv6 IF dhcp service", "ipv6 IF rtadv send"];

/**
 * `ipv6 route` gateways (§30.4.1): `pp N [dlci=N]`, `pp anonymous [name=NAME]`, `tunnel N`, `dhcp|ra IF`, or an
 * address (link-local with `%IF`), `loopbackN` or `null`; then in any order the filter-selected route `filter N...`
 * or `dpi N...`, `metric`, `hide`, `weight`.
 */
const GATEWAY =
  "gateway ( pp <int:1-$pp> [dlci=<int:16-1007>] | pp anonymous [name=<text:64>] | tunnel <int:1-$tunnel> | " +
  "dhcp|ra <if> | <word> ) { ( filter <int:1-$filter>... ) ( dpi <int:1-2147483647>... ) ( metric <int:1-15> ) " +
  "hide ( weight <int:0-2147483647> ) }";
const ROUTE = syntax(`${GATEWAY} [${GATEWAY}]`);

/**
 * Models whose firmware takes the `filter` / `dpi` options of `ipv6 route` (§30.4.1 notes: `filter` from RTX1220
 * Rev.15.04.06 / RTX1300 Rev.23.00.12 / RTX830 Rev.15.02.30, never on the RTX1210 or RTX5000; `dpi` from RTX1300
 * Rev.23.00.12 / RTX830 Rev.15.02.30). Our RTX830 is Rev.15.02.17; the RTX840 is newer than these notes [U].
 */
const ROUTE_OPTION_MODELS: Record<string, readonly string[]> = {
  filter: ["rtx840", "rtx1220", "rtx1300"],
  dpi: ["rtx840", "rtx1300"],
};

/** A gateway named by itself: `null`, `loopback1`..`loopback9`, or an IPv6 address with an optional `%LAN` scope. */
function gatewayAddress(text: string): void {
  if (text === "null" || /^loopback[1-9]$/.test(text)) return;
  const [address, scope, extra] = text.split("%");
  if (extra !== undefined || !isIpv6(address)) fail("bad-ip");
  if (scope !== undefined && !/^lan\d+$/.test(scope)) fail("illegal-keyword");
}

function ipv6Route(r: Reader, env: Env): void {
  const words = r.pending().map((t) => t.value);
  words.forEach((word, i) => {
    if (ROUTE_OPTION_MODELS[word] && !ROUTE_OPTION_MODELS[word].includes(env.model.id))
      fail("illegal-keyword");
    if (words[i - 1] === "gateway" && !["pp", "tunnel", "dhcp", "ra"].includes(word)) gatewayAddress(word);
  });
  ROUTE(r, env);
}

export const ipv6: Family = {
  specs: [
    command("ipv6 routing", ON_OFF, global(0)),
    command("ipv6 routing process", "fast|normal", global(1)),
    command("ipv6 rh0 discard", ON_OFF, global(2)),
    command("ipv6 reassembly hold-time", "<int:1-60>", global(3)),
    command("ipv6 dscp supersede", `${DSCP} <int:1-$filter>...`, global(4), { key: "<int:1-65535>" }),
    command("ipv6 max auto address", "<int:1-100>", global(5)),
    command("ipv6 source address selection rule", "prefix|lifetime", global(6)),
    // §30.2.1: the prefix a DHCPv6 client interface learnt, optionally split by a sub-prefix.
    command("ipv6 dhcp prefix", "<learnt-prefix:dhcp> [<prefix6>]", global(7), { key: "<int:1-255>" }),
    // §30.3.2: up to three DNS servers (or `dhcpv6`, those DHCPv6 gave), a lifetime in seconds or infinity.
    command("ipv6 nd ra-rdnss", "dhcpv6|<ip6>...3 [lifetime=infinity/<int:0-4294967294>]", global(8), {
      key: "<int:1-21474836>",
    }),
    // §30.3.5: up to three domain names.
    command("ipv6 nd ra-dnssl", "<domain>...3 [lifetime=infinity/<int:0-4294967294>]", global(9), {
      key: "<int:1-21474836>",
    }),
    command(
      "ipv6 nd ra-route-info",
      "<prefix6> {lifetime=<int:0-4294967295> preference=high/medium/low}",
      global(10),
      {
        key: "<int:1-255>",
      },
    ),
    command("ipv6 nd ns-trigger-dad", "off|on [interval=<int:1-3600>]", global(11)),
    command("ipv6 route change log", ON_OFF, global(12)),
    {
      ...command("ipv6 route", `${GATEWAY} [${GATEWAY}]`, inSection(SECTION.ROUTE, 4), {
        key: "default|<prefix6>",
      }),
      args: ipv6Route,
    },
    // ICMPv6 (§13.2).
    ...[
      "echo-reply send",
      "echo-reply send-only-linkup",
      "parameter-problem send",
      "redirect send",
      "log",
      "packet-too-big send",
      "error-decrypted-ipsec send",
      "packet-too-big-for-truncated send",
    ].map((words, i) => command(`ipv6 icmp ${words}`, ON_OFF, global(20 + i / 100))),
    command("ipv6 icmp redirect receive", "on|off|log", global(20.2)),
    command("ipv6 icmp time-exceeded send", "on|off [rebound=on/off]", global(20.3)),
    command("ipv6 icmp unreachable send", "on|off [rebound=on/off]", global(20.4)),
    command("ipv6 stealth", "all|<if>...", global(21)),
    // Per link (§30.1-30.3, §30.8).
    ...perLink("ipv6", "mtu", "<int:1280-1500>", place(1)),
    ...perLink("ipv6", "tcp mss limit", "auto|off|<int:536-1440>", place(2)),
    ...perLink("ipv6", "tcp window-scale", ON_OFF, place(3)),
    ...perLink("ipv6", "address", IPV6_ADDRESS, place(4)).filter(notIn(EXISTING)),
    ...perLink("ipv6", "prefix", "proxy|<prefix6>", place(5)),
    ...perLink("ipv6", "prefix change log", ON_OFF, place(6)),
    ...perLink("ipv6", "dhcp service", "off|server|client [ir=on/off]", place(7)).filter(notIn(EXISTING)),
    ...perLink("ipv6", "dad retry count", "<int:0-10>", place(8)),
    ...perLink("ipv6", "rtadv send", RTADV_SEND, place(9)).filter(notIn(EXISTING)),
    ...perLink(
      "ipv6",
      "rtsol max-retransmit",
      "{mrt=<int:0-3600> mrd=<int:0-3600> mrc=<int:0-100>}",
      place(10),
    ),
    // §30.8.1.
    ...perLink(
      "ipv6",
      "mld",
      "off|router|host {version=1/2/1,2 syslog=on/off robust-variable=<int:1-10> report-link-local-group=on/off}",
      place(11),
    ),
    ...perLink("ipv6", "mld static", "[include|exclude [<ip6>...]]", place(12), "<ip6>"),
    ...perLink("ipv6", "secure filter name", "<word>", place(13)),
    command("ipv6 IF icmp-nd queue length", "<int:0-10000>", perInterface(25.5)),
    command("ipv6 IF neighbor cache max entry", "<int:1-10000>", perInterface(25.51)),
    command(
      "ipv6 IF vrrp",
      "<ip6> {priority=<int:1-254> preempt=on/off advertise-interval=<int:1-4095> down-interval=<int:3-180>}",
      (k, env) => [...perInterface(25.6)(k, env), Number(k[0])],
      { key: "<int:1-255>" },
    ),
  ],
};
