/**
 * The vendor-independent network model the analyses run on (Batfish's split: config → model → analyses).
 *
 * Built once from a parsed config: interfaces with their addresses and NAT descriptor lists, static routes, NAT
 * descriptors, the pp anonymous address pool and the DHCP scopes. Every line kept here remembers its source line so
 * lint findings and errors can point at it.
 */
import { AnalysisError, ReadError } from "../errors";
import { type DhcpScopeLine, readDhcpScopeLine } from "../resources/dhcp-scope";
import { readGlobalSwitch } from "../resources/global-switch";
import { readPpLine } from "../resources/l2tp-anonymous-pool";
import {
  type NatDescriptorLine,
  OUTER_MNEMONICS,
  type OuterMnemonic,
  readNatDescriptorLine,
} from "../resources/nat-descriptor";
import { decodeClasslessRoutes } from "../resources/rfc3442";
import { type InterfaceLine, readInterfaceLine } from "../resources/lan-interface";
import { type SecureFilterList, readSecureFilters } from "../resources/secure-filter";
import { type FilterSet, readFilterSet } from "./filters";
import { targetOf, readRouteLine } from "../resources/static-route";
import { readIpsecTransportLine, readTunnelLine } from "../resources/tunnel";
import { IPv4, IPv4CidrRange, RangedSet } from "ip-num";
import { indexConfig, type ConfigIndex } from "../config/index";
import type { ConfigTree } from "../config/model";
import { isIPv4, networkOf, parseSpan, spanFrom, type Span } from "../resources/net";

/** `lan1`, `lan2`, `pp:anonymous`, `pp:1`, `tunnel:1`: the names `nvr trace --in` accepts. */
export type InterfaceName = string;

export interface InterfaceAddress {
  ip: IPv4;
  network: IPv4CidrRange;
  line: number;
}

export interface NatBinding {
  /** Descriptors applied in the forward direction, in list order. */
  forward: number[];
  /** Descriptors after `reverse`: they translate the opposite addresses (CR §23.2). */
  reverse: number[];
  line: number;
}

export interface Interface {
  name: InterfaceName;
  kind: "lan" | "pp" | "tunnel";
  addresses: InterfaceAddress[];
  proxyarp: { on: boolean; line?: number };
  nat?: NatBinding;
  /** `ip lanN dhcp service server|relay|off`; undefined means the global `dhcp service` applies. */
  dhcpService?: { mode: "server" | "relay" | "off"; line: number };
  /** pp anonymous: the addresses handed to clients (`ip pp remote address pool`), `dhcp` resolved to the scopes. */
  pool?: { spans: Span[]; line: number; fromDhcp: boolean };
  /** pp N: `ip pp remote address`. */
  remote?: IPv4;
  /** pp: `ppp ipcp msext on`, which hands the client the router's address as DNS server, with a host route to it. */
  msext?: boolean;
  /** pp: the tunnels bound with `pp bind`. */
  boundTunnels: number[];
  bindLine?: number;
  /**
   * `ip IF secure filter in|out ...`: the lists a packet meets entering (in) and leaving (out) by this interface.
   * The filters they name are in the model's ipFilters.
   */
  filters: { in?: SecureFilterList; out?: SecureFilterList };
}

export type Gateway =
  { kind: "ip"; ip: IPv4 } | { kind: "interface"; name: InterfaceName } | { kind: "null" };

export interface RouteGateway {
  gateway: Gateway;
  /** Used only while the other gateways are down (`hide`, CR §8.1.7). */
  hide: boolean;
  metric?: number;
  weight?: number;
}

export interface Route {
  network: IPv4CidrRange;
  /** Every gateway of the line, in its order. */
  gateways: RouteGateway[];
  /** The gateway packets take while every gateway is up: the first that is not `hide`. */
  gateway: Gateway;
  line: number;
}

export type NatType = "none" | "nat" | "masquerade" | "nat-masquerade";

