/** `nvr lint FILE [--model M] [--json]`: known pitfalls of a config; exit status 1 when any finding is an error. */
import { Command } from "commander";
import { lint, type Finding } from "../../provider/analysis";
import { CliError } from "./config";
import { analyse } from "./trace";

export interface LintCommandOptions {
  model?: string;
  json?: boolean;
}

/** The output of `nvr lint` and its exit status. */
export function lintCommand(file: string, opts: LintCommandOptions = {}): { output: string; status: 0 | 1 } {
  const findings: Finding[] = analyse(file, (tree) => lint(tree, { model: opts.model }));
  const status = findings.some((f) => f.severity === "error") ? 1 : 0;
  if (opts.json) return { output: `${JSON.stringify(findings, null, 2)}\n`, status };
  const text = findings
    .map((f) => `${file}:${f.lines.join(",")}: ${f.severity} ${f.code}: ${f.message}\n`)
    .join("");
  return { output: text || `${file}: no findings\n`, status };
}

export function register(program: Command): void {
  program
    .command("lint")
    .description("report known YAMAHA pitfalls in a config (exit 1 on any error finding)")
    .argument("<file>")
    .option("--model <model>", "router model, e.g. NVR510 (default: the config header's)")
    .option("--json", "print the findings as a JSON array")
    .action((file: string, opts: LintCommandOptions) => {
      try {
        const { output, status } = lintCommand(file, opts);
        process.stdout.write(output);
        process.exitCode = status;
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        process.stderr.write(`${e.message}\n`);
        process.exitCode = 1;
      }
    });
}
