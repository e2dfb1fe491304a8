/** IP and IPv6 packet filters (`ip filter`, `ipv6 filter`, their `dynamic` forms) and the filter lists that
 * `secure filter` lines of interfaces, pp and tunnels apply. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import type { Env, Family, Spec } from "../spec";
import { syntax } from "../syntax";
import { fail, integer, isIpv4, isIpv6, keyword, MAX_FILTER, portList, prefixLength } from "../values";

/** `secure filter in|out LIST [dynamic LIST]`: the list after the direction. */
export function filterList(r: Reader): void {
  if (r.remaining === 0) fail("parameters");
  let dynamic = false;
  while (r.remaining > 0) {
    if (r.peek() === "dynamic" && !dynamic) {
      dynamic = true;
      r.next();
      continue;
    }
    r.int(1, MAX_FILTER);
  }
}

/** `A.B.C.D` where an octet may be `*` (any value), CR §8.1.10. */
function wildcardIpv4(text: string): boolean {
  return /^(\d{1,3}|\*)(\.(\d{1,3}|\*)){3}$/.test(text) && isIpv4(text.replace(/\*/g, "0"));
}

/** A domain name as a filter address, `*.example.jp` matching by suffix (CR §8.1.10); at most 255 characters. */
const FQDN = /^(\*\.?)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** An application name of the LBO destination list (`@m365`, CR §8.1.10): up to 32 letters, digits, `_`, `-`. */
const APPLICATION = /^@[A-Za-z0-9_-]{1,32}$/;

/** `hb46pp` addresses: from RTX1220 Rev.15.04.07 / RTX1300 Rev.23.00.12, and the RTX840; never the RTX1210 or
 * RTX5000; our RTX830 (Rev.15.02.17) predates it (CR §8.1.10 notes). */
const HB46PP_MODELS = ["rtx840", "rtx1220", "rtx1300"];
/** Application names are filter addresses on the RTX840 only (CR §8.1.10 and §30.7.1 notes). */
const takesApplicationNames = (env: Env): boolean => env.model.id === "rtx840";

/** What a filter address may be besides addresses and domain names: the `ip`/`ipv6 filter` keywords and
 * application names, which `ip dpi filter` and `queue class filter` do not take (CR §52.2, §26.2). */
type AddressKind = "filter" | "dpi";

/** Whether the item is `map-e`, `hb46pp` or an application name (refused where the model or command lacks it). */
function namedAddress(item: string, env: Env, kind: AddressKind): boolean {
  if (kind === "filter" && item === "map-e")
    return env.model.hasMapE === false ? fail("illegal-keyword") : true;
  if (kind === "filter" && item === "hb46pp")
    return HB46PP_MODELS.includes(env.model.id) || fail("illegal-keyword");
  if (!item.startsWith("@")) return false;
  if (kind !== "filter" || !takesApplicationNames(env) || !APPLICATION.test(item)) fail("illegal-keyword");
  return true;
}

/** One address or a range `a-b`, `a-`, `-b` of addresses `valid` takes. */
function addressRange(text: string, valid: (address: string) => boolean): void {
  const ends = text.split("-");
  if (ends.length > 2 || ends.every((e) => e === "") || !ends.every((e) => e === "" || valid(e)))
    fail("bad-ip");
}

/** A domain name item (no mask: CR §8.1.10 forbids `/` and `:` in it). */
function domainName(item: string): void {
  if (item.length > 255 || !FQDN.test(item)) fail("bad-ip");
}

/** IPv4 filter source/destination (CR §8.1.10, §52.2, §26.2): `*`, or a comma list of addresses with `*`
 * octets and ranges, each with an optional mask (bits, dotted or `0x` hex), domain names, and for `ip filter` the
 * keywords `map-e`/`hb46pp` and application names. */
export function ipv4FilterAddress(text: string, env: Env, kind: AddressKind = "filter"): string {
  if (text === "*") return text;
  for (const item of text.split(",")) {
    if (namedAddress(item, env, kind)) continue;
    const [address, mask, extra] = item.split("/");
    if (extra !== undefined) fail("bad-ip");
    // Dotted numbers are an address; a word without dots (`1000`) is taken as a host name [U].
    if (/^[\d.*-]+$/.test(address) && address.includes(".")) addressRange(address, wildcardIpv4);
    else if (mask === undefined) domainName(address);
    else fail("bad-ip");
    if (mask !== undefined) prefixLength(mask);
  }
  return text;
}

/** An address in a learnt prefix, `ra-prefix@lan2::1` or `dhcp-prefix@lan1/2::1/64` (a tag VLAN), with its length. */
const DYNAMIC_IPV6 = /^(ra|dhcp)-prefix@[a-z]+\d+(\/\d+)?::[0-9a-f:]*(\/(\d+))?$/i;

/** IPv6 filter source/destination (CR §30.7.1, §52.3): `*`, or a comma list of static or dynamic addresses and
 * ranges, each with an optional prefix length, domain names, and for `ipv6 filter` the keywords and application
 * names. */
export function ipv6FilterAddress(text: string, env: Env, kind: AddressKind = "filter"): string {
  if (text === "*") return text;
  for (const item of text.split(",")) {
    if (namedAddress(item, env, kind)) continue;
    const dynamic = DYNAMIC_IPV6.exec(item);
    if (dynamic) {
      if (dynamic[4] !== undefined) integer(dynamic[4], 0, 128);
      continue;
    }
    const [address, bits, extra] = item.split("/");
    if (extra !== undefined) fail("bad-ip");
    if (address.includes(":")) addressRange(address, isIpv6);
    else if (bits === undefined) domainName(address);
    else fail("bad-ip");
    if (bits !== undefined) integer(bits, 0, 128);
  }
  return text;
}