export interface StaticNat {
  /** The entry number (`nat descriptor static ID ENTRY ...`). */
  entry: number;
  outer: Span;
  inner: Span;
  line: number;
}

export interface MasqueradeStatic {
  entry: number;
  inner: IPv4;
  protocol: string;
  outerPort?: string;
  innerPort?: string;
  line: number;
}

export interface NatDescriptor {
  id: number;
  /** Undefined when no `nat descriptor type` line exists (the router's default is none). */
  type?: NatType;
  /** Address list or mnemonic (ipcp, primary, secondary, map-e, hb46pp); the router's default is ipcp. */
  outer: Span[] | OuterMnemonic;
  /** Address list; undefined means the default, auto (every address). */
  inner?: Span[];
  statics: StaticNat[];
  masqueradeStatics: MasqueradeStatic[];
  /** `nat descriptor masquerade incoming`; the router's default is reject. */
  incoming: { action: "through" | "reject" | "discard" | "forward"; forwardTo?: IPv4 };
  /** Every source line that configures this descriptor. */
  lines: number[];
  typeLine?: number;
  outerLine?: number;
  innerLine?: number;
}

export interface DhcpScope {
  id: number;
  range: Span;
  network: IPv4CidrRange;
  line: number;
  binds: { ip?: IPv4; line: number }[];
  options: { name: string; value: string; line: number }[];
}

export interface TunnelInfo {
  id: number;
  encapsulation?: string;
  /** `ipsec tunnel POLICY`: the IPsec SA policy the tunnel uses. */
  policy?: number;
  /** `tunnel template` targets declared in this tunnel's block. */
  templateTargets: number[];
  line: number;
}

export interface NetworkModel {
  /** Router model, e.g. "NVR510", from the option or the `# MODEL Rev.` header. */
  model?: string;
  /** `nat descriptor backward-compatibility`, when configured. */
  backwardCompatibility?: { type: number; line: number };
  interfaces: Map<InterfaceName, Interface>;
  routes: Route[];
  descriptors: Map<number, NatDescriptor>;
  /** Global `dhcp service`; per-interface settings override it. */
  dhcpService?: { mode: "server" | "relay"; line: number };
  dhcpScopes: DhcpScope[];
  tunnels: Map<number, TunnelInfo>;
  /** `ipsec transport template FROM TARGETS`: the transport ids it expands to (by convention, the tunnel numbers). */
  transportTemplateTargets: Set<number>;
  /** `ipsec transport ID POLICY ...`: SA policy id → source line. */
  transportPolicies: Map<number, number>;
  /** `l2tp service on [l2tp] [l2tpv3]`: whether L2TP/IPsec is accepted, and the line. */
  l2tpService: { on: boolean; line?: number };
  /** Every `ip filter` and `ip filter dynamic`, read by their resources' readers. */
  ipFilters: FilterSet;
}

export function ip(text: string, line: number, what: string): IPv4 {
  if (!isIPv4(text)) throw new AnalysisError(line, `${what}: "${text}" is not an IPv4 address`);
  return IPv4.fromString(text);
}

function spanList(tokens: readonly string[], line: number, what: string): Span[] {
  return tokens.map((t) => {
    const span = parseSpan(t);
    if (!span) throw new AnalysisError(line, `${what}: "${t}" is not an address or range A-B`);
    return span;
  });
}

function newInterface(name: InterfaceName, kind: Interface["kind"]): Interface {
  return { name, kind, addresses: [], proxyarp: { on: false }, boundTunnels: [], filters: {} };
}

/** What a resource reader returns for a line; its ReadError becomes an AnalysisError naming the line. */
function reading<T>(line: number, family: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReadError) throw new AnalysisError(line, `${family}: ${e.reason}`);
    throw e;
  }
}

