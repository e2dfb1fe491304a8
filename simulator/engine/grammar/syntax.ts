/**
 * A small notation for a command's arguments, close to the reference's syntax lines (CR §1.2), so that most commands
 * are one row of a family table instead of a hand-written reader:
 *
 *   word          the keyword itself
 *   a|b|<int>     one of several alternatives (keywords or values)
 *   <TYPE:ARG>    a value, see VALUES below (int:MIN-MAX, where MAX may be $tunnel, $pp or $filter)
 *   <secret:TYPE:ARG>  a value of TYPE that is a password or key: `show config` prints it, the event log masks it
 *   [ ... ]       optional
 *   X...          one or more of X; X...N at most N
 *   key=V         the option `key=` with a value V (V: alternatives as above)
 *   { A B C }     any of A, B, C (each a single item) in any order, each at most once
 *   ( A B | C )   one of several sequences (a lone `|` separates them)
 *
 * A line matches when the whole pattern consumes every word; on failure the error is the one found furthest into
 * the line (the device reports the first word it cannot take).
 */
import type { GrammarError } from "../grammar-contract";
import type { Reader } from "./reader";
import type { Env } from "./spec";
import type { Token } from "./tokenizer";
import {
  Failure,
  fail,
  INTERFACE,
  integer,
  ipv4,
  ipv4Number,
  ipv4OrIpv6,
  ipv4OrRange,
  ipv4Prefix,
  ipv6Prefix,
  isIpv6,
  MAX_FILTER,
  MAX_ID,
  port,
  portList,
} from "./values";

type Check = (text: string, env: Env) => string;

type Atom =
  | { kind: "word"; word: string }
  | { kind: "value"; type: string; check: Check; secret: boolean }
  | { kind: "option"; key: string; values: Atom[] };

type Node =
  | { kind: "one"; atoms: Atom[]; max: number; repeat: boolean }
  | { kind: "optional"; seq: Node[] }
  | { kind: "any-order"; items: Node[] }
  | { kind: "choice"; seqs: Node[][] };

/** The model-dependent upper bounds an `int` may name. */
function bound(text: string, env: Env): number {
  if (text === "$tunnel") return env.model.maxTunnel;
  if (text === "$pp") return env.model.maxPp;
  if (text === "$filter") return MAX_FILTER;
  if (text === "$id") return MAX_ID;
  // Queue classes: 1..100 on the RTX5000, 1..16 elsewhere (CR ch. 26, introduction).
  if (text === "$class") return env.model.id === "rtx5000" ? 100 : 16;
  return Number(text);
}

/** Models whose rates take no `G` suffix (CR §26.1 note, §26.10). */
const NO_GIGA = ["rtx830", "rtx840", "rtx1210", "rtx1220", "rtx5000"];

/** A bit rate: digits with an optional `k`, `M` or `G` (either case [U]: the CR's examples write `80m`). */
export function bitRate(v: string, env: Env, min: number, max: number): string {
  const m = /^(\d+)([kmg])?$/i.exec(v) ?? fail("illegal-keyword");
  const unit = m[2]?.toLowerCase();
  if (unit === "g" && NO_GIGA.includes(env.model.id)) fail("illegal-keyword");
  const n = Number(m[1]) * 1000 ** (unit ? "kmg".indexOf(unit) + 1 : 0);
  if (n < min || n > max) fail("out-of-range");
  return v;
}

function maxLength(limit: number): Check {
  return (v) => (v.length > limit ? fail("out-of-range") : v);
}

const HOSTNAME = /^[A-Za-z0-9_.-]{1,255}$/;

