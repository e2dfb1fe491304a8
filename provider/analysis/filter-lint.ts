/**
 * Lint of IP filters (CR §8.1.10, §8.1.14, §8.1.25), on the filter model the trace uses (filters.ts): filters that
 * block the VPN, lists naming filters that do not exist, filters that can never match, dynamic filters without their
 * trigger, and VPN pool traffic the LAN's out list drops.
 */
import { IPv4 } from "ip-num";
import {
  type AddressItem,
  type IpFilterRule,
  type PortRange,
  PROTOCOL_NUMBERS,
  type ProtocolItem,
} from "../resources/ip-filter";
import type { SecureFilterList } from "../resources/secure-filter";
import { type Check, type Finding, finding } from "./finding";
import { type FilterDecision, type FilterPacket, TCP_FLAGS, evaluateList } from "./filters";
import { type Interface, type NetworkModel, connectedInterface, isOwnAddress, poolSpans } from "./network";
import { EPHEMERAL_PORT, masqueradeStaticFor } from "./trace";

/** Every interface's lists with the interface. */
const lists = (model: NetworkModel): { iface: Interface; list: SecureFilterList }[] =>
  [...model.interfaces.values()].flatMap((iface) =>
    [iface.filters.in, iface.filters.out].flatMap((list) => (list ? [{ iface, list }] : [])),
  );

const listName = (iface: Interface, list: SecureFilterList) =>
  `${iface.name}'s secure filter ${list.direction} (line ${list.line})`;

// ---- (b) a list naming a filter that is not defined ------------------------------------------------------------

const secureFilterUndefined: Check = (model) =>
  lists(model).flatMap(({ iface, list }) => {
    const staticMissing = list.filters.filter((n) => !model.ipFilters.static.has(n));
    const dynamicMissing = list.dynamic.filter((n) => !model.ipFilters.dynamic.has(n));
    if (staticMissing.length + dynamicMissing.length === 0) return [];
    const named = [
      ...staticMissing.map((n) => `filter ${n}`),
      ...dynamicMissing.map((n) => `filter dynamic ${n}`),
    ];
    return [
      finding(
        "SECURE_FILTER_UNDEFINED",
        "error",
        `${listName(iface, list)} names ${named.join(", ")}, which no readable ip filter line defines; it can match nothing, so the packets meant for it fall to the next filter or the implicit reject`,
        [list.line],
        `define ${named.map((n) => `ip ${n} ...`).join(", ")} or take ${named.length === 1 ? "it" : "them"} out of the list`,
      ),
    ];
  });

/** A filter line its reader refuses: the analyses leave it out, so a list naming it skips it. */
const filterUnreadable: Check = (model) =>
  model.ipFilters.unreadable.map((u) =>
    finding(
      "FILTER_UNREADABLE",
      "warning",
      `${u.text}: ${u.reason}; trace and lint leave this filter out`,
      [u.line],
      "correct the line (CR §8.1.10, §8.1.14) so the router and the analyses read the same filter",
    ),
  );

// ---- (c) a filter shadowed by an earlier one of the same list ---------------------------------------------------

/** `192.168.*.*` as the range it is, when only trailing octets are `*`. */
function octetSpan(octets: readonly (number | "*")[]): [bigint, bigint] | undefined {
  const fixed = octets.findIndex((o) => o === "*");
  if (octets.slice(fixed).some((o) => o !== "*")) return undefined;
  const first = octets.map((o) => (o === "*" ? 0 : o)).join(".");
  const last = octets.map((o) => (o === "*" ? 255 : o)).join(".");
  return [IPv4.fromString(first).getValue(), IPv4.fromString(last).getValue()];
}

function itemSpan(item: AddressItem): [bigint, bigint] | undefined {
  if (item.kind === "span") return [item.span.getFirst().getValue(), item.span.getLast().getValue()];
  if (item.kind === "octets") return octetSpan(item.octets);
  return undefined;
}

