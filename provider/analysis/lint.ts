/**
 * Pitfall lint: configurations the seed's author (or the command reference) found to misbehave on a live router,
 * reported with stable codes and the offending source lines before anything is applied.
 */
import type { ConfigTree } from "../config/model";
import {
  buildNetwork,
  classlessRoutes,
  expandedTunnels,
  isOwnAddress,
  connectedInterface,
  poolSpans,
  ppAnonymousNatActive,
  spanOf,
  spanSize,
  spansMeet,
  type Interface,
  type NatDescriptor,
  type NetworkModel,
} from "./network";
import { spanOfNetwork, type Span } from "../resources/net";
import { type Check, type Finding, finding } from "./finding";
import { FILTER_CHECKS } from "./filter-lint";

export type { Finding, Severity } from "./finding";

export interface LintOptions {
  /** Router model (e.g. "NVR510"); overrides the config's `# MODEL Rev.` header. */
  model?: string;
}

/**
 * Tunnels per model. NVR510/NVR500: four in all, the seed's "最大4個" and rtpro's 4 L2TP/IPsec connections; RTX: CR §15
 * intro table without extension licences.
 */
const TUNNEL_LIMITS: Readonly<Record<string, number>> = {
  NVR510: 4,
  NVR500: 4,
  RTX830: 20,
  RTX840: 20,
  RTX1210: 100,
  RTX1220: 100,
  RTX1300: 100,
};

/** Every address range a descriptor translates to on the outer side: `address outer` list and static outers. */
function outerSpans(d: NatDescriptor): { span: Span; line?: number }[] {
  return [
    ...(Array.isArray(d.outer) ? d.outer.map((span) => ({ span, line: d.outerLine })) : []),
    ...d.statics.map((s) => ({ span: s.outer, line: s.line })),
  ];
}

function boundDescriptors(
  model: NetworkModel,
  iface: Interface,
  role: "forward" | "reverse",
): NatDescriptor[] {
  return (iface.nat?.[role] ?? []).flatMap((id) => model.descriptors.get(id) ?? []);
}

const natOuterOnConnectedNetwork: Check = (model) =>
  [...model.interfaces.values()]
    .filter((i) => i.kind === "lan")
    .flatMap((lan) =>
      boundDescriptors(model, lan, "forward").flatMap((d) => {
        const own = lan.addresses.map((a) => spanOf(a.ip));
        const hits = outerSpans(d).filter(
          ({ span }) =>
            lan.addresses.some((a) => spansMeet(span, spanOfNetwork(a.network))) &&
            !own.some((o) => o.isEquals(span)),
        );
        if (hits.length === 0) return [];
        return [
          finding(
            "NAT_OUTER_ON_CONNECTED_NETWORK",
            "error",
            `forward NAT descriptor ${d.id} on ${lan.name} has outer addresses on ${lan.name}'s own network; the router answers ARP for them even with proxyarp off, duplicating those hosts' addresses. Do not apply a descriptor whose outer side is the interface's network in the forward direction.`,
            [lan.nat?.line, ...hits.map((h) => h.line)],
          ),
        ];
      }),
    );

/** Every gateway address of every route (a route may list several). */
const routeGatewayAddresses = (model: NetworkModel) =>
  model.routes.flatMap((r) =>
    r.gateways.flatMap((g) => (g.gateway.kind === "ip" ? [{ r, ip: g.gateway.ip }] : [])),
  );

const routeGatewayIsRouter: Check = (model) =>
  routeGatewayAddresses(model).flatMap(({ r, ip }) =>
    isOwnAddress(model, ip)
      ? [
          finding(
            "ROUTE_GATEWAY_IS_ROUTER",
            "error",
            `ip route ${r.network.toCidrString()} uses the router's own address ${ip} as gateway; NAT on the outgoing interface is not applied to it. Use a host on that network (or a host route per host) as gateway.`,
            [r.line],
          ),
        ]
      : [],
  );

