/**
 * The OverlapSafeVpn design applied to nvr-sim (the seed's original NVR510) through the dynamic provider, child by
 * child in the order the component creates them, then read back and analysed on the router's own config.
 */
import { reach } from "../../provider/analysis/reach";
import { lint } from "../../provider/analysis/lint";
import { buildNetwork } from "../../provider/analysis/network";
import { parseConfig } from "../../provider/config/parse";
import * as dynamic from "../../provider/dynamic";
import { designOverlapSafeVpn, designPpAnonymousNatVpn } from "../../provider/vpn";
import { fromModel } from "../../provider/resources/names";
import type { Simulator } from "../../simulator";
import { configureRequest, seedSimulator, settle, stackConfig } from "../provider/harness";
import { SEED_INPUTS } from "./seed-inputs";

type Props = Record<string, unknown>;

/** The resource's own properties, without connection bookkeeping. */
function model(props: Props): Props {
  const { router: _r, prior: _p, adopt: _a, __provider: _x, ...rest } = props;
  return rest;
}

const PASSWORD = "Sim-User-Pw-1";
const KEY = "Sim-Pre-Shared-Key-2";

describe("OverlapSafeVpn applied to the simulator through the provider", () => {
  let sim: Simulator;
  const design = designOverlapSafeVpn({
    ...SEED_INPUTS,
    vpn: {
      ...SEED_INPUTS.vpn,
      users: SEED_INPUTS.vpn.users.map((u) => ({ ...u, password: PASSWORD })),
      preSharedKey: KEY,
    },
  });
  const created: { kind: string; id: string; inputs: Props; outs: Props }[] = [];

  beforeAll(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
    for (const r of design.resources) {
      const checked = await dynamic.check(r.kind, {}, { ...fromModel(r.kind, r.args), adopt: true });
      expect(checked.failures ?? []).toEqual([]);
      const inputs = checked.inputs as Props;
      const c = await dynamic.create(r.kind, inputs);
      created.push({ kind: r.kind, id: c.id, inputs, outs: c.outs as Props });
    }
    await settle(sim);
  }, 120_000);
  afterAll(async () => {
    await settle(sim);
    await sim.stop();
  });

  it("reads every child back equal to what was applied, with nothing left to change", async () => {
    for (const c of created) {
      const read = await dynamic.read(c.kind, c.id, c.outs);
      expect({ id: read.id, inputs: model(read.inputs as Props) }).toEqual({
        id: c.id,
        inputs: model(c.inputs),
      });
      expect((await dynamic.diff(c.kind, c.id, read.props as Props, c.inputs)).changes).toBe(false);
    }
  });

  it("leaves the seed's final lines on the router, saved, without the original design's proxy ARP or DHCP pool", () => {
    const running = sim.runningConfig();
    for (const l of [
      "ip lan1 nat descriptor reverse 30",
      "ip lan1 dhcp service relay 192.168.1.51",
      "ip lan2 nat descriptor 40",
      "ip route 192.168.253.240/32 gateway 192.168.11.240",
      "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
      "nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
      " ip pp remote address pool 192.168.254.1-192.168.254.3",
      "dhcp server rfc2131 compliant except remain-silent",
    ]) {
      expect(running).toContain(`${l}\n`);
      expect(sim.savedConfig()).toContain(`${l}\n`);
    }
    expect(running).not.toMatch(/proxyarp on|remote address pool dhcp|ip lan1 dhcp service server/);
  });

  it("lets an overlapping client reach the file server at its alias, per the router's own config", () => {
    const tree = parseConfig(sim.runningConfig());
    expect(
      reach(buildNetwork(tree, "NVR510"), {
        clientLan: "192.168.11.0/24",
        service: { ip: "192.168.11.240", proto: "tcp", port: 445 },
      }),
    ).toMatchObject({ reachable: true, via: "192.168.253.240" });
    expect(lint(tree, { model: "NVR510" }).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("never shows the secrets in what the provider returns for display", () => {
    const shown = JSON.stringify(created.map((c) => c.outs.commands));
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(KEY);
  });

  it("deletes in reverse order: interfaces unbind before their descriptors go", async () => {
    for (const c of [...created].reverse()) await dynamic.delete(c.kind, c.id, c.outs);
    await settle(sim);
    const running = sim.runningConfig();
    expect(running).not.toMatch(
      /nat descriptor (type|static|address) (30|40)|ip lan\d nat descriptor|192\.168\.253\./,
    );
  });
});

describe("PpAnonymousNatVpn applied to the simulator through the provider, with restartToApply", () => {
  let sim: Simulator;
  const design = designPpAnonymousNatVpn({
    vpn: {
      ...SEED_INPUTS.vpn,
      users: [{ name: "someone@somewhere", password: PASSWORD }],
      preSharedKey: KEY,
    },
    publishedHosts: { fileserver: "192.168.11.240" },
    restartToApply: true,
  });
  const created: { kind: string; id: string; outs: Props }[] = [];
  let before = "";
  const restarts = () => sim.events().filter((e) => e.type === "restart").length;

  beforeAll(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
    before = sim.runningConfig();
    for (const r of design.resources) {
      // what the component passes to its switch child: the consent to restart
      const restart = r.name === "nat-backward-compatibility" ? { restartToApply: true } : {};
      const checked = await dynamic.check(
        r.kind,
        {},
        { ...fromModel(r.kind, r.args), adopt: true, ...restart },
      );
      expect(checked.failures ?? []).toEqual([]);
      const c = await dynamic.create(r.kind, checked.inputs as Props);
      created.push({ kind: r.kind, id: c.id, outs: c.outs as Props });
    }
    await settle(sim);
  }, 120_000);
  afterAll(async () => {
    await settle(sim);
    await sim.stop();
  });

  it("binds descriptor 20 on pp anonymous through the pool, after the restart that made the switch effective", () => {
    expect(restarts()).toBe(1);
    const running = sim.runningConfig();
    expect(running).toContain("pp select anonymous\n");
    expect(running).toMatch(/pp select anonymous\n( .+\n)* ip pp nat descriptor 20\n/);
    expect(sim.savedConfig()).toContain(" ip pp nat descriptor 20\n");
    expect(running).toContain("nat descriptor backward-compatibility 1\n");
    const tree = parseConfig(running);
    expect(
      reach(buildNetwork(tree, "NVR510"), {
        clientLan: "192.168.11.0/24",
        service: { ip: "192.168.11.240", proto: "tcp", port: 445 },
      }),
    ).toMatchObject({ reachable: true, via: "192.168.254.240" });
  });

  it("deletes in reverse order, the binding before the descriptor, and restores the router as it was", async () => {
    for (const c of [...created].reverse()) await dynamic.delete(c.kind, c.id, c.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
    // putting the switch back is a change the router applies at boot too: the consent covers it
    expect(restarts()).toBe(2);
  });
});
