/**
 * nvr-sim's in-process API: start a simulated YAMAHA router on 127.0.0.1 and inspect it from tests and the demo.
 *
 * Defaults: model nvr510, login user `user` / password `password`, administrator password `admin`, port 0 (a free
 * port), 8 sessions, `login timer` 300 s, `show config` allowed at `>`.
 */
import { Engine, type LoadWarning } from "./engine/engine";
import { parseConfigCommand } from "./engine/grammar";
import { MODELS, modelNamed } from "./engine/models";
import { EventLog, type SimEvent } from "./events";
import { loadOrCreateHostKey } from "./hostkey";
import type { Fault } from "./faults";
import { SimServer } from "./server";

export type { Fault } from "./faults";
export type { SimEvent } from "./events";
export type { LoadWarning } from "./engine/engine";

/** The simulated models (engine/models.ts), lower case. */
export const SIMULATOR_MODELS = [
  "nvr510",
  "nvr500",
  "nvr700w",
  "rtx830",
  "rtx840",
  "rtx1100",
  "rtx1200",
  "rtx1210",
  "rtx1220",
  "rtx1300",
  "rtx1500",
  "rtx5000",
] as const;
export type SimulatorModel = (typeof SIMULATOR_MODELS)[number];

export const SIMULATOR_DEFAULTS = {
  model: "nvr510" as SimulatorModel,
  user: "user",
  password: "password",
  adminPassword: "admin",
  maxSessions: 8,
  loginTimerSec: 300,
};

export interface SimulatorOptions {
  port?: number;
  model?: SimulatorModel;
  /** Initial config text: becomes running and saved config. */
  config?: string;
  stateDir?: string;
  user?: string;
  password?: string;
  adminPassword?: string;
  /** OpenSSH public key lines. */
  authorizedKeys?: string[];
  /** JSONL file path. */
  events?: string;
  latencyMs?: number;
  handshakeDelayMs?: number;
  saveDelayMs?: number;
  faults?: Fault[];
  maxSessions?: number;
  loginTimerSec?: number;
  showConfigAdminOnly?: boolean;
}

export interface Simulator {
  host: "127.0.0.1";
  port: number;
  /** "SHA256:..." as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** OpenSSH public key line. */
  hostKey: string;
  /** Lines of the initial config that the device rejected (it skips them, CR §2.3). */
  loadWarnings: LoadWarning[];
  /** Body text as show config prints it (LF), without the header lines. */
  runningConfig(): string;
  savedConfig(): string;
  events(): SimEvent[];
  clearEvents(): void;
  setFaults(f: Fault[]): void;
  stop(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const modelId = opts.model ?? SIMULATOR_DEFAULTS.model;
  const model = modelNamed(modelId);
  if (!model)
    throw new Error(`model: unknown model "${modelId}" (expected ${Object.keys(MODELS).join(", ")})`);
  const engine = new Engine({
    model,
    parse: parseConfigCommand,
    adminPassword: opts.adminPassword ?? SIMULATOR_DEFAULTS.adminPassword,
    showConfigAdminOnly: opts.showConfigAdminOnly ?? false,
    loginTimerSec: opts.loginTimerSec ?? SIMULATOR_DEFAULTS.loginTimerSec,
    bootTime: new Date(),
  });
  const loadWarnings = opts.config === undefined ? [] : engine.load(opts.config);
  const hostKey = loadOrCreateHostKey(opts.stateDir);
  const events = new EventLog(opts.events);
  const server = new SimServer(
    engine,
    events,
    hostKey,
    {
      user: opts.user ?? SIMULATOR_DEFAULTS.user,
      password: opts.password ?? SIMULATOR_DEFAULTS.password,
      authorizedKeys: opts.authorizedKeys ?? [],
      latencyMs: opts.latencyMs ?? 0,
      handshakeDelayMs: opts.handshakeDelayMs ?? 0,
      saveDelayMs: opts.saveDelayMs ?? 0,
      maxSessions: opts.maxSessions ?? SIMULATOR_DEFAULTS.maxSessions,
    },
    opts.faults ?? [],
  );
  const port = await server.listen(opts.port ?? 0);
  const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join("");
  return {
    host: "127.0.0.1",
    port,
    fingerprint: hostKey.fingerprint,
    hostKey: hostKey.publicKey,
    loadWarnings,
    runningConfig: () => text(engine.body(engine.running)),
    savedConfig: () => text(engine.body(engine.saved)),
    events: () => events.all(),
    clearEvents: () => events.clear(),
    setFaults: (f) => server.setFaults(f),
    stop: () => server.close(),
  };
}
