/**
 * A tiny stand-in for the router's config store, for the pure-core tests only: it reads `show config`-style
 * text into the ConfigTree model and applies keyed commands the way the router does (`no KEY` removes,
 * re-entering a keyed command overwrites in place, new lines go to the end of their context).
 * The SSH simulator is the faithful one; this exists so plans can be checked without a network.
 */
import { type ConfigIndex, indexConfig, parseConfig } from "../../provider/config";
import type { Context, ContextCommand } from "../../provider/config/model";
import { keyOf } from "../../provider/resources/lines";

export interface Store {
  global: string[];
  blocks: Map<string, string[]>;
}

const blockName = (c: Context) =>
  c.kind === "pp" ? `pp ${c.peer}` : c.kind === "tunnel" ? `tunnel ${c.tunnel}` : "";

export function store(text: string): Store {
  const s: Store = { global: [], blocks: new Map() };
  let current: string[] = s.global;
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    const select = /^(pp|tunnel) select (\S+)$/.exec(raw);
    if (select) {
      current = [];
      s.blocks.set(`${select[1]} ${select[2]}`, current);
    } else if (/^\s/.test(raw)) current.push(raw.trim());
    else {
      current = s.global;
      current.push(raw.trim());
    }
  }
  return s;
}

/** The store as `show config` prints it (blocks indented), read by the real parser. */
export function showConfig(s: Store): string {
  const blocks = [...s.blocks].flatMap(([name, lines]) => [
    name.replace(" ", " select "),
    ...lines.map((l) => ` ${l}`),
  ]);
  return [...s.global, ...blocks].join("\n");
}

export function index(s: Store): ConfigIndex {
  return indexConfig(parseConfig(showConfig(s)));
}

export function apply(s: Store, commands: readonly ContextCommand[]): Store {
  const next: Store = { global: [...s.global], blocks: new Map([...s.blocks].map(([k, v]) => [k, [...v]])) };
  for (const { context, command } of commands) {
    const name = blockName(context);
    if (name && !next.blocks.has(name)) next.blocks.set(name, []);
    const lines = name ? next.blocks.get(name)! : next.global;
    const tokens = command.split(" ");
    if (tokens[0] === "no") {
      const key = tokens.slice(1);
      const kept = lines.filter((l) => !key.every((t, i) => l.split(" ")[i] === t));
      lines.splice(0, lines.length, ...kept);
      continue;
    }
    const key = keyOf(tokens);
    const at = lines.findIndex((l) => keyOf(l.split(" ")) === key);
    if (at >= 0) lines[at] = command;
    else lines.push(command);
  }
  for (const [k, v] of next.blocks) if (v.length === 0) next.blocks.delete(k);
  return next;
}

/** The config as sorted text per context, for "nothing left behind" comparisons independent of append order. */
export function render(s: Store): string {
  const blocks = [...s.blocks].sort(([a], [b]) => a.localeCompare(b));
  return [
    ...[...s.global].sort(),
    ...blocks.flatMap(([k, v]) => [`${k.replace(" ", " select ")}`, ...[...v].sort().map((l) => ` ${l}`)]),
  ].join("\n");
}
