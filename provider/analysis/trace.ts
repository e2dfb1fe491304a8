/**
 * How the router forwards one IPv4 packet, and how the answer comes back.
 *
 * Per interface the descriptors of `ip IF nat descriptor LIST reverse LIST` act like this (CR §23 intro and §23.2: the
 * network beyond the interface is the outer side):
 *   forward, packet leaving:   source inner → outer      forward, packet arriving: destination outer → inner
 *   reverse, packet arriving:  source inner → outer      reverse, packet leaving:  destination outer → inner
 * The seed's walk-throughs of descriptors 20, 30, 31 and 40 are exactly these four cases.
 *
 * Sessions: whatever a descriptor did to the first packet (including nothing) is undone for the reply on the same
 * interface, without consulting the static entries again. That is why a client outside 192.168.11.0/24 still reaches
 * 192.168.11.240 directly through `ip lan1 nat descriptor reverse 30` (seed §4, final config).
 *
 * Assumptions (the config cannot say): a host on a LAN answers through its default gateway, the router, unless the
 * address it answers is on its own LAN; pp and tunnel peers answer through the interface the packet left by.
 */
import { AnalysisError } from "../errors";
import { IPv4 } from "ip-num";
import {
  classlessRoutes,
  connectedInterface,
  inSpans,
  ip,
  isOwnAddress,
  poolSpans,
  ppAnonymousNatActive,
  type Interface,
  type InterfaceName,
  type MasqueradeStatic,
  type NatDescriptor,
  type NetworkModel,
  spanOf,
  type Route,
} from "./network";
import type { Span } from "../resources/net";
import { PROTOCOL_NUMBERS } from "../resources/ip-filter";
import {
  evaluateList,
  type FilterDecision,
  type FilterPacket,
  type FilterSession,
  TCP_FLAGS,
} from "./filters";

export type Verdict = "delivered" | "dropped" | "router";

export interface TraceQuery {
  in: InterfaceName;
  src: string;
  dst: string;
  proto?: "tcp" | "udp" | "icmp";
  dport?: number;
  /** The sender's port; an ephemeral port (EPHEMERAL_PORT) when not given. */
  sport?: number;
  /** pp and tunnel interfaces whose line is down: `restrict` filters reject there instead of passing. */
  down?: InterfaceName[];
}

/** The source port assumed for TCP/UDP when the query gives none: the first of the IANA dynamic range. */
export const EPHEMERAL_PORT = 49152;

/** One direction of the trace; src/dst are the addresses as the packet leaves the router. */
export interface Hop {
  verdict: Verdict;
  egress: InterfaceName | null;
  src: string;
  dst: string;
  steps: string[];
  /** Every secure filter list the packet met, with what decided it. */
  filters: FilterDecision[];
  /** The filter decision that dropped the packet, when a filter did. */
  blockedBy?: FilterDecision;
}

export interface TraceResult extends Hop {
  /** The answer to the packet, or null when the packet was dropped. */
  reply: Hop | null;
}

interface Packet {
  src: IPv4;
  dst: IPv4;
  proto?: string;
  dport?: number;
  sport?: number;
  /** TCP: the opening packet is a SYN, its answer a SYN/ACK. */
  tcpFlags?: number;
  /** ICMP: an echo request, answered by an echo reply. */
  icmp?: { type: number; code: number };
}

type Direction = "in" | "out";

/** What one descriptor on one interface did to the first packet, in one direction. */
interface Session {
  field: "src" | "dst";
  from: IPv4;
  to: IPv4;
}

type Sessions = Map<string, Session>;

interface Walk {
  model: NetworkModel;
  sessions: Sessions;
  /** True while tracing the reply: sessions are undone, not recorded. */
  replying: boolean;
  steps: string[];
  /** Sessions dynamic filters opened for the first packet, which its answer may use. */
  filterSessions: FilterSession[];
  filters: FilterDecision[];
  down: ReadonlySet<InterfaceName>;
}

type Outcome = { verdict: Verdict; egress: Interface | null; packet: Packet };

const sessionKey = (iface: Interface, id: number, dir: Direction) => `${iface.name}#${id}#${dir}`;

function offset(address: IPv4, from: Span, to: Span): IPv4 {
  return IPv4.fromNumber(to.getFirst().getValue() + (address.getValue() - from.getFirst().getValue()));
}

