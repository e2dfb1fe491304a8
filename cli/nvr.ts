#!/usr/bin/env node
/**
 * The `nvr` command. Each subcommand lives in cli/commands/NAME.ts and exports `register(program)`; add one import
 * and one register line here per file.
 */
import { Command } from "commander";
import { register as registerConfig } from "./commands/config";
import { register as registerTrace } from "./commands/trace";
import { register as registerReach } from "./commands/reach";
import { register as registerLint } from "./commands/lint";
import { register as registerApply } from "./commands/apply";
import { register as registerShowConfig } from "./commands/show-config";
import { register as registerPlan } from "./commands/plan";
import { register as registerImport } from "./commands/import";

export function buildProgram(): Command {
  const program = new Command("nvr").description("YAMAHA NVR510/NVR500 (RT family) configuration tools");
  registerConfig(program);
  registerTrace(program);
  registerReach(program);
  registerLint(program);
  registerApply(program);
  registerShowConfig(program);
  registerPlan(program);
  registerImport(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      process.stderr.write(`nvr: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