const FILTER_ACTIONS = [
  "pass",
  "reject",
  "restrict",
  "pass-log",
  "pass-nolog",
  "reject-log",
  "reject-nolog",
  "restrict-log",
  "restrict-nolog",
] as const;

type Address = (text: string, env: Env) => string;

/** Protocol names of `ip filter` (CR §8.1.10); `ipv6 filter` adds `icmp-nd` and `icmp4` (§30.7.1). */
const PROTOCOLS = [
  "icmp",
  "tcp",
  "udp",
  "ipv6",
  "gre",
  "esp",
  "ah",
  "icmp6",
  "icmp-error",
  "icmp-info",
  "tcpsyn",
  "tcpfin",
  "tcprst",
  "established",
];
const IPV6_PROTOCOLS = [...PROTOCOLS, "icmp-nd", "icmp4"];

/** The protocol field: `*`, or a comma list of numbers 0..255, names and `tcpflag=V/M` / `tcpflag!=V/M` (hex). */
function protocolList(text: string, names: readonly string[]): string {
  if (text === "*") return text;
  for (const item of text.split(",")) {
    if (/^\d+$/.test(item)) integer(item, 0, 255);
    else if (!/^tcpflag!?=0x[0-9a-f]{1,4}\/0x[0-9a-f]{1,4}$/i.test(item)) keyword(item, names);
  }
  return text;
}

/** A port (or ICMP type/code) list of at most 10 items (CR §8.1.10). */
export function filterPorts(text: string): string {
  if (text.split(",").length > 10) fail("parameters");
  return portList(text);
}

/** `ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]` (CR §8.1.10, §30.7.1). */
function ipFilterArgs(r: Reader, env: Env, address: Address, protocols: readonly string[]): void {
  r.kw(FILTER_ACTIONS);
  r.replace((v) => address(v, env));
  if (r.remaining > 0) r.replace((v) => address(v, env));
  if (r.remaining > 0) r.replace((v) => protocolList(v, protocols));
  if (r.remaining > 0) r.replace(filterPorts);
  if (r.remaining > 0) r.replace(filterPorts);
  r.end();
}

/** Applications a dynamic filter knows (CR §8.1.14; §30.7.3 for IPv6, without netmeeting). */
const DYNAMIC_PROTOCOLS =
  "tcp|udp|ftp|tftp|domain|dns|www|http|https|smtp|submission|pop3|imap|imap3|telnet|ssh|echo|discard|daytime|" +
  "chargen|time|whois|gopher|finger|sunrpc|ident|nntp|ntp|ms-rpc|netbios_ns|netbios_dgm|netbios_ssn|snmp|snmptrap|" +
  "bgp|ldap|ms-ds|ike|rlogin|rwho|rsh|syslog|printer|rip|ripng|ms-sql|radius|l2tp|pptp|nfs|msblast|ipsec-nat-t|sip|" +
  "ping|ping6|dhcpc|dhcps|dhcpv6c|dhcpv6s";
const DYNAMIC_OPTIONS = "{syslog=on/off timeout=<int:1-21474836>}";
const FILTER_LIST = "<int:1-$filter>...";
/** After the addresses: an application, or `filter LIST [in LIST] [out LIST]`; then the options. */
const dynamicRest = (protocols: string) =>
  syntax(
    `( ${protocols} | filter ${FILTER_LIST} [in ${FILTER_LIST}] [out ${FILTER_LIST}] ) ${DYNAMIC_OPTIONS}`,
  );
const IPV4_DYNAMIC = dynamicRest(`${DYNAMIC_PROTOCOLS}|netmeeting`);
const IPV6_DYNAMIC = dynamicRest(DYNAMIC_PROTOCOLS);

function filterDynamicArgs(r: Reader, env: Env, address: Address, rest: Spec["args"]): void {
  r.replace((v) => address(v, env));
  r.replace((v) => address(v, env));
  rest(r, env);
}

const filterNumber = (r: Reader): string[] => [String(r.int(1, MAX_FILTER))];

export const filters: Family = {
  specs: [
    {
      head: "ip filter",
      scope: "global",
      key: filterNumber,
      args: (r, env) => ipFilterArgs(r, env, ipv4FilterAddress, PROTOCOLS),
      order: (key) => [SECTION.IP_FILTER, Number(key[0])],
    },
    {
      head: "ip filter dynamic",
      scope: "global",
      key: filterNumber,
      args: (r, env) => filterDynamicArgs(r, env, ipv4FilterAddress, IPV4_DYNAMIC),
      order: (key) => [SECTION.IP_FILTER_DYNAMIC, Number(key[0])],
    },
    {
      head: "ipv6 filter",
      scope: "global",
      key: filterNumber,
      args: (r, env) => ipFilterArgs(r, env, ipv6FilterAddress, IPV6_PROTOCOLS),
      order: (key) => [SECTION.IPV6_FILTER, Number(key[0])],
    },
    {
      head: "ipv6 filter dynamic",
      scope: "global",
      key: filterNumber,
      args: (r, env) => filterDynamicArgs(r, env, ipv6FilterAddress, IPV6_DYNAMIC),
      order: (key) => [SECTION.IPV6_FILTER_DYNAMIC, Number(key[0])],
    },
  ],
};