/**
 * The outer addresses a descriptor can hand out on this interface: `primary`/`ipcp` are its first address,
 * `secondary` its second; map-e and hb46pp addresses are provisioned at run time and unknown offline.
 */
function outerAddresses(d: NatDescriptor, iface: Interface): Span[] | undefined {
  if (Array.isArray(d.outer)) return d.outer;
  if (d.outer === "map-e" || d.outer === "hb46pp") return undefined;
  const address = d.outer === "secondary" ? iface.addresses[1] : iface.addresses[0];
  return address ? [spanOf(address.ip)] : undefined;
}

/** Inner → outer for the packet that opens a session: static entry, then dynamic NAT, then masquerade. */
function toOuter(d: NatDescriptor, iface: Interface, address: IPv4): { to: IPv4; how: string } | undefined {
  for (const s of d.statics) {
    if (inSpans(address, [s.inner]))
      return { to: offset(address, s.inner, s.outer), how: `static, line ${s.line}` };
  }
  if (d.inner && !inSpans(address, d.inner)) return undefined;
  const outer = outerAddresses(d, iface);
  if (!outer) return undefined;
  if (d.type === "nat" || d.type === "nat-masquerade") {
    for (const span of outer) {
      for (let v = span.getFirst().getValue(); v <= span.getLast().getValue(); v++) {
        const candidate = IPv4.fromNumber(v);
        if (!d.statics.some((s) => inSpans(candidate, [s.outer])))
          return { to: candidate, how: "dynamic NAT" };
      }
    }
  }
  if (d.type === "masquerade" || d.type === "nat-masquerade")
    return { to: outer[0].getFirst(), how: "IP masquerade" };
  return undefined;
}

/** Port mnemonics that appear in `nat descriptor masquerade static` lines of real dumps. */
const PORT_NAMES: Readonly<Record<string, string>> = {
  ftp: "21",
  ssh: "22",
  telnet: "23",
  smtp: "25",
  domain: "53",
  www: "80",
  pop3: "110",
  ntp: "123",
  https: "443",
};

const portNumber = (port: string | undefined) =>
  port === undefined ? undefined : (PORT_NAMES[port] ?? port);

/** Outer → inner for a packet that opens a session: static NAT or static masquerade entries only. */
function toInner(d: NatDescriptor, iface: Interface, packet: Packet): { to: IPv4; how: string } | undefined {
  for (const s of d.statics) {
    if (inSpans(packet.dst, [s.outer]))
      return { to: offset(packet.dst, s.outer, s.inner), how: `static, line ${s.line}` };
  }
  const first = outerAddresses(d, iface)?.[0]?.getFirst();
  if (d.type === "nat" || !first?.isEquals(packet.dst)) return undefined;
  const entry = masqueradeStaticFor(d, packet.proto, packet.dport);
  return entry ? { to: entry.inner, how: `masquerade static, line ${entry.line}` } : undefined;
}

const protocolNumber = (p: string) => PROTOCOL_NUMBERS[p] ?? (/^\d+$/.test(p) ? Number(p) : undefined);

/** The `masquerade static` entry a packet to the outer address is forwarded by: its protocol and, but for esp, port. */
export function masqueradeStaticFor(
  d: NatDescriptor,
  proto: string | undefined,
  dport: number | undefined,
): MasqueradeStatic | undefined {
  const wanted = proto === undefined ? undefined : protocolNumber(proto);
  return d.masqueradeStatics.find(
    (m) =>
      wanted !== undefined &&
      protocolNumber(m.protocol) === wanted &&
      (wanted === PROTOCOL_NUMBERS.esp || portNumber(m.outerPort ?? m.innerPort) === String(dport)),
  );
}

/**
 * A forward descriptor met a packet from outside that no entry matched. What the seed measured on NVR500/NVR510:
 * nat and nat-masquerade let it through (the CR says it is discarded), masquerade applies `masquerade incoming`.
 */
