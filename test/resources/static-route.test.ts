import { RefusedError, StaticRoute } from "../../provider/resources";
import { apply, index, render, store } from "./router";
import { SEED_FINAL } from "./seed";
import { expectRefused } from "./refused";

const seedRoute = SEED_FINAL.split("\n").filter((l) => l.startsWith("ip route"));
const route = StaticRoute.schema.parse({ network: "192.168.253.240/32", gateways: ["192.168.11.240"] });
const others = "ip route default gateway pp 1\nip route 192.168.4.0/24 gateway 192.168.11.251";

describe("StaticRoute", () => {
  test("commands for the seed's route are the seed's line", () => {
    expect(StaticRoute.commands(route, { mask: false }).map((c) => c.command)).toEqual(seedRoute);
    expect(StaticRoute.identity(route)).toBe("ip route 192.168.253.240/32");
  });

  test("a bare address is the /32 host route, read from either spelling", () => {
    expect(StaticRoute.schema.parse({ network: "192.168.253.240", gateways: ["192.168.11.240"] })).toEqual(
      route,
    );
    expect(
      StaticRoute.read(
        index(store(`${others}\nip route 192.168.253.240 gateway 192.168.11.240`)),
        "ip route 192.168.253.240/32",
      ),
    ).toEqual(route);
    expect(
      StaticRoute.read(index(store([others, ...seedRoute].join("\n"))), "ip route 192.168.253.240/32"),
    ).toEqual(route);
  });

  test("several gateways with metric, hide and weight round-trip through the router's syntax", () => {
    const multi = StaticRoute.schema.parse({
      network: "default",
      gateways: [
        { gateway: "pp 1", metric: 2 },
        { gateway: "tunnel 3", hide: true, weight: 10 },
        "pp anonymous",
      ],
    });
    const [command] = StaticRoute.commands(multi, { mask: false });
    expect(command.command).toBe(
      "ip route default gateway pp 1 metric 2 gateway tunnel 3 hide weight 10 gateway pp anonymous",
    );
    expect(StaticRoute.read(index(store(command.command)), "ip route default")).toEqual(multi);
  });

  test("plan from empty is the commands; a gateway change rewrites the one line in place", () => {
    const before = store(others);
    expect(StaticRoute.plan(index(before), route)).toEqual(StaticRoute.commands(route, { mask: false }));
    const created = apply(before, StaticRoute.commands(route, { mask: false }));
    expect(StaticRoute.plan(index(created), route)).toEqual([]);
    const moved = { ...route, gateways: [{ gateway: "192.168.11.5", hide: false }] };
    expect(StaticRoute.plan(index(created), moved).map((c) => c.command)).toEqual([
      "ip route 192.168.253.240/32 gateway 192.168.11.5",
    ]);
  });

  test("delete removes the route under the spelling the router has", () => {
    const before = store(others);
    const created = apply(before, [
      { context: { kind: "global" }, command: "ip route 192.168.253.240 gateway 192.168.11.240" },
    ]);
    const plan = StaticRoute.plan(index(created), undefined, undefined, "ip route 192.168.253.240/32");
    expect(plan.map((c) => c.command)).toEqual(["no ip route 192.168.253.240"]);
    expect(render(apply(created, plan))).toBe(render(before));
  });

  test("a gateway that is the router's own address is refused at plan, naming it, before any line", () => {
    const config = index(
      store(`${others}\nip lan1 address 192.168.11.250/24\nip lan2 secondary address 192.168.1.52/24`),
    );
    const refusals = (gateways: string[]) => {
      try {
        StaticRoute.plan(config, StaticRoute.schema.parse({ network: "default", gateways }));
        return [];
      } catch (e) {
        if (e instanceof RefusedError) return e.failures;
        throw e;
      }
    };
    expect(refusals(["pp 1", "192.168.11.250"])).toEqual([
      {
        property: "gateways[1]",
        reason: expect.stringContaining("router's own address (ip lan1 address 192.168.11.250/24)"),
      },
    ]);
    expect(refusals(["192.168.1.52"])).toEqual([
      {
        property: "gateways[0]",
        reason: expect.stringContaining("router's own address (ip lan2 secondary address 192.168.1.52/24)"),
      },
    ]);
    // a host on the same network is the gateway the seed uses
    expect(refusals(["192.168.11.240"])).toEqual([]);
  });
});

describe("StaticRoute filter-type and keepalive gateways (CR §8.1.7)", () => {
  const text =
    "ip route 10.0.0.0/8 gateway 192.168.1.1 filter 100 101 keepalive 1 gateway 192.168.1.2 metric 2 weight 3";

  test("read in the router's words, written back the same, and a line in another option order is no change", () => {
    const config = index(store(text));
    const model = StaticRoute.read(config, "ip route 10.0.0.0/8");
    expect(model?.gateways).toEqual([
      { gateway: "192.168.1.1", filters: [100, 101], keepalive: 1, hide: false },
      { gateway: "192.168.1.2", metric: 2, weight: 3, hide: false },
    ]);
    expect(StaticRoute.commands(model!, { mask: false }).map((c) => c.command)).toEqual([text]);
    const reordered = index(
      store(
        "ip route 10.0.0.0/8 gateway 192.168.1.1 keepalive 1 filter 100 101 gateway 192.168.1.2 weight 3 metric 2",
      ),
    );
    expect(StaticRoute.plan(reordered, model!)).toEqual([]);
  });

  test.each([
    [{ gateway: "192.168.1.1", filters: [] }, "gateways.0.filters", /at least one/],
    [{ gateway: "192.168.1.1", filters: [21474837] }, "gateways.0.filters.0", /1\.\.21474836/],
    [{ gateway: "192.168.1.1", keepalive: 101 }, "gateways.0.keepalive", /1\.\.100/],
  ])("refuses %j naming %s", (g, property, reason) => {
    expectRefused(StaticRoute.schema, { network: "10.0.0.0/8", gateways: [g] }, property, reason);
  });
});
