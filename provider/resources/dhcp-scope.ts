/**
 * DhcpScope: `dhcp scope N`, its `dhcp scope bind` reservations and its `dhcp scope option` line.
 * Identity "dhcp scope 1". Re-entering `dhcp scope N` erases the scope's binds and options on some firmware
 * (RTX1210 ≤ 14.01.20), so a plan that rewrites the scope line resends them.
 */
import { ReadError } from "../errors";
import { IPv4 } from "ip-num";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
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
import {
  addressInside,
  ipv4,
  ipv4Range,
  isNetwork,
  networkOf,
  parseSpan,
  prefixOf,
  prefixOfMask,
  spanOfNetwork,
} from "./net";
import { decodeClasslessRoutes, encodeClasslessRoutes } from "./rfc3442";

const compareAddresses = (a: string, b: string) =>
  Number(IPv4.fromString(a).getValue() - IPv4.fromString(b).getValue());

/** The longest lease current firmware takes, in minutes (CR §12.1.4). */
const MAX_LEASE_MINUTES = 21474836;

/** Minutes of a lease time "M" or "hh:mm". */
function leaseMinutes(s: string): number {
  const [a, b] = s.split(":").map(Number);
  return b === undefined ? a : a * 60 + b;
}

/** A lease time as the router takes it: minutes, hh:mm or infinity (CR §12.1.4). */
const leaseTime = z
  .union([z.number().int().min(1).transform(String), z.string()])
  .refine((s) => /^(\d+|\d+:[0-5]\d|infinity)$/.test(s), "must be minutes, hh:mm or infinity")
  .refine(
    (s) => s === "infinity" || leaseMinutes(s) <= MAX_LEASE_MINUTES,
    `must be at most ${MAX_LEASE_MINUTES} minutes`,
  );

/** An address or a range FIRST-LAST. */
const ipv4OrRange = z
  .string()
  .refine((s) => parseSpan(s) !== undefined, "must be an IPv4 address or an ordered range FIRST-LAST");

const mac = z
  .string()
  .regex(/^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/, "must be a MAC address such as 00:30:f5:cc:dd:ee")
  // One spelling, so a router that echoes another case is not drift.
  .transform((s) => s.toLowerCase());

const classlessRoute = z
  .object({
    destination: z
      .string()
      .transform((s) => (s === "default" ? "0.0.0.0/0" : s))
      .refine(isNetwork, "must be a network such as 192.168.4.0/24 (no host bits), or default"),
    gateway: ipv4,
  })
  .strict();

