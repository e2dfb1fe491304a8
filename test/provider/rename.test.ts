/**
 * A resource renamed without an alias: the engine creates the new one (it adopts the lines, which the old one made)
 * before it deletes the old one, which the program no longer declares. That delete leaves what the new one declares
 * (the object, or a table's routes) instead of removing it from under it; a replacement keeps working both ways
 * (created first, or deleted first for one identity). Through the dynamic provider against nvr-sim over SSH, the old
 * resources made by an earlier `pulumi up` in its own provider process (`inEarlierRun`).
 */
import * as dynamic from "../../provider/dynamic";
import { GLOBAL } from "../../provider/config/model";
import {
  aliasRouteLine as line,
  aliasRouteLines as routeLines,
  checked,
  configCommands,
  inEarlierRun,
  routerOf,
  settle,
  withSeedRouter,
} from "./harness";

type Props = Record<string, unknown>;
type Made = { id: string; outs: Props };

const urn = (name: string, kind: string) => `urn:pulumi:dev::lab::pulumi-nodejs:dynamic/nvr:${kind}::${name}`;
const host = (n: number) => ({ network: `192.168.253.${n}/32`, gateways: [`192.168.11.${n}`] });
const nat = (name: string) => ({
  descriptor: 43,
  type: "nat",
  outer: ["192.168.253.254"],
  inner: ["192.168.11.254"],
  __urn: urn(name, "NatDescriptor"),
});
const NAT_LINES = [
  "nat descriptor type 43 nat",
  "nat descriptor address outer 43 192.168.253.254",
  "nat descriptor address inner 43 192.168.11.254",
];
const table = (resource: string, name: string, hosts: number[]) => ({
  name,
  routes: hosts.map(host),
  __urn: urn(resource, "StaticRoutes"),
});

/** A resource made by an earlier `pulumi up`. */
async function madeEarlier(
  sim: Parameters<typeof inEarlierRun>[0],
  kind: string,
  props: Props,
): Promise<Made> {
  let made: Made = { id: "", outs: {} };
  await inEarlierRun(sim, async (earlier) => {
    const r = await earlier.check(kind, {}, props);
    const c = await earlier.create(kind, r.inputs as Props);
    made = { id: c.id, outs: c.outs as Props };
  });
  return made;
}

/**
 * Removes by hand the lines a test leaves (what the last resource's delete put back: the lines it adopted), then
 * checks the router is as the test found it.
 */
async function removeByHand(
  sim: Parameters<typeof inEarlierRun>[0],
  lines: string[],
  before: string,
): Promise<void> {
  await routerOf(sim).apply(lines.map((l) => ({ context: GLOBAL, command: `no ${l}` })));
  await settle(sim);
  expect(sim.runningConfig()).toBe(before);
}

const hostRoutes = (...hosts: number[]) => hosts.map((n) => `ip route 192.168.253.${n}/32`);

const natLines = (config: string) => config.split("\n").filter((l) => l.startsWith("nat descriptor"));

