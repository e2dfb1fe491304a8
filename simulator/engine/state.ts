/**
 * The router's configuration as the simulator stores it: settings keyed by the grammar's key, per scope (global,
 * each `pp select` peer, each `tunnel select` number), rendered in the grammar's order the way `show config` prints
 * them. Pure data and functions, no I/O.
 */
import type { ConfigCommand } from "./grammar-contract";
import { BLOCKS_SECTION, compareOrder } from "./grammar";

export type Setting = Pick<ConfigCommand, "canonical" | "key" | "order" | "nested" | "secret">;

/** Which block a setting lives in. Peers are `"1"`, `"2"`, ... or `"anonymous"`. */
export type Block = { scope: "global" } | { scope: "pp"; peer: string } | { scope: "tunnel"; tunnel: number };

export interface ConfigState {
  global: Map<string, Setting>;
  pp: Map<string, Map<string, Setting>>;
  tunnel: Map<number, Map<string, Setting>>;
}

export function emptyConfig(): ConfigState {
  return { global: new Map(), pp: new Map(), tunnel: new Map() };
}

export function cloneConfig(c: ConfigState): ConfigState {
  const copyBlocks = <K>(m: Map<K, Map<string, Setting>>): Map<K, Map<string, Setting>> =>
    new Map([...m].map(([k, v]) => [k, new Map(v)]));
  return { global: new Map(c.global), pp: copyBlocks(c.pp), tunnel: copyBlocks(c.tunnel) };
}

export function blockSettings(c: ConfigState, block: Block): Map<string, Setting> | undefined {
  if (block.scope === "global") return c.global;
  return block.scope === "pp" ? c.pp.get(block.peer) : c.tunnel.get(block.tunnel);
}

function ensureBlock(c: ConfigState, block: Block): Map<string, Setting> {
  const existing = blockSettings(c, block);
  if (existing) return existing;
  const created = new Map<string, Setting>();
  if (block.scope === "pp") c.pp.set(block.peer, created);
  else if (block.scope === "tunnel") c.tunnel.set(block.tunnel, created);
  return created;
}

/** Re-entering a key overwrites it in place (CR §8.1.7). Returns the setting it replaced. */
export function putSetting(c: ConfigState, block: Block, setting: Setting): Setting | undefined {
  const settings = ensureBlock(c, block);
  const previous = settings.get(setting.key);
  settings.set(setting.key, setting);
  return previous;
}

/** Returns the removed setting, or undefined when the key was not set. */
export function removeSetting(c: ConfigState, block: Block, key: string): Setting | undefined {
  const settings = blockSettings(c, block);
  const previous = settings?.get(key);
  if (!settings || !previous) return undefined;
  settings.delete(key);
  if (settings.size === 0 && block.scope === "pp") c.pp.delete(block.peer);
  if (settings.size === 0 && block.scope === "tunnel") c.tunnel.delete(block.tunnel);
  return previous;
}

function sorted(settings: Iterable<Setting>): Setting[] {
  return [...settings].sort((a, b) => compareOrder(a.order, b.order));
}

/** Lines of one pp or tunnel block: the select line, one-space members, two-space nested IPsec lines. */
export function renderBlock(header: string, settings: Iterable<Setting>): string[] {
  return [header, ...sorted(settings).map((s) => `${s.nested ? "  " : " "}${s.canonical}`)];
}

/** Numbered peers in numeric order, then `anonymous` (as the router lists them). */
export function ppOrder(peers: Iterable<string>): string[] {
  const rank = (p: string): number => (p === "anonymous" ? Number.MAX_SAFE_INTEGER : Number(p));
  return [...peers].sort((a, b) => rank(a) - rank(b));
}

export function renderPp(c: ConfigState, peer: string): string[] {
  const settings = c.pp.get(peer);
  return settings ? renderBlock(`pp select ${peer}`, settings.values()) : [];
}

export function renderTunnel(c: ConfigState, tunnel: number, settings = c.tunnel.get(tunnel)): string[] {
  return settings ? renderBlock(`tunnel select ${tunnel}`, settings.values()) : [];
}

/**
 * The `show config` body: global lines of the sections before the blocks, then the pp blocks, the tunnel blocks,
 * then the remaining global lines (yamaha-cli.md §7.2: blocks sit between `ngn type` and `ip filter`).
 */
export function renderBody(c: ConfigState): string[] {
  const global = sorted(c.global.values());
  const split = global.findIndex((s) => typeof s.order[0] !== "number" || s.order[0] >= BLOCKS_SECTION);
  const cut = split < 0 ? global.length : split;
  return [
    ...global.slice(0, cut).map((s) => s.canonical),
    ...ppOrder(c.pp.keys()).flatMap((peer) => renderPp(c, peer)),
    ...[...c.tunnel.keys()].sort((a, b) => a - b).flatMap((t) => renderTunnel(c, t)),
    ...global.slice(cut).map((s) => s.canonical),
  ];
}
