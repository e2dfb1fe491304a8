/**
 * `nvr config parse FILE [--json]` and `nvr config normalize FILE`: read a `show config` dump or a config file with the
 * provider's own parser. Errors print `FILE:LINE: reason`; exit 0 printed, 2 unreadable or unparsable input.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { renderConfig } from "../../provider/config/render";
import { Exit, readConfig, type CliCommand, type ReadOptions } from "../shared";

export interface ConfigParseOptions extends ReadOptions {
  json?: boolean;
}

function columnsArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 80 || n > 4096)
    throw new InvalidArgumentError("expected an integer 80..4096");
  return n;
}

/** `nvr config SUBCOMMAND` with the arguments both subcommands take; the `config` group is made by the first. */
function defineSubcommand(program: Command, name: string, description: string): Command {
  const group =
    program.commands.find((c) => c.name() === "config") ??
    program.command("config").description("read router configurations with the provider's parser");
  return group
    .command(name)
    .description(description)
    .argument("<file>", "a show config capture or a config file; - for stdin")
    .addOption(
      new Option(
        "--source <kind>",
        "show (indented show config output) or file (typed script); default: guessed",
      ).choices(["show", "file"]),
    )
    .option("--columns <n>", "console columns of the capture, for rejoining hard wraps", columnsArg, 80);
}

/** `nvr config parse`: the tree as JSON, or a one-line-per-block summary. */
export const configParseCommand: CliCommand<ConfigParseOptions, [file: string]> = {
  define: (program) =>
    defineSubcommand(program, "parse", "parse FILE and print a summary, or the tree as JSON").option(
      "--json",
      "print the parsed tree as JSON",
    ),
  errorPrefix: "",
  async run([file], opts, io) {
    const tree = readConfig(file, opts);
    if (opts.json) {
      io.out(`${JSON.stringify(tree, null, 2)}\n`);
      return Exit.ok;
    }
    const lines = tree.items.filter((i) => i.type === "line").length;
    const blocks = tree.items.flatMap((i) =>
      i.type === "block" ? [`${i.block.kind} ${i.block.id}: ${i.block.lines.length} lines`] : [],
    );
    const model = tree.header.model ? `${tree.header.model} Rev.${tree.header.revision}` : "no header";
    io.out(
      [
        `${file}: ${model}, ${lines} global lines, ${blocks.length} blocks`,
        ...blocks.map((b) => `  ${b}`),
        "",
      ].join("\n"),
    );
    return Exit.ok;
  },
};

/** `nvr config normalize`: the canonical body, without header (and so without `# Reporting Date`). */
export const configNormalizeCommand: CliCommand<ReadOptions, [file: string]> = {
  define: (program) =>
    defineSubcommand(
      program,
      "normalize",
      "print FILE in the router's canonical text (body only, no header)",
    ),
  errorPrefix: "",
  async run([file], opts, io) {
    io.out(renderConfig(readConfig(file, opts), { header: false }));
    return Exit.ok;
  },
};