function unmatched(
  w: Walk,
  label: string,
  d: NatDescriptor,
  packet: Packet,
): { drop?: string; packet: Packet } {
  if (d.type !== "masquerade") {
    w.steps.push(
      `${label}: no entry for ${packet.dst}; type ${d.type} lets unmatched packets through (as observed on NVR500/NVR510)`,
    );
    return { packet };
  }
  const { action, forwardTo } = d.incoming;
  if (action === "forward" && forwardTo) {
    w.steps.push(`${label}: no entry for ${packet.dst}; masquerade incoming forwards it to ${forwardTo}`);
    return { packet: { ...packet, dst: forwardTo } };
  }
  if (action === "through" && !(packet.proto === "tcp" && (packet.dport ?? 0) <= 1023)) {
    w.steps.push(`${label}: no entry for ${packet.dst}; masquerade incoming through lets it pass`);
    return { packet };
  }
  return { drop: `${label}: no entry for ${packet.dst}; masquerade incoming ${action} drops it`, packet };
}

/** Applies one descriptor of an interface's list to a packet passing in `dir`. */
function applyDescriptor(
  w: Walk,
  iface: Interface,
  id: number,
  role: "forward" | "reverse",
  dir: Direction,
  packet: Packet,
): { drop?: string; packet: Packet } {
  const d = w.model.descriptors.get(id);
  const where = `${iface.name} ${dir === "in" ? "in" : "out"}`;
  if (!d?.type || d.type === "none") {
    w.steps.push(`${where}: NAT descriptor ${id} has no type (none): no translation`);
    return { packet };
  }
  const label = `${where}: NAT descriptor ${id} (${role === "reverse" ? "reverse, " : ""}${d.type})`;
  const opposite = w.sessions.get(sessionKey(iface, id, dir === "in" ? "out" : "in"));
  if (w.replying && opposite) {
    // The reply meets the descriptor from the other side: undo the first packet's translation.
    const field = opposite.field === "src" ? "dst" : "src";
    if (!packet[field].isEquals(opposite.to)) return { packet };
    if (!opposite.to.isEquals(opposite.from))
      w.steps.push(`${label} session: ${field} ${opposite.to} → ${opposite.from}`);
    return { packet: { ...packet, [field]: opposite.from } };
  }
  const field = (role === "forward") === (dir === "out") ? "src" : "dst";
  const result = field === "src" ? toOuter(d, iface, packet.src) : toInner(d, iface, packet);
  const from = packet[field];
  if (!w.replying) w.sessions.set(sessionKey(iface, id, dir), { field, from, to: result?.to ?? from });
  if (result) {
    w.steps.push(`${label}: ${field} ${from} → ${result.to} (${result.how})`);
    return { packet: { ...packet, [field]: result.to } };
  }
  if (field === "src" && (d.outer === "map-e" || d.outer === "hb46pp"))
    w.steps.push(
      `${label}: the ${d.outer} outer address is assigned at run time; src ${from} shown untranslated`,
    );
  if (field === "dst" && role === "forward" && !isOwnAddress(w.model, packet.dst))
    return unmatched(w, label, d, packet);
  return { packet };
}

/** The interface's secure filter list for `dir` applied to the packet (filters.ts); a reject drops it. */
function applyFilters(
  w: Walk,
  iface: Interface,
  dir: Direction,
  packet: Packet,
): { drop?: string; packet: Packet } {
  const list = iface.filters[dir];
  if (!list) return { packet };
  const protocol = packet.proto === undefined ? undefined : PROTOCOL_NUMBERS[packet.proto];
  if (protocol === undefined) {
    w.steps.push(
      `note: ${iface.name} secure filter ${dir} (line ${list.line}) not applied: give the protocol (and port) to evaluate it`,
    );
    return { packet };
  }
  const seen: FilterPacket = { ...packet, protocol };
  // restrict passes on a line that is up: a LAN, or the line the packet arrived by.
  const connected = iface.kind === "lan" || dir === "in" || !w.down.has(iface.name);
  const decision = evaluateList(w.model.ipFilters, iface.name, list, seen, w.filterSessions, { connected });
  w.filters.push(decision);
  if (decision.verdict === "reject") return { drop: decision.step, packet };
  w.steps.push(decision.step);
  if (decision.opens && !w.replying)
    w.filterSessions.push({ interface: iface.name, direction: dir, packet: seen, ...decision.opens });
  return { packet };
}

