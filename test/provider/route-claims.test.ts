/**
 * One route, one owner: a route listed by two StaticRoutes tables, or by a table and a StaticRoute, of one run is
 * refused to the second claimant before anything is typed, through the dynamic provider against nvr-sim over SSH.
 * Resources made by an earlier `pulumi up` are made in their own provider process (`inEarlierRun`).
 */
import * as dynamic from "../../provider/dynamic";
import { indexConfig } from "../../provider/config/index";
import { parseConfig } from "../../provider/config/parse";
import { check } from "../../provider/resources";
import { routeIdentities, StaticRoute } from "../../provider/resources/static-route";
import {
  aliasRouteLine as line,
  aliasRouteLines as routeLines,
  checked,
  configCommands,
  inEarlierRun,
  refused,
  settle,
  withSeedRouter,
} from "./harness";

type Props = Record<string, unknown>;

const host = (n: number, spelling = `192.168.253.${n}/32`) => ({
  network: spelling,
  gateways: [`192.168.11.${n}`],
});

describe("a route has one owner among the resources of a run", () => {
  const router = withSeedRouter();

  test("a second table listing a route (spelled as a bare address) is refused at check, adopt or not, before the router is read", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const first = await checked("StaticRoutes", { name: "first", routes: [host(10), host(11)] });
    for (const adopt of [false, true]) {
      sim.clearEvents();
      const failures = await refused("StaticRoutes", {
        name: "second",
        routes: [host(12), host(11, "192.168.253.11")],
        adopt,
        livePlan: true,
      });
      expect(failures).toEqual([
        {
          property: "routes[1].network",
          reason: expect.stringMatching(
            /^192\.168\.253\.11\/32 is also listed by StaticRoutes static routes first \(routes\[1\]\.network\) of this stack on 127\.0\.0\.1:\d+: a route has one owner/,
          ),
        },
      ]);
      // a preview's check reads the router; this one was refused before it
      expect(sim.events()).toEqual([]);
    }
    // the first claimant is unaffected
    sim.clearEvents();
    const created = await dynamic.create("StaticRoutes", first);
    await settle(sim);
    expect(configCommands(sim)).toEqual([line(10), line(11)]);
    await dynamic.delete("StaticRoutes", created.id, created.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a table and a StaticRoute of one route: whichever is checked second is refused, naming the other", async () => {
    const sim = router();
    const before = sim.runningConfig();
    // the StaticRoute first, then a table that would adopt its line
    const single = await checked("StaticRoute", { ...host(20), adopt: true });
    sim.clearEvents();
    const route = await dynamic.create("StaticRoute", single);
    expect(
      await refused("StaticRoutes", { name: "late", routes: [host(21), host(20)], adopt: true }),
    ).toEqual([
      {
        property: "routes[1].network",
        reason: expect.stringContaining(
          "192.168.253.20/32 is also listed by StaticRoute ip route 192.168.253.20/32 (network) of this stack",
        ),
      },
    ]);
    // the table first, then a StaticRoute of one of its routes (as a bare address)
    const table = await checked("StaticRoutes", { name: "early", routes: [host(22), host(23)] });
    const tableMade = await dynamic.create("StaticRoutes", table);
    expect(await refused("StaticRoute", { ...host(23, "192.168.253.23"), adopt: true })).toEqual([
      {
        property: "network",
        reason: expect.stringContaining(
          "192.168.253.23/32 is also listed by StaticRoutes static routes early (routes[1].network) of this stack",
        ),
      },
    ]);
    await settle(sim);
    expect(configCommands(sim)).toEqual([line(20), line(22), line(23)]);
    await dynamic.delete("StaticRoute", route.id, route.outs as Props);
    await dynamic.delete("StaticRoutes", tableMade.id, tableMade.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("an update adding a route another table of the stack holds: refused at check, or at its turn when the holder is checked after it", async () => {
    const sim = router();
    const before = sim.runningConfig();
    // two tables made by an earlier run
    const made: Record<string, { id: string; outs: Props }> = {};
    await inEarlierRun(sim, async (earlier) => {
      for (const [name, n] of [
        ["holder", 30],
        ["grower", 31],
      ] as const) {
        const r = await earlier.check("StaticRoutes", {}, { name, routes: [host(n)] });
        const c = await earlier.create("StaticRoutes", r.inputs as Props);
        made[name] = { id: c.id, outs: c.outs as Props };
      }
    });
    const { holder, grower } = made;
    const growing = { name: "grower", routes: [host(31), host(30)] };

    // the holder is checked first: the grower's update is refused at its check
    await checked("StaticRoutes", { name: "holder", routes: [host(30)] }, holder.outs);
    expect(await refused("StaticRoutes", growing, grower.outs)).toEqual([
      {
        property: "routes[1].network",
        reason: expect.stringContaining(
          "192.168.253.30/32 is also listed by StaticRoutes static routes holder (routes[0].network)",
        ),
      },
    ]);

    // the grower is checked first (its check passes), then the holder: the grower's update is refused when its turn
    // comes, before anything is typed, and the holder keeps its route
    await inEarlierRun(sim, async (run) => {
      const grow = await run.check("StaticRoutes", grower.outs, growing);
      expect(grow.failures ?? []).toEqual([]);
      const hold = await run.check("StaticRoutes", holder.outs, { name: "holder", routes: [host(30)] });
      expect(hold.failures ?? []).toEqual([]);
      sim.clearEvents();
      await expect(run.update("StaticRoutes", grower.id, grower.outs, grow.inputs as Props)).rejects.toThrow(
        /StaticRoutes static routes grower: routes\[1\]\.network: 192\.168\.253\.30\/32 belongs to StaticRoutes static routes holder \(routes\[0\]\.network; its state lists it\)/,
      );
      expect(configCommands(sim)).toEqual([]);
    });
    expect(routeLines(sim)).toEqual([line(30), line(31)]);

    await dynamic.delete("StaticRoutes", grower.id, grower.outs);
    await dynamic.delete("StaticRoutes", holder.id, holder.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a new table that would adopt a route, checked before the table holding it: its create is refused before anything is typed", async () => {
    const sim = router();
    const before = sim.runningConfig();
    let holder: { id: string; outs: Props } = { id: "", outs: {} };
    await inEarlierRun(sim, async (earlier) => {
      const r = await earlier.check("StaticRoutes", {}, { name: "keeper", routes: [host(45)] });
      const c = await earlier.create("StaticRoutes", r.inputs as Props);
      holder = { id: c.id, outs: c.outs as Props };
    });
    const eager = await checked("StaticRoutes", {
      name: "eager",
      routes: [host(46), host(45)],
      adopt: true,
    });
    // checked by a preview: it warns that the up will refuse the newcomer
    const warned: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((text, ...rest) => {
      warned.push(String(text));
      return write(text as string, ...(rest as []));
    });
    try {
      await checked("StaticRoutes", { name: "keeper", routes: [host(45)], livePlan: true }, holder.outs);
    } finally {
      spy.mockRestore();
    }
    expect(warned.filter((w) => w.startsWith("warning:"))).toEqual([
      expect.stringMatching(
        /^warning: StaticRoutes static routes eager will be refused: routes\[1\]\.network: 192\.168\.253\.45\/32 belongs to StaticRoutes static routes keeper/,
      ),
    ]);
    sim.clearEvents();
    await expect(dynamic.create("StaticRoutes", eager)).rejects.toThrow(
      /StaticRoutes static routes eager: routes\[1\]\.network: 192\.168\.253\.45\/32 belongs to StaticRoutes static routes keeper \(routes\[0\]\.network; its state lists it\)/,
    );
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(routeLines(sim)).toEqual([line(45)]);
    await dynamic.delete("StaticRoutes", holder.id, holder.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a new table that adopted a route before the table holding it was checked: that check fails, naming both", async () => {
    const sim = router();
    const before = sim.runningConfig();
    let holder: { id: string; outs: Props } = { id: "", outs: {} };
    await inEarlierRun(sim, async (earlier) => {
      const r = await earlier.check("StaticRoutes", {}, { name: "owner", routes: [host(40)] });
      const c = await earlier.create("StaticRoutes", r.inputs as Props);
      holder = { id: c.id, outs: c.outs as Props };
    });
    // the engine may create a resource registered early before it checks one registered later
    const grab = await checked("StaticRoutes", { name: "grabber", routes: [host(40)], adopt: true });
    const grabbed = await dynamic.create("StaticRoutes", grab);
    expect(await refused("StaticRoutes", { name: "owner", routes: [host(40)] }, holder.outs)).toEqual([
      {
        property: "routes[0].network",
        reason: expect.stringContaining(
          "192.168.253.40/32 was also taken in this run by StaticRoutes static routes grabber (routes[0].network) of this stack",
        ),
      },
    ]);
    await dynamic.delete("StaticRoutes", grabbed.id, grabbed.outs as Props);
    await dynamic.delete("StaticRoutes", holder.id, holder.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});

describe("the default route, however it is written", () => {
  const router = withSeedRouter();
  const gatewayVia = (n: number) => [`192.168.11.${n}`];

  test("0.0.0.0/0 and a prefix length with leading zeros are taken in the router's spelling", () => {
    const networkOf = (network: string) => {
      const r = check("StaticRoute", { network, gateways: gatewayVia(1) });
      return "model" in r ? r.model.network : r.failures;
    };
    expect(networkOf("0.0.0.0/0")).toBe("default");
    expect(networkOf("0.0.0.0/00")).toBe("default");
    expect(networkOf("192.168.253.0/024")).toBe("192.168.253.0/24");
    // a router line spelling it out is the default route's
    const config = indexConfig(parseConfig("ip route 0.0.0.0/0 gateway 192.168.11.9\n"));
    expect(StaticRoute.read(config, "ip route default")).toMatchObject({
      network: "default",
      gateways: [{ gateway: "192.168.11.9" }],
    });
    expect(routeIdentities(config).identities).toEqual(["ip route default"]);
    // a table listing the route under both names lists it twice
    const table = check("StaticRoutes", {
      name: "twice",
      routes: [
        { network: "default", gateways: gatewayVia(1) },
        { network: "0.0.0.0/0", gateways: gatewayVia(2) },
      ],
    });
    expect("failures" in table && table.failures).toEqual([
      { property: "routes[1].network", reason: expect.stringMatching(/duplicate network default/) },
    ]);
  });

  test("a StaticRoute of 0.0.0.0/0 writes `ip route default`, reads back unchanged, and is the route a second spelling would declare again", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const urn = (name: string) => `urn:pulumi:dev::lab::pulumi-nodejs:dynamic/nvr:StaticRoute::${name}`;
    const inputs = await checked("StaticRoute", {
      network: "0.0.0.0/0",
      gateways: gatewayVia(1),
      __urn: urn("upstream"),
    });
    sim.clearEvents();
    const made = await dynamic.create("StaticRoute", inputs);
    await settle(sim);
    expect(made.id).toBe("ip route default");
    expect(configCommands(sim)).toEqual(["ip route default gateway 192.168.11.1"]);
    const read = await dynamic.read("StaticRoute", made.id, made.outs as Props);
    expect((await dynamic.diff("StaticRoute", made.id, read.props as Props, inputs)).changes).toBe(false);
    // the same route by its router name, in another resource, is refused before the router is read
    sim.clearEvents();
    const failures = await refused("StaticRoute", {
      network: "default",
      gateways: gatewayVia(2),
      adopt: true,
      __urn: urn("fallback"),
    });
    expect(failures).toEqual([
      {
        property: "network",
        reason: expect.stringContaining("StaticRoute ip route default is declared twice"),
      },
    ]);
    expect(sim.events()).toEqual([]);
    await dynamic.delete("StaticRoute", made.id, made.outs as Props);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["no ip route default"]);
    expect(sim.runningConfig()).toBe(before);
  });
});
