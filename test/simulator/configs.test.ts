import { readdirSync } from "node:fs";
import { startSimulator, type SimulatorModel } from "../../simulator/index";
import { CONFIGS, showConfigText } from "./helpers";

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

const MODEL_OF: Record<string, SimulatorModel> = { rtx830: "rtx830" };

describe("loading the real dumps and printing them back", () => {
  const files = readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));
  test.each(files)("%s: show config returns the same body", async (file) => {
    const text = showConfigText(file);
    const model = MODEL_OF[file.split("-")[0]] ?? "rtx1210";
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
