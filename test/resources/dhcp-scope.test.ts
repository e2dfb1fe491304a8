import fc from "fast-check";
import { DhcpScope, decodeClasslessRoutes, encodeClasslessRoutes } from "../../provider/resources";
import { apply, index, render, store } from "./router";
import { SEED_FINAL } from "./seed";
import { expectRefused } from "./refused";

const seedLines = SEED_FINAL.split("\n").filter((l) => l.startsWith("dhcp scope"));

// The seed's final scope is 192.168.11.2-63 but its reservation and option-121 gateways are on 192.168.5.0/24
// (the author's test network); the check rejects that, so the coherent scope here sits on 192.168.5.0/24.
const coherent = (lines: string[]) =>
  lines.map((l) => l.replace("192.168.11.2-192.168.11.63", "192.168.5.2-192.168.5.63"));

const model = DhcpScope.schema.parse({
  id: 1,
  range: "192.168.5.2-192.168.5.63",
  prefixLength: 24,
  binds: [{ ip: "192.168.5.5", mac: "00:30:f5:CC:DD:EE" }],
  options: {
    classlessStaticRoutes: [
      { destination: "192.168.4.0/24", gateway: "192.168.5.5" },
      { destination: "default", gateway: "192.168.5.1" },
    ],
  },
});

const others =
  "dhcp service server\ndhcp scope 2 10.0.0.2-10.0.0.100/24\ndhcp scope bind 2 10.0.0.5 ethernet 00:11:22:33:44:55";

