// The package as users get it: `npm pack` (whose prepack builds) of the project, installed from the tarball into a
// fresh project outside the repository laid out as `pulumi new typescript` makes one (its package.json, tsconfig.json
// and Pulumi.yaml; npm from its cache, never touching the repository's node_modules), type-checked with the user's
// tsc, then examples/home-lab's index.ts run by Pulumi itself (its ts-node, no build step) against a simulated
// NVR510. Catches files missing from the package, types that only resolve inside this repository or under other
// module settings, and providers that only work from inside it. NVR_PULUMI_SDK picks the @pulumi/pulumi the project
// installs (CI runs the lowest version the peer range allows and the pinned development one).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Simulator } from "../../simulator";
import { makeTmpDir, pulumiEnv, REPO_ROOT, runPulumi, type PulumiResult } from "./harness";
import { handEdit, SECRETS, startSeedRouter } from "./lab";

jest.setTimeout(600_000);

const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const PULUMI_VERSION = process.env.NVR_PULUMI_SDK ?? PACKAGE.devDependencies["@pulumi/pulumi"];

/** tsconfig.json of `pulumi new typescript` (pulumi/templates, typescript/tsconfig.json). */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

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
    // What `pulumi new typescript` writes (pulumi/templates, typescript/), with our package added and the
    // @pulumi/pulumi under test.
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "home-lab-installed",
        main: "index.ts",
        devDependencies: { "@types/node": "^18", typescript: "^5.0.0" },
        dependencies: {
          "@pulumi/pulumi": PULUMI_VERSION,
          "pulumi-yamaha-nvr": `file:${path.join(tmp, packed[0].filename)}`,
        },
      }),
    );
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG));
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      "name: home-lab\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n",
    );
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "home-lab", "index.ts"), path.join(project, "index.ts"));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: project,
      stdio: "pipe",
    });
    // The user's type check (an editor or CI); Pulumi then runs index.ts itself, compiled by its ts-node.
    execFileSync(
      process.execPath,
      [path.join(project, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."],
      { cwd: project, stdio: "pipe" },
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
    // Run from index.ts by Pulumi's ts-node: nothing was compiled to disk.
    expect(fs.existsSync(path.join(project, "bin"))).toBe(false);
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

  test("refresh stores a hand edit as the resource's inputs, so the next preview diffs from the router's lines", async () => {
    await handEdit(sim, ["ip route 192.168.253.240/32 gateway 192.168.11.241"]);
    const refresh = await pulumi("refresh", "--yes", "--skip-preview");
    expect(refresh.stdout).toMatch(/~ 1 updated/);

    // The diff starts from the router's gateway, not from what the last up wrote.
    const preview = await pulumi("preview", "--diff");
    expect(preview.stdout).toMatch(/~ 1 to update/);
    // The host routes are a StaticRoutes table, its lines one string in state: the preview diffs it line by line.
    expect(preview.stdout).toMatch(
      /^\s*- ip route 192\.168\.253\.240\/32 gateway 192\.168\.11\.241\n\s*\+ ip route 192\.168\.253\.240\/32 gateway 192\.168\.11\.240$/m,
    );
    // Because read() returns the router's lines as the resource's inputs too (kept from @pulumi/pulumi 3.216.0; an
    // older host drops them and leaves the inputs of the last up, and the preview then names no drift).
    const state = JSON.parse((await pulumi("stack", "export")).stdout) as {
      deployment: { resources: { urn: string; inputs?: unknown }[] };
    };
    const routes = state.deployment.resources.filter((r) => r.urn.endsWith("::home-lab-host-routes"));
    expect(routes).toHaveLength(1);
    expect(JSON.stringify(routes[0].inputs)).toContain("192.168.11.241");

    await pulumi("up", "--yes", "--skip-preview");
    expect(sim.savedConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240\n");
    await pulumi("preview", "--expect-no-changes");
  });

  test("destroy with the installed provider returns the router to the starting network", async () => {
    await pulumi("destroy", "--yes", "--skip-preview");
    expect(sim.runningConfig()).toBe(start);
    expect(sim.savedConfig()).toBe(start);
  });
});
