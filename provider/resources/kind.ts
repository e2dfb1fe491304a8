/**
 * Builds a `ResourceKind` from a resource's mapping, so the five resources share one implementation of
 * commands/read/plan/conflicts and differ only in what they map (no copy-paste twins).
 */
import { ReadError, RefusedError } from "../errors";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import type { ConfigLine } from "../config/model";
import type { CheckFailure, ResourceKind, Stage } from "./contract";
import {
  type Line,
  MAX_COMMAND_LENGTH,
  diffLines,
  escapeControls,
  planLines,
  priorLines,
  recordPrior,
  scoped,
  toCommands,
} from "./lines";

type Fail = (path: (string | number)[], reason: string) => void;

export interface Mapping<Model, Input> {
  kind: string;
  /** Structure, defaults and normal form only: what `read` runs the router's values through. */
  shape: z.ZodType<Model, z.ZodTypeDef, Input>;
  /** Cross-field rules, over the inputs' order so failures name the index the user wrote. */
  rules(model: Model, fail: Fail): void;
  /**
   * Rules that need the router's config (which check cannot see): `plan` runs them before anything is typed and
   * throws a `RefusedError` naming the property.
   */
  against?(model: Model, config: ConfigIndex, fail: Fail): void;
  /** The router's ordering of lists (statics by id, binds by address), applied after the rules. */
  normalise?(model: Model): Model;
  identity(model: Model): string;
  stage: Stage;
  replaceOnChange: readonly string[];
  /** Secret-bearing properties as paths with `[]` for any index ("users[].password"); failures on them never show the value. */
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

/**
 * The mapping of something every router has before it is configured (a function's settings such as `dns`, a LAN
 * interface): delete writes its prior lines back, and it holds no secret.
 */
export function alwaysPresent(
  stage: Stage,
  replaceOnChange: readonly string[] = [],
): Pick<Mapping<unknown, unknown>, "stage" | "replaceOnChange" | "secretProperties" | "alwaysExists"> {
  return { stage, replaceOnChange, secretProperties: [], alwaysExists: true };
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
  return issues.flatMap((issue): z.ZodIssue[] => {
    // A misspelt property is named itself, not its parent object.
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({
        code: "custom",
        path: [...issue.path, key],
        message: "unknown property",
      }));
    if (issue.code !== "invalid_union") return [issue];
    const typeMismatches = (e: z.ZodError) =>
      e.issues.filter((i) => i.code === "invalid_type" && i.path.length === issue.path.length).length;
    const [best] = [...issue.unionErrors].sort((a, b) => typeMismatches(a) - typeMismatches(b));
    return best ? flatten(best.issues) : [issue];
  });
}

/** Whether a path lies in a secret property ("users", 0, "password" in "users[].password"). */
export function isSecretPath(
  secretProperties: readonly string[],
  path: readonly (string | number)[],
): boolean {
  const pattern = path
    .map((p) => (typeof p === "number" ? "[]" : `.${p}`))
    .join("")
    .replace(/^\./, "");
  return secretProperties.some(
    (s) => pattern === s || pattern.startsWith(`${s}.`) || pattern.startsWith(`${s}[`),
  );
}

/**
 * Zod's own messages that never carry the input: type, length and our refinements. Others (an enum or literal
 * miss) quote what was received, so on a secret path they are replaced.
 */
const VALUE_FREE: ReadonlySet<z.ZodIssueCode> = new Set<z.ZodIssueCode>([
  "custom",
  "invalid_type",
  "too_small",
  "too_big",
  "invalid_string",
]);

export function failuresOf(error: z.ZodError): CheckFailure[] {
  return flatten(error.issues).map((i) => ({
    property: escapeControls(propertyPath(i.path)) || "(inputs)",
    reason: escapeControls(i.message),
  }));
}

/**
 * A kind's `schema`: the shape, then (only on structurally valid inputs, as zod would run them on partly invalid
 * data) the cross-field rules and normal form, and the router's line length; issues on secrets never echo them.
 */
export function checkedSchema<Model, Input>(
  m: Pick<Mapping<Model, Input>, "shape" | "rules" | "normalise" | "secretProperties" | "lines">,
): z.ZodType<Model, z.ZodTypeDef, unknown> {
  const normalise = m.normalise ?? ((model: Model) => model);
  return z.unknown().transform((raw, ctx): Model => {
    const parsed = m.shape.safeParse(raw);
    if (!parsed.success) {
      flatten(parsed.error.issues).forEach((issue) => {
        const message =
          isSecretPath(m.secretProperties, issue.path) && !VALUE_FREE.has(issue.code)
            ? "is not valid"
            : escapeControls(issue.message);
        ctx.addIssue({ code: "custom", path: issue.path, message });
      });
      return z.NEVER;
    }
    let failed = false;
    m.rules(parsed.data, (path, reason) => {
      failed = true;
      ctx.addIssue({ code: "custom", path, message: escapeControls(reason) });
    });
    if (failed) return z.NEVER;
    const model = normalise(parsed.data);
    for (const l of m.lines(model))
      if (l.text.length > MAX_COMMAND_LENGTH) {
        const shown = l.masked ?? l.text;
        ctx.addIssue({
          code: "custom",
          path: [],
          message: `the line "${shown.slice(0, 40)}..." would be ${l.text.length} characters; the router reads at most ${MAX_COMMAND_LENGTH} (CR §1.5)`,
        });
        return z.NEVER;
      }
    return model;
  });
}

export function defineKind<Model, Input>(m: Mapping<Model, Input>): ResourceKind<Model, Input> {
  const normalise = m.normalise ?? ((model: Model) => model);
  const schema = checkedSchema(m);

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
      const refused: CheckFailure[] = [];
      m.against?.(desired, config, (path, reason) => refused.push({ property: propertyPath(path), reason }));
      if (refused.length > 0) throw new RefusedError(m.kind, id, refused);
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
    shape: m.shape,
    appliesOnRestart: (model) => m.appliesOnRestart?.(model) ?? false,
    prior: (config, model) => recordPrior(m.owned(config, m.identity(model))),
    conflicts: (config, model) =>
      m
        .owned(config, m.identity(model))
        .map((l) => l.source)
        .filter((l): l is ConfigLine => l !== undefined),
  };
}
