import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator";
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

export const g = (command: string) => ({ context: { kind: "global" as const }, command });
export const pp = (peer: string, command: string) => ({ context: { kind: "pp" as const, peer }, command });
export const tunnel = (n: number, command: string) => ({
  context: { kind: "tunnel" as const, tunnel: n },
  command,
});
