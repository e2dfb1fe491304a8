import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Shell, showConfigText } from "./helpers";

const ROOT = join(__dirname, "../..");
// Runs the TypeScript CLI directly: transpile-only require hook from the installed TypeScript.
const REGISTER = `const ts=require("typescript");require.extensions[".ts"]=(m,f)=>m._compile(ts.transpileModule(require("fs").readFileSync(f,"utf8"),{compilerOptions:{module:ts.ModuleKind.CommonJS,target:ts.ScriptTarget.ES2022,esModuleInterop:true}}).outputText,f);require(process.argv.splice(1,1)[0]);`;

function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ["-e", REGISTER, join(ROOT, "simulator/cli.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (/fingerprint .*\n/.test(out)) resolve(out);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, ready };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

const portOf = (out: string): number => Number(/^listening on 127\.0\.0\.1:(\d+)$/m.exec(out)?.[1]);

/** Runs the CLI to its exit; returns the exit code and stderr. */
async function failedRun(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, ["-e", REGISTER, join(ROOT, "simulator/cli.ts"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const code = await exited(child);
  return { code, err };
}

describe("nvr-sim CLI", () => {
  test("--port 0 prints the address and fingerprint, serves the loaded dump, stops on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-cli-"));
    const file = join(dir, "rtx830.conf");
    writeFileSync(file, showConfigText("rtx830-l2tpv3-ipsec-initiator.txt"));
    const { child, ready } = startCli(
      ["--port", "0", "--model", "rtx830", "--config", file, "--state-dir", dir, "--user", "ops"],
      { NVR_SIM_PASSWORD: "s3cret", NVR_SIM_ADMIN_PASSWORD: "adm1n" },
    );
    try {
      const out = await ready;
      const port = portOf(out);
      expect(port).toBeGreaterThan(0);
      expect(out).toMatch(/^host key fingerprint SHA256:[A-Za-z0-9+/]{43} \(RSA\)$/m);
      const sh = await Shell.open({ port }, { user: "ops", password: "s3cret" });
      await sh.login();
      await sh.unpaged();
      await sh.administrator("adm1n");
      const shown = await sh.run("show config");
      expect(shown).toContain("# RTX830 Rev.");
      expect(shown).toContain("\ntunnel select 1\n tunnel encapsulation l2tpv3\n");
      expect(shown).toContain("\n  ipsec ike pre-shared-key 1 text yamaha\n");
      sh.close();
      const exit = exited(child);
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  test("a bad option value is named in the error", async () => {
    const { code, err } = await failedRun(["--port", "x"]);
    expect(code).not.toBe(0);
    expect(err).toContain("--port must be a whole number");
  });

  test("--model takes every simulated model in any case; an unknown one is named with the choices", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-cli-"));
    const file = join(dir, "rtx1500.conf");
    writeFileSync(file, showConfigText("rtx1500-nat-dhcp-serial.txt"));
    const { child, ready } = startCli([
      "--port",
      "0",
      "--model",
      "RTX1500",
      "--config",
      file,
      "--state-dir",
      dir,
    ]);
    try {
      const sh = await Shell.open({ port: portOf(await ready) });
      await sh.login();
      await sh.run("console lines infinity");
      const shown = await sh.run("show config");
      expect(shown).toMatch(/^# RTX1500 Rev\.8\.03\.90 /);
      expect(shown).toContain("nat descriptor masquerade static 1 1 10.17.127.4 tcp www");
      sh.close();
    } finally {
      child.kill("SIGTERM");
      await exited(child);
    }
    const { code, err } = await failedRun(["--port", "0", "--model", "rtx9999"]);
    expect(code).not.toBe(0);
    expect(err).toContain("--model");
    for (const model of ["nvr510", "nvr700w", "rtx1100", "rtx1200", "rtx1220", "rtx1300", "rtx5000"])
      expect(err).toContain(model);
  });

  test("--fault injects the API's faults: error-on with and without a message, drop-on, drop-after-commands", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-cli-"));
    const events = join(dir, "events.jsonl");
    const { child, ready } = startCli([
      ...["--port", "0", "--state-dir", dir, "--events", events],
      ...["--fault", "error-on:Device busy=^ip lan2 "],
      ...["--fault", "error-on=^ip route 10\\.7\\."],
      ...["--fault", "drop-on=^ip route 10\\.5\\."],
      ...["--fault", "drop-after-commands=6"],
    ]);
    try {
      const port = portOf(await ready);
      const first = await Shell.open({ port });
      await first.login();
      await first.run("console character en.ascii"); // command 1
      await first.administrator(); // command 2; the password line is not a command
      expect(await first.run("ip lan2 address 192.168.1.9/24")).toBe("Error: Device busy");
      expect(await first.run("ip route 10.7.0.0/16 gateway 192.168.11.1")).toBe(
        "Error: Invalid command name",
      );
      expect(await first.run("ip route 10.6.0.0/16 gateway 192.168.11.1")).toBe("");
      first.send("ip route 10.8.0.0/16 gateway 192.168.11.1\r"); // command 6: runs, then the cut
      await first.closedWithin();
      const second = await Shell.open({ port });
      await second.login();
      await second.administrator();
      second.send("ip route 10.5.0.0/16 gateway 192.168.11.1\r");
      await second.closedWithin();
      const third = await Shell.open({ port });
      await third.login();
      await third.unpaged();
      expect(await third.run("show config | grep ^ip.(route|lan2)")).toBe(
        [
          "Searching ...",
          "ip route 10.6.0.0/16 gateway 192.168.11.1",
          "ip route 10.8.0.0/16 gateway 192.168.11.1",
        ].join("\n"),
      );
      third.close();
      const reasons = readFileSync(events, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { type: string; reason?: string })
        .filter((e) => e.type === "disconnect")
        .map((e) => e.reason);
      expect(reasons.slice(0, 2)).toEqual(["fault: drop-after-commands", "fault: drop-on"]);
    } finally {
      child.kill("SIGKILL");
    }
  });

  test("a bad --fault value stops the CLI with an error naming the option and the reason", async () => {
    const cases: [string, string][] = [
      ["drop-after-commands=0", "drop-after-commands needs a whole number of at least 1"],
      ["drop-on=(", "drop-on: not a regular expression"],
      ["error-on", "error-on needs a regular expression after '='"],
      ["error-on:=x", "the message after ':' is empty"],
      ["drop-on:why=x", "drop-on takes no message"],
      ["restart-on=x", 'unknown fault "restart-on"'],
    ];
    const runs = await Promise.all(cases.map(([spec]) => failedRun(["--port", "0", "--fault", spec])));
    runs.forEach(({ code, err }, i) => {
      expect(code).not.toBe(0);
      expect(err).toContain(`option '--fault <spec>' argument '${cases[i][0]}' is invalid`);
      expect(err).toContain(cases[i][1]);
    });
  });
});