const shape = z
  .object({
    id: z.number().int().min(1, "must be 1..65535").max(65535, "must be 1..65535"),
    range: ipv4Range,
    prefixLength: z.number().int().min(1, "must be 1..32").max(32, "must be 1..32").optional(),
    /** Alternative to prefixLength: a dotted netmask, normalised to its prefix length. */
    netmask: z
      .string()
      .refine((s) => prefixOfMask(s) !== undefined, "must be a contiguous netmask such as 255.255.255.0")
      .optional(),
    gateway: ipv4.optional(),
    /** Addresses of the range never leased (`except`): addresses or ranges FIRST-LAST. */
    except: z.array(ipv4OrRange).min(1, "must list at least one address").optional(),
    /** Lease time when the client asks for none. Absent: the router default (72:00). */
    expire: leaseTime.optional(),
    /** The longest lease a client may ask for (`maxexpire`). Absent: the router default (72:00). */
    maxExpire: leaseTime.optional(),
    binds: z.array(z.object({ ip: ipv4, mac }).strict()).default([]),
    options: z
      .object({
        router: ipv4.optional(),
        dns: z.array(ipv4).min(1, "must list at least one server").optional(),
        classlessStaticRoutes: z.array(classlessRoute).min(1, "must list at least one route").optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .transform(({ netmask, prefixLength, ...rest }, ctx) => {
    const length = prefixLength ?? (netmask === undefined ? undefined : prefixOfMask(netmask));
    if (netmask !== undefined && prefixLength !== undefined && length !== prefixOfMask(netmask))
      ctx.addIssue({
        code: "custom",
        path: ["netmask"],
        message: `disagrees with prefixLength ${prefixLength}`,
      });
    if (length === undefined) {
      ctx.addIssue({ code: "custom", path: ["prefixLength"], message: "give prefixLength or netmask" });
      return z.NEVER;
    }
    return { ...rest, prefixLength: length };
  });

export type DhcpScopeModel = z.output<typeof shape>;

function optionText(o: DhcpScopeModel["options"]): string {
  // Option-number order (router=3, dns=6, 121), the order the router keeps them in.
  const parts = [
    ...(o.router ? [`router=${o.router}`] : []),
    ...(o.dns ? [`dns=${o.dns.join(",")}`] : []),
    ...(o.classlessStaticRoutes
      ? [`classless_static_route=${encodeClasslessRoutes(o.classlessStaticRoutes)}`]
      : []),
  ];
  return parts.join(" ");
}

function lines(m: DhcpScopeModel): Line[] {
  const scope = [`dhcp scope ${m.id} ${m.range}/${m.prefixLength}`];
  if (m.except) scope.push(`except ${m.except.join(" ")}`);
  if (m.gateway) scope.push(`gateway ${m.gateway}`);
  if (m.expire) scope.push(`expire ${m.expire}`);
  if (m.maxExpire) scope.push(`maxexpire ${m.maxExpire}`);
  const options = optionText(m.options);
  return [
    line(GLOBAL, scope.join(" ")),
    ...m.binds.map((b) => line(GLOBAL, `dhcp scope bind ${m.id} ${b.ip} ethernet ${b.mac}`)),
    ...(options ? [line(GLOBAL, `dhcp scope option ${m.id} ${options}`)] : []),
  ];
}

const idOf = (identity: string) => identity.replace(/^dhcp scope /, "");

function owned(config: ConfigIndex, identity: string): Line[] {
  const id = idOf(identity);
  return [`dhcp scope ${id}`, `dhcp scope bind ${id}`, `dhcp scope option ${id}`].flatMap((p) =>
    findLines(config, p),
  );
}

/**
 * One line of the DHCP scope family (CR §12.1), with its source line: the one reader of these lines, for DhcpScope's
 * read and the analyses. It reads what the router prints; DhcpScope refuses what it does not model.
 */
export type DhcpScopeLine = { id: number; line: number } & (
  | {
      /** `dhcp scope N FIRST-LAST/MASK [except ...] [gateway GW] [expire TIME] [maxexpire TIME]`. */
      item: "scope";
      /** `FIRST-LAST/MASK` as written. */
      spec: string;
      /** As written before the `/`. */
      range: string;
      /** The prefix length of the `/LEN` or `/MASK` after the range; undefined when missing or not a mask. */
      prefixLength?: number;
      /** The keywords after the range with the words each takes (`except` takes several). */
      settings: { name: string; values: string[] }[];
    }
  /** `dhcp scope bind N IP [ethernet] MAC` (mac set), or another form (`ipcp`, a client id: mac undefined). */
  | { item: "bind"; ip: string; mac?: string; words: string[] }
  /** `dhcp scope option N NAME=VALUE ...`; `unread` holds words that are not NAME=VALUE. */
  | { item: "option"; options: { name: string; value: string }[]; unread: string[] }
);

/** Keywords of the `dhcp scope N` line after the range (CR §12.1.4). */
const SCOPE_KEYWORDS: readonly string[] = ["except", "gateway", "expire", "maxexpire"];

/** A `dhcp scope`, `dhcp scope bind` or `dhcp scope option` line; undefined for other lines. */
export function readDhcpScopeLine({ tokens, line }: SourceLine): DhcpScopeLine | undefined {
  if (tokens[0] !== "dhcp" || tokens[1] !== "scope") return undefined;
  const sub = tokens[2] === "bind" || tokens[2] === "option" ? tokens[2] : undefined;
  const [idText, ...rest] = tokens.slice(sub ? 3 : 2);
  if (!/^\d+$/.test(idText ?? "")) {
    if (sub) throw new ReadError(tokens.join(" "), `"${idText ?? ""}" is not a scope number`);
    return undefined;
  }
  const at = { id: Number(idText), line };
  if (sub === "bind") {
    const [ip, ...words] = rest;
    const mac =
      words.length === 1 ? words[0] : words.length === 2 && words[0] === "ethernet" ? words[1] : undefined;
    return { ...at, item: "bind", ip: ip ?? "", ...(mac === undefined ? {} : { mac }), words };
  }
  if (sub === "option") {
    const pairs = rest.map((w) => ({ w, at: w.indexOf("=") }));
    return {
      ...at,
      item: "option",
      options: pairs
        .filter((p) => p.at > 0)
        .map((p) => ({ name: p.w.slice(0, p.at), value: p.w.slice(p.at + 1) })),
      unread: pairs.filter((p) => p.at <= 0).map((p) => p.w),
    };
  }
  const [spec, ...more] = rest;
  const [range, mask] = (spec ?? "").split("/");
  const settings: { name: string; values: string[] }[] = [];
  for (const w of more) {
    if (SCOPE_KEYWORDS.includes(w) || settings.length === 0) settings.push({ name: w, values: [] });
    else settings[settings.length - 1].values.push(w);
  }
  return {
    ...at,
    item: "scope",
    spec: spec ?? "",
    range,
    ...(mask === undefined ? {} : { prefixLength: prefixOf(mask) }),
    settings,
  };
}

function parseOptions(l: Line, read: { name: string; value: string }[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const { name, value } of read) {
    if (name === "router" || name === "3") options.router = value;
    else if (name === "dns" || name === "6") options.dns = value.split(",");
    else if (name === "classless_static_route" || name === "121") {
      try {
        options.classlessStaticRoutes = decodeClasslessRoutes(value);
      } catch (e) {
        throw new ReadError(l.text, (e as Error).message);
      }
    } else throw new ReadError(l.text, `option ${name} is not modelled`);
  }
  return options;
}

function parse(owned: Line[], identity: string): unknown {
  const model: Record<string, unknown> = { id: Number(idOf(identity)), binds: [] };
  for (const l of owned) {
    const read = readDhcpScopeLine(sourceOf(l));
    if (read?.item === "bind") {
      if (read.mac === undefined && read.words.length > 0)
        throw new ReadError(l.text, "only `bind N IP [ethernet] MAC` is modelled");
      (model.binds as unknown[]).push({ ip: read.ip, mac: read.mac });
    } else if (read?.item === "option") {
      if (read.unread.length > 0) throw new ReadError(l.text, `"${read.unread[0]}" is not NAME=VALUE`);
      model.options = parseOptions(l, read.options);
    } else if (read?.item === "scope") {
      model.range = read.range;
      model.prefixLength = read.prefixLength;
      for (const { name, values } of read.settings) {
        if ((name === "gateway" || name === "expire") && values.length === 1) model[name] = values[0];
        else if (name === "maxexpire" && values.length === 1) model.maxExpire = values[0];
        else if (name === "except" && values.length > 0) model.except = values;
        else throw new ReadError(l.text, `the "${name}" scope option is not modelled`);
      }
    }
  }
  return model.range === undefined ? undefined : model;
}

export const DhcpScope = defineKind<DhcpScopeModel, z.input<typeof shape>>({
  kind: "DhcpScope",
  shape,
  rules(m, fail) {
    const span = parseSpan(m.range);
    if (!span) return;
    const first = span.getFirst().toString();
    const network = networkOf(first, m.prefixLength);
    const net = spanOfNetwork(network);
    const where = network.toCidrString();
    if (!span.inside(net))
      fail(["range"], `${m.range} does not fit in one /${m.prefixLength} network (${where})`);
    m.except?.forEach((e, i) => {
      const excluded = parseSpan(e);
      if (excluded && !excluded.inside(span))
        fail(["except", i], `${e} is outside the scope range ${m.range}`);
    });
    // A default lease longer than the longest one granted (CR §12.1.4). Only when both are given: configs with a long
    // `expire` alone are common, and what the router does with them is not documented.
    const minutes = (t: string) => (t === "infinity" ? Infinity : leaseMinutes(t));
    if (m.expire !== undefined && m.maxExpire !== undefined && minutes(m.expire) > minutes(m.maxExpire))
      fail(["maxExpire"], `expire ${m.expire} is longer than maxexpire ${m.maxExpire}`);
    if (m.gateway && !addressInside(m.gateway, net))
      fail(["gateway"], `${m.gateway} is outside the scope network ${where}`);
    if (m.options.router && !addressInside(m.options.router, net))
      fail(["options", "router"], `${m.options.router} is outside the scope network ${where}`);
    m.options.classlessStaticRoutes?.forEach((r, i) => {
      if (!addressInside(r.gateway, net))
        fail(
          ["options", "classlessStaticRoutes", i, "gateway"],
          `${r.gateway} is not reachable: outside the scope network ${where}`,
        );
    });
    m.binds.forEach((b, i) => {
      if (!addressInside(b.ip, span))
        fail(["binds", i, "ip"], `${b.ip} is outside the scope range ${m.range}`);
      if (m.binds.findIndex((o) => o.ip === b.ip) < i)
        fail(["binds", i, "ip"], `duplicate reservation for ${b.ip}`);
      if (m.binds.findIndex((o) => o.mac === b.mac) < i)
        fail(["binds", i, "mac"], `${b.mac} is reserved twice`);
    });
  },
  // The router lists reservations in address order.
  normalise: (m) => ({ ...m, binds: [...m.binds].sort((a, b) => compareAddresses(a.ip, b.ip)) }),
  identity: (m) => `dhcp scope ${m.id}`,
  stage: "define",
  replaceOnChange: ["id"],
  secretProperties: [],
  lines,
  owned,
  parse,
  resend(writes, desired) {
    const rewritesScope = writes.some((l) => l.key === desired[0].key);
    return rewritesScope ? desired.slice(1) : [];
  },
});

/** The scopes a config defines (DhcpScope's objects): one per `dhcp scope N` line. */
export const dhcpScopeIdentities = (config: ConfigIndex): Found =>
  foundOnly(
    readGlobalLines(config, readDhcpScopeLine)
      .filter((l) => l.item === "scope")
      .map((l) => `dhcp scope ${l.id}`),
  );