/**
 * A packet entering (in) or leaving (out) by an interface. The interface's NAT stands at its outer edge and its
 * filters on the router's side of it (docs/analysis.md): arriving, NAT then the in list; leaving, the out list then
 * NAT. So filters always see the addresses inside the router.
 */
function crossInterface(
  w: Walk,
  iface: Interface,
  dir: Direction,
  packet: Packet,
): { drop?: string; packet: Packet } {
  if (dir === "in") {
    const translated = applyNat(w, iface, dir, packet);
    return translated.drop ? translated : applyFilters(w, iface, dir, translated.packet);
  }
  const filtered = applyFilters(w, iface, dir, packet);
  return filtered.drop ? filtered : applyNat(w, iface, dir, filtered.packet);
}

function applyNat(
  w: Walk,
  iface: Interface,
  dir: Direction,
  packet: Packet,
): { drop?: string; packet: Packet } {
  if (!iface.nat) return { packet };
  if (iface.name === "pp:anonymous" && !ppAnonymousNatActive(w.model)) {
    w.steps.push(
      `${iface.name}: NAT is inactive on pp anonymous of an ${w.model.model} without nat descriptor backward-compatibility 1`,
    );
    return { packet };
  }
  let current = packet;
  const order: ["forward" | "reverse", number][] = [
    ...iface.nat.forward.map((id) => ["forward", id] as ["forward", number]),
    ...iface.nat.reverse.map((id) => ["reverse", id] as ["reverse", number]),
  ];
  for (const [role, id] of order) {
    const r = applyDescriptor(w, iface, id, role, dir, current);
    if (r.drop) return r;
    current = r.packet;
  }
  return { packet: current };
}

type Lookup = { egress: Interface; nextHop?: IPv4; via: string } | { drop: string };

/** Longest-prefix match over connected networks, pp peers' host routes and `ip route`. Connected routes win ties. */
function lookup(model: NetworkModel, dst: IPv4): Lookup {
  type Candidate = { bits: number; rank: number; result: () => Lookup };
  const candidates: Candidate[] = [];
  for (const iface of model.interfaces.values()) {
    for (const a of iface.addresses) {
      if (a.network.contains(dst))
        candidates.push({
          bits: Number(a.network.cidrPrefix.getValue()),
          rank: 0,
          result: () => ({
            egress: iface,
            via: `connected network ${a.network.toCidrString()} on ${iface.name}`,
          }),
        });
    }
    const peer = iface.pool ? inSpans(dst, iface.pool.spans) : iface.remote?.isEquals(dst);
    if (peer)
      candidates.push({
        bits: 32,
        rank: 1,
        result: () => ({ egress: iface, via: `the ${iface.name} peer's host route` }),
      });
  }
  for (const r of model.routes) {
    if (r.network.contains(dst))
      candidates.push({
        bits: Number(r.network.cidrPrefix.getValue()),
        rank: 2,
        result: () => routeTarget(model, r),
      });
  }
  candidates.sort((a, b) => b.bits - a.bits || a.rank - b.rank);
  return candidates[0]?.result() ?? { drop: `no route to ${dst}` };
}

function routeTarget(model: NetworkModel, r: Route): Lookup {
  const label = `ip route ${r.network.toCidrString()} (line ${r.line})`;
  const g = r.gateway;
  if (g.kind === "null") return { drop: `${label} discards it (gateway null)` };
  if (g.kind === "interface") {
    const egress = model.interfaces.get(g.name);
    return egress
      ? { egress, via: `${label} via ${g.name}` }
      : { drop: `${label}: ${g.name} is not configured` };
  }
  if (isOwnAddress(model, g.ip))
    return {
      drop: `${label}: gateway ${g.ip} is the router's own address, so the router keeps the packet instead of sending it on (NAT is not applied)`,
    };
  const egress = connectedInterface(model, g.ip);
  return egress
    ? { egress, nextHop: g.ip, via: `${label} via gateway ${g.ip} on ${egress.name}` }
    : { drop: `${label}: gateway ${g.ip} is on no connected network` };
}

