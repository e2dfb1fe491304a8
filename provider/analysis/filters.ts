/**
 * IP filters as the router applies them to one packet, on the typed rules the filter readers return (the analysis
 * reads no filter text itself):
 *   - a static filter matches when its source, destination, protocol and (for TCP/UDP) port fields, or with `icmp`
 *     alone its ICMP type and code fields, all match (CR §8.1.10);
 *   - a secure filter list is tried in order and the first static filter that matches decides; a packet no filter
 *     matches is rejected (CR §8.1.25);
 *   - a dynamic filter of the list (after `dynamic`) that matches a passing packet opens a session whose return
 *     traffic passes the interface the other way, whatever that direction's list says (CR §8.1.14);
 *   - `restrict` passes only while the interface's line is connected and never dials for the packet (CR §8.1.10).
 * What cannot be known offline (host names, @applications, map-e/hb46pp addresses, a pp interface's IPCP address) is
 * assumed not to match, and the decision says so.
 */
import { IPv4 } from "ip-num";
import type { ConfigIndex } from "../config/index";
import {
  type AddressItem,
  type IpFilterRule,
  type PortRange,
  PROTOCOL_NUMBERS,
  type ProtocolItem,
  readIpFilters,
} from "../resources/ip-filter";
import type { Unreadable } from "../resources/lines";
import { type IpFilterDynamicRule, readIpFiltersDynamic } from "../resources/ip-filter-dynamic";
import type { SecureFilterList } from "../resources/secure-filter";

/** Every static and dynamic filter of a config by number, and the filter lines the readers refused. */
export interface FilterSet {
  static: Map<number, IpFilterRule>;
  dynamic: Map<number, IpFilterDynamicRule>;
  unreadable: Unreadable[];
}

export function readFilterSet(index: ConfigIndex): FilterSet {
  const statics = readIpFilters(index);
  const dynamics = readIpFiltersDynamic(index);
  return {
    static: new Map(statics.read.map((r) => [r.id, r])),
    dynamic: new Map(dynamics.read.map((r) => [r.id, r])),
    unreadable: [...statics.unreadable, ...dynamics.unreadable],
  };
}

export const TCP_FLAGS = { fin: 0x01, syn: 0x02, rst: 0x04, ack: 0x10 } as const;

/** A packet as a filter sees it. */
export interface FilterPacket {
  /** Undefined: an address known only at run time (a pp interface's IPCP address). */
  src?: IPv4;
  dst?: IPv4;
  /** IP protocol number. */
  protocol: number;
  sport?: number;
  dport?: number;
  /** TCP flags (TCP_FLAGS bits). */
  tcpFlags?: number;
  icmp?: { type: number; code: number };
}

const PROTOCOL_NAMES = new Map(Object.entries(PROTOCOL_NUMBERS).map(([name, n]) => [n, name]));

/** `tcp/445`, `udp/500`, `icmp echo request`, `esp`: the packet as the trace's steps name it. */
export function describePacket(p: FilterPacket): string {
  const name = PROTOCOL_NAMES.get(p.protocol) ?? `protocol ${p.protocol}`;
  if ((p.protocol === 6 || p.protocol === 17) && p.dport !== undefined) return `${name}/${p.dport}`;
  if (p.protocol === 1 && p.icmp) {
    const echo = { 8: "echo request", 0: "echo reply" }[p.icmp.type];
    return `icmp ${echo ?? `type ${p.icmp.type} code ${p.icmp.code}`}`;
  }
  return name;
}

/** A match that depends on what only the running router knows. */
type Tri = "yes" | "no" | "unknown";

const any = (results: Tri[]): Tri =>
  results.includes("yes") ? "yes" : results.includes("unknown") ? "unknown" : "no";
const all = (results: Tri[]): Tri =>
  results.includes("no") ? "no" : results.includes("unknown") ? "unknown" : "yes";

function addressItemMatches(item: AddressItem, address: IPv4 | undefined): Tri {
  if (item.kind === "any") return "yes";
  if (address === undefined) return "unknown";
  if (item.kind === "span")
    return item.span.getFirst().isLessThanOrEquals(address) && address.isLessThanOrEquals(item.span.getLast())
      ? "yes"
      : "no";
  if (item.kind === "octets") {
    const octets = address.toString().split(".").map(Number);
    return item.octets.every((o, i) => o === "*" || o === octets[i]) ? "yes" : "no";
  }
  // Host names, @applications and map-e/hb46pp addresses are resolved by the running router.
  return "unknown";
}

const addressMatches = (items: readonly AddressItem[], address: IPv4 | undefined): Tri =>
  any(items.map((i) => addressItemMatches(i, address)));

