/**
 * Provider tests' fixtures: a simulator holding the seed config, and stack config pointing at it, as the
 * dynamic-provider host would pass it to configure().
 */
import * as fs from "fs";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import * as dynamic from "../../provider/dynamic";
import { startSimulator, type Simulator } from "../../simulator";
import { routerFor, type Router } from "../../provider/session";
import type { CheckFailure } from "../../provider/resources";

/** The seed's original NVR510 config (before the twice-NAT fix). */
export const SEED = fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed", "original.conf"), "utf8");

export const PASSWORD = "login-pw-4711";
export const ADMIN_PASSWORD = "admin-pw";

export async function seedSimulator(config = SEED): Promise<Simulator> {
  return startSimulator({ config, password: PASSWORD, adminPassword: ADMIN_PASSWORD });
}

/** Stack config for the simulator, keys as the engine passes them (`nvr:host`, ...). */
export function stackConfig(sim: Simulator): Record<string, string> {
  return {
    "nvr:host": sim.host,
    "nvr:port": String(sim.port),
    "nvr:username": "user",
    "nvr:password": PASSWORD,
    "nvr:adminPassword": ADMIN_PASSWORD,
    "nvr:hostKey": sim.fingerprint,
  };
}

/**
 * The property a check failure names: its `property`, or for a secret-holding input (reported without a property,
 * so the engine does not print the input's value) the name its reason starts with.
 */
export function propertyNamed(f: CheckFailure): string {
  return f.property || f.reason.split(": ")[0];
}

/** A ConfigureRequest like the host builds (its Config namespaces keys without a colon by project). */
export function configureRequest(raw: Record<string, string>): pulumi.dynamic.ConfigureRequest {
  const config = {
    get: (key: string) => raw[key.includes(":") ? key : `nvrtest:${key}`],
    require: (key: string) => {
      const v = raw[key.includes(":") ? key : `nvrtest:${key}`];
      if (v === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return v;
    },
  };
  return { config } as unknown as pulumi.dynamic.ConfigureRequest;
}

/** The config-changing lines the router received, in order (session housekeeping such as console settings left out). */
export function configCommands(sim: Simulator): string[] {
  return sim
    .events()
    .filter((e) => e.type === "command")
    .map((e) => String(e.text))
    .filter(
      (t) =>
        !/^(show |administrator|save$|(no )?console |exit$|quit$|help$|\*|pp select none$|tunnel select none$)/.test(
          t,
        ),
    );
}

/** The provider's login to the simulator, with full credentials. */
const loginTo = (sim: Simulator) => ({
  host: sim.host,
  port: sim.port,
  username: "user",
  password: PASSWORD,
  adminPassword: ADMIN_PASSWORD,
  hostKey: sim.fingerprint,
});

/** The process's shared session to the simulator (the one the provider uses), with full credentials. */
export function routerOf(sim: Simulator): Router {
  return routerFor(loginTo(sim));
}

/**
 * For the enclosing describe block: before its tests a simulator holding `config`, with the dynamic provider
 * configured for it; after them `beforeStop` (checks on what the block did to it), the session ended, the simulator
 * stopped. Returns the simulator for the tests to take once beforeAll has run.
 */
export function withSeedRouter(
  config = SEED,
  { beforeStop }: { beforeStop?: (sim: Simulator) => void } = {},
): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await seedSimulator(config);
    await dynamic.configure(configureRequest(stackConfig(sim)));
  });
  afterAll(async () => {
    if (!sim) return;
    beforeStop?.(sim);
    await settle(sim);
    await sim.stop();
  });
  return () => {
    if (!sim) throw new Error("withSeedRouter: the simulator starts in the block's beforeAll");
    return sim;
  };
}

/** Ends the shared session and drops its cached config, as the end of a `pulumi` run does. */
export async function settle(sim: Simulator): Promise<void> {
  await routerOf(sim).close();
}

/**
 * Waits until the simulator has seen no event for a moment. The provider reports an operation only once the router
 * is idle and clean (saved, console put back), so nothing should trail a response; this catches it if it does.
 * (The session itself stays logged in for reuse until it idles out.)
 */
export async function idle(sim: Simulator, quietMs = 300, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = sim.events().length;
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = sim.events().length;
    if (now !== seen) {
      seen = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the simulator kept receiving events for ${timeoutMs} ms`);
  }
}

/**
 * The provider process of an earlier `pulumi up` against `sim`: its own instance of provider/dynamic and of the
 * session registry, configured for the simulator, so nothing this run's checks noted is known to it (nor the reverse).
 * Runs `work` with it, then ends its session.
 */
export async function inEarlierRun(
  sim: Simulator,
  work: (provider: typeof dynamic) => Promise<void>,
): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const provider = await import("../../provider/dynamic");
    const session = await import("../../provider/session");
    await provider.configure(configureRequest(stackConfig(sim)));
    try {
      await work(provider);
    } finally {
      await session.routerFor(loginTo(sim)).close();
    }
  });
}

type Props = Record<string, unknown>;

/** The inputs of a check that is to pass (it fails the test otherwise), through the dynamic provider. */
export async function checked(kind: string, raw: Props, olds: Props = {}): Promise<Props> {
  const r = await dynamic.check(kind, olds, raw);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

/** The failures of a check that is to be refused. */
export async function refused(kind: string, raw: Props, olds: Props = {}): Promise<CheckFailure[]> {
  return (await dynamic.check(kind, olds, raw)).failures ?? [];
}

/** The route line of alias host `n` (192.168.253.n/32 via 192.168.11.n), as the router prints it. */
export const aliasRouteLine = (n: number) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`;

/** The router's alias-network host routes (192.168.253.x), in its order. */
export const aliasRouteLines = (sim: Simulator) =>
  sim
    .runningConfig()
    .split("\n")
    .filter((l) => l.startsWith("ip route 192.168.253."));