/** Whether every address `b` names is also named by `a` (proven only; otherwise false). */
function addressCovers(a: AddressItem, b: AddressItem): boolean {
  if (a.kind === "any") return true;
  if (b.kind === "any") return false;
  const [sa, sb] = [itemSpan(a), itemSpan(b)];
  if (sa && sb) return sa[0] <= sb[0] && sb[1] <= sa[1];
  if (a.kind === "octets" && b.kind === "octets")
    return a.octets.every((o, i) => o === "*" || o === b.octets[i]);
  if ((a.kind === "fqdn" && b.kind === "fqdn") || (a.kind === "application" && b.kind === "application"))
    return a.name.toLowerCase() === b.name.toLowerCase();
  return a.kind === b.kind && (a.kind === "map-e" || a.kind === "hb46pp");
}

const addressesCover = (a: readonly AddressItem[], b: readonly AddressItem[]) =>
  b.every((x) => a.some((y) => addressCovers(y, x)));

function protocolCovers(a: ProtocolItem, b: ProtocolItem): boolean {
  if (a.kind === "any") return true;
  if (a.kind === "number") {
    if (b.kind === "number") return a.number === b.number;
    if (b.kind === "icmp-error" || b.kind === "icmp-info") return a.number === PROTOCOL_NUMBERS.icmp;
    if (b.kind === "tcp-flag" || b.kind === "tcpflag") return a.number === PROTOCOL_NUMBERS.tcp;
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a protocol list lets TCP or UDP packets through, whose ports the filter then compares. */
const carriesPorts = (items: readonly ProtocolItem[]) =>
  items.some(
    (i) =>
      i.kind === "any" ||
      i.kind === "tcp-flag" ||
      i.kind === "tcpflag" ||
      (i.kind === "number" && (i.number === PROTOCOL_NUMBERS.tcp || i.number === PROTOCOL_NUMBERS.udp)),
  );

/** Whether the union of `a` holds every value of `b`. */
function rangesCover(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  const merged = [...a]
    .sort((x, y) => x.first - y.first)
    .reduce<PortRange[]>((out, r) => {
      const last = out[out.length - 1];
      if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
      else out.push({ ...r });
      return out;
    }, []);
  return b.every((r) => merged.some((m) => m.first <= r.first && r.last <= m.last));
}

/** Whether every packet `later` matches, `earlier` matches too (proven only). */
export function shadows(earlier: IpFilterRule, later: IpFilterRule): boolean {
  if (
    !addressesCover(earlier.source, later.source) ||
    !addressesCover(earlier.destination, later.destination)
  )
    return false;
  if (earlier.icmp || later.icmp) {
    // ICMP type/code fields: the earlier covers when it is ICMP by protocol alone, or its types and codes hold the later's.
    if (!later.icmp) return false;
    if (!earlier.icmp)
      return later.protocols.every((b) => earlier.protocols.some((a) => protocolCovers(a, b)));
    return (
      rangesCover(earlier.icmp.types, later.icmp.types) && rangesCover(earlier.icmp.codes, later.icmp.codes)
    );
  }
  if (!later.protocols.every((b) => earlier.protocols.some((a) => protocolCovers(a, b)))) return false;
  return (
    !carriesPorts(later.protocols) ||
    (rangesCover(earlier.ports.source, later.ports.source) &&
      rangesCover(earlier.ports.destination, later.ports.destination))
  );
}

const filterShadowed: Check = (model) =>
  lists(model).flatMap(({ iface, list }) => {
    const rules = list.filters.flatMap((n) => model.ipFilters.static.get(n) ?? []);
    return rules.flatMap((later, j) => {
      const earlier = rules.slice(0, j).find((r) => r.id !== later.id && shadows(r, later));
      if (!earlier) return [];
      const effect =
        earlier.action === later.action
          ? `it is redundant (both ${later.action})`
          : `its ${later.action} never happens: filter ${earlier.id} ${earlier.action}s those packets first`;
      return [
        finding(
          "FILTER_SHADOWED",
          "warning",
          `in ${listName(iface, list)}, filter ${later.id} (line ${later.line}) can never match: filter ${earlier.id} (line ${earlier.line}) before it matches every packet it does, and the first match decides; ${effect}`,
          [list.line, earlier.line, later.line],
          `list filter ${later.id} before filter ${earlier.id}, narrow filter ${earlier.id}, or remove filter ${later.id}`,
        ),
      ];
    });
  });

// ---- (d) a dynamic filter whose static trigger is missing -------------------------------------------------------

const dynamicTriggerUndefined: Check = (model) =>
  [...model.ipFilters.dynamic.values()].flatMap((rule) => {
    const missing = (["trigger", "in", "out"] as const).flatMap((field) =>
      rule[field]
        .filter((n) => !model.ipFilters.static.has(n))
        .map((n) => `${field === "trigger" ? "filter" : field} ${n}`),
    );
    if (missing.length === 0) return [];
    const noTrigger = rule.trigger.length > 0 && rule.trigger.every((n) => !model.ipFilters.static.has(n));
    return [
      finding(
        "DYNAMIC_FILTER_TRIGGER_UNDEFINED",
        noTrigger ? "error" : "warning",
        `ip filter dynamic ${rule.id} names static ${missing.join(", ")}, which no readable ip filter line defines${noTrigger ? "; with no trigger left it never opens a connection" : ""}`,
        [rule.line],
        `define the static filters (ip filter N pass * * PROTOCOL ...; their addresses and action are ignored) or take the numbers out of ip filter dynamic ${rule.id}`,
      ),
    ];
  });

// ---- (a) the upstream interface's in list drops the VPN ----------------------------------------------------------

/** A host on the internet, for packets whose source the config cannot know (TEST-NET-2, RFC 5737). */
const INTERNET_HOST = IPv4.fromString("198.51.100.1");

/** The interface the default route leaves by. */
function upstream(model: NetworkModel): Interface | undefined {
  const route = model.routes.find((r) => r.network.toCidrString() === "0.0.0.0/0");
  const g = route?.gateway;
  if (g?.kind === "interface") return model.interfaces.get(g.name);
  if (g?.kind === "ip") return connectedInterface(model, g.ip);
  return undefined;
}

const VPN_PACKETS: { proto: "udp" | "esp"; port?: number; l2tpOnly?: boolean }[] = [
  { proto: "udp", port: 500 },
  { proto: "udp", port: 4500 },
  { proto: "esp" },
  { proto: "udp", port: 1701, l2tpOnly: true },
];

/**
 * The destination the in list sees for a VPN packet to the router: NAT comes first on arrival, so a masquerade static
 * entry's inner address (the usual `nat descriptor masquerade static N M <router's LAN address> udp 500`), or else the
 * interface's own address (unknown for an IPCP one).
 */
function vpnDestination(
  model: NetworkModel,
  iface: Interface,
  proto: string,
  port?: number,
): IPv4 | undefined {
  for (const id of iface.nat?.forward ?? []) {
    const d = model.descriptors.get(id);
    const entry = d && d.type !== "nat" ? masqueradeStaticFor(d, proto, port) : undefined;
    if (entry) return entry.inner;
  }
  return iface.addresses[0]?.ip;
}

function blocked(decisions: FilterDecision[]): string {
  return decisions
    .map(
      (d) =>
        `${d.packet} (${d.by === "implicit" ? "no filter matches" : `filter ${d.filter}, line ${d.line}`})`,
    )
    .join(", ");
}

const vpnBlockedByFilter: Check = (model) => {
  const l2tp = model.l2tpService.on;
  const ipsecTunnels = [...model.tunnels.values()].filter((t) => t.policy !== undefined);
  if (!l2tp && ipsecTunnels.length === 0) return [];
  const wan = upstream(model);
  const list = wan?.filters.in;
  if (!wan || !list) return [];
  const decisions = VPN_PACKETS.filter((p) => l2tp || !p.l2tpOnly).map((p) => {
    const packet: FilterPacket = {
      src: INTERNET_HOST,
      dst: vpnDestination(model, wan, p.proto, p.port),
      protocol: PROTOCOL_NUMBERS[p.proto],
      // IKE, NAT traversal and L2TP use their port on both ends.
      ...(p.port === undefined ? {} : { sport: p.port, dport: p.port }),
    };
    return evaluateList(model.ipFilters, wan.name, list, packet, [], { connected: true });
  });
  const rejected = decisions.filter((d) => d.verdict === "reject");
  if (rejected.length === 0) return [];
  const certain = rejected.every((d) => d.assumed.length === 0);
  const service = l2tp ? "L2TP/IPsec" : "IPsec (IKE)";
  return [
    finding(
      "VPN_BLOCKED_BY_SECURE_FILTER",
      certain ? "error" : "warning",
      `${service} is enabled but ${listName(wan, list)} on the upstream interface ${certain ? "drops" : "may drop"} ${blocked(rejected)}, so clients cannot connect`,
      [model.l2tpService.line, ...ipsecTunnels.map((t) => t.line), list.line, ...rejected.map((d) => d.line)],
      `pass ${rejected.map((d) => d.packet).join(", ")} to the router before any filter that rejects them, e.g. ip filter N pass * * udp * 500,4500 / ip filter N pass * * esp${l2tp ? " / ip filter N pass * * udp * 1701" : ""} (with masquerade, the destination the filter sees is the masquerade static entry's inner address), and list them early in ip ${wan.name.replace(":", " ")} secure filter in`,
    ),
  ];
};

// ---- (e) VPN pool traffic dropped by a LAN's out list -------------------------------------------------------------

/** What a VPN client typically sends into the LAN: file sharing, web, DNS and ping. */
const POOL_PACKETS: Omit<FilterPacket, "src" | "dst">[] = [
  { protocol: PROTOCOL_NUMBERS.tcp, sport: EPHEMERAL_PORT, dport: 445, tcpFlags: TCP_FLAGS.syn },
  { protocol: PROTOCOL_NUMBERS.tcp, sport: EPHEMERAL_PORT, dport: 80, tcpFlags: TCP_FLAGS.syn },
  { protocol: PROTOCOL_NUMBERS.udp, sport: EPHEMERAL_PORT, dport: 53 },
  { protocol: PROTOCOL_NUMBERS.icmp, icmp: { type: 8, code: 0 } },
];

/** A host on the LAN (the first address of its network that is not the router's) and the aliases published on it. */
function lanDestinations(model: NetworkModel, lan: Interface): IPv4[] {
  const network = lan.addresses[0]?.network;
  // A /31 or /32 has no host besides the router to speak of.
  if (!network || network.cidrPrefix.getValue() > 30n) return [];
  let host = network.getFirst().nextIPNumber();
  while (isOwnAddress(model, host) && network.contains(host.nextIPNumber())) host = host.nextIPNumber();
  const aliases = (lan.nat?.reverse ?? []).flatMap((id) =>
    (model.descriptors.get(id)?.statics ?? []).slice(0, 1).map((s) => s.outer.getFirst()),
  );
  return [host, ...aliases];
}

const vpnPoolBlockedByLanFilter: Check = (model) => {
  const client = poolSpans(model)[0]?.getFirst();
  if (!client) return [];
  const poolLine = model.interfaces.get("pp:anonymous")?.pool?.line;
  return [...model.interfaces.values()]
    .filter((i) => i.kind === "lan" && i.filters.out)
    .flatMap((lan): Finding[] => {
      const list = lan.filters.out!;
      const decisions = lanDestinations(model, lan).flatMap((dst) =>
        POOL_PACKETS.map((p) =>
          evaluateList(model.ipFilters, lan.name, list, { ...p, src: client, dst }, [], { connected: true }),
        ),
      );
      const rejected = decisions.filter((d) => d.verdict === "reject");
      if (rejected.length === 0) return [];
      const every = rejected.length === decisions.length;
      return [
        finding(
          "VPN_POOL_BLOCKED_BY_LAN_FILTER",
          every ? "error" : "warning",
          `${listName(lan, list)} drops ${every ? "all" : "some"} traffic from VPN clients (pool address ${client}) to ${lan.name}: ${blocked(rejected)}`,
          [poolLine, list.line, ...rejected.map((d) => d.line)],
          `pass the pool's addresses in ip ${lan.name} secure filter out before the filters that reject them, e.g. ip filter N pass ${client}-${poolSpans(model)[0].getLast()} *`,
        ),
      ];
    });
};

/** The checks that say whether the router's filters let the VPN and its clients' traffic through. */
export const VPN_FILTER_CHECKS: readonly Check[] = [vpnBlockedByFilter, vpnPoolBlockedByLanFilter];

export const FILTER_CHECKS: readonly Check[] = [
  vpnBlockedByFilter,
  secureFilterUndefined,
  filterUnreadable,
  filterShadowed,
  dynamicTriggerUndefined,
  vpnPoolBlockedByLanFilter,
];
