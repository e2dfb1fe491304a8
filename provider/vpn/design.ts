/**
 * OverlapSafeVpn's pure design: the seed's final fix (section (4), 最終的な設定) from a few inputs.
 *
 * A VPN client whose home LAN is the office LAN (both 192.168.11.0/24) sends everything for that network to its
 * own LAN, never into the VPN. The fix gives the office LAN a second name, an alias network (192.168.253.0/24):
 * - lan1 carries a reverse NAT descriptor mapping alias ↔ LAN 1:1, so a client's packet to 192.168.253.240 leaves
 *   lan1 as 192.168.11.240 and the reply comes back from 192.168.253.240;
 * - the router reaches an alias by a /32 host route via the host itself (via the router's own address NAT is
 *   skipped), one per published host;
 * - the upstream LAN (lan2) gets the inverse descriptor, so its hosts keep talking to real LAN addresses;
 * - the VPN pool lives in a network of its own (no proxy ARP), L2TP/IPsec on pp anonymous with templates;
 * - lan1's DHCP is relayed to the router's own upstream address, because the DHCP server misbehaves behind a
 *   reverse descriptor (slow answers, failed renewals), and subnets behind LAN routers reach clients as option 121
 *   routes instead of a forward descriptor on lan1, which would make the router answer ARP for real LAN hosts.
 */
import { IPv4CidrRange } from "ip-num";
import { type Finding, lint } from "../analysis/lint";
import type { ContextCommand } from "../config/model";
import { parseConfig } from "../config/parse";
import { factsOf } from "../resources";
import { parseSpan, spanOfNetwork } from "../resources/net";
import { type OverlapSafeVpnInputs, type OverlapSafeVpnSettings, overlapSafeVpnInputs } from "./inputs";
import { checkFilterLines, filterWarnings } from "./filters";
import {
  COMMON_HOME_LANS,
  type DesignedResource,
  type Fail,
  addressInside,
  attached,
  checkChildren,
  hostAt,
  maskedCommands,
  offsetOf,
  modelRules,
  preSharedKeyWarning,
  scriptOf,
  validate,
  vpnInputOf,
} from "./shared";

const COMPONENT = "OverlapSafeVpn";

/** The alias mapping is one static NAT entry, and an entry maps at most a /16 (NatDescriptor statics' count). */
const MIN_LAN_PREFIX = 16;
/** `publishedHosts: "all"` makes one host route per aliased host; past this, list the hosts instead. */
const MAX_ALL_HOSTS = 1024n;

export interface PublishedHost {
  name: string;
  /** The host's real LAN address. */
  address: string;
  /** The address a client whose home LAN overlaps the office LAN uses. */
  alias: string;
}

/** What to tell the people who connect. */
export interface ClientSettings {
  /** The name or address clients dial, when given. */
  server?: string;
  usernames: string[];
  /** The DNS server clients receive (`ppp ipcp msext on`): the router's LAN address, reachable even when overlapping. */
  dns: string;
  /** The office LAN and its alias, to tell clients which address to use. */
  lan: string;
  aliasNetwork: string;
  hosts: (PublishedHost & { use: string })[];
}

export interface VpnDesign {
  /** The children in creation order. */
  resources: DesignedResource[];
  /** The children's commands in that order, secrets masked. */
  commands: ContextCommand[];
  /** `commands` as a replayable script (`pp select` / `tunnel select` around blocks), secrets masked. */
  script: string;
  clientSettings: ClientSettings;
  /** Published host name → alias address. */
  publishedAliases: Record<string, string>;
  /** Legal but risky choices, each naming its input. */
  warnings: string[];
  /** The pitfall lint over the config the script leaves (an error here means the design itself is wrong). */
  lintFindings: Finding[];
}

/** The mapping's geometry: which LAN hosts have aliases, derived from the two networks. */
function geometry(s: OverlapSafeVpnSettings) {
  const lan = attached(s.lan.address);
  const alias = IPv4CidrRange.fromCidr(s.aliasNetwork);
  const size = lan.network.getSize();
  const first = BigInt(s.aliasFirstHost);
  const last = size - 2n; // the last host; the top address is the broadcast
  return {
    lan,
    alias,
    first,
    last,
    count: last - first + 1n,
    aliasOf: (address: string) => hostAt(alias, offsetOf(lan.network, address)),
  };
}

function publishedHosts(s: OverlapSafeVpnSettings): { name: string; address: string }[] {
  if (s.publishedHosts !== "all")
    return Object.entries(s.publishedHosts).map(([name, address]) => ({ name, address }));
  const g = geometry(s);
  const hosts: { name: string; address: string }[] = [];
  for (let offset = g.first; offset <= g.last; offset++) {
    const address = hostAt(g.lan.network, offset);
    if (address !== g.lan.host) hosts.push({ name: address.replace(/\./g, "-"), address });
  }
  return hosts;
}