function descriptor(model: NetworkModel, id: number, line: number): NatDescriptor {
  let d = model.descriptors.get(id);
  if (!d) {
    d = { id, outer: "ipcp", statics: [], masqueradeStatics: [], incoming: { action: "reject" }, lines: [] };
    model.descriptors.set(id, d);
  }
  d.lines.push(line);
  return d;
}

const NAT_TYPES: readonly string[] = ["none", "nat", "masquerade", "nat-masquerade"];
const INCOMING_ACTIONS: readonly string[] = ["through", "reject", "discard", "forward"];

/** One `nat descriptor` line (read by NatDescriptor's reader) into its descriptor. */
function applyNatLine(model: NetworkModel, read: NatDescriptorLine): void {
  const { line } = read;
  const d = descriptor(model, read.id, line);
  const what = `nat descriptor ${read.item}`;
  switch (read.item) {
    case "type":
      if (!NAT_TYPES.includes(read.type))
        throw new AnalysisError(line, `nat descriptor type: unknown type "${read.type}"`);
      d.type = read.type as NatType;
      d.typeLine = line;
      return;
    case "address outer": {
      const [only] = read.addresses;
      d.outer =
        read.addresses.length === 1 && (OUTER_MNEMONICS as readonly string[]).includes(only)
          ? (only as OuterMnemonic)
          : spanList(read.addresses, line, what);
      d.outerLine = line;
      return;
    }
    case "address inner":
      d.inner =
        read.addresses.length === 1 && read.addresses[0] === "auto"
          ? undefined
          : spanList(read.addresses, line, what);
      d.innerLine = line;
      return;
    case "static": {
      const n = read.count ?? 1;
      if (!Number.isInteger(n) || n < 1) throw new AnalysisError(line, `${what}: bad count "${read.count}"`);
      const outer = spanFrom(ip(read.outer, line, `${what} outer`).toString(), n);
      const inner = spanFrom(ip(read.inner, line, `${what} inner`).toString(), n);
      if (!outer || !inner) throw new AnalysisError(line, `${what}: range runs past 255.255.255.255`);
      d.statics.push({ entry: read.entry, outer, inner, line });
      return;
    }
    case "masquerade static":
      d.masqueradeStatics.push({
        entry: read.entry,
        inner: ip(read.inner, line, what),
        protocol: read.protocol,
        outerPort: read.outerPort,
        innerPort: read.innerPort,
        line,
      });
      return;
    case "masquerade incoming":
      if (!INCOMING_ACTIONS.includes(read.action))
        throw new AnalysisError(line, `${what}: unknown action "${read.action}"`);
      d.incoming = {
        action: read.action as NatDescriptor["incoming"]["action"],
        forwardTo: read.address === undefined ? undefined : ip(read.address, line, what),
      };
  }
}

function readNat(index: ConfigIndex, model: NetworkModel): void {
  // In the order the analysis has always read them: types first, so a descriptor's lines list starts with its type.
  const items: NatDescriptorLine["item"][] = [
    "type",
    "address outer",
    "address inner",
    "static",
    "masquerade static",
    "masquerade incoming",
  ];
  for (const item of items)
    for (const l of index.find(["nat", "descriptor", ...item.split(" ")])) {
      const read = reading(l.line, `nat descriptor ${item}`, () => readNatDescriptorLine(l));
      if (read?.item === item) applyNatLine(model, read);
    }
  const compatibility = readGlobalSwitch(index, "nat descriptor backward-compatibility");
  if (compatibility)
    model.backwardCompatibility = { type: Number(compatibility.words[0]), line: compatibility.line };
}