/** Who answers ARP on a LAN for an address of that LAN's own network, and why. */
function arpAnswer(
  model: NetworkModel,
  lan: Interface,
  dst: IPv4,
): { by: "router" | "host" | "nobody"; why: string } {
  for (const id of lan.nat?.forward ?? []) {
    const d = model.descriptors.get(id);
    const outer = d ? [...(Array.isArray(d.outer) ? d.outer : []), ...d.statics.map((s) => s.outer)] : [];
    if (inSpans(dst, outer))
      return {
        by: "router",
        why: `the router answers ARP for ${dst}: it is an outer address of forward NAT descriptor ${id} on ${lan.name} (the device does so even with proxyarp off; a host with that address is then duplicated)`,
      };
  }
  const route = lookup(model, dst);
  if ("egress" in route && route.egress !== lan)
    return lan.proxyarp.on
      ? {
          by: "router",
          why: `the router answers ARP for ${dst} (proxyarp on; it is routed to ${route.egress.name})`,
        }
      : {
          by: "nobody",
          why: `${dst} is on ${lan.name}'s network but lives behind ${route.egress.name}, and proxyarp is off`,
        };
  return {
    by: "host",
    why: `${dst} is on ${lan.name}'s own network: delivered host to host, not through the router`,
  };
}

/**
 * A DHCP client on the LAN with an option 121 route for the destination sends to that route's gateway itself, unless
 * the gateway is the router or not on the LAN (then the client cannot use the route and falls back to the router).
 */
function hostRoute(model: NetworkModel, lan: Interface, packet: Packet): string | undefined {
  for (const scope of model.dhcpScopes) {
    if (!lan.addresses.some((a) => a.network.isEquals(scope.network)) || !scope.network.contains(packet.src))
      continue;
    const usable = classlessRoutes(scope)
      .filter((r) => r.network.contains(packet.dst) && scope.network.contains(r.gateway))
      .sort((a, b) => Number(b.network.cidrPrefix.getValue() - a.network.cidrPrefix.getValue()));
    const best = usable[0];
    if (best && !isOwnAddress(model, best.gateway))
      return `${packet.src} has DHCP option 121 route ${best.network.toCidrString()} via ${best.gateway} (dhcp scope ${scope.id}, line ${best.line}): sent on ${lan.name} straight to ${best.gateway}, not through the router`;
  }
  return undefined;
}

/** Carries a packet through the router from `ingress` (null: the router itself sends it). */
function walk(w: Walk, ingress: Interface | null, start: Packet): Outcome {
  let packet = start;
  const drop = (reason: string): Outcome => {
    w.steps.push(`dropped: ${reason}`);
    return { verdict: "dropped", egress: null, packet };
  };
  if (ingress) {
    if (ingress.name === "pp:anonymous" && !inSpans(packet.src, poolSpans(w.model)))
      return drop(`${packet.src} is not an address the pp anonymous pool hands out`);
    const direct = ingress.kind === "lan" ? hostRoute(w.model, ingress, packet) : undefined;
    if (direct) {
      w.steps.push(direct);
      return { verdict: "delivered", egress: ingress, packet };
    }
    const onLink = ingress.kind === "lan" && ingress.addresses.some((a) => a.network.contains(packet.dst));
    if (onLink && !isOwnAddress(w.model, packet.dst)) {
      const arp = arpAnswer(w.model, ingress, packet.dst);
      w.steps.push(arp.why);
      if (arp.by === "nobody") return drop(`nobody answers ARP for ${packet.dst} on ${ingress.name}`);
      if (arp.by === "host") return { verdict: "delivered", egress: ingress, packet };
    }
    const r = crossInterface(w, ingress, "in", packet);
    if (r.drop) return drop(r.drop);
    packet = r.packet;
    if (isOwnAddress(w.model, packet.dst)) {
      w.steps.push(`${packet.dst} is the router's own address: delivered to the router`);
      return { verdict: "router", egress: null, packet };
    }
  }
  const route = lookup(w.model, packet.dst);
  if ("drop" in route) return drop(route.drop);
  w.steps.push(`route to ${packet.dst}: ${route.via}`);
  if (route.egress.name === "pp:anonymous" && !inSpans(packet.dst, poolSpans(w.model)))
    return drop(`no pp anonymous client has ${packet.dst}`);
  const r = crossInterface(w, route.egress, "out", packet);
  if (r.drop) return drop(r.drop);
  packet = r.packet;
  w.steps.push(
    `leaves ${route.egress.name} as ${packet.src} → ${packet.dst}${route.nextHop ? ` (next hop ${route.nextHop})` : ""}`,
  );
  return { verdict: "delivered", egress: route.egress, packet };
}

