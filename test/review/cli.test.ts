import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { importCommand } from "../../cli/commands/import";
import { planCommand } from "../../cli/commands/plan";
import { startSimulator, type Simulator } from "../../simulator";
import { nvr, runIn } from "../cli-helpers";
import { SEED_FINAL_ADDED } from "./seed-final-lines";

// In-process runs resolve the SDK's package name through jest; the spawned CLI uses its own resolver alias.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"), { virtual: true });

const ROOT = path.join(__dirname, "../..");
const PROGRAM = path.join(__dirname, "fixtures", "seed-final");
const START = path.join(ROOT, "simulator", "fixtures", "seed-start.conf");
const FINAL = path.join(ROOT, "test", "fixtures", "seed", "fix-c-twice-nat.conf");
const SECRETS = ["--config", "userPassword=s3cret-user-pw", "--config", "preSharedKey=example-psk"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-review-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("nvr plan as a process", () => {
  it("runs a program that imports pulumi-yamaha-nvr, prints the diff, lint and checks, exits 0", () => {
    const res = nvr("plan", PROGRAM, "--from", START, ...SECRETS);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^\+ip lan1 nat descriptor reverse 30$/m);
    expect(res.stdout).toMatch(/^-ip lan1 proxyarp on$/m);
    expect(res.stdout).toMatch(
      /^ {2}PASS overlapping client reaches the file server: reachable via 192\.168\.253\.240/m,
    );
    expect(res.stdout).toMatch(/^ {2}PASS lan2 hosts keep their real address towards lan1/m);
    expect(res.stdout).not.toContain("s3cret-user-pw");
  });

  it("--format markdown prints a pull-request comment", () => {
    const res = nvr("plan", PROGRAM, "--from", START, "--format", "markdown", ...SECRETS);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^### nvr plan: ✅ passes/);
    expect(res.stdout).toContain("```diff\n--- before\n+++ after\n");
    expect(res.stdout).toContain("| Result | Check | Detail |");
  });

  it("exits 1 when a check fails, naming it", () => {
    const checks = write(
      "failing.yaml",
      "- name: file server hidden\n  client-lan: 192.168.11.0/24\n  service: 192.168.11.240:tcp/445\n  expect: unreachable\n",
    );
    const res = nvr("plan", PROGRAM, "--from", START, "--checks", checks, ...SECRETS);
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^ {2}FAIL file server hidden: reachable via 192\.168\.253\.240/m);
    expect(res.stdout).toMatch(/result: FAIL\n$/);
  });

  it("exits 2 on bad input: no config source, a bad checks file, a missing program", () => {
    const none = nvr("plan", PROGRAM, ...SECRETS);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("nvr plan: give exactly one of --from FILE or --router\n");
    const bad = write("bad.yaml", "- client-lan: 192.168.11.0/24\n  expect: reachable\n");
    const badChecks = nvr("plan", PROGRAM, "--from", START, "--checks", bad, ...SECRETS);
    expect(badChecks.status).toBe(2);
    expect(badChecks.stderr).toBe(`nvr plan: ${bad}: check 1: service: Required\n`);
    const missing = nvr("plan", path.join(tmp, "nowhere"), "--from", START);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nowhere: not a directory/);
  });

  it("plans without secrets: the ones no config gives are masked and named on stderr", () => {
    const res = nvr("plan", PROGRAM, "--from", START, "--stack", "other");
    expect(res.status).toBe(0);
    expect(res.stderr).toBe(
      "nvr plan: secrets not given, planned as ********: seed-final:userPassword, seed-final:preSharedKey\n",
    );
    expect(res.stdout).toMatch(/^\+ pp auth username someone@somewhere \*{8}$/m);
  });
});