const overlaps = (a: string, b: string) => {
  const x = parseSpan(a) ?? spanOfNetwork(IPv4CidrRange.fromCidr(a));
  const y = parseSpan(b) ?? spanOfNetwork(IPv4CidrRange.fromCidr(b));
  return x.isOverlapping(y);
};

function rules(s: OverlapSafeVpnSettings, fail: Fail): void {
  checkFilterLines(s.filters, fail);
  const g = geometry(s);
  const lanNet = g.lan.network.toCidrString();
  const [, lanBits] = s.lan.address.split("/");
  const [, aliasBits] = s.aliasNetwork.split("/");
  if (Number(lanBits) < MIN_LAN_PREFIX)
    fail(
      "lan.address",
      `a /${lanBits} LAN is larger than one static NAT entry maps (a /${MIN_LAN_PREFIX}); alias a smaller LAN`,
    );
  else if (s.publishedHosts === "all" && g.count > MAX_ALL_HOSTS)
    fail(
      "publishedHosts",
      `"all" would make ${g.count} host routes, more than ${MAX_ALL_HOSTS}; list the hosts to publish instead`,
    );
  if (aliasBits !== lanBits)
    fail("aliasNetwork", `must have the LAN's prefix length /${lanBits} to map it 1:1, got /${aliasBits}`);
  if (g.first > g.last) fail("aliasFirstHost", `${s.aliasFirstHost} is past the last host of ${lanNet}`);

  // The alias must be an address nobody else has, or a client's packet to it lands elsewhere.
  const taken = (input: string, range: string, what: string) => ({ input, range, what });
  const others = [
    taken("lan.address", lanNet, "the LAN"),
    taken("vpn.pool", s.vpn.pool, "the VPN pool"),
    ...(s.upstream
      ? [taken("upstream.address", attached(s.upstream.address).network.toCidrString(), "the upstream LAN")]
      : []),
    ...(s.dhcp === false
      ? []
      : s.dhcp.subnetsBehindGateways.map((n, i) =>
          taken(`dhcp.subnetsBehindGateways[${i}].network`, n.network, `subnet ${n.network}`),
        )),
  ];
  for (const { input, range, what } of others)
    if (overlaps(s.aliasNetwork, range))
      fail("aliasNetwork", `${s.aliasNetwork} overlaps ${what} (${input} ${range})`);

  if (overlaps(s.vpn.pool, lanNet))
    fail(
      "vpn.pool",
      `${s.vpn.pool} lies in the LAN ${lanNet}; the pool needs a network of its own (no proxy ARP)`,
    );
  if (s.upstream) {
    const up = attached(s.upstream.address);
    const upNet = up.network.toCidrString();
    if (s.upstream.interface === s.lan.interface)
      fail("upstream.interface", `must differ from lan.interface ${s.lan.interface}`);
    if (overlaps(upNet, lanNet)) fail("upstream.address", `${upNet} overlaps the LAN ${lanNet}`);
    if (overlaps(s.vpn.pool, upNet)) fail("vpn.pool", `${s.vpn.pool} overlaps the upstream LAN ${upNet}`);
    if (s.natDescriptors.upstream === s.natDescriptors.lan)
      fail("natDescriptors.upstream", `must differ from natDescriptors.lan ${s.natDescriptors.lan}`);
  }

  modelRules(s, fail);
  const poolSize = parseSpan(s.vpn.pool)?.getSize() ?? 0n;
  if (poolSize < BigInt(s.vpn.tunnels.length))
    fail("vpn.pool", `${poolSize} addresses cannot serve ${s.vpn.tunnels.length} tunnels`);

  if (s.publishedHosts !== "all")
    for (const [name, address] of Object.entries(s.publishedHosts)) {
      const input = `publishedHosts.${name}`;
      if (!addressInside(address, g.lan.span)) fail(input, `${address} is outside the LAN ${lanNet}`);
      else if (address === g.lan.host)
        fail(
          input,
          `${address} is the router's own address; clients reach it directly (msext gives them a route to it)`,
        );
      else if (offsetOf(g.lan.network, address) < g.first || offsetOf(g.lan.network, address) > g.last)
        fail(
          input,
          `${address} is outside the aliased hosts ${hostAt(g.lan.network, g.first)}-${hostAt(g.lan.network, g.last)} (aliasFirstHost)`,
        );
    }

  if (s.dhcp !== false) {
    const range = parseSpan(s.dhcp.range);
    if (range && !range.inside(g.lan.span))
      fail("dhcp.range", `${s.dhcp.range} is not inside the LAN ${lanNet}`);
    if (range && addressInside(g.lan.host, range))
      fail("dhcp.range", `${s.dhcp.range} contains the router's own address ${g.lan.host}`);
    if (s.dhcp.relayTo === g.lan.host)
      fail(
        "dhcp.relayTo",
        `${s.dhcp.relayTo} is the router's own LAN address; relaying to it serves DHCP behind the reverse descriptor again (the DHCP server misbehaves there: answers slow down and renewals fail)`,
      );
    if (!s.upstream && s.dhcp.relayTo === undefined)
      fail(
        "dhcp.relayTo",
        "needed without upstream: the router's address on another interface to relay lan DHCP to (serving it directly behind the reverse descriptor makes DHCP answers slow and renewals fail)",
      );
    s.dhcp.subnetsBehindGateways.forEach((n, i) => {
      const input = `dhcp.subnetsBehindGateways[${i}]`;
      if (!addressInside(n.gateway, g.lan.span))
        fail(`${input}.gateway`, `${n.gateway} is outside the LAN ${lanNet}; clients could not reach it`);
      else if (n.gateway === g.lan.host)
        fail(
          `${input}.gateway`,
          `${n.gateway} is the router itself; give the LAN router that connects ${n.network}`,
        );
      if (overlaps(n.network, lanNet)) fail(`${input}.network`, `${n.network} overlaps the LAN ${lanNet}`);
      if (overlaps(n.network, s.vpn.pool))
        fail(`${input}.network`, `${n.network} overlaps the VPN pool ${s.vpn.pool}`);
    });
  }
}