function readDhcp(index: ConfigIndex, model: NetworkModel): void {
  const service = readGlobalSwitch(index, "dhcp service");
  const mode = service?.words[0];
  if (service && (mode === "server" || mode === "relay")) model.dhcpService = { mode, line: service.line };
  // Every `dhcp scope`, `dhcp scope bind` and `dhcp scope option` line, read once by DhcpScope's reader.
  const read = index
    .find(["dhcp", "scope"])
    .flatMap((l) => reading(l.line, "dhcp scope", () => readDhcpScopeLine(l)) ?? []);
  const of = <I extends DhcpScopeLine["item"]>(item: I) =>
    read.filter((r): r is Extract<DhcpScopeLine, { item: I }> => r.item === item);
  for (const r of of("scope")) {
    const span = parseSpan(r.range);
    if (!span || r.prefixLength === undefined)
      throw new AnalysisError(r.line, `dhcp scope: "${r.spec}" is not FIRST-LAST/MASK`);
    const network = networkOf(span.getFirst().toString(), r.prefixLength);
    model.dhcpScopes.push({ id: r.id, range: span, network, line: r.line, binds: [], options: [] });
  }
  const scope = (id: number, line: number) => {
    const s = model.dhcpScopes.find((x) => x.id === id);
    if (!s) throw new AnalysisError(line, `dhcp scope ${id} is not defined`);
    return s;
  };
  for (const r of of("bind"))
    scope(r.id, r.line).binds.push({ ip: isIPv4(r.ip) ? IPv4.fromString(r.ip) : undefined, line: r.line });
  for (const r of of("option"))
    scope(r.id, r.line).options.push(...r.options.map((o) => ({ ...o, line: r.line })));
}

function applyInterfaceLine(iface: Interface, read: InterfaceLine): void {
  const { line } = read;
  if (read.setting === "address" && read.value !== "dhcp") {
    const what = `ip ${iface.name} ${read.secondary ? "secondary " : ""}address`;
    if (read.host === undefined || read.prefixLength === undefined)
      throw new AnalysisError(line, `${what}: "${read.value}" is not ADDRESS/MASK`);
    const address = {
      ip: IPv4.fromString(read.host),
      network: networkOf(read.host, read.prefixLength),
      line,
    };
    if (read.secondary) iface.addresses.push(address);
    else iface.addresses.unshift(address);
  } else if (read.setting === "proxyarp") {
    iface.proxyarp = { on: read.value === "on", line };
  } else if (read.setting === "nat descriptor") {
    if (read.unread.length > 0)
      throw new AnalysisError(line, `nat descriptor list: "${read.unread[0]}" is not a descriptor number`);
    iface.nat = { ...read.binding, line };
  } else if (
    read.setting === "dhcp service" &&
    (read.mode === "server" || read.mode === "relay" || read.mode === "off")
  ) {
    iface.dhcpService = { mode: read.mode, line };
  }
}

/** A pp block's lines (read by L2tpAnonymousPool's and LanInterface's readers) into its interface. */
function readPp(index: ConfigIndex, model: NetworkModel): void {
  for (const block of index.blocks("pp")) {
    const name = `pp:${block.id}`;
    const iface = newInterface(name, "pp");
    model.interfaces.set(name, iface);
    for (const l of block.lines) {
      const pp = readPpLine(l);
      if (pp?.item === "ipcp msext") iface.msext = pp.value === "on";
      else if (pp?.item === "bind") {
        iface.boundTunnels = pp.tunnels;
        iface.bindLine = l.line;
      } else if (pp?.item === "remote address pool") {
        iface.pool = {
          spans: spanList(pp.addresses, l.line, "ip pp remote address pool"),
          line: l.line,
          fromDhcp: pp.from !== "list",
        };
      } else if (pp?.item === "remote address") {
        if (isIPv4(pp.address)) iface.remote = IPv4.fromString(pp.address);
      } else {
        const read = readInterfaceLine(l);
        if (read?.kind === "pp") applyInterfaceLine(iface, read);
      }
    }
  }
}

