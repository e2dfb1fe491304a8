/**
 * `nat descriptor backward-compatibility` applies only after a restart. The provider restarts the router only with
 * the resource's explicit `restartToApply` opt-in, after the save, and waits for it to come back; the simulator's
 * `show environment` tells the value in effect apart from the configured one.
 */
import * as dynamic from "../../provider/dynamic";
import type { Simulator } from "../../simulator";
import { Shell } from "../simulator/helpers";
import { PASSWORD, configureRequest, seedSimulator, settle, stackConfig } from "./harness";

type Props = Record<string, unknown>;

const SWITCH = { setting: "nat descriptor backward-compatibility", value: "1" };

async function checked(raw: Props): Promise<Props> {
  const r = await dynamic.check("GlobalSwitch", {}, raw);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

/** The `NAT backward-compatibility` line of `show environment`, read over a login of its own. */
async function effective(sim: Simulator): Promise<string | undefined> {
  const sh = await Shell.open(sim, { password: PASSWORD });
  try {
    await sh.login();
    await sh.unpaged();
    const out = await sh.run("show environment");
    return out.split(/\r?\n/).find((l) => l.startsWith("NAT backward-compatibility:"));
  } finally {
    sh.close();
  }
}

const restarts = (sim: Simulator) => sim.events().filter((e) => e.type === "restart");

describe("restartToApply", () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
  });
  afterEach(async () => {
    await settle(sim);
    await sim.stop();
  });

  test("without the opt-in the line is saved, the router is not restarted, and the old value stays in effect", async () => {
    const inputs = await checked(SWITCH);
    const created = await dynamic.create("GlobalSwitch", inputs);
    await settle(sim);
    expect(sim.savedConfig()).toContain("nat descriptor backward-compatibility 1\n");
    expect(restarts(sim)).toEqual([]);
    expect(await effective(sim)).toBe("NAT backward-compatibility: 2 (configured 1, restart to apply)");
    expect(created.outs).not.toHaveProperty("restartToApply");
  });

  test("with the opt-in: one restart after the save, the router comes back with the value in effect", async () => {
    const inputs = await checked({ ...SWITCH, restartToApply: true });
    expect(inputs.restartToApply).toBe(true);
    const created = await dynamic.create("GlobalSwitch", inputs);
    expect(restarts(sim)).toHaveLength(1);
    // saved before the restart: the router booted the config with the line
    const types = sim.events().map((e) => e.type);
    expect(types.lastIndexOf("save")).toBeLessThan(types.indexOf("restart"));
    expect(created.outs).toMatchObject({ restartToApply: true });
    // the shared session logged in again: refresh reads the switch back with no change
    const read = await dynamic.read("GlobalSwitch", created.id, created.outs);
    expect(read.inputs).toMatchObject({ ...SWITCH, restartToApply: true });
    expect(await effective(sim)).toBe("NAT backward-compatibility: 1");
    // an update that changes no line sends nothing and does not restart again
    await dynamic.update("GlobalSwitch", created.id, created.outs, inputs);
    expect(restarts(sim)).toHaveLength(1);
  });

  test("the opt-in is refused for a setting the router applies at once, before any connection", async () => {
    const r = await dynamic.check(
      "GlobalSwitch",
      {},
      { setting: "l2tp service", value: "on", restartToApply: true },
    );
    expect(r.failures).toEqual([
      { property: "restartToApply", reason: expect.stringMatching(/applies these lines at once/) },
    ]);
    const bad = await dynamic.check("GlobalSwitch", {}, { ...SWITCH, restartToApply: "yes" });
    expect(bad.failures).toEqual([{ property: "restartToApply", reason: "must be true or false" }]);
    expect(sim.events().filter((e) => e.type === "connect")).toEqual([]);
  });
});
