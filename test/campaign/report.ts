// The campaign's figures: faults survived X/Y per family and in total, secret leaks, the kinds of failure seen, and
// time per case; printed at the end and written as JSON to $CAMPAIGN_REPORT when set.
import * as fs from "fs";
import type { CaseResult } from "./cases";

export interface FamilyFigures {
  survived: number;
  cases: number;
  /** Mean time of one case (its runs and checks), and the family's wall time with the pool. */
  msPerCase: number;
  wallMs: number;
  /** Set when the family could not run at all (its fault-free calibration failed). */
  error?: string;
  failed: { id: string; note: string; problems: { kind: string; detail: string }[] }[];
  /** Every case: what it did and how long it took, survived or not. */
  runs: { id: string; survived: boolean; ms: number; note: string }[];
}

export interface CampaignFigures {
  concurrency: number;
  wallMs: number;
  total: { survived: number; cases: number };
  secretLeaks: number;
  failureKinds: Record<string, number>;
  families: Record<string, FamilyFigures>;
}

export class Tally {
  private readonly families = new Map<string, FamilyFigures>();
  private readonly began = Date.now();

  constructor(readonly concurrency: number) {}

  add(family: string, results: readonly CaseResult[], wallMs: number): FamilyFigures {
    const failed = results.filter((r) => r.problems.length > 0);
    const figures: FamilyFigures = {
      survived: results.length - failed.length,
      cases: results.length,
      msPerCase:
        results.length === 0 ? 0 : Math.round(results.reduce((t, r) => t + r.ms, 0) / results.length),
      wallMs,
      failed: failed.map((r) => ({ id: r.id, note: r.note, problems: r.problems })),
      runs: results.map((r) => ({ id: r.id, survived: r.problems.length === 0, ms: r.ms, note: r.note })),
    };
    this.families.set(family, figures);
    return figures;
  }

  broken(family: string, error: string, wallMs: number): void {
    this.families.set(family, { survived: 0, cases: 0, msPerCase: 0, wallMs, error, failed: [], runs: [] });
  }

  figures(): CampaignFigures {
    const families = Object.fromEntries(this.families);
    const all = [...this.families.values()];
    const problems = all.flatMap((f) => f.failed.flatMap((c) => c.problems));
    const failureKinds: Record<string, number> = {};
    // Counted once per case, so the figure reads "in how many cases".
    for (const f of all)
      for (const c of f.failed)
        for (const kind of new Set(c.problems.map((p) => p.kind)))
          failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
    return {
      concurrency: this.concurrency,
      wallMs: Date.now() - this.began,
      total: {
        survived: all.reduce((t, f) => t + f.survived, 0),
        cases: all.reduce((t, f) => t + f.cases, 0),
      },
      secretLeaks: problems.filter((p) => p.kind === "secret leak").length,
      failureKinds,
      families,
    };
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function formatReport(f: CampaignFigures): string {
  const width = Math.max(5, ...Object.keys(f.families).map((n) => n.length));
  const rows = Object.entries(f.families).map(([name, fam]) =>
    fam.error !== undefined
      ? `  ${name.padEnd(width)}  not run: ${fam.error.split("\n")[0]}`
      : `  ${name.padEnd(width)}  faults survived ${fam.survived}/${fam.cases}` +
        `   (${seconds(fam.msPerCase)} per case, ${seconds(fam.wallMs)} wall)`,
  );
  const kinds = Object.entries(f.failureKinds)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `    ${String(n).padStart(3)}  ${kind}`);
  return [
    `fault campaign: zero latency, ${f.concurrency} cases at once, ${seconds(f.wallMs)}`,
    ...rows,
    `  ${"total".padEnd(width)}  faults survived ${f.total.survived}/${f.total.cases}`,
    `  secret leaks ${f.secretLeaks}`,
    ...(kinds.length > 0 ? ["  failure kinds (cases):", ...kinds] : []),
    "",
  ].join("\n");
}

/** One line per failed case and problem, for the test's failure message. */
export function formatFailures(family: string, fam: FamilyFigures): string {
  return [
    `${family}: ${fam.cases - fam.survived} of ${fam.cases} cases not survived`,
    ...fam.failed.flatMap((c) => [
      `  ${c.id} (${c.note})`,
      ...c.problems.map((p) => `      ${p.kind}: ${p.detail.split("\n").join("\n        ")}`),
    ]),
  ].join("\n");
}

export function writeReport(file: string | undefined, f: CampaignFigures): void {
  if (file) fs.writeFileSync(file, `${JSON.stringify(f, null, 2)}\n`);
}
