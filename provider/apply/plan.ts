/**
 * Pure plan arithmetic on parsed configs: the script a plan is typed as, what undoes the part of a plan that was
 * applied, what is still missing after a dropped connection, and whether the router's config shows the plan.
 * Settings are compared per (context, command key): re-entering a key overwrites it, `no KEY` removes it.
 */
import { type ConfigIndex, contextName } from "../config/index";
import { commandKey, isOperation, noForm } from "../config/keys";
import type { ConfigLine, ConfigTree, Context, ContextCommand } from "../config/model";
import { renderCommands } from "../config/render";
import { joinTokens, tokenize } from "../config/tokenize";
import { RouterError } from "../errors";
import { readInterfaceLine } from "../resources/lan-interface";
import { hasControlCharacter } from "../resources/lines";
import { isSecureFilterLine } from "../resources/secure-filter";
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
    if (isOperation(tokens)) continue;
    const key = settingKey(cmd.context, tokens);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isNo(tokens) && !before.has(key)) continue;
    out.push(...restoreSetting(before, cmd.context, tokens));
  }
  return out;
}

/**
 * A setting's text as the router compares it. Pre-shared keys and PPP passwords print in clear (yamaha-cli.md §7.2),
 * so they compare as they are: a changed key is a changed setting. Login passwords print as `*` (or `encrypted *`)
 * whatever they are; such a line says nothing about the value (see `unverifiable`).
 */
function comparable(text: string): string {
  return joinTokens(tokenize(text));
}

/**
 * A router line that shows a secret the plan sets as `*` (`login user NAME encrypted *` for `login user NAME PASS`):
 * the line exists, but whether it holds the plan's value cannot be read back.
 */
function masked(routerLine: string, planned: readonly string[]): boolean {
  const shown = tokenize(routerLine);
  const typed = joinTokens(planned);
  return shown[shown.length - 1] === "*" && redact(typed) !== typed;
}

/**
 * The intended final state of each setting the plan touches: the last command for its key wins. Operation
 * commands (sent only with explicit consent) set nothing: they are neither verified nor undone.
 */
function intended(plan: readonly ContextCommand[]): Map<string, { cmd: ContextCommand; tokens: string[] }> {
  const map = new Map<string, { cmd: ContextCommand; tokens: string[] }>();
  for (const cmd of plan) {
    const tokens = tokenize(cmd.command);
    if (isOperation(tokens)) continue;
    const key = settingKey(cmd.context, tokens);
    map.delete(key); // keep insertion order = order of the last write
    map.set(key, { cmd, tokens });
  }
  return map;
}

/**
 * Whether the router shows a setting in its intended state. A masked secret cannot be compared: verification
 * after a complete apply accepts it (`maskedMeans: "met"`), completing a plan cut short resends it ("unmet").
 */
function settingMet(
  current: Map<string, { context: Context; lines: ConfigLine[] }>,
  key: string,
  tokens: readonly string[],
  maskedMeans: "met" | "unmet",
): boolean {
  const lines = current.get(key)?.lines ?? [];
  if (isNo(tokens)) return lines.length === 0;
  if (lines.length !== 1) return false;
  if (masked(lines[0].text, tokens)) return maskedMeans === "met";
  return comparable(lines[0].text) === comparable(joinTokens(tokens));
}

/** Why the config does not show the plan (empty when it does): each setting missing, left over or different. */
export function verifyProblems(after: ConfigIndex, plan: readonly ContextCommand[]): string[] {
  const current = linesByKey(after);
  const problems: string[] = [];
  for (const [key, { cmd, tokens }] of intended(plan)) {
    if (settingMet(current, key, tokens, "met")) continue;
    const where = contextName(cmd.context) === "" ? "" : ` in ${contextName(cmd.context)}`;
    const found = (current.get(key)?.lines ?? []).map((l) => l.text);
    problems.push(
      `${cmd.command}${where}: router has ${found.length === 0 ? "no such line" : found.map((f) => `"${f}"`).join(", ")}`,
    );
  }
  return problems.map(redact);
}

/**
 * The plans of a batch, each cut to the commands whose setting no later plan of the batch writes: the part of the
 * batch's end state each plan answers for, so a verification problem is laid at the door of the last writer.
 */
