/**
 * Ipv6Prefix: one `ipv6 prefix N PREFIX [preferred_lifetime=] [valid_lifetime=] [l_flag=] [a_flag=]` line, a prefix
 * the router advertises (`ipv6 IF rtadv send N`, Ipv6Interface). Identity "ipv6 prefix 1". PREFIX is an IPv6
 * prefix, or one learnt on another interface: `ra-prefix@lan2::/64` (the v6plus dump's) or `dhcp-prefix@lan2::/64`
 * (CR §30.3.1).
 */
import { Validator } from "ip-num";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { defineKind } from "./kind";
import {
  type Found,
  type Line,
  type SourceLine,
  findLines,
  foundOnly,
  line,
  readGlobalLines,
  sourceOf,
} from "./lines";

/** `ra-prefix@IF` / `dhcp-prefix@IF` (a prefix learnt on IF) or nothing, then an IPv6 address part, then /LEN. */
const LEARNT_FORM =
  /^(?:(ra|dhcp)-prefix@(lan[1-9]\d*|bridge[1-9]\d*|pp[1-9]\d*))?([0-9a-fA-F:]+)\/(\d{1,3})$/;

/** Why `s` is not an IPv6 prefix or address with its length in the router's forms, or undefined. */
export function ipv6FormProblem(s: string): string | undefined {
  const m = LEARNT_FORM.exec(s);
  const length = Number(m?.[4]);
  if (!m || length > 128) return "must be an IPv6 prefix such as 2001:db8::/64 or ra-prefix@lan2::/64";
  // The address part of a learnt prefix is relative (`::`, `::1`); it still has to be IPv6 syntax.
  if (!Validator.isValidIPv6String(m[3])[0]) return `${m[3]} is not IPv6 address syntax`;
  return undefined;
}

/** An IPv6 prefix or address with its length, plain or learnt (see `ipv6FormProblem`). */
export const ipv6Form = z.string().superRefine((s, ctx) => {
  const problem = ipv6FormProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const lifetime = z.number().int().min(0, "must be 0..4294967295").max(4294967295, "must be 0..4294967295");

const shape = z
  .object({
    id: z.number().int().min(1, "must be 1..2147483647").max(2147483647, "must be 1..2147483647"),
    prefix: ipv6Form,
    /** Seconds, 0..4294967295 (router default 604800). */
    preferredLifetime: lifetime.optional(),
    /** Seconds, 0..4294967295 (router default 2592000). */
    validLifetime: lifetime.optional(),
    /** The on-link flag (router default on). */
    lFlag: z.boolean().optional(),
    /** The autonomous address configuration flag (router default on). */
    aFlag: z.boolean().optional(),
  })
  .strict();

export type Ipv6PrefixModel = z.output<typeof shape>;

const onOff = (b: boolean) => (b ? "on" : "off");

function lines(m: Ipv6PrefixModel): Line[] {
  const options = [
    m.preferredLifetime === undefined ? undefined : `preferred_lifetime=${m.preferredLifetime}`,
    m.validLifetime === undefined ? undefined : `valid_lifetime=${m.validLifetime}`,
    m.lFlag === undefined ? undefined : `l_flag=${onOff(m.lFlag)}`,
    m.aFlag === undefined ? undefined : `a_flag=${onOff(m.aFlag)}`,
  ].filter((o) => o !== undefined);
  return [line(GLOBAL, [`ipv6 prefix ${m.id} ${m.prefix}`, ...options].join(" "))];
}

const idOf = (identity: string) => identity.replace(/^ipv6 prefix /, "");

function owned(config: ConfigIndex, identity: string): Line[] {
  return findLines(config, `ipv6 prefix ${idOf(identity)}`);
}

const FLAGS: Record<string, string> = {
  preferred_lifetime: "preferredLifetime",
  valid_lifetime: "validLifetime",
  l_flag: "lFlag",
  a_flag: "aFlag",
};

/** An `ipv6 prefix N PREFIX [NAME=VALUE ...]` line as written. */
export interface Ipv6PrefixLine {
  id: number;
  line: number;
  prefix?: string;
  /** The `NAME=VALUE` words after the prefix. */
  options: string[];
}

/**
 * The one reader of `ipv6 prefix` lines, for Ipv6Prefix and the typed-object finder; undefined for other lines and
 * for an id that is not a number.
 */
export function readIpv6PrefixLine({ tokens, line }: SourceLine): Ipv6PrefixLine | undefined {
  const [head, what, id, prefix, ...options] = tokens;
  if (head !== "ipv6" || what !== "prefix" || !/^\d+$/.test(id ?? "")) return undefined;
  return { id: Number(id), line, ...(prefix === undefined ? {} : { prefix }), options };
}

function parse(owned: Line[]): unknown {
  const read = readIpv6PrefixLine(sourceOf(owned[0]));
  if (read === undefined) throw new ReadError(owned[0].text, "is not ipv6 prefix N PREFIX");
  const model: Record<string, unknown> = { id: read.id, prefix: read.prefix };
  for (const o of read.options) {
    const [name, value] = o.split("=");
    const field = FLAGS[name];
    if (field === undefined || value === undefined)
      throw new ReadError(owned[0].text, `"${o}" is not modelled`);
    // A lifetime given as a date (yyyy-mm-dd,...) is not modelled: Number() makes it NaN, which the shape refuses.
    model[field] = name.endsWith("flag") ? value === "on" : Number(value);
  }
  return model;
}

export const Ipv6Prefix = defineKind<Ipv6PrefixModel, z.input<typeof shape>>({
  kind: "Ipv6Prefix",
  shape,
  rules(m, fail) {
    if (/^fe[89ab]/i.test(m.prefix))
      fail(["prefix"], "a link-local prefix cannot be advertised (CR §30.3.1)");
  },
  identity: (m) => `ipv6 prefix ${m.id}`,
  stage: "define",
  replaceOnChange: ["id"],
  secretProperties: [],
  lines,
  owned,
  parse,
});

/** The prefixes of a config (Ipv6Prefix's objects), by the id readIpv6PrefixLine reads. */
export const ipv6PrefixIdentities = (config: ConfigIndex): Found =>
  foundOnly(readGlobalLines(config, readIpv6PrefixLine).map((l) => `ipv6 prefix ${l.id}`));
