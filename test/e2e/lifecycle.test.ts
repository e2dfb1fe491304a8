// One lab stack through its whole life with the real Pulumi CLI against one simulated NVR510 holding the seed's
// starting network. The steps share one stack and build on each other (a later step starts from the router the
// earlier one left), so they run in order and a failure stops the rest from making sense.
import type { Simulator } from "../../simulator";
import {
  configCommands,
  EXTRA_USER,
  eventsOf,
  handEdit,
  LAB_PROJECT,
  routerConfig,
  SECRETS,
  secretValues,
  SEED_START,
  Stack,
  startSeedRouter,
} from "./lab";
import type { PulumiResult } from "./harness";

jest.setTimeout(240_000);

/** Lines of the seed's final design the lab adds; each must show up in the preview. */
const DESIGN_LINES = [
  "nat descriptor type 30 nat",
  "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
  "nat descriptor address outer 40 192.168.11.254",
  "ip lan1 nat descriptor reverse 30",
  "ip lan1 dhcp service relay 192.168.1.51",
  "ip lan2 nat descriptor 40",
  "pp bind tunnel2-tunnel4",
  "ip pp remote address pool 192.168.254.1-192.168.254.3",
  "ipsec transport template 2 3-4",
  "ip route 192.168.253.240/32 gateway 192.168.11.240",
];

function expectNoSecret(text: string): void {
  for (const secret of secretValues()) expect(text).not.toContain(secret);
}

/** Connections and saves the router saw while `step` ran. */
async function observed(
  sim: Simulator,
  step: () => Promise<PulumiResult>,
): Promise<{ result: PulumiResult; connects: number; saves: number; commands: string[] }> {
  sim.clearEvents();
  const result = await step();
  return {
    result,
    connects: eventsOf(sim, "connect").length,
    saves: eventsOf(sim, "save").length,
    commands: configCommands(sim),
  };
}

