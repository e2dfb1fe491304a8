#!/usr/bin/env node
/**
 * nvr-sim: a YAMAHA NVR / RTX (RT command family) simulator over SSH on 127.0.0.1.
 */
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { FAULT_SYNTAX, parseFault } from "./faults";
import { modelNamed } from "./engine/models";
import {
  type Fault,
  SIMULATOR_DEFAULTS,
  SIMULATOR_MODELS,
  startSimulator,
  type SimulatorModel,
} from "./index";

/** `--model` in any case (`RTX1210`, `nvr510`); commander's message lists the models when it is none of them. */
function modelOption(value: string): SimulatorModel {
  const model = modelNamed(value);
  if (!model) throw new InvalidArgumentError(`Allowed choices are ${SIMULATOR_MODELS.join(", ")}.`);
  return model.id as SimulatorModel;
}

function nonNegative(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
      throw new InvalidArgumentError(`${name} must be a whole number`);
    return n;
  };
}

/** Repeatable `--fault SPEC`; commander names the option and the value in front of the reason. */
function addFault(spec: string, previous: Fault[] = []): Fault[] {
  try {
    return [...previous, parseFault(spec)];
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

const program = new Command("nvr-sim")
  .description("Simulated YAMAHA NVR router (RT command family) on 127.0.0.1 over SSH")
  .option("--port <n>", "TCP port; 0 picks a free port", nonNegative("--port"), 2222)
  .option(
    "--model <model>",
    `router model, any case: ${SIMULATOR_MODELS.join(", ")}`,
    modelOption,
    SIMULATOR_DEFAULTS.model,
  )
  .option(
    "--config <file>",
    "initial config (show config text or a config file); becomes running and saved config",
  )
  .option("--state-dir <dir>", "keeps the SSH host key (ssh_host_rsa_key) so the fingerprint stays stable")
  .option("--user <name>", "SSH login user", SIMULATOR_DEFAULTS.user)
  .option(
    "--password <pass>",
    `login password (or env NVR_SIM_PASSWORD; default "${SIMULATOR_DEFAULTS.password}")`,
  )
  .option(
    "--admin-password <pass>",
    `administrator password (or env NVR_SIM_ADMIN_PASSWORD; default "${SIMULATOR_DEFAULTS.adminPassword}")`,
  )
  .option("--authorized-key <line...>", "OpenSSH public key line accepted for the login user (not on nvr500)")
  .option("--events <file>", "append JSON-lines events (connect, auth, command, save, disconnect, restart)")
  .option("--latency-ms <n>", "fault: delay before each command", nonNegative("--latency-ms"), 0)
  .option(
    "--handshake-delay-ms <n>",
    "fault: delay before the SSH handshake",
    nonNegative("--handshake-delay-ms"),
    0,
  )
  .option("--save-delay-ms <n>", "fault: delay of the save message", nonNegative("--save-delay-ms"), 0)
  .option(
    "--fault <spec>",
    `fault, repeatable: ${FAULT_SYNTAX} (the regex is all after the first '=')`,
    addFault,
  )
  .option(
    "--max-sessions <n>",
    "concurrent logins",
    nonNegative("--max-sessions"),
    SIMULATOR_DEFAULTS.maxSessions,
  )
  .option("--show-config-admin-only", "answer `show config` at `>` with `Administrator use only`")
  .addHelpText(
    "after",
    "\nThe `nat descriptor backward-compatibility` value in effect (it changes only on restart) is shown by\n" +
      "`show environment`. Japanese messages (console character ja.*, the default) are sent as UTF-8.",
  );

async function main(): Promise<void> {
  const o = program.parse().opts<{
    port: number;
    model: SimulatorModel;
    config?: string;
    stateDir?: string;
    user: string;
    password?: string;
    adminPassword?: string;
    authorizedKey?: string[];
    events?: string;
    latencyMs: number;
    handshakeDelayMs: number;
    saveDelayMs: number;
    fault?: Fault[];
    maxSessions: number;
    showConfigAdminOnly?: boolean;
  }>();
  let config: string | undefined;
  if (o.config !== undefined) {
    try {
      config = readFileSync(o.config, "utf8");
    } catch (e) {
      throw new Error(`--config: cannot read ${o.config}: ${(e as Error).message}`);
    }
  }
  const sim = await startSimulator({
    port: o.port,
    model: o.model,
    config,
    stateDir: o.stateDir,
    user: o.user,
    password: o.password ?? process.env.NVR_SIM_PASSWORD,
    adminPassword: o.adminPassword ?? process.env.NVR_SIM_ADMIN_PASSWORD,
    authorizedKeys: o.authorizedKey,
    events: o.events,
    latencyMs: o.latencyMs,
    handshakeDelayMs: o.handshakeDelayMs,
    saveDelayMs: o.saveDelayMs,
    faults: o.fault,
    maxSessions: o.maxSessions,
    showConfigAdminOnly: o.showConfigAdminOnly,
  });
  for (const w of sim.loadWarnings) console.error(`${o.config}:${w.line}: skipped (${w.error})`);
  console.log(`listening on ${sim.host}:${sim.port}`);
  console.log(`host key fingerprint ${sim.fingerprint} (RSA)`);
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(`nvr-sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
