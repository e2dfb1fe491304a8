/**
 * The analyses (trace, reach, lint) and the resources read the same router lines through the same reader, so for
 * any line they agree: a route with several gateways and options is the route StaticRoute reads, gateway by gateway.
 * So do the finders of typed objects `nvr import` and ConfigLines use (provider/resources/objects.ts).
 */
import fc from "fast-check";
import { buildNetwork } from "../../provider/analysis";
import { classlessRoutes, expandedTunnels, poolSpans, spanSize } from "../../provider/analysis/network";
import { type ConfigIndex, indexConfig, renderCommands } from "../../provider/config/index";
import type { ContextCommand } from "../../provider/config/model";
import { AnalysisError, ReadError } from "../../provider/errors";
import { parseConfig } from "../../provider/config/parse";
import { IPv4 } from "ip-num";
import {
  DhcpScope,
  GlobalSwitch,
  L2tpAnonymousPool,
  LanInterface,
  NatDescriptor,
  StaticRoute,
} from "../../provider/resources";
import { networkOf, type Span } from "../../provider/resources/net";
import { Ipv6Interface } from "../../provider/resources/ipv6-interface";
import { Ipv6SecureFilter } from "../../provider/resources/ipv6-secure-filter";
import { readPpLine } from "../../provider/resources/l2tp-anonymous-pool";
import { readSwitchControlLine } from "../../provider/resources/lan-interface";
import { TYPED_KINDS } from "../../provider/resources/objects";
import { PppoeInterface } from "../../provider/resources/pppoe-interface";
import { SecureFilter, readSecureFilters } from "../../provider/resources/secure-filter";
import { routeIdentities } from "../../provider/resources/static-route";
import { encodeClasslessRoutes } from "../../provider/resources/rfc3442";

const octet = fc.integer({ min: 1, max: 254 });
const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const network = fc.oneof(
  octet.map((a) => `${a}.0.0.0/8`),
  fc.tuple(octet, octet).map(([a, b]) => `${a}.${b}.0.0/16`),
  address.map((a) => `${a}/32`),
);
const target = fc.oneof(
  address,
  fc.integer({ min: 1, max: 30 }).map((n) => `pp ${n}`),
  fc.integer({ min: 1, max: 20 }).map((n) => `tunnel ${n}`),
  fc.constantFrom("null", "pp anonymous", "dhcp lan2"),
);
const gateway = fc.record({
  gateway: target,
  metric: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
  hide: fc.boolean(),
  weight: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
});
const route = fc.record({
  network,
  gateways: fc.uniqueArray(gateway, { minLength: 1, maxLength: 4, selector: (g) => g.gateway }),
});

type GeneratedRoute = typeof route extends fc.Arbitrary<infer T> ? T : never;

function routeLine(r: GeneratedRoute): string {
  const parts = r.gateways.map((g) =>
    [
      `gateway ${g.gateway}`,
      g.metric === undefined ? "" : ` metric ${g.metric}`,
      g.hide ? " hide" : "",
      g.weight === undefined ? "" : ` weight ${g.weight}`,
    ].join(""),
  );
  return `ip route ${r.network} ${parts.join(" ")}`;
}

/** The analysis' spelling of a gateway back in the router's words. */
function spelled(
  g: ReturnType<typeof buildNetwork>["routes"][number]["gateways"][number]["gateway"],
): string {
  if (g.kind === "null") return "null";
  if (g.kind === "ip") return g.ip.toString();
  return g.name.replace(/^(pp|tunnel):/, "$1 ").replace(/^lan/, "dhcp lan");
}

