import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuthError, HostKeyError, TimeoutError } from "../../provider/session";
import { harness } from "./helpers";

const WRONG = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

describe("host keys and credentials", () => {
  test("a host-key mismatch aborts before authentication and names both fingerprints; no command is sent", async () => {
    const h = await harness({}, { hostKey: WRONG });
    try {
      const err = await h.router.showConfig().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostKeyError);
      expect((err as HostKeyError).expected).toBe(WRONG);
      expect((err as HostKeyError).presented).toBe(h.sim.fingerprint);
      expect((err as Error).message).toContain(WRONG);
      expect((err as Error).message).toContain(h.sim.fingerprint);
      const types = h.sim.events().map((e) => e.type);
      expect(types).not.toContain("auth");
      expect(types).not.toContain("command");
    } finally {
      await h.done();
    }
  });

  test("an unknown host key is refused unless trust-on-first-use is asked; TOFU records it in known_hosts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-kh-"));
    const knownHostsFile = join(dir, "known_hosts");
    writeFileSync(knownHostsFile, "# empty\n");
    const refused = await harness({}, { hostKey: undefined, knownHostsFile });
    try {
      const err = await refused.router.showConfig().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostKeyError);
      expect((err as HostKeyError).expected).toBeUndefined();
      expect((err as Error).message).toContain(refused.sim.fingerprint);
      expect(refused.sim.events().map((e) => e.type)).not.toContain("auth");
    } finally {
      await refused.done();
    }
    const tofu = await harness({}, { hostKey: undefined, knownHostsFile, trustOnFirstUse: true });
    try {
      await expect(tofu.router.showConfig()).resolves.toContain("ip lan1 address");
      const line = readFileSync(knownHostsFile, "utf8").split("\n")[1];
      expect(line).toMatch(new RegExp(`^\\[127\\.0\\.0\\.1\\]:${tofu.sim.port} ssh-`));
    } finally {
      await tofu.done();
    }
  });

  test("a wrong administrator password gives a clear AuthError naming the router, without the password", async () => {
    const h = await harness({}, { adminPassword: "not-the-admin-pw" });
    try {
      const err = await h.router.showConfig().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect((err as Error).message).toContain(`127.0.0.1:${h.sim.port}`);
      expect((err as Error).message).toMatch(/wrong administrator password/);
      expect((err as Error).message).not.toContain("not-the-admin-pw");
      expect(h.logs.join("\n")).not.toContain("not-the-admin-pw");
    } finally {
      await h.done();
    }
  });

  test("a wrong login password is an AuthError", async () => {
    const h = await harness({}, { password: "nope" });
    try {
      await expect(h.router.showConfig()).rejects.toBeInstanceOf(AuthError);
    } finally {
      await h.done();
    }
  });
});

test("a router slower than the per-command timeout gives a TimeoutError naming the command", async () => {
  const h = await harness({ latencyMs: 400 }, { commandTimeoutMs: 150 });
  try {
    const err = await h.router.showConfig().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).command).toBeDefined();
    expect((err as Error).message).toMatch(/no prompt after 150 ms/);
  } finally {
    await h.done();
  }
});
