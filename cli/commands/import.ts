/**
 * `nvr import (--from FILE | --host H --port P --user U --host-key SHA256:...)`: prints a TypeScript Pulumi program
 * that adopts the router's config for the supported resource kinds. The config lines it cannot express are listed
 * as comments at the top of the program and on stderr. Exit 2 on bad input, 1 when the router cannot be read.
 */
import { Command } from "commander";
import type { ConfigTree } from "../../provider/config/model";
import { generateProgram } from "../../provider/review";
import { redact } from "../../provider/secrets";
import { routerFor } from "../../provider/session";
import { connectionFrom, type CliIo, processIo, type RouterCliOptions } from "./apply";
import { CliError, readConfig } from "./config";

export interface ImportCliOptions extends RouterCliOptions {
  from?: string;
}

async function currentConfig(
  opts: ImportCliOptions,
  io: CliIo,
): Promise<{ tree: ConfigTree; source: string }> {
  if (opts.from !== undefined) {
    if (opts.host !== undefined) throw new CliError("give either --from FILE or --host, not both");
    return { tree: readConfig(opts.from), source: opts.from };
  }
  if (opts.host === undefined) throw new CliError("give --from FILE or --host (with --user)");
  const conn = connectionFrom(opts, io.env, opts.verbose ? (l) => io.err(`${l}\n`) : undefined);
  const router = routerFor(conn);
  try {
    return { tree: (await router.config()).tree, source: `${conn.host}:${conn.port ?? 22}` };
  } finally {
    await router.close().catch(() => undefined);
  }
}

/** Runs `nvr import`; returns the exit status. */
export async function importCommand(opts: ImportCliOptions, io: CliIo): Promise<number> {
  let config;
  try {
    config = await currentConfig(opts, io);
  } catch (e) {
    const status = e instanceof CliError ? 2 : 1;
    io.err(`nvr import: ${redact(e instanceof Error ? e.message : String(e))}\n`);
    return status;
  }
  const result = generateProgram(config.tree, { source: config.source });
  io.out(result.program);
  for (const u of result.unreadable) io.err(`nvr import: not expressed: ${u.identity}: ${u.reason}\n`);
  for (const u of result.unexpressed) io.err(`nvr import: not expressed: line ${u.line}: ${u.text}\n`);
  return 0;
}

export function register(program: Command): void {
  program
    .command("import")
    .description("generate a Pulumi program (adopt: true) reproducing the router's config")
    .option("--from <file>", "a show config dump or config file instead of a live router")
    .option("--host <host>", "router address")
    .option("--port <port>", "SSH port", "22")
    .option("--user <user>", "login user")
    .option("--host-key <fingerprint>", "pinned host key, SHA256:...")
    .option("--known-hosts <file>", "known_hosts file to check the host key against")
    .option("--trust-on-first-use", "accept an unknown host key")
    .option("--private-key <file>", "private key file for public-key login")
    .option("--model <model>", "router model, e.g. nvr510")
    .option("--timeout <ms>", "per-command timeout in milliseconds")
    .option("--verbose", "print the session log (secrets masked) to stderr")
    .action(async (opts: ImportCliOptions) => {
      process.exitCode = await importCommand(opts, processIo);
    });
}
