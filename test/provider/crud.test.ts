/**
 * provider/dynamic.ts against the simulator over SSH, called the way the engine calls it: check, then
 * create / diff / update / read / delete with the previous outputs as olds.
 */
import * as dynamic from "../../provider/dynamic";
import { GLOBAL } from "../../provider/config/model";
import {
  SEED,
  configCommands,
  configureRequest,
  routerOf,
  seedSimulator,
  settle,
  stackConfig,
  withSeedRouter,
} from "./harness";

type Props = Record<string, unknown>;

const NAT30 = {
  descriptor: 30,
  type: "nat",
  outer: ["192.168.253.254"],
  inner: ["192.168.11.254"],
  statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
};

async function checked(kind: string, raw: Props): Promise<Props> {
  const r = await dynamic.check(kind, {}, raw);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

/** The resource's own properties (what read's inputs must reproduce), without connection bookkeeping. */
function model(props: Props): Props {
  const { router: _r, prior: _p, __provider: _x, ...rest } = props;
  return rest;
}

describe("NatDescriptor CRUD through the dynamic provider", () => {
  const router = withSeedRouter();

  test("create → read equals inputs → no diff → update touches only its line → drift → delete restores", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const inputs = await checked("NatDescriptor", NAT30);

    const created = await dynamic.create("NatDescriptor", inputs);
    expect(created.id).toBe("nat descriptor 30");
    await settle(sim);
    expect(sim.runningConfig()).toContain("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253\n");
    expect(sim.savedConfig()).toBe(sim.runningConfig());
    expect(created.outs.commands).toEqual(inputs.commands);

    // refresh right after up: same inputs, no change
    const read = await dynamic.read("NatDescriptor", created.id, created.outs);
    expect(read.id).toBe(created.id);
    expect(model(read.inputs as Props)).toEqual(model(inputs));
    expect((await dynamic.diff("NatDescriptor", created.id, read.props as Props, inputs)).changes).toBe(
      false,
    );
    expect((await dynamic.diff("NatDescriptor", created.id, created.outs, inputs)).changes).toBe(false);

    // update one property: only that line is sent, in place
    const news = await checked("NatDescriptor", { ...NAT30, statics: [{ ...NAT30.statics[0], count: 200 }] });
    const d = await dynamic.diff("NatDescriptor", created.id, created.outs, news);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    sim.clearEvents();
    const updated = await dynamic.update("NatDescriptor", created.id, created.outs, news);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["nat descriptor static 30 1 192.168.253.2=192.168.11.2 200"]);
    expect(updated.outs?.commands).toContain("nat descriptor static 30 1 192.168.253.2=192.168.11.2 200");

    // a hand edit outside Pulumi shows as drift on refresh
    await routerOf(sim).apply([
      { context: GLOBAL, command: "nat descriptor address inner 30 192.168.11.253" },
    ]);
    await settle(sim);
    const drifted = await dynamic.read("NatDescriptor", created.id, updated.outs as Props);
    expect((drifted.inputs as Props).inner).toEqual(["192.168.11.253"]);
    const drift = await dynamic.diff("NatDescriptor", created.id, drifted.props as Props, news);
    expect(drift).toMatchObject({ changes: true, replaces: [] });

    // delete leaves the config byte-identical to before create
    await dynamic.delete("NatDescriptor", created.id, drifted.props as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
    expect(sim.savedConfig()).toBe(before);

    // and a refresh now reports it gone
    expect((await dynamic.read("NatDescriptor", created.id, drifted.props as Props)).id).toBe("");
  });

  test("changing the descriptor number replaces, create-before-delete; credentials never replace", async () => {
    const sim = router();
    const inputs = await checked("NatDescriptor", NAT30);
    const outs = { ...inputs, router: { host: sim.host, port: sim.port } };
    const renumbered = await checked("NatDescriptor", { ...NAT30, descriptor: 31 });
    expect(await dynamic.diff("NatDescriptor", "nat descriptor 30", outs, renumbered)).toEqual({
      changes: true,
      replaces: ["descriptor"],
      deleteBeforeReplace: false,
    });
    const withCreds = { ...inputs, router: { username: "user", password: "rotated-pw" } };
    // The resource's own credentials are kept (secret) for destroy, so rotating them is an update with no lines.
    const d = await dynamic.diff("NatDescriptor", "nat descriptor 30", outs, withCreds);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    // Stack-config credentials are read at call time and never stored: rotating them changes nothing.
    expect((await dynamic.diff("NatDescriptor", "nat descriptor 30", outs, inputs)).changes).toBe(false);
    const otherRouter = { ...inputs, router: { host: "127.0.0.2" } };
    expect((await dynamic.diff("NatDescriptor", "nat descriptor 30", outs, otherRouter)).replaces).toEqual([
      "router",
    ]);
  });

  test("create refuses to clobber existing lines and lists them; adopt takes them over", async () => {
    const sim = router();
    const existing = "nat descriptor type 30 nat\nnat descriptor address outer 30 192.168.253.1\n";
    const other = await seedSimulator(SEED + existing);
    try {
      await dynamic.configure(configureRequest(stackConfig(other)));
      const inputs = await checked("NatDescriptor", NAT30);
      const before = other.runningConfig();
      await expect(dynamic.create("NatDescriptor", inputs)).rejects.toThrow(
        /already has these lines \(line \d+: nat descriptor type 30 nat; line \d+: nat descriptor address outer 30 192\.168\.253\.1\); set adopt: true to take them over, or, if this resource was renamed, give it `aliases` with its old name/,
      );
      await settle(other);
      expect(other.runningConfig()).toBe(before);

      const adopted = await dynamic.create("NatDescriptor", { ...inputs, adopt: true });
      await settle(other);
      expect(other.runningConfig()).toContain("nat descriptor address outer 30 192.168.253.254\n");
      expect(other.runningConfig()).not.toContain("192.168.253.1\n");
      expect(adopted.outs.prior).toBe(
        "nat descriptor type 30 nat\nnat descriptor address outer 30 192.168.253.1",
      );
    } finally {
      await settle(other);
      await other.stop();
      await dynamic.configure(configureRequest(stackConfig(sim)));
    }
  });

  test("preview with unknown inputs: check defers validation instead of failing", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const r = await dynamic.check("NatDescriptor", {}, { ...NAT30, inner: unknown });
    expect(r.failures ?? []).toEqual([]);
  });
});

