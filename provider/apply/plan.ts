/**
 * Pure plan arithmetic on parsed configs: the script a plan is typed as, what undoes the part of a plan that was
 * applied, what is still missing after a dropped connection, and whether the router's config shows the plan.
 * Settings are compared per (context, command key): re-entering a key overwrites it, `no KEY` removes it.
 */
import { type ConfigIndex, contextName } from "../config/index";
import { commandKey, noForm } from "../config/keys";
import type { ConfigLine, ConfigTree, Context, ContextCommand } from "../config/model";
import { renderCommands } from "../config/render";
import { joinTokens, tokenize } from "../config/tokenize";
import { redact } from "../secrets";

/** One line typed at the router; `index` points into the plan for plan commands (undefined for `... select` lines). */
export interface ScriptStep {
  line: string;
  index?: number;
}

/** The plan as typed: its commands with the `pp select` / `tunnel select` lines around each context run. */
export function scriptFor(plan: readonly ContextCommand[]): ScriptStep[] {
  const lines = renderCommands(plan)
    .split("\n")
    .filter((l) => l !== "");
  const steps: ScriptStep[] = [];
  let next = 0;
  for (const line of lines) {
    if (next < plan.length && line === plan[next].command) steps.push({ line, index: next++ });
    else steps.push({ line });
  }
  return steps;
}

function settingKey(context: Context, tokens: readonly string[]): string {
  return `${contextName(context)}\u0000${joinTokens(commandKey(tokens))}`;
}

const isNo = (tokens: readonly string[]) => tokens[0] === "no";

/** The lines of a config grouped by (context, command key). */
function linesByKey(index: ConfigIndex): Map<string, { context: Context; lines: ConfigLine[] }> {
  const map = new Map<string, { context: Context; lines: ConfigLine[] }>();
  const add = (context: Context, line: ConfigLine) => {
    const key = settingKey(context, line.tokens);
    const entry = map.get(key);
    if (entry) entry.lines.push(line);
    else map.set(key, { context, lines: [line] });
  };
  for (const item of index.tree.items) {
    if (item.type === "line") add({ kind: "global" }, item.line);
    else {
      const b = item.block;
      const context: Context =
        b.kind === "pp" ? { kind: "pp", peer: b.id } : { kind: "tunnel", tunnel: Number(b.id) };
      for (const line of b.lines) add(context, line);
    }
  }
  return map;
}

/** The commands that put one setting back to its state in `before` (its lines, or its removal). */
function restoreSetting(
  before: Map<string, { context: Context; lines: ConfigLine[] }>,
  context: Context,
  tokens: readonly string[],
): ContextCommand[] {
  const previous = before.get(settingKey(context, tokens))?.lines ?? [];
  if (previous.length > 0) return previous.map((l) => ({ context, command: l.text }));
  return [{ context, command: noForm(tokens) }];
}

/**
 * Undoes `applied` (a prefix of a plan that the router accepted), newest first, restoring each touched setting to
 * exactly its lines in `snapshot`. A `no` command over a setting that did not exist changed nothing and is skipped.
 */
export function rollbackCommands(
  snapshot: ConfigIndex,
  applied: readonly ContextCommand[],
): ContextCommand[] {
  const before = linesByKey(snapshot);
  const seen = new Set<string>();
  const out: ContextCommand[] = [];
  for (const cmd of [...applied].reverse()) {
    const tokens = tokenize(cmd.command);
    const key = settingKey(cmd.context, tokens);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isNo(tokens) && !before.has(key)) continue;
    out.push(...restoreSetting(before, cmd.context, tokens));
  }
  return out;
}

/** Compares lines ignoring how a secret is shown (`login user NAME *` is what the router prints for any password). */
function comparable(text: string): string {
  return redact(joinTokens(tokenize(text)))
    .replace(/ encrypted \*/g, " *")
    .replace(/ \*{8}/g, " *");
}

