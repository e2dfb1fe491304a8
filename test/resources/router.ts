/**
 * A config store for the pure-core tests: `show config`-style text read by the provider's parser, and commands
 * applied with the provider's one statement of the router's write semantics (provider/config/write.ts: `no KEY`
 * removes, re-entering a key overwrites in place, new lines go where `show config` prints them). The SSH simulator,
 * with its own independent grammar, is the faithful router; this exists so plans can be checked without a network.
 */
import { type ConfigIndex, indexConfig, parseConfig } from "../../provider/config";
import type { ConfigTree, ContextCommand } from "../../provider/config/model";
import { applyCommands } from "../../provider/config/write";

export type Store = ConfigTree;

export function store(text: string): Store {
  return parseConfig(text);
}

export function index(s: Store): ConfigIndex {
  return indexConfig(s);
}

export function apply(s: Store, commands: readonly ContextCommand[]): Store {
  return applyCommands(s, commands);
}

/** The store's lines, block lines as "tunnel 2: LINE", sorted: for comparisons independent of order. */
export function lineSet(s: Store): string[] {
  return s.items
    .flatMap((item) =>
      item.type === "line"
        ? [item.line.text]
        : item.block.lines.map((l) => `${item.block.kind} ${item.block.id}: ${l.text}`),
    )
    .sort();
}

/** The config as sorted lines, for "nothing left behind" comparisons independent of where lines were added. */
export function render(s: Store): string {
  return lineSet(s).join("\n");
}
