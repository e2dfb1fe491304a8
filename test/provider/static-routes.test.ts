/**
 * StaticRoutes through the dynamic provider against nvr-sim over SSH, called the way the engine calls it: the table
 * is diffed entry by entry (one line per added or changed route, one `no ip route` per removed one), refresh reads
 * the entries in state, and delete removes only them.
 */
import * as dynamic from "../../provider/dynamic";
import { GLOBAL } from "../../provider/config/model";
import { configCommands, inEarlierRun, routerOf, settle, withSeedRouter } from "./harness";

type Props = Record<string, unknown>;

const host = (n: number) => ({ network: `192.168.253.${n}/32`, gateways: [`192.168.11.${n}`] });
const TABLE = { name: "hosts", routes: [host(10), host(20), host(30)] };

async function checked(raw: Props): Promise<Props> {
  const r = await dynamic.check("StaticRoutes", {}, raw);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

describe("StaticRoutes CRUD through the dynamic provider", () => {
  const router = withSeedRouter();

  test("create → add one → remove one → drift → refuse another's route → delete leaves the router as before", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const inputs = await checked(TABLE);
    sim.clearEvents();
    const created = await dynamic.create("StaticRoutes", inputs);
    await settle(sim);
    expect(created.id).toBe("static routes hosts");
    expect(configCommands(sim)).toEqual(
      [10, 20, 30].map((n) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`),
    );
    expect(sim.savedConfig()).toBe(sim.runningConfig());

    // state keeps the entries as their lines, once: no `commands` beside them
    const lines = [10, 20, 30].map((n) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`);
    expect(created.outs).toMatchObject({ name: "hosts", routes: `${lines.join("\n")}\n` });
    expect(created.outs).not.toHaveProperty("commands");
    expect(inputs).not.toHaveProperty("commands");
    const read = await dynamic.read("StaticRoutes", created.id, created.outs);
    expect((read.inputs as Props).routes).toEqual((inputs as Props).routes);
    expect((await dynamic.diff("StaticRoutes", created.id, read.props as Props, inputs)).changes).toBe(false);

    const added = await checked({ ...TABLE, routes: [...TABLE.routes, host(40)] });
    expect((await dynamic.diff("StaticRoutes", created.id, created.outs, added)).replaces).toEqual([]);
    sim.clearEvents();
    const up1 = await dynamic.update("StaticRoutes", created.id, created.outs, added);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["ip route 192.168.253.40/32 gateway 192.168.11.40"]);

    const removed = await checked({ ...TABLE, routes: [host(10), host(30), host(40)] });
    sim.clearEvents();
    const up2 = await dynamic.update("StaticRoutes", created.id, up1.outs as Props, removed);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["no ip route 192.168.253.20/32"]);

    // a route removed by hand shows as a missing entry on refresh
    await routerOf(sim).apply([{ context: GLOBAL, command: "no ip route 192.168.253.30/32" }]);
    await settle(sim);
    const drifted = await dynamic.read("StaticRoutes", created.id, up2.outs as Props);
    expect((drifted.inputs as Props).routes).toBe(
      [10, 40].map((n) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}\n`).join(""),
    );

    // a route someone else put there is not taken by an update
    await routerOf(sim).apply([
      { context: GLOBAL, command: "ip route 192.168.253.50/32 gateway 192.168.11.55" },
    ]);
    await settle(sim);
    const grabbing = await checked({ ...TABLE, routes: [host(10), host(40), host(50)] });
    sim.clearEvents();
    await expect(dynamic.update("StaticRoutes", created.id, up2.outs as Props, grabbing)).rejects.toThrow(
      /routes\[2\]\.network: the router already has "ip route 192\.168\.253\.50\/32 gateway 192\.168\.11\.55"/,
    );
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);

    await dynamic.delete("StaticRoutes", created.id, up2.outs as Props);
    await routerOf(sim).apply([{ context: GLOBAL, command: "no ip route 192.168.253.50/32" }]);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
    expect(sim.savedConfig()).toBe(before);
    expect((await dynamic.read("StaticRoutes", created.id, up2.outs as Props)).id).toBe("");
  });

  test("state written before the lines (routes as objects, with commands) refreshes, diffs and updates", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const created = await dynamic.create("StaticRoutes", await checked(TABLE));
    await settle(sim);
    // the state 0.1 wrote: the model's JSON and its lines for review
    const entry = (n: number) => ({
      network: `192.168.253.${n}/32`,
      gateways: [{ gateway: `192.168.11.${n}`, hide: false }],
    });
    const line = (n: number) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`;
    const old: Props = {
      ...created.outs,
      routes: [entry(10), entry(20), entry(30)],
      commands: [10, 20, 30].map(line).join("\n"),
    };
    const same = await checked(TABLE);
    expect((await dynamic.diff("StaticRoutes", created.id, old, same)).changes).toBe(false);

    const read = await dynamic.read("StaticRoutes", created.id, old);
    expect(read.props).toMatchObject({
      name: "hosts",
      routes: [10, 20, 30].map((n) => `${line(n)}\n`).join(""),
    });
    expect(read.props).not.toHaveProperty("commands");

    const added = await checked({ ...TABLE, routes: [...TABLE.routes, host(40)] });
    expect(await dynamic.diff("StaticRoutes", created.id, old, added)).toMatchObject({
      changes: true,
      replaces: [],
    });
    sim.clearEvents();
    const up = await dynamic.update("StaticRoutes", created.id, old, added);
    await settle(sim);
    expect(configCommands(sim)).toEqual([line(40)]);
    expect(up.outs).toMatchObject({ routes: [10, 20, 30, 40].map((n) => `${line(n)}\n`).join("") });

    // a delete from the old state removes exactly its entries
    await dynamic.delete("StaticRoutes", created.id, {
      ...old,
      routes: [...(old.routes as Props[]), entry(40)],
    });
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a route moved from a StaticRoute into a table in one run: the StaticRoute's delete leaves it to the table", async () => {
    const sim = router();
    const before = sim.runningConfig();
    // The StaticRoute was made by an earlier run (its own provider process); this run's program lists the route in
    // the table only.
    let route: { id: string; outs?: Props } = { id: "" };
    await inEarlierRun(sim, async (earlier) => {
      const single = await earlier.check("StaticRoute", {}, host(60));
      route = await earlier.create("StaticRoute", single.inputs as Props);
    });
    // The engine creates the new table first (taking the line over), then deletes the resource that left the program.
    const table = await dynamic.create(
      "StaticRoutes",
      await checked({ name: "moved", routes: [host(60)], adopt: true }),
    );
    sim.clearEvents();
    await dynamic.delete("StaticRoute", route.id, route.outs as Props);
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(sim.runningConfig()).toContain("ip route 192.168.253.60/32 gateway 192.168.11.60\n");
    // the table's own delete puts back what it took over: the line the StaticRoute had made
    await dynamic.delete("StaticRoutes", table.id, table.outs);
    await routerOf(sim).apply([{ context: GLOBAL, command: "no ip route 192.168.253.60/32" }]);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