const ICMP_ERRORS = [3, 4, 5, 11, 12, 31, 32];
const ICMP_INFO = [0, 8, 9, 10, 13, 14, 15, 16, 17, 18, 30, 33, 34, 35, 36];
const FLAG_OF = {
  tcpsyn: TCP_FLAGS.syn,
  tcpfin: TCP_FLAGS.fin,
  tcprst: TCP_FLAGS.rst,
  established: TCP_FLAGS.ack,
};

function protocolItemMatches(item: ProtocolItem, p: FilterPacket): boolean {
  switch (item.kind) {
    case "any":
      return true;
    case "number":
      return p.protocol === item.number;
    case "icmp-error":
    case "icmp-info":
      return (
        p.protocol === 1 &&
        p.icmp !== undefined &&
        (item.kind === "icmp-error" ? ICMP_ERRORS : ICMP_INFO).includes(p.icmp.type)
      );
    case "tcp-flag":
      return p.protocol === 6 && ((p.tcpFlags ?? 0) & FLAG_OF[item.name]) !== 0;
    case "tcpflag":
      return p.protocol === 6 && (((p.tcpFlags ?? 0) & item.mask) === item.value) === item.equal;
  }
}

/** Whether a port (or ICMP type/code) is in a list; an unknown one matches only a list of every value. */
function inRanges(ranges: readonly PortRange[], n: number | undefined, max = 65535): Tri {
  if (n === undefined) return ranges.some((r) => r.first === 0 && r.last >= max) ? "yes" : "unknown";
  return ranges.some((r) => r.first <= n && n <= r.last) ? "yes" : "no";
}

/** Ports are compared only on TCP and UDP packets; with `icmp` alone the fields are ICMP type and code (CR §8.1.10). */
function portsMatch(rule: IpFilterRule, p: FilterPacket): Tri {
  if (rule.icmp)
    return p.icmp === undefined
      ? "no"
      : all([inRanges(rule.icmp.types, p.icmp.type, 255), inRanges(rule.icmp.codes, p.icmp.code, 255)]);
  if (p.protocol !== 6 && p.protocol !== 17) return "yes";
  return all([inRanges(rule.ports.source, p.sport), inRanges(rule.ports.destination, p.dport)]);
}

/** What a static filter's protocol and port fields say about a packet, addresses aside. */
const kindMatches = (rule: IpFilterRule, p: FilterPacket): Tri =>
  rule.protocols.some((i) => protocolItemMatches(i, p)) ? portsMatch(rule, p) : "no";

export function ruleMatches(rule: IpFilterRule, p: FilterPacket): Tri {
  return all([
    kindMatches(rule, p),
    addressMatches(rule.source, p.src),
    addressMatches(rule.destination, p.dst),
  ]);
}

/**
 * What each application of `ip filter dynamic N SRC DST PROTOCOL` inspects: its well-known protocol and destination
 * ports (IANA). `tcp`/`udp` take any port; `dhcpc`, `dhcps`, `dhcpv6c`, `dhcpv6s` are accepted but do nothing and
 * `ping6` is ICMPv6, so none of them opens a session for an IPv4 packet (CR §8.1.14).
 */
