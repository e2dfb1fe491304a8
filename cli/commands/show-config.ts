/** `nvr show-config --host ...`: prints the router's live `show config` (secrets masked unless --show-secrets). */
import { Command } from "commander";
import { redact } from "../../provider/secrets";
import { routerFor } from "../../provider/session";
import { addRouterOptions, connectionFrom, type CliIo, processIo, type RouterCliOptions } from "./apply";
import { CliError } from "./config";

export interface ShowConfigCliOptions extends RouterCliOptions {
  showSecrets?: boolean;
}

/** Runs `nvr show-config`; returns the exit status (0 printed, 1 router failure, 2 bad input). */
export async function showConfigCommand(opts: ShowConfigCliOptions, io: CliIo): Promise<number> {
  let router;
  try {
    router = routerFor(connectionFrom(opts, io.env, opts.verbose ? (l) => io.err(`${l}\n`) : undefined));
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.err(`nvr show-config: ${e.message}\n`);
    return 2;
  }
  try {
    const text = await router.showConfig();
    io.out(opts.showSecrets ? text : redact(text));
    return 0;
  } catch (e) {
    io.err(`nvr show-config: ${redact(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  } finally {
    await router.close().catch(() => undefined);
  }
}

export function register(program: Command): void {
  addRouterOptions(program.command("show-config").description("print the router's live configuration"))
    .option("--show-secrets", "print pre-shared keys and PPP passwords in clear")
    .action(async (opts: ShowConfigCliOptions) => {
      process.exitCode = await showConfigCommand(opts, processIo);
    });
}
