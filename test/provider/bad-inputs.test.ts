/**
 * Bad inputs, as a user writes them in the SDK, through the provider's check: each is a failure naming
 * the property (the SDK's name: `descriptor`, `scope`), and check never opens an SSH connection even with
 * a reachable router configured (asserted with the simulator's event log).
 */
import * as dynamic from "../../provider/dynamic";
import { configureRequest, propertyNamed, stackConfig, withSeedRouter } from "./harness";

type Props = Record<string, unknown>;

const NAT = { descriptor: 30, type: "nat" };
const SCOPE = { scope: 2, range: "192.168.1.100-192.168.1.120", prefixLength: 24 };
const ROUTE = { network: "192.168.253.0/24", gateways: ["192.168.11.240"] };
const LAN = { interface: "lan1", address: "192.168.11.250/24" };
const POOL = {
  tunnels: { from: 2, to: 4 },
  users: [{ name: "someone", password: "pw" }],
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: "psk",
};
const SWITCH = { setting: "l2tp service", value: "on" };

// [kind, inputs, property the failure must name]
const cases: [string, Props, string][] = [
  // NatDescriptor
  ["NatDescriptor", { ...NAT, descriptor: 0 }, "descriptor"],
  ["NatDescriptor", { ...NAT, descriptor: 2147483648 }, "descriptor"],
  ["NatDescriptor", { ...NAT, descriptor: 1.5 }, "descriptor"],
  ["NatDescriptor", { type: "nat" }, "descriptor"],
  ["NatDescriptor", { ...NAT, type: "snat" }, "type"],
  ["NatDescriptor", { ...NAT, outer: ["192.168.253.300"] }, "outer[0]"],
  ["NatDescriptor", { ...NAT, outer: ["192.168.253.9-192.168.253.1"] }, "outer[0]"],
  ["NatDescriptor", { ...NAT, outer: ["ipcp", "192.168.253.1"] }, "outer"],
  ["NatDescriptor", { ...NAT, inner: [] }, "inner"],
  [
    "NatDescriptor",
    { ...NAT, statics: [{ id: 1, outer: "10.0.0.1", inner: "bad", count: 1 }] },
    "statics[0].inner",
  ],
  [
    "NatDescriptor",
    { ...NAT, statics: [{ id: 1, outer: "10.0.0.1", inner: "10.1.0.1", count: 0 }] },
    "statics[0].count",
  ],
  [
    "NatDescriptor",
    { ...NAT, statics: [{ id: 1, outer: "255.255.255.250", inner: "10.1.0.1", count: 10 }] },
    "statics[0].count",
  ],
  [
    "NatDescriptor",
    { ...NAT, statics: [1, 2].map(() => ({ id: 1, outer: "10.0.0.1", inner: "10.1.0.1", count: 1 })) },
    "statics[1].id",
  ],
  [
    "NatDescriptor",
    { ...NAT, masqueradeStatics: [{ id: 1, inner: "10.1.0.1", protocol: "tcp", innerPort: 80 }] },
    "masqueradeStatics",
  ],
  [
    "NatDescriptor",
    { ...NAT, type: "masquerade", masqueradeIncoming: { action: "forward" } },
    "masqueradeIncoming.address",
  ],
  ["NatDescriptor", { ...NAT, extra: 1 }, "extra"],
  [
    "NatDescriptor",
    { ...NAT, statics: [{ id: 1, outer: "10.0.0.1", inner: "10.1.0.1", cnt: 2 }] },
    "statics[0].cnt",
  ],
  // DhcpScope
  ["DhcpScope", { ...SCOPE, scope: 0 }, "scope"],
  ["DhcpScope", { ...SCOPE, scope: 65536 }, "scope"],
  ["DhcpScope", { ...SCOPE, range: "192.168.1.120-192.168.1.100" }, "range"],
  ["DhcpScope", { ...SCOPE, range: "192.168.1.100-192.168.2.20" }, "range"],
  ["DhcpScope", { scope: 2, range: "192.168.1.100-192.168.1.120" }, "prefixLength"],
  ["DhcpScope", { ...SCOPE, prefixLength: 33 }, "prefixLength"],
  ["DhcpScope", { scope: 2, range: SCOPE.range, netmask: "255.0.255.0" }, "netmask"],
  ["DhcpScope", { ...SCOPE, gateway: "192.168.2.1" }, "gateway"],
  ["DhcpScope", { ...SCOPE, expire: "soon" }, "expire"],
  ["DhcpScope", { ...SCOPE, binds: [{ ip: "192.168.1.5", mac: "00:30:f5:cc:dd:ee" }] }, "binds[0].ip"],
  ["DhcpScope", { ...SCOPE, binds: [{ ip: "192.168.1.101", mac: "00-30-f5" }] }, "binds[0].mac"],
  [
    "DhcpScope",
    { ...SCOPE, binds: ["192.168.1.101", "192.168.1.102"].map((ip) => ({ ip, mac: "00:30:f5:cc:dd:ee" })) },
    "binds[1].mac",
  ],
  ["DhcpScope", { ...SCOPE, options: { router: "10.0.0.1" } }, "options.router"],
  ["DhcpScope", { ...SCOPE, options: { dns: [] } }, "options.dns"],
  [
    "DhcpScope",
    {
      ...SCOPE,
      options: { classlessStaticRoutes: [{ destination: "192.168.4.0/24", gateway: "192.168.11.251" }] },
    },
    "options.classlessStaticRoutes[0].gateway",
  ],
  [
    "DhcpScope",
    {
      ...SCOPE,
      options: { classlessStaticRoutes: [{ destination: "192.168.4.1/24", gateway: "192.168.1.251" }] },
    },
    "options.classlessStaticRoutes[0].destination",
  ],
  // StaticRoute
  ["StaticRoute", { ...ROUTE, network: "192.168.253.1/24" }, "network"],
  ["StaticRoute", { ...ROUTE, network: "192.168.253.0/33" }, "network"],
  ["StaticRoute", { ...ROUTE, gateways: [] }, "gateways"],
  ["StaticRoute", { ...ROUTE, gateways: ["somewhere"] }, "gateways[0]"],
  ["StaticRoute", { ...ROUTE, gateways: [{ gateway: "192.168.11.240", metric: 16 }] }, "gateways[0].metric"],
  ["StaticRoute", { ...ROUTE, gateways: ["192.168.11.240", "192.168.11.240"] }, "gateways[1].gateway"],
  // LanInterface
  ["LanInterface", { ...LAN, interface: "wan1" }, "interface"],
  ["LanInterface", { ...LAN, address: "192.168.11.250" }, "address"],
  ["LanInterface", { ...LAN, address: "192.168.11.0/24" }, "address"],
  ["LanInterface", { ...LAN, address: "192.168.11.255/24" }, "address"],
  [
    "LanInterface",
    { ...LAN, natDescriptors: { forward: Array.from({ length: 17 }, (_, i) => i + 1) } },
    "natDescriptors",
  ],
  ["LanInterface", { ...LAN, natDescriptors: { reverse: [30, 30] } }, "natDescriptors.reverse[1]"],
  ["LanInterface", { ...LAN, natDescriptors: { reverse: [0] } }, "natDescriptors.reverse[0]"],
  ["LanInterface", { ...LAN, dhcp: { mode: "relay", servers: [] } }, "dhcp.servers"],
  // L2tpAnonymousPool
  ["L2tpAnonymousPool", { ...POOL, tunnels: { from: 1, to: 5 } }, "tunnels"],
  ["L2tpAnonymousPool", { ...POOL, tunnels: { from: 4, to: 2 } }, "tunnels.to"],
  ["L2tpAnonymousPool", { ...POOL, users: [] }, "users"],
  ["L2tpAnonymousPool", { ...POOL, users: [POOL.users[0], POOL.users[0]] }, "users[1].name"],
  ["L2tpAnonymousPool", { ...POOL, pool: { range: "192.168.254.1-192.168.254.2" } }, "pool.range"],
  ["L2tpAnonymousPool", { ...POOL, mtu: 9000 }, "mtu"],
  ["L2tpAnonymousPool", { ...POOL, preSharedKey: "" }, "preSharedKey"],
  ["L2tpAnonymousPool", { ...POOL, authRequest: "md5" }, "authRequest"],
  // the tunnel limit of the router's model when the pool names none
  ["L2tpAnonymousPool", { ...POOL, tunnels: { from: 1, to: 5 }, router: { model: "NVR500" } }, "tunnels"],
  // a model the provider has no limits for is refused where it is written, in any case
  ["L2tpAnonymousPool", { ...POOL, router: { model: "rtx5000" } }, "router.model"],
  ["StaticRoute", { ...ROUTE, router: { model: "NVR51O" } }, "router.model"],
  // GlobalSwitch
  ["GlobalSwitch", { ...SWITCH, setting: "ip routing" }, "setting"],
  ["GlobalSwitch", { ...SWITCH, value: "maybe" }, "value"],
  // common inputs
  ["StaticRoute", { ...ROUTE, router: { port: 0 } }, "router.port"],
  ["StaticRoute", { ...ROUTE, router: { host: "" } }, "router.host"],
  ["StaticRoute", { ...ROUTE, router: { hots: "127.0.0.1" } }, "router.hots"],
  ["StaticRoute", { ...ROUTE, adopt: "yes" }, "adopt"],
];