describe("one reader of router lines for resources and analyses", () => {
  test("ip route with several gateways and metric/hide/weight: the analysis sees the gateways StaticRoute reads", () => {
    fc.assert(
      fc.property(route, fc.boolean(), (r, bare) => {
        // The router may print a host route without its /32; the finder still names it by the network's normal form.
        const printed = {
          ...r,
          network: r.network.endsWith("/32") && bare ? r.network.slice(0, -3) : r.network,
        };
        const text = `${routeLine(printed)}\n`;
        const config = indexConfig(parseConfig(text));
        expect(routeIdentities(config)).toEqual({ identities: [`ip route ${r.network}`], refused: [] });
        const resource = StaticRoute.read(config, `ip route ${r.network}`);
        const analysed = buildNetwork(config).routes;
        expect(resource).toBeDefined();
        expect(analysed).toHaveLength(1);
        const [a] = analysed;
        expect(a.network.toCidrString()).toBe(resource!.network);
        expect(
          a.gateways.map((g) => ({
            gateway: spelled(g.gateway),
            hide: g.hide,
            metric: g.metric,
            weight: g.weight,
          })),
        ).toEqual(resource!.gateways.map((g) => ({ ...g })));
        // traffic takes the first gateway that is not kept in reserve
        const active = resource!.gateways.find((g) => !g.hide) ?? resource!.gateways[0];
        expect(spelled(a.gateway)).toBe(active.gateway);
      }),
      { numRuns: 300 },
    );
  });

  test("ip lanN nat descriptor with several descriptors and reverse: the same binding for the analysis and LanInterface", () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 2147483647 }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom("lan1", "lan2"), ids, ids, (lan, forward, reverse) => {
        fc.pre(forward.length + reverse.length > 0);
        const list = [...forward, ...(reverse.length > 0 ? ["reverse", ...reverse] : [])].join(" ");
        const config = indexConfig(
          parseConfig(`ip ${lan} address 192.168.11.1/24\nip ${lan} nat descriptor ${list}\n`),
        );
        const resource = LanInterface.read(config, lan);
        const analysed = buildNetwork(config).interfaces.get(lan)?.nat;
        expect(resource?.natDescriptors).toEqual({ forward, reverse });
        expect({ forward: analysed?.forward, reverse: analysed?.reverse }).toEqual({ forward, reverse });
      }),
      { numRuns: 200 },
    );
  });

  test("dhcp scope option 121: the analysis hands out the classless routes DhcpScope reads", () => {
    const classless = fc.record({
      destination: fc.oneof(
        octet.map((a) => `${a}.0.0.0/8`),
        fc.tuple(octet, octet, octet).map(([a, b, c]) => `${a}.${b}.${c}.0/24`),
        address.map((a) => `${a}/32`),
      ),
      gateway: fc.tuple(octet, octet).map(([a, b]) => `192.168.${a}.${b}`),
    });
    fc.assert(
      fc.property(fc.array(classless, { minLength: 1, maxLength: 4 }), (routes) => {
        const text = [
          "ip lan1 address 192.168.11.1/16",
          "dhcp scope 1 192.168.11.100-192.168.11.120/16",
          `dhcp scope option 1 classless_static_route=${encodeClasslessRoutes(routes)}`,
          "",
        ].join("\n");
        const config = indexConfig(parseConfig(text));
        const resource = DhcpScope.read(config, "dhcp scope 1");
        const [scope] = buildNetwork(config).dhcpScopes;
        const analysed = classlessRoutes(scope).map((r) => ({
          destination: r.network.toCidrString(),
          gateway: r.gateway.toString(),
        }));
        expect(resource?.options.classlessStaticRoutes).toEqual(routes);
        expect(analysed).toEqual(routes);
      }),
      { numRuns: 200 },
    );
  });

  test("ip lanN address/secondary address/proxyarp/dhcp service/secure filter: the interface the analysis builds is the one LanInterface and SecureFilter read", () => {
    const prefix = fc.integer({ min: 8, max: 30 });
    const dottedMask = (bits: number) =>
      [24, 16, 8, 0].map((shift) => ((0xffffffff << (32 - bits)) >>> shift) & 0xff).join(".");
    const dhcp = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom({ mode: "server" as const }, { mode: "off" as const }),
      fc
        .array(address, { minLength: 1, maxLength: 4 })
        .map((servers) => ({ mode: "relay" as const, servers })),
    );
    const filters = fc.uniqueArray(fc.integer({ min: 1, max: 21474836 }), { minLength: 1, maxLength: 5 });
    const lists = fc.option(
      fc.tuple(filters, fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 })),
      {
        nil: undefined,
      },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("lan1", "lan2", "lan3"),
        address,
        prefix,
        fc.boolean(),
        fc.option(fc.tuple(address, prefix), { nil: undefined }),
        fc.boolean(),
        dhcp,
        lists,
        lists,
        (lan, host, bits, masked, secondary, proxyArp, service, filterIn, filterOut) => {
          const text = [
            `ip ${lan} address ${host}/${masked ? dottedMask(bits) : bits}`,
            ...(secondary ? [`ip ${lan} secondary address ${secondary[0]}/${secondary[1]}`] : []),
            ...(proxyArp ? [`ip ${lan} proxyarp on`] : []),
            ...(service
              ? [
                  `ip ${lan} dhcp service ${service.mode}${"servers" in service ? ` ${service.servers.join(" ")}` : ""}`,
                ]
              : []),
            ...(
              [
                ["in", filterIn],
                ["out", filterOut],
              ] as const
            ).flatMap(([dir, l]) =>
              l
                ? [
                    `ip ${lan} secure filter ${dir} ${l[0].join(" ")}${l[1].length ? ` dynamic ${l[1].join(" ")}` : ""}`,
                  ]
                : [],
            ),
            "",
          ].join("\n");
          const config = indexConfig(parseConfig(text));
          const resource = LanInterface.read(config, lan);
          const iface = buildNetwork(config).interfaces.get(lan);
          expect(resource?.address).toBe(`${host}/${masked ? dottedMask(bits) : bits}`);
          expect(resource?.proxyArp).toBe(proxyArp);
          expect(resource?.dhcp).toEqual(service);
          expect(iface?.addresses.map((a) => [a.ip.toString(), a.network.toCidrString()])).toEqual([
            [host, networkOf(host, bits).toCidrString()],
            ...(secondary ? [[secondary[0], networkOf(secondary[0], secondary[1]).toCidrString()]] : []),
          ]);
          expect(iface?.proxyarp.on).toBe(resource?.proxyArp);
          expect(iface?.dhcpService?.mode).toBe(resource?.dhcp?.mode);
          const lists = SecureFilter.read(config, `secure filter ${lan}`);
          for (const [dir, l] of [
            ["in", filterIn],
            ["out", filterOut],
          ] as const) {
            const expected = l && { filters: l[0], dynamic: l[1] };
            expect(lists?.[dir]).toEqual(expected);
            const analysed = iface?.filters[dir];
            expect(analysed && { filters: analysed.filters, dynamic: analysed.dynamic }).toEqual(expected);
          }
          // the router's own addresses StaticRoute refuses as gateways are the ones the analysis owns
          const own = StaticRoute.schema.parse({ network: "10.99.0.0/16", gateways: [host] });
          expect(() => StaticRoute.plan(config, own)).toThrow(/router's own address/);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("nat descriptor type/address outer/inner/static (count and netmask forms)/masquerade: the descriptor the analysis builds is the one NatDescriptor reads", () => {
    const span = fc
      .tuple(address, fc.integer({ min: 0, max: 3 }))
      .map(([a, n]) => (n === 0 ? a : `${a}-${IPv4.fromNumber(IPv4.fromString(a).getValue() + BigInt(n))}`));
    const port = fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom("www", "domain", "ssh"));
    const descriptor = fc.record({
      id: fc.integer({ min: 1, max: 2147483647 }),
      type: fc.constantFrom("nat", "masquerade", "nat-masquerade"),
      outer: fc.option(
        fc.oneof(
          fc.constantFrom("ipcp", "primary", "secondary", "map-e", "hb46pp").map((m) => [m]),
          fc.array(span, { minLength: 1, maxLength: 3 }),
        ),
        { nil: undefined },
      ),
      inner: fc.option(fc.oneof(fc.constant(["auto"]), fc.array(span, { minLength: 1, maxLength: 3 })), {
        nil: undefined,
      }),
      statics: fc.uniqueArray(
        fc.record({
          id: fc.integer({ min: 1, max: 1000 }),
          outer: address,
          inner: address,
          netmask: fc.option(fc.integer({ min: 24, max: 32 }), { nil: undefined }),
          count: fc.integer({ min: 1, max: 256 }),
        }),
        { maxLength: 3, selector: (e) => e.id },
      ),
      masqueradeStatics: fc.uniqueArray(
        fc.record({
          id: fc.integer({ min: 1, max: 1000 }),
          inner: address,
          protocol: fc.constantFrom("tcp", "udp"),
          outerPort: fc.option(port, { nil: undefined }),
          innerPort: port,
        }),
        { maxLength: 3, selector: (e) => e.id },
      ),
      masqueradeIncoming: fc.option(
        fc.oneof(
          fc.constantFrom("through", "reject", "discard").map((action) => ({ action })),
          address.map((a) => ({ action: "forward", address: a })),
        ),
        { nil: undefined },
      ),
    });
    const spelled = (x: Span) =>
      x.getFirst().isEquals(x.getLast()) ? `${x.getFirst()}` : `${x.getFirst()}-${x.getLast()}`;
    fc.assert(
      fc.property(descriptor, (g) => {
        // The static entries in the router's two forms: OUTER=INNER COUNT, or OUTER=INNER/LEN for a netmask's worth.
        const statics = g.statics.map((e) => ({
          text: `nat descriptor static ${g.id} ${e.id} ${e.outer}=${e.inner}${e.netmask === undefined ? ` ${e.count}` : `/${e.netmask}`}`,
          model: {
            id: e.id,
            outer: e.outer,
            inner: e.inner,
            count: e.netmask === undefined ? e.count : 2 ** (32 - e.netmask),
          },
        }));
        const parsed = NatDescriptor.schema.safeParse({
          ...g,
          statics: statics.map((e) => e.model),
          masqueradeStatics: g.type === "nat" ? [] : g.masqueradeStatics,
          masqueradeIncoming: g.type === "nat" ? undefined : g.masqueradeIncoming,
        });
        fc.pre(parsed.success);
        const model = parsed.data!;
        const lines = NatDescriptor.commands(model, { mask: false })
          .map((c) => c.command)
          .filter((c) => !c.startsWith("nat descriptor static "));
        const text = [...lines, ...statics.map((e) => e.text), ""].join("\n");
        const config = indexConfig(parseConfig(text));
        const resource = NatDescriptor.read(config, `nat descriptor ${g.id}`);
        expect(resource).toEqual(model);
        const d = buildNetwork(config).descriptors.get(g.id);
        expect(d?.type).toBe(resource!.type);
        expect(Array.isArray(d?.outer) ? d!.outer.map(spelled) : [d?.outer]).toEqual(
          resource!.outer ?? ["ipcp"],
        );
        expect(d?.inner?.map(spelled) ?? ["auto"]).toEqual(resource!.inner ?? ["auto"]);
        expect(
          [...d!.statics]
            .sort((a, b) => a.entry - b.entry)
            .map((e) => ({
              id: e.entry,
              outer: `${e.outer.getFirst()}`,
              inner: `${e.inner.getFirst()}`,
              count: spanSize(e.outer),
            })),
        ).toEqual(resource!.statics);
        expect(
          [...d!.masqueradeStatics]
            .sort((a, b) => a.entry - b.entry)
            .map((e) => ({
              id: e.entry,
              inner: e.inner.toString(),
              protocol: e.protocol,
              outerPort: e.outerPort,
              innerPort: e.innerPort,
            })),
        ).toEqual(
          resource!.masqueradeStatics.map((e) => ({
            id: e.id,
            inner: e.inner,
            protocol: String(e.protocol),
            outerPort: e.outerPort === undefined ? undefined : String(e.outerPort),
            innerPort: e.innerPort === undefined ? undefined : String(e.innerPort),
          })),
        );
        expect({ action: d?.incoming.action, address: d?.incoming.forwardTo?.toString() }).toEqual({
          action: resource!.masqueradeIncoming?.action ?? "reject",
          address: resource!.masqueradeIncoming?.address,
        });
      }),
      { numRuns: 300 },
    );
  });

  test("dhcp service/scope (prefix or netmask)/scope bind/scope option: the scopes the analysis builds are the ones DhcpScope and GlobalSwitch read", () => {
    const hex = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, "0"));
    const scope = fc
      .record({
        id: fc.integer({ min: 1, max: 65535 }),
        base: address,
        prefixLength: fc.integer({ min: 16, max: 27 }),
        from: fc.integer({ min: 1, max: 3 }),
        size: fc.integer({ min: 1, max: 5 }),
        netmask: fc.boolean(),
        gateway: fc.boolean(),
        expire: fc.option(fc.constantFrom("72:00", "1440", "infinity"), { nil: undefined }),
        binds: fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(hex, { minLength: 6, maxLength: 6 })),
          {
            maxLength: 3,
            selector: ([at]) => at,
          },
        ),
        dns: fc.option(fc.array(address, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        router: fc.boolean(),
        service: fc.option(fc.constantFrom("server", "relay"), { nil: undefined }),
      })
      .map((g) => {
        const network = networkOf(g.base, g.prefixLength);
        const at = (n: number) => IPv4.fromNumber(network.getFirst().getValue() + BigInt(n)).toString();
        const first = g.from;
        const last = g.from + g.size - 1;
        return {
          ...g,
          network,
          model: {
            id: g.id,
            range: `${at(first)}-${at(last)}`,
            prefixLength: g.prefixLength,
            ...(g.gateway ? { gateway: at(first + g.size) } : {}),
            ...(g.expire ? { expire: g.expire } : {}),
            binds: g.binds
              .filter(([n]) => n < g.size)
              .map(([n, mac]) => ({ ip: at(first + n), mac: mac.join(":") })),
            options: {
              ...(g.router ? { router: at(first + g.size) } : {}),
              ...(g.dns ? { dns: g.dns } : {}),
            },
          },
        };
      });
    const dotted = (bits: number) =>
      [24, 16, 8, 0].map((shift) => ((0xffffffff << (32 - bits)) >>> shift) & 0xff).join(".");
    fc.assert(
      fc.property(scope, (g) => {
        const model = DhcpScope.schema.parse(g.model);
        const lines = DhcpScope.commands(model, { mask: false }).map((c) =>
          g.netmask ? c.command.replace(`/${g.prefixLength}`, `/${dotted(g.prefixLength)}`) : c.command,
        );
        const text = [...(g.service ? [`dhcp service ${g.service}`] : []), ...lines, ""].join("\n");
        const config = indexConfig(parseConfig(text));
        expect(DhcpScope.read(config, `dhcp scope ${g.id}`)).toEqual(model);
        const network = buildNetwork(config);
        const [s] = network.dhcpScopes;
        expect(network.dhcpScopes).toHaveLength(1);
        expect(`${s.range.getFirst()}-${s.range.getLast()}`).toBe(model.range);
        expect(s.network.toCidrString()).toBe(g.network.toCidrString());
        expect(s.binds.map((b) => b.ip?.toString())).toEqual(model.binds.map((b) => b.ip));
        const options = Object.fromEntries(s.options.map((o) => [o.name, o.value]));
        expect(options.router).toBe(model.options.router);
        expect(options.dns?.split(",")).toEqual(model.options.dns);
        const service = GlobalSwitch.read(config, "dhcp service");
        expect(network.dhcpService?.mode).toBe(service?.value);
        expect(service?.value).toBe(g.service);
      }),
      { numRuns: 200 },
    );
  });

  test("pp bind/remote address pool/msext/nat descriptor, tunnel encapsulation/ipsec tunnel/template, ipsec transport (template), l2tp service: the analysis sees the pool L2tpAnonymousPool and GlobalSwitch read", () => {
    const pool = fc.oneof(
      fc.constant("dhcp" as const),
      fc
        .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 4, max: 50 }))
        .map(([first, size]) => ({ range: `192.168.254.${first}-192.168.254.${first + size}` })),
    );
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 2147483647 }), { maxLength: 3 });
    const service = fc.option(fc.constantFrom("on", "off", "on l2tp", "on l2tpv3", "on l2tp l2tpv3"), {
      nil: undefined,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        pool,
        fc.boolean(),
        ids,
        ids,
        service,
        (tunnels, templates, p, msext, forward, reverse, l2tp) => {
          const model = L2tpAnonymousPool.schema.parse({
            tunnels,
            templates,
            pool: p,
            msext,
            natDescriptors: { forward, reverse },
            users: [{ name: "someone", password: "secret-pw" }],
            preSharedKey: "psk",
          });
          const text = [
            ...(l2tp ? [`l2tp service ${l2tp}`] : []),
            "dhcp scope 1 192.168.11.100-192.168.11.120/24",
            renderCommands(L2tpAnonymousPool.commands(model, { mask: false })),
          ].join("\n");
          const config = indexConfig(parseConfig(text, { source: "file" }));
          expect(L2tpAnonymousPool.read(config, "pp anonymous")).toEqual(model);
          const network = buildNetwork(config);
          const anonymous = network.interfaces.get("pp:anonymous");
          expect(anonymous?.boundTunnels).toEqual(model.tunnels);
          expect(anonymous?.msext ?? false).toBe(model.msext);
          expect({ forward: anonymous?.nat?.forward ?? [], reverse: anonymous?.nat?.reverse ?? [] }).toEqual(
            model.natDescriptors,
          );
          expect(anonymous?.pool?.fromDhcp).toBe(model.pool === "dhcp");
          expect(poolSpans(network).map((x) => `${x.getFirst()}-${x.getLast()}`)).toEqual([
            model.pool === "dhcp" ? "192.168.11.100-192.168.11.120" : model.pool.range,
          ]);
          // The tunnels written out, and those `tunnel template` / `ipsec transport template` copy them to.
          const [first, ...rest] = model.tunnels;
          const written = model.templates ? [first] : model.tunnels;
          expect([...network.tunnels.keys()].sort((a, b) => a - b)).toEqual(written);
          expect([...expandedTunnels(network)].sort((a, b) => a - b)).toEqual(model.tunnels);
          for (const t of written) {
            expect(network.tunnels.get(t)).toMatchObject({ encapsulation: "l2tp", policy: t });
            expect(network.transportPolicies.has(t)).toBe(true);
          }
          expect([...network.transportTemplateTargets].sort((a, b) => a - b)).toEqual(
            model.templates ? rest : [],
          );
          const switched = GlobalSwitch.read(config, "l2tp service");
          expect(switched?.value).toBe(l2tp);
          // CR §16.1: with versions listed, L2TP/IPsec is accepted only when `l2tp` is among them.
          const accepted: Record<string, boolean> = {
            on: true,
            off: false,
            "on l2tp": true,
            "on l2tpv3": false,
            "on l2tp l2tpv3": true,
          };
          expect(network.l2tpService.on).toBe(l2tp !== undefined && accepted[l2tp]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("a line the reader cannot read: the analysis names its line, the resource refuses it, nothing is guessed", () => {
  const nat = (id: string) => (c: ConfigIndex) => NatDescriptor.read(c, `nat descriptor ${id}`);
  const cases: [
    string,
    string,
    RegExp | undefined,
    ((c: ConfigIndex) => unknown) | undefined,
    RegExp | undefined,
  ][] = [
    [
      "descriptor number",
      "nat descriptor type x nat",
      /^line 1: nat descriptor type: "x" is not a descriptor number$/,
      nat("x"),
      /"x" is not a descriptor number/,
    ],
    [
      "static entry without =",
      "nat descriptor type 1 nat\nnat descriptor static 1 1 192.168.1.1",
      /^line 2: nat descriptor static: "192\.168\.1\.1" is not OUTER=INNER$/,
      nat("1"),
      /is not OUTER=INNER/,
    ],
    [
      "static entry with a bad netmask",
      "nat descriptor type 1 nat\nnat descriptor static 1 1 10.0.0.1=192.168.1.1/33",
      /^line 2: nat descriptor static: "33" is not a netmask$/,
      nat("1"),
      /"33" is not a netmask/,
    ],
    [
      "descriptor list word",
      "ip lan1 address 192.168.1.1/24\nip lan1 nat descriptor 1 x",
      /^line 2: nat descriptor list: "x" is not a descriptor number$/,
      (c) => LanInterface.read(c, "lan1"),
      /natDescriptors\.forward\[1\]/,
    ],
    [
      "interface address",
      "ip lan1 address 192.168.1.1/40",
      /^line 1: ip lan1 address: "192\.168\.1\.1\/40" is not ADDRESS\/MASK$/,
      undefined,
      undefined,
    ],
    [
      "scope number of a bind",
      "dhcp scope 1 192.168.1.2-192.168.1.9/24\ndhcp scope bind x 192.168.1.5 ethernet 00:11:22:33:44:55",
      /^line 2: dhcp scope: "x" is not a scope number$/,
      undefined,
      undefined,
    ],
    [
      "scope option word without =",
      "dhcp scope 1 192.168.1.2-192.168.1.9/24\ndhcp scope option 1 dns",
      undefined,
      (c) => DhcpScope.read(c, "dhcp scope 1"),
      /"dns" is not NAME=VALUE/,
    ],
    [
      "tunnel template word",
      "tunnel select 1\n tunnel encapsulation l2tp\n tunnel template 2-x",
      /^line 3: tunnel: "2-x" is not a number or range$/,
      undefined,
      undefined,
    ],
    [
      "transport policy",
      "ipsec transport 1 x udp 1701",
      /^line 1: ipsec transport: expected ipsec transport ID POLICY/,
      undefined,
      undefined,
    ],
    [
      "pp bind of something not a tunnel",
      "pp select anonymous\n pp bind lan2\n ip pp remote address pool dhcp",
      undefined,
      (c) => L2tpAnonymousPool.read(c, "pp anonymous"),
      /"lan2" is not a tunnel/,
    ],
  ];

  test.each(cases)("%s", (_name, text, analysis, read, refusal) => {
    const config = indexConfig(parseConfig(`${text}\n`, { source: "file" }));
    if (analysis) {
      expect(() => buildNetwork(config)).toThrow(AnalysisError);
      expect(() => buildNetwork(config)).toThrow(analysis);
    } else expect(() => buildNetwork(config)).not.toThrow();
    if (read) expect(() => read(config)).toThrow(ReadError);
    if (read && refusal) expect(() => read(config)).toThrow(refusal);
  });
});

describe("the finders nvr import and ConfigLines use and the resources' read: one reader per family", () => {
  const contextKey = (c: ContextCommand["context"]) =>
    c.kind === "pp" ? `1 ${c.peer}` : c.kind === "tunnel" ? `2 ${c.tunnel}` : "0";
  /** Resources' commands as the router prints them: the top level first, each pp and tunnel block once. */
  const render = (commands: ContextCommand[]) =>
    renderCommands(
      commands
        .map((c, i) => ({ c, i }))
        .sort((a, b) => contextKey(a.c.context).localeCompare(contextKey(b.c.context)) || a.i - b.i)
        .map(({ c }) => c),
    );
  const findOf = (name: string) => TYPED_KINDS.find((t) => t.kind.kind === name)!.find;

  test("ip and ipv6 IF secure filter in|out at the top level and in pp and tunnel blocks: the finder names the interfaces SecureFilter and Ipv6SecureFilter read, the lists are the family reader's, and the analysis applies the ip ones", () => {
    const list = fc.option(
      fc
        .record({
          filters: fc.uniqueArray(fc.integer({ min: 1, max: 21474836 }), { maxLength: 4 }),
          dynamic: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
        })
        .filter((l) => l.filters.length + l.dynamic.length > 0),
      { nil: undefined },
    );
    const place = fc.oneof(
      fc.constantFrom("lan1", "lan2", "lan1/2", "bridge1", "pp anonymous"),
      fc.integer({ min: 1, max: 30 }).map((n) => `pp ${n}`),
      fc.integer({ min: 1, max: 20 }).map((n) => `tunnel ${n}`),
    );
    const entry = fc
      .record({
        family: fc.constantFrom("ip" as const, "ipv6" as const),
        interface: place,
        in: list,
        out: list,
      })
      .filter((e) => e.in !== undefined || e.out !== undefined);
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: (e) => `${e.family} ${e.interface}` }),
        (entries) => {
          const kindOf = (family: "ip" | "ipv6") => (family === "ip" ? SecureFilter : Ipv6SecureFilter);
          const models = entries.map((e) => ({
            family: e.family,
            model: kindOf(e.family).schema.parse({ interface: e.interface, in: e.in, out: e.out }),
          }));
          const text = render(
            models.flatMap(({ family, model }) => kindOf(family).commands(model, { mask: false })),
          );
          const config = indexConfig(parseConfig(text, { source: "file" }));
          for (const family of ["ip", "ipv6"] as const) {
            const kind = kindOf(family);
            const mine = models.filter((m) => m.family === family).map((m) => m.model);
            const found = findOf(kind.kind)(config);
            expect(found.refused).toEqual([]);
            expect([...new Set(found.identities)].sort()).toEqual(mine.map((m) => kind.identity(m)).sort());
            const lists = readSecureFilters(config, family).read;
            for (const m of mine) {
              expect(kind.read(config, kind.identity(m))).toEqual(m);
              for (const direction of ["in", "out"] as const) {
                const read = lists.filter((l) => l.interface === m.interface && l.direction === direction);
                expect(read.map((l) => ({ filters: l.filters, dynamic: l.dynamic }))).toEqual(
                  m[direction] ? [m[direction]] : [],
                );
              }
            }
          }
          // The analysis applies the ip lists of every pp and tunnel block (each block is an interface there).
          const network = buildNetwork(config);
          for (const { family, model } of models)
            if (family === "ip" && /^(pp|tunnel) /.test(model.interface)) {
              const iface = network.interfaces.get(model.interface.replace(" ", ":"));
              for (const direction of ["in", "out"] as const) {
                const analysed = iface?.filters[direction];
                expect(analysed && { filters: analysed.filters, dynamic: analysed.dynamic }).toEqual(
                  model[direction],
                );
              }
            }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("switch control use lanN on|off [terminal=on|off]: the finder names the LANs LanInterface reads, with the switchControl the reader reads", () => {
    const lan = fc.record({
      interface: fc.constantFrom("lan1", "lan2"),
      address: fc.option(
        address.map((a) => `${a}/24`),
        { nil: undefined },
      ),
      switchControl: fc.option(
        fc.record({ use: fc.boolean(), terminal: fc.option(fc.boolean(), { nil: undefined }) }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(lan, { minLength: 1, maxLength: 2, selector: (l) => l.interface }),
        (lans) => {
          const models = lans.map((l) =>
            LanInterface.schema.parse({
              interface: l.interface,
              ...(l.address ? { address: l.address } : {}),
              ...(l.switchControl
                ? {
                    switchControl:
                      l.switchControl.terminal === undefined ? { use: l.switchControl.use } : l.switchControl,
                  }
                : {}),
            }),
          );
          const config = indexConfig(
            parseConfig(render(models.flatMap((m) => LanInterface.commands(m, { mask: false }))), {
              source: "file",
            }),
          );
          const written = models.filter((m) => m.address !== undefined || m.switchControl !== undefined);
          expect([...new Set(findOf("LanInterface")(config).identities)].sort()).toEqual(
            written.map((m) => m.interface).sort(),
          );
          for (const m of written) {
            expect(LanInterface.read(config, m.interface)).toEqual(m);
            const line = config.find(["switch", "control", "use", m.interface])[0];
            const read = line && readSwitchControlLine(line);
            expect(read && { interface: read.interface, use: read.use === "on" }).toEqual(
              m.switchControl && { interface: m.interface, use: m.switchControl.use },
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("pppoe use in pp blocks: the finder names the PPPoE sessions PppoeInterface reads, with the interface readPpLine reads; other pp blocks are not sessions", () => {
    const block = fc.record({
      peer: fc.integer({ min: 1, max: 30 }),
      pppoe: fc.option(fc.constantFrom("lan1", "lan2"), { nil: undefined }),
      mtu: fc.option(fc.integer({ min: 64, max: 1500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(block, { minLength: 1, maxLength: 4, selector: (b) => b.peer }),
        (blocks) => {
          const sessions = blocks.flatMap((b) =>
            b.pppoe === undefined
              ? []
              : [PppoeInterface.schema.parse({ peer: b.peer, interface: b.pppoe, mtu: b.mtu })],
          );
          const others: ContextCommand[] = blocks
            .filter((b) => b.pppoe === undefined)
            .map((b) => ({
              context: { kind: "pp", peer: String(b.peer) },
              command: `pp bind tunnel${b.peer}`,
            }));
          const text = render([
            ...sessions.flatMap((m) => PppoeInterface.commands(m, { mask: false })),
            ...others,
          ]);
          const config = indexConfig(parseConfig(text, { source: "file" }));
          expect([...findOf("PppoeInterface")(config).identities].sort()).toEqual(
            sessions.map((m) => `pp ${m.peer}`).sort(),
          );
          for (const b of blocks) {
            const read = PppoeInterface.read(config, `pp ${b.peer}`);
            expect(read?.interface).toBe(b.pppoe);
            const lines = config.block("pp", String(b.peer))?.lines ?? [];
            const uses = lines.flatMap((l) => {
              const pp = readPpLine(l);
              return pp?.item === "pppoe use" ? [pp.interface] : [];
            });
            expect(uses).toEqual(b.pppoe === undefined ? [] : [b.pppoe]);
          }
          for (const m of sessions) expect(PppoeInterface.read(config, `pp ${m.peer}`)).toEqual(m);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("ipv6 lanN address/rtadv send/dhcp service: the finder names the interfaces Ipv6Interface reads", () => {
    const ipv6 = fc.record({
      interface: fc.constantFrom("lan1", "lan2"),
      addresses: fc.option(
        fc.uniqueArray(
          fc.oneof(
            fc.constantFrom("auto", "dhcp", "proxy"),
            fc.integer({ min: 1, max: 0xffff }).map((n) => `2001:db8::${n.toString(16)}/64`),
            fc.integer({ min: 1, max: 0xffff }).map((n) => `ra-prefix@lan2::${n.toString(16)}/64`),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        { nil: undefined },
      ),
      rtadv: fc.option(
        fc.record({
          prefixes: fc.uniqueArray(fc.integer({ min: 1, max: 2147483647 }), { minLength: 1, maxLength: 3 }),
          mFlag: fc.option(fc.boolean(), { nil: undefined }),
          oFlag: fc.option(fc.boolean(), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      dhcp: fc.option(
        fc.oneof(
          fc.constantFrom({ mode: "off" as const }, { mode: "server" as const }),
          fc.boolean().map((ir) => ({ mode: "client" as const, informationRequest: ir })),
        ),
        { nil: undefined },
      ),
    });
    const defined = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    fc.assert(
      fc.property(
        fc.uniqueArray(ipv6, { minLength: 1, maxLength: 2, selector: (i) => i.interface }),
        (list) => {
          const models = list.map((i) =>
            Ipv6Interface.schema.parse(defined({ ...i, rtadv: i.rtadv && defined(i.rtadv) })),
          );
          const config = indexConfig(
            parseConfig(render(models.flatMap((m) => Ipv6Interface.commands(m, { mask: false }))), {
              source: "file",
            }),
          );
          const written = models.filter((m) => Ipv6Interface.commands(m, { mask: false }).length > 0);
          expect([...new Set(findOf("Ipv6Interface")(config).identities)].sort()).toEqual(
            written.map((m) => `ipv6 ${m.interface}`).sort(),
          );
          for (const m of written) expect(Ipv6Interface.read(config, `ipv6 ${m.interface}`)).toEqual(m);
        },
      ),
      { numRuns: 200 },
    );
  });
});
