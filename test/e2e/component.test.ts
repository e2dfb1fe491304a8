// A component's invalid inputs with the real Pulumi CLI: one error on the component listing every invalid input,
// without a Node stack trace or escape codes, and no router contacted.
import * as path from "path";
import type { Simulator } from "../../simulator";
import { routerConfig, Stack, startSeedRouter } from "./lab";

jest.setTimeout(120_000);

const PROJECT = path.join(__dirname, "fixtures", "component");

describe("OverlapSafeVpn input errors", () => {
  let sim: Simulator;
  let stack: Stack;

  beforeAll(async () => {
    sim = await startSeedRouter();
    stack = new Stack(PROJECT, "component");
    const { settings, secrets } = routerConfig(sim);
    await stack.init(
      {
        ...settings,
        "component:aliasNetwork": "192.168.253.7/24",
        "component:aliasFirstHost": "0",
        "component:pool": "192.168.254.9-",
      },
      {
        "nvr:password": secrets["nvr:password"],
        "component:password": "pw-e2e-c0mp",
        "component:preSharedKey": "psk-e2e-c0mp-long",
      },
    );
  });

  afterAll(async () => {
    await stack?.remove();
    await sim?.stop();
  });

  test("preview fails with one clean error naming each invalid input", async () => {
    sim.clearEvents();
    const r = await stack.attempt("preview");
    const out = r.stdout + r.stderr;
    expect(r.code).not.toBe(0);
    expect(out.split("OverlapSafeVpn: invalid inputs").length - 1).toBeGreaterThanOrEqual(1);
    expect(out).toMatch(/aliasNetwork: must be a network/);
    expect(out).toMatch(/aliasFirstHost: must be at least 1/);
    expect(out).toMatch(/vpn\.pool: /);
    expect(out).not.toContain("unhandled exception");
    expect(out).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(out).not.toContain("\u001b[");
    expect(sim.events().filter((e) => e.type === "connect")).toEqual([]);
  });
});
