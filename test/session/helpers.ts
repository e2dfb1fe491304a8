import { startSimulator, type SimEvent, type Simulator, type SimulatorOptions } from "../../simulator";
import { routerFor, type Router, type RouterConnection } from "../../provider/session";

/** A small network: a route, lan1, pp 1 with credentials, the DHCP server. */
export const NETWORK_CONFIG = [
  "ip route 10.0.0.0/8 gateway 192.168.100.254",
  "ip lan1 address 192.168.100.1/24",
  "pp select 1",
  " pp auth myname olduser oldsecret",
  " pp enable 1",
  "dhcp service server",
  "",
].join("\n");

/** The network as a router holds it, with the login and console lines of a real config. */
export const BASE_CONFIG = `login password *\nconsole character ja.sjis\n${NETWORK_CONFIG}`;

export interface Harness {
  sim: Simulator;
  router: Router;
  logs: string[];
  conn: RouterConnection;
}

/** A login to the simulator with its default credentials, pinned to its host key. */
export function connectionTo(sim: Pick<Simulator, "host" | "port" | "fingerprint">): RouterConnection {
  return {
    host: sim.host,
    port: sim.port,
    username: "user",
    password: "password",
    adminPassword: "admin",
    hostKey: sim.fingerprint,
    idleCloseMs: 60_000,
  };
}

/** A simulator on a free port and a router pinned to its host key; `done` stops both. */
export async function harness(
  simOpts: SimulatorOptions = {},
  connOpts: Partial<RouterConnection> = {},
): Promise<Harness & { done: () => Promise<void> }> {
  const sim = await startSimulator({ config: BASE_CONFIG, ...simOpts });
  const logs: string[] = [];
  const conn: RouterConnection = {
    ...connectionTo(sim),
    commandTimeoutMs: 5000,
    log: (l) => logs.push(l),
    ...connOpts,
  };
  const router = routerFor(conn);
  return {
    sim,
    router,
    logs,
    conn,
    done: async () => {
      await router.close().catch(() => undefined);
      await sim.stop();
    },
  };
}

/** The commands the router received, in order (secrets masked as the simulator logs them). */
export const commandsOf = (events: readonly SimEvent[]) =>
  events.flatMap((e) => (e.type === "command" ? [String(e.text)] : []));

/** One run of a scenario with the connection dropped after command `after`. */
export interface Cut<T> {
  after: number;
  /** "drop after command N (text)", to name the cut in assertions. */
  where: string;
  outcome: T;
  running: string;
  saved: string;
}

/**
 * Every cut of a scenario: it is run with the simulator dropping the connection after command 1, 2, ... until a run
 * ends before its cut (it typed fewer commands: that run is the clean one). Each run ends with the router closed
 * (its logout puts back the console settings it changed) before the configs are read. Asserts that every cut lay
 * inside its run and ended the connection there, so the cut tested something. Every command of the clean run is
 * cut after by construction, and a scenario driven by timing (how many commands a run types varies with the
 * machine's load) is cut through to the end of each of its runs.
 */
export async function dropAfterEachCommand<T>(
  scenario: (h: Harness) => Promise<T>,
  simOpts: SimulatorOptions = {},
): Promise<{ clean: T; cuts: Cut<T>[] }> {
  const cuts: Cut<T>[] = [];
  for (let after = 1; ; after++) {
    const h = await harness({ ...simOpts, faults: [{ type: "drop-after-commands", count: after }] });
    try {
      const outcome = await scenario(h);
      await h.router.close();
      const typed = h.sim.events().filter((e) => e.type === "command");
      if (typed.length < after) {
        expect(cuts.length).toBeGreaterThan(0);
        return { clean: outcome, cuts };
      }
      const [at, next] = [typed[after - 1], typed[after]];
      const where = `drop after command ${after} (${String(at.text)})`;
      // The connection ended at the cut (the drop, or the logout that command was).
      expect(`${where}: ended ${next?.session !== at.session}`).toBe(`${where}: ended true`);
      cuts.push({ after, where, outcome, running: h.sim.runningConfig(), saved: h.sim.savedConfig() });
    } finally {
      await h.done();
    }
  }
}

export const g = (command: string) => ({ context: { kind: "global" as const }, command });
export const pp = (peer: string, command: string) => ({ context: { kind: "pp" as const, peer }, command });
export const tunnel = (n: number, command: string) => ({
  context: { kind: "tunnel" as const, tunnel: n },
  command,
});
