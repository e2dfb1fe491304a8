/** `nvr lint FILE [--model M] [--json]`: known pitfalls of a config. Exit 0 no error finding, 1 any, 2 bad input. */
import { lint } from "../../provider/analysis";
import { analyse, Exit, type CliCommand } from "../shared";

export interface LintOptions {
  model?: string;
  json?: boolean;
}

export const lintCommand: CliCommand<LintOptions, [file: string]> = {
  define: (program) =>
    program
      .command("lint")
      .description("report known YAMAHA pitfalls in a config (exit 1 on any error finding)")
      .argument("<file>")
      .option("--model <model>", "router model, e.g. NVR510 (default: the config header's)")
      .option("--json", "print the findings as a JSON array"),
  errorPrefix: "",
  async run([file], opts, io) {
    const findings = analyse(file, (tree) => lint(tree, { model: opts.model }));
    if (opts.json) io.out(`${JSON.stringify(findings, null, 2)}\n`);
    else
      io.out(
        findings
          .map(
            (f) =>
              `${file}:${f.lines.join(",")}: ${f.severity} ${f.code}: ${f.message}\n${f.hint ? `  fix: ${f.hint}\n` : ""}`,
          )
          .join("") || `${file}: no findings\n`,
      );
    return findings.some((f) => f.severity === "error") ? Exit.negative : Exit.ok;
  },
};
