/**
 * Checks of single argument values (numbers, addresses, masks, ports, keywords). Each returns the value in its
 * canonical form or aborts the command with one of the device's error classes.
 */
import { IPv4, IPv4CidrRange, IPv4Mask, Validator } from "ip-num";
import type { GrammarError } from "../grammar-contract";

/** Thrown inside a spec to abort with one of the device's error classes; the dispatcher turns it into a result. */
export class Failure {
  constructor(readonly error: GrammarError) {}
}
export const fail = (error: GrammarError): never => {
  throw new Failure(error);
};

export const INTERFACE = /^(lan\d+(\/\d+|\.\d+)?|bridge\d+|loopback\d+|vlan\d+|onu\d+|bri\d+|wlan\d+)$/;
export const MAX_ID = 2147483647;
export const MAX_FILTER = 21474836;
export const ON_OFF = ["on", "off"] as const;

export function integer(text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) fail("not-integer");
  const n = Number(text);
  if (n < min || n > max) fail("out-of-range");
  return n;
}

export function keyword<T extends string>(text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) fail("illegal-keyword");
  return text as T;
}

/** An interface name (lan1, lan1/2, bridge1, ...). */
export function interfaceName(text: string): string {
  return INTERFACE.test(text) ? text : fail("illegal-keyword");
}

export function isIpv4(text: string): boolean {
  return Validator.isValidIPv4String(text)[0];
}

export function ipv4(text: string): string {
  if (!isIpv4(text)) fail("bad-ip");
  return text;
}

export function ipv4Number(text: string): number {
  return Number(IPv4.fromString(text).value);
}

/** `a.b.c.d/bits` or `a.b.c.d/dotted-mask`. */
export function ipv4Prefix(text: string): string {
  const [ip, mask, extra] = text.split("/");
  if (extra !== undefined || mask === undefined) fail("bad-ip");
  return `${ipv4(ip)}/${prefixLength(mask)}`;
}

/** A mask as bits, dotted quad or `0x` hex (CR §8.1.2); dotted and hex masks print as bits [U]. */
export function prefixLength(mask: string): number {
  if (/^\d+$/.test(mask)) return integer(mask, 0, 32);
  return maskBits(/^0x[0-9a-f]{8}$/i.test(mask) ? hexMaskToDotted(mask) : mask);
}

/** Prefix length of a dotted mask such as `255.255.255.0`. */
function maskBits(mask: string): number {
  if (!Validator.isValidIPv4Mask(mask)[0]) fail("bad-ip");
  return Number(new IPv4Mask(mask).prefix);
}

function hexMaskToDotted(mask: string): string {
  return IPv4.fromNumber(BigInt(mask)).toString();
}

/** Number of addresses in `a.b.c.d` or `a.b.c.d-e.f.g.h`. */
export function addressCount(text: string): number {
  const [from, to = from] = text.split("-");
  return ipv4Number(to) - ipv4Number(from) + 1;
}

/** Both ends of an address range lie in one network of the given prefix length. */
export function inOneNetwork(from: string, to: string, bits: number): boolean {
  return IPv4CidrRange.fromCidr(`${from}/${bits}`).contains(IPv4.fromString(to));
}

/** `a.b.c.d-e.f.g.h` with first ≤ last. */
export function ipv4Range(text: string): string {
  const [from, to, extra] = text.split("-");
  if (extra !== undefined || to === undefined) fail("bad-ip");
  if (ipv4Number(ipv4(from)) > ipv4Number(ipv4(to))) fail("out-of-range");
  return text;
}

/** One address or a range `a.b.c.d-e.f.g.h` (address pools, NAT outer/inner lists, host lists). */
export function ipv4OrRange(text: string): string {
  return text.includes("-") ? ipv4Range(text) : ipv4(text);
}

export function isIpv6(text: string): boolean {
  return Validator.isValidIPv6String(text)[0];
}

/** An IPv6 or IPv4 address (tunnel endpoints, IKE local address, syslog host, DNS servers). */
export function ipv4OrIpv6(text: string): string {
  return isIpv6(text) ? text : ipv4(text);
}

/** IPv6 prefixes may be relative to a learnt prefix: `ra-prefix@lan2::1/64`, `dhcp-prefix@lan2::/64` [V] dump. */
export function ipv6Prefix(text: string): string {
  const m = /^(?:(?:ra|dhcp)-prefix@[a-z]+\d+)?([0-9a-f:]+)\/(\d+)$/i.exec(text) ?? fail("bad-ip");
  if (!text.includes("@") && !isIpv6(m[1])) fail("bad-ip");
  integer(m[2], 0, 128);
  return text;
}

/** Port mnemonics accepted where a port number is (CR §8 filter table); dumps show `www`, `ftp`, `domain`... */
const PORT_NAMES = [
  "ftp",
  "ftpdata",
  "telnet",
  "smtp",
  "domain",
  "gopher",
  "finger",
  "www",
  "pop3",
  "sunrpc",
  "ident",
  "nntp",
  "ntp",
  "ms-rpc",
  "netbios_ns",
  "netbios_dgm",
  "netbios_ssn",
  "imap",
  "snmp",
  "snmptrap",
  "bgp",
  "imap3",
  "ldap",
  "https",
  "ms-ds",
  "ike",
  "rlogin",
  "rwho",
  "rsh",
  "syslog",
  "printer",
  "rip",
  "ripng",
  "dhcpc",
  "dhcps",
  "tftp",
  "submission",
  "sip",
  "l2tp",
  "pptp",
  "nfs",
  "radius",
  "radacct",
  "echo",
  "discard",
  "daytime",
  "chargen",
  "tcp",
  "udp",
] as const;

export function port(text: string): string {
  if (/^\d+$/.test(text)) integer(text, 0, 65535);
  else keyword(text, PORT_NAMES);
  return text;
}

/** `*`, or ports and port ranges separated by commas (`80`, `www`, `1024-65535`, `80,443`). */
export function portList(text: string): string {
  if (text !== "*")
    text.split(",").forEach((part) =>
      part
        .split("-")
        .filter((p) => p !== "")
        .forEach(port),
    );
  return text;
}

/** Space-separated IDs `a` or ranges `a-b` (tunnel template, pp/tunnel enable). */
export function idList(text: string, min: number, max: number): void {
  const [from, to, extra] = text.split("-");
  if (extra !== undefined) fail("parameters");
  const a = integer(from, min, max);
  if (to !== undefined && integer(to, min, max) < a) fail("out-of-range");
}
