import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError } from "../../cli/commands/config";
import { lintCommand } from "../../cli/commands/lint";
import { parseService, reachCommand } from "../../cli/commands/reach";
import { traceCommand } from "../../cli/commands/trace";
import { seedFile, seedText } from "./fixtures";

const ROOT = path.join(__dirname, "../..");
// Runs cli/nvr.ts in a real node process: transpile-only require hook from the installed TypeScript.
const RUN = `const ts=require("typescript");require.extensions[".ts"]=(m,f)=>m._compile(ts.transpileModule(require("fs").readFileSync(f,"utf8"),{compilerOptions:{module:ts.ModuleKind.CommonJS,target:ts.ScriptTarget.ES2022,esModuleInterop:true}}).outputText,f);require(process.argv[1]).buildProgram().parseAsync(process.argv.slice(2),{from:"user"}).catch(e=>{process.stderr.write("nvr: "+e.message+"\\n");process.exitCode=1});`;

function nvr(...args: string[]) {
  return spawnSync(process.execPath, ["-e", RUN, path.join(ROOT, "cli/nvr.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-analysis-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FIX_C = seedFile("fix-c-twice-nat");

describe("nvr trace / reach / lint as a process", () => {
  it("trace --json prints exactly the issue's object, reply included", () => {
    const res = nvr(
      "trace",
      "--config",
      FIX_C,
      "--in",
      "pp:anonymous",
      "--src",
      "192.168.254.1",
      "--dst",
      "192.168.253.240",
      "--proto",
      "tcp",
      "--dport",
      "445",
      "--json",
    );
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as Record<string, unknown> & { reply: Record<string, unknown> };
    expect(Object.keys(out)).toEqual(["verdict", "egress", "src", "dst", "steps", "reply"]);
    expect(out).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.254.1",
      dst: "192.168.11.240",
    });
    expect(Object.keys(out.reply)).toEqual(["verdict", "egress", "src", "dst", "steps"]);
    expect(out.reply).toMatchObject({ verdict: "delivered", egress: "pp:anonymous", src: "192.168.253.240" });
    expect((out.steps as unknown[]).every((s) => typeof s === "string")).toBe(true);
  });

  it("reach --json prints {reachable, via, reason}", () => {
    const res = nvr(
      "reach",
      "--config",
      FIX_C,
      "--client-lan",
      "192.168.11.0/24",
      "--service",
      "192.168.11.240:tcp/445",
      "--json",
    );
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["reachable", "via", "reason"]);
    expect(out).toMatchObject({ reachable: true, via: "192.168.253.240" });
    expect(typeof out.reason).toBe("string");
  });

  it("lint --json prints an array of findings and exits 1 on an error finding, 0 without", () => {
    const bad = nvr("lint", FIX_C, "--json");
    expect(bad.status).toBe(1);
    const findings = JSON.parse(bad.stdout) as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(Object.keys(f)).toEqual(["code", "severity", "message", "lines"]);
    const good = nvr("lint", seedFile("fix-a-distinct-pool"), "--json");
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual([]);
  });

  it("a bad option goes to stderr with exit 1", () => {
    const res = nvr(
      "reach",
      "--config",
      FIX_C,
      "--client-lan",
      "192.168.11.0/24",
      "--service",
      "192.168.11.240:445",
    );
    expect(res.status).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/--service: "192\.168\.11\.240:445" is not IP:tcp\/PORT/);
  });
});

describe("command functions", () => {
  it("trace prints the verdict, the steps and the reply for people", () => {
    const out = traceCommand({ config: FIX_C, in: "lan2", src: "192.168.1.7", dst: "192.168.11.240" });
    expect(out.split("\n")[0]).toBe("delivered via lan1: 192.168.1.7 → 192.168.11.240");
    expect(out).toMatch(
      /^ {2}lan2 in: NAT descriptor 40 \(nat\): dst 192\.168\.11\.240 → 192\.168\.253\.240/m,
    );
    expect(out).toMatch(/^reply: delivered via lan2: 192\.168\.11\.240 → 192\.168\.1\.7$/m);
  });

  it("trace rejects a bad port and an unknown interface", () => {
    const base = { config: FIX_C, in: "lan1", src: "192.168.11.5", dst: "192.168.1.1" };
    expect(() => traceCommand({ ...base, dport: "70000" })).toThrow(/--dport: "70000"/);
    expect(() => traceCommand({ ...base, in: "lan9" })).toThrow(CliError);
  });

  it("reach explains an unreachable service for people", () => {
    const out = reachCommand({
      config: seedFile("original"),
      clientLan: "192.168.11.0/24",
      service: "192.168.11.240:tcp/445",
    });
    expect(out).toMatch(/^not reachable: every pp anonymous pool address lies inside/);
  });

  it("parses IP:PROTO/PORT and IP:icmp", () => {
    expect(parseService("192.168.11.250:udp/53")).toEqual({ ip: "192.168.11.250", proto: "udp", port: 53 });
    expect(parseService("192.168.11.1:icmp")).toEqual({ ip: "192.168.11.1", proto: "icmp", port: undefined });
    expect(() => parseService("192.168.11.1:tcp")).toThrow(CliError);
    expect(() => parseService("192.168.11.1:icmp/3")).toThrow(CliError);
  });

  it("lint prints FILE:LINES: severity CODE: message, and --model changes the verdict", () => {
    const file = path.join(tmp, "no-compat.conf");
    fs.writeFileSync(
      file,
      seedText("fix-b-pp-anonymous-nat", ["nat descriptor backward-compatibility 1\n", ""]),
    );
    const nvr510 = lintCommand(file);
    expect(nvr510.status).toBe(1);
    expect(nvr510.output).toBe(
      `${file}:16: error PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT: NAT on pp anonymous does not work on the NVR510 while port-saving masquerade is on; add nat descriptor backward-compatibility 1 (takes effect after a restart)\n`,
    );
    expect(lintCommand(file, { model: "NVR500" })).toEqual({ output: `${file}: no findings\n`, status: 0 });
  });

  it("a malformed line is reported as FILE:LINE, and no secret of the config is printed", () => {
    const file = path.join(tmp, "bad.conf");
    fs.writeFileSync(
      file,
      seedText("fix-c-twice-nat", ["outer 30 192.168.253.254", "outer 30 192.168.253.999"]),
    );
    expect(() => lintCommand(file)).toThrow(
      `${file}:32: nat descriptor address outer: "192.168.253.999" is not an address or range A-B`,
    );
    const outputs = [
      lintCommand(FIX_C, { json: true }).output,
      traceCommand({
        config: FIX_C,
        in: "pp:anonymous",
        src: "192.168.254.1",
        dst: "192.168.11.250",
        json: true,
      }),
    ].join("");
    expect(outputs).not.toMatch(/placeholder-key|placeholder-password/);
  });
});
