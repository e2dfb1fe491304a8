/**
 * A lookup index over a parsed config, so reading one resource does not rescan the whole config
 * (an NVR510 can hold ~10,000 `ip route` lines).
 */
import { commandKey } from "./keys";
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

export function indexConfig(tree: ConfigTree): ConfigIndex {
  const byPrefix = new Map<string, ConfigLine[]>();
  const keyed = new Map<string, ConfigLine>();
  const blocks = new Map<string, SelectBlock>();
  const ordered: Record<"pp" | "tunnel", SelectBlock[]> = { pp: [], tunnel: [] };

  const add = (ctx: string, line: ConfigLine) => {
    const n = Math.min(MAX_PREFIX, line.tokens.length);
    for (let i = 1; i <= n; i++) {
      const key = `${ctx}\u0000${line.tokens.slice(0, i).join(" ")}`;
      const list = byPrefix.get(key);
      if (list) list.push(line);
      else byPrefix.set(key, [line]);
    }
    keyed.set(`${ctx}\u0000${commandKey(line.tokens).join("\u0000")}`, line);
  };

  for (const item of tree.items) {
    if (item.type === "line") {
      add(contextName({ kind: "global" }), item.line);
    } else {
      const b = item.block;
      blocks.set(`${b.kind} ${b.id}`, b);
      ordered[b.kind].push(b);
      const ctx = b.kind === "pp" ? `pp ${b.id}` : `tunnel ${b.id}`;
      for (const line of b.lines) add(ctx, line);
    }
  }

  return {
    tree,
    model: tree.header.model,
    find(prefix, context = { kind: "global" }) {
      if (prefix.length === 0) throw new Error("find: empty prefix");
      const head = prefix.slice(0, MAX_PREFIX);
      const hits = byPrefix.get(`${contextName(context)}\u0000${head.join(" ")}`) ?? [];
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
      return keyed.get(`${contextName(context)}\u0000${key.join("\u0000")}`);
    },
  };
}

export { parseConfig, type ParseOptions } from "./parse";
export { renderConfig, renderCommands, type RenderOptions } from "./render";
export { tokenize, quoteToken, joinTokens } from "./tokenize";
export { commandKey, noForm, sameKey } from "./keys";
export { commandScope, isNestedIpsec, type Scope } from "./scope";
export * from "./model";