/** Value types; each returns the canonical text or aborts with the device's error class. */
const VALUES: Record<string, (arg: string | undefined) => Check> = {
  int: (arg) => {
    const [min, max] = (arg ?? `0-$id`).split("-");
    return (v, env) => String(integer(v, Number(min), bound(max, env)));
  },
  ip: () => ipv4,
  /** An ID written as an IPv4 address other than 0.0.0.0 (OSPF areas, OSPFv3 router IDs: CR §28.9-28.13, §31.3-31.7)
   * [U: the error class of 0.0.0.0]. */
  "dotted-id": () => (v) => (ipv4Number(ipv4(v)) === 0 ? fail("out-of-range") : v),
  ip6: () => (v) => (isIpv6(v) ? v : fail("bad-ip")),
  ip46: () => ipv4OrIpv6,
  prefix: () => ipv4Prefix,
  prefix6: () => ipv6Prefix,
  range: () => ipv4OrRange,
  /** An address or a network `a.b.c.d/bits`. */
  net: () => (v) => (v.includes("/") ? ipv4Prefix(v) : ipv4(v)),
  if: () => (v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")),
  /** A physical switch port `lanN:P` (link aggregation, CR §4.37). */
  "lan-port": () => (v) => {
    const m = /^lan(\d+):(\d+)$/.exec(v) ?? fail("illegal-keyword");
    integer(m[2], 1, 8);
    return v;
  },
  /** Free text of at most MAX (`<text:MAX>`) or MIN..MAX (`<text:MIN-MAX>`) characters. */
  text: (arg) => {
    const [min, max] = (arg ?? "64").includes("-")
      ? (arg as string).split("-").map(Number)
      : [1, Number(arg ?? 64)];
    return (v, env) => (v.length < min ? fail("out-of-range") : maxLength(max)(v, env));
  },
  word: () => (v) => v,
  host: () => (v) => (isIpv6(v) || HOSTNAME.test(v) ? v : fail("bad-ip")),
  /** Keywords of the list given (`<comma-list:a,b,c>`) joined by commas, each at most once. */
  "comma-list": (arg) => {
    const allowed = (arg ?? "").split(",");
    return (v) => {
      const items = v.split(",");
      if (new Set(items).size !== items.length || !items.every((i) => allowed.includes(i)))
        fail("illegal-keyword");
      return v;
    };
  },
  /** Addresses and ranges `a.b.c.d-e.f.g.h` joined by commas. */
  "range-list": () => (v) => {
    v.split(",").forEach(ipv4OrRange);
    return v;
  },
  /** A domain name (letters, digits, `_`, `-`, dots; at most 255 characters). */
  domain: () => (v) => (HOSTNAME.test(v) && /[A-Za-z0-9]/.test(v) ? v : fail("illegal-keyword")),
  /** A DNS query to match (CR §24.10): `.`, a domain suffix, a `*` pattern, or an address with an optional mask. */
  "dns-query": () => (v) => {
    if (/^[\d./]+$/.test(v) && /\d/.test(v)) return v.includes("/") ? ipv4Prefix(v) : ipv4(v);
    return /^[A-Za-z0-9_.*-]{1,255}$/.test(v) ? v : fail("illegal-keyword");
  },
  /** A DHCP client option `CODE=HEX[,HEX...]` (CR §12.2.5): code 1..254, hexadecimal bytes. */
  "dhcp-option": () => (v) => {
    const m = /^(\d+)=((?:[0-9a-f]{1,2},)*[0-9a-f]{1,2})$/i.exec(v) ?? fail("illegal-keyword");
    integer(m[1], 1, 254);
    return v;
  },
  /** A point in time `yyyy-mm-dd[,hh:mm[:ss]]`, years 1980..2079 (CR §30.3.1). */
  "date-time": () => (v) => {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})(?:,(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v) ?? fail("illegal-keyword");
    integer(m[1], 1980, 2079);
    integer(m[2], 1, 12);
    integer(m[3], 1, 31);
    if (m[4] !== undefined) integer(m[4], 0, 23);
    if (m[5] !== undefined) integer(m[5], 0, 59);
    if (m[6] !== undefined) integer(m[6], 0, 59);
    return v;
  },
  /** VLAN interconnect group members (CR §38.3): LAN names joined by `,`, ranges `vlan1-3`, `lan2/1-3`, and a `$`
   * after a name for one-to-all. */
  "lan-group": () => (v) => {
    const name = "(lan\\d+(\\.\\d+|/\\d+)?|vlan\\d+)";
    const item = new RegExp(`^${name}(-\\d+)?\\$?$`);
    return v.split(",").every((i) => item.test(i)) ? v : fail("illegal-keyword");
  },
  /**
   * A file on external memory (CR ch. 42): `usb1:NAME`, `sd1:NAME` or `*:NAME` (either); `<memory-file:2>` takes two
   * joined by a comma, `<memory-file:prefix>` a statistics prefix (letters and digits, at most 15, no `*:`).
   */
  "memory-file": (arg) => (v) => {
    const files = v.split(",");
    if (files.length > (arg === "2" ? 2 : 1)) fail("illegal-keyword");
    const file = arg === "prefix" ? /^(usb1|sd1):[A-Za-z0-9]{1,15}$/ : /^(usb1|sd1|\*):[\x21-\x7e]{1,255}$/;
    return files.every((f) => file.test(f)) ? v : fail("illegal-keyword");
  },
  /** `SECONDS,COUNT` of a periodic check (CR §44.26): 1..3600 seconds, 1..1000 times or infinity. */
  "interval-count": () => (v) => {
    const m = /^(\d+),(\d+|infinity)$/.exec(v) ?? fail("illegal-keyword");
    integer(m[1], 1, 3600);
    if (m[2] !== "infinity") integer(m[2], 1, 1000);
    return v;
  },
  /** An amount with an optional k/M/G suffix (CR §44.13 `50M`), at least 1. */
  amount: () => (v) => {
    const m = /^(\d{1,19})[kMG]?$/.exec(v) ?? fail("illegal-keyword");
    if (Number(m[1]) < 1) fail("out-of-range");
    return v;
  },
  /** A warning point and an optional cancel point, each an amount or `N%` (CR §44.13-44.14). */
  alert: () => (v) => {
    const parts = v.split(",");
    if (parts.length > 2 || !parts.every((p) => /^\d{1,19}[kMG]?$/.test(p) || /^(100|[1-9]?\d)%$/.test(p)))
      fail("illegal-keyword");
    return v;
  },
  /** A SIP address `sip:user@host` (CR §20.2.1). */
  "sip-uri": () => (v) => (/^sips?:[\x21-\x7e]{1,255}$/.test(v) ? v : fail("illegal-keyword")),
  /** A q value 0.001..1.000 in steps of 0.001, or 0 (CR §20.2.10). */
  qvalue: () => (v) => {
    const m = /^(0|1)(?:\.(\d{1,3}))?$/.exec(v) ?? fail("illegal-keyword");
    const q = Number(`${m[1]}.${(m[2] ?? "").padEnd(3, "0")}`);
    if (q > 1 || (q === 0 && v !== "0")) fail("out-of-range");
    return v;
  },
  /** An ISDN number with an optional `/SUBADDRESS` (ASCII 0x21..0x7e), or the subaddress alone (CR §6.1.2). */
  "isdn-number": () => (v) =>
    /^(\d{1,32}(\/[\x21-\x7e]{1,32})?|\/[\x21-\x7e]{1,32})$/.test(v) ? v : fail("illegal-keyword"),
  /** A percentage `N%` in MIN-MAX (`<percent:70-90>`). */
  percent: (arg) => {
    const [min, max] = (arg ?? "0-100").split("-").map(Number);
    return (v) => {
      const m = /^(\d+)%$/.exec(v) ?? fail("illegal-keyword");
      integer(m[1], min, max);
      return v;
    };
  },
  /** A prefix an interface learnt, `dhcp-prefix@lan2` (`<learnt-prefix:dhcp>`) or `ra-prefix@lan2`. */
  "learnt-prefix": (arg) => (v) => {
    const m = /^(ra|dhcp)-prefix@(.+)$/.exec(v) ?? fail("illegal-keyword");
    if ((arg !== undefined && m[1] !== arg) || !INTERFACE.test(m[2])) fail("illegal-keyword");
    return v;
  },
  port: () => port,
  ports: () => portList,
  mac: () => (v) => (/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(v) ? v.toLowerCase() : fail("illegal-keyword")),
  hex: () => (v) => (/^(0x)?[0-9a-f]+$/i.test(v) ? v : fail("illegal-keyword")),
  /** `hh:mm` (or `hh:mm:ss`). */
  time: () => (v) => {
    const [h, m, s, extra] = v.split(":");
    if (m === undefined || extra !== undefined) fail("illegal-keyword");
    integer(h, 0, 23);
    integer(m, 0, 59);
    if (s !== undefined) integer(s, 0, 59);
    return v;
  },
  /** Numbers and ranges joined by commas (`1,3-5`). */
  "int-list": (arg) => {
    const num = VALUES.int(arg);
    return (v, env) => {
      for (const part of v.split(",")) part.split("-").forEach((n) => num(n, env));
      return v;
    };
  },
  /** `lan type ... port-based-option=`: `split-into-12:34` or the extended `123+,4-` form (CR §4.50). */
  "port-split": () => (v) =>
    /^split-into-[1-8]+(:[1-8]+)+$/.test(v) || /^[1-8]+[+-](,[1-8]+[+-])*$/.test(v)
      ? v
      : fail("illegal-keyword"),
  /** A MAC address or a pattern with `*` octets (ethernet filter, CR §9.1). */
  "mac-pattern": () => (v) =>
    v === "*" || /^([0-9a-f]{2}|\*)(:([0-9a-f]{2}|\*)){5}$/i.test(v)
      ? v.toLowerCase()
      : fail("illegal-keyword"),
  /** Up to 16 two-digit hex bytes or `*`, comma-separated (ethernet filter offsets, CR §9.1). */
  "byte-list": () => (v) => {
    const bytes = v.split(",");
    if (bytes.length > 16 || !bytes.every((b) => /^([0-9a-f]{2}|\*)$/i.test(b))) fail("illegal-keyword");
    return v.toLowerCase();
  },
  /** A time zone offset `+09:00` (CR §4.13). */
  "utc-offset": () => (v) => {
    const m = /^([+-])(\d{1,2}):(\d{2})$/.exec(v) ?? fail("illegal-keyword");
    integer(m[2], 0, 14);
    integer(m[3], 0, 59);
    return v;
  },
  /** A URL of the schemes listed (`<url:http,https>`; http, https, ftp, tftp by default). */
  url: (arg) => {
    const schemes = (arg ?? "http,https,ftp,tftp").split(",");
    return (v) => {
      const scheme = /^([a-z]+):\/\/\S+$/.exec(v)?.[1];
      return scheme !== undefined && schemes.includes(scheme) ? v : fail("illegal-keyword");
    };
  },
  /** A file path on RTFS or external memory (`/lbo/list.xml`, `usb1:/a.txt`, relative `logs/%y.txt`): no blanks,
   * at most 255 characters (`<path:99>`: 99) [U: the CR gives no length for most]. */
  path: (arg) => (v) => {
    if (!/^[\x21-\x7e]+$/.test(v) || /^[a-z]+:\/\//.test(v)) fail("illegal-keyword");
    return v.length > Number(arg ?? 255) ? fail("out-of-range") : v;
  },
  /** A bit rate in bit/s, MIN-MAX after scaling (CR §26.1, §27.3). */
  bps: (arg) => {
    const [min, max] = (arg ?? "1-100000000000").split("-").map(Number);
    return (v, env) => bitRate(v, env, min, max);
  },
  /** A queue class's bandwidth (CR §26.10): `ngn`, a rate or `N%`, or two of them joined by a comma (shaping's
   * guaranteed and upper rates, in either order). */
  bandwidth: () => (v, env) => {
    if (v === "ngn") return v;
    const parts = v.split(",");
    if (parts.length > 2) fail("illegal-keyword");
    for (const part of parts)
      if (part.endsWith("%")) integer(part.slice(0, -1), 1, 100);
      else bitRate(part, env, 1, 100_000_000_000);
    return v;
  },
  /** A regular expression as `grep` takes it (CR §29.7); JavaScript's syntax stands in for the device's [U]. */
  regex: () => (v) => {
    try {
      new RegExp(v);
    } catch {
      fail("illegal-keyword");
    }
    return v;
  },
  /** An OSPF MD5 key `ID,KEY`: ID 0..255, KEY at most 16 characters (CR §28.12-28.13). */
  md5key: () => (v) => {
    const m = /^\(?(\d+)\)?,\(?([^()]*)\)?$/.exec(v) ?? fail("illegal-keyword");
    integer(m[1], 0, 255);
    if (m[2].length === 0 || m[2].length > 16) fail("out-of-range");
    return v;
  },
};

/** Splits a pattern into words and the brackets `[ ] { }`. */
function lex(pattern: string): string[] {
  return pattern
    .replace(/([[\]{}()])/g, " $1 ")
    .split(/\s+/)
    .filter((w) => w !== "");
}

function atom(text: string): Atom {
  const option = /^([a-z0-9_.-]+)=(.+)$/i.exec(text);
  if (option) return { kind: "option", key: option[1], values: option[2].split("/").map(atom) };
  const value = /^<(secret:)?([a-z0-9-]+)(?::(.+))?>$/.exec(text);
  if (value) {
    const make = VALUES[value[2]];
    if (!make) throw new Error(`syntax: unknown value type ${value[2]}`);
    return { kind: "value", type: value[2], check: make(value[3]), secret: value[1] !== undefined };
  }
  return { kind: "word", word: text };
}

function parseNodes(words: string[], closing?: string): Node[] {
  const nodes: Node[] = [];
  while (words.length > 0) {
    const w = words.shift() as string;
    if (w === closing) return nodes;
    if (w === "[") nodes.push({ kind: "optional", seq: parseNodes(words, "]") });
    else if (w === "(") nodes.push({ kind: "choice", seqs: parseChoice(words) });
    else if (w === "|") throw new Error("syntax: a lone | only inside ( )");
    else if (w === "{") nodes.push({ kind: "any-order", items: parseNodes(words, "}") });
    else {
      const rep = /^(.*?)\.\.\.(\d*)$/.exec(w);
      const body = rep ? rep[1] : w;
      // Option values use `/` between alternatives (`|` splits the option keys themselves).
      nodes.push({
        kind: "one",
        atoms: body.split("|").map(atom),
        repeat: rep !== null,
        max: rep?.[2] ? Number(rep[2]) : rep ? Infinity : 1,
      });
    }
  }
  if (closing) throw new Error(`syntax: missing ${closing}`);
  return nodes;
}

/** The sequences of a `( ... | ... )` group, up to its `)`. */
function parseChoice(words: string[]): Node[][] {
  const seqs: Node[][] = [];
  let current: string[] = [];
  let depth = 0;
  while (words.length > 0) {
    const w = words.shift() as string;
    if (w === "(" || w === "[" || w === "{") depth++;
    if ((w === ")" || w === "]" || w === "}") && depth > 0) depth--;
    else if (w === ")") {
      seqs.push(parseNodes(current));
      return seqs;
    }
    if (w === "|" && depth === 0) {
      seqs.push(parseNodes(current));
      current = [];
    } else current.push(w);
  }
  throw new Error("syntax: missing )");
}

const compiled = new Map<string, Node[]>();
function compile(pattern: string): Node[] {
  let nodes = compiled.get(pattern);
  if (!nodes) {
    nodes = parseNodes(lex(pattern));
    compiled.set(pattern, nodes);
  }
  return nodes;
}

interface Failed {
  pos: number;
  error: GrammarError;
}

/** A word's canonical text; `keep` (what stays readable when it is masked) marks a secret. */
interface Word {
  text: string;
  keep?: string;
}

/** What of a word an atom took stays readable in the event log: none of a secret value, the `key=` of an option
 * whose value is one; undefined for a word that holds no secret. */
function secretKeep(a: Atom): string | undefined {
  if (a.kind === "value") return a.secret ? "" : undefined;
  if (a.kind === "option" && a.values.some((v) => secretKeep(v) !== undefined)) return `${a.key}=`;
  return undefined;
}

/** Backtracking matcher over the argument words; `done` decides whether a full match is acceptable. */
class Matcher {
  furthest: Failed = { pos: -1, error: "parameters" };
  constructor(
    private readonly words: string[],
    private readonly env: Env,
  ) {}

  /** Keeps the failure furthest into the line; at the same word, a value's complaint beats "no such keyword". */
  /** Steps of backtracking left: a pathological line ends as an error instead of a stall. */
  private budget = 100_000;
  private spend(): void {
    if (--this.budget < 0) fail("parameters");
  }

  private failAt(pos: number, error: GrammarError): false {
    const vaguer = this.furthest.error === "illegal-keyword" && error !== "illegal-keyword";
    if (pos > this.furthest.pos || (pos === this.furthest.pos && vaguer)) this.furthest = { pos, error };
    return false;
  }

  /** One atom against one word: its canonical text, or the failure. */
  private atom(a: Atom, word: string): string | GrammarError {
    try {
      if (a.kind === "word") return a.word === word ? word : "illegal-keyword";
      if (a.kind === "value") return a.check(word, this.env);
      const eq = word.indexOf("=");
      if (eq < 0 || word.slice(0, eq) !== a.key) return "illegal-keyword";
      const value = word.slice(eq + 1);
      let last: string | GrammarError = "illegal-keyword";
      // A value that took the form but not the size (`/33` of a prefix) says more than another form's refusal.
      let sized: GrammarError | undefined;
      for (const v of a.values) {
        last = this.atom(v, value);
        if (!isError(last)) return `${a.key}=${last}`;
        if (last === "out-of-range") sized = last;
      }
      return sized ?? last;
    } catch (e) {
      if (e instanceof Failure) return e.error;
      throw e;
    }
  }

  /** The error to report when no alternative takes the word: the value error a number or address deserves. */
  private pick(atoms: Atom[], errors: GrammarError[], word: string): GrammarError {
    const numeric = /^-?\d+$/.test(word);
    const value = (test: (a: Atom, error: GrammarError) => boolean): GrammarError | undefined =>
      errors.find((e, i) => test(atoms[i], e));
    const found =
      value((a) => a.kind === "value" && numeric && (a.type === "int" || a.type === "int-list")) ??
      value((a, e) => a.kind === "value" && /^[\d.:/]+$/.test(word) && e === "bad-ip") ??
      value((a) => a.kind === "option" && word.startsWith(`${a.key}=`)) ??
      // A value that took the word's form but not its size (`+25:00`).
      value((a, e) => a.kind === "value" && e === "out-of-range");
    if (found) return found;
    if (numeric && atoms.every((a) => a.kind === "word" && /^\d+$/.test(a.word))) return "out-of-range";
    // Without keywords to choose from, the first value's own complaint; a `name=value` word is no number, so a
    // number's complaint about it is no better than an unknown keyword's (it lets an option's own error win).
    const valueError = errors.find(
      (e) => e !== "illegal-keyword" && !(e === "not-integer" && word.includes("=")),
    );
    return valueError && !atoms.some((a) => a.kind === "word") ? valueError : "illegal-keyword";
  }

  seq(nodes: Node[], i: number, pos: number, out: Word[], k: (pos: number, out: Word[]) => boolean): boolean {
    if (i === nodes.length) return k(pos, out);
    const node = nodes[i];
    const next = (p: number, o: Word[]): boolean => this.seq(nodes, i + 1, p, o, k);
    if (node.kind === "optional") {
      return this.seq(node.seq, 0, pos, out, next) || next(pos, out);
    }
    if (node.kind === "any-order") return this.anyOrder(node.items, new Set(), pos, out, next);
    if (node.kind === "choice") return node.seqs.some((seq) => this.seq(seq, 0, pos, out, next));
    return this.one(node, pos, out, 0, next);
  }

  private anyOrder(
    items: Node[],
    used: Set<number>,
    pos: number,
    out: Word[],
    k: (pos: number, out: Word[]) => boolean,
  ): boolean {
    for (let j = 0; j < items.length; j++) {
      if (used.has(j)) continue;
      const taken = new Set(used).add(j);
      if (this.seq([items[j]], 0, pos, out, (p, o) => this.anyOrder(items, taken, p, o, k))) return true;
    }
    return k(pos, out);
  }

  private one(
    node: Extract<Node, { kind: "one" }>,
    pos: number,
    out: Word[],
    count: number,
    k: (pos: number, out: Word[]) => boolean,
  ): boolean {
    const word = this.words[pos];
    if (word === undefined) return count > 0 ? k(pos, out) : this.failAt(pos, "parameters");
    const errors: GrammarError[] = [];
    let matched = false;
    // Alternatives that read the word the same way lead to the same futures: try each reading once (without this,
    // `include|<word>...` would try 2^n ways to fail on a long line).
    const tried = new Set<string>();
    for (const a of node.atoms) {
      const result = this.atom(a, word);
      if (isError(result)) {
        errors.push(result);
        continue;
      }
      matched = true;
      if (tried.has(result)) continue;
      tried.add(result);
      this.spend();
      const o = [...out, { text: result, keep: secretKeep(a) }];
      if (node.repeat && count + 1 < node.max && this.one(node, pos + 1, o, count + 1, k)) return true;
      if (k(pos + 1, o)) return true;
    }
    if (!matched) {
      // Past the first, a word the list cannot take may still be the next item's; if nothing takes it, this is why.
      this.failAt(pos, this.pick(node.atoms, errors, word));
      return count > 0 ? k(pos, out) : false;
    }
    return count > 0 ? k(pos, out) : false;
  }
}

function isError(v: string): v is GrammarError {
  return ERRORS.has(v);
}
const ERRORS = new Set<string>(["parameters", "out-of-range", "illegal-keyword", "not-integer", "bad-ip"]);

function run(pattern: string, r: Reader, env: Env, whole: boolean): string[] {
  const tokens = r.pending();
  const words = tokens.map((t: Token) => t.value);
  const m = new Matcher(words, env);
  let result: { pos: number; out: Word[] } | undefined;
  const ok = m.seq(compile(pattern), 0, 0, [], (pos, out) => {
    if (whole && pos < words.length) {
      if (pos > m.furthest.pos) m.furthest = { pos, error: "parameters" };
      return false;
    }
    result = { pos, out };
    return true;
  });
  if (!ok || !result) return fail(m.furthest.error);
  // Words that came through unchanged keep the user's quoting.
  const out = result.out.map(({ text }, i) => (text === words[i] ? tokens[i].raw : text));
  result.out.forEach(({ keep }, i) => {
    if (keep !== undefined) r.markSecret(i, keep);
  });
  r.skip(result.pos, out);
  return out;
}

/** An `args` reader for the pattern: validates and emits every remaining word. */
export function syntax(pattern: string): (r: Reader, env: Env) => void {
  compile(pattern);
  return (r, env) => {
    run(pattern, r, env, true);
  };
}

/** A `key` reader for the pattern: takes the key words at the front and returns them canonical. */
export function keySyntax(pattern: string): (r: Reader, env: Env) => string[] {
  compile(pattern);
  return (r, env) => run(pattern, r, env, false);
}
