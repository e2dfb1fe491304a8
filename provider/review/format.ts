/**
 * A review report as text for a terminal, or as Markdown for a pull-request comment (diff fenced as ```diff,
 * tables for findings and checks). Every string in a report is already masked; table cells are escaped here.
 */
import type { ContextCommand } from "../config/model";
import type { ReviewReport } from "./review";

export type ReviewFormat = "text" | "markdown";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function where(c: ContextCommand): string {
  return c.context.kind === "global"
    ? ""
    : c.context.kind === "pp"
      ? `[pp ${c.context.peer}] `
      : `[tunnel ${c.context.tunnel}] `;
}

function summary(r: ReviewReport): string {
  const changed = r.resources.filter((p) => p.commands.length > 0).length;
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const failedClaims = r.claims.filter((c) => !c.passed).length;
  return [
    `${r.resources.length} resources, ${changed} with changes: +${r.diff.added.length} -${r.diff.removed.length} lines`,
    `lint: ${errors} errors, ${r.findings.length - errors} warnings`,
    `checks: ${r.claims.length - failedClaims} passed, ${failedClaims} failed`,
    r.failed ? "result: FAIL" : "result: ok",
  ].join("; ");
}

function text(r: ReviewReport): string {
  const out: string[] = [];
  if (r.problems.length > 0) out.push("Problems:", ...r.problems.map((p) => `  ${p}`), "");
  out.push("Changes to the router's config:");
  out.push(r.diff.text === "" ? "  (none)" : r.diff.text.replace(/\n$/, ""));
  out.push("", "Commands per resource:");
  for (const p of r.resources) {
    out.push(`  ${p.kind} ${p.name} (${p.identity}):${p.commands.length === 0 ? " no change" : ""}`);
    for (const c of p.commands) out.push(`    ${where(c)}${c.command}`);
  }
  out.push("", "Lint on the result:");
  if (r.findings.length === 0) out.push("  no findings");
  for (const f of r.findings)
    out.push(
      `  ${f.severity} ${f.code}${f.introduced ? " (new)" : ""}: ${f.message}`,
      ...f.lines.map((l) => `      ${l}`),
    );
  out.push("", "Checks:");
  if (r.claims.length === 0) out.push("  none declared");
  for (const c of r.claims) out.push(`  ${c.passed ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`);
  out.push("", summary(r), "");
  return out.join("\n");
}

function markdown(r: ReviewReport): string {
  const out: string[] = [`### nvr plan: ${r.failed ? "❌ fails" : "✅ passes"}`, "", summary(r), ""];
  if (r.problems.length > 0) out.push("#### Problems", "", ...r.problems.map((p) => `- ${p}`), "");
  out.push("#### Config diff", "");
  out.push(
    r.diff.text === ""
      ? "No change to the router's config."
      : ["```diff", r.diff.text.replace(/\n$/, ""), "```"].join("\n"),
  );
  out.push("", "#### Lint", "");
  if (r.findings.length === 0) out.push("No findings.");
  else {
    out.push("| Severity | Code | New | Message | Lines |", "| --- | --- | --- | --- | --- |");
    for (const f of r.findings)
      out.push(
        `| ${f.severity} | \`${f.code}\` | ${f.introduced ? "yes" : "no"} | ${cell(f.message)} | ${f.lines.map((l) => `\`${cell(l)}\``).join("<br>")} |`,
      );
  }
  out.push("", "#### Checks", "");
  if (r.claims.length === 0) out.push("No checks declared.");
  else {
    out.push("| Result | Check | Detail |", "| --- | --- | --- |");
    for (const c of r.claims)
      out.push(`| ${c.passed ? "✅ pass" : "❌ fail"} | ${cell(c.name)} | ${cell(c.detail)} |`);
  }
  out.push("");
  return out.join("\n");
}

export function formatReview(report: ReviewReport, format: ReviewFormat): string {
  return format === "markdown" ? markdown(report) : text(report);
}
