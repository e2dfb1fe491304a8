/**
 * The resources' common currency: a command line together with its key (the arguments that name the setting,
 * what `no` needs and what re-entering overwrites). Planning is a keyed diff of the lines a resource owns
 * now against the lines it wants. Also the rules every free-text value obeys before it may go into a line
 * (`routerToken`, `routerName`), so no resource or component spells its own.
 */
import { z } from "zod";
import type { ConfigLine, Context, ContextCommand } from "../config/model";
import { type ConfigIndex, commandKey, parseConfig, renderCommands } from "../config/index";
import { ReadError } from "../errors";

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

/**
 * A config line as a family's reader takes it: its words and its 1-based source line (0 for a line that was typed
 * rather than read), so what a reader returns can name the line it came from.
 */
export interface SourceLine {
  readonly tokens: readonly string[];
  readonly line: number;
}

/** A config line a family's reader refused (ReadError), for callers that go on with the rest. */
export interface Unreadable {
  line: number;
  text: string;
  reason: string;
}

/**
 * Every line through a family's reader: what it reads (undefined: the line is not of the family) and, apart, the
 * lines it refuses, so the rest can still be used.
 */
export function readEach<T>(
  lines: readonly ConfigLine[],
  read: (l: ConfigLine) => T | undefined,
): { read: T[]; unreadable: Unreadable[] } {
  const out: { read: T[]; unreadable: Unreadable[] } = { read: [], unreadable: [] };
  for (const l of lines) {
    try {
      const value = read(l);
      if (value !== undefined) out.read.push(value);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      out.unreadable.push({ line: l.line, text: l.text, reason: e.reason });
    }
  }
  return out;
}

/** The config's top-level lines (outside pp, tunnel and other blocks). */
export const globalLines = (config: ConfigIndex): ConfigLine[] =>
  config.tree.items.flatMap((i) => (i.type === "line" ? [i.line] : []));

/**
 * A typed kind's objects in a config (what `nvr import` and ConfigLines start from, objects.ts): their identities,
 * and the lines of its family its reader refuses, each of which names no object and is reported.
 */
export interface Found {
  identities: string[];
  refused: Unreadable[];
}

/** Identities of a family whose reader reports no lines of its own (a line it refuses names no object). */
export const foundOnly = (identities: string[]): Found => ({ identities, refused: [] });

/** What a family's reader makes of the top-level lines; a line it refuses is left out (it names no object). */
export const readGlobalLines = <T>(config: ConfigIndex, reader: (l: ConfigLine) => T | undefined): T[] =>
  readEach(globalLines(config), reader).read;

/** One object per id of what a reader of every line of a family read (the filters), and the lines it refused. */
export const foundById = (
  { read, unreadable }: { read: readonly { id: number }[]; unreadable: Unreadable[] },
  prefix: string,
): Found => ({ identities: read.map((l) => `${prefix} ${l.id}`), refused: unreadable });

/** The source of a resource's line: the config line it was read from, else its own words. */
export function sourceOf(l: Line): SourceLine {
  return l.source ?? { tokens: l.text.split(" "), line: 0 };
}

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

/** The longest command the router reads, spaces included (CR §1.5). */
export const MAX_COMMAND_LENGTH = 4095;

/** Characters the CLI reads specially inside an argument unless escaped (CR §1.5); the provider writes no escapes. */
const CLI_SPECIALS = `?#|>\\'"`;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A character's problem, in general (for a secret) and in particular (naming it); undefined if none. */
type CharacterProblem = { general: string; particular: string } | undefined;

/** Whether a character cannot be typed as itself: a control character or outside printable ASCII. */
function untypable(c: string): CharacterProblem {
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f)
    return {
      general: "must not contain control characters (line breaks, tabs, ESC, Ctrl keys, DEL)",
      particular: `is a control character (${codePoint(c)})`,
    };
  if (code > 0x7e)
    return { general: "must be printable ASCII", particular: `(${codePoint(c)}) is not printable ASCII` };
  return undefined;
}

/** Whether a character cannot stand in a plain argument: untypable, a space, or one the CLI reads specially. */
function unplain(c: string): CharacterProblem {
  if (c === " ") return { general: "must not contain spaces", particular: "is a space" };
  if (CLI_SPECIALS.includes(c))
    return {
      general: `must not contain any of ${CLI_SPECIALS}, which the CLI reads specially (CR §1.5)`,
      particular: `is ${c}, which the CLI reads specially (CR §1.5)`,
    };
  return untypable(c);
}

function firstProblem(s: string, problem: (c: string) => CharacterProblem, secret: boolean) {
  for (const [i, c] of [...s].entries()) {
    const p = problem(c);
    if (p) return secret ? p.general : `character ${i + 1} ${p.particular}`;
  }
  return undefined;
}

/**
 * Why `s` is not one plain token of the router's input — printable ASCII with no space and none of the CLI's
 * special characters — or undefined. Anything else would be typed raw: a control character edits or ends the line
 * (Ctrl-U erases it, CR or LF sends it), a space splits the argument. For a secret the reason says what kind of
 * character is wrong, never which one or where.
 */
export function tokenProblem(s: string, secret = false): string | undefined {
  return firstProblem(s, unplain, secret);
}

/** Why `s` cannot be typed at a prompt as it is (a password answering `Password:`), or undefined; see `tokenProblem`. */
export function typedTextProblem(s: string, secret = false): string | undefined {
  return firstProblem(s, untypable, secret);
}

/** Whether `text` holds a control character (C0 or DEL): typed at the router, one edits or ends the line. */
// eslint-disable-next-line no-control-regex -- a control character is what it looks for
export const hasControlCharacter = (text: string): boolean => /[\x00-\x1f\x7f]/.test(text);

/** `text` with control characters spelled `\u001b`, so a reason quoting an input cannot drive the reader's terminal. */
export function escapeControls(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : c;
    })
    .join("");
}

/** A plain token of 1..max characters (see `tokenProblem`); with `secret`, every reason is free of the value. */
export function routerToken(max: number, { secret = false } = {}) {
  return z
    .string()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = tokenProblem(s, secret);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * A name the router stores and prints back (a PPP user, a pp anonymous name): letters, digits and `. _ @ + -`,
 * or `*` alone (the wildcard, CR §11.1). Stricter than a token: names are identifiers, not passwords.
 */
export function routerName(max: number) {
  return routerToken(max).refine(
    (s) => s === "*" || /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/.test(s),
    "must be letters, digits and . _ @ + - (starting with a letter or digit), or * alone",
  );
}