const APPLICATIONS: Readonly<Record<string, readonly { protocol: number; ports?: readonly number[] }[]>> = {
  tcp: [{ protocol: 6 }],
  udp: [{ protocol: 17 }],
  ftp: [{ protocol: 6, ports: [21] }],
  tftp: [{ protocol: 17, ports: [69] }],
  domain: [
    { protocol: 17, ports: [53] },
    { protocol: 6, ports: [53] },
  ],
  dns: [
    { protocol: 17, ports: [53] },
    { protocol: 6, ports: [53] },
  ],
  www: [{ protocol: 6, ports: [80] }],
  http: [{ protocol: 6, ports: [80] }],
  https: [{ protocol: 6, ports: [443] }],
  smtp: [{ protocol: 6, ports: [25] }],
  submission: [{ protocol: 6, ports: [587] }],
  pop3: [{ protocol: 6, ports: [110] }],
  imap: [{ protocol: 6, ports: [143] }],
  imap3: [{ protocol: 6, ports: [220] }],
  telnet: [{ protocol: 6, ports: [23] }],
  ssh: [{ protocol: 6, ports: [22] }],
  netmeeting: [{ protocol: 6, ports: [1720] }],
  echo: [
    { protocol: 6, ports: [7] },
    { protocol: 17, ports: [7] },
  ],
  discard: [
    { protocol: 6, ports: [9] },
    { protocol: 17, ports: [9] },
  ],
  daytime: [
    { protocol: 6, ports: [13] },
    { protocol: 17, ports: [13] },
  ],
  chargen: [
    { protocol: 6, ports: [19] },
    { protocol: 17, ports: [19] },
  ],
  time: [
    { protocol: 6, ports: [37] },
    { protocol: 17, ports: [37] },
  ],
  whois: [{ protocol: 6, ports: [43] }],
  gopher: [{ protocol: 6, ports: [70] }],
  finger: [{ protocol: 6, ports: [79] }],
  sunrpc: [
    { protocol: 6, ports: [111] },
    { protocol: 17, ports: [111] },
  ],
  ident: [{ protocol: 6, ports: [113] }],
  nntp: [{ protocol: 6, ports: [119] }],
  ntp: [{ protocol: 17, ports: [123] }],
  "ms-rpc": [{ protocol: 6, ports: [135] }],
  netbios_ns: [{ protocol: 17, ports: [137] }],
  netbios_dgm: [{ protocol: 17, ports: [138] }],
  netbios_ssn: [{ protocol: 6, ports: [139] }],
  snmp: [{ protocol: 17, ports: [161] }],
  snmptrap: [{ protocol: 17, ports: [162] }],
  bgp: [{ protocol: 6, ports: [179] }],
  ldap: [{ protocol: 6, ports: [389] }],
  "ms-ds": [{ protocol: 6, ports: [445] }],
  ike: [{ protocol: 17, ports: [500] }],
  rlogin: [{ protocol: 6, ports: [513] }],
  rwho: [{ protocol: 17, ports: [513] }],
  rsh: [{ protocol: 6, ports: [514] }],
  syslog: [{ protocol: 17, ports: [514] }],
  printer: [{ protocol: 6, ports: [515] }],
  rip: [{ protocol: 17, ports: [520] }],
  ripng: [{ protocol: 17, ports: [521] }],
  "ms-sql": [{ protocol: 6, ports: [1433] }],
  radius: [{ protocol: 17, ports: [1812] }],
  l2tp: [{ protocol: 17, ports: [1701] }],
  pptp: [{ protocol: 6, ports: [1723] }],
  nfs: [
    { protocol: 6, ports: [2049] },
    { protocol: 17, ports: [2049] },
  ],
  // The ports the Blaster worm used.
  msblast: [
    { protocol: 6, ports: [135, 4444] },
    { protocol: 17, ports: [69] },
  ],
  "ipsec-nat-t": [{ protocol: 17, ports: [4500] }],
  sip: [{ protocol: 17, ports: [5060] }],
  ping: [{ protocol: 1 }],
};

function applicationMatches(protocol: string, p: FilterPacket): Tri {
  if (protocol === "ping") return p.protocol === 1 && p.icmp?.type === 8 ? "yes" : "no";
  return any(
    (APPLICATIONS[protocol] ?? []).map((a) =>
      a.protocol !== p.protocol
        ? "no"
        : a.ports === undefined
          ? "yes"
          : inRanges(
              a.ports.map((n) => ({ first: n, last: n })),
              p.dport,
            ),
    ),
  );
}

/**
 * Whether a packet opens a dynamic filter's session: its own addresses, and its application or the protocol and port
 * fields of its trigger filters (whose addresses and actions are ignored, CR §8.1.14).
 */
export function dynamicMatches(set: FilterSet, rule: IpFilterDynamicRule, p: FilterPacket): Tri {
  const kind =
    rule.protocol !== undefined
      ? applicationMatches(rule.protocol, p)
      : any(rule.trigger.flatMap((n) => set.static.get(n) ?? []).map((trigger) => kindMatches(trigger, p)));
  return all([kind, addressMatches(rule.source, p.src), addressMatches(rule.destination, p.dst)]);
}

export type Direction = "in" | "out";

/** A connection a dynamic filter let through on an interface; its return traffic passes the other way. */
export interface FilterSession {
  interface: string;
  direction: Direction;
  packet: FilterPacket;
  dynamic: number;
  line: number;
}

const same = (a: IPv4 | undefined, b: IPv4 | undefined) =>
  a !== undefined && b !== undefined && a.isEquals(b);

/** Whether `p` is the answer to the session's packet, crossing the same interface the other way. */
function answers(s: FilterSession, iface: string, direction: Direction, p: FilterPacket): boolean {
  const q = s.packet;
  return (
    s.interface === iface &&
    s.direction !== direction &&
    q.protocol === p.protocol &&
    same(q.src, p.dst) &&
    same(q.dst, p.src) &&
    q.sport === p.dport &&
    q.dport === p.sport
  );
}