/** The intended final state of each setting the plan touches: the last command for its key wins. */
function intended(plan: readonly ContextCommand[]): Map<string, { cmd: ContextCommand; tokens: string[] }> {
  const map = new Map<string, { cmd: ContextCommand; tokens: string[] }>();
  for (const cmd of plan) {
    const tokens = tokenize(cmd.command);
    const key = settingKey(cmd.context, tokens);
    map.delete(key); // keep insertion order = order of the last write
    map.set(key, { cmd, tokens });
  }
  return map;
}

function settingMet(
  current: Map<string, { context: Context; lines: ConfigLine[] }>,
  key: string,
  tokens: readonly string[],
): boolean {
  const lines = current.get(key)?.lines ?? [];
  if (isNo(tokens)) return lines.length === 0;
  return lines.length === 1 && comparable(lines[0].text) === comparable(joinTokens(tokens));
}

/** Why the config does not show the plan (empty when it does): each setting missing, left over or different. */
export function verifyProblems(after: ConfigIndex, plan: readonly ContextCommand[]): string[] {
  const current = linesByKey(after);
  const problems: string[] = [];
  for (const [key, { cmd, tokens }] of intended(plan)) {
    if (settingMet(current, key, tokens)) continue;
    const where = contextName(cmd.context) === "" ? "" : ` in ${contextName(cmd.context)}`;
    const found = (current.get(key)?.lines ?? []).map((l) => l.text);
    problems.push(
      `${cmd.command}${where}: router has ${found.length === 0 ? "no such line" : found.map((f) => `"${f}"`).join(", ")}`,
    );
  }
  return problems.map(redact);
}

/** After a drop: the plan's commands whose setting is not yet in its intended state, in plan order. */
export function unmetCommands(current: ConfigIndex, plan: readonly ContextCommand[]): ContextCommand[] {
  const map = linesByKey(current);
  const unmet = new Set<ContextCommand>();
  for (const [key, { cmd, tokens }] of intended(plan)) if (!settingMet(map, key, tokens)) unmet.add(cmd);
  return plan.filter((c) => unmet.has(c));
}

/** After a failed completion: put every setting the plan touches back to `snapshot`, where `current` differs. */
export function restoreCommands(
  snapshot: ConfigIndex,
  current: ConfigIndex,
  plan: readonly ContextCommand[],
): ContextCommand[] {
  const before = linesByKey(snapshot);
  const now = linesByKey(current);
  const out: ContextCommand[] = [];
  for (const [key, { cmd, tokens }] of [...intended(plan)].reverse()) {
    const was = (before.get(key)?.lines ?? []).map((l) => comparable(l.text));
    const is = (now.get(key)?.lines ?? []).map((l) => comparable(l.text));
    if (was.length === is.length && was.every((w, i) => w === is[i])) continue;
    out.push(...restoreSetting(before, cmd.context, tokens));
  }
  return out;
}

/**
 * Whether a plan can cut the management path: it changes the address of the interface whose address is `host`,
 * or the ssh / login / user settings.
 */
export function touchesAccess(snapshot: ConfigIndex, plan: readonly ContextCommand[], host: string): boolean {
  const managementIfs = new Set<string>();
  for (const item of snapshot.tree.items) {
    if (item.type !== "line") continue;
    const t = item.line.tokens;
    if (t[0] === "ip" && t[2] === "address" && t[3]?.split("/")[0] === host) managementIfs.add(t[1]);
  }
  return plan.some(({ command }) => {
    const t = tokenize(command);
    const s = isNo(t) ? t.slice(1) : t;
    if (["sshd", "login", "user", "administrator"].includes(s[0])) return true;
    return s[0] === "ip" && (s[2] === "address" || s[2] === "secure") && managementIfs.has(s[1]);
  });
}

/** A parsed config file as a plan: global lines and each select block's lines in their context, in file order. */
export function planFromTree(tree: ConfigTree): ContextCommand[] {
  const plan: ContextCommand[] = [];
  for (const item of tree.items) {
    if (item.type === "line") plan.push({ context: { kind: "global" }, command: item.line.text });
    else {
      const b = item.block;
      const context: Context =
        b.kind === "pp" ? { kind: "pp", peer: b.id } : { kind: "tunnel", tunnel: Number(b.id) };
      for (const line of b.lines) plan.push({ context, command: line.text });
    }
  }
  return plan;
}
