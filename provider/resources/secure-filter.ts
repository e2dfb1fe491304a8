/**
 * SecureFilter: the filter lists one interface applies (CR §8.1.25), `ip IF secure filter in|out [LIST] [dynamic
 * LIST]` — on a LAN at the top level (`ip lan1 ...`), inside `pp select N` (`ip pp ...`) and inside `tunnel select N`
 * (`ip tunnel ...`). The only way the provider expresses these lines: no other resource owns them.
 * Identity "secure filter lan1", "secure filter pp 1", "secure filter tunnel 1". The first filter that matches decides;
 * a packet no filter matches is rejected. The `ipv6 IF secure filter` lists of IPv6 filters (CR §30.7.2) are the same
 * lines under `ipv6`: `secureFilterKind("ipv6")` is Ipv6SecureFilter, identity "ipv6 secure filter lan2".
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { type ConfigLine, type Context, GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { type Family, filterNumber, readLineWith } from "./ip-filter";
import { defineKind } from "./kind";
import { type Found, type Line, type Unreadable, findLines, line, readEach } from "./lines";
import { MAX_LAN_INTERFACES, MAX_PEER_NUMBER, MAX_TUNNEL_NUMBER } from "./models";

/** Static and dynamic filters together per list on the NVR/RTX models this provider knows (CR §8.1.25). */
export const MAX_SECURE_FILTERS = 129;

/** Interfaces by how they are written: a LAN (or its VLAN `lan1/2`) or bridge at the top level, pp or tunnel in their block. */
const INTERFACES: { form: RegExp; max: number; what: string }[] = [
  { form: /^lan([1-9]\d*)(\/[1-9]\d*)?$/, max: MAX_LAN_INTERFACES, what: "lan" },
  { form: /^bridge([1-9]\d*)$/, max: 8, what: "bridge" },
  { form: /^pp ([1-9]\d*|anonymous)$/, max: MAX_PEER_NUMBER, what: "pp" },
  { form: /^tunnel ([1-9]\d*)$/, max: MAX_TUNNEL_NUMBER, what: "tunnel" },
];

function interfaceProblem(s: string): string | undefined {
  for (const { form, max, what } of INTERFACES) {
    const n = form.exec(s)?.[1];
    if (n === undefined) continue;
    return n === "anonymous" || Number(n) <= max ? undefined : `${what} numbers run 1..${max}`;
  }
  return "must be lanN, lanN/M, bridgeN, pp N, pp anonymous or tunnel N";
}

