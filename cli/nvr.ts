#!/usr/bin/env node
/**
 * The `nvr` command. Each subcommand lives in cli/commands/NAME.ts and exports a `CliCommand` (cli/shared.ts); add
 * it to COMMANDS here. Exit codes, the same for every command: 0 ok, 1 the answer is no or the operation failed,
 * 2 bad input or usage.
 */
import { Command, CommanderError } from "commander";
import { applyCommand } from "./commands/apply";
import { configNormalizeCommand, configParseCommand } from "./commands/config";
import { importCommand } from "./commands/import";
import { lintCommand } from "./commands/lint";
import { planCommand } from "./commands/plan";
import { reachCommand } from "./commands/reach";
import { showConfigCommand } from "./commands/show-config";
import { traceCommand } from "./commands/trace";
import { upgradeStateCommand } from "./commands/upgrade-state";
import { Exit, processIo, runCommand, type CliCommand, type CliIo, type ExitCode } from "./shared";

// Method parameters are checked bivariantly, so every command's own options and arguments fit here.
const COMMANDS: readonly CliCommand<unknown, unknown[]>[] = [
  configParseCommand,
  configNormalizeCommand,
  traceCommand,
  reachCommand,
  lintCommand,
  applyCommand,
  showConfigCommand,
  planCommand,
  importCommand,
  upgradeStateCommand,
];

/** The program; each command's exit code goes to `report`. */
export function buildProgram(io: CliIo, report: (code: ExitCode) => void): Command {
  const program = new Command("nvr")
    .description("YAMAHA NVR510/NVR500 (RT family) configuration tools")
    // Set before the subcommands are added, which inherit both: commander's messages go through io, and a usage
    // error comes back as a CommanderError instead of ending the process with commander's exit code.
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  for (const command of COMMANDS)
    command.define(program).action(async (...params: unknown[]) => {
      // commander passes the positional arguments, the options, then the command itself.
      const parsed = params[params.length - 1] as Command;
      report(await runCommand(command, parsed.processedArgs, parsed.opts(), io));
    });
  return program;
}

/** Runs `nvr` on the user's arguments (without node and the script); resolves to the exit code. */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  let code: ExitCode = Exit.ok;
  try {
    await buildProgram(io, (c) => (code = c)).parseAsync(args, { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    // --help ends with exit code 0; everything else commander stops on is a usage error.
    return e.exitCode === 0 ? Exit.ok : Exit.badInput;
  }
  return code;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
