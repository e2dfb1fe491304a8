/**
 * `nvr apply --host H --port P --user U --host-key SHA256:... [--model M] FILE`: applies a file of command lines
 * (with `pp select` / `tunnel select` context lines) transactionally, printing the plan and the result. Passwords
 * come from NVR_PASSWORD / NVR_ADMIN_PASSWORD only, never from argv (argv is visible to every local user).
 */
import { Command } from "commander";
import { z } from "zod";
import { planFromTree } from "../../provider/apply/plan";
import { isOperation } from "../../provider/config/keys";
import type { ContextCommand } from "../../provider/config/model";
import { renderCommands } from "../../provider/config/render";
import { redact } from "../../provider/secrets";
import { RouterError, routerFor, type RouterConnection } from "../../provider/session";
import { CliError, readConfig } from "./config";

export interface RouterCliOptions {
  host?: string;
  port?: string;
  user?: string;
  hostKey?: string;
  knownHosts?: string;
  trustOnFirstUse?: boolean;
  privateKey?: string;
  model?: string;
  timeout?: string;
  verbose?: boolean;
}

const connectionSchema = z.object({
  host: z.string({ required_error: "--host is required" }).min(1, "--host is required"),
  port: z.coerce.number().int().min(1).max(65535).default(22),
  user: z.string({ required_error: "--user is required" }).min(1, "--user is required"),
  hostKey: z
    .string()
    .regex(
      /^SHA256:[A-Za-z0-9+/]{43}=?$/,
      "--host-key must be a SHA256 fingerprint as ssh-keygen -lf prints it",
    )
    .optional(),
  knownHosts: z.string().optional(),
  trustOnFirstUse: z.boolean().optional(),
  privateKey: z.string().optional(),
  model: z.string().optional(),
  timeout: z.coerce.number().int().positive().optional(),
});

/** The connection options `apply` and `show-config` share. */
export function addRouterOptions(cmd: Command): Command {
  return cmd
    .requiredOption("--host <host>", "router address")
    .option("--port <port>", "SSH port", "22")
    .requiredOption("--user <user>", "login user (SSH needs a named user)")
    .option(
      "--host-key <fingerprint>",
      "pinned host key, SHA256:... (show sshd host key type=fingerprint sha256)",
    )
    .option("--known-hosts <file>", "known_hosts file to check the host key against")
    .option("--trust-on-first-use", "accept an unknown host key (recorded in --known-hosts if given)")
    .option("--private-key <file>", "private key file for public-key login")
    .option("--model <model>", "router model, e.g. nvr510")
    .option("--timeout <ms>", "per-command timeout in milliseconds")
    .option("--verbose", "print the session log (secrets masked) to stderr");
}

/** Validated connection from CLI options; passwords from the environment. */
export function connectionFrom(
  opts: RouterCliOptions,
  env: NodeJS.ProcessEnv,
  log?: (line: string) => void,
): RouterConnection {
  const parsed = connectionSchema.safeParse(opts);
  if (!parsed.success) {
    throw new CliError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "option"}: ${i.message}`).join("; "),
    );
  }
  const o = parsed.data;
  return {
    host: o.host,
    port: o.port,
    username: o.user,
    password: env.NVR_PASSWORD,
    adminPassword: env.NVR_ADMIN_PASSWORD,
    loginPassword: env.NVR_LOGIN_PASSWORD,
    privateKey: o.privateKey,
    passphrase: env.NVR_KEY_PASSPHRASE,
    hostKey: o.hostKey,
    knownHostsFile: o.knownHosts,
    trustOnFirstUse: o.trustOnFirstUse,
    model: o.model,
    commandTimeoutMs: o.timeout,
    idleCloseMs: 60_000,
    log,
  };
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** The real process's streams and environment, for the commands' actions (tests pass their own CliIo). */
export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
};

export interface ApplyCliOptions extends RouterCliOptions {
  save?: boolean;
  commitConfirmed?: boolean;
  confirmTimeout?: string;
  allowOperations?: boolean;
  takeOverUnsaved?: boolean;
}

/**
 * The file's lines as a plan, refusing what must never be typed from a file: control characters (Ctrl-U clears
 * the router's input line, so `x\x15restart` runs `restart`) and, unless explicitly allowed, operation commands.
 */
function planOfFile(file: string, allowOperations: boolean): ContextCommand[] {
  const tree = readConfig(file, { source: "file" });
  const lines = tree.items.flatMap((i) => (i.type === "line" ? [i.line] : i.block.lines));
  for (const line of lines) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(line.text))
      throw new CliError(`${file}:${line.line}: a control character in a command line is never sent`);
    if (!allowOperations && isOperation(line.tokens))
      throw new CliError(
        `${file}:${line.line}: "${line.tokens.slice(0, 2).join(" ")}" is an operation, not configuration; nothing was sent (pass --allow-operations to send it anyway)`,
      );
  }
  return planFromTree(tree);
}

/** Runs `nvr apply`; returns the exit status (0 applied and saved, 1 failed, 2 bad input). */
export async function applyCommand(file: string, opts: ApplyCliOptions, io: CliIo): Promise<number> {
  let conn: RouterConnection;
  let plan;
  try {
    conn = connectionFrom(opts, io.env, opts.verbose ? (l) => io.err(`${l}\n`) : undefined);
    plan = planOfFile(file, opts.allowOperations === true);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.err(`nvr apply: ${redact(e.message)}\n`);
    return 2;
  }
  const name = conn.name ?? `${conn.host}:${conn.port}`;
  io.out(`plan for ${name} (${plan.length} command(s)):\n${redact(renderCommands(plan))}`);
  if (plan.length === 0) {
    io.out("nothing to apply\n");
    return 0;
  }
  const router = routerFor({ ...conn, takeOverUnsaved: opts.takeOverUnsaved === true, client: "nvr apply" });
  try {
    const result = await router.apply(plan, {
      save: opts.save,
      commitConfirmed: opts.commitConfirmed ? true : "auto",
      confirmTimeoutSec: opts.confirmTimeout === undefined ? undefined : Number(opts.confirmTimeout),
      label: file,
    });
    io.out(
      `applied ${result.applied.length} command(s)${result.saved ? ", saved" : ", NOT saved (--no-save)"}\n`,
    );
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const rolledBack = e instanceof RouterError && e.rolledBack;
    io.err(
      `nvr apply: ${redact(message)}${rolledBack ? "\nrolled back: the router is as before; nothing saved" : ""}\n`,
    );
    return 1;
  } finally {
    await router.close().catch(() => undefined);
  }
}

export function register(program: Command): void {
  addRouterOptions(
    program
      .command("apply")
      .description("apply a file of command lines to a router transactionally (rollback on error, then save)")
      .argument("<file>", "command lines, with pp select / tunnel select context lines"),
  )
    .option("--no-save", "apply and verify, but do not save")
    .option("--commit-confirmed", "arm a restart first and verify from a fresh login before saving")
    .option("--confirm-timeout <sec>", "seconds until the armed restart (default 300)")
    .option(
      "--allow-operations",
      "send operation commands in the file too (restart, delete, load, clear, ...)",
    )
    .option(
      "--take-over-unsaved",
      "save unsaved changes someone else left in the running config together with this file's (default: refuse)",
    )
    .action(async (file: string, opts: ApplyCliOptions) => {
      process.exitCode = await applyCommand(file, opts, processIo);
    });
}