/** Tunnel blocks and IPsec transports (read by resources/tunnel.ts), and whether L2TP is accepted. */
function readTunnels(index: ConfigIndex, model: NetworkModel): void {
  for (const block of index.blocks("tunnel")) {
    const id = Number(block.id);
    const name = `tunnel:${id}`;
    const iface = newInterface(name, "tunnel");
    model.interfaces.set(name, iface);
    const info: TunnelInfo = { id, templateTargets: [], line: block.select.line };
    for (const l of block.lines) {
      const tunnel = reading(l.line, "tunnel", () => readTunnelLine(l));
      if (tunnel?.item === "encapsulation") info.encapsulation = tunnel.encapsulation;
      else if (tunnel?.item === "ipsec tunnel") {
        if (tunnel.policy !== undefined) info.policy = tunnel.policy;
      } else if (tunnel?.item === "template") info.templateTargets.push(...tunnel.tunnels);
      else {
        const read = readInterfaceLine(l);
        if (read?.kind === "tunnel") applyInterfaceLine(iface, read);
      }
    }
    model.tunnels.set(id, info);
  }
  for (const l of index.find(["ipsec", "transport"])) {
    const read = reading(l.line, "ipsec transport", () => readIpsecTransportLine(l));
    if (read?.item === "template") for (const t of read.targets) model.transportTemplateTargets.add(t);
    else if (read?.item === "transport") model.transportPolicies.set(read.policy, l.line);
  }
  const l2tp = readGlobalSwitch(index, "l2tp service");
  if (l2tp) {
    // With versions listed, L2TP/IPsec is on only when `l2tp` is among them (CR §16.1).
    const [state, ...versions] = l2tp.words;
    model.l2tpService = {
      on: state === "on" && (versions.length === 0 || versions.includes("l2tp")),
      line: l2tp.line,
    };
  }
}

/** Each interface's secure filter lists, read by SecureFilter's reader. */
function readFilterLists(index: ConfigIndex, model: NetworkModel): void {
  const { read, unreadable } = readSecureFilters(index);
  if (unreadable.length > 0)
    throw new AnalysisError(unreadable[0].line, `secure filter: ${unreadable[0].reason}`);
  for (const list of read) {
    // SecureFilter names pp and tunnel interfaces "pp 1", "tunnel 2"; the analysis "pp:1", "tunnel:2".
    const iface = model.interfaces.get(list.interface.replace(" ", ":"));
    if (iface) iface.filters[list.direction] = list;
  }
}

/** A gateway as StaticRoute's reader names it, in the analysis' interface names. */
function gateway(spelled: string, line: number): Gateway {
  const target = targetOf(spelled);
  if (target.kind === "null") return target;
  if (target.kind === "ip") return { kind: "ip", ip: ip(target.ip, line, "ip route gateway") };
  const { interface: kind, id } = target;
  return { kind: "interface", name: kind === "pp" || kind === "tunnel" ? `${kind}:${id}` : `${kind}${id}` };
}

function readRoutes(index: ConfigIndex, model: NetworkModel): void {
  for (const l of index.find(["ip", "route"])) {
    const route = reading(l.line, "ip route", () => readRouteLine(l));
    const network = IPv4CidrRange.fromCidr(route.network === "default" ? "0.0.0.0/0" : route.network);
    const gateways = route.gateways.map((g) => ({
      gateway: gateway(g.gateway, route.line),
      hide: g.hide,
      metric: g.metric,
      weight: g.weight,
    }));
    const active = gateways.find((g) => !g.hide) ?? gateways[0];
    model.routes.push({ network, gateways, gateway: active.gateway, line: route.line });
  }
}

