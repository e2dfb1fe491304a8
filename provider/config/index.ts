/**
 * A lookup index over a parsed config, so reading one resource does not rescan the whole config
 * (an NVR510 can hold ~10,000 `ip route` lines).
 */
import { commandKeyText } from "./keys";
import type { ConfigLine, ConfigTree, Context, SelectBlock } from "./model";

/** Lines are indexed under every prefix of up to this many tokens. */
const MAX_PREFIX = 5;

export interface ConfigIndex {
  readonly tree: ConfigTree;
  /** Model name from the header (e.g. "NVR510"), if the config has one. */
  readonly model?: string;
  /** Lines in `context` (default: global) whose tokens start with `prefix` (at most 5 tokens are indexed; longer prefixes filter). */
  find(prefix: readonly string[], context?: Context): ConfigLine[];
  /** The `pp select` / `tunnel select` block with that id. */
  block(kind: "pp" | "tunnel", id: string): SelectBlock | undefined;
  /** All blocks of a kind, in config order. */
  blocks(kind: "pp" | "tunnel"): SelectBlock[];
  /** The line holding the setting with this command key (see keys.ts), e.g. `["ip", "route", "10.0.0.0/8"]`. */
  byKey(key: readonly string[], context?: Context): ConfigLine | undefined;
}

/** The context as the router names it (`pp 1`, `tunnel 2`); empty at the top level. Also a lookup key. */
export function contextName(context: Context): string {
  switch (context.kind) {
    case "global":
      return "";
    case "pp":
      return `pp ${context.peer}`;
    case "tunnel":
      return `tunnel ${context.tunnel}`;
  }
}

/** What a line is indexed under, by token list: a parsed line's tokens are never changed (see config/write.ts). */
interface LineKeys {
  /** Its first 1..MAX_PREFIX tokens, joined. */
  prefixes: string[];
  /** Its command key, joined. */
  key: string;
}
const lineKeys = new WeakMap<readonly string[], LineKeys>();

function keysOf(tokens: readonly string[]): LineKeys {
  let keys = lineKeys.get(tokens);
  if (keys === undefined) {
    const prefixes: string[] = [];
    for (let i = 1; i <= Math.min(MAX_PREFIX, tokens.length); i++)
      prefixes.push(tokens.slice(0, i).join(" "));
    keys = { prefixes, key: commandKeyText(tokens) };
    lineKeys.set(tokens, keys);
  }
  return keys;
}

/**
 * The index of a tree. The session indexes its known running config again after every line the router accepts,
 * so indexing a line costs two map insertions per prefix and nothing else: what a line is indexed under is
 * computed once per line.
 */
export function indexConfig(tree: ConfigTree): ConfigIndex {
  // Per context name, then per prefix or key text.
  const byPrefix = new Map<string, Map<string, ConfigLine[]>>();
  const keyed = new Map<string, Map<string, ConfigLine>>();
  const blocks = new Map<string, SelectBlock>();
  const ordered: Record<"pp" | "tunnel", SelectBlock[]> = { pp: [], tunnel: [] };
  const inContext = <V>(maps: Map<string, Map<string, V>>, ctx: string) => {
    let map = maps.get(ctx);
    if (map === undefined) maps.set(ctx, (map = new Map()));
    return map;
  };

  const addAll = (ctx: string, lines: readonly ConfigLine[]) => {
    const prefixes = inContext(byPrefix, ctx);
    const keys = inContext(keyed, ctx);
    for (const line of lines) {
      const { prefixes: heads, key } = keysOf(line.tokens);
      for (const head of heads) {
        const list = prefixes.get(head);
        if (list) list.push(line);
        else prefixes.set(head, [line]);
      }
      keys.set(key, line);
    }
  };

  const global: ConfigLine[] = [];
  for (const item of tree.items) {
    if (item.type === "line") {
      global.push(item.line);
    } else {
      const b = item.block;
      blocks.set(`${b.kind} ${b.id}`, b);
      ordered[b.kind].push(b);
      addAll(b.kind === "pp" ? `pp ${b.id}` : `tunnel ${b.id}`, b.lines);
    }
  }
  addAll(contextName({ kind: "global" }), global);

  return {
    tree,
    model: tree.header.model,
    find(prefix, context = { kind: "global" }) {
      if (prefix.length === 0) throw new Error("find: empty prefix");
      const head = prefix.slice(0, MAX_PREFIX);
      const hits = byPrefix.get(contextName(context))?.get(head.join(" ")) ?? [];
      if (prefix.length <= MAX_PREFIX) return hits;
      return hits.filter((l) => prefix.every((t, i) => l.tokens[i] === t));
    },
    block(kind, id) {
      return blocks.get(`${kind} ${id}`);
    },
    blocks(kind) {
      return ordered[kind];
    },
    byKey(key, context = { kind: "global" }) {
      return keyed.get(contextName(context))?.get(key.join("\u0000"));
    },
  };
}

export { parseConfig, type ParseOptions } from "./parse";
export { renderConfig, renderCommands, type RenderOptions } from "./render";
export { tokenize, quoteToken, joinTokens } from "./tokenize";
export { commandKey, noForm, sameKey } from "./keys";
export { commandScope, isNestedIpsec, type Scope } from "./scope";
export * from "./model";
