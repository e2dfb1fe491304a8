import { harness, g, pp } from "./helpers";
import { eventually } from "../simulator/helpers";

describe("router over real SSH to the simulator", () => {
  test("happy path: plan applied in context, saved once, console settings restored", async () => {
    const h = await harness();
    try {
      const before = h.sim.runningConfig();
      const result = await h.router.apply([
        g("ip route 10.1.0.0/16 gateway 192.168.100.254"),
        pp("1", "pp auth myname newuser newsecret"),
      ]);
      expect(result).toMatchObject({ saved: true, rolledBack: false });
      await h.router.close();
      const running = h.sim.runningConfig();
      expect(running).toContain("ip route 10.1.0.0/16 gateway 192.168.100.254\n");
      expect(running).toContain(" pp auth myname newuser newsecret\n");
      expect(h.sim.savedConfig()).toBe(running);
      expect(running.split("\n").filter((l) => l.startsWith("console"))).toEqual(
        before.split("\n").filter((l) => l.startsWith("console")),
      );
    } finally {
      await h.done();
    }
  });

  // Pulumi kills the dynamic provider without warning at the end of a run: nothing may rely on close().
  test("without close: once the router goes idle after an apply or a read, the running config carries no console change", async () => {
    const h = await harness();
    const consoleLines = (text: string) => text.split("\n").filter((l) => l.startsWith("console"));
    try {
      const before = consoleLines(h.sim.runningConfig());
      await h.router.apply([g("ip route 10.2.0.0/16 gateway 192.168.100.254")]);
      await eventually(() => expect(consoleLines(h.sim.runningConfig())).toEqual(before));
      expect(h.sim.savedConfig()).toBe(h.sim.runningConfig());

      const reads = h.sim.events().filter((e) => e.type === "command").length;
      await h.router.config(); // served from the cache: no command at all
      await h.router.apply([g("ip route 10.3.0.0/16 gateway 192.168.100.254")]);
      await eventually(() => expect(consoleLines(h.sim.runningConfig())).toEqual(before));
      expect(h.sim.savedConfig()).toBe(h.sim.runningConfig());
      expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(1);
      expect(h.sim.events().filter((e) => e.type === "command").length).toBeGreaterThan(reads);
    } finally {
      await h.done();
    }
  });

  test("restart saves what is pending first, restarts once, and the next operation runs on a new login", async () => {
    const h = await harness();
    try {
      const consoleLines = (text: string) => text.split("\n").filter((l) => l.startsWith("console"));
      const before = consoleLines(h.sim.runningConfig());
      // queued behind an apply that has not been saved yet: the restart must not lose it
      const applied = h.router.apply([g("ip route 10.61.0.0/16 gateway 192.168.100.254")]);
      await h.router.restart();
      await expect(applied).resolves.toMatchObject({ saved: true });
      const events = h.sim.events();
      expect(events.filter((e) => e.type === "restart")).toHaveLength(1);
      expect(events.map((e) => e.type).lastIndexOf("save")).toBeLessThan(
        events.map((e) => e.type).indexOf("restart"),
      );
      // the router booted the saved config: the route is there, the session's console settings are not
      expect(h.sim.runningConfig()).toContain("ip route 10.61.0.0/16 gateway 192.168.100.254\n");
      expect(consoleLines(h.sim.runningConfig())).toEqual(before);
      expect(h.router.stats().handshakes).toBe(2);
      await h.router.apply([g("ip route 10.62.0.0/16 gateway 192.168.100.254")]);
      expect(h.sim.savedConfig()).toContain("ip route 10.62.0.0/16 gateway 192.168.100.254\n");
      expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(2);
      expect(h.sim.events().filter((e) => e.type === "restart")).toHaveLength(1);
    } finally {
      await h.done();
    }
  });
});
