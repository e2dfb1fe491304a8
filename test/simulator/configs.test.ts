import { readdirSync } from "node:fs";
import fc from "fast-check";
import { startSimulator, type SimulatorModel } from "../../simulator/index";
import { CONFIGS, modelOf, showConfigText } from "./helpers";

/** The body after `# Reporting Date:`, with 79-column wraps rejoined and lines right-trimmed. */
function expectedBody(text: string): string {
  const lines = text.split("\n");
  const body = lines.slice(lines.findIndex((l) => l.startsWith("# Reporting Date:")) + 1);
  return body
    .map((l) => l.trimEnd())
    .filter((l) => l !== "")
    .map((l) => `${l}\n`)
    .join("");
}

/** A dump's body as units that keep their meaning when moved: a global line, or a `pp select` / `tunnel select`
 * line with its indented lines (which may be reordered among themselves, a nested IPsec line with its parent's
 * block). */
function units(body: string): { head: string; lines: string[] }[] {
  const out: { head: string; lines: string[] }[] = [];
  for (const line of body.split("\n").filter((l) => l !== "")) {
    if (/^\s/.test(line) && out.length > 0) out[out.length - 1].lines.push(line);
    else out.push({ head: line, lines: [] });
  }
  return out;
}

describe("loading the real dumps and printing them back", () => {
  const files = readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));
  test.each(files)("%s: show config returns the same body", async (file) => {
    const text = showConfigText(file);
    const model = modelOf(text) as SimulatorModel;
    const sim = await startSimulator({ model, config: text });
    try {
      const running = sim
        .runningConfig()
        .split("\n")
        .map((l) => l.trimEnd())
        .join("\n");
      expect(running).toBe(expectedBody(text));
      expect(sim.savedConfig()).toBe(sim.runningConfig());
      // Only header residue (a wrapped `# main:` continuation) may be skipped, never a body line.
      const bodyStart = text.split("\n").findIndex((l) => l.startsWith("# Reporting Date:")) + 1;
      for (const w of sim.loadWarnings) expect(w.line).toBeLessThan(bodyStart);
    } finally {
      await sim.stop();
    }
  });
});

describe("loading a dump with its blocks and block lines shuffled prints the device's order", () => {
  const files = readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));
  test.each(files)("%s", async (file) => {
    const text = showConfigText(file);
    const body = expectedBody(text);
    const model = modelOf(text) as SimulatorModel;
    const shuffled = (seed: number): string => {
      const permute = <T>(items: T[]): T[] =>
        fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), {
          seed,
          numRuns: 1,
        })[0];
      return permute(units(body))
        .map((u) => [u.head, ...permute(u.lines)].join("\n"))
        .join("\n");
    };
    const seeds = [1, 2, 3];
    // The input really is out of order.
    expect(seeds.some((seed) => shuffled(seed) !== body.trimEnd())).toBe(true);
    for (const seed of seeds) {
      const sim = await startSimulator({ model, config: shuffled(seed) });
      try {
        expect(sim.loadWarnings).toEqual([]);
        expect(sim.runningConfig()).toBe(
          body
            .split("\n")
            .map((l) => l.trimEnd())
            .join("\n"),
        );
      } finally {
        await sim.stop();
      }
    }
  });
});