function hop(o: Outcome, w: Walk): Hop {
  const last = w.filters[w.filters.length - 1];
  return {
    verdict: o.verdict,
    egress: o.egress?.name ?? null,
    src: o.packet.src.toString(),
    dst: o.packet.dst.toString(),
    steps: w.steps,
    filters: w.filters,
    ...(o.verdict === "dropped" && last?.verdict === "reject" ? { blockedBy: last } : {}),
  };
}

/** The answer to a packet: addresses and ports swapped, a SYN answered by a SYN/ACK, an echo request by a reply. */
function answerTo(query: Packet, from: IPv4, to: IPv4): Packet {
  return {
    src: from,
    dst: to,
    proto: query.proto,
    sport: query.dport,
    dport: query.sport,
    ...(query.tcpFlags === undefined ? {} : { tcpFlags: TCP_FLAGS.syn | TCP_FLAGS.ack }),
    ...(query.icmp === undefined ? {} : { icmp: { type: 0, code: 0 } }),
  };
}

function newWalk(model: NetworkModel, query: TraceQuery, replying: boolean, first: Walk | undefined): Walk {
  return {
    model,
    sessions: first?.sessions ?? new Map(),
    replying,
    steps: [],
    filterSessions: first?.filterSessions ?? [],
    filters: [],
    down: new Set(query.down ?? []),
  };
}

function reply(first: Walk, traceQuery: TraceQuery, query: Packet, ingress: Interface, out: Outcome): Hop {
  const w = newWalk(first.model, traceQuery, true, first);
  const packet = answerTo(query, out.packet.dst, out.packet.src);
  let o: Outcome;
  if (out.verdict === "router") {
    w.steps.push(`the router answers from ${packet.src}`);
    o = walk(w, null, packet);
  } else {
    const from = out.egress as Interface;
    w.steps.push(
      from.kind === "lan"
        ? `${packet.src} answers through its default gateway (assumed: the router) on ${from.name}`
        : `the peer answers back through ${from.name}`,
    );
    o = walk(w, from, packet);
  }
  if (o.verdict === "delivered") {
    const back = o.egress === ingress && o.packet.dst.isEquals(query.src) && o.packet.src.isEquals(query.dst);
    if (!back) {
      w.steps.push(
        `the sender ${query.src} on ${ingress.name} expected an answer from ${query.dst}; this one does not reach it as such`,
      );
      return { ...hop(o, w), verdict: "dropped" };
    }
    w.steps.push(`back at ${query.src} from ${query.dst}`);
  }
  return hop(o, w);
}

/** Traces one packet arriving on `query.in`, and its reply. */
export function trace(model: NetworkModel, query: TraceQuery): TraceResult {
  const ingress = model.interfaces.get(query.in);
  if (!ingress)
    throw new AnalysisError(
      0,
      `in: unknown interface "${query.in}" (known: ${[...model.interfaces.keys()].join(", ")})`,
    );
  const line = (query.down ?? []).find(
    (name) => model.interfaces.get(name)?.kind !== "pp" && model.interfaces.get(name)?.kind !== "tunnel",
  );
  if (line !== undefined)
    throw new AnalysisError(
      0,
      `down: "${line}" is not a pp or tunnel interface of this config (a LAN is always connected)`,
    );
  const ports = query.proto === "tcp" || query.proto === "udp";
  const packet: Packet = {
    src: ip(query.src, 0, "src"),
    dst: ip(query.dst, 0, "dst"),
    proto: query.proto,
    dport: query.dport,
    ...(ports ? { sport: query.sport ?? EPHEMERAL_PORT } : {}),
    ...(query.proto === "tcp" ? { tcpFlags: TCP_FLAGS.syn } : {}),
    ...(query.proto === "icmp" ? { icmp: { type: 8, code: 0 } } : {}),
  };
  const w = newWalk(model, query, false, undefined);
  w.steps.push(`arrives on ${ingress.name}: ${packet.src} → ${packet.dst}`);
  const out = walk(w, ingress, packet);
  return {
    ...hop(out, w),
    reply: out.verdict === "dropped" ? null : reply(w, query, packet, ingress, out),
  };
}
