/**
 * `show config tunnel N expand`: the settings a tunnel runs with after `tunnel template` (CR §15.49.6) and
 * `ipsec transport template` (CR §15.50.2) are applied. Pure.
 */
import type { ConfigState, Setting } from "./state";

/** Re-validates a derived line in a tunnel's context (or globally) so it gets the grammar's key and order. */
export type Reparse = (canonical: string, tunnel: number | undefined) => Setting | undefined;

/** `3-4 8` → [3, 4, 8]. Tokens that are not numbers or ranges are ignored. */
export function idList(tokens: readonly string[]): number[] {
  return tokens.flatMap((t) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(t);
    if (!m) return [];
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    return to >= from && to - from < 10000 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
  });
}

const COPIED_AS_IS =
  /^(tunnel encapsulation|tunnel ngn (arrive permit|bandwidth|disconnect time|radius auth)|l2tp) /;

/**
 * The line a template source's setting becomes on target tunnel `to`, or undefined when it is not expanded
 * (its ID parameter differs from the source tunnel number, or the command is not a template command).
 */
export function renumber(canonical: string, from: number, to: number): string | undefined {
  if (COPIED_AS_IS.test(canonical)) return canonical;
  const w = canonical.split(" ");
  const is = (i: number): boolean => w[i] === String(from);
  const set = (...indexes: number[]): string =>
    w.map((t, i) => (indexes.includes(i) ? String(to) : t)).join(" ");
  if (w[0] === "tunnel" && w[1] === "enable") return is(2) ? set(2) : undefined;
  if (w[0] !== "ipsec") return undefined;
  if (w[1] === "tunnel") return is(2) ? set(2) : undefined;
  if (w[1] === "sa" && w[2] === "policy") return is(3) ? set(3, 4) : undefined;
  if (w[1] === "auto" && w[2] === "refresh") return w.length > 4 && is(3) ? set(3) : undefined;
  if (w[1] === "ike") {
    const gw = w.findIndex((t, i) => i >= 2 && /^\d+$/.test(t));
    if (gw < 0 || !is(gw)) return undefined;
    // The peer's name gets the target tunnel number appended (CR §15.49.6).
    if (w[2] === "remote" && w[3] === "name" && w[gw + 1] !== undefined) w[gw + 1] = `${w[gw + 1]}${to}`;
    return set(gw);
  }
  return undefined;
}

/** The tunnel's own settings plus what templates give it; its own settings win. */
export function expandTunnel(c: ConfigState, tunnel: number, reparse: Reparse): Setting[] {
  const result = new Map(c.tunnel.get(tunnel) ?? []);
  for (const [source, settings] of c.tunnel) {
    if (source === tunnel) continue;
    const template = [...settings.values()].find((s) => s.canonical.startsWith("tunnel template "));
    if (!template || !idList(template.canonical.split(" ").slice(2)).includes(tunnel)) continue;
    for (const s of settings.values()) {
      const line = renumber(s.canonical, source, tunnel);
      const derived = line === undefined ? undefined : reparse(line, tunnel);
      if (derived && !result.has(derived.key)) result.set(derived.key, derived);
    }
  }
  return [...result.values()];
}

/** Every `ipsec transport` in effect: explicit ones plus template copies (policy ID = transport ID). */
export function expandTransports(c: ConfigState, reparse: Reparse): Setting[] {
  const transports = new Map<string, Setting>();
  const explicit = [...c.global.values()].filter((s) => /^ipsec transport \d+ /.test(s.canonical));
  for (const s of explicit) transports.set(s.key, s);
  for (const t of c.global.values()) {
    const m = /^ipsec transport template (\d+) (.+)$/.exec(t.canonical);
    const source = m && explicit.find((s) => s.canonical.split(" ")[2] === m[1]);
    if (!m || !source) continue;
    const rest = source.canonical.split(" ").slice(4).join(" ");
    for (const id of idList(m[2].split(" "))) {
      const derived = reparse(`ipsec transport ${id} ${id}${rest ? ` ${rest}` : ""}`, undefined);
      if (derived && !transports.has(derived.key)) transports.set(derived.key, derived);
    }
  }
  return [...transports.values()];
}
