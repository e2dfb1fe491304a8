import { LanInterface, type LanInterfaceModel } from "../../provider/resources";
import { apply, index, render, store } from "./router";
import { SEED_FINAL } from "./seed";

const seedLan1 = SEED_FINAL.split("\n").filter((l) => l.startsWith("ip lan1 "));
const lan1 = LanInterface.schema.parse({
  interface: "lan1",
  address: "192.168.11.250/24",
  natDescriptors: { reverse: [30] },
  dhcp: { mode: "relay", servers: ["192.168.1.51"] },
});

const others = "ip lan2 address 192.168.1.51/24\nip lan2 nat descriptor 40\nnat descriptor type 30 nat";

describe("LanInterface", () => {
  test("commands for the seed's lan1 are the seed's lines, an empty forward list included", () => {
    expect(LanInterface.commands(lan1, { mask: false }).map((c) => c.command)).toEqual(seedLan1);
  });

  test("forward and reverse descriptors together: `ip lan1 nat descriptor 31 reverse 30`", () => {
    const both = LanInterface.schema.parse({
      interface: "lan1",
      natDescriptors: { forward: [31], reverse: [30] },
    });
    expect(LanInterface.commands(both, { mask: false }).map((c) => c.command)).toEqual([
      "ip lan1 nat descriptor 31 reverse 30",
    ]);
    expect(LanInterface.read(index(store("ip lan1 nat descriptor 31 reverse 30")), "lan1")).toEqual(both);
  });

  test("read of the seed's config is the model; proxyarp off, written or not, reads as false", () => {
    expect(LanInterface.read(index(store([others, ...seedLan1].join("\n"))), "lan1")).toEqual(lan1);
    const off = index(store([...seedLan1, "ip lan1 proxyarp off"].join("\n")));
    expect(LanInterface.read(off, "lan1")).toEqual(lan1);
    const on = index(
      store("ip lan1 address 192.168.11.250/24\nip lan1 proxyarp on\nip lan1 dhcp service server"),
    );
    expect(LanInterface.read(on, "lan1")).toMatchObject({ proxyArp: true, dhcp: { mode: "server" } });
  });

  test("an interface with no lines still exists: read gives its empty model", () => {
    expect(LanInterface.read(index(store(others)), "lan3")).toEqual({
      model: "nvr510",
      interface: "lan3",
      proxyArp: false,
      natDescriptors: { forward: [], reverse: [] },
    });
    expect(LanInterface.alwaysExists).toBe(true);
  });

  const changes: [string, Partial<LanInterfaceModel>, string[]][] = [
    ["address", { address: "192.168.11.1/24" }, ["ip lan1 address 192.168.11.1/24"]],
    ["proxyArp", { proxyArp: true }, ["ip lan1 proxyarp on"]],
    [
      "natDescriptors",
      { natDescriptors: { forward: [31], reverse: [30] } },
      ["ip lan1 nat descriptor 31 reverse 30"],
    ],
    [
      "natDescriptors emptied",
      { natDescriptors: { forward: [], reverse: [] } },
      ["no ip lan1 nat descriptor"],
    ],
    ["dhcp", { dhcp: { mode: "server" } }, ["ip lan1 dhcp service server"]],
  ];
  test.each(changes)("a change of %s touches only its lines", (_n, change, expected) => {
    const before = store([others, ...seedLan1].join("\n"));
    const desired = { ...lan1, ...change };
    const plan = LanInterface.plan(index(before), desired);
    expect(plan.map((c) => c.command)).toEqual(expected);
    expect(LanInterface.read(index(apply(before, plan)), "lan1")).toEqual(desired);
  });

  test("create records the lines it replaces; delete writes them back and removes the rest", () => {
    // The seed's first configuration, then the final one taking lan1 over.
    const before = store(
      `${others}\nip lan1 address 192.168.11.250/24\nip lan1 proxyarp on\nip lan1 dhcp service server`,
    );
    const prior = LanInterface.conflicts(index(before), lan1).map((l) => l.text);
    expect(prior).toEqual([
      "ip lan1 address 192.168.11.250/24",
      "ip lan1 proxyarp on",
      "ip lan1 dhcp service server",
    ]);
    const created = apply(before, LanInterface.plan(index(before), lan1, prior));
    expect(LanInterface.read(index(created), "lan1")).toEqual(lan1);
    const plan = LanInterface.plan(index(created), undefined, prior, "lan1");
    expect(plan.map((c) => c.command)).toEqual([
      "no ip lan1 nat descriptor",
      "ip lan1 proxyarp on",
      "ip lan1 dhcp service server",
    ]);
    expect(render(apply(created, plan))).toBe(render(before));
  });

  test("delete with nothing recorded removes every line of the interface", () => {
    const before = store(others);
    const created = apply(before, LanInterface.commands(lan1, { mask: false }));
    const plan = LanInterface.plan(index(created), undefined, undefined, "lan1");
    expect(render(apply(created, plan))).toBe(render(before));
  });
});

describe("LanInterface switch control (L2MS, CR §48.1.2)", () => {
  test("the RTX1210 default's `switch control use` lines read per LAN, write back, and plan to nothing", () => {
    const config = index(
      store(
        "# RTX1210 Rev.14.01.05 (Thu Nov  6 08:45:55 2014)\nip lan1 address 192.168.100.1/24\nswitch control use lan1 on terminal=on\nswitch control use lan2 on terminal=on",
      ),
    );
    const lan2 = LanInterface.read(config, "lan2");
    expect(lan2).toEqual(
      LanInterface.schema.parse({
        model: "rtx1210",
        interface: "lan2",
        switchControl: { use: true, terminal: true },
      }),
    );
    expect(LanInterface.commands(lan2!, { mask: false }).map((c) => c.command)).toEqual([
      "switch control use lan2 on terminal=on",
    ]);
    expect(LanInterface.plan(config, lan2!)).toEqual([]);
    const off = { ...lan2!, switchControl: { use: false } };
    expect(LanInterface.plan(config, off).map((c) => c.command)).toEqual(["switch control use lan2 off"]);
  });

  test("an option it does not model fails the read naming the line", () => {
    const config = index(store("switch control use lan1 on terminal=on extra=1"));
    expect(() => LanInterface.read(config, "lan1")).toThrow(/switch control use lan1 on terminal=on extra=1/);
  });
});