function warningsFor(s: OverlapSafeVpnSettings, hosts: { name: string; address: string }[]): string[] {
  const out: string[] = [];
  for (const [input, range] of [
    ["aliasNetwork", s.aliasNetwork],
    ["vpn.pool", s.vpn.pool],
  ])
    for (const home of COMMON_HOME_LANS)
      if (overlaps(range, home))
        out.push(
          `${input}: ${range} overlaps ${home}, a common home-router LAN; clients at such homes meet the same clash again`,
        );
  if (hosts.length === 0)
    out.push(
      "publishedHosts: nothing is published; a client whose home LAN overlaps reaches only the router itself",
    );
  const range = s.dhcp === false ? undefined : parseSpan(s.dhcp.range);
  if (range && s.publishedHosts !== "all")
    for (const h of hosts)
      if (addressInside(h.address, range))
        out.push(
          `publishedHosts.${h.name}: ${h.address} is inside the DHCP range, so its address (and alias) may change; bind it or give it a fixed address`,
        );
  const limit = factsOf(s.model).l2tpConnections;
  if (s.model.startsWith("nvr") && s.vpn.tunnels.length === limit)
    out.push(
      `vpn.tunnels: all ${limit} tunnels of the ${s.model} go to L2TP/IPsec; none is left for IPv4 over IPv6 or another VPN`,
    );
  const psk = preSharedKeyWarning(s.vpn.preSharedKey);
  if (psk) out.push(psk);
  return out;
}

/** Child property → the design input it came from, for failures the children's own checks find. */
function inputOf(r: DesignedResource, property: string): string {
  return r.kind === "DhcpScope" ? `dhcp.${property}` : vpnInputOf(r, property);
}

