/**
 * What every `nvr` command shares: the one command shape (`CliCommand`) and its runner, the exit codes, the I/O
 * seam tests replace, reading config files, the analysis commands' plumbing and the router connection options.
 */
import * as fs from "fs";
import type { Command } from "commander";
import { z } from "zod";
import { AnalysisError } from "../provider/analysis";
import type { ConfigTree } from "../provider/config/model";
import { detectSource, parseConfig } from "../provider/config/parse";
import { ConfigParseError } from "../provider/errors";
import { redact } from "../provider/secrets";
import { routerFor, type Router, type RouterConnection } from "../provider/session";

/** The exit codes of every command (README "Exit codes"). */
export const Exit = {
  /** Done, and the answer is yes: reachable, delivered, no error finding, every check passes. */
  ok: 0,
  /** The answer is no (not reachable, dropped, an error finding, a failed check) or the operation failed. */
  negative: 1,
  /** Bad input or usage: nothing was done. */
  badInput: 2,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** Bad input or usage (exit 2): the message is the whole reason, printed after the command's error prefix. */
export class CliError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** The real process's streams and environment (tests pass their own CliIo). */
export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
};

/**
 * The one shape of an `nvr` command. `define` adds the command with its arguments and options under `parent` and
 * returns it; `run` gets the positional arguments and options commander parsed, writes through `io` and resolves to
 * the exit code. `run` throws a CliError for bad input; any other error it throws is a failed operation.
 */
export interface CliCommand<Opts, Args extends unknown[] = []> {
  define(parent: Command): Command;
  /**
   * Starts every error line: "nvr apply: ", or "" for the offline file tools, whose errors are `FILE:LINE: reason`
   * lines an editor can jump to.
   */
  errorPrefix: string;
  run(args: Args, opts: Opts, io: CliIo): Promise<ExitCode>;
}

/** Runs a command as `nvr` does: an error it throws becomes one stderr line (secrets masked) and exit 2 or 1. */
export async function runCommand<Opts, Args extends unknown[]>(
  command: CliCommand<Opts, Args>,
  args: Args,
  opts: Opts,
  io: CliIo,
): Promise<ExitCode> {
  try {
    return await command.run(args, opts, io);
  } catch (e) {
    io.err(`${command.errorPrefix}${redact(e instanceof Error ? e.message : String(e))}\n`);
    return e instanceof CliError ? Exit.badInput : Exit.negative;
  }
}

export interface ReadOptions {
  /** "show" or "file"; guessed from the text when absent. */
  source?: "show" | "file";
  /** `console columns` of the capture, for rejoining hard wraps (default 80). */
  columns?: number;
}

/** UTF-8, or Shift_JIS when the bytes are not valid UTF-8 (the router writes config files in Shift_JIS). */
export function decodeConfig(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file === "-" ? 0 : file);
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** FILE as UTF-8 text (`-` is stdin); an unreadable file is bad input naming it. */
export function readText(file: string): string {
  return readBytes(file).toString("utf8");
}

/** Reads and parses FILE (`-` is stdin); every failure becomes a CliError naming the file (and line). */
export function readConfig(file: string, opts: ReadOptions = {}): ConfigTree {
  const text = decodeConfig(readBytes(file));
  try {
    return parseConfig(text, { source: opts.source ?? detectSource(text), columns: opts.columns });
  } catch (e) {
    if (e instanceof ConfigParseError) throw new CliError(`${file}:${e.line}: ${e.reason}`);
    throw e;
  }
}

/** Runs an analysis of FILE; an AnalysisError becomes `FILE:LINE: reason` (or the bare reason for a bad option). */
export function analyse<T>(file: string, analysis: (tree: ConfigTree) => T): T {
  const tree = readConfig(file);
  try {
    return analysis(tree);
  } catch (e) {
    if (e instanceof AnalysisError)
      throw new CliError(e.line > 0 ? `${file}:${e.line}: ${e.reason}` : e.reason);
    throw e;
  }
}

export interface Service {
  ip: string;
  proto: "tcp" | "udp" | "icmp";
  port?: number;
}

