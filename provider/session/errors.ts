import { redact } from "../secrets";

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