const interfaceName = z.string().superRefine((s, ctx) => {
  const problem = interfaceProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const list = z
  .object({
    /** Static filters (`ip filter N`), tried in this order. */
    filters: z.array(filterNumber).default([]),
    /** Dynamic filters (`ip filter dynamic N`) after the `dynamic` keyword. */
    dynamic: z.array(filterNumber).default([]),
  })
  .strict();

const shape = z
  .object({
    interface: interfaceName,
    /** Packets the interface receives. */
    in: list.optional(),
    /** Packets the interface sends. */
    out: list.optional(),
  })
  .strict();

export type SecureFilterModel = z.output<typeof shape>;
type Direction = "in" | "out";
const DIRECTIONS: readonly Direction[] = ["in", "out"];

/** Where the lines of an interface are typed, and how they name it. */
function placeOf(name: string): { context: Context; ip: string } {
  const [kind, n] = name.split(" ");
  if (kind === "pp") return { context: { kind: "pp", peer: n }, ip: "pp" };
  if (kind === "tunnel") return { context: { kind: "tunnel", tunnel: Number(n) }, ip: "tunnel" };
  return { context: GLOBAL, ip: name };
}

const linesOf =
  (family: Family) =>
  (m: SecureFilterModel): Line[] => {
    const { context, ip } = placeOf(m.interface);
    return DIRECTIONS.flatMap((d) => {
      const l = m[d];
      if (l === undefined) return [];
      const dynamic = l.dynamic.length > 0 ? ["dynamic", ...l.dynamic] : [];
      return [line(context, `${family} ${ip} secure filter ${d} ${[...l.filters, ...dynamic].join(" ")}`)];
    });
  };

/** "secure filter lan1" for IPv4, "ipv6 secure filter lan1" for IPv6. */
const identityPrefix = (family: Family) => (family === "ip" ? "secure filter" : "ipv6 secure filter");

const interfaceOf = (identity: string) => identity.replace(/^(ipv6 )?secure filter /, "");

const ownedOf =
  (family: Family) =>
  (config: ConfigIndex, identity: string): Line[] => {
    const { context, ip } = placeOf(interfaceOf(identity));
    return DIRECTIONS.flatMap((d) => findLines(config, `${family} ${ip} secure filter ${d}`, context));
  };

const number = (t: string) => (/^\d+$/.test(t) ? Number(t) : NaN);

/** The list after `secure filter DIRECTION`. */
function parseList(text: string, args: readonly string[]): { filters: number[]; dynamic: number[] } {
  const at = args.indexOf("dynamic");
  if (at >= 0 && args.indexOf("dynamic", at + 1) >= 0) throw new ReadError(text, "dynamic given twice");
  return at < 0
    ? { filters: args.map(number), dynamic: [] }
    : { filters: args.slice(0, at).map(number), dynamic: args.slice(at + 1).map(number) };
}

function parse(owned: Line[], identity: string): unknown {
  const raw: Record<string, unknown> = { interface: interfaceOf(identity) };
  for (const l of owned) {
    const t = l.text.split(" ");
    raw[t[4]] = parseList(l.text, t.slice(5));
  }
  return raw;
}

/** The filter lists of a family: SecureFilter, or Ipv6SecureFilter (ipv6-secure-filter.ts). */
export const secureFilterKind = (family: Family) =>
  defineKind<SecureFilterModel, z.input<typeof shape>>({
    kind: family === "ip" ? "SecureFilter" : "Ipv6SecureFilter",
    shape,
    rules(m, fail) {
      if (m.in === undefined && m.out === undefined) fail(["in"], "give in, out or both");
      for (const d of DIRECTIONS) {
        const l = m[d];
        if (l === undefined) continue;
        const count = l.filters.length + l.dynamic.length;
        if (count === 0) fail([d], "must list at least one filter");
        if (count > MAX_SECURE_FILTERS)
          fail(
            [d],
            `${count} filters; a list holds at most ${MAX_SECURE_FILTERS} static and dynamic together`,
          );
        for (const which of ["filters", "dynamic"] as const)
          l[which].forEach((n, i) => {
            if (l[which].indexOf(n) < i) fail([d, which, i], `filter ${n} is listed twice`);
          });
        // LOOPBACK and NULL take no dynamic filters (CR §8.1.25); of what this resource names, all take them.
      }
    },
    identity: (m) => `${identityPrefix(family)} ${m.interface}`,
    stage: "bind",
    replaceOnChange: ["interface"],
    secretProperties: [],
    lines: linesOf(family),
    owned: ownedOf(family),
    parse,
  });

export const SecureFilter = secureFilterKind("ip");

/** One `secure filter` line read, with its line number: the filters an interface applies in one direction. */
export interface SecureFilterList {
  /** As the resource names it: `lan1`, `pp 1`, `pp anonymous`, `tunnel 2`. */
  interface: string;
  direction: Direction;
  filters: number[];
  dynamic: number[];
  /** 1-based line of the config it was read from. */
  line: number;
}

/** The interface a block's `ip pp` / `ip tunnel` line belongs to, or a top-level `ip IF`'s name. */
function interfaceIn(context: Context, ip: string): string {
  if (context.kind === "pp") return `pp ${context.peer}`;
  if (context.kind === "tunnel") return `tunnel ${context.tunnel}`;
  return ip;
}

/** Whether a line is of a family's secure filter lists: `ip IF secure filter ...` or `ipv6 IF secure filter ...`. */
export const isSecureFilterLine = (tokens: readonly string[], family: Family) =>
  tokens[0] === family && tokens[2] === "secure" && tokens[3] === "filter";

/**
 * One `ip IF secure filter in|out ...` or `ipv6 IF secure filter in|out ...` line in its context read (the lists
 * are the same under both); throws ReadError.
 */
export function readSecureFilterLine(l: ConfigLine, context: Context): SecureFilterList {
  const [, ip, , , direction, ...args] = l.tokens;
  const name = interfaceIn(context, ip);
  if (direction !== "in" && direction !== "out")
    throw new ReadError(l.text, `the ${direction} form (a filter set) is not modelled`);
  const model = readLineWith(SecureFilter, { interface: name, [direction]: parseList(l.text, args) }, l.text);
  const read = model[direction]!;
  return { interface: name, direction, filters: read.filters, dynamic: read.dynamic, line: l.line };
}

/** Every secure filter list of a family in a config, top level first, then pp and tunnel blocks in config order. */
export function readSecureFilters(
  config: ConfigIndex,
  family: Family = "ip",
): {
  read: SecureFilterList[];
  unreadable: Unreadable[];
} {
  const contexts: Context[] = [
    GLOBAL,
    ...config.blocks("pp").map((b): Context => ({ kind: "pp", peer: b.id })),
    ...config.blocks("tunnel").map((b): Context => ({ kind: "tunnel", tunnel: Number(b.id) })),
  ];
  const results = contexts.map((context) => {
    const lines = config.find([family], context).filter((l) => isSecureFilterLine(l.tokens, family));
    return readEach(lines, (l) => readSecureFilterLine(l, context));
  });
  return { read: results.flatMap((r) => r.read), unreadable: results.flatMap((r) => r.unreadable) };
}

/** The interfaces with a list of the family (SecureFilter's or Ipv6SecureFilter's objects), and the lines refused. */
export function secureFilterIdentities(config: ConfigIndex, family: Family): Found {
  const { read, unreadable } = readSecureFilters(config, family);
  return { identities: read.map((l) => `${identityPrefix(family)} ${l.interface}`), refused: unreadable };
}