const routeGatewayUnreachable: Check = (model) =>
  routeGatewayAddresses(model).flatMap(({ r, ip }) =>
    !isOwnAddress(model, ip) && !connectedInterface(model, ip)
      ? [
          finding(
            "ROUTE_GATEWAY_NOT_CONNECTED",
            "warning",
            `ip route ${r.network.toCidrString()}: gateway ${ip} is on no connected network, so the route never uses it`,
            [r.line],
          ),
        ]
      : [],
  );

function servesDhcp(model: NetworkModel, lan: Interface): number | undefined {
  if (lan.dhcpService) return lan.dhcpService.mode === "server" ? lan.dhcpService.line : undefined;
  if (model.dhcpService?.mode !== "server") return undefined;
  const scope = model.dhcpScopes.find((s) => lan.addresses.some((a) => a.network.isEquals(s.network)));
  return scope ? model.dhcpService.line : undefined;
}

const dhcpServerBehindReverseNat: Check = (model) =>
  [...model.interfaces.values()].flatMap((lan) => {
    const dhcpLine = lan.kind === "lan" ? servesDhcp(model, lan) : undefined;
    if (dhcpLine === undefined) return [];
    return boundDescriptors(model, lan, "reverse")
      .filter((d) => d.inner && d.statics.reduce((n, s) => n + spanSize(s.outer), 0) >= 2)
      .map((d) =>
        finding(
          "DHCP_SERVER_BEHIND_REVERSE_NAT",
          "error",
          `${lan.name} runs the DHCP server behind reverse NAT descriptor ${d.id}, which has an inner address and several static entries: DHCP answers become slow and renewals fail (observed on an NVR510). Relay instead: ip ${lan.name} dhcp service relay <the router's address on another LAN>.`,
          [dhcpLine, lan.nat?.line, d.innerLine, ...d.statics.map((s) => s.line)],
        ),
      );
  });

const ppAnonymousNatNeedsBackwardCompat: Check = (model) => {
  const anonymous = model.interfaces.get("pp:anonymous");
  const ids = [...(anonymous?.nat?.forward ?? []), ...(anonymous?.nat?.reverse ?? [])];
  if (ids.length === 0 || ppAnonymousNatActive(model)) return [];
  return [
    finding(
      "PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT",
      "error",
      `NAT on pp anonymous does not work on the ${model.model} while port-saving masquerade is on; add nat descriptor backward-compatibility 1 (takes effect after a restart)`,
      [anonymous?.nat?.line, model.backwardCompatibility?.line],
    ),
  ];
};

const tunnelsExceedModelLimit: Check = (model) => {
  const limit = model.model ? TUNNEL_LIMITS[model.model] : undefined;
  const tunnels = expandedTunnels(model);
  if (limit === undefined || tunnels.size <= limit) return [];
  return [
    finding(
      "TUNNELS_EXCEED_MODEL_LIMIT",
      "error",
      `${tunnels.size} tunnels (templates expanded) but the ${model.model} has ${limit}`,
      [...model.tunnels.values()].map((t) => t.line),
    ),
  ];
};

const poolSmallerThanTunnels: Check = (model) => {
  const anonymous = model.interfaces.get("pp:anonymous");
  if (!anonymous?.pool) return [];
  const size = anonymous.pool.spans.reduce((n, s) => n + spanSize(s), 0);
  const tunnels = anonymous.boundTunnels.length;
  if (size >= tunnels) return [];
  return [
    finding(
      "POOL_SMALLER_THAN_TUNNELS",
      "warning",
      `pp anonymous binds ${tunnels} tunnels but its remote address pool has ${size} addresses; the extra clients get none`,
      [anonymous.pool.line],
    ),
  ];
};

const dhcpOption121GatewayOutsideScope: Check = (model) =>
  model.dhcpScopes.flatMap((scope) =>
    classlessRoutes(scope)
      .filter((r) => !scope.network.contains(r.gateway))
      .map((r) =>
        finding(
          "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
          "error",
          `dhcp scope ${scope.id} (${scope.network.toCidrString()}) hands out classless route ${r.network.toCidrString()} via ${r.gateway}, which is not on the scope's network; clients cannot use it`,
          [r.line],
        ),
      ),
  );

