/** IP and IPv6 packet filters (`ip filter`, `ipv6 filter`, their `dynamic` forms) and the filter lists that
 * `secure filter` lines of interfaces, pp and tunnels apply. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import type { Family } from "../spec";
import { fail, integer, isIpv4, isIpv6, MAX_FILTER, portList } from "../values";

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

/** Filter source/destination: `*`, IP, IP/mask, ranges `a-b`, `a-`, `-b`, comma lists [V] dumps / CR §8. */
function filterAddress(text: string): string {
  if (text === "*") return text;
  for (const part of text.split(",")) {
    const [ip, mask] = part.split("/");
    const ends = ip.split("-").filter((e) => e !== "");
    if (ends.length === 0 || ends.length > 2 || !ends.every(isIpv4)) fail("bad-ip");
    if (mask !== undefined) integer(mask, 0, 32);
  }
  return text;
}

function ipv6FilterAddress(text: string): string {
  if (text === "*") return text;
  for (const part of text.split(",")) {
    const [ip, bits] = part.split("/");
    if (!isIpv6(ip) && !/@/.test(ip)) fail("bad-ip");
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

function ipFilterArgs(r: Reader, address: (text: string) => string): void {
  r.kw(FILTER_ACTIONS);
  r.replace(address);
  if (r.remaining > 0) r.replace(address);
  if (r.remaining > 0) r.next(); // protocol: names, numbers, lists such as `tcpfin` or `6,17`
  while (r.remaining > 0) r.replace(portList);
  r.end();
}

const DYNAMIC_PROTOCOLS = [
  "ftp",
  "www",
  "smtp",
  "pop3",
  "tcp",
  "udp",
  "domain",
  "telnet",
  "tftp",
  "submission",
  "ident",
  "icmp",
  "icmp6",
  "netmeeting",
  "sip",
  "ping",
  "ping6",
  "https",
  "imap",
  "rtsp",
  "nntp",
  "snmp",
  "ntp",
  "ipsec-nat-t",
] as const;

function filterDynamicArgs(r: Reader, address: (text: string) => string): void {
  r.replace(address);
  r.replace(address);
  if (r.peek() === "filter") {
    // `filter LIST [in LIST] [out LIST]`
    r.next();
    while (r.remaining > 0) {
      if (r.peek() === "in" || r.peek() === "out") r.next();
      else r.int(1, MAX_FILTER);
    }
    return;
  }
  r.kw(DYNAMIC_PROTOCOLS);
  while (r.remaining > 0) r.next(); // options such as syslog=off, timeout=N
}

const filterNumber = (r: Reader): string[] => [String(r.int(1, MAX_FILTER))];

export const filters: Family = {
  specs: [
    {
      head: "ip filter",
      scope: "global",
      key: filterNumber,
      args: (r) => ipFilterArgs(r, filterAddress),
      order: (key) => [SECTION.IP_FILTER, Number(key[0])],
    },
    {
      head: "ip filter dynamic",
      scope: "global",
      key: filterNumber,
      args: (r) => filterDynamicArgs(r, filterAddress),
      order: (key) => [SECTION.IP_FILTER_DYNAMIC, Number(key[0])],
    },
    {
      head: "ipv6 filter",
      scope: "global",
      key: filterNumber,
      args: (r) => ipFilterArgs(r, ipv6FilterAddress),
      order: (key) => [SECTION.IPV6_FILTER, Number(key[0])],
    },
    {
      head: "ipv6 filter dynamic",
      scope: "global",
      key: filterNumber,
      args: (r) => filterDynamicArgs(r, ipv6FilterAddress),
      order: (key) => [SECTION.IPV6_FILTER_DYNAMIC, Number(key[0])],
    },
  ],
};
