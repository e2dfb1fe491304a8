/**
 * The one reader of the tunnel lines several resources and the analyses share: inside `tunnel select N`,
 * `tunnel encapsulation`, `ipsec tunnel POLICY`, `tunnel template` and the `ipsec sa policy` / `ipsec ike` lines;
 * at the top level, `ipsec transport` and `ipsec transport template` (CR §15, §16). A reader only, with source lines: the resources that own these lines
 * (L2tpAnonymousPool, IpsecSiteTunnel) and trace/lint read them through it.
 */
import type { ConfigIndex } from "../config/index";
import { commandKey } from "../config/keys";
import type { ConfigLine } from "../config/model";
import { ReadError } from "../errors";
import { type Found, type SourceLine, foundOnly, readEach } from "./lines";

export type TunnelLine = { line: number } & (
  | { item: "encapsulation"; encapsulation: string }
  /** `ipsec tunnel POLICY`: the SA policy the tunnel uses; undefined when the word is not a number. */
  | { item: "ipsec tunnel"; policy?: number }
  /** `tunnel template 3-4 6`: the tunnels this block is copied to. */
  | { item: "template"; tunnels: number[] }
);

/** An IPsec line keyed by its security gateway (the tunnel's number by convention), CR §15. */
export type IpsecLine = { line: number; gateway: string; args: string[] } &
  /** `ipsec sa policy POLICY GATEWAY esp ...`: args are the protocol and algorithms. */
  (
    | { item: "sa policy"; policy: number }
    /** `ipsec ike SETTING GATEWAY ARGS...`, e.g. setting "pre-shared-key", "keepalive use", "remote address". */
    | { item: "ike"; setting: string }
  );

export type IpsecTransportLine = { line: number } &
  /** `ipsec transport ID POLICY [PROTOCOL [PORT]]`. */
  (
    | { item: "transport"; id: number; policy: number; protocol?: string; port?: string }
    /** `ipsec transport template FROM TARGETS...`: transports copied from FROM. */
    | { item: "template"; from: number; targets: number[] }
  );

/**
 * `3`, `3-4`, or with a prefix `tunnel3`, `tunnel3-tunnel4`: the numbers a range word names; undefined when the word
 * is not one.
 */
export function numberRange(word: string, prefix = ""): number[] | undefined {
  const m = new RegExp(`^${prefix}(\\d+)(?:-${prefix}(\\d+))?$`).exec(word);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** Range words as numbers; throws ReadError naming the first word that is not a range. */
export function numberRanges(text: string, words: readonly string[], prefix = ""): number[] {
  return words.flatMap((w) => {
    const numbers = numberRange(w, prefix);
    if (numbers === undefined) throw new ReadError(text, `"${w}" is not a ${prefix || "number"} or range`);
    return numbers;
  });
}

const number = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

/** A tunnel block's encapsulation, `ipsec tunnel` or `tunnel template` line; undefined for other lines. */
export function readTunnelLine({ tokens, line }: SourceLine): TunnelLine | undefined {
  const [head, second, ...rest] = tokens;
  if (head === "tunnel" && second === "encapsulation" && rest[0] !== undefined)
    return { line, item: "encapsulation", encapsulation: rest[0] };
  if (head === "ipsec" && second === "tunnel") {
    const policy = number(rest[0]);
    return policy === undefined ? { line, item: "ipsec tunnel" } : { line, item: "ipsec tunnel", policy };
  }
  if (head === "tunnel" && second === "template")
    return { line, item: "template", tunnels: numberRanges(tokens.join(" "), rest) };
  return undefined;
}

/** An `ipsec sa policy` or `ipsec ike` line; undefined for other lines. Throws ReadError. */
export function readIpsecLine({ tokens, line }: SourceLine): IpsecLine | undefined {
  if (tokens[0] !== "ipsec") return undefined;
  if (tokens[1] === "sa" && tokens[2] === "policy") {
    const policy = number(tokens[3]);
    if (policy === undefined || tokens[4] === undefined)
      throw new ReadError(tokens.join(" "), "expected ipsec sa policy POLICY GATEWAY ...");
    return { line, item: "sa policy", policy, gateway: tokens[4], args: tokens.slice(5) };
  }
  if (tokens[1] !== "ike") return undefined;
  // The setting's words end at the gateway (config/keys.ts knows each setting's words).
  const key = commandKey(tokens);
  // Never the line in an error: a pre-shared-key line holds the key.
  if (key.length < 4) throw new ReadError(key.join(" "), "expected ipsec ike SETTING GATEWAY ...");
  return {
    line,
    item: "ike",
    setting: key.slice(2, -1).join(" "),
    gateway: key[key.length - 1],
    args: tokens.slice(key.length),
  };
}

/** An `ipsec transport` or `ipsec transport template` line; undefined for other lines. Throws ReadError. */
export function readIpsecTransportLine({ tokens, line }: SourceLine): IpsecTransportLine | undefined {
  if (tokens[0] !== "ipsec" || tokens[1] !== "transport") return undefined;
  const text = tokens.join(" ");
  if (tokens[2] === "template") {
    const from = number(tokens[3]);
    if (from === undefined) throw new ReadError(text, `"${tokens[3] ?? ""}" is not a transport number`);
    return { line, item: "template", from, targets: numberRanges(text, tokens.slice(4)) };
  }
  const [id, policy] = [number(tokens[2]), number(tokens[3])];
  if (id === undefined || policy === undefined)
    throw new ReadError(text, "expected ipsec transport ID POLICY [PROTOCOL [PORT]]");
  const [protocol, port] = tokens.slice(4);
  return {
    line,
    item: "transport",
    id,
    policy,
    ...(protocol === undefined ? {} : { protocol }),
    ...(port === undefined ? {} : { port }),
  };
}

/** A tunnel block's encapsulation; a block without the line is IPsec, the router's default. */
const encapsulationOf = (lines: readonly ConfigLine[]) =>
  readEach(lines, readTunnelLine).read.find((l) => l.item === "encapsulation")?.encapsulation ?? "ipsec";

/** The tunnel blocks of these encapsulations, "tunnel N" (IpsecSiteTunnel's or MapeTunnel's objects). */
export const tunnelsWith = (config: ConfigIndex, encapsulations: readonly string[]): Found =>
  foundOnly(
    config
      .blocks("tunnel")
      .filter((b) => encapsulations.includes(encapsulationOf(b.lines)))
      .map((b) => `tunnel ${b.id}`),
  );