describe("a resource renamed without an alias", () => {
  const router = withSeedRouter();

  test("a NatDescriptor: the new one adopts the descriptor, the old one's delete types nothing and leaves it", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const old = await madeEarlier(sim, "NatDescriptor", nat("lan-nat"));
    const renamed = await dynamic.create(
      "NatDescriptor",
      await checked("NatDescriptor", { ...nat("office-nat"), adopt: true }),
    );
    await settle(sim);
    sim.clearEvents();
    await dynamic.delete("NatDescriptor", old.id, old.outs);
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(natLines(sim.runningConfig())).toEqual(NAT_LINES);
    expect(sim.savedConfig()).toBe(sim.runningConfig());
    // The new resource's state is what the router holds: a refresh finds it unchanged.
    const read = await dynamic.read("NatDescriptor", renamed.id, renamed.outs as Props);
    expect(read.id).toBe("nat descriptor 43");
    // Its delete puts back what it adopted (the old resource's lines), as any adoption does; removed by hand here.
    await dynamic.delete("NatDescriptor", renamed.id, renamed.outs as Props);
    await settle(sim);
    expect(natLines(sim.runningConfig())).toEqual(NAT_LINES);
    await removeByHand(sim, NAT_LINES, before);
  });

  test("a table: the old one's delete removes only the routes the new one does not list", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const old = await madeEarlier(sim, "StaticRoutes", table("office-hosts", "office-hosts", [69, 70]));
    const renamed = await dynamic.create(
      "StaticRoutes",
      await checked("StaticRoutes", { ...table("hosts", "hosts", [70, 71]), adopt: true }),
    );
    await settle(sim);
    sim.clearEvents();
    await dynamic.delete("StaticRoutes", old.id, old.outs);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["no ip route 192.168.253.69/32"]);
    expect(routeLines(sim)).toEqual([line(70), line(71)]);
    await dynamic.delete("StaticRoutes", renamed.id, renamed.outs as Props);
    await removeByHand(sim, hostRoutes(70), before);
  });

  test("a table whose new create failed on the router (an error on its line): the old one's delete leaves its routes", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const old = await madeEarlier(sim, "StaticRoutes", table("office-hosts", "lab-hosts", [74, 75]));
    sim.setFaults([{ type: "error-on", match: "^ip route 192\\.168\\.253\\.76/" }]);
    try {
      const inputs = await checked("StaticRoutes", {
        ...table("hosts", "lab-hosts-2", [74, 75, 76]),
        adopt: true,
      });
      await expect(dynamic.create("StaticRoutes", inputs)).rejects.toThrow(/192\.168\.253\.76/);
    } finally {
      sim.setFaults([]);
    }
    await settle(sim);
    // --continue-on-error: the engine still deletes the resource the program dropped
    sim.clearEvents();
    await dynamic.delete("StaticRoutes", old.id, old.outs);
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(routeLines(sim)).toEqual([line(74), line(75)]);
    expect(sim.savedConfig()).toBe(sim.runningConfig());
    await removeByHand(sim, hostRoutes(74, 75), before);
  });
});

describe("a replacement, with the claims a rename is told by", () => {
  const router = withSeedRouter();

  test("a table's name changed (created first, adopting the routes): the old one's delete leaves them to it", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const old = await madeEarlier(sim, "StaticRoutes", table("hosts", "old", [80, 81]));
    const news = await checked("StaticRoutes", { ...table("hosts", "new", [80, 81]), adopt: true }, old.outs);
    const d = await dynamic.diff("StaticRoutes", old.id, old.outs, news);
    expect([d.replaces, d.deleteBeforeReplace]).toEqual([["name"], false]);
    const replacement = await dynamic.create("StaticRoutes", news);
    await settle(sim);
    sim.clearEvents();
    await dynamic.delete("StaticRoutes", old.id, old.outs);
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(routeLines(sim)).toEqual([line(80), line(81)]);
    await dynamic.delete("StaticRoutes", replacement.id, replacement.outs as Props);
    await removeByHand(sim, hostRoutes(80, 81), before);
  });

  test("one identity replaced, deleted first, from state without its URN (an earlier version's): the old one's delete still runs", async () => {
    const sim = router();
    const tunnel2 = { kind: "tunnel" as const, tunnel: 2 };
    await routerOf(sim).apply([{ context: tunnel2, command: "ipsec ike keepalive log 2 off" }]);
    await settle(sim);
    const before = sim.runningConfig();
    const lines = (value: string) => ({
      context: "tunnel 2",
      lines: [`ipsec ike keepalive log 2 ${value}`],
      adopt: true,
      __urn: urn("keepalive-log", "ConfigLines"),
    });
    const made = await madeEarlier(sim, "ConfigLines", lines("on"));
    const { __urn, ...olds } = made.outs;
    expect(__urn).toBe(urn("keepalive-log", "ConfigLines"));
    const news = await checked("ConfigLines", lines("off"), olds);
    const d = await dynamic.diff("ConfigLines", made.id, olds, news);
    expect([d.replaces, d.deleteBeforeReplace]).toEqual([["lines"], true]);
    sim.clearEvents();
    // The delete puts back what the old one adopted, before its replacement (which claimed the object) is created.
    await dynamic.delete("ConfigLines", made.id, olds);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["tunnel select 2", "ipsec ike keepalive log 2 off"]);
    const remade = await dynamic.create("ConfigLines", news);
    await dynamic.delete("ConfigLines", remade.id, remade.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
