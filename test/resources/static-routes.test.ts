import { ReadError, RefusedError, StaticRoute, StaticRoutes } from "../../provider/resources";
import { StateError } from "../../provider/errors";
import { apply, index, lineSet, store } from "./router";

const others = "ip route default gateway pp 1\nip lan1 address 192.168.11.250/24";
const host = (n: number) => ({ network: `192.168.253.${n}/32`, gateways: [`192.168.11.${n}`] });
const table = (...hosts: number[]) => StaticRoutes.schema.parse({ name: "hosts", routes: hosts.map(host) });
const commands = (plan: { command: string }[]) => plan.map((c) => c.command);

describe("StaticRoutes", () => {
  test("commands: one route line per entry, in the router's order, each as StaticRoute writes it", () => {
    const t = table(240, 10, 2);
    expect(commands(StaticRoutes.commands(t, { mask: false }))).toEqual([
      "ip route 192.168.253.2/32 gateway 192.168.11.2",
      "ip route 192.168.253.10/32 gateway 192.168.11.10",
      "ip route 192.168.253.240/32 gateway 192.168.11.240",
    ]);
    const single = StaticRoute.schema.parse(host(2));
    expect(StaticRoutes.commands(t, { mask: false })[0]).toEqual(
      StaticRoute.commands(single, { mask: false })[0],
    );
    expect(StaticRoutes.identity(t)).toBe("static routes hosts");
  });

  test("create writes every entry; adding one sends one line, removing one sends one `no ip route`", () => {
    const empty = store(others);
    const created = StaticRoutes.plan(index(empty), table(2, 10));
    expect(commands(created)).toHaveLength(2);
    const router = apply(empty, created);
    const stored = table(2, 10);
    expect(
      commands(StaticRoutes.plan(index(router), table(2, 10, 11), undefined, undefined, stored)),
    ).toEqual(["ip route 192.168.253.11/32 gateway 192.168.11.11"]);
    expect(commands(StaticRoutes.plan(index(router), table(10), undefined, undefined, stored))).toEqual([
      "no ip route 192.168.253.2/32",
    ]);
    const moved = StaticRoutes.schema.parse({
      name: "hosts",
      routes: [host(2), { network: "192.168.253.10/32", gateways: ["192.168.11.99"] }],
    });
    expect(commands(StaticRoutes.plan(index(router), moved, undefined, undefined, stored))).toEqual([
      "ip route 192.168.253.10/32 gateway 192.168.11.99",
    ]);
    // nothing to do when the router shows the table, whichever way it spells a host route
    const bare = store(
      `${others}\nip route 192.168.253.2 gateway 192.168.11.2\nip route 192.168.253.10/32 gateway 192.168.11.10`,
    );
    expect(StaticRoutes.plan(index(bare), stored, undefined, undefined, stored)).toEqual([]);
  });

  test("read goes by the entries in state: a route removed by hand is drift, an unrelated route is not the table's", () => {
    const stored = table(2, 10);
    const router = apply(store(others), StaticRoutes.plan(index(store(others)), stored));
    expect(StaticRoutes.read(index(router), "static routes hosts", stored)).toEqual(stored);
    const edited = apply(router, [{ context: { kind: "global" }, command: "no ip route 192.168.253.10/32" }]);
    expect(StaticRoutes.read(index(edited), "static routes hosts", stored)).toEqual(table(2));
    expect(StaticRoutes.read(index(store(others)), "static routes hosts", stored)).toBeUndefined();
    // the one reader of route lines: a line it cannot read is named
    const odd = store(`${others}\nip route 192.168.253.2/32 gateway 192.168.11.2 dpi 1`);
    expect(() => StaticRoutes.read(index(odd), "static routes hosts", stored)).toThrow(ReadError);
  });

  test("a route another resource owns: create lists it as a conflict, an update refuses to add it", () => {
    const router = store(`${others}\nip route 192.168.253.11/32 gateway 192.168.11.11`);
    expect(StaticRoutes.conflicts(index(router), table(2, 11)).map((l) => l.text)).toEqual([
      "ip route 192.168.253.11/32 gateway 192.168.11.11",
    ]);
    const err = (() => {
      try {
        StaticRoutes.plan(index(router), table(2, 11), undefined, undefined, table(2));
      } catch (e) {
        return e;
      }
    })() as RefusedError;
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.message).toMatch(
      /routes\[1\]\.network: the router already has "ip route 192\.168\.253\.11\/32/,
    );
  });

  test("a gateway that is the router's own address is refused by the plan, naming the entry", () => {
    const bad = StaticRoutes.schema.parse({
      name: "hosts",
      routes: [host(2), { network: "192.168.253.250/32", gateways: ["192.168.11.250"] }],
    });
    expect(() => StaticRoutes.plan(index(store(others)), bad)).toThrow(
      /routes\[1\]\.gateways\[0\]: 192\.168\.11\.250 is the router's own address/,
    );
  });

  test("delete removes the entries and puts back what an adopting create took over", () => {
    const router = store(`${others}\nip route 192.168.253.2/32 gateway 192.168.11.200`);
    const t = table(2, 10);
    const prior = StaticRoutes.prior(index(router), t);
    expect(prior).toEqual(["ip route 192.168.253.2/32 gateway 192.168.11.200"]);
    const after = apply(router, StaticRoutes.plan(index(router), t, prior));
    const deleted = apply(after, StaticRoutes.plan(index(after), undefined, prior, "static routes hosts", t));
    expect(lineSet(deleted)).toEqual(lineSet(router));
  });

  describe("state form: the entries as their lines", () => {
    const form = StaticRoutes.stateForm!;
    const line = (n: number) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`;

    test("toState lists each entry's line once, in the router's order; fromState gives back what schema takes", () => {
      const t = StaticRoutes.schema.parse({
        name: "hosts",
        routes: [
          host(10),
          { network: "10.1.0.0/16", gateways: [{ gateway: "pp 1", metric: 2 }, "tunnel 3"] },
        ],
      });
      const state = form.toState(t);
      expect(state).toEqual({
        name: "hosts",
        routes: `ip route 10.1.0.0/16 gateway pp 1 metric 2 gateway tunnel 3\n${line(10)}\n`,
      });
      expect(form.inState(state)).toBe(true);
      expect(form.inState({ name: "hosts", routes: [host(10)] })).toBe(false);
      expect(StaticRoutes.schema.parse(form.fromState(state))).toEqual(t);
      expect(state.routes).toBe(
        StaticRoutes.commands(t, { mask: false })
          .map((c) => `${c.command}\n`)
          .join(""),
      );
    });

    test("readState keeps a line the router prints as state has it, reads any other spelling, drops a missing one", () => {
      const stored = { name: "hosts", routes: [line(2), line(10), line(11)].join("\n") };
      const router = store(
        `${others}\nip route 192.168.253.2/32 gateway 192.168.11.2\nip route 192.168.253.10 gateway 192.168.11.10 gateway 192.168.11.9 hide`,
      );
      expect(form.readState(index(router), "static routes hosts", stored)).toEqual({
        name: "hosts",
        routes: `${line(2)}\n${line(10)} gateway 192.168.11.9 hide\n`,
      });
      expect(form.readState(index(store(others)), "static routes hosts", stored)).toBeUndefined();
      // the model-level read is the same read, through the schema
      expect(
        StaticRoutes.read(index(router), "static routes hosts", stored)?.routes.map((r) => r.network),
      ).toEqual(["192.168.253.2/32", "192.168.253.10/32"]);
    });

    test("a plan takes the entries of state in either form, and sends only the difference", () => {
      const router = apply(store(others), StaticRoutes.plan(index(store(others)), table(2, 10)));
      const asLines = form.toState(table(2, 10));
      const asObjects = { name: "hosts", routes: table(2, 10).routes };
      for (const stored of [asLines, asObjects]) {
        expect(
          commands(StaticRoutes.plan(index(router), table(2, 10, 11), undefined, undefined, stored)),
        ).toEqual([line(11)]);
        expect(
          commands(StaticRoutes.plan(index(router), undefined, undefined, "static routes hosts", stored)),
        ).toEqual(["no ip route 192.168.253.10/32", "no ip route 192.168.253.2/32"]);
      }
    });

    test.each([
      ["a line of another family", "pp select 1", /routes \(line 2\): "pp select 1" is not an ip route line/],
      [
        "a control character",
        "ip\u001b[2J route",
        /routes \(line 2\): "ip\\u001b\[2J route" is not an ip route line/,
      ],
      ["a bare ip route", "ip route", /routes \(line 2\): "ip route" is not an ip route line/],
    ])("state holding %s is refused naming the line, by read, plan and fromState", (_what, bad, message) => {
      const stored = { name: "hosts", routes: `${line(2)}\n${bad}` };
      const router = index(store(`${others}\n${line(2)}`));
      expect(() => form.readState(router, "static routes hosts", stored)).toThrow(StateError);
      expect(() => form.readState(router, "static routes hosts", stored)).toThrow(message);
      expect(() => StaticRoutes.plan(router, undefined, undefined, "static routes hosts", stored)).toThrow(
        message,
      );
      expect(() => form.fromState(stored)).toThrow(message);
    });

    test.each([
      [
        "a gateway that is no address",
        `${line(2)}\nip route 192.168.253.3/32 gateway 999.1.1.1`,
        "routes.1.gateways.0.gateway",
      ],
      ["a network with host bits", "ip route 192.168.253.3/24 gateway 192.168.11.3", "routes.0.network"],
      ["an injected token", "ip route 192.168.253.3/32;save gateway 192.168.11.3", "routes.0.network"],
    ])(
      "the model create and update send from state refuses %s, naming the entry",
      (_what, routes, property) => {
        const parsed = StaticRoutes.schema.safeParse(form.fromState({ name: "hosts", routes }));
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(property);
      },
    );

    test("a line StaticRoute's reader cannot split is a StateError naming it", () => {
      expect(() =>
        form.fromState({ name: "hosts", routes: `${line(2)}\nip route 192.168.253.3/32 dpi 1` }),
      ).toThrow(/state property routes \(line 2\): cannot read "ip route 192\.168\.253\.3\/32 dpi 1"/);
    });

    test.each([
      ["a number", 7, /state property routes: is neither route lines nor a list/],
      [
        "an entry without a network",
        [{ gateways: ["192.168.11.2"] }],
        /state property routes\[0\]\.network: is not a string/,
      ],
    ])("state whose routes are %s is refused naming the property", (_what, routes, message) => {
      expect(() =>
        StaticRoutes.plan(index(store(others)), undefined, undefined, "static routes hosts", {
          name: "h",
          routes,
        }),
      ).toThrow(message);
    });

    test("a network in state that is no route's only finds nothing: a delete sends nothing for it", () => {
      const router = index(store(`${others}\n${line(2)}`));
      const stored = { name: "hosts", routes: "ip route 192.168.253.2/32;save gateway 192.168.11.2" };
      expect(StaticRoutes.plan(router, undefined, undefined, "static routes hosts", stored)).toEqual([]);
      expect(form.readState(router, "static routes hosts", stored)).toBeUndefined();
    });
  });
});
