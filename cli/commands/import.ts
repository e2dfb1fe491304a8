/**
 * `nvr import (--from FILE | --host H --port P --user U --host-key SHA256:...)`: prints a TypeScript Pulumi program
 * that adopts the router's config: typed resources where a kind expresses the lines, ConfigLines for the rest. How
 * many lines each holds, the objects a typed kind could not read and the lines left unmanaged (with why) are listed
 * as comments at the top of the program and on stderr. Exit 0 printed, 1 the router could not be read, 2 bad input.
 */
import type { ConfigTree } from "../../provider/config/model";
import { generateProgram } from "../../provider/review";
import { routerAddress } from "../../provider/session";
import {
  addRouterOptions,
  CliError,
  connectionFrom,
  Exit,
  readConfig,
  withRouter,
  type CliCommand,
  type CliIo,
  type RouterCliOptions,
} from "../shared";

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
  const conn = connectionFrom(opts, io);
  const tree = await withRouter(conn, async (router) => (await router.config()).tree);
  return { tree, source: routerAddress(conn) };
}

export const importCommand: CliCommand<ImportCliOptions> = {
  define: (program) =>
    addRouterOptions(
      program
        .command("import")
        .description("generate a Pulumi program (adopt: true) reproducing the router's config")
        .option("--from <file>", "a show config dump or config file instead of a live router"),
      "optional",
    ),
  errorPrefix: "nvr import: ",
  async run(_args, opts, io) {
    const config = await currentConfig(opts, io);
    const result = generateProgram(config.tree, { source: config.source });
    io.out(result.program);
    const { lines, typed, configLines } = result.counts;
    io.err(
      `nvr import: ${lines} config lines: ${typed} in typed resources, ${configLines} in ConfigLines, ${result.unexpressed.length} not expressed\n`,
    );
    for (const u of result.unreadable) io.err(`nvr import: in ConfigLines: ${u.identity}: ${u.reason}\n`);
    for (const u of result.unexpressed)
      io.err(`nvr import: not expressed: line ${u.line}: ${u.text} (${u.reason})\n`);
    return Exit.ok;
  },
};
