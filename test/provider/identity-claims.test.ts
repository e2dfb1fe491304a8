/**
 * One router object, one resource: a second resource of one kind and identity on one router (two StaticRoutes
 * tables of one name, as two OverlapSafeVpn components would make; two NatDescriptors of one number; two DhcpScopes
 * of one scope) is refused to the second claimant before anything is typed, naming both resources by their URNs
 * (`__urn`, which the SDK passes) and the router. The same resource checked again, and the replacement of a
 * resource, are one claimant. Through the dynamic provider against nvr-sim over SSH; resources of an earlier
 * `pulumi up` are made in their own provider process (`inEarlierRun`).
 */
import * as dynamic from "../../provider/dynamic";
import { hasControlCharacter } from "../../provider/resources/lines";
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

const urn = (name: string, kind = "StaticRoutes", parent = "nvr:index:OverlapSafeVpn$") =>
  `urn:pulumi:dev::lab::${parent}pulumi-nodejs:dynamic/nvr:${kind}::${name}`;
const host = (n: number) => ({ network: `192.168.253.${n}/32`, gateways: [`192.168.11.${n}`] });
/** An OverlapSafeVpn's table (`owner` the component), or another of one name: claims outlive a test, as in a run. */
const hostRoutes = (owner: string, hosts: number[], more: Props = {}, name = "host-routes") => ({
  name,
  routes: hosts.map(host),
  __urn: urn(`${owner}-host-routes`),
  ...more,
});

const escape = (text: string) => text.replace(/[$.]/g, "\\$&");

/** A refusal's reason: the object, the router, both resources by URN. */
const twice = (object: string, second: string, first: string) =>
  new RegExp(
    `^${object} is declared twice on 127\\.0\\.0\\.1:\\d+: by ${escape(second)}.* and by ${escape(first)}.*one router object is one resource`,
  );

