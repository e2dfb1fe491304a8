// The package as users get it: `npm pack` of the built project, installed from the tarball into a fresh Pulumi
// project outside the repository (npm from its cache, never touching the repository's node_modules), running
// examples/home-lab's program against a simulated NVR510. Catches files missing from the package and providers
// that only work from inside this repository.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Simulator } from "../../simulator";
import { makeTmpDir, pulumiEnv, REPO_ROOT, runPulumi, type PulumiResult } from "./harness";
import { SECRETS, startSeedRouter } from "./lab";

jest.setTimeout(300_000);

const PULUMI_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  }
).dependencies["@pulumi/pulumi"];

describe("the packed package installed into a project outside the repository", () => {
  const tmp = makeTmpDir("installed");
  const project = path.join(tmp, "project");
  const stack = "installed";
  let sim: Simulator;
  let env: NodeJS.ProcessEnv;
  let start = "";
  const pulumi = async (...args: string[]): Promise<PulumiResult> => {
    const r = await runPulumi([...args, "--stack", stack], { cwd: project, env });
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  };

  beforeAll(async () => {
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      }),
    ) as { filename: string }[];
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "home-lab-installed",
        private: true,
        main: "index.js",
        dependencies: {
          "@pulumi/pulumi": PULUMI_VERSION,
          "pulumi-yamaha-nvr": `file:${path.join(tmp, packed[0].filename)}`,
        },
      }),
    );
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "home-lab", "index.js"), path.join(project, "index.js"));
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      "name: home-lab\nmain: index.js\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
    );
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: project,
      stdio: "pipe",
    });

    sim = await startSeedRouter();
    start = sim.runningConfig();
    env = pulumiEnv(tmp);
    const init = await runPulumi(["stack", "init", stack], { cwd: project, env });
    if (init.code !== 0) throw new Error(init.stdout + init.stderr);
    const settings = {
      "nvr:host": sim.host,
      "nvr:port": String(sim.port),
      "nvr:username": "user",
      "nvr:hostKey": sim.fingerprint,
    };
    for (const [k, v] of Object.entries(settings)) await pulumi("config", "set", k, v);
    const secrets: Record<string, string> = {
      "nvr:password": SECRETS.password,
      "nvr:adminPassword": SECRETS.adminPassword,
      vpnPreSharedKey: SECRETS.preSharedKey,
    };
    for (let i = 1; i <= 5; i++) secrets[`vpnPassword${i}`] = `installed-vpn-Pw-${i}`;
    for (const [k, v] of Object.entries(secrets)) await pulumi("config", "set", "--secret", k, v);
  });

  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the tarball holds the built SDK, provider and CLIs, and no sources or tests", () => {
    const pkg = path.join(project, "node_modules", "pulumi-yamaha-nvr");
    expect(fs.realpathSync(pkg).startsWith(fs.realpathSync(project))).toBe(true);
    for (const file of [
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
      "dist/provider/dynamic.js",
      "dist/cli/nvr.js",
    ])
      expect(fs.existsSync(path.join(pkg, file))).toBe(true);
    expect(fs.existsSync(path.join(pkg, "test"))).toBe(false);
    expect(fs.existsSync(path.join(pkg, "provider"))).toBe(false);
  });

  test("up configures the router with the installed provider, which state references by package name", async () => {
    const up = await pulumi("up", "--yes", "--skip-preview");
    expect(up.stdout).toMatch(/\+ \d+ created/);
    expect(sim.runningConfig()).toContain("ip lan1 nat descriptor reverse 30\n");
    expect(sim.savedConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240\n");

    const state = JSON.parse((await pulumi("stack", "export")).stdout) as {
      deployment: { resources: { type: string; inputs?: { __provider?: string } }[] };
    };
    const providers = state.deployment.resources
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"))
      .map((r) => r.inputs?.__provider ?? "");
    expect(providers.length).toBeGreaterThan(5);
    for (const text of providers) {
      expect(text).toContain("pulumi-yamaha-nvr/dist/provider/dynamic");
      expect(text).not.toContain(REPO_ROOT);
    }
  });

  test("destroy with the installed provider returns the router to the starting network", async () => {
    await pulumi("destroy", "--yes", "--skip-preview");
    expect(sim.runningConfig()).toBe(start);
    expect(sim.savedConfig()).toBe(start);
  });
});
