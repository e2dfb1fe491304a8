// A component renamed without an alias, with the real Pulumi CLI against nvr-sim: every child gets a new URN, so the
// engine creates the new children (adopting the lines the old ones made) and then deletes the old ones, which the
// program no longer declares. Those deletes leave what the new children declare: the router ends as it was, saved,
// and the stack is whole.
import { configCommands, startSeedRouter, upgradeFixtureStack } from "./lab";

jest.setTimeout(600_000);

test("an OverlapSafeVpn renamed without an alias: up keeps the router as it was, and the stack has nothing left to change", async () => {
  const sim = await startSeedRouter();
  const stack = await upgradeFixtureStack(sim, "rename", "new");
  try {
    await stack.run("up", "--yes", "--skip-preview");
    const held = sim.savedConfig();
    expect(held).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240");

    await stack.run("config", "set", "upgrade:name", "hq");
    sim.clearEvents();
    const up = await stack.run("up", "--yes", "--skip-preview");
    // Each old child's delete was left to its new twin: no `no` line reached the router.
    expect(configCommands(sim).filter((c) => c.startsWith("no "))).toEqual([]);
    expect(up.stdout).toMatch(/deleted/);
    expect(sim.savedConfig()).toBe(held);
    expect(sim.runningConfig()).toBe(held);
    await stack.run("preview", "--expect-no-changes");
    await stack.run("refresh", "--yes", "--skip-preview", "--expect-no-changes");
  } finally {
    await stack.remove();
    await sim.stop();
  }
});