/** `192.168.11.240:tcp/445`, `192.168.11.250:udp/53`, `192.168.11.1:icmp` (`nvr reach --service`, checks.yaml). */
export function parseService(text: string): Service {
  const m = /^([\d.]+):(tcp|udp|icmp)(?:\/(\d{1,5}))?$/.exec(text);
  const port = m?.[3] === undefined ? undefined : Number(m[3]);
  if (
    !m ||
    (m[2] !== "icmp" && (port === undefined || port > 65535)) ||
    (m[2] === "icmp" && port !== undefined)
  )
    throw new CliError(`--service: "${text}" is not IP:tcp/PORT, IP:udp/PORT or IP:icmp`);
  return { ip: m[1], proto: m[2] as Service["proto"], port };
}

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

/** The stack config key (`nvr:KEY`) `nvr plan --router` reads for each of these flags the command line leaves out. */
export const STACK_CONFIG_KEYS = {
  host: "host",
  port: "port",
  user: "username",
  hostKey: "hostKey",
  model: "model",
} as const satisfies Partial<Record<keyof RouterCliOptions, string>>;

interface RouterFlag {
  flags: string;
  description: string;
  /** Required where the router is the only source (apply, show-config). */
  required?: boolean;
  /** What applies when neither the flag nor (for `nvr plan`) the stack gives a value. */
  fallback?: string;
}

const ROUTER_FLAGS: Record<keyof RouterCliOptions, RouterFlag> = {
  host: { flags: "--host <host>", description: "router address", required: true },
  port: { flags: "--port <port>", description: "SSH port", fallback: "22" },
  user: { flags: "--user <user>", description: "login user (SSH needs a named user)", required: true },
  hostKey: {
    flags: "--host-key <fingerprint>",
    description: "pinned host key, SHA256:... (show sshd host key type=fingerprint sha256)",
  },
  knownHosts: {
    flags: "--known-hosts <file>",
    description: "known_hosts file to check the host key against",
  },
  trustOnFirstUse: {
    flags: "--trust-on-first-use",
    description: "accept an unknown host key (recorded in --known-hosts if given)",
  },
  privateKey: { flags: "--private-key <file>", description: "private key file for public-key login" },
  model: { flags: "--model <model>", description: "router model, e.g. nvr510" },
  timeout: { flags: "--timeout <ms>", description: "per-command timeout in milliseconds" },
  verbose: { flags: "--verbose", description: "print the session log (secrets masked) to stderr" },
};

/**
 * Adds the connection flags. `required`: the router is the command's only source (`--host`, `--user` mandatory);
 * `optional`: the command has another source (`nvr import --from`); `stack`: absent flags come from the stack's
 * `nvr:*` config (`nvr plan --router`).
 */
export function addRouterOptions(cmd: Command, source: "required" | "optional" | "stack"): Command {
  for (const [name, flag] of Object.entries(ROUTER_FLAGS)) {
    const stackKey = STACK_CONFIG_KEYS[name as keyof typeof STACK_CONFIG_KEYS] as string | undefined;
    const defaults = [
      ...(source === "stack" && stackKey !== undefined ? [`stack config nvr:${stackKey}`] : []),
      ...(flag.fallback === undefined ? [] : [flag.fallback]),
    ];
    const description =
      defaults.length === 0 ? flag.description : `${flag.description} (default ${defaults.join(" or ")})`;
    if (source === "required" && flag.required) cmd.requiredOption(flag.flags, description);
    else cmd.option(flag.flags, description);
  }
  return cmd;
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

/**
 * The validated connection from the flags; passwords only from the environment (argv is visible to every local
 * user). `--verbose` sends the session log to io.err.
 */
export function connectionFrom(opts: RouterCliOptions, io: CliIo): RouterConnection {
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
    password: io.env.NVR_PASSWORD,
    adminPassword: io.env.NVR_ADMIN_PASSWORD,
    loginPassword: io.env.NVR_LOGIN_PASSWORD,
    privateKey: o.privateKey,
    passphrase: io.env.NVR_KEY_PASSPHRASE,
    hostKey: o.hostKey,
    knownHostsFile: o.knownHosts,
    trustOnFirstUse: o.trustOnFirstUse,
    model: o.model,
    commandTimeoutMs: o.timeout,
    idleCloseMs: 60_000,
    log: opts.verbose ? (line) => io.err(`${line}\n`) : undefined,
  };
}

/** Uses the router of `conn` and closes it afterwards, whatever happened (a CLI run is its only user). */
export async function withRouter<T>(conn: RouterConnection, use: (router: Router) => Promise<T>): Promise<T> {
  const router = routerFor(conn);
  try {
    return await use(router);
  } finally {
    await router.close().catch(() => undefined);
  }
}
