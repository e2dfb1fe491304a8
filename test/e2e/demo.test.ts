// `npm run demo` as a user runs it (the built dist/scripts/demo.js): its sections and verdicts, and that it
// leaves nothing behind — no simulator listening, no Pulumi process, no temporary directory, no stack config —
// whether it finishes or is interrupted.
import { spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { REPO_ROOT } from "./harness";

jest.setTimeout(240_000);

const DEMO = path.join(REPO_ROOT, "dist", "scripts", "demo.js");

interface DemoRun {
  code: number | null;
  out: string;
}

/** Runs the demo; `interruptWhen` sends SIGINT once the output matches it. */
function runDemo(interruptWhen?: RegExp): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DEMO], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let interrupted = false;
    const feed = (d: Buffer): void => {
      out += d.toString("utf8");
      if (interruptWhen && !interrupted && interruptWhen.test(out)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    };
    child.stdout.on("data", feed);
    child.stderr.on("data", feed);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}

/** Processes whose environment points PULUMI_HOME into `dir`: the demo's Pulumi CLI, language host, providers. */
function processesUsing(dir: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/environ`, "utf8").includes(`PULUMI_HOME=${dir}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** What a run left behind, from the simulator port and temporary directory it printed. */
async function leftovers(out: string): Promise<string[]> {
  const found: string[] = [];
  const port = /NVR510 on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
  if (port && !(await refused(Number(port)))) found.push(`simulator still listening on ${port}`);
  const tmp = /local file backend in (\S+);/.exec(out)?.[1];
  if (tmp && fs.existsSync(tmp)) found.push(`temporary directory ${tmp}`);
  if (tmp) for (const pid of processesUsing(path.join(tmp, "home"))) found.push(`process ${pid}`);
  const stack = /stack (demo-\d+):/.exec(out)?.[1];
  if (stack && fs.existsSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`)))
    found.push(`Pulumi.${stack}.yaml`);
  return found;
}

describe("npm run demo", () => {
  test("runs home-lab against the seed's router, proves the overlapping client reaches the file server, cleans up", async () => {
    const { code, out } = await runDemo();
    expect(out).toContain("== What changed on the router");
    expect(out).toMatch(/^\+ip lan1 nat descriptor reverse 30$/m);
    expect(out).toMatch(/^-ip lan1 proxyarp on$/m);
    expect(out).toMatch(/^\+ pp auth username someone@somewhere \*{8}$/m);
    expect(out).toMatch(/before: NOT reachable\n\s+every pp anonymous pool address lies inside/);
    expect(out).toMatch(/after: +REACHABLE at 192\.168\.253\.240/);
    expect(out).toContain("the router's running and saved config are back to the starting network");
    expect(out).toMatch(/^OK in [\d.]+ s$/m);
    expect(code).toBe(0);
    expect(await leftovers(out)).toEqual([]);
  });

  test("interrupted during pulumi up, it still stops everything it started", async () => {
    const { code, out } = await runDemo(/local file backend in/);
    expect(out).toContain("SIGINT: stopping the simulator and removing temporary files");
    expect(code).toBe(130);
    expect(await leftovers(out)).toEqual([]);
  });
});
