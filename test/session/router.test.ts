import { harness, g, pp } from "./helpers";

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
      console.log(h.logs.join("\n"));
      console.log(running);
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
});