export function lastWrites(plans: readonly (readonly ContextCommand[])[]): ContextCommand[][] {
  const later = new Set<string>();
  return [...plans]
    .reverse()
    .map((plan) => {
      const own = plan.filter((cmd) => !later.has(settingKey(cmd.context, tokenize(cmd.command))));
      for (const cmd of plan) later.add(settingKey(cmd.context, tokenize(cmd.command)));
      return own;
    })
    .reverse();
}

/** After a drop: the plan's commands whose setting is not yet in its intended state, in plan order. */
export function unmetCommands(current: ConfigIndex, plan: readonly ContextCommand[]): ContextCommand[] {
  const map = linesByKey(current);
  const unmet = new Set<ContextCommand>();
  for (const [key, { cmd, tokens }] of intended(plan))
    if (!settingMet(map, key, tokens, "unmet")) unmet.add(cmd);
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

/** Commands that decide who may log in and how: the servers' host lists and switches, logins and users. */
const ACCESS_COMMANDS = ["sshd", "sftpd", "telnetd", "httpd", "login", "user", "administrator"];

/**
 * Whether a plan can cut the management path: it changes the address of the interface whose address is `host`,
 * or a server's access (ServiceHosts: `sshd/telnetd/httpd/sftpd host`, `... service`), the login or user settings.
 */
export function touchesAccess(snapshot: ConfigIndex, plan: readonly ContextCommand[], host: string): boolean {
  const managementIfs = new Set<string>();
  for (const item of snapshot.tree.items) {
    if (item.type !== "line") continue;
    const read = readInterfaceLine(item.line);
    if (read?.setting === "address" && !read.secondary && read.host === host)
      managementIfs.add(read.interface);
  }
  return plan.some(({ command }) => {
    const t = tokenize(command);
    const s = isNo(t) ? t.slice(1) : t;
    if (ACCESS_COMMANDS.includes(s[0])) return true;
    const iface = readInterfaceLine({ tokens: s, line: 0 });
    if (iface === undefined || !managementIfs.has(iface.interface)) return false;
    // Its address (set or removed: `no ip lan1 address` has no value) or its secure filter lists.
    return commandKey(s).join(" ") === `ip ${iface.interface} address` || isSecureFilterLine(s, "ip");
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

/** A setting's name for the unsaved journal: context and key, secrets masked (the journal is a file on disk). */
export function journalKey(cmd: ContextCommand): string {
  return redact(`${contextName(cmd.context) || "global"}|${joinTokens(commandKey(tokenize(cmd.command)))}`);
}

/** A setting whose running lines differ from the saved ones. */
export interface UnsavedSetting {
  context: Context;
  /** As `journalKey` names it. */
  key: string;
  running: string[];
  saved: string[];
}

/** The settings whose running lines are not what the saved config holds (right-trimmed, secrets compared as shown). */
export function unsavedSettings(running: ConfigIndex, saved: ConfigIndex): UnsavedSetting[] {
  const now = linesByKey(running);
  const then = linesByKey(saved);
  const out: UnsavedSetting[] = [];
  for (const key of new Set([...now.keys(), ...then.keys()])) {
    const r = (now.get(key)?.lines ?? []).map((l) => comparable(l.text));
    const s = (then.get(key)?.lines ?? []).map((l) => comparable(l.text));
    if (r.length === s.length && r.every((line, i) => line === s[i])) continue;
    const context = (now.get(key) ?? then.get(key))!.context;
    const command = r[0] ?? s[0];
    out.push({ context, key: journalKey({ context, command }), running: r, saved: s });
  }
  return out;
}

/** The commands that put unsaved settings back to the saved config's lines. */
export function revertCommands(saved: ConfigIndex, settings: readonly UnsavedSetting[]): ContextCommand[] {
  const then = linesByKey(saved);
  return settings.flatMap((s) => restoreSetting(then, s.context, tokenize(s.running[0] ?? s.saved[0])));
}

/**
 * The last line of defence against command injection: a control character typed at the router edits the line
 * (Ctrl-U clears it, so `pw\x15restart` runs `restart`) or ends it (CR, LF). Inputs are checked long before this;
 * nothing that reaches here may contain one, whatever its origin.
 */
export function refuseControlCharacters(router: string, text: string, what = "a command"): void {
  if (hasControlCharacter(text))
    throw new RouterError(router, `refusing to type ${what} containing a control character or line break`, {
      command: what === "a command" ? JSON.stringify(text).slice(1, -1) : undefined,
    });
}
