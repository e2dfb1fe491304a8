/**
 * Builds a `ResourceKind` from a resource's mapping, so the five resources share one implementation of
 * commands/read/plan/conflicts and differ only in what they map (no copy-paste twins).
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import type { ConfigLine } from "../config/model";
import type { CheckFailure, ResourceKind, Stage } from "./contract";
import { type Line, diffLines, planLines, priorLines, recordPrior, scoped, toCommands } from "./lines";

export interface Mapping<Model> {
  kind: string;
  /** Structure, defaults and normal form only: what `read` runs the router's values through. */
  shape: z.ZodType<Model, z.ZodTypeDef, unknown>;
  /** Cross-field rules, over the inputs' order so failures name the index the user wrote. */
  rules(model: Model, fail: (path: (string | number)[], reason: string) => void): void;
  /** The router's ordering of lists (statics by id, binds by address), applied after the rules. */
  normalise?(model: Model): Model;
  identity(model: Model): string;
  stage: Stage;
  replaceOnChange: readonly string[];
  secretProperties: readonly string[];
  /** The model's lines in the order the router needs them. */
  lines(model: Model): Line[];
  /** Every line in the config this identity owns, in `lines` order (so reversing it is a safe delete order). */
  owned(config: ConfigIndex, identity: string): Line[];
  /** The raw inputs the owned lines spell (run through `shape` by `read`); undefined when absent. */
  parse(owned: Line[], identity: string, config: ConfigIndex): unknown;
  /** The object always exists: delete restores the recorded prior lines instead of only removing. */
  alwaysExists?: boolean;
  /** The router applies the lines only after a restart (default: never). */
  appliesOnRestart?(model: Model): boolean;
  /** Extra lines to resend after the writes (e.g. what a rewritten `dhcp scope` line erases). */
  resend?(writes: readonly Line[], desired: readonly Line[]): Line[];
}

/** A router line that cannot be read back into a model: names the line and the reason. */
export class ReadError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`cannot read "${text}": ${reason}`);
    this.name = "ReadError";
  }
}

/** "statics[1].outer" from a zod path. */
export function propertyPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/**
 * Replaces "Invalid input" from a union (e.g. a gateway given as a string or an object) with the issues of the
 * branch the input was meant for: the one whose type it has.
 */
function flatten(issues: readonly z.ZodIssue[]): z.ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const typeMismatches = (e: z.ZodError) =>
      e.issues.filter((i) => i.code === "invalid_type" && i.path.length === issue.path.length).length;
    const [best] = [...issue.unionErrors].sort((a, b) => typeMismatches(a) - typeMismatches(b));
    return best ? flatten(best.issues) : [issue];
  });
}

export function failuresOf(error: z.ZodError): CheckFailure[] {
  return flatten(error.issues).map((i) => ({
    property: propertyPath(i.path) || "(inputs)",
    reason: i.message,
  }));
}

export function defineKind<Model>(m: Mapping<Model>): ResourceKind<Model> {
  const normalise = m.normalise ?? ((model: Model) => model);
  // Cross-field rules run only on structurally valid inputs (zod would run them on partly invalid data).
  const schema = z.unknown().transform((raw, ctx): Model => {
    const parsed = m.shape.safeParse(raw);
    if (!parsed.success) {
      flatten(parsed.error.issues).forEach((issue) =>
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message }),
      );
      return z.NEVER;
    }
    let failed = false;
    m.rules(parsed.data, (path, reason) => {
      failed = true;
      ctx.addIssue({ code: "custom", path, message: reason });
    });
    return failed ? z.NEVER : normalise(parsed.data);
  });

  const read = (config: ConfigIndex, identity: string): Model | undefined => {
    const owned = m.owned(config, identity);
    if (owned.length === 0 && !m.alwaysExists) return undefined;
    const raw = m.parse(owned, identity, config);
    if (raw === undefined) return undefined;
    const result = m.shape.safeParse(raw);
    if (!result.success) {
      const f = failuresOf(result.error)[0];
      throw new ReadError(identity, `${f.property}: ${f.reason}`);
    }
    return normalise(result.data);
  };

  return {
    kind: m.kind,
    schema,
    identity: m.identity,
    stage: m.stage,
    replaceOnChange: m.replaceOnChange,
    secretProperties: m.secretProperties,
    alwaysExists: m.alwaysExists ?? false,
    commands: (model, { mask }) => toCommands(m.lines(model), mask),
    read,
    plan(config: ConfigIndex, desired: Model | undefined, prior?: unknown, identity?: string) {
      if (desired === undefined) {
        if (identity === undefined) throw new Error(`${m.kind}: a delete plan needs the identity`);
        // Delete: everything owned goes (last-written first), except what restoring the lines this resource took
        // over at create (an interface's settings, an adopted block) rewrites in place.
        return planLines(m.owned(config, identity), priorLines(prior));
      }
      const id = m.identity(desired);
      // What the router has, each line in its normal spelling (MAC case, mask form) so spelling is never a
      // change, but only lines really present: a default `read` fills in for a missing line is still written.
      const current = read(config, id);
      const normal = new Map((current === undefined ? [] : m.lines(current)).map((l) => [scoped(l), l]));
      const have = m.owned(config, id).map((l) => normal.get(scoped(l)) ?? l);
      const want = m.lines(desired);
      const { removals, writes } = diffLines(have, want);
      const extra = m.resend ? m.resend(writes, want).filter((l) => !writes.includes(l)) : [];
      return [...removals, ...toCommands([...writes, ...extra], false)];
    },
    appliesOnRestart: (model) => m.appliesOnRestart?.(model) ?? false,
    prior: (config, model) => recordPrior(m.owned(config, m.identity(model))),
    conflicts: (config, model) =>
      m
        .owned(config, m.identity(model))
        .map((l) => l.source)
        .filter((l): l is ConfigLine => l !== undefined),
  };
}
