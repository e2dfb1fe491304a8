/**
 * `npm run demo`: the whole thing on one machine, offline. A simulated NVR510 holding the seed's starting network,
 * `pulumi up` of examples/home-lab against it, the change on the router as a diff of `show config`, proof that a VPN
 * client whose home LAN overlaps the office LAN now reaches the file server, then `pulumi destroy`. Everything it
 * starts or writes (simulator, Pulumi processes, state, stack config) is gone when it exits, on failure or Ctrl-C too.
 */
import { execFileSync, spawn, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createTwoFilesPatch } from "diff";
import { buildNetwork, reach, type ReachResult } from "../provider/analysis";
import { parseConfig } from "../provider/config/parse";
import { redact } from "../provider/secrets";
import { startSimulator, type Simulator } from "../simulator";
import { ensurePulumi, offlinePulumiEnv, routerStackConfig } from "./pulumi-toolchain";

/** The repository root, from src (scripts/) or build (dist/scripts/). */
const ROOT = [path.resolve(__dirname, ".."), path.resolve(__dirname, "..", "..")].find((d) =>
  fs.existsSync(path.join(d, "Pulumi.yaml")),
) as string;

const SEED_START = path.join(ROOT, "simulator", "fixtures", "seed-start.conf");

/** The claim the seed is about: a client whose home LAN is the office LAN, and the office file server. */
const OVERLAPPING_CLIENT = "192.168.11.0/24";
const FILE_SERVER = { ip: "192.168.11.240", proto: "tcp" as const, port: 445 };

/** A password nobody typed: the demo's router and VPN secrets exist only for this run. */
function throwaway(): string {
  return randomBytes(12).toString("hex");
}

/** Whatever must be undone before exit, newest first. */
const cleanups: (() => void | Promise<void>)[] = [];
const children = new Set<ChildProcess>();

/** Ends a Pulumi run with everything it started (language host, providers): its whole process group. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const pid = child.pid;
  const signal = (s: NodeJS.Signals): void => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is already gone
    }
  };
  return new Promise((resolve) => {
    const force = setTimeout(() => signal("SIGKILL"), 5_000);
    child.once("close", () => {
      clearTimeout(force);
      signal("SIGKILL"); // plugins that outlived the CLI
      resolve();
    });
    signal("SIGTERM");
  });
}

async function cleanUp(): Promise<void> {
  await Promise.all([...children].map(stop));
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (e) {
      console.error(`clean-up: ${(e as Error).message}`);
    }
  }
}

function heading(title: string): void {
  console.log(`\n== ${title} ${"=".repeat(Math.max(0, 72 - title.length))}`);
}

class Pulumi {
  constructor(
    private readonly project: string,
    private readonly binDir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly stack: string,
  ) {}

  /** Runs `pulumi ARGS --stack S`; the engine's output is shown only when it fails (it names what went wrong). */
  run(args: string[], opts: { stack?: boolean } = {}): Promise<string> {
    const full = [
      ...args,
      ...(opts.stack === false ? [] : ["--stack", this.stack]),
      "--non-interactive",
      "--color",
      "never",
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(this.binDir, "pulumi"), full, {
        cwd: this.project,
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group, so clean-up can end the CLI together with the plugins it started.
        detached: true,
      });
      children.add(child);
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => {
        children.delete(child);
        if (code === 0) resolve(out);
        else reject(new Error(`pulumi ${args.slice(0, 2).join(" ")} failed (exit ${code}):\n${redact(out)}`));
      });
    });
  }
}

/** The engine's summary: the "Resources:" block and the duration, indented as the CLI prints them. */
function summary(output: string): string {
  const m = /\nResources:\n((?: {4}.*\n)+)/.exec(output);
  const duration = /\nDuration: (.*)\n/.exec(output)?.[1];
  return `${m ? m[1].trimEnd() : "    (no summary)"}${duration ? `\n    in ${duration}` : ""}`;
}

/** A unified diff of two `show config` texts, each masked first (a diff's +/- prefix hides a line's command). */
function configDiff(fromName: string, from: string, toName: string, to: string): string {
  const patch = createTwoFilesPatch(fromName, toName, redact(from), redact(to), undefined, undefined, {
    context: 1,
  });
  // Drop the "=====" banner; keep the ---/+++ headers and the hunks.
  return patch.split("\n").slice(1).join("\n").trimEnd();
}

