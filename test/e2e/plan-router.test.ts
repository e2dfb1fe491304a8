// `nvr plan --router` with a real Pulumi stack: the connection and the program's secrets come from the selected
// stack, decrypted through the Pulumi CLI (no NVR_PASSWORD), so the plan never carries a masked value: after `up`
// it finds nothing to change, where a masked pre-shared key or password would be planned as a change.
import { execFile } from "child_process";
import * as path from "path";
import type { Simulator } from "../../simulator";
import { REPO_ROOT } from "./harness";
import { LAB_PROJECT, routerConfig, secretValues, Stack, startSeedRouter } from "./lab";

jest.setTimeout(240_000);

describe("nvr plan --router on a Pulumi stack", () => {
  let sim: Simulator;
  let stack: Stack;

  /**
   * `nvr plan` as a user runs it, with the stack's environment (backend, passphrase, Pulumi on PATH) and no router
   * passwords in it. Asynchronous: the simulator answers from this process.
   */
  const plan = (args: string[], change: NodeJS.ProcessEnv = {}) => {
    const env: NodeJS.ProcessEnv = { ...stack.env, ...change };
    delete env.NVR_PASSWORD;
    delete env.NVR_ADMIN_PASSWORD;
    return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, "dist", "cli", "nvr.js"), "plan", LAB_PROJECT, ...args],
        { cwd: REPO_ROOT, env, encoding: "utf8" },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
  };

  beforeAll(async () => {
    sim = await startSeedRouter();
    stack = new Stack(LAB_PROJECT, "planrouter");
    const { settings, secrets } = routerConfig(sim);
    await stack.init(settings, secrets);
  });

  afterAll(async () => {
    await stack?.remove();
    await sim?.stop();
  });

  test("before up: the live plan with the stack's secrets; after up: nothing to change", async () => {
    const before = await plan(["--router", "--stack", stack.name]);
    expect(before.stderr).not.toContain("planned as ********");
    expect(before.stderr + before.stdout).not.toMatch(/too short/);
    expect(before.stdout).toContain("ipsec ike pre-shared-key 2 text ********");
    expect(before.stdout).toContain("no ip lan1 proxyarp");
    for (const secret of secretValues()) expect(before.stdout + before.stderr).not.toContain(secret);

    await stack.run("up", "--yes", "--skip-preview");
    sim.clearEvents();
    const after = await plan(["--router", "--stack", stack.name]);
    expect(after.stderr).toBe("");
    // Every resource: no change. A masked key or password would differ from the router's and be planned as one.
    // (nvr plan knows no stack state: the lines up created are reported as there already, to adopt.)
    expect(after.stdout).toMatch(/Changes to the router's config:\n\s+\(none\)/);
    expect(after.stdout.match(/: no change$/gm)).toHaveLength(6);
    expect(after.stdout).toContain("6 resources, 0 with changes: +0 -0 lines");
    // Read only.
    expect(sim.events().filter((e) => e.type === "save")).toEqual([]);
  });

  test("the selected stack is the default; a stack that cannot be decrypted is an error, not a masked plan", async () => {
    await stack.run("stack", "select");
    const selected = await plan(["--router"]);
    expect(selected.stderr).toBe("");
    expect(selected.stdout).toContain("6 resources, 0 with changes");
    const wrong = await plan(["--router", "--stack", stack.name], {
      PULUMI_CONFIG_PASSPHRASE: "not-the-passphrase",
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(
      /lab:users.*\*{8}.*\(`pulumi config --show-secrets --json --stack .*` failed: .*passphrase/is,
    );
    expect(wrong.stdout).toBe("");
  });
});
