import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lintCommand } from "../../cli/commands/lint";
import { reachCommand } from "../../cli/commands/reach";
import { traceCommand } from "../../cli/commands/trace";
import { CliError, parseService } from "../../cli/shared";
import { nvr, runIn } from "../cli-helpers";
import { seedFile, seedText } from "./fixtures";

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
    expect(Object.keys(out)).toEqual(["verdict", "egress", "src", "dst", "steps", "filters", "reply"]);
    expect(out).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.254.1",
      dst: "192.168.11.240",
    });
    expect(Object.keys(out.reply)).toEqual(["verdict", "egress", "src", "dst", "steps", "filters"]);
    expect(out.reply).toMatchObject({ verdict: "delivered", egress: "pp:anonymous", src: "192.168.253.240" });
    expect((out.steps as unknown[]).every((s) => typeof s === "string")).toBe(true);
  });

  it("reach --json prints {reachable, via, reason, blockedBy}", () => {
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
    expect(Object.keys(out)).toEqual(["reachable", "via", "reason", "blockedBy"]);
    expect(out.blockedBy).toBeNull();
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

  it("a dropped packet exits 1, with the verdict on stdout", () => {
    const res = nvr(
      "trace",
      "--config",
      seedFile("fix-a-distinct-pool"),
      "--in",
      "pp:anonymous",
      "--src",
      "192.168.254.9",
      "--dst",
      "192.168.11.240",
    );
    expect(res.status).toBe(1);
    expect(res.stdout.split("\n")[0]).toBe("dropped");
  });
});

describe("nvr reach exit codes", () => {
  const reachArgs = (config: string, service: string) => [
    "reach",
    "--config",
    config,
    "--client-lan",
    "192.168.11.0/24",
    "--service",
    service,
  ];

  it("0 when reachable", () => {
    const res = nvr(...reachArgs(FIX_C, "192.168.11.240:tcp/445"));
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^reachable via 192\.168\.253\.240: /);
  });

  it("1 when not reachable, with the reason on stdout", () => {
    const res = nvr(...reachArgs(seedFile("original"), "192.168.11.240:tcp/445"));
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^not reachable: every pp anonymous pool address lies inside/);
    expect(res.stderr).toBe("");
  });

  it("2 on a bad --service, a missing option or an unreadable config, with the reason on stderr", () => {
    const badService = nvr(...reachArgs(FIX_C, "192.168.11.240:445"));
    expect(badService.status).toBe(2);
    expect(badService.stdout).toBe("");
    expect(badService.stderr).toMatch(/--service: "192\.168\.11\.240:445" is not IP:tcp\/PORT/);

    const missing = nvr("reach", "--config", FIX_C, "--service", "192.168.11.240:tcp/445");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/required option '--client-lan <cidr>' not specified/);

    const unreadable = nvr(...reachArgs(path.join(tmp, "missing.conf"), "192.168.11.240:tcp/445"));
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/missing\.conf: cannot read: ENOENT/);
  });
});

describe("nvr --help", () => {
  it("exits 0", () => {
    const res = nvr("--help");
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Usage: nvr /);
  });
});

