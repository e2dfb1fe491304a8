// Child processes of the fault campaign: a runner that hands out the child (the kill and stop cases need its pid)
// and never hangs the campaign, the process tree read from /proc (pulumi starts the dynamic provider two levels
// down), and a small pool so cases run a few at a time on a 2-core machine.
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The runner killed the process tree after `timeoutMs`. */
  timedOut: boolean;
  ms: number;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Run>;
}

/**
 * Spawns `cmd args`; `done` resolves whatever the exit code. After `timeoutMs` the whole tree is killed (each
 * descendant by its pid, so an orphaned provider does not outlive the case) and the run is marked timed out.
 */
export function start(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Started {
  const began = Date.now();
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) signalTree(child.pid, "SIGKILL");
  }, opts.timeoutMs);
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, timedOut, ms: Date.now() - began });
    });
  });
  return { child, done };
}

interface ProcInfo {
  pid: number;
  ppid: number;
}

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      out.push({ pid: Number(entry), ppid });
    } catch {
      // The process ended while we listed it.
    }
  }
  return out;
}

/** Every process below `root` (not `root` itself), parents before children. */
export function descendants(root: number): number[] {
  const all = processes();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const p of all) {
      if (p.ppid === parent) {
        found.push(p.pid);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** The dynamic provider's node processes under a `pulumi` process: @pulumi/pulumi's cmd/dynamic-provider. */
export function providerPids(pulumiPid: number): number[] {
  return descendants(pulumiPid).filter((pid) => cmdline(pid).includes("dynamic-provider"));
}

/** Sends `signal` to `root` and everything below it, each by pid; processes already gone are skipped. */
export function signalTree(root: number, signal: NodeJS.Signals): void {
  for (const pid of [root, ...descendants(root)]) signalPid(pid, signal);
}

/** Whether `pid` still runs: neither gone nor a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already exited.
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Polls `check` until it returns a value, or resolves undefined after `timeoutMs`: every few milliseconds, and on
 * every turn of the event loop while `near()` says the moment is close (the simulator runs on this loop, so a check
 * each turn sees each command as it is logged).
 */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs: number,
  near: () => boolean = () => false,
): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) return undefined;
    await (near() ? nextTurn() : sleep(2));
  }
}

/** Runs `fn` over `items` with at most `width` at once; results in the order of `items`. */
export async function pool<T, R>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