describe("the lab stack against one simulated NVR510", () => {
  let sim: Simulator;
  let stack: Stack;
  let logs = "";
  let start = "";
  const run = async (...args: string[]): Promise<PulumiResult> => {
    const r = await stack.run(...args);
    logs += r.stdout + r.stderr;
    return r;
  };

  beforeAll(async () => {
    sim = await startSeedRouter();
    expect(sim.loadWarnings).toEqual([]);
    start = sim.runningConfig();
    expect(start).toBe(SEED_START.replace(/^#.*\n/gm, ""));
    stack = new Stack(LAB_PROJECT, "lab");
    const { settings, secrets } = routerConfig(sim);
    await stack.init(settings, secrets);
  });

  afterAll(async () => {
    await stack?.remove();
    await sim?.stop();
  });

  test("preview --diff shows the lines each resource will send, adoption's removals included, and touches nothing", async () => {
    const { result, connects, commands } = await observed(sim, () => run("preview", "--diff"));
    // The live plan: each line a list entry of `plan`, in full.
    const planned = [...result.stdout.matchAll(/^\s*\[\d+\]: "(.*)"$/gm)].map((m) => m[1]);
    for (const line of DESIGN_LINES) expect(planned).toContain(line);
    // What adopting the router's lan1, pp anonymous and tunnel 2 removes or overwrites.
    expect(planned).toEqual(
      expect.arrayContaining([
        "no ip lan1 proxyarp",
        "# replaces: ip lan1 proxyarp on",
        "ip lan1 dhcp service relay 192.168.1.51",
        "# replaces: ip lan1 dhcp service server",
        "no pp auth username vpnuser1",
        "# replaces: pp auth username vpnuser1 ********",
        "pp auth username someone ********",
        "# replaces: ip pp remote address pool dhcp",
        "ipsec ike pre-shared-key 2 text ********",
        "# replaces: ipsec ike pre-shared-key 2 text ********",
      ]),
    );
    // Lines already on the router as the design wants them are not sent again.
    expect(planned).not.toContain("ip lan1 address 192.168.11.250/24");
    expectNoSecret(result.stdout + result.stderr);
    expect(result.stdout + result.stderr).not.toContain("example-psk");
    expect(result.stdout + result.stderr).not.toContain("vpnpass1");
    // One read-only login for the whole preview: nothing typed but show commands.
    expect(commands).toEqual([]);
    expect(connects).toBe(1);
    expect(sim.runningConfig()).toBe(start);
  });

  test("up applies the design in one connection and saves it", async () => {
    const before = sim.runningConfig();
    const { result, connects, saves } = await observed(sim, () => run("up", "--yes", "--skip-preview"));
    expect(result.stdout).toMatch(/\+ 7 created/);
    // Progress as it happens, under the stack: per resource and per router.
    expect(result.stdout).toMatch(
      /nvr: NatDescriptor nat descriptor 30: waiting for its turn on 127\.0\.0\.1:\d+/,
    );
    expect(result.stdout).toMatch(/nvr: 127\.0\.0\.1:\d+: logging in/);
    expect(result.stdout).toContain("nvr: NatDescriptor nat descriptor 30: applying 4 line(s)");
    expect(result.stdout).toMatch(/nvr: 127\.0\.0\.1:\d+: saving/);
    expect(result.stdout).toContain("nvr: NatDescriptor nat descriptor 30: saved");
    expect(result.stdout).toContain("nvr: LanInterface lan1: saved");
    expect(connects).toBe(1);
    // Saves coalesce: concurrent operations share one save; never one per command.
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(saves).toBeLessThan(6);
    // Every save covers changes made since the one before, and no change is left unsaved.
    const order = sim
      .events()
      .filter(
        (e) => e.type === "save" || (e.type === "command" && configCommands(sim).includes(String(e.text))),
      )
      .map((e) => e.type);
    expect(order.join(" ")).not.toMatch(/save save/);
    expect(order[order.length - 1]).toBe("save");
    const after = sim.runningConfig();
    expect(after).not.toBe(before);
    for (const line of DESIGN_LINES) expect(after).toContain(line);
    expect(after).not.toContain("ip lan1 proxyarp on");
    expectNoSecret(result.stdout + result.stderr);
    // The session's own console settings are configuration too: none may stay behind, running or saved.
    expect(after).toBe(after.replace(/^console .*\n/gm, ""));
    expect(sim.savedConfig()).toBe(after);
  });

  test("a second preview shows no changes", async () => {
    const { result, commands } = await observed(sim, () => run("preview", "--expect-no-changes"));
    expect(result.stdout).toMatch(/7 unchanged/);
    expect(commands).toEqual([]);
  });

  test("a hand edit on the router shows up in refresh and up repairs it with that one line", async () => {
    await handEdit(sim, ["ip route 192.168.253.240/32 gateway 192.168.11.241"]);
    expect(sim.runningConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.241");

    const refresh = await observed(sim, () => run("refresh", "--yes", "--skip-preview"));
    expect(refresh.result.stdout).toMatch(/~ 1 updated/);
    expect(refresh.connects).toBe(1);
    expect(refresh.commands).toEqual([]);

    const preview = await run("preview", "--diff");
    expect(preview.stdout).toMatch(/ip route 192\.168\.253\.240\/32 gateway 192\.168\.11\.241/);
    expect(preview.stdout).toMatch(/~ 1 to update/);

    const up = await observed(sim, () => run("up", "--yes", "--skip-preview"));
    expect(up.result.stdout).toMatch(/~ 1 updated/);
    expect(up.commands).toEqual(["ip route 192.168.253.240/32 gateway 192.168.11.240"]);
    expect(up.connects).toBe(1);
    expect(up.saves).toBe(1);
    expect(sim.runningConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240\n");
    expect(sim.savedConfig()).toContain("ip route 192.168.253.240/32 gateway 192.168.11.240\n");
    await run("preview", "--expect-no-changes");
  });

  test("adding a VPN user sends only that user's line", async () => {
    await stack.setLabSecrets([...SECRETS.users, EXTRA_USER]);
    // The preview diffs the line list line by line: the one new line, no index changes, no `router` change.
    const preview = await run("preview", "--diff");
    expect(preview.stdout).toMatch(/~ 1 to update/);
    expect(preview.stdout).toMatch(new RegExp(`^\\s*\\+ pp auth username ${EXTRA_USER.name} \\*{8}$`, "m"));
    expect(preview.stdout.match(/^\s*[+-] pp auth username/gm)).toHaveLength(1);
    expect(preview.stdout).not.toMatch(/~ \[\d+\]/);
    expect(preview.stdout).not.toMatch(/^\s*[-+~] router\b/m);
    expectNoSecret(preview.stdout + preview.stderr);
    // With the engine's log on stderr, so the secrets check below covers it too. At its default level: from -v=3
    // the engine itself dumps RPC payloads, nested secret values included, in plain text.
    const up = await observed(sim, () => run("up", "--yes", "--skip-preview", "--logtostderr"));
    expect(up.result.stdout).toMatch(/~ 1 updated/);
    expect(up.commands).toEqual([`pp auth username ${EXTRA_USER.name} ********`]);
    expect(up.connects).toBe(1);
    expect(up.saves).toBe(1);
    expect(sim.savedConfig()).toContain(` pp auth username ${EXTRA_USER.name} ${EXTRA_USER.password}\n`);
    expectNoSecret(up.result.stdout + up.result.stderr);
  });

  test("a command the router rejects leaves running and saved config as they were, and the next up succeeds", async () => {
    const running = sim.runningConfig();
    const saved = sim.savedConfig();
    const newKey = "psk-e2e-rotated-77aa";
    await stack.run("config", "set", "--secret", "preSharedKey", newKey);
    sim.setFaults([{ type: "error-on", match: "^ipsec ike pre-shared-key" }]);
    const failed = await observed(sim, () => stack.attempt("up", "--yes", "--skip-preview"));
    logs += failed.result.stdout + failed.result.stderr;
    expect(failed.result.code).not.toBe(0);
    expect(failed.result.stdout).toMatch(/L2tpAnonymousPool|vpn/);
    expect(failed.result.stdout + failed.result.stderr).not.toContain(newKey);
    expect(sim.runningConfig()).toBe(running);
    expect(sim.savedConfig()).toBe(saved);
    expect(failed.saves).toBe(0);

    // The stack still records the old key: the change is pending, not half-done.
    sim.setFaults([]);
    const pending = await run("preview", "--diff");
    expect(pending.stdout).toMatch(/~ 1 to update/);
    expect(pending.stdout).not.toContain(newKey);

    const retry = await observed(sim, () => run("up", "--yes", "--skip-preview"));
    expect(retry.commands).toEqual(["ipsec ike pre-shared-key 2 text ********"]);
    expect(sim.savedConfig()).toContain(`ipsec ike pre-shared-key 2 text ${newKey}\n`);
    await run("preview", "--expect-no-changes");
  });

  test("state and the engine's output hold no password or pre-shared key", async () => {
    const persisted = await stack.persisted();
    expect(persisted).toContain("ciphertext");
    expectNoSecret(persisted);
    expect(persisted).not.toContain("psk-e2e-rotated-77aa");
    expectNoSecret(logs);
  });

  test("destroy returns the router's running and saved config exactly to the starting network", async () => {
    const destroy = await observed(sim, () => run("destroy", "--yes", "--skip-preview"));
    expect(destroy.result.stdout).toMatch(/- 7 deleted/);
    expect(destroy.connects).toBe(1);
    expect(destroy.saves).toBeGreaterThanOrEqual(1);
    expect(sim.runningConfig()).toBe(start);
    expect(sim.savedConfig()).toBe(start);
  });
});
