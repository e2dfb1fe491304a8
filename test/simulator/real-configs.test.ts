/**
 * Every real configuration we hold loads into the simulator under its own model with no line skipped, and the lines
 * the issue found rejected (issue 14) are accepted where the model has the command.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SimContext } from "../../simulator/engine/grammar-contract";
import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";
import { CONFIGS, modelOf, showConfigText } from "./helpers";

interface ConfigFile {
  name: string;
  /** The config text as the loader takes it (our `# source:` line and capture prompts removed). */
  text: string;
}

/** The published dumps, and the seed configs our own fixtures hold (config files in the device's language). */
function realConfigs(): ConfigFile[] {
  const dumps = readdirSync(CONFIGS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ name: f, text: showConfigText(f) }));
  const fixtureDirs = [join(__dirname, "../fixtures/seed"), join(__dirname, "../../simulator/fixtures")];
  const fixtures = fixtureDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".conf"))
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") })),
  );
  return [...dumps, ...fixtures];
}

function load(config: ConfigFile): {
  model: string;
  lines: number;
  skipped: { line: number; text: string }[];
} {
  const model = MODELS[modelOf(config.text)];
  if (!model) throw new Error(`${config.name}: no simulated model ${modelOf(config.text)}`);
  const engine = new Engine({
    model,
    parse: parseConfigCommand,
    adminPassword: "admin",
    bootTime: new Date(),
  });
  const source = config.text.split("\n");
  const skipped = engine
    .load(config.text)
    .map((w) => ({ line: w.line, text: source[w.line - 1] }))
    // A wrapped `# main:` header continuation is header residue, not a configuration line.
    .filter((w) => !/^ess=/.test(w.text));
  const lines = source.filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#")).length;
  return { model: model.id, lines, skipped };
}

describe("every real config loads under its own model with nothing skipped", () => {
  test.each(realConfigs().map((c) => [c.name, c] as const))("%s", (_name, config) => {
    const result = load(config);
    expect(result.lines).toBeGreaterThan(0);
    expect(result.skipped).toEqual([]);
  });
});

const none: SimContext = { kind: "none" };

/** Lines the issue saw rejected in real configs, with a model that has the command. */
const ISSUE_LINES: [string, string][] = [
  ["dns private name setup.netvolante.jp", "rtx1210"],
  ["dhcp client release linkdown on", "rtx1210"],
  ["ip lan2 intrusion detection in on", "rtx1210"],
  ["ip lan2 rip send off", "rtx1210"],
  ["lan link-aggregation static 1 lan1:1 lan1:5", "rtx1210"],
  ["lan type lan1 port-based-option=divide-network", "rtx1210"],
  ['analog extension dial prefix sip prefix="9#"', "nvr510"],
  ["ip vlan1 rip receive on version 2", "rtx1210"],
  ["login password *", "rtx1210"],
  ["administrator password *", "rtx1210"],
  ["login password *", "nvr510"],
  ["administrator password *", "nvr510"],
];

describe("lines of real configs the issue found rejected", () => {
  test.each(ISSUE_LINES)("%s (%s)", (line, model) => {
    const result = parseConfigCommand(line, none, MODELS[model]);
    expect(result).toMatchObject({ ok: true, negate: false });
    if (result?.ok && !result.negate) expect(result.command.canonical).toBe(line);
  });
});