describe("bad inputs are check failures naming the property, with no SSH connection", () => {
  const router = withSeedRouter(undefined, {
    // check must not have connected at all
    beforeStop: (sim) => expect(sim.events().filter((e) => e.type === "connect")).toEqual([]),
  });

  it("has at least 40 cases across every resource kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map(([kind]) => kind)).size).toBe(6);
  });

  describe("the L2TP tunnel limit follows the router's model", () => {
    const FIVE = { ...POOL, tunnels: { from: 1, to: 5 }, pool: { range: "192.168.254.1-192.168.254.5" } };

    it("an nvr500 router refuses 5 tunnels, naming tunnels and the model", async () => {
      const { failures = [] } = await dynamic.check(
        "L2tpAnonymousPool",
        {},
        { ...FIVE, router: { model: "NVR500" } },
      );
      expect(failures).toEqual([
        { property: "tunnels", reason: "nvr500 takes at most 4 L2TP/IPsec tunnels, got 5" },
      ]);
    });

    it("an rtx1210 router (its router.model, or stack config nvr:model) takes 5", async () => {
      const own = await dynamic.check("L2tpAnonymousPool", {}, { ...FIVE, router: { model: "RTX1210" } });
      expect(own.failures ?? []).toEqual([]);
      expect(own.inputs).toMatchObject({ model: "rtx1210" });
      await dynamic.configure(configureRequest({ ...stackConfig(router()), "nvr:model": "rtx1210" }));
      try {
        const stack = await dynamic.check("L2tpAnonymousPool", {}, FIVE);
        expect(stack.failures ?? []).toEqual([]);
        expect(stack.inputs).toMatchObject({ model: "rtx1210" });
        // the pool's own model wins over the router's
        const pinned = await dynamic.check("L2tpAnonymousPool", {}, { ...FIVE, model: "nvr510" });
        expect(pinned.failures?.map((f) => f.property)).toEqual(["tunnels"]);
      } finally {
        await dynamic.configure(configureRequest(stackConfig(router())));
      }
      // without any model the NVR510's limit still holds
      const none = await dynamic.check("L2tpAnonymousPool", {}, FIVE);
      expect(none.failures?.map((f) => f.reason)).toEqual([
        "nvr510 takes at most 4 L2TP/IPsec tunnels, got 5",
      ]);
    });
  });

  it.each(cases)("%s %j names %s", async (kind, raw, property) => {
    const { failures = [] } = await dynamic.check(kind, {}, raw);
    expect(failures.map(propertyNamed)).toContain(property);
    for (const f of failures) expect(f.reason).not.toBe("");
  });
});

describe("stack config", () => {
  it("an nvr:model typo or a bad nvr:takeOverUnsaved is refused naming the key; any case of a model is taken", async () => {
    await expect(dynamic.configure(configureRequest({ "nvr:model": "nvr51o" }))).rejects.toThrow(
      /stack config: nvr:model: must be one of .*nvr510/,
    );
    await expect(dynamic.configure(configureRequest({ "nvr:takeOverUnsaved": "yes" }))).rejects.toThrow(
      /nvr:takeOverUnsaved: must be true or false/,
    );
    await expect(dynamic.configure(configureRequest({ "nvr:model": "NVR510" }))).resolves.toBeUndefined();
    await dynamic.configure(configureRequest({}));
  });
});
