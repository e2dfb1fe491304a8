/**
 * Every resource kind through provider/dynamic.ts against the simulator: create → refresh reproduces the
 * inputs → no diff → each update sends only its lines → a hand edit shows as drift → delete leaves the
 * config byte-identical to before create.
 */
import * as dynamic from "../../provider/dynamic";
import { GLOBAL, type ContextCommand } from "../../provider/config/model";
import { configCommands, routerOf, settle, withSeedRouter } from "./harness";

type Props = Record<string, unknown>;

/** The seed's LAN side without the VPN, so the L2TP pool is created from scratch. */
const BASE = [
  "ip lan1 address 192.168.11.250/24",
  "ip lan1 proxyarp on",
  "ip lan1 dhcp service server",
  "ip lan2 address 192.168.1.51/24",
  "dhcp service server",
  "dhcp scope 1 192.168.11.2-192.168.11.63/24",
  "",
].join("\n");

interface Case {
  kind: string;
  create: Props;
  /** Each: a property change and exactly the config lines it must send. */
  updates: { change: Props; sends: string[] }[];
  /** A change made outside Pulumi, and the property where refresh must show it. */
  handEdit: { commands: ContextCommand[]; property: string };
}

const cases: Case[] = [
  {
    kind: "StaticRoute",
    create: { network: "192.168.253.0/24", gateways: ["192.168.11.240"] },
    updates: [
      {
        change: { gateways: ["192.168.11.241"] },
        sends: ["ip route 192.168.253.0/24 gateway 192.168.11.241"],
      },
    ],
    handEdit: {
      commands: [{ context: GLOBAL, command: "ip route 192.168.253.0/24 gateway 192.168.11.5" }],
      property: "gateways",
    },
  },
  {
    kind: "NatDescriptor",
    create: { descriptor: 40, type: "nat", outer: ["192.168.11.254"], inner: ["192.168.253.254"] },
    updates: [
      { change: { inner: ["192.168.253.253"] }, sends: ["nat descriptor address inner 40 192.168.253.253"] },
      {
        change: { statics: [{ id: 1, outer: "192.168.11.2", inner: "192.168.253.2", count: 253 }] },
        sends: ["nat descriptor static 40 1 192.168.11.2=192.168.253.2 253"],
      },
    ],
    handEdit: {
      commands: [{ context: GLOBAL, command: "nat descriptor address outer 40 192.168.11.253" }],
      property: "outer",
    },
  },
  {
    kind: "DhcpScope",
    create: { scope: 2, range: "192.168.1.100-192.168.1.120", prefixLength: 24 },
    updates: [
      {
        change: { binds: [{ ip: "192.168.1.101", mac: "00:30:F5:CC:DD:EE" }] },
        sends: ["dhcp scope bind 2 192.168.1.101 ethernet 00:30:f5:cc:dd:ee"],
      },
      { change: { options: { dns: ["192.168.1.1"] } }, sends: ["dhcp scope option 2 dns=192.168.1.1"] },
    ],
    handEdit: {
      commands: [{ context: GLOBAL, command: "dhcp scope option 2 dns=192.168.1.2" }],
      property: "options",
    },
  },
  {
    kind: "LanInterface",
    create: {
      interface: "lan1",
      address: "192.168.11.250/24",
      proxyArp: false,
      dhcp: { mode: "relay", servers: ["192.168.1.51"] },
    },
    updates: [{ change: { proxyArp: true }, sends: ["ip lan1 proxyarp on"] }],
    handEdit: {
      commands: [{ context: GLOBAL, command: "ip lan1 address 192.168.11.249/24" }],
      property: "address",
    },
  },
  {
    kind: "GlobalSwitch",
    create: { setting: "dhcp server rfc2131 compliant", value: "except remain-silent" },
    updates: [{ change: { value: "on" }, sends: ["dhcp server rfc2131 compliant on"] }],
    handEdit: {
      commands: [{ context: GLOBAL, command: "dhcp server rfc2131 compliant off" }],
      property: "value",
    },
  },
  {
    kind: "L2tpAnonymousPool",
    create: {
      tunnels: { from: 2, to: 4 },
      users: [{ name: "someone@somewhere", password: "pw-1" }],
      pool: { range: "192.168.254.1-192.168.254.3" },
      preSharedKey: "psk-1",
    },
    updates: [
      { change: { mtu: 1300 }, sends: ["pp select anonymous", "ip pp mtu 1300"] },
      {
        change: { natDescriptors: { forward: [20] } },
        sends: ["pp select anonymous", "ip pp nat descriptor 20"],
      },
    ],
    handEdit: {
      commands: [{ context: { kind: "pp", peer: "anonymous" }, command: "ip pp mtu 1400" }],
      property: "mtu",
    },
  },
];

function model(props: Props): Props {
  const { router: _r, prior: _p, adopt: _a, __provider: _x, ...rest } = props;
  return rest;
}

describe.each(cases)("$kind lifecycle", ({ kind, create, updates, handEdit }) => {
  const router = withSeedRouter(BASE);

  test("create, refresh, updates, drift, delete", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const check = async (raw: Props) => {
      const r = await dynamic.check(kind, {}, raw);
      expect(r.failures ?? []).toEqual([]);
      return r.inputs as Props;
    };
    let inputs = await check(create);
    const created = await dynamic.create(kind, inputs);
    await settle(sim);
    let state = created.outs as Props;

    const refreshed = await dynamic.read(kind, created.id, state);
    expect(model(refreshed.inputs as Props)).toEqual(model(inputs));
    expect((await dynamic.diff(kind, created.id, refreshed.props as Props, inputs)).changes).toBe(false);

    let raw = create;
    for (const { change, sends } of updates) {
      raw = { ...raw, ...change };
      const news = await check(raw);
      expect(await dynamic.diff(kind, created.id, state, news)).toMatchObject({
        changes: true,
        replaces: [],
      });
      sim.clearEvents();
      state = (await dynamic.update(kind, created.id, state, news)).outs as Props;
      await settle(sim);
      expect({ change, sent: configCommands(sim) }).toEqual({ change, sent: sends });
      const again = await dynamic.read(kind, created.id, state);
      expect(model(again.inputs as Props)).toEqual(model(news));
      inputs = news;
    }

    await routerOf(sim).apply(handEdit.commands);
    await settle(sim);
    const drifted = await dynamic.read(kind, created.id, state);
    expect((drifted.inputs as Props)[handEdit.property]).not.toEqual(inputs[handEdit.property]);
    expect((await dynamic.diff(kind, created.id, drifted.props as Props, inputs)).changes).toBe(true);

    await dynamic.delete(kind, created.id, drifted.props as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
