// The package as users get it: `npm pack` (whose prepack builds) of the project, installed from the tarball into a
// fresh TypeScript Pulumi project outside the repository (npm from its cache, never touching the repository's
// node_modules), type-checked with tsc, then examples/home-lab's program run against a simulated NVR510. Catches
// files missing from the package, types that only resolve inside this repository, and providers that only work
// from inside it. NVR_PULUMI_SDK picks the @pulumi/pulumi the project installs (CI runs the lowest version the peer
// range allows and the pinned development one).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Simulator } from "../../simulator";
import { makeTmpDir, pulumiEnv, REPO_ROOT, runPulumi, type PulumiResult } from "./harness";
import { SECRETS, startSeedRouter } from "./lab";

jest.setTimeout(600_000);

const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const PULUMI_VERSION = process.env.NVR_PULUMI_SDK ?? PACKAGE.devDependencies["@pulumi/pulumi"];

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
    // prepack builds first; its output may come before npm's JSON.
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    const packed = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string }[];
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "home-lab-installed",
        private: true,
        dependencies: {
          "@pulumi/pulumi": PULUMI_VERSION,
          "pulumi-yamaha-nvr": `file:${path.join(tmp, packed[0].filename)}`,
        },
        devDependencies: {
          typescript: PACKAGE.devDependencies.typescript,
          "@types/node": PACKAGE.devDependencies["@types/node"],
        },
      }),
    );
    fs.writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "commonjs",
          esModuleInterop: true,
          outDir: "bin",
        },
        files: ["index.ts"],
      }),
    );
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "home-lab", "index.ts"), path.join(project, "index.ts"));
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      "name: home-lab\nmain: bin/index.js\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
    );
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: project,
      stdio: "pipe",
    });
    // The user's build: type-checked against the package's declarations and their @pulumi/pulumi, then run as
    // JavaScript (Pulumi's bundled ts-node would compile it again, with its own module settings).
    execFileSync(
      process.execPath,
      [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "."],
      {
        cwd: project,
        stdio: "pipe",
      },
    );

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

  test("the tarball holds what a user needs (SDK, provider, CLIs, simulator and fixtures, docs), no bench or tests", () => {
    const pkg = path.join(project, "node_modules", "pulumi-yamaha-nvr");
    expect(fs.realpathSync(pkg).startsWith(fs.realpathSync(project))).toBe(true);
    for (const file of [
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
      "dist/provider/dynamic.js",
      "dist/cli/nvr.js",
      "dist/simulator/cli.js",
      "simulator/fixtures/seed-start.conf",
      "docs/overlap-safe-vpn.md",
      "examples/home-lab/index.ts",
      "README.md",
    ])
      expect(fs.existsSync(path.join(pkg, file))).toBe(true);
    for (const absent of ["dist/bench", "dist/scripts", "dist/test", "test", "provider", "bench"])
      expect(fs.existsSync(path.join(pkg, absent))).toBe(false);
    // One @pulumi/pulumi: the project's, not a nested copy under the package.
    expect(fs.existsSync(path.join(pkg, "node_modules", "@pulumi", "pulumi"))).toBe(false);
    const installed = JSON.parse(
      fs.readFileSync(path.join(project, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
    ) as { version: string };
    expect(installed.version).toBe(PULUMI_VERSION);
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
