import { peekConfig } from "../../provider/session/peek";
import { harness, g, BASE_CONFIG, commandsOf } from "./helpers";

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

test("a preview's read (no console settings of its own) pages through a config whose pages arrive whole", async () => {
  // nvr-sim sends the pager line's blanking, the next page and the next pager line in one packet, as a router may:
  // the read answers each pager line once and reads every page.
  const h = await harness({ config: BIG });
  try {
    const index = await peekConfig(h.conn);
    expect(index.find(["ip", "route"])).toHaveLength(61);
    expect(index.find(["ip", "lan1", "secure", "filter", "in"]).map((l) => l.text)).toEqual([LONG]);
    const typed = commandsOf(h.sim.events());
    // One read, each page answered, and no console setting changed to avoid the pager.
    expect(typed.filter((t) => t === "show config")).toHaveLength(1);
    expect(typed.filter((t) => /^(no )?console /.test(t))).toEqual([]);
  } finally {
    await h.done();
  }
});