function reachability(config: string): ReachResult {
  return reach(buildNetwork(parseConfig(config), "NVR510"), {
    clientLan: OVERLAPPING_CLIENT,
    service: FILE_SERVER,
  });
}

function describe(r: ReachResult): string {
  return r.reachable ? `REACHABLE at ${r.via}\n    ${r.reason}` : `NOT reachable\n    ${r.reason}`;
}

async function demo(project: string): Promise<boolean> {
  const started = Date.now();
  heading("Pulumi CLI");
  const binDir = ensurePulumi(ROOT);
  console.log(
    `pulumi ${execFileSync(path.join(binDir, "pulumi"), ["version"], { encoding: "utf8" }).trim()} in ${binDir}`,
  );

  heading("Simulated router");
  const password = throwaway();
  const adminPassword = throwaway();
  const sim: Simulator = await startSimulator({
    model: "nvr510",
    config: fs.readFileSync(SEED_START, "utf8"),
    password,
    adminPassword,
  });
  cleanups.push(() => sim.stop());
  console.log(
    `NVR510 on ${sim.host}:${sim.port} (host key ${sim.fingerprint}), loaded with the seed's starting network`,
  );
  console.log(`  ${path.relative(ROOT, SEED_START)}: the VPN pool lies inside lan1 192.168.11.0/24, no NAT`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-demo-"));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const stack = `demo-${process.pid}`;
  // Stack config lives next to Pulumi.yaml; it holds only ciphertext, and goes with the stack.
  cleanups.push(() => fs.rmSync(path.join(project, `Pulumi.${stack}.yaml`), { force: true }));
  const pulumi = new Pulumi(project, binDir, offlinePulumiEnv(binDir, tmp, throwaway()), stack);

  heading("pulumi up (examples/home-lab)");
  await pulumi.run(["stack", "init", stack], { stack: false });
  const router = routerStackConfig(sim, { user: "user", password, adminPassword });
  const settings = Object.entries(router.settings);
  const secrets: [string, string][] = [
    ...Object.entries(router.secrets),
    ["home-lab:vpnPreSharedKey", throwaway()],
    ...[1, 2, 3, 4, 5].map((i): [string, string] => [`home-lab:vpnPassword${i}`, throwaway()]),
  ];
  for (const [key, value] of settings) await pulumi.run(["config", "set", key, value]);
  for (const [key, value] of secrets) await pulumi.run(["config", "set", "--secret", key, value]);
  console.log(
    `stack ${stack}: local file backend in ${tmp}; router passwords, VPN passwords and key set as secrets`,
  );

  const before = sim.runningConfig();
  const up = await pulumi.run(["up", "--yes", "--skip-preview"]);
  console.log(summary(up));
  const after = sim.runningConfig();
  if (after === before)
    throw new Error(
      `pulumi up changed nothing on the router: does ${path.join(project, "Pulumi.yaml")} run dist/examples/home-lab/index.js?`,
    );

  heading("What changed on the router (show config, secrets masked)");
  console.log(configDiff("before (seed start)", before, "after pulumi up", after));
  const saved = sim.savedConfig() === after;
  console.log(saved ? "saved: the startup config holds the change" : "NOT saved: the startup config differs");

  heading(
    `Reachability: VPN client with home LAN ${OVERLAPPING_CLIENT} -> file server ${FILE_SERVER.ip} tcp/445`,
  );
  const was = reachability(before);
  const now = reachability(after);
  console.log(`before: ${describe(was)}`);
  console.log(`after:  ${describe(now)}`);

  heading("pulumi destroy");
  console.log(summary(await pulumi.run(["destroy", "--yes", "--skip-preview"])));
  await pulumi.run(["stack", "rm", "--yes"]);
  const restored = sim.runningConfig() === before && sim.savedConfig() === before;
  console.log(
    restored
      ? "the router's running and saved config are back to the starting network"
      : `the router did NOT return to the starting network:\n${configDiff("start", before, "after destroy", sim.runningConfig())}`,
  );

  heading("Result");
  const ok = saved && !was.reachable && now.reachable && restored;
  console.log(`${ok ? "OK" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

async function main(): Promise<void> {
  let exiting = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      console.error(`\n${signal}: stopping the simulator and removing temporary files`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  let ok = false;
  try {
    ok = await demo(ROOT);
  } catch (e) {
    console.error(`\ndemo failed: ${redact((e as Error).message)}`);
  } finally {
    await cleanUp();
  }
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) void main();
