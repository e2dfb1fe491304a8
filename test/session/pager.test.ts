import { harness, g, BASE_CONFIG } from "./helpers";

const LONG = "ip lan1 secure filter in 200000 200001 200002 200003 200004 200005 200006 200007 200008 200099";
const BIG = [
  BASE_CONFIG.trimEnd(),
  LONG,
  ...Array.from({ length: 60 }, (_, i) => `ip route 172.16.${i}.0/24 gateway 192.168.100.254`),
  "",
].join("\n");

test("a large config under the factory console (24 lines, 80 columns) reads and verifies through pager and wraps", async () => {
  const h = await harness({ config: BIG });
  try {
    expect(h.sim.runningConfig()).toContain(LONG);
    // commit-confirmed verifies from a second login that leaves the console settings alone: paged, wrapped output
    await h.router.apply([g("ip route 172.16.200.0/24 gateway 192.168.100.254")], {
      commitConfirmed: true,
      confirmTimeoutSec: 60,
    });
    const index = await h.router.config();
    expect(index.find(["ip", "lan1", "secure", "filter", "in"]).map((l) => l.text)).toEqual([LONG]);
    expect(index.find(["ip", "route"])).toHaveLength(62);
    await h.router.close();
    expect(h.sim.savedConfig()).toContain("ip route 172.16.200.0/24 gateway 192.168.100.254\n");
    expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
  } finally {
    await h.done();
  }
});
