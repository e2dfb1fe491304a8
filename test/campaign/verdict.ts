// What "survived" means for one fault case, as checks that each return problems rather than throw, so one case
// can list everything that went wrong and the campaign can go on to the next case.
import type { Run } from "./procs";

export interface Problem {
  /** A short, stable label; the report counts problems by kind. */
  kind: string;
  detail: string;
}

/** The configs a case may end in: as before the run, or as the fault-free run leaves the router. */
export interface Expected {
  start: string;
  intended: string;
  /**
   * Splits a config into the parts that succeed or fail on their own (pulumi up: one per resource; the engine
   * creates the others when one fails). Each part must then be as before or as intended; without `parts` the
   * whole config must (nvr apply is one transaction).
   */
  parts?: (config: string) => Map<string, string>;
}

/** What the router holds after a run. */
export interface RouterState {
  running: string;
  saved: string;
}

/** Secret values by a name that may be printed; problem details are masked with them. */
export type Secrets = Readonly<Record<string, string>>;

/** Replaces each secret value by its name in angle brackets, so a diff still says which secret is where. */
export function maskSecrets(text: string, secrets: Secrets): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const [name, value] of Object.entries(secrets).sort((a, b) => b[1].length - a[1].length))
    out = out.split(value).join(`<${name}>`);
  return out;
}

const lines = (config: string): string[] => config.split("\n").filter((l) => l !== "");

/** Lines only in `a` (prefixed `+`) and only in `b` (`-`), at most `max` of them: enough to see what differs. */
export function diffSummary(a: string, b: string, max = 4): string {
  const inB = new Set(lines(b));
  const inA = new Set(lines(a));
  const changes = [
    ...lines(a)
      .filter((l) => !inB.has(l))
      .map((l) => `+${l.trim()}`),
    ...lines(b)
      .filter((l) => !inA.has(l))
      .map((l) => `-${l.trim()}`),
  ];
  if (changes.length === 0) return "same lines, other order";
  const more = changes.length > max ? ` (+${changes.length - max} more)` : "";
  return changes.slice(0, max).join(" | ") + more;
}

function diffSize(a: string, b: string): number {
  const inB = new Set(lines(b));
  const inA = new Set(lines(a));
  return lines(a).filter((l) => !inB.has(l)).length + lines(b).filter((l) => !inA.has(l)).length;
}

const CONSOLE = /^console (lines|columns|character)\b/;

/** The session's console settings left in a config that the start config did not hold. */
export function consoleLeftovers(config: string, start: string): string[] {
  const own = new Set(lines(start).filter((l) => CONSOLE.test(l)));
  return lines(config).filter((l) => CONSOLE.test(l) && !own.has(l));
}

/** The config without the console lines a session left behind (those are reported as their own problem). */
function withoutLeftovers(config: string, start: string): string {
  const leftovers = new Set(consoleLeftovers(config, start));
  return lines(config)
    .filter((l) => !leftovers.has(l))
    .map((l) => `${l}\n`)
    .join("");
}

export type Where = "start" | "intended" | "partial" | "other";

/** Where the running config is: as before, as intended, each part as before or as intended, or none of these. */
export function describeState(state: RouterState, expected: Expected): Where {
  const config = withoutLeftovers(state.running, expected.start);
  if (config === expected.start) return "start";
  if (config === expected.intended) return "intended";
  return halfApplied(config, expected) === undefined ? "partial" : "other";
}

/** The config by part; without `parts`, one part named `config`. */
const split = (expected: Expected, config: string): Map<string, string> =>
  expected.parts?.(config) ?? new Map([["config", config]]);

/** The parts that are neither as before nor as intended, with what differs; undefined when there are none. */
function halfApplied(config: string, expected: Expected): string[] | undefined {
  const [now, start, intended] = [config, expected.start, expected.intended].map((c) => split(expected, c));
  const names = new Set([...now.keys(), ...start.keys(), ...intended.keys()]);
  const half = [...names].flatMap((name) => {
    const [part, before, after] = [now, start, intended].map((m) => m.get(name) ?? "");
    if (part === before || part === after) return [];
    const [base, other] =
      diffSize(part, before) <= diffSize(part, after) ? ["start", before] : ["intended", after];
    return [`${name} vs ${base}: ${diffSummary(part, other)}`];
  });
  return half.length === 0 ? undefined : half;
}

/** One part of the running config (`config` for the whole) as it was before. */
export function partAsBefore(running: string, part: string, expected: Expected): boolean {
  const now = split(expected, withoutLeftovers(running, expected.start)).get(part) ?? "";
  return now === (split(expected, expected.start).get(part) ?? "");
}

/** One part of a config, for a diff in a failure listing. */
export const partOf = (expected: Expected, config: string, part: string): string =>
  split(expected, config).get(part) ?? "";

function leftoverProblems(state: RouterState, start: string): Problem[] {
  const inSaved = consoleLeftovers(state.saved, start);
  const all = [...new Set([...consoleLeftovers(state.running, start), ...inSaved])];
  if (all.length === 0) return [];
  return [{ kind: "console leftover", detail: `${all.join(", ")}${inSaved.length > 0 ? " (saved)" : ""}` }];
}