describe("one router object, one resource among the resources of a run", () => {
  const router = withSeedRouter();

  test("two OverlapSafeVpn host-route tables on one router: the second is refused at check, adopt or not, naming both and the router, before the router is read", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const office = await checked("StaticRoutes", hostRoutes("office", [10, 11]));
    for (const adopt of [false, true]) {
      sim.clearEvents();
      const failures = await refused(
        "StaticRoutes",
        hostRoutes("branch", [12, 13], { adopt, livePlan: true }),
      );
      expect(failures).toEqual([
        {
          property: "name",
          reason: expect.stringMatching(
            twice(
              "StaticRoutes static routes host-routes",
              urn("branch-host-routes"),
              urn("office-host-routes"),
            ),
          ),
        },
      ]);
      expect(failures[0].reason).toMatch(/declare it once, or give one of them another name$/);
      expect(sim.events()).toEqual([]);
    }
    // The first table keeps its claims: a StaticRoute of one of its routes is still refused.
    expect(await refused("StaticRoute", { ...host(11), __urn: urn("h11", "StaticRoute", "") })).toEqual([
      {
        property: "network",
        reason: expect.stringContaining(
          "192.168.253.11/32 is also listed by StaticRoutes static routes host-routes (routes[1].network)",
        ),
      },
    ]);
    // The same table checked again (a preview before the up in one process) is one claimant.
    const again = await checked("StaticRoutes", { ...hostRoutes("office", [10, 11]), livePlan: true });
    expect(again.__urn).toBe(urn("office-host-routes"));
    sim.clearEvents();
    const created = await dynamic.create("StaticRoutes", office);
    await settle(sim);
    expect(configCommands(sim)).toEqual([line(10), line(11)]);
    await dynamic.delete("StaticRoutes", created.id, created.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test.each([
    [
      "NatDescriptor",
      "descriptor",
      "nat descriptor 40",
      {
        descriptor: 40,
        type: "nat",
        outer: ["192.168.253.254"],
        inner: ["192.168.11.254"],
      },
    ],
    [
      "DhcpScope",
      "scope",
      "dhcp scope 7",
      { scope: 7, range: "192.168.7.100-192.168.7.120", prefixLength: 24 },
    ],
    ["StaticRoute", "network", "ip route 192.168.253.50/32", host(50)],
    ["GlobalSwitch", "setting", "l2tp service", { setting: "l2tp service", value: "on" }],
  ])(
    "two %ss of one identity: the second is refused at check, adopt or not, naming both",
    async (kind, property, identity, props) => {
      const sim = router();
      const before = sim.runningConfig();
      const first = await checked(kind, { ...props, __urn: urn("first", kind, "") });
      for (const adopt of [false, true]) {
        sim.clearEvents();
        const failures = await refused(kind, {
          ...props,
          adopt,
          livePlan: true,
          __urn: urn("second", kind, ""),
        });
        expect(failures).toEqual([
          {
            property,
            reason: expect.stringMatching(
              twice(`${kind} ${identity}`, urn("second", kind, ""), urn("first", kind, "")),
            ),
          },
        ]);
        expect(sim.events()).toEqual([]);
      }
      sim.clearEvents();
      const created = await dynamic.create(kind, { ...first, adopt: true });
      await dynamic.delete(kind, created.id, created.outs as Props);
      await settle(sim);
      expect(sim.runningConfig()).toBe(before);
    },
  );

  test("a resource name with control characters is spelled escaped in the refusal", async () => {
    const scope = { scope: 8, range: "192.168.8.100-192.168.8.120", prefixLength: 24 };
    await checked("DhcpScope", { ...scope, __urn: urn("lan\u001b[31m", "DhcpScope", "") });
    const [failure] = await refused("DhcpScope", {
      ...scope,
      __urn: urn("guest\r\nerror: forged", "DhcpScope", ""),
    });
    expect(failure.reason).toContain("::guest\\u000d\\u000aerror: forged and by ");
    expect(failure.reason).toContain("::lan\\u001b[31m, checked before it");
    expect(hasControlCharacter(failure.reason)).toBe(false);
  });

  test("a newcomer checked before the incumbent of its identity: its create is refused before anything is typed, the incumbent's update goes through", async () => {
    const sim = router();
    const before = sim.runningConfig();
    let office: { id: string; outs: Props } = { id: "", outs: {} };
    await inEarlierRun(sim, async (earlier) => {
      const r = await earlier.check("StaticRoutes", {}, hostRoutes("hq", [20], {}, "published"));
      const c = await earlier.create("StaticRoutes", r.inputs as Props);
      office = { id: c.id, outs: c.outs as Props };
    });
    // A second component added before the first in the program: its table is checked first.
    const branch = await checked("StaticRoutes", hostRoutes("annex", [21, 20], { adopt: true }, "published"));
    const warned: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((text, ...rest) => {
      warned.push(String(text));
      return write(text as string, ...(rest as []));
    });
    let grown: Props;
    try {
      grown = await checked(
        "StaticRoutes",
        hostRoutes("hq", [20, 22], { livePlan: true }, "published"),
        office.outs,
      );
    } finally {
      spy.mockRestore();
    }
    expect(warned.filter((w) => w.startsWith("warning:"))).toEqual([
      expect.stringMatching(
        /^warning: urn:\S+::annex-host-routes will be refused: name: StaticRoutes static routes published is declared twice on 127\.0\.0\.1:\d+: by urn:\S+::annex-host-routes, new, and by urn:\S+::hq-host-routes, whose state holds it/,
      ),
    ]);
    sim.clearEvents();
    await expect(dynamic.create("StaticRoutes", branch)).rejects.toThrow(
      /StaticRoutes static routes published: name: StaticRoutes static routes published is declared twice .*annex-host-routes, new, and by .*hq-host-routes, whose state holds it/,
    );
    expect(configCommands(sim)).toEqual([]);
    const updated = await dynamic.update("StaticRoutes", office.id, office.outs, grown);
    await settle(sim);
    expect(configCommands(sim)).toEqual([line(22)]);
    expect(routeLines(sim)).toEqual([line(20), line(22)]);
    await dynamic.delete("StaticRoutes", office.id, updated.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a newcomer that already sent its lines: the incumbent checked after it is refused, naming both", async () => {
    const sim = router();
    const before = sim.runningConfig();
    let office: { id: string; outs: Props } = { id: "", outs: {} };
    await inEarlierRun(sim, async (earlier) => {
      const r = await earlier.check("StaticRoutes", {}, hostRoutes("main", [30], {}, "aliases"));
      const c = await earlier.create("StaticRoutes", r.inputs as Props);
      office = { id: c.id, outs: c.outs as Props };
    });
    const branch = await dynamic.create(
      "StaticRoutes",
      await checked("StaticRoutes", hostRoutes("lab", [31], {}, "aliases")),
    );
    expect(await refused("StaticRoutes", hostRoutes("main", [30], {}, "aliases"), office.outs)).toEqual([
      {
        property: "name",
        reason: expect.stringMatching(
          /is declared twice on 127\.0\.0\.1:\d+: by urn:\S+::main-host-routes, whose state holds it, and by urn:\S+::lab-host-routes, which this run already sent/,
        ),
      },
    ]);
    await dynamic.delete("StaticRoutes", branch.id, branch.outs as Props);
    await dynamic.delete("StaticRoutes", office.id, office.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("a replacement is one claimant: checked after the preview's check, then created before the old one is deleted (another descriptor number) or after it (the same identity: deleteBeforeReplace)", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const nat = (descriptor: number) => ({
      descriptor,
      type: "nat",
      outer: ["192.168.253.254"],
      inner: ["192.168.11.254"],
      __urn: urn("lan-nat", "NatDescriptor", ""),
    });
    let made: { id: string; outs: Props } = { id: "", outs: {} };
    await inEarlierRun(sim, async (earlier) => {
      const r = await earlier.check("NatDescriptor", {}, nat(41));
      const c = await earlier.create("NatDescriptor", r.inputs as Props);
      made = { id: c.id, outs: c.outs as Props };
    });
    // Create-before-delete: the replacement (descriptor 42) is created, then the old one (41) deleted.
    await checked("NatDescriptor", { ...nat(42), livePlan: true }, made.outs);
    const news = await checked("NatDescriptor", nat(42), made.outs);
    const d = await dynamic.diff("NatDescriptor", made.id, made.outs, news);
    expect([d.replaces, d.deleteBeforeReplace]).toEqual([["descriptor"], false]);
    const replacement = await dynamic.create("NatDescriptor", news);
    await dynamic.delete("NatDescriptor", made.id, made.outs);
    await settle(sim);
    expect(sim.runningConfig()).toContain("nat descriptor type 42 nat");
    expect(sim.runningConfig()).not.toContain("nat descriptor type 41 nat");
    // Delete-before-create, same identity: the old 42 is deleted, its replacement checked (again) and created.
    const again = await checked("NatDescriptor", nat(42), replacement.outs as Props);
    await dynamic.delete("NatDescriptor", replacement.id, replacement.outs as Props);
    const remade = await dynamic.create("NatDescriptor", again);
    await settle(sim);
    expect(sim.runningConfig()).toContain("nat descriptor type 42 nat");
    await dynamic.delete("NatDescriptor", remade.id, remade.outs as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
