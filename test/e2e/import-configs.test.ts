// Issue 15's test of a whole router under review, for every real dump in ../shared/configs: load it into nvr-sim
// under its own model, `nvr import` from the live simulator, then with the real Pulumi CLI: `pulumi up` of the
// imported program sends no configuration command and leaves the config as it was, `pulumi preview
// --expect-no-changes` passes, and `pulumi destroy` leaves the config as it was (every resource adopted, so delete
// writes back what it took over). Prints, per config and in total, the share of config lines owned by resources and
// by typed resources, and holds the issue's targets: typed resources own at least 85% of all lines, and nothing but
// the masked passwords is left unmanaged.
import * as fs from "fs";
import * as path from "path";
import { type ConfigTree } from "../../provider/config";
import { generateProgram, type ImportResult } from "../../provider/review";
import { routerFor } from "../../provider/session";
import { startSimulator, type Simulator, type SimulatorModel } from "../../simulator";
import { routerStackConfig } from "../../scripts/pulumi-toolchain";
import { secretIn } from "../../provider/secrets";
import { secretConfig } from "../review/import-secrets";
import { CONFIGS, modelOf, showConfigText } from "../simulator/helpers";
import { importCommand } from "../../cli/commands/import";
import { runIn } from "../cli-helpers";
import { REPO_ROOT } from "./harness";
import { configCommands, Stack } from "./lab";

jest.setTimeout(900_000);

const LOGIN = { user: "user", password: "import-Pw-e2e-5521", adminPassword: "import-admin-e2e-8812" };

/** One config's outcome, for the summary. */
interface Share {
  config: string;
  lines: number;
  typed: number;
  configLines: number;
  unexpressed: string[];
}

const shares: Share[] = [];
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

afterAll(() => {
  if (shares.length === 0) return;
  const rows = shares.map(
    (s) =>
      `${s.config}: ${s.lines} lines, owned by resources ${percent(s.typed + s.configLines, s.lines)}, by typed resources ${percent(s.typed, s.lines)}${s.unexpressed.length > 0 ? `; not expressed: ${s.unexpressed.join(" | ")}` : ""}`,
  );
  const total = shares.reduce(
    (t, s) => ({
      lines: t.lines + s.lines,
      typed: t.typed + s.typed,
      owned: t.owned + s.typed + s.configLines,
    }),
    { lines: 0, typed: 0, owned: 0 },
  );
  console.log(
    [
      ...rows,
      `total: ${total.lines} lines, owned by resources ${percent(total.owned, total.lines)}, by typed resources ${percent(total.typed, total.lines)}`,
    ].join("\n"),
  );
});

const dumps = fs.readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));

describe.each(dumps)("%s imported from nvr-sim and run through Pulumi", (file) => {
  let sim: Simulator;
  let stack: Stack | undefined;
  let project: string;
  let start: string;
  let tree: ConfigTree;
  let generated: ImportResult;

  beforeAll(async () => {
    const text = showConfigText(file);
    sim = await startSimulator({ config: text, model: modelOf(text) as SimulatorModel, ...LOGIN });
    // A wrapped `# main:` header continuation is header residue, not a configuration line.
    const source = text.split("\n");
    expect(sim.loadWarnings.filter((w) => !/^ess=/.test(source[w.line - 1]))).toEqual([]);
    start = sim.runningConfig();
    // `nvr import --host`: the provider's own session reads the live router.
    const router = routerFor({
      host: sim.host,
      port: sim.port,
      username: LOGIN.user,
      password: LOGIN.password,
      adminPassword: LOGIN.adminPassword,
      hostKey: sim.fingerprint,
    });
    try {
      tree = (await router.config()).tree;
    } finally {
      await router.close();
    }
    generated = generateProgram(tree, { source: `${sim.host}:${sim.port}` });
    // `nvr import --host` itself prints this program, and says on stderr how many lines went where.
    const cli = await runIn(
      importCommand,
      [],
      { host: sim.host, port: String(sim.port), user: LOGIN.user, hostKey: sim.fingerprint },
      { NVR_PASSWORD: LOGIN.password, NVR_ADMIN_PASSWORD: LOGIN.adminPassword },
    );
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(generated.program);
    expect(cli.stderr).toContain(
      `nvr import: ${generated.counts.lines} config lines: ${generated.counts.typed} in typed resources`,
    );
    shares.push({
      config: file,
      lines: generated.counts.lines,
      typed: generated.counts.typed,
      configLines: generated.counts.configLines,
      unexpressed: generated.unexpressed.map((u) => `${u.text} (${u.reason})`),
    });
    // Inside the repository, so the program finds pulumi-yamaha-nvr (node_modules' self-link) and TypeScript.
    project = fs.mkdtempSync(path.join(REPO_ROOT, "test", "e2e", "fixtures", ".import-"));
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      `name: imported\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    );
    fs.writeFileSync(path.join(project, "index.ts"), generated.program);
    stack = new Stack(project, "import");
    const { settings, secrets } = routerStackConfig(sim, LOGIN);
    // What the user sets after reading the program's hints: the router's own secret values.
    await stack.init(settings, { ...secrets, ...secretConfig(tree, generated.secretSources) });
  });

  afterAll(async () => {
    await stack?.remove();
    await sim?.stop();
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  test("up sends no configuration command; preview then expects no changes; destroy leaves the config as it was", async () => {
    sim.clearEvents();
    const up = await stack!.run("up", "--yes", "--skip-preview");
    expect(configCommands(sim)).toEqual([]);
    expect(sim.runningConfig()).toBe(start);

    const preview = await stack!.run("preview", "--expect-no-changes", "--diff");
    // The router's secrets are in no output and nowhere in state but encrypted (a value the config also prints as a
    // plain word, as the RTX830's PSK is its L2TP end-id, is no secret there).
    const lines = tree.items.flatMap((i) => (i.type === "line" ? [i.line] : i.block.lines));
    const plain = new Set(lines.filter((l) => secretIn(l.text) === undefined).flatMap((l) => l.tokens));
    const secrets = Object.values(secretConfig(tree, generated.secretSources)).filter((v) => !plain.has(v));
    const seen = [up.stdout, up.stderr, preview.stdout, preview.stderr, await stack!.persisted()].join("\n");
    for (const s of secrets) expect(seen).not.toContain(s);

    await stack!.run("destroy", "--yes");
    expect(sim.runningConfig()).toBe(start);
    expect(sim.savedConfig()).toBe(start);
  });
});

describe("every dump together", () => {
  test("typed resources own at least 85% of the lines; only the masked passwords stay unmanaged", () => {
    expect(shares.map((s) => s.config).sort()).toEqual([...dumps].sort());
    const lines = shares.reduce((n, s) => n + s.lines, 0);
    const typed = shares.reduce((n, s) => n + s.typed, 0);
    expect(typed / lines).toBeGreaterThanOrEqual(0.85);
    // A saved password is printed as `*`: there is no value to manage.
    const unmanaged = shares.flatMap((s) => s.unexpressed);
    for (const u of unmanaged) expect(u).toMatch(/^(login|administrator) password (encrypted )?\* \(/);
  });
});
