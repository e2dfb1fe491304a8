/**
 * The offline Pulumi CLI for benchmark stacks: the toolchain from scripts/ensure-pulumi.sh, state and home in a
 * temporary directory, and each project run from a temporary copy so no stack config lands in the repository.
 * Every run is timed, and the dynamic provider's peak RSS is sampled from /proc while it runs.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { REPO_ROOT, ensurePulumi, offlinePulumiEnv } from "../scripts/pulumi-toolchain";

export { REPO_ROOT };

const PASSPHRASE = "bench-passphrase-not-a-secret";

/** A resource as the state file records it. */
export interface StateResource {
  urn: string;
  type: string;
  parent?: string;
  dependencies?: string[];
  outputs?: Record<string, unknown>;
}

export interface RunResult {
  wallMs: number;
  stdout: string;
  /** Highest VmHWM seen of the dynamic-provider processes under this run (0 when none was seen). */
  providerPeakRssBytes: number;
}

/** Process ids of `root` and all its descendants, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Peak RSS (VmHWM) of the dynamic-provider hosts among `root`'s descendants. */
function providerPeakRss(root: number): number {
  let peak = 0;
  for (const pid of descendants(root)) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider")) continue;
      const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  return peak;
}

/** One stack of a project copied into a temporary directory, with its own backend. */
export class BenchStack {
  readonly tmp: string;
  private readonly project: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly name = "bench";

  /**
   * `projectFile` is a Pulumi.yaml; its name and main are kept. The copy's index.js loads that program by path
   * and its node_modules links to the repository's, so `require("pulumi-yamaha-nvr")` and @pulumi/pulumi resolve
   * to the one installed copy.
   */
  constructor(projectFile: string) {
    const project = YAML.parse(fs.readFileSync(projectFile, "utf8")) as { name: string; main?: string };
    const program = path.resolve(path.dirname(projectFile), project.main ?? ".");
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `nvr-bench-${project.name}-`));
    this.project = path.join(this.tmp, "project");
    fs.mkdirSync(this.project);
    fs.writeFileSync(
      path.join(this.project, "Pulumi.yaml"),
      `name: ${project.name}\nmain: index.js\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n`,
    );
    fs.writeFileSync(
      path.join(this.project, "index.js"),
      `module.exports = require(${JSON.stringify(program)});\n`,
    );
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(this.project, "node_modules"));
    this.env = offlinePulumiEnv(ensurePulumi(), this.tmp, PASSPHRASE);
  }

  /** `pulumi <args>`; throws with the engine's output on a non-zero exit. */
  run(...args: string[]): Promise<RunResult> {
    const all = [...args, "--non-interactive", "--color", "never"];
    return new Promise((resolve, reject) => {
      const t0 = Date.now();
      const child = spawn(path.join(ensurePulumi(), "pulumi"), all, {
        cwd: this.project,
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let peak = 0;
      const sampler = setInterval(() => {
        if (child.pid !== undefined) peak = Math.max(peak, providerPeakRss(child.pid));
      }, 250);
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", (e) => {
        clearInterval(sampler);
        reject(e);
      });
      child.on("close", (code) => {
        clearInterval(sampler);
        const wallMs = Date.now() - t0;
        if (code === 0) resolve({ wallMs, stdout, providerPeakRssBytes: peak });
        else reject(new Error(`pulumi ${args[0]} exited ${code}\n${stdout}\n${stderr}`));
      });
    });
  }

  async init(settings: Record<string, string>, secrets: Record<string, string>): Promise<void> {
    await this.run("stack", "init", this.name);
    const pairs = (values: Record<string, string>, secret: boolean) =>
      Object.entries(values).map(([k, v]) => (secret ? ["--secret", k, v] : [k, v]));
    for (const args of [...pairs(settings, false), ...pairs(secrets, true)])
      await this.run("config", "set", ...args);
  }

  /** `pulumi up`; `parallel` is the engine's `--parallel` (default: the engine's own, 4 × CPUs). */
  up(parallel?: number): Promise<RunResult> {
    return this.run("up", "--yes", "--skip-preview", ...(parallel ? ["--parallel", String(parallel)] : []));
  }

  refresh(): Promise<RunResult> {
    return this.run("refresh", "--yes", "--skip-preview");
  }

  /** The stack's resources as `pulumi stack export --show-secrets` lists them (dependency order). */
  async resources(): Promise<StateResource[]> {
    const exported = JSON.parse((await this.run("stack", "export", "--show-secrets")).stdout) as {
      deployment: { resources?: StateResource[] };
    };
    return exported.deployment.resources ?? [];
  }

  /** Destroys nothing on the router (the simulator is thrown away); drops the stack and the temporary copy. */
  async remove(): Promise<void> {
    try {
      await this.run("stack", "rm", this.name, "--yes", "--force");
    } finally {
      fs.rmSync(this.tmp, { recursive: true, force: true });
    }
  }
}
