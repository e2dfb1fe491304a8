/**
 * The router's fixed `show config` order (not input order). Every command's `order` tuple starts with its section
 * (global lines) or its position inside the pp / tunnel block (pp- and tunnel-scoped lines).
 *
 * Positions inside a block, as the dumps print them (`at(N)` in the family files):
 * - pp block: -1 description, 0-6 pp name/bind/pppoe/auth, 10-13 ppp, 20-27 ip pp, 99 pp enable (families/pp.ts).
 * - tunnel block: -1 description, 0-3 tunnel (families/tunnel.ts), 10-22 ipsec tunnel and its nested IKE lines
 *   (families/ipsec.ts), 30-39 l2tp (families/l2tp.ts), 40-45 ip tunnel (families/tunnel.ts), 99 tunnel enable.
 */

export type Order = (string | number)[];

/** Global show-config sections (yamaha-cli.md §7.2). The pp and tunnel blocks print between NGN and IP_FILTER. */
// Sections not seen in a dump (marked [U] in the family files) are placed by the yamaha-cli.md §7.2 rough order:
// device settings first, links and interfaces, the blocks, filters and NAT, then the services.
export const SECTION = {
  DESCRIPTION: 0,
  LOGIN: 10,
  SYSTEM: 12,
  ROUTE: 20,
  IP_GLOBAL: 21,
  IPV6_PREFIX: 22,
  IPV6_GLOBAL: 23,
  LAN: 25,
  INTERFACE: 30,
  ISDN: 35,
  NGN: 40,
  IP_FILTER: 60,
  IP_FILTER_DYNAMIC: 61,
  ETHERNET_FILTER: 62,
  QOS: 65,
  NAT_COMPAT: 69,
  NAT: 70,
  IPV6_FILTER: 75,
  IPV6_FILTER_DYNAMIC: 76,
  IPSEC: 80,
  RIP: 84,
  OSPF: 85,
  BGP: 86,
  SYSLOG: 90,
  TELNETD: 91,
  SSHD: 92,
  HTTPD: 93,
  DHCP: 100,
  DHCP_SCOPE: 101,
  DHCPV6: 102,
  DNS: 110,
  NETVOLANTE: 111,
  SCHEDULE: 120,
  NTP: 125,
  L2TP: 130,
  PPTP: 131,
  SNMP: 135,
  UPNP: 136,
  MAIL: 137,
  STATISTICS: 140,
  TELEPHONY: 145,
  DASHBOARD: 150,
  WWAN: 155,
  LUA: 160,
  OTHER: 170,
} as const;

/** Where the runtime prints the pp and tunnel blocks among the global lines: after every global line whose
 * `order[0]` is below this value. */
export const BLOCKS_SECTION = 50;

/** Interface sort key: bridge before lan [V] rtx830 dump; a tag VLAN `lan1/3` after its port `lan1`. */
export function interfaceOrder(name: string): number[] {
  const m = /^([a-z]+)(\d+)(?:[/.](\d+))?$/.exec(name);
  if (!m) return [99, 0, 0];
  const kinds = ["bridge", "lan", "vlan", "loopback", "onu", "bri", "wlan"];
  return [kinds.indexOf(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
}

/** Compares two `order` tuples: numbers numerically, strings lexically, a prefix first. */
export function compareOrder(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
