/**
 * IPv4 vocabulary shared by the resource schemas. All address math goes through ip-num; these helpers only
 * adapt its results to zod refinements and to the router's spellings ("a-b" ranges, "a.b.c.d/len").
 */
import { IPv4, IPv4CidrRange, IPv4Mask, RangedSet, Validator } from "ip-num";
import { z } from "zod";

export type Span = RangedSet<IPv4>;

export function isIPv4(s: string): boolean {
  return Validator.isValidIPv4String(s)[0];
}

export const ipv4 = z.string().refine(isIPv4, "must be an IPv4 address such as 192.168.1.1");

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most (RFC 1123). */
export const dnsName =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** "a" or "a-b" (first ≤ last) as a span; undefined when malformed or reversed. */
export function parseSpan(s: string): Span | undefined {
  const [a, b, ...rest] = s.split("-");
  if (rest.length > 0 || !isIPv4(a) || (b !== undefined && !isIPv4(b))) return undefined;
  const first = IPv4.fromString(a);
  const last = b === undefined ? first : IPv4.fromString(b);
  return first.isGreaterThan(last) ? undefined : new RangedSet(first, last);
}

/** `count` consecutive addresses from `start`, or undefined when they run past 255.255.255.255. */
export function spanFrom(start: string, count: number): Span | undefined {
  const first = IPv4.fromString(start);
  const lastValue = first.getValue() + BigInt(count) - 1n;
  return lastValue > IPv4.fromString("255.255.255.255").getValue()
    ? undefined
    : new RangedSet(first, IPv4.fromNumber(lastValue));
}

/** A zod check for "a-b" ranges: both ends valid and ordered. */
export const ipv4Range = z.string().superRefine((s, ctx) => {
  const [a, b, ...rest] = s.split("-");
  if (b === undefined || rest.length > 0 || !isIPv4(a) || !isIPv4(b)) {
    ctx.addIssue({ code: "custom", message: "must be a range FIRST-LAST such as 192.168.1.2-192.168.1.63" });
  } else if (parseSpan(s) === undefined) {
    ctx.addIssue({ code: "custom", message: `range is reversed: ${a} is after ${b}` });
  }
});

/** "a.b.c.d/len" with any host part (an interface address); the network it lies in. */
export function interfaceNetwork(s: string): IPv4CidrRange | undefined {
  return Validator.isValidIPv4CidrNotation(s)[0] ? IPv4CidrRange.fromCidr(s) : undefined;
}

/**
 * Why "a.b.c.d/len" is not an address a router interface can take, or undefined (CR §8.1.2): the prefix is 1..32
 * written plainly, and on a network of more than two addresses the host is neither its first nor its last.
 */
export function interfaceAddressProblem(s: string): string | undefined {
  const [host, bits, ...rest] = s.split("/");
  if (rest.length > 0 || !isIPv4(host) || !/^(0|[1-9]\d?)$/.test(bits ?? "") || Number(bits) > 32)
    return "must be ADDRESS/PREFIX such as 192.168.11.250/24";
  if (bits === "0")
    return "a /0 prefix would put every IPv4 address on the interface; give the LAN's prefix length";
  const network = networkOf(host, Number(bits));
  if (network.getSize() <= 2n) return undefined;
  const where = network.toCidrString();
  if (host === network.getFirst().toString()) return `${host} is the network address of ${where}`;
  if (host === network.getLast().toString()) return `${host} is the broadcast address of ${where}`;
  return undefined;
}

/** A router interface's address with its prefix length, "192.168.11.250/24" (see `interfaceAddressProblem`). */
export const interfaceAddress = z.string().superRefine((s, ctx) => {
  const problem = interfaceAddressProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** The network "a.b.c.d/len" of an address and prefix length (host bits cleared). */
export function networkOf(address: string, prefixLength: number): IPv4CidrRange {
  const range = IPv4CidrRange.fromCidr(`${address}/${prefixLength}`);
  return IPv4CidrRange.fromCidr(`${range.getFirst().toString()}/${prefixLength}`);
}

/** Whether "a.b.c.d/len" is a network address (no host bits set). */
export function isNetwork(s: string): boolean {
  return Validator.isValidIPv4CidrRange(s)[0];
}

export function spanOfNetwork(network: IPv4CidrRange): Span {
  return new RangedSet(network.getFirst(), network.getLast());
}

/** The prefix length of a dotted netmask such as 255.255.255.0; undefined for a non-contiguous mask. */
export function prefixOfMask(mask: string): number | undefined {
  return Validator.isValidIPv4Mask(mask)[0] ? new IPv4Mask(mask).prefix : undefined;
}

/**
 * The prefix length a `/LEN` or `/MASK` suffix spells (`24`, `255.255.255.0`, or hex `0xffffff00`, CR §12.1.4,
 * §23.6); undefined when it is none of them.
 */
export function prefixOf(lengthOrMask: string): number | undefined {
  if (/^\d+$/.test(lengthOrMask)) return Number(lengthOrMask) <= 32 ? Number(lengthOrMask) : undefined;
  if (/^0x[0-9a-f]{8}$/i.test(lengthOrMask))
    return prefixOfMask(IPv4.fromNumber(BigInt(lengthOrMask)).toString());
  return prefixOfMask(lengthOrMask);
}

/** "a.b.c.d/len" or "a.b.c.d/MASK" (both forms `ip IF address` takes) as host and prefix length; undefined otherwise. */
export function parseAddressWithPrefix(s: string): { host: string; prefixLength: number } | undefined {
  const [host, suffix, ...rest] = s.split("/");
  const prefixLength = suffix === undefined || rest.length > 0 ? undefined : prefixOf(suffix);
  return prefixLength === undefined || !isIPv4(host) ? undefined : { host, prefixLength };
}

export function addressInside(address: string, span: Span): boolean {
  return new RangedSet(IPv4.fromString(address), IPv4.fromString(address)).inside(span);
}