describe("DhcpScope", () => {
  test("commands for the seed's values are the seed's lines (MAC in the one lower-case spelling)", () => {
    const expected = coherent(seedLines).map((l) => (l.startsWith("dhcp scope bind") ? l.toLowerCase() : l));
    expect(DhcpScope.commands(model, { mask: false }).map((c) => c.command)).toEqual(expected);
    expect(DhcpScope.identity(model)).toBe("dhcp scope 1");
  });

  test("the seed's literal scope is rejected: its reservation and route gateways lie outside 192.168.11.0/24", () => {
    const result = DhcpScope.schema.safeParse({
      id: 1,
      range: "192.168.11.2-192.168.11.63",
      prefixLength: 24,
      binds: [{ ip: "192.168.5.5", mac: "00:30:f5:CC:DD:EE" }],
      options: { classlessStaticRoutes: [{ destination: "192.168.4.0/24", gateway: "192.168.5.5" }] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "options.classlessStaticRoutes.0.gateway",
      "binds.0.ip",
    ]);
  });

  test("read of the seed's lines (upper-case MAC, mnemonic option) is the model", () => {
    const config = index(store([others, ...coherent(seedLines)].join("\n")));
    expect(DhcpScope.read(config, "dhcp scope 1")).toEqual(model);
    expect(DhcpScope.plan(config, model)).toEqual([]);
  });

  test("read accepts the numeric option 121, a dotted mask and binds without the ethernet keyword", () => {
    const config = index(
      store(
        "dhcp scope 1 192.168.5.2-192.168.5.63/255.255.255.0\ndhcp scope bind 1 192.168.5.5 00:30:f5:cc:dd:ee\n" +
          "dhcp scope option 1 121=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
      ),
    );
    expect(DhcpScope.read(config, "dhcp scope 1")).toEqual(model);
  });

  test("binds are normalised to address order; netmask input is normalised to a prefix length", () => {
    const m = DhcpScope.schema.parse({
      id: 3,
      range: "192.168.5.2-192.168.5.63",
      netmask: "255.255.255.0",
      binds: [
        { ip: "192.168.5.20", mac: "00:00:00:00:00:02" },
        { ip: "192.168.5.3", mac: "00:00:00:00:00:01" },
      ],
    });
    expect(m.prefixLength).toBe(24);
    expect(m.binds.map((b) => b.ip)).toEqual(["192.168.5.3", "192.168.5.20"]);
    expect(m).not.toHaveProperty("netmask");
  });

  test("plan from empty is the commands and converges", () => {
    const before = store(others);
    const plan = DhcpScope.plan(index(before), model);
    expect(plan).toEqual(DhcpScope.commands(model, { mask: false }));
    const after = apply(before, plan);
    expect(DhcpScope.read(index(after), "dhcp scope 1")).toEqual(model);
    expect(DhcpScope.plan(index(after), model)).toEqual([]);
  });

  const changes: [string, object, string[]][] = [
    ["options", { options: { dns: ["192.168.5.250"] } }, ["dhcp scope option 1 dns=192.168.5.250"]],
    ["options removed", { options: {} }, ["no dhcp scope option 1"]],
    [
      "a bind added",
      { binds: [...model.binds, { ip: "192.168.5.6", mac: "00:30:f5:00:00:01" }] },
      ["dhcp scope bind 1 192.168.5.6 ethernet 00:30:f5:00:00:01"],
    ],
    ["binds removed", { binds: [] }, ["no dhcp scope bind 1 192.168.5.5"]],
    [
      // Re-entering the scope line erases binds and options on some firmware: they are resent after it.
      "the scope line (expire)",
      { expire: "24:00" },
      [
        "dhcp scope 1 192.168.5.2-192.168.5.63/24 expire 24:00",
        "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:cc:dd:ee",
        "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
      ],
    ],
  ];
  test.each(changes)("a change of %s touches only its lines", (_n, change, expected) => {
    const before = apply(store(others), DhcpScope.commands(model, { mask: false }));
    const desired = DhcpScope.schema.parse({ ...model, ...change });
    const plan = DhcpScope.plan(index(before), desired);
    expect(plan.map((c) => c.command)).toEqual(expected);
    expect(DhcpScope.read(index(apply(before, plan)), "dhcp scope 1")).toEqual(desired);
  });

  test("delete removes the option and binds before the scope and leaves other scopes alone", () => {
    const before = store(others);
    const created = apply(before, DhcpScope.commands(model, { mask: false }));
    const plan = DhcpScope.plan(index(created), undefined, undefined, "dhcp scope 1");
    expect(plan.map((c) => c.command)).toEqual([
      "no dhcp scope option 1",
      "no dhcp scope bind 1 192.168.5.5",
      "no dhcp scope 1",
    ]);
    expect(render(apply(created, plan))).toBe(render(before));
  });

  test("conflicts lists the lines of an existing scope with the same id", () => {
    const config = index(store([others, ...coherent(seedLines)].join("\n")));
    expect(DhcpScope.conflicts(config, model).map((l) => l.line)).toEqual([4, 5, 6]);
  });
});

describe("RFC 3442 option 121", () => {
  test("the seed's bytes decode to 192.168.4.0/24 via 192.168.5.5 and the default route via 192.168.5.1", () => {
    expect(decodeClasslessRoutes("18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01")).toEqual([
      { destination: "192.168.4.0/24", gateway: "192.168.5.5" },
      { destination: "0.0.0.0/0", gateway: "192.168.5.1" },
    ]);
  });

  test("a cut-short value is an error naming the byte", () => {
    expect(() => decodeClasslessRoutes("18,c0,a8,04,c0,a8")).toThrow("option 121 byte 0: route is cut short");
    expect(() => decodeClasslessRoutes("21,00,00,00,00,00,00,00,00,00")).toThrow(
      "prefix length 33 is over 32",
    );
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const route = fc
    .record({
      address: fc.tuple(octet, octet, octet, octet),
      width: fc.integer({ min: 0, max: 32 }),
      gateway: fc.tuple(octet, octet, octet, octet),
    })
    .map(({ address, width, gateway }) => {
      // Clear the host bits: option 121 carries only the significant part of the destination.
      const value = address.reduce((v, o) => v * 256 + o, 0);
      const net = value - (value % 2 ** (32 - width));
      const dotted = [24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256).join(".");
      return { destination: `${dotted}/${width}`, gateway: gateway.join(".") };
    });

  test("encode then decode is the identity, and every byte is two lower-case hex digits", () => {
    fc.assert(
      fc.property(fc.array(route, { minLength: 1, maxLength: 8 }), (routes) => {
        const encoded = encodeClasslessRoutes(routes);
        expect(encoded).toMatch(/^[0-9a-f]{2}(,[0-9a-f]{2})*$/);
        expect(decodeClasslessRoutes(encoded)).toEqual(routes);
      }),
    );
  });
});

describe("DhcpScope except and maxexpire (CR §12.1.4)", () => {
  const scope = {
    id: 3,
    range: "192.168.100.2-192.168.100.191",
    prefixLength: 24,
    except: ["192.168.100.10", "192.168.100.20-192.168.100.29"],
    gateway: "192.168.100.1",
    expire: "24:00",
    maxExpire: "infinity",
  };

  test("written in the router's keyword order, read back, and a change is the one scope line", () => {
    const m = DhcpScope.schema.parse(scope);
    const line =
      "dhcp scope 3 192.168.100.2-192.168.100.191/24 except 192.168.100.10 192.168.100.20-192.168.100.29 gateway 192.168.100.1 expire 24:00 maxexpire infinity";
    expect(DhcpScope.commands(m, { mask: false }).map((c) => c.command)).toEqual([line]);
    const after = apply(store(others), DhcpScope.plan(index(store(others)), m));
    expect(DhcpScope.read(index(after), "dhcp scope 3")).toEqual(m);
    const fewer = DhcpScope.schema.parse({ ...scope, except: undefined, maxExpire: undefined });
    expect(DhcpScope.plan(index(after), fewer).map((c) => c.command)).toEqual([
      "dhcp scope 3 192.168.100.2-192.168.100.191/24 gateway 192.168.100.1 expire 24:00",
    ]);
  });

  test.each([
    [{ except: ["192.168.101.5"] }, "except.0", /outside the scope range/],
    [{ except: ["192.168.100.30-192.168.100.20"] }, "except.0", /ordered range/],
    [{ expire: "infinity", maxExpire: "72:00" }, "maxExpire", /longer than maxexpire 72:00/],
    [{ expire: "96:00", maxExpire: "24:00" }, "maxExpire", /longer than maxexpire 24:00/],
    [{ maxExpire: "72:60" }, "maxExpire", /hh:mm/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(DhcpScope.schema, { ...scope, ...change }, property, reason);
  });
});