/** How one interface's secure filter list decided a packet. */
export interface FilterDecision {
  interface: string;
  direction: Direction;
  verdict: "pass" | "reject";
  /** filter: a static filter matched; dynamic: only a dynamic filter matched; session: the answer to a session; implicit: nothing matched. */
  by: "filter" | "dynamic" | "session" | "implicit";
  /** The deciding filter's number (static, or dynamic for `dynamic`/`session`). */
  filter?: number;
  /** The deciding filter's line, or the list's line for an implicit reject. */
  line: number;
  /** The `ip IF secure filter` line. */
  listLine: number;
  action?: IpFilterRule["action"];
  /** Whether the router logs the packet (-log/-nolog, or the action's default). */
  log?: boolean;
  /** The dynamic filter whose session the packet opened. */
  opens?: { dynamic: number; line: number };
  /** Filters skipped because they are not defined, unreadable or name what only the running router knows. */
  assumed: string[];
  packet: string;
  step: string;
}

export interface ListOptions {
  /** The interface's line is up (restrict passes); false only for a pp/tunnel line the caller knows is down. */
  connected: boolean;
}

/**
 * The interface's list for one direction applied to a packet: answers to sessions first, then the static filters
 * in order, the first that matches deciding; a passing packet that a dynamic filter matches opens a session.
 */
export function evaluateList(
  set: FilterSet,
  iface: string,
  list: SecureFilterList,
  packet: FilterPacket,
  sessions: readonly FilterSession[],
  options: ListOptions,
): FilterDecision {
  const where = `${iface} ${list.direction}`;
  const what = describePacket(packet);
  const base = { interface: iface, direction: list.direction, listLine: list.line, packet: what };
  const session = sessions.find((s) => answers(s, iface, list.direction, packet));
  if (session)
    return {
      ...base,
      verdict: "pass",
      by: "session",
      filter: session.dynamic,
      line: session.line,
      assumed: [],
      step: `${where}: the session dynamic filter ${session.dynamic} (line ${session.line}) opened on ${session.interface} ${session.direction} passes the answer ${what}`,
    };
  const assumed: string[] = [];
  const opening = () => {
    for (const n of list.dynamic) {
      const rule = set.dynamic.get(n);
      if (!rule) {
        assumed.push(`dynamic filter ${n} is not defined`);
        continue;
      }
      const m = dynamicMatches(set, rule, packet);
      if (m === "yes") return { dynamic: n, line: rule.line };
      if (m === "unknown")
        assumed.push(`dynamic filter ${n} (line ${rule.line}) is decided only at run time`);
    }
    return undefined;
  };
  const note = () => (assumed.length > 0 ? ` (assumed not to match: ${assumed.join("; ")})` : "");
  for (const n of list.filters) {
    const rule = set.static.get(n);
    if (!rule) {
      assumed.push(`filter ${n} is not defined`);
      continue;
    }
    const m = ruleMatches(rule, packet);
    if (m === "unknown") assumed.push(`filter ${n} (line ${rule.line}) is decided only at run time`);
    if (m !== "yes") continue;
    const restricted = rule.action === "restrict" && !options.connected;
    const verdict = rule.action === "reject" || restricted ? "reject" : "pass";
    const opens = verdict === "pass" ? opening() : undefined;
    const log = rule.log ?? (rule.action === "reject" || restricted);
    const how =
      rule.action === "restrict"
        ? restricted
          ? `restrict rejects ${what}: ${iface} is not connected and restrict never dials`
          : `restrict passes ${what} while ${iface} is connected (it never dials for it)`
        : `${verdict === "pass" ? "passes" : "rejects"} ${what}`;
    const session = opens
      ? `; dynamic filter ${opens.dynamic} (line ${opens.line}) opens a session for the answer`
      : "";
    return {
      ...base,
      verdict,
      by: "filter",
      filter: n,
      line: rule.line,
      action: rule.action,
      log,
      ...(opens ? { opens } : {}),
      assumed,
      step: `${where}: filter ${n} (line ${rule.line}) ${how}${session}${note()}`,
    };
  }
  const opens = opening();
  if (opens)
    return {
      ...base,
      verdict: "pass",
      by: "dynamic",
      filter: opens.dynamic,
      line: opens.line,
      opens,
      assumed,
      step: `${where}: dynamic filter ${opens.dynamic} (line ${opens.line}) passes ${what} and opens a session for the answer${note()}`,
    };
  return {
    ...base,
    verdict: "reject",
    by: "implicit",
    line: list.line,
    assumed,
    step: `${where}: no filter of the list (line ${list.line}) matches ${what}, so it is rejected${note()}`,
  };
}
