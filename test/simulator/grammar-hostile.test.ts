/**
 * Hostile input to the issue-14 command families, typed in administrator mode: control characters, overlong lines
 * and values, numbers out of range and commands the model lacks. Each is answered with the device's error and
 * changes nothing in the running config.
 */
import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const BASE = [
  "ip lan1 address 192.168.100.1/24",
  "ip lan2 rip send on version 2",
  "snmp sysname router1",
  "lan type lan1 port-based-option=divide-network",
  "dns private name setup.netvolante.jp",
  "",
].join("\n");

function adminEngine(model: string): { engine: Engine; run: (line: string) => string[] } {
  const engine = new Engine({
    model: MODELS[model],
    parse: parseConfigCommand,
    adminPassword: "admin",
    bootTime: new Date(),
  });
  expect(engine.load(BASE)).toEqual([]);
  const session = engine.newSession();
  session.admin = true;
  engine.execute(session, "console character en.ascii", new Date());
  engine.saved = engine.running;
  return { engine, run: (line) => engine.execute(session, line, new Date()).lines };
}

/** [line, model, the device's answer]. */
const HOSTILE: [string, string, string][] = [
  // control characters inside values
  ["snmp sysname rou\x07ter", "rtx1210", "Error: Illegal keyword"],
  ["dns private name setup\x1b[2J.netvolante.jp", "nvr510", "Error: Illegal keyword"],
  ["ip lan2 rip send on\x00 version 2", "rtx1210", "Error: Illegal keyword"],
  ["syslog host 192.168.1.1\x7f", "rtx1210", "Error: Illegal keyword"],
  // overlong lines and values
  [`snmp sysname ${"a".repeat(4090)}`, "rtx1210", "Error: Insufficient or too many parameters"],
  [`snmp syslocation ${"b".repeat(256)}`, "rtx1210", "Error: Parameter out of range"],
  [`snmp community read-only ${"c".repeat(17)}`, "rtx1210", "Error: Parameter out of range"],
  [
    `netvolante-dns hostname host pp ${"d".repeat(300)}.jp`,
    "nvr510",
    "Error: Unrecognized IP address parameter",
  ],
  [`ip lan1 rip send on ${"version 2 ".repeat(20)}`, "rtx1210", "Error: Illegal keyword"],
  [
    "ip lan1 rip send on version 2 broadcast broadcast",
    "rtx1210",
    "Error: Insufficient or too many parameters",
  ],
  // numbers out of range or not numbers
  ["ip lan2 rip hop in 99999999999", "rtx1210", "Error: Parameter out of range"],
  ["lan link-aggregation static 9 lan1:1 lan1:2", "rtx1210", "Error: Parameter out of range"],
  ["ethernet filter 0 pass-log * *", "rtx1210", "Error: Parameter out of range"],
  ["ethernet filter -1 pass-log * *", "rtx1210", "Error: Parameter out of range"],
  ["ospf area network 4294967296 10.0.0.0/8", "rtx1210", "Error: Parameter out of range"],
  ["bgp autonomous-system 4294967296", "rtx1210", "Error: Parameter out of range"],
  ["dhcp client release linkdown on 259201", "rtx1210", "Error: Parameter out of range"],
  ["ipv6 lan2 mtu 0x500", "rtx1210", "Error: Parameter must be an integer"],
  // commands and interfaces the model lacks
  ["ospf use on", "nvr510", "Error: Invalid command name"],
  ["bgp neighbor 1 65002 10.0.0.2", "nvr500", "Error: Invalid command name"],
  ['analog extension dial prefix sip prefix="9#"', "rtx830", "Error: Invalid command name"],
  ["lan link-aggregation static 1 lan1:1 lan1:2", "rtx830", "Error: Invalid command name"],
  ["lua use on", "rtx1500", "Error: Invalid command name"],
  ["ip lan3 rip send off", "nvr510", "Error: Invalid command name"],
  ["isdn local address bri1 0312345678", "rtx830", "Error: Invalid command name"],
];

/** Test names show at most 60 characters of the line, control characters escaped. */
const named = HOSTILE.map(([line, model, answer]) => [
  JSON.stringify(line).slice(0, 60),
  model,
  line,
  answer,
]);

describe("hostile input to the new families is refused and changes nothing", () => {
  test.each(named)("%s on %s", (_name, model, line, answer) => {
    const { engine, run } = adminEngine(model);
    const before = engine.body(engine.running);
    expect(run(line)).toEqual([answer]);
    expect(engine.body(engine.running)).toEqual(before);
    // The same text in a config file is skipped, not half-applied.
    const loaded = adminEngine(model).engine;
    expect(loaded.load(`${line}\n`)).toHaveLength(1);
    expect(loaded.body(loaded.running)).toEqual(before);
  });
});

describe("a model's limits: one route, filter or NAT descriptor more than it holds is refused", () => {
  test.each([
    ["routes", (i: number) => `ip route 10.${i >> 8}.${i & 255}.0/24 gateway 192.168.100.254`],
    ["filters", (i: number) => `ip filter ${i + 1} pass * *`],
    ["natDescriptors", (i: number) => `nat descriptor type ${i + 1} masquerade`],
  ] as const)("%s", (limit, line) => {
    const model = MODELS.rtx1100;
    const max = model.limits[limit];
    const engine = new Engine({
      model,
      parse: parseConfigCommand,
      adminPassword: "admin",
      bootTime: new Date(),
    });
    expect(engine.load(Array.from({ length: max }, (_, i) => line(i)).join("\n"))).toEqual([]);
    const session = engine.newSession();
    session.admin = true;
    engine.execute(session, "console character en.ascii", new Date());
    const run = (text: string): string[] => engine.execute(session, text, new Date()).lines;
    const before = engine.body(engine.running);
    expect(run(line(max))).toEqual(["Error: Parameter out of range"]);
    expect(engine.body(engine.running)).toEqual(before);
    // Re-entering one that exists replaces it; removing one frees a place.
    expect(run(line(0))).toEqual([]);
    expect(run(`no ${line(0)}`)).toEqual([]);
    expect(run(line(max))).toEqual([]);
  });
});

describe("a line built to make the matcher backtrack is answered at once", () => {
  test.each([
    // Every word fits two alternatives (`*` is both an interface and a range there); valid, however long.
    [`mail notify 1 1 trigger intrusion ${"* ".repeat(300)}in`, true],
    // Long runs of fitting words that end in one that fits nothing.
    [`ospf log ${"interface ".repeat(500)}bogus`, false],
    [`lan type lan1 ${"1 auto ".repeat(400)}mtu=99999`, false],
    [`ip lan1 rip trust gateway except ${"192.168.0.1 ".repeat(600)}x`, false],
  ])("%#", (line, ok) => {
    const started = Date.now();
    const result = parseConfigCommand(line, { kind: "none" }, MODELS.rtx1210);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok });
  });
});
