import { RouterError } from "../../provider/session";
import { harness, g } from "../session/helpers";

const BAD_LAN1 = g("ip lan1 address 192.168.200.1/24");

describe("commit-confirmed", () => {
  test("when the fresh login fails after a change to lan1's address, nothing is saved and the armed restart brings the old config back", async () => {
    // One login allowed: the verification login is refused, as it would be once lan1 moved away from the client.
    const h = await harness({ maxSessions: 1 });
    try {
      const saved = h.sim.savedConfig();
      const err = (await h.router.apply([BAD_LAN1], { commitConfirmed: true, confirmTimeoutSec: 2 }).then(
        () => new Error("applied without verification"),
        (e: unknown) => e,
      )) as RouterError;
      expect(err).toBeInstanceOf(RouterError);
      // not rolled back yet: the change stays live until the armed restart fires
      expect(err.rolledBack).toBe(false);
      expect(err.message).toMatch(/verification from a fresh login failed/);
      expect(err.message).toMatch(/still live/);
      expect(err.message).toMatch(/restarts into its saved configuration/);
      expect(h.sim.runningConfig()).toContain("ip lan1 address 192.168.200.1/24");
      expect(h.sim.savedConfig()).toBe(saved);
      // the schedule fires: the simulator restarts into the saved config
      const deadline = Date.now() + 10_000;
      while (!h.sim.events().some((e) => e.type === "restart") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(h.sim.runningConfig()).toBe(saved);
      expect(h.sim.runningConfig()).toContain("ip lan1 address 192.168.100.1/24");
      // and the router is reachable again through the same Router object
      await expect(h.router.showConfig()).resolves.toContain("ip lan1 address 192.168.100.1/24");
    } finally {
      await h.done();
    }
  });

  test("when the fresh login verifies the change, the schedule is cancelled and the change saved", async () => {
    const h = await harness();
    try {
      const result = await h.router.apply([g("ip lan1 address 192.168.100.2/24")], {
        commitConfirmed: true,
        confirmTimeoutSec: 60,
      });
      expect(result).toMatchObject({ saved: true, rolledBack: false });
      const texts = h.sim.events().flatMap((e) => (e.type === "command" ? [String(e.text)] : []));
      const arm = texts.findIndex((t) => /^schedule at \d+ \+60 \* restart$/.test(t));
      const change = texts.indexOf("ip lan1 address 192.168.100.2/24");
      const cancel = texts.findIndex((t) => /^no schedule at \d+$/.test(t));
      const save = texts.lastIndexOf("save");
      expect(arm).toBeGreaterThanOrEqual(0);
      expect([arm < change, change < cancel, cancel < save]).toEqual([true, true, true]);
      // two logins at most: the primary and the verification login
      expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(2);
      expect(h.sim.savedConfig()).toContain("ip lan1 address 192.168.100.2/24");
      expect(h.sim.savedConfig()).not.toContain("schedule at");
    } finally {
      await h.done();
    }
  });

  test("auto mode arms commit-confirmed for ssh/login settings but not for routes", async () => {
    const h = await harness();
    try {
      await h.router.apply([g("ip route 10.7.0.0/16 gateway 192.168.100.254")]);
      await h.router.apply([g("sshd host lan")], { confirmTimeoutSec: 60 });
      const texts = h.sim.events().flatMap((e) => (e.type === "command" ? [String(e.text)] : []));
      const arms = texts.filter((t) => /^schedule at /.test(t));
      expect(arms).toHaveLength(1);
      expect(texts.indexOf(arms[0])).toBeGreaterThan(
        texts.indexOf("ip route 10.7.0.0/16 gateway 192.168.100.254"),
      );
    } finally {
      await h.done();
    }
  });
});
