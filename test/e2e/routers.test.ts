// One stack managing three simulated routers: every resource names its router through its own `router` input
// (login credentials from stack config), and the engine's parallel steps reach different routers at once.
import type { Simulator } from "../../simulator";
import { eventsOf, LAB_PROJECT, SECRETS, Stack, startSeedRouter } from "./lab";

jest.setTimeout(240_000);

/** When the router received its first and last command during the step. */
function commandSpan(sim: Simulator): { first: number; last: number } {
  const times = eventsOf(sim, "command").map((e) => Date.parse(e.ts));
  return { first: Math.min(...times), last: Math.max(...times) };
}

describe("a stack managing three simulated routers", () => {
  const sims: Simulator[] = [];
  let stack: Stack;
  let start = "";

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) sims.push(await startSeedRouter());
    start = sims[0].runningConfig();
    stack = new Stack(LAB_PROJECT, "routers");
    const routers = sims.map((s, i) => ({
      name: `r${i + 1}`,
      host: s.host,
      port: s.port,
      hostKey: s.fingerprint,
    }));
    await stack.init(
      { "nvr:username": "user", routers: JSON.stringify(routers) },
      {
        "nvr:password": SECRETS.password,
        "nvr:adminPassword": SECRETS.adminPassword,
        preSharedKey: SECRETS.preSharedKey,
        users: JSON.stringify(SECRETS.users),
      },
    );
  });

  afterAll(async () => {
    await stack?.remove();
    await Promise.all(sims.map((s) => s.stop()));
  });

  test("up configures each router over its own single connection, the routers in parallel", async () => {
    const up = await stack.run("up", "--yes", "--skip-preview");
    expect(up.stdout).toMatch(/\+ 19 created/);
    for (const sim of sims) {
      expect(sim.runningConfig()).toContain("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253\n");
      expect(sim.runningConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240\n");
      expect(sim.savedConfig()).toContain("ip lan1 nat descriptor reverse 30\n");
      expect(eventsOf(sim, "connect")).toHaveLength(1);
    }
    // Each router's work started before every other router's work ended: no router waited for another.
    const spans = sims.map(commandSpan);
    const latestFirst = Math.max(...spans.map((s) => s.first));
    const earliestLast = Math.min(...spans.map((s) => s.last));
    expect(latestFirst).toBeLessThan(earliestLast);
  });

  test("destroy returns every router to the starting network", async () => {
    for (const sim of sims) sim.clearEvents();
    const destroy = await stack.run("destroy", "--yes", "--skip-preview");
    expect(destroy.stdout).toMatch(/- 19 deleted/);
    for (const sim of sims) {
      expect(eventsOf(sim, "connect")).toHaveLength(1);
      expect(sim.runningConfig()).toBe(start);
      expect(sim.savedConfig()).toBe(start);
    }
  });
});
