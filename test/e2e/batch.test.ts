// What one save per `pulumi up` rests on: the home-lab's resources wait on nothing, so the engine sends them all at
// once (given a --parallel that covers them), they queue while the NVR-slow login runs, and the session applies
// them as one batch in stage order (descriptors and scopes, switches, then the interfaces that bind them) under one
// save. Destroy is the same batch the other way round.
import { REPO_ROOT } from "./harness";
import { SECRETS, Stack, configCommands, eventsOf, startSeedRouter } from "./lab";
import { routerStackConfig } from "../../scripts/pulumi-toolchain";
import type { Simulator } from "../../simulator";

jest.setTimeout(300_000);

const HOME_LAB_SECRETS: Record<string, string> = {
  vpnPreSharedKey: "psk-e2e-batch-3391",
  ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`vpnPassword${i}`, `vpn-Pw-e2e-batch-${i}`])),
};

/** Index of the first sent command matching `pattern` (fails the test when none does). */
function sentAt(commands: readonly string[], pattern: RegExp): number {
  const i = commands.findIndex((c) => pattern.test(c));
  expect({ pattern: pattern.source, found: i >= 0 }).toEqual({ pattern: pattern.source, found: true });
  return i;
}

describe("home-lab against an NVR-slow router, every resource sent at once", () => {
  let sim: Simulator;
  let stack: Stack;
  let start: string;

  beforeAll(async () => {
    // The login takes as long as an NVR's: the engine's creates all arrive while it runs.
    sim = await startSeedRouter({ handshakeDelayMs: 1500, saveDelayMs: 300 });
    start = sim.savedConfig();
    stack = new Stack(REPO_ROOT, "batch");
    const { settings, secrets } = routerStackConfig(sim, {
      user: "user",
      password: SECRETS.password,
      adminPassword: SECRETS.adminPassword,
    });
    await stack.init(settings, { ...secrets, ...HOME_LAB_SECRETS });
  });

  afterAll(async () => {
    await stack?.remove();
    await sim?.stop();
  });

  test("up: one login, one save, definitions before the lines that bind them", async () => {
    sim.clearEvents();
    await stack.run("up", "--yes", "--skip-preview", "--parallel", "32");
    expect(eventsOf(sim, "connect")).toHaveLength(1);
    expect(eventsOf(sim, "save")).toHaveLength(1);
    const sent = configCommands(sim);
    expect(sentAt(sent, /^nat descriptor type 30 /)).toBeLessThan(sentAt(sent, /^ip lan1 nat descriptor /));
    expect(sentAt(sent, /^nat descriptor type 40 /)).toBeLessThan(sentAt(sent, /^ip lan2 nat descriptor /));
    expect(sentAt(sent, /^dhcp scope option 1 /)).toBeLessThan(sentAt(sent, /^ip lan1 dhcp service relay /));
    expect(sentAt(sent, /^dhcp server rfc2131 compliant /)).toBeLessThan(
      sentAt(sent, /^ip lan1 dhcp service relay /),
    );
    expect(sentAt(sent, /^ip route 192\.168\.253\.240\/32 /)).toBeLessThan(
      sentAt(sent, /^ip pp remote address pool 192\.168\.254\.1-/),
    );
    expect(sim.runningConfig()).toBe(sim.savedConfig());
  });

  test("destroy: one save, every binding gone before what it bound, the router as it started", async () => {
    sim.clearEvents();
    await stack.run("destroy", "--yes", "--skip-preview", "--parallel", "32");
    expect(eventsOf(sim, "save")).toHaveLength(1);
    const sent = configCommands(sim);
    expect(sentAt(sent, /^no ip lan1 nat descriptor/)).toBeLessThan(
      sentAt(sent, /^no nat descriptor type 30/),
    );
    expect(sentAt(sent, /^no ip lan2 nat descriptor/)).toBeLessThan(
      sentAt(sent, /^no nat descriptor type 40/),
    );
    expect(sim.savedConfig()).toBe(start);
    expect(sim.runningConfig()).toBe(start);
  });
});
