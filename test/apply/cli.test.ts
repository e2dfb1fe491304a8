import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyCommand, type ApplyCliOptions } from "../../cli/commands/apply";
import { showConfigCommand, type ShowConfigCliOptions } from "../../cli/commands/show-config";
import { startSimulator, type Simulator } from "../../simulator";
import { runIn } from "../cli-helpers";
import { BASE_CONFIG, dropAfterEachCommand } from "../session/helpers";

const PASSWORDS = { NVR_PASSWORD: "password", NVR_ADMIN_PASSWORD: "admin" };
const apply = (file: string, opts: ApplyCliOptions) => runIn(applyCommand, [file], opts, PASSWORDS);
const showConfig = (opts: ShowConfigCliOptions) => runIn(showConfigCommand, [], opts, PASSWORDS);

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "nvr-apply-")), "plan.txt");
  writeFileSync(path, text);
  return path;
}

describe("nvr apply / nvr show-config", () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({
      config: BASE_CONFIG,
      faults: [{ type: "error-on", match: "^ip route 10\\.66\\." }],
    });
  });
  afterEach(() => sim.stop());
  const opts = () => ({ host: sim.host, port: String(sim.port), user: "user", hostKey: sim.fingerprint });

  test("applies a command file with context lines, prints the plan (masked) and exits 0", async () => {
    const plan = file(
      "ip route 10.3.0.0/16 gateway 192.168.100.254\npp select 1\n pp auth myname cliuser clisecret\npp select none\n",
    );
    const res = await apply(plan, opts());
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("pp select 1\npp auth myname cliuser ********\npp select none\n");
    expect(res.stdout).toContain("applied 2 command(s), saved");
    expect(res.stdout).not.toContain("clisecret");
    expect(sim.savedConfig()).toContain(" pp auth myname cliuser clisecret\n");
  });

  test("exits 1 with the router's message after a rollback", async () => {
    const before = sim.runningConfig();
    const plan = file(
      "ip route 10.4.0.0/16 gateway 192.168.100.254\nip route 10.66.0.0/16 gateway 192.168.100.254\n",
    );
    const res = await apply(plan, opts());
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/router said: Error: .*\nrolled back: the router is as before; nothing saved/);
    expect(sim.runningConfig()).toBe(before);
  });

  test("bad options and bad files name the option or line with exit 2; nothing is sent", async () => {
    const badPort = await apply(file("ip route 10.5.0.0/16 gateway 1.1.1.1\n"), { ...opts(), port: "99999" });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/^nvr apply: port/);
    const badLine = await apply(file('ip route "unterminated\n'), opts());
    expect(badLine.status).toBe(2);
    expect(badLine.stderr).toMatch(/plan\.txt:1: unterminated/);
    const badKey = await apply(file("ip route 10.5.0.0/16 gateway 1.1.1.1\n"), {
      ...opts(),
      hostKey: "md5:xx",
    });
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toMatch(/--host-key must be a SHA256 fingerprint/);
    expect(sim.events().filter((e) => e.type === "connect")).toHaveLength(0);
  });

  test("operation commands and control characters in a file are refused before any connection", async () => {
    for (const [text, line, reason] of [
      ["ip route 10.5.0.0/16 gateway 192.168.100.254\nrestart\n", 2, /"restart" is an operation/],
      ["cold start\n", 1, /"cold start" is an operation/],
      ["pp select 1\n delete config 0\n", 2, /"delete config" is an operation/],
      ["save\n", 1, /"save" is an operation/],
      ["ip route 10.5.0.0/16 gateway 192.168.100.254\x15restart\n", 1, /control character/],
      ["pp select 1\n pp auth myname u pw\x1b[2K\n", 2, /control character/],
    ] as const) {
      const res = await apply(file(text), opts());
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(new RegExp(`plan\\.txt:${line}: `));
      expect(res.stderr).toMatch(reason);
      expect(res.stderr).not.toContain("pw");
    }
    expect(sim.events().filter((e) => e.type === "connect")).toHaveLength(0);
  });

  test("--allow-operations sends an operation command the file asks for", async () => {
    const plan = file("ip route 10.5.0.0/16 gateway 192.168.100.254\nshow config pp 1\n");
    expect((await apply(plan, { ...opts(), allowOperations: true })).status).toBe(0);
    expect(
      sim.events().filter((e) => e.type === "command" && e.text === "show environment").length,
    ).toBeGreaterThan(0);
    expect(sim.savedConfig()).toContain("ip route 10.5.0.0/16 gateway 192.168.100.254");
  });

  test("a changed password cut off by a drop is never reported applied while the old one is on the router", async () => {
    const plan = file(
      "ip route 10.5.0.0/16 gateway 192.168.100.254\npp select 1\n pp auth myname olduser newsecret\n",
    );
    const { clean, cuts } = await dropAfterEachCommand(({ sim: s }) =>
      apply(plan, { host: s.host, port: String(s.port), user: "user", hostKey: s.fingerprint }),
    );
    expect(clean.status).toBe(0);
    for (const { where, outcome: res, running, saved } of cuts) {
      if (res.status === 0) {
        expect(`${where}: ${running}`).toContain(" pp auth myname olduser newsecret\n");
        expect(`${where}: ${saved}`).toBe(`${where}: ${running}`);
      } else expect(`${where}: ${res.stderr}`).not.toMatch(/applied .* saved/);
      expect(res.stdout + res.stderr).not.toMatch(/newsecret|oldsecret/);
    }
  });

  test("show-config prints the live config with secrets masked unless asked", async () => {
    const masked = await showConfig(opts());
    expect(masked.status).toBe(0);
    expect(masked.stdout).toContain("ip lan1 address 192.168.100.1/24");
    expect(masked.stdout).toContain("pp auth myname olduser ********");
    const clear = await showConfig({ ...opts(), showSecrets: true });
    expect(clear.status).toBe(0);
    expect(clear.stdout).toContain("pp auth myname olduser oldsecret");
  });

  test("show-config exits 1 when the router cannot be read and 2 on a bad option", async () => {
    const wrongKey = await showConfig({ ...opts(), hostKey: `SHA256:${"A".repeat(43)}` });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(/^nvr show-config: .*host key mismatch/);
    const badPort = await showConfig({ ...opts(), port: "0" });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/^nvr show-config: port/);
  });
});