const dhcpBindOutsideScope: Check = (model) =>
  model.dhcpScopes.flatMap((scope) =>
    scope.binds
      .filter((b) => b.ip && !scope.network.contains(b.ip))
      .map((b) =>
        finding(
          "DHCP_BIND_OUTSIDE_SCOPE",
          "warning",
          `dhcp scope bind ${scope.id} ${b.ip}: the address is outside scope ${scope.id} (${scope.network.toCidrString()}) and is never handed out`,
          [b.line],
        ),
      ),
  );

const vpnPoolOverlapsLan: Check = (model) => {
  const anonymous = model.interfaces.get("pp:anonymous");
  if (!anonymous?.pool) return [];
  return [...model.interfaces.values()]
    .filter((lan) => lan.kind === "lan" && !lan.proxyarp.on)
    .filter((lan) =>
      lan.addresses.some((a) => poolSpans(model).some((p) => spansMeet(p, spanOfNetwork(a.network)))),
    )
    .map((lan) =>
      finding(
        "VPN_POOL_OVERLAPS_LAN_WITHOUT_PROXYARP",
        "error",
        `VPN clients get addresses on ${lan.name}'s network, but ${lan.name} has proxyarp off: hosts on ${lan.name} cannot answer them. Set ip ${lan.name} proxyarp on, or give the pool a network of its own.`,
        [anonymous.pool?.line, lan.proxyarp.line, lan.addresses[0]?.line],
      ),
    );
};

const aliasNetworkOverlaps: Check = (model) => {
  const pool = poolSpans(model);
  const anonymousLine = model.interfaces.get("pp:anonymous")?.pool?.line;
  const reverse = new Set([...model.interfaces.values()].flatMap((i) => i.nat?.reverse ?? []));
  return [...model.descriptors.values()].flatMap((d) =>
    d.statics.flatMap((s) => {
      const inPool = pool.some((p) => spansMeet(p, s.outer));
      const onNetwork = reverse.has(d.id)
        ? [...model.interfaces.values()].find((i) =>
            i.addresses.some((a) => spansMeet(s.outer, spanOfNetwork(a.network))),
          )
        : undefined;
      if (!inPool && !onNetwork) return [];
      const clash = inPool
        ? "the pp anonymous remote address pool"
        : `${onNetwork?.name}'s connected network`;
      return [
        finding(
          "ALIAS_NETWORK_OVERLAPS",
          "error",
          `static NAT aliases ${s.outer.getFirst()}-${s.outer.getLast()} of descriptor ${d.id} overlap ${clash}; an alias must be an address nobody else has`,
          [s.line, inPool ? anonymousLine : undefined],
        ),
      ];
    }),
  );
};

const natDescriptorUndefined: Check = (model) =>
  [...model.interfaces.values()].flatMap((iface) =>
    [...(iface.nat?.forward ?? []), ...(iface.nat?.reverse ?? [])]
      .filter((id) => !model.descriptors.get(id)?.type)
      .map((id) =>
        finding(
          "NAT_DESCRIPTOR_UNDEFINED",
          "error",
          `${iface.name} applies NAT descriptor ${id}, which has no nat descriptor type line (type none: nothing is translated)`,
          [iface.nat?.line, ...(model.descriptors.get(id)?.lines ?? [])],
        ),
      ),
  );

const natStaticDefaults: Check = (model) =>
  [...model.descriptors.values()].flatMap((d) => {
    if (d.statics.length === 0 || !d.type || d.type === "none") return [];
    const found: Finding[] = [];
    if (d.outerLine === undefined)
      found.push(
        finding(
          "NAT_STATIC_WITHOUT_ADDRESS_OUTER",
          "warning",
          `NAT descriptor ${d.id} has static entries but no nat descriptor address outer (default ipcp); set it to the static outer address so no dynamic NAT happens`,
          [d.typeLine, ...d.statics.map((s) => s.line)],
        ),
      );
    if (d.type === "nat" && d.innerLine === undefined)
      found.push(
        finding(
          "NAT_STATIC_INNER_AUTO",
          "warning",
          `NAT descriptor ${d.id} has static entries but no nat descriptor address inner (default auto: every address); other hosts may be translated dynamically — set it to the static inner address`,
          [d.typeLine, ...d.statics.map((s) => s.line)],
        ),
      );
    return found;
  });