describe("nvr plan of examples/home-lab against the seed's starting network", () => {
  // The root Pulumi.yaml (project home-lab) points `main` at examples/home-lab/, where checks.yaml lives.
  const config = [
    ...[1, 2, 3, 4, 5].flatMap((n) => ["--config", `vpnPassword${n}=home-lab-secret-${n}`]),
    "--config",
    "vpnPreSharedKey=home-lab-psk-value",
  ];

  it("shows the seed's final lines as added, proxyarp and the lan1 DHCP server as removed; lint clean; checks pass", () => {
    const res = nvr("plan", ".", "--from", START, ...config);
    expect(res.status).toBe(0);
    const lines = res.stdout.split("\n");
    const added = lines.filter((l) => l.startsWith("+") && !l.startsWith("+++")).map((l) => l.slice(1));
    const removed = lines.filter((l) => l.startsWith("-") && !l.startsWith("---")).map((l) => l.slice(1));
    expect(added).toEqual(
      expect.arrayContaining([
        ...SEED_FINAL_ADDED,
        "nat descriptor address outer 30 192.168.253.254",
        "nat descriptor address inner 30 192.168.11.254",
        "nat descriptor type 40 nat",
        "nat descriptor address outer 40 192.168.11.254",
        "nat descriptor address inner 40 192.168.253.254",
      ]),
    );
    expect(removed).toEqual(
      expect.arrayContaining([
        "ip lan1 proxyarp on",
        "ip lan1 dhcp service server",
        " ip pp remote address pool dhcp",
      ]),
    );
    expect(res.stdout).toContain("Lint on the result:\n  no findings\n");
    const checks = lines.filter((l) => /^ {2}(PASS|FAIL) /.test(l));
    expect(checks).toHaveLength(6);
    expect(checks.every((l) => l.startsWith("  PASS "))).toBe(true);
    expect(res.stdout).toMatch(
      /^ {2}PASS a VPN client whose home LAN is the office LAN reaches the file server at its alias: reachable via 192\.168\.253\.240/m,
    );
    expect(res.stdout + res.stderr).not.toMatch(/home-lab-secret|home-lab-psk-value/);
  });

  it("--format markdown: fenced diff and a table row per check", () => {
    const res = nvr("plan", ".", "--from", START, "--format", "markdown", ...config);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^### nvr plan: ✅ passes\n/);
    expect(res.stdout).toMatch(
      /```diff\n--- before\n\+\+\+ after\n@@ [^\n]+\n\+ip route 192\.168\.253\.240\/32 gateway 192\.168\.11\.240\n/,
    );
    expect(res.stdout.match(/^\| ✅ pass \| /gm)).toHaveLength(6);
    expect(res.stdout).toContain("No findings.");
  });
});

describe("nvr import as a process", () => {
  it("prints the program on stdout and what went where on stderr", () => {
    const res = nvr("import", "--from", FINAL);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^import \* as nvr from "pulumi-yamaha-nvr";$/m);
    expect(res.stdout).toContain('new nvr.L2tpAnonymousPool("pp-anonymous", {');
    expect(res.stderr.split("\n")).toEqual([
      "nvr import: 42 config lines: 39 in typed resources, 3 in ConfigLines, 0 not expressed",
      expect.stringMatching(/^nvr import: in ConfigLines: dhcp scope 1: .*192\.168\.5\.5/),
      "",
    ]);
    expect(res.stdout).toContain('new nvr.ConfigLines("lines-dhcp", {');
    expect(res.stdout + res.stderr).not.toMatch(/placeholder-(password|key)/);
  });

  it("exits 2 without a source", () => {
    const res = nvr("import");
    expect(res.status).toBe(2);
    expect(res.stderr).toBe("nvr import: give --from FILE or --host (with --user)\n");
  });
});

describe("plan and import against a live router (nvr-sim)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ config: fs.readFileSync(START, "utf8") });
  });
  afterAll(() => sim.stop());

  it("nvr plan --router reads the live config (stack config nvr:model, --host flags)", async () => {
    const res = await runIn(
      planCommand,
      [PROGRAM],
      {
        router: true,
        host: sim.host,
        port: String(sim.port),
        user: "user",
        hostKey: sim.fingerprint,
        config: ["userPassword=s3cret-user-pw", "preSharedKey=example-psk"],
      },
      { NVR_PASSWORD: "password", NVR_ADMIN_PASSWORD: "admin" },
    );
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^-ip lan1 proxyarp on$/m);
    expect(res.stdout).toMatch(/^\+nat descriptor type 30 nat$/m);
    expect(res.stdout).not.toMatch(/s3cret-user-pw|example-psk|vpnpass1/);
  });

  it("nvr plan --router takes the connection from the stack's nvr:* config", async () => {
    // A copy of the fixture program whose Pulumi.dev.yaml names the simulator (inside the repository, so the
    // program resolves @pulumi/pulumi).
    const dir = fs.mkdtempSync(path.join(__dirname, "fixtures", ".stack-"));
    try {
      for (const f of ["Pulumi.yaml", "index.ts", "checks.yaml"])
        fs.copyFileSync(path.join(PROGRAM, f), path.join(dir, f));
      fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        [
          "config:",
          `  nvr:host: ${sim.host}`,
          `  nvr:port: ${sim.port}`,
          "  nvr:username: user",
          `  nvr:hostKey: ${sim.fingerprint}`,
          "  nvr:password: password",
          "  nvr:adminPassword:",
          "    secure: v1:bm90LWRlY3J5cHRhYmxl",
          "  seed-final:userPassword: s3cret-user-pw",
          "  seed-final:preSharedKey: example-psk",
          "",
        ].join("\n"),
      );
      // The secure admin password cannot be decrypted here: it comes from the environment.
      const res = await runIn(
        planCommand,
        [dir],
        { router: true, format: "markdown" },
        { NVR_ADMIN_PASSWORD: "admin" },
      );
      expect(res.stderr).toBe("");
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/^-ip lan1 proxyarp on$/m);
      expect(res.stdout).not.toMatch(/s3cret-user-pw|vpnpass1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("nvr import --host reads the live router", async () => {
    const res = await runIn(
      importCommand,
      [],
      { host: sim.host, port: String(sim.port), user: "user", hostKey: sim.fingerprint },
      { NVR_PASSWORD: "password", NVR_ADMIN_PASSWORD: "admin" },
    );
    expect(res.status).toBe(0);
    const program = res.stdout;
    expect(program).toContain('new nvr.LanInterface("lan1", {');
    expect(program).toContain("proxyArp: true,");
    expect(program).toContain(`// Generated by \`nvr import\` from 127.0.0.1:${sim.port}`);
    expect(program).not.toMatch(/vpnpass1|example-psk/);
  });

  it("nvr import exits 1 when the router cannot be read", async () => {
    const res = await runIn(
      importCommand,
      [],
      { host: sim.host, port: String(sim.port), user: "user", hostKey: `SHA256:${"A".repeat(43)}` },
      { NVR_PASSWORD: "password", NVR_ADMIN_PASSWORD: "admin" },
    );
    expect(res).toMatchObject({ status: 1, stdout: "" });
    expect(res.stderr).toMatch(/^nvr import: .*host key mismatch/);
  });
});