describe("commands run in-process", () => {
  it("trace prints the verdict, the steps and the reply for people", async () => {
    const res = await runIn(traceCommand, [], {
      config: FIX_C,
      in: "lan2",
      src: "192.168.1.7",
      dst: "192.168.11.240",
    });
    expect(res.status).toBe(0);
    expect(res.stdout.split("\n")[0]).toBe("delivered via lan1: 192.168.1.7 → 192.168.11.240");
    expect(res.stdout).toMatch(
      /^ {2}lan2 in: NAT descriptor 40 \(nat\): dst 192\.168\.11\.240 → 192\.168\.253\.240/m,
    );
    expect(res.stdout).toMatch(/^reply: delivered via lan2: 192\.168\.11\.240 → 192\.168\.1\.7$/m);
  });

  it("trace rejects a bad port and an unknown interface as bad input", async () => {
    const base = { config: FIX_C, in: "lan1", src: "192.168.11.5", dst: "192.168.1.1" };
    const badPort = await runIn(traceCommand, [], { ...base, dport: "70000" });
    expect(badPort).toMatchObject({ status: 2, stdout: "" });
    expect(badPort.stderr).toMatch(/^--dport: "70000"/);
    const badInterface = await runIn(traceCommand, [], { ...base, in: "lan9" });
    expect(badInterface).toMatchObject({ status: 2, stdout: "" });
    expect(badInterface.stderr).toMatch(/lan9/);
  });

  it("trace names the filter that drops a packet, exits 1, and refuses bad --sport / --down", async () => {
    const file = path.join(tmp, "filtered.conf");
    const text = seedText(
      "fix-c-twice-nat",
      [
        "ip lan1 dhcp service relay 192.168.1.51\n",
        "ip lan1 dhcp service relay 192.168.1.51\nip lan1 secure filter out 1 2\n",
      ],
      ["l2tp service on\n", "l2tp service on\nip filter 1 reject * * tcp * 445\nip filter 2 pass * *\n"],
    );
    fs.writeFileSync(file, text);
    const base = {
      config: file,
      in: "pp:anonymous",
      src: "192.168.254.1",
      dst: "192.168.253.240",
      proto: "tcp" as const,
    };
    const res = await runIn(traceCommand, [], { ...base, dport: "445" });
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^ {2}dropped: lan1 out: filter 1 \(line 49\) rejects tcp\/445$/m);
    const json = await runIn(traceCommand, [], { ...base, dport: "445", json: true });
    expect(JSON.parse(json.stdout)).toMatchObject({
      blockedBy: { filter: 1, line: 49, interface: "lan1", direction: "out" },
    });
    const badSport = await runIn(traceCommand, [], { ...base, dport: "80", sport: "x" });
    expect(badSport).toMatchObject({ status: 2, stdout: "" });
    expect(badSport.stderr).toMatch(/^--sport: "x"/);
    const badDown = await runIn(traceCommand, [], { ...base, dport: "80", down: "lan1" });
    expect(badDown).toMatchObject({ status: 2, stdout: "" });
    expect(badDown.stderr).toMatch(/down: "lan1" is not a pp or tunnel interface/);
  });

  it("lint prints each filter finding with its code, lines and fix", async () => {
    const file = path.join(tmp, "undefined-filter.conf");
    fs.writeFileSync(
      file,
      seedText("fix-a-distinct-pool", [
        "ip lan1 address 192.168.11.250/24\n",
        "ip lan1 address 192.168.11.250/24\nip lan1 secure filter in 1 5\nip filter 1 pass * *\n",
      ]),
    );
    const res = await runIn(lintCommand, [file], {});
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(
      `${file}:4: error SECURE_FILTER_UNDEFINED: lan1's secure filter in (line 4) names filter 5, which no readable ip filter line defines`,
    );
    expect(res.stdout).toMatch(/^ {2}fix: define ip filter 5 \.\.\. or take it out of the list$/m);
    const json = JSON.parse((await runIn(lintCommand, [file], { json: true })).stdout) as Record<
      string,
      unknown
    >[];
    expect(json).toEqual([
      expect.objectContaining({
        code: "SECURE_FILTER_UNDEFINED",
        severity: "error",
        lines: [4],
        hint: expect.any(String),
      }),
    ]);
  });

  it("reach explains an unreachable service for people", async () => {
    const res = await runIn(reachCommand, [], {
      config: seedFile("original"),
      clientLan: "192.168.11.0/24",
      service: "192.168.11.240:tcp/445",
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^not reachable: every pp anonymous pool address lies inside/);
  });

  it("parses IP:PROTO/PORT and IP:icmp", () => {
    expect(parseService("192.168.11.250:udp/53")).toEqual({ ip: "192.168.11.250", proto: "udp", port: 53 });
    expect(parseService("192.168.11.1:icmp")).toEqual({ ip: "192.168.11.1", proto: "icmp", port: undefined });
    expect(() => parseService("192.168.11.1:tcp")).toThrow(CliError);
    expect(() => parseService("192.168.11.1:icmp/3")).toThrow(CliError);
  });

  it("lint prints FILE:LINES: severity CODE: message, and --model changes the verdict", async () => {
    const file = path.join(tmp, "no-compat.conf");
    fs.writeFileSync(
      file,
      seedText("fix-b-pp-anonymous-nat", ["nat descriptor backward-compatibility 1\n", ""]),
    );
    const nvr510 = await runIn(lintCommand, [file], {});
    expect(nvr510.status).toBe(1);
    expect(nvr510.stdout).toBe(
      `${file}:16: error PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT: NAT on pp anonymous does not work on the NVR510 while port-saving masquerade is on; add nat descriptor backward-compatibility 1 (takes effect after a restart)\n`,
    );
    expect(await runIn(lintCommand, [file], { model: "NVR500" })).toEqual({
      status: 0,
      stdout: `${file}: no findings\n`,
      stderr: "",
    });
  });

  it("a malformed line is reported as FILE:LINE, and no secret of the config is printed", async () => {
    const file = path.join(tmp, "bad.conf");
    fs.writeFileSync(
      file,
      seedText("fix-c-twice-nat", ["outer 30 192.168.253.254", "outer 30 192.168.253.999"]),
    );
    expect(await runIn(lintCommand, [file], {})).toEqual({
      status: 2,
      stdout: "",
      stderr: `${file}:32: nat descriptor address outer: "192.168.253.999" is not an address or range A-B\n`,
    });
    const outputs = [
      (await runIn(lintCommand, [FIX_C], { json: true })).stdout,
      (
        await runIn(traceCommand, [], {
          config: FIX_C,
          in: "pp:anonymous",
          src: "192.168.254.1",
          dst: "192.168.11.250",
          json: true,
        })
      ).stdout,
    ].join("");
    expect(outputs).not.toMatch(/placeholder-key|placeholder-password/);
  });
});
