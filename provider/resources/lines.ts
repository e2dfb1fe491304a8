/**
 * The resources' common currency: a command line together with its key (the arguments that name the setting,
 * what `no` needs and what re-entering overwrites). Planning is a keyed diff of the lines a resource owns
 * now against the lines it wants.
 */
import type { ConfigLine, Context, ContextCommand } from "../config/model";
import { type ConfigIndex, commandKey, parseConfig, renderCommands } from "../config/index";

export interface Line {
  context: Context;
  /** The leading tokens that identify the setting, e.g. "nat descriptor static 30 1". */
  key: string;
  text: string;
  /** The same line with its secret replaced by `********`, when it carries one. */
  masked?: string;
  /** The config line this was read from (for `conflicts`). */
  source?: ConfigLine;
}

export const MASK = "********";

/** The key of a command: the leading arguments that name its setting (config/keys.ts owns the patterns). */
export function keyOf(tokens: readonly string[]): string {
  return commandKey(tokens).join(" ");
}

/** A line the resource writes; its key is derived from the text so keys and commands cannot disagree. */
export function line(context: Context, text: string, masked?: string): Line {
  const key = keyOf(text.split(" "));
  return masked === undefined ? { context, key, text } : { context, key, text, masked };
}

/** A line as found in the router's config. */
export function fromConfig(context: Context, l: ConfigLine): Line {
  return { context, key: keyOf(l.tokens), text: l.tokens.join(" "), source: l };
}

/** The known lines of `config` in `context` starting with `prefix`. */
export function findLines(
  config: ConfigIndex,
  prefix: string,
  context: Context = { kind: "global" },
): Line[] {
  return config.find(prefix.split(" "), context).map((l) => fromConfig(context, l));
}

export function toCommands(lines: readonly Line[], mask: boolean): ContextCommand[] {
  return lines.map((l) => ({ context: l.context, command: mask ? (l.masked ?? l.text) : l.text }));
}

/** A line's key qualified by its context: two lines with the same scoped key write the same setting. */
export function scoped(l: Line): string {
  const c = l.context;
  return `${c.kind === "global" ? "" : c.kind === "pp" ? `pp ${c.peer}` : `tunnel ${c.tunnel}`}\u0000${l.key}`;
}

const normal = (text: string) => text.trim().split(/\s+/).join(" ");

export interface Diff {
  /** `no KEY` for owned lines the desired state drops, last-written first (statics before the type, and so on). */
  removals: ContextCommand[];
  /** New or changed lines in desired order; re-entering a keyed line overwrites it in place. */
  writes: Line[];
}

/** Keyed diff of the lines a resource owns now against the lines it wants. */
export function diffLines(current: readonly Line[], desired: readonly Line[]): Diff {
  const wanted = new Map(desired.map((l) => [scoped(l), l]));
  const have = new Map(current.map((l) => [scoped(l), l]));
  const removals = current
    .filter((l) => !wanted.has(scoped(l)))
    .reverse()
    .map((l) => ({ context: l.context, command: `no ${l.key}` }));
  const writes = desired.filter((l) => {
    const now = have.get(scoped(l));
    return now === undefined || normal(now.text) !== normal(l.text);
  });
  return { removals, writes };
}

/** The usual plan: removals first (so a replaced key never lingers), then writes. */
export function planLines(current: readonly Line[], desired: readonly Line[]): ContextCommand[] {
  const { removals, writes } = diffLines(current, desired);
  return [...removals, ...toCommands(writes, false)];
}

/**
 * What a resource took over at create, as replayable script lines (`pp select anonymous` ... `pp select none`
 * around block lines), so a delete can restore lines in any context.
 */
export function recordPrior(lines: readonly Line[]): string[] {
  return renderCommands(toCommands(lines, false))
    .split("\n")
    .filter((t) => t !== "");
}

/** Lines recorded by `recordPrior` (or plain global lines) back as keyed lines in their contexts. */
export function priorLines(prior: unknown): Line[] {
  const texts = Array.isArray(prior) ? prior.filter((t): t is string => typeof t === "string") : [];
  if (texts.length === 0) return [];
  const tree = parseConfig(texts.map(normal).join("\n"), { source: "file" });
  return tree.items.flatMap((item) => {
    if (item.type === "line") return [fromConfig({ kind: "global" }, item.line)];
    const b = item.block;
    const context: Context =
      b.kind === "pp" ? { kind: "pp", peer: b.id } : { kind: "tunnel", tunnel: Number(b.id) };
    return b.lines.map((l) => fromConfig(context, l));
  });
}
