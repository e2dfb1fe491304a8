import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyCommand } from "../../cli/commands/apply";
import { showConfigCommand } from "../../cli/commands/show-config";
import { startSimulator, type Simulator } from "../../simulator";
import { BASE_CONFIG } from "../session/helpers";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      env: { NVR_PASSWORD: "password", NVR_ADMIN_PASSWORD: "admin" },
    },
  };
}

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
    const c = capture();
    const plan = file(
      "ip route 10.3.0.0/16 gateway 192.168.100.254\npp select 1\n pp auth myname cliuser clisecret\npp select none\n",
    );
    expect(await applyCommand(plan, opts(), c.io)).toBe(0);
    const out = c.out.join("");
    expect(out).toContain("pp select 1\npp auth myname cliuser ********\npp select none\n");
    expect(out).toContain("applied 2 command(s), saved");
    expect(out).not.toContain("clisecret");
    expect(sim.savedConfig()).toContain(" pp auth myname cliuser clisecret\n");
  });

  test("exits non-zero with the router's message after a rollback", async () => {
    const c = capture();
    const before = sim.runningConfig();
    const plan = file(
      "ip route 10.4.0.0/16 gateway 192.168.100.254\nip route 10.66.0.0/16 gateway 192.168.100.254\n",
    );
    expect(await applyCommand(plan, opts(), c.io)).toBe(1);
    expect(c.err.join("")).toMatch(
      /router said: Error: .*\nrolled back: the router is as before; nothing saved/,
    );
    expect(sim.runningConfig()).toBe(before);
  });

  test("bad options and bad files name the option or line; nothing is sent", async () => {
    const c = capture();
    expect(
      await applyCommand(file("ip route 10.5.0.0/16 gateway 1.1.1.1\n"), { ...opts(), port: "99999" }, c.io),
    ).toBe(2);
    expect(c.err.join("")).toMatch(/port/);
    expect(await applyCommand(file('ip route "unterminated\n'), opts(), c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/plan\.txt:1: unterminated/);
    expect(
      await applyCommand(
        file("ip route 10.5.0.0/16 gateway 1.1.1.1\n"),
        { ...opts(), hostKey: "md5:xx" },
        c.io,
      ),
    ).toBe(2);
    expect(c.err.join("")).toMatch(/--host-key must be a SHA256 fingerprint/);
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
      const c = capture();
      expect(await applyCommand(file(text), opts(), c.io)).toBe(2);
      expect(c.err.join("")).toMatch(new RegExp(`plan\\.txt:${line}: `));
      expect(c.err.join("")).toMatch(reason);
      expect(c.err.join("")).not.toContain("pw");
    }
    expect(sim.events().filter((e) => e.type === "connect")).toHaveLength(0);
  });

  test("--allow-operations sends an operation command the file asks for", async () => {
    const c = capture();
    const plan = file("ip route 10.5.0.0/16 gateway 192.168.100.254\nshow config pp 1\n");
    expect(await applyCommand(plan, { ...opts(), allowOperations: true }, c.io)).toBe(0);
    expect(
      sim.events().filter((e) => e.type === "command" && e.text === "show environment").length,
    ).toBeGreaterThan(0);
    expect(sim.savedConfig()).toContain("ip route 10.5.0.0/16 gateway 192.168.100.254");
  });

  test("a changed password cut off by a drop is never reported applied while the old one is on the router", async () => {
    const plan = file(
      "ip route 10.5.0.0/16 gateway 192.168.100.254\npp select 1\n pp auth myname olduser newsecret\n",
    );
    for (let n = 1; n <= 12; n++) {
      const c = capture();
      const s = await startSimulator({ config: BASE_CONFIG });
      try {
        s.setFaults([{ type: "drop-after-commands", count: n }]);
        const code = await applyCommand(
          plan,
          { host: s.host, port: String(s.port), user: "user", hostKey: s.fingerprint },
          c.io,
        );
        const running = s.runningConfig();
        if (code === 0) {
          expect(running).toContain(" pp auth myname olduser newsecret\n");
          expect(s.savedConfig()).toBe(running);
        } else expect(c.err.join("")).not.toMatch(/applied .* saved/);
        expect(c.out.join("") + c.err.join("")).not.toMatch(/newsecret|oldsecret/);
      } finally {
        await s.stop();
      }
    }
  });

  test("show-config prints the live config with secrets masked unless asked", async () => {
    const c = capture();
    expect(await showConfigCommand(opts(), c.io)).toBe(0);
    expect(c.out.join("")).toContain("ip lan1 address 192.168.100.1/24");
    expect(c.out.join("")).toContain("pp auth myname olduser ********");
    const d = capture();
    expect(await showConfigCommand({ ...opts(), showSecrets: true }, d.io)).toBe(0);
    expect(d.out.join("")).toContain("pp auth myname olduser oldsecret");
  });
});
