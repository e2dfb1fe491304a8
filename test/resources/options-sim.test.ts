/**
 * The options issue 15 added to existing resources, against nvr-sim over SSH: the simulator (its own grammar) takes
 * the lines, prints them back as the resource reads them, and delete leaves the config as it was.
 */
import * as dynamic from "../../provider/dynamic";
import { settle, withSeedRouter } from "../provider/harness";

const CASES: [string, Record<string, unknown>, string][] = [
  [
    "DhcpScope",
    {
      scope: 2,
      range: "192.168.20.2-192.168.20.100",
      prefixLength: 24,
      except: ["192.168.20.10", "192.168.20.20-192.168.20.29"],
      expire: "24:00",
      maxExpire: "infinity",
    },
    "dhcp scope 2 192.168.20.2-192.168.20.100/24 except 192.168.20.10 192.168.20.20-192.168.20.29 expire 24:00 maxexpire infinity",
  ],
  [
    "StaticRoute",
    {
      network: "10.0.0.0/8",
      gateways: [
        { gateway: "192.168.1.1", filters: [100, 101], keepalive: 1 },
        { gateway: "192.168.1.2", weight: 3 },
      ],
    },
    "ip route 10.0.0.0/8 gateway 192.168.1.1 filter 100 101 keepalive 1 gateway 192.168.1.2 weight 3",
  ],
  [
    "LanInterface",
    { interface: "lan2", address: "192.168.1.51/24", switchControl: { use: true, terminal: true } },
    "switch control use lan2 on terminal=on",
  ],
];

describe("options of existing resources against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test.each(CASES)(
    "%s: created, printed as read, no diff, deleted to as before",
    async (kind, props, line) => {
      const sim = router();
      const before = sim.runningConfig();
      const checked = await dynamic.check(kind, {}, props);
      expect(checked.failures ?? []).toEqual([]);
      const inputs = checked.inputs as Record<string, unknown>;
      const created = await dynamic.create(kind, { ...inputs, adopt: true });
      await settle(sim);
      expect(sim.runningConfig()).toContain(`${line}\n`);
      const read = await dynamic.read(kind, created.id, created.outs);
      expect((await dynamic.diff(kind, created.id, read.props as never, inputs)).changes).toBe(false);
      await dynamic.delete(kind, created.id, created.outs);
      await settle(sim);
      expect(sim.runningConfig()).toBe(before);
    },
  );
});
