/**
 * DHCP option 121 (classless static routes, RFC 3442) in the router's byte syntax: comma-separated two-digit
 * lower-case hex. Each route is its prefix length, the significant octets of the destination, then the gateway.
 */
import { IPv4, IPv4CidrRange } from "ip-num";

export interface ClasslessRoute {
  /** "192.168.4.0/24"; the default route is "0.0.0.0/0". */
  destination: string;
  gateway: string;
}

const hex = (n: number) => n.toString(16).padStart(2, "0");

export function encodeClasslessRoutes(routes: readonly ClasslessRoute[]): string {
  return routes
    .flatMap((r) => {
      const range = IPv4CidrRange.fromCidr(r.destination);
      const width = Number(range.cidrPrefix.getValue());
      const destination = range
        .getFirst()
        .getOctets()
        .map((o) => o.getValue());
      const gateway = IPv4.fromString(r.gateway)
        .getOctets()
        .map((o) => o.getValue());
      return [width, ...destination.slice(0, Math.ceil(width / 8)), ...gateway];
    })
    .map(hex)
    .join(",");
}

/** The routes a byte string spells; throws naming the byte offset when it is malformed. */
export function decodeClasslessRoutes(value: string): ClasslessRoute[] {
  const bytes = value.split(",").map((b, i) => {
    if (!/^[0-9a-fA-F]{1,2}$/.test(b)) throw new Error(`option 121 byte ${i} "${b}" is not hex`);
    return parseInt(b, 16);
  });
  const routes: ClasslessRoute[] = [];
  for (let i = 0; i < bytes.length;) {
    const width = bytes[i];
    if (width > 32) throw new Error(`option 121 byte ${i}: prefix length ${width} is over 32`);
    const significant = Math.ceil(width / 8);
    if (i + 1 + significant + 4 > bytes.length) throw new Error(`option 121 byte ${i}: route is cut short`);
    const destination = [...bytes.slice(i + 1, i + 1 + significant), 0, 0, 0, 0].slice(0, 4).join(".");
    const gateway = bytes.slice(i + 1 + significant, i + 5 + significant).join(".");
    routes.push({ destination: `${destination}/${width}`, gateway });
    i += 5 + significant;
  }
  return routes;
}
