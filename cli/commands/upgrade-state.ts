/**
 * `nvr upgrade-state FILE [--out FILE]`: rewrites a `pulumi stack export` of a stack made before 0.2 so each
 * OverlapSafeVpn's per-host StaticRoute children become its StaticRoutes table (provider/state-upgrade.ts), for
 * `pulumi stack import`. Offline: the router is not touched. Exit 0 written (also when there was nothing to
 * upgrade), 2 bad input.
 */
import * as fs from "fs";
import { StateError } from "../../provider/errors";
import { type ExportedStack, upgradeHostRoutes } from "../../provider/state-upgrade";
import { CliError, Exit, readText, type CliCommand } from "../shared";

export interface UpgradeStateOptions {
  out?: string;
}

export const upgradeStateCommand: CliCommand<UpgradeStateOptions, [file: string]> = {
  define: (program) =>
    program
      .command("upgrade-state")
      .description(
        "rewrite a `pulumi stack export` so OverlapSafeVpn host routes made as StaticRoute children (before 0.2) are its StaticRoutes table",
      )
      .argument("<file>", "the exported stack (`-` for stdin)")
      .option("--out <file>", "write the upgraded stack here instead of stdout"),
  errorPrefix: "nvr upgrade-state: ",
  async run([file], opts, io) {
    let stack: ExportedStack;
    try {
      stack = JSON.parse(readText(file)) as ExportedStack;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${file}: not JSON from \`pulumi stack export\`: ${(e as Error).message}`);
    }
    if (typeof stack?.deployment !== "object" || stack.deployment === null)
      throw new CliError(`${file}: no "deployment": not JSON from \`pulumi stack export\``);
    let result: ReturnType<typeof upgradeHostRoutes>;
    try {
      result = upgradeHostRoutes(stack);
    } catch (e) {
      if (e instanceof StateError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    const text = `${JSON.stringify(result.stack, null, 2)}\n`;
    if (opts.out) fs.writeFileSync(opts.out, text);
    else io.out(text);
    for (const u of result.upgraded)
      io.err(
        `${u.component}: ${u.children.length} StaticRoute children → ${u.table} (${u.routes.length} routes)\n`,
      );
    if (result.upgraded.length === 0) io.err(`${file}: no OverlapSafeVpn host routes to upgrade\n`);
    return Exit.ok;
  },
};