describe("connection handling", () => {
  test("concurrent operations on one router share one SSH login and never interleave", async () => {
    const sim = await seedSimulator();
    try {
      await dynamic.configure(configureRequest(stackConfig(sim)));
      const before = sim.runningConfig();
      const routes = [1, 2, 3, 4, 5, 6].map((n) => ({
        network: `192.168.${200 + n}.0/24`,
        gateways: ["192.168.11.240"],
      }));
      const created = await Promise.all(
        routes.map(async (raw) => dynamic.create("StaticRoute", await checked("StaticRoute", raw))),
      );
      await settle(sim);
      for (const raw of routes)
        expect(sim.runningConfig()).toContain(`ip route ${raw.network} gateway 192.168.11.240\n`);
      expect(sim.events().filter((e) => e.type === "connect")).toHaveLength(1);
      await Promise.all(created.map((c) => dynamic.delete("StaticRoute", c.id, c.outs)));
      await settle(sim);
      expect(sim.runningConfig()).toBe(before);
    } finally {
      await settle(sim);
      await sim.stop();
    }
  });

  test("a refresh that cannot reach the router throws; it never reports the resource gone", async () => {
    const sim = await seedSimulator();
    const config = stackConfig(sim);
    await sim.stop();
    await dynamic.configure(configureRequest(config));
    const state = { ...(await checked("NatDescriptor", NAT30)), router: { host: sim.host, port: sim.port } };
    await expect(dynamic.read("NatDescriptor", "nat descriptor 30", state)).rejects.toThrow(sim.host);
  });

  test("stack config errors name the key; a missing host names router.host; secrets stay out of messages", async () => {
    await expect(
      dynamic.configure(configureRequest({ "nvr:port": "twenty-two", "nvr:password": "cfg-secret-pw" })),
    ).rejects.toThrow(/nvr:port/);
    await dynamic.configure(configureRequest({ "nvr:password": "cfg-secret-pw" }));
    const inputs = await checked("NatDescriptor", NAT30);
    const error = await dynamic.create("NatDescriptor", inputs).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(error).toMatch(/router\.host is not set/);
    expect(error).not.toContain("cfg-secret-pw");
  });
});
