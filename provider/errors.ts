/**
 * Every error the provider throws, in one module at the bottom of the layers so any layer can throw or catch them
 * without importing upward.
 */
import { redact } from "./secrets";

/** A validation failure that names the input property (dotted path, e.g. "statics[1].outer"). */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Every failure talking to a router: names the router, the failing command (secrets masked) and the router's own message. */
export class RouterError extends Error {
  readonly router: string;
  readonly command?: string;
  readonly routerMessage?: string;
  /** Set when the router was put back to its state before the failed plan (nothing of it remains, nothing saved). */
  rolledBack = false;

  constructor(router: string, message: string, opts: { command?: string; routerMessage?: string } = {}) {
    const command = opts.command === undefined ? undefined : redact(opts.command);
    const routerMessage = opts.routerMessage === undefined ? undefined : redact(opts.routerMessage);
    const parts = [`${router}: ${redact(message)}`];
    if (command !== undefined) parts.push(`command: ${command}`);
    if (routerMessage !== undefined) parts.push(`router said: ${routerMessage}`);
    super(parts.join("; "));
    this.name = new.target.name;
    this.router = router;
    this.command = command;
    this.routerMessage = routerMessage;
  }
}

/** The presented host key does not match the pin / known_hosts entry, or is unknown and TOFU was not asked for. */
export class HostKeyError extends RouterError {
  constructor(
    router: string,
    readonly expected: string | undefined,
    readonly presented: string,
  ) {
    super(
      router,
      expected === undefined
        ? `unknown host key ${presented} (pin it with hostKey, add it to known_hosts, or enable trustOnFirstUse)`
        : `host key mismatch: expected ${expected}, presented ${presented}; not authenticating`,
    );
  }
}

/** Login or administrator password rejected. */
export class AuthError extends RouterError {}

/** The router did not answer with a prompt in time. */
export class TimeoutError extends RouterError {}

/** The SSH connection closed or failed while a command was outstanding. */
export class ConnectionLostError extends RouterError {}

/** The router answered a command with `Error:` / `エラー:`. */
export class CommandError extends RouterError {}

/** After applying, the router's config does not contain what the plan intended. */
export class VerifyError extends RouterError {}

/**
 * The running config holds changes that are not saved and that no session of this tool made: saving would
 * persist someone else's work. Nothing was sent.
 */
export class UnsavedChangesError extends RouterError {
  constructor(router: string, changes: string) {
    super(
      router,
      `the running config has unsaved changes this tool did not make: ${changes}. Nothing was sent. Save or undo them on the router, or take them over explicitly (nvr:takeOverUnsaved / nvr apply --take-over-unsaved)`,
    );
  }
}

/** The only error the parser throws: names the 1-based source line and the reason. */
export class ConfigParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "ConfigParseError";
  }
}

/** Invalid design inputs: every failure names the input (dotted path, e.g. "vpn.pool"). Never carries secrets. */
export class VpnDesignError extends Error {
  constructor(
    readonly component: string,
    readonly failures: CheckFailure[],
  ) {
    super(`${component}: invalid inputs\n${failures.map((f) => `  ${f.property}: ${f.reason}`).join("\n")}`);
    this.name = "VpnDesignError";
  }
}

/** Thrown for a program that cannot be found, configured or run; the message names the file or key. */
export class ProgramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramError";
  }
}

/** Thrown when the lock stays taken past the wait. */
export class LockTimeout extends Error {}

/** A router line that cannot be read back into a model: names the line and the reason. */
export class ReadError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`cannot read "${text}": ${reason}`);
    this.name = "ReadError";
  }
}

/** Desired state the router's current config rules out, found by `plan` before anything is typed. */
export class RefusedError extends Error {
  constructor(
    readonly kind: string,
    readonly identity: string,
    readonly failures: CheckFailure[],
  ) {
    super(`${kind} ${identity}: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    this.name = "RefusedError";
  }
}

/**
 * A resource's Pulumi state that the provider cannot use (edited by hand, or not written by this provider): names
 * the state property. Nothing is sent.
 */
export class StateError extends Error {
  constructor(
    readonly kind: string,
    readonly property: string,
    readonly reason: string,
  ) {
    super(`${kind}: state property ${property}: ${reason}; nothing was sent`);
    this.name = "StateError";
  }
}

/** Bad or unsupported input found while building the model; names the source line. */
export class AnalysisError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = "AnalysisError";
  }
}