/** Builds the model. `modelName` overrides the config header's model (e.g. for a config file without one). */
export function buildNetwork(source: ConfigTree | ConfigIndex, modelName?: string): NetworkModel {
  const index = "find" in source ? source : indexConfig(source);
  const model: NetworkModel = {
    model: (modelName ?? index.model)?.toUpperCase(),
    interfaces: new Map(),
    routes: [],
    descriptors: new Map(),
    dhcpScopes: [],
    tunnels: new Map(),
    transportTemplateTargets: new Set(),
    transportPolicies: new Map(),
    l2tpService: { on: false },
    ipFilters: readFilterSet(index),
  };
  for (const item of index.tree.items) {
    const read = item.type === "line" ? readInterfaceLine(item.line) : undefined;
    if (read?.kind !== "lan") continue;
    const iface = model.interfaces.get(read.interface) ?? newInterface(read.interface, "lan");
    model.interfaces.set(read.interface, iface);
    applyInterfaceLine(iface, read);
  }
  readPp(index, model);
  readTunnels(index, model);
  readFilterLists(index, model);
  readRoutes(index, model);
  readNat(index, model);
  readDhcp(index, model);
  const anonymous = model.interfaces.get("pp:anonymous");
  if (anonymous?.pool?.fromDhcp) anonymous.pool.spans = model.dhcpScopes.map((s) => s.range);
  return model;
}

// ---- queries shared by trace, reach and lint ----

export interface ClasslessRoute {
  network: IPv4CidrRange;
  gateway: IPv4;
  line: number;
}

/** DHCP option 121 (and Microsoft's 249) of a scope, decoded from the RFC 3442 bytes `dhcp scope option` carries. */
export function classlessRoutes(scope: DhcpScope): ClasslessRoute[] {
  return scope.options
    .filter((o) => ["121", "249", "classless_static_route"].includes(o.name))
    .flatMap((o) => {
      let decoded;
      try {
        decoded = decodeClasslessRoutes(o.value);
      } catch (e) {
        throw new AnalysisError(o.line, `dhcp scope option ${o.name}: ${(e as Error).message}`);
      }
      return decoded.map((r) => ({
        network: IPv4CidrRange.fromCidr(r.destination),
        gateway: IPv4.fromString(r.gateway),
        line: o.line,
      }));
    });
}

export function spanOf(address: IPv4): Span {
  return new RangedSet(address, address);
}

export function inSpans(address: IPv4, spans: readonly Span[]): boolean {
  return spans.some((s) => spanOf(address).inside(s));
}

/** Whether two spans share an address (ip-num's isOverlapping excludes containment). */
export function spansMeet(a: Span, b: Span): boolean {
  return a.isOverlapping(b) || a.inside(b) || b.inside(a);
}

export function spanSize(span: Span): number {
  return Number(span.getLast().getValue() - span.getFirst().getValue() + 1n);
}

/** The router's own addresses on every interface. */
export function ownAddresses(model: NetworkModel): { ip: IPv4; iface: Interface }[] {
  return [...model.interfaces.values()].flatMap((iface) => iface.addresses.map((a) => ({ ip: a.ip, iface })));
}

export function isOwnAddress(model: NetworkModel, address: IPv4): boolean {
  return ownAddresses(model).some((a) => a.ip.isEquals(address));
}

/** The addresses a pp anonymous client can be given. */
export function poolSpans(model: NetworkModel): Span[] {
  return model.interfaces.get("pp:anonymous")?.pool?.spans ?? [];
}

/** The interface whose connected network holds the address. */
export function connectedInterface(model: NetworkModel, address: IPv4): Interface | undefined {
  return [...model.interfaces.values()].find((i) => i.addresses.some((a) => a.network.contains(address)));
}

/** The tunnels that exist once `tunnel template` is expanded. */
export function expandedTunnels(model: NetworkModel): Set<number> {
  const ids = new Set<number>();
  for (const t of model.tunnels.values()) {
    ids.add(t.id);
    for (const x of t.templateTargets) ids.add(x);
  }
  return ids;
}

/** Whether NAT on pp anonymous is active: the NVR510's port-saving masquerade disables it (seed §3). */
export function ppAnonymousNatActive(model: NetworkModel): boolean {
  return model.model !== "NVR510" || model.backwardCompatibility?.type === 1;
}