export function resourcesOf(
  s: OverlapSafeVpnSettings,
  hosts: { name: string; address: string }[],
): DesignedResource[] {
  const g = geometry(s);
  const lanNat = s.natDescriptors.lan;
  const upNat = s.natDescriptors.upstream;
  const entry = { id: 1, count: Number(g.count) };
  const lanFirst = hostAt(g.lan.network, g.first);
  const aliasFirst = hostAt(g.alias, g.first);
  const lanLast = hostAt(g.lan.network, g.last);
  const aliasLast = hostAt(g.alias, g.last);
  const res = (kind: DesignedResource["kind"], name: string, args: Record<string, unknown>) =>
    ({ kind, name, args }) satisfies DesignedResource;

  const descriptors = [
    // Outer = alias: applied in reverse on the LAN, a client's packet to an alias leaves with the real address.
    // `address outer/inner` equal the last static pair so no dynamic NAT can happen.
    res("NatDescriptor", `nat-${lanNat}`, {
      id: lanNat,
      type: "nat",
      outer: [aliasLast],
      inner: [lanLast],
      statics: [{ ...entry, outer: aliasFirst, inner: lanFirst }],
    }),
    ...(s.upstream
      ? [
          // The inverse, forward on the upstream LAN: its traffic to real LAN addresses becomes alias traffic
          // that the LAN's reverse descriptor turns back, so both ends keep their real addresses.
          res("NatDescriptor", `nat-${upNat}`, {
            id: upNat,
            type: "nat",
            outer: [lanLast],
            inner: [aliasLast],
            statics: [{ ...entry, outer: lanFirst, inner: aliasFirst }],
          }),
        ]
      : []),
  ];
  // One table for all host routes: a /24 published whole is 253 routes, one operation, and publishing one more host
  // sends one line.
  const routes =
    hosts.length === 0
      ? []
      : [
          res("StaticRoutes", "host-routes", {
            name: "host-routes",
            routes: hosts.map((h) => ({ network: `${g.aliasOf(h.address)}/32`, gateways: [h.address] })),
          }),
        ];
  const pool = res("L2tpAnonymousPool", "pp-anonymous", {
    model: s.model,
    tunnels: s.vpn.tunnels,
    users: s.vpn.users,
    pool: { range: s.vpn.pool },
    preSharedKey: s.vpn.preSharedKey,
    templates: s.vpn.templates,
  });
  const switches = [
    res("GlobalSwitch", "ipsec-auto-refresh", { setting: "ipsec auto refresh", value: "on" }),
    res("GlobalSwitch", "l2tp-service", { setting: "l2tp service", value: "on" }),
  ];
  const dhcp =
    s.dhcp === false
      ? []
      : (() => {
          const d = s.dhcp;
          // Option 121 replaces option 3 at the client (RFC 3442), so the default route goes in it too.
          const routes121 = [
            ...d.subnetsBehindGateways.map((n) => ({ destination: n.network, gateway: n.gateway })),
            { destination: "default", gateway: g.lan.host },
          ];
          const scope = res("DhcpScope", `dhcp-scope-${d.scope}`, {
            id: d.scope,
            range: d.range,
            prefixLength: Number(g.lan.network.cidrPrefix.getValue()),
            binds: d.binds,
            options: { classlessStaticRoutes: routes121 },
          });
          return [
            scope,
            res("GlobalSwitch", "dhcp-service", { setting: "dhcp service", value: "server" }),
            res("GlobalSwitch", "dhcp-rfc2131", {
              setting: "dhcp server rfc2131 compliant",
              value: "except remain-silent",
            }),
          ];
        })();
  const upstream = s.upstream
    ? [
        res("LanInterface", s.upstream.interface, {
          model: s.model,
          interface: s.upstream.interface,
          address: s.upstream.address,
          natDescriptors: { forward: [upNat] },
        }),
      ]
    : [];
  const relayTo =
    s.dhcp === false ? undefined : (s.dhcp.relayTo ?? (s.upstream && attached(s.upstream.address).host));
  const lan = res("LanInterface", s.lan.interface, {
    model: s.model,
    interface: s.lan.interface,
    address: s.lan.address,
    natDescriptors: { reverse: [lanNat] },
    ...(relayTo ? { dhcp: { mode: "relay", servers: [relayTo] } } : {}),
  });
  return [...descriptors, ...routes, pool, ...switches, ...dhcp, ...upstream, lan];
}

function clientSettings(s: OverlapSafeVpnSettings, hosts: PublishedHost[]): ClientSettings {
  const g = geometry(s);
  const lanNet = g.lan.network.toCidrString();
  return {
    ...(s.vpn.server === undefined ? {} : { server: s.vpn.server }),
    usernames: s.vpn.users.map((u) => u.name),
    dns: g.lan.host,
    lan: lanNet,
    aliasNetwork: s.aliasNetwork,
    hosts: hosts.map((h) => ({
      ...h,
      use: `${h.alias} when your home LAN overlaps ${lanNet}; otherwise ${h.alias} or ${h.address}`,
    })),
  };
}

/** The design, or a VpnDesignError naming every invalid input. Pure: opens no connection. */
export function designOverlapSafeVpn(inputs: OverlapSafeVpnInputs): VpnDesign {
  const s = validate(COMPONENT, overlapSafeVpnInputs, inputs, rules);
  const hosts = publishedHosts(s);
  const resources = resourcesOf(s, hosts);
  checkChildren(COMPONENT, resources, inputOf);
  const g = geometry(s);
  const published = hosts.map((h) => ({ ...h, alias: g.aliasOf(h.address) }));
  const script = scriptOf(resources);
  return {
    resources,
    commands: maskedCommands(resources),
    script,
    clientSettings: clientSettings(s, published),
    publishedAliases: Object.fromEntries(published.map((h) => [h.name, h.alias])),
    warnings: [
      ...warningsFor(s, hosts),
      ...filterWarnings(s.filters, script, s.model.toUpperCase(), g.lan.network.toCidrString(), hosts),
    ],
    lintFindings: lint(parseConfig(script, { source: "file" }), { model: s.model.toUpperCase() }),
  };
}