/** The router's invariants after any run: running == saved, as before or as intended, no console leftovers. */
export function routerProblems(state: RouterState, expected: Expected, secrets: Secrets): Problem[] {
  const out: Problem[] = [];
  const mask = (t: string) => maskSecrets(t, secrets);
  if (state.running !== state.saved)
    out.push({
      kind: "running != saved",
      detail: `running vs saved: ${mask(diffSummary(state.running, state.saved))}`,
    });
  const half = halfApplied(withoutLeftovers(state.running, expected.start), expected);
  if (half !== undefined)
    out.push({ kind: "half-applied: neither as before nor as intended", detail: mask(half.join("; ")) });
  return [...out, ...leftoverProblems(state, expected.start)];
}

/** After a fault-free rerun: running == saved == intended and no console leftovers. */
export function convergedProblems(state: RouterState, expected: Expected, secrets: Secrets): Problem[] {
  const out: Problem[] = [];
  const mask = (t: string) => maskSecrets(t, secrets);
  if (state.running !== expected.intended)
    out.push({ kind: "running not intended", detail: mask(diffSummary(state.running, expected.intended)) });
  if (state.saved !== expected.intended)
    out.push({ kind: "saved not intended", detail: mask(diffSummary(state.saved, expected.intended)) });
  return [...out, ...leftoverProblems(state, expected.start)];
}

/** How a client reports its outcome, to read the claim it makes in a failure. */
export interface ReportStyle {
  /** The failure message our code prints (as opposed to a crash or the engine's own summary). */
  message: RegExp;
  /** A claim that nothing of the run remains on the router. */
  claimsBefore: RegExp;
}

export const PULUMI_STYLE: ReportStyle = {
  message: /error: .*127\.0\.0\.1/,
  claimsBefore: /rolled back|router is as before|nothing (of it )?(remains|saved)/i,
};

export const APPLY_STYLE: ReportStyle = {
  message: /^nvr apply: 127\.0\.0\.1:\d+: \S/m,
  claimsBefore: /rolled back|router is as before|nothing saved/i,
};

/**
 * Whether the report matches what happened: exit 0 only with the intended config saved, a failure only with a
 * message of our own, and a claim of "as before" only when the router is.
 */
export function reportProblems(
  run: Run,
  state: RouterState,
  expected: Expected,
  style: ReportStyle,
  secrets: Secrets,
  oldSecretLines: readonly string[],
): Problem[] {
  const out: Problem[] = [];
  const output = run.stdout + run.stderr;
  if (run.timedOut) out.push({ kind: "timed out", detail: `killed after ${run.ms} ms` });
  const where = describeState(state, expected);
  if (run.code === 0) {
    const stale = oldSecretLines.filter((l) => state.running.includes(l) || state.saved.includes(l));
    if (stale.length > 0)
      out.push({
        kind: "success reported with the old secret",
        detail: `exit 0 but the router still holds ${maskSecrets(stale.join(", "), secrets)}`,
      });
    else if (where !== "intended" || state.saved !== expected.intended)
      out.push({
        kind: "success reported but not applied and saved",
        detail: `exit 0 with running ${where}${state.saved === expected.intended ? "" : ", saved not intended"}`,
      });
    return out;
  }
  if (!style.message.test(output))
    out.push({
      kind: "failure without a message",
      detail: `exit ${run.code}: ${lastLines(output, secrets)}`,
    });
  // A claim of "as before" is about what the message is about: the whole router, or one resource.
  const claims = expected.parts ? diagnosticsByResource(output) : new Map([["config", output]]);
  for (const [part, text] of claims)
    if (style.claimsBefore.test(text) && !partAsBefore(state.running, part, expected))
      out.push({
        kind: "claims as before but changed",
        detail: `exit ${run.code}, ${part} is not as before`,
      });
  return out;
}

/** The engine's Diagnostics section, per resource name: `  TYPE (NAME):` followed by its messages. */
export function diagnosticsByResource(output: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const line of output.split("\n")) {
    const header = /^ {2}\S+ \(([^)]+)\):\s*$/.exec(line);
    if (header) current = header[1];
    else if (line.trim() === "") current = undefined;
    else if (current !== undefined) out.set(current, `${out.get(current) ?? ""}${line.trim()}\n`);
  }
  return out;
}

/** What a failed run said, for a failure listing: its distinct error lines (the engine's own "update failed"
 * aside), else its last lines; secrets masked. */
export function lastLines(text: string, secrets: Secrets, n = 3): string {
  const all = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const errors = [
    ...new Set(all.filter((l) => /^(error: |nvr apply: )/.test(l) && l !== "error: update failed")),
  ];
  const picked = errors.length > 0 ? errors.slice(0, n) : all.slice(-n);
  return maskSecrets(picked.join(" / "), secrets).slice(0, 600);
}

/** Every place a secret value shows up in the texts a case produced; names only, never the value. */
export function leakProblems(texts: Readonly<Record<string, string>>, secrets: Secrets): Problem[] {
  const out: Problem[] = [];
  for (const [where, text] of Object.entries(texts))
    for (const [name, value] of Object.entries(secrets))
      if (text.includes(value)) out.push({ kind: "secret leak", detail: `${name} in ${where}` });
  return out;
}
