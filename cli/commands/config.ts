/**
 * `nvr config parse FILE [--json]` and `nvr config normalize FILE`: read a `show config` dump or a config file with the
 * provider's own parser. Errors print `FILE:LINE: reason` and exit 1.
 */
import * as fs from "fs";
import { Command, InvalidArgumentError, Option } from "commander";
import type { ConfigTree } from "../../provider/config/model";
import { detectSource, parseConfig } from "../../provider/config/parse";
import { renderConfig } from "../../provider/config/render";
import { ConfigParseError } from "../../provider/errors";

/** An error whose message is the complete line to print on stderr. */
export class CliError extends Error {}

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

/** Reads and parses FILE (`-` is stdin); every failure becomes a CliError naming the file (and line). */
export function readConfig(file: string, opts: ReadOptions = {}): ConfigTree {
  let text: string;
  try {
    text = decodeConfig(fs.readFileSync(file === "-" ? 0 : file));
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return parseConfig(text, { source: opts.source ?? detectSource(text), columns: opts.columns });
  } catch (e) {
    if (e instanceof ConfigParseError) throw new CliError(`${file}:${e.line}: ${e.reason}`);
    throw e;
  }
}

/** The output of `nvr config parse`: the tree as JSON, or a one-line-per-block summary. */
export function configParse(file: string, opts: ReadOptions & { json?: boolean } = {}): string {
  const tree = readConfig(file, opts);
  if (opts.json) return `${JSON.stringify(tree, null, 2)}\n`;
  const lines = tree.items.filter((i) => i.type === "line").length;
  const blocks = tree.items.flatMap((i) =>
    i.type === "block" ? [`${i.block.kind} ${i.block.id}: ${i.block.lines.length} lines`] : [],
  );
  const model = tree.header.model ? `${tree.header.model} Rev.${tree.header.revision}` : "no header";
  return [
    `${file}: ${model}, ${lines} global lines, ${blocks.length} blocks`,
    ...blocks.map((b) => `  ${b}`),
    "",
  ].join("\n");
}

/** The output of `nvr config normalize`: the canonical body, without header (and so without `# Reporting Date`). */
export function configNormalize(file: string, opts: ReadOptions = {}): string {
  return renderConfig(readConfig(file, opts), { header: false });
}

/** Runs an action that returns stdout text; a CliError goes to stderr with exit code 1. */
export function runAction(action: () => string): void {
  try {
    process.stdout.write(action());
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  }
}

function columnsArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 80 || n > 4096)
    throw new InvalidArgumentError("expected an integer 80..4096");
  return n;
}

export function register(program: Command): void {
  const config = program
    .command("config")
    .description("read router configurations with the provider's parser");
  const common = (cmd: Command) =>
    cmd
      .argument("<file>", "a show config capture or a config file; - for stdin")
      .addOption(
        new Option(
          "--source <kind>",
          "show (indented show config output) or file (typed script); default: guessed",
        ).choices(["show", "file"]),
      )
      .option("--columns <n>", "console columns of the capture, for rejoining hard wraps", columnsArg, 80);
  common(config.command("parse").description("parse FILE and print a summary, or the tree as JSON"))
    .option("--json", "print the parsed tree as JSON")
    .action((file: string, opts: ReadOptions & { json?: boolean }) =>
      runAction(() => configParse(file, opts)),
    );
  common(
    config
      .command("normalize")
      .description("print FILE in the router's canonical text (body only, no header)"),
  ).action((file: string, opts: ReadOptions) => runAction(() => configNormalize(file, opts)));
}
