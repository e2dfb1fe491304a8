import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
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
      const port = Number(/^listening on 127\.0\.0\.1:(\d+)$/m.exec(out)?.[1]);
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
    const child = spawn(process.execPath, ["-e", REGISTER, join(ROOT, "simulator/cli.ts"), "--port", "x"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    expect(await exited(child)).not.toBe(0);
    expect(err).toContain("--port must be a whole number");
  });
});