const l2tpTunnels = (model: NetworkModel) =>
  [...model.tunnels.values()].filter((t) => t.encapsulation === "l2tp");

const tunnelTemplateWithoutTransport: Check = (model) =>
  l2tpTunnels(model).flatMap((t) => {
    const missing = t.templateTargets.filter((x) => !model.transportTemplateTargets.has(x));
    const transport = t.policy === undefined ? undefined : model.transportPolicies.get(t.policy);
    if (transport === undefined || missing.length === 0) return [];
    return [
      finding(
        "TUNNEL_TEMPLATE_WITHOUT_TRANSPORT_TEMPLATE",
        "error",
        `tunnel ${t.id} is copied to tunnel ${missing.join(", ")} by tunnel template, but ipsec transport template does not give them an L2TP transport; those tunnels never carry L2TP`,
        [t.line, transport],
      ),
    ];
  });

const l2tpTunnelWithoutTransport: Check = (model) =>
  l2tpTunnels(model)
    .filter((t) => t.policy === undefined || !model.transportPolicies.has(t.policy))
    .map((t) =>
      finding(
        "L2TP_TUNNEL_WITHOUT_TRANSPORT",
        "error",
        `tunnel ${t.id} is L2TP/IPsec but no ipsec transport (udp 1701) uses its SA policy${t.policy === undefined ? " (it has no ipsec tunnel line)" : ` ${t.policy}`}`,
        [t.line],
      ),
    );

const l2tpServiceOff: Check = (model) => {
  const tunnels = l2tpTunnels(model);
  if (tunnels.length === 0 || model.l2tpService.on) return [];
  return [
    finding(
      "L2TP_SERVICE_OFF",
      "error",
      `tunnel ${tunnels.map((t) => t.id).join(", ")} use L2TP/IPsec but l2tp service is not on for L2TP (default off); add l2tp service on`,
      [...tunnels.map((t) => t.line), model.l2tpService.line],
    ),
  ];
};

const ppBindUnknownTunnel: Check = (model) => {
  const tunnels = expandedTunnels(model);
  return [...model.interfaces.values()].flatMap((pp) => {
    const missing = pp.boundTunnels.filter((t) => !tunnels.has(t));
    if (missing.length === 0) return [];
    return [
      finding(
        "PP_BIND_UNKNOWN_TUNNEL",
        "error",
        `${pp.name} binds tunnel ${missing.join(", ")}, which no tunnel select block or tunnel template defines`,
        [pp.bindLine],
      ),
    ];
  });
};

const CHECKS: readonly Check[] = [
  natOuterOnConnectedNetwork,
  routeGatewayIsRouter,
  routeGatewayUnreachable,
  dhcpServerBehindReverseNat,
  ppAnonymousNatNeedsBackwardCompat,
  tunnelsExceedModelLimit,
  poolSmallerThanTunnels,
  dhcpOption121GatewayOutsideScope,
  dhcpBindOutsideScope,
  vpnPoolOverlapsLan,
  aliasNetworkOverlaps,
  natDescriptorUndefined,
  natStaticDefaults,
  tunnelTemplateWithoutTransport,
  l2tpTunnelWithoutTransport,
  l2tpServiceOff,
  ppBindUnknownTunnel,
  ...FILTER_CHECKS,
];

/** All findings, ordered by first line. */
export function lint(tree: ConfigTree, options: LintOptions = {}): Finding[] {
  const model = buildNetwork(tree, options.model);
  return CHECKS.flatMap((check) => check(model)).sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
}
