/**
 * NatDescriptor: one `nat descriptor` (type, outer/inner addresses, static entries, masquerade settings).
 * Identity "nat descriptor 30". Interfaces bind descriptors (LanInterface), so a descriptor is deleted only
 * after the interfaces that use it: their Pulumi resources depend on it and are deleted first.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { defineKind } from "./kind";
import { ReadError } from "../errors";
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
import { type Span, ipv4, parseSpan, prefixOf, spanFrom } from "./net";

export const MAX_DESCRIPTOR_ID = 2147483647;
export const descriptorId = z
  .number()
  .int()
  .min(1, "must be 1..2147483647")
  .max(MAX_DESCRIPTOR_ID, "must be 1..2147483647");

/** Addresses one static entry maps at most: its netmask form takes /16../32 (CR §23.6). */
const MAX_STATIC_COUNT = 65536;

/** The router applies at most this many descriptors on one interface (forward and reverse together). */
export const MAX_DESCRIPTORS_PER_INTERFACE = 16;

/**
 * The descriptors an interface applies, `ip IF nat descriptor FORWARD... [reverse REVERSE...]` (CR §23.2, the same
 * for `ip lanN`, `ip pp` and `ip tunnel`). Applied in list order, so the order is kept as given.
 */
export const natBinding = z
  .object({
    forward: z.array(descriptorId).default([]),
    reverse: z.array(descriptorId).default([]),
  })
  .strict()
  .default({});

export type NatBinding = z.output<typeof natBinding>;

/** The binding's arguments after `nat descriptor`, or undefined when it binds nothing (no line). */
export function natBindingArgs({ forward, reverse }: NatBinding): string | undefined {
  const ids = [...forward, ...(reverse.length > 0 ? ["reverse", ...reverse] : [])];
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** The arguments after `nat descriptor` back as a binding. */
export function parseNatBinding(args: readonly string[]): NatBinding {
  const at = args.indexOf("reverse");
  // A word that is not a number reads as NaN, which the descriptor id schema refuses with the property named.
  const ids = (list: readonly string[]) => list.map((t) => (/^\d+$/.test(t) ? Number(t) : NaN));
  return at < 0
    ? { forward: ids(args), reverse: [] }
    : { forward: ids(args.slice(0, at)), reverse: ids(args.slice(at + 1)) };
}

/** At most 16 descriptors, none twice in one direction; failures under `property`. */
export function natBindingRules(
  { forward, reverse }: NatBinding,
  property: string,
  fail: (path: (string | number)[], reason: string) => void,
): void {
  if (forward.length + reverse.length > MAX_DESCRIPTORS_PER_INTERFACE)
    fail(
      [property],
      `at most ${MAX_DESCRIPTORS_PER_INTERFACE} descriptors per interface, got ${forward.length + reverse.length}`,
    );
  for (const [name, list] of [
    ["forward", forward],
    ["reverse", reverse],
  ] as const)
    list.forEach((id, i) => {
      if (list.indexOf(id) < i) fail([property, name, i], `duplicate descriptor ${id}`);
    });
}

/** Outer addresses named by where they come from rather than listed (CR §23.3); the router's default is ipcp. */
export const OUTER_MNEMONICS = ["ipcp", "primary", "secondary", "map-e", "hb46pp"] as const;
export type OuterMnemonic = (typeof OUTER_MNEMONICS)[number];
const isOuterMnemonic = (s: string): s is OuterMnemonic => (OUTER_MNEMONICS as readonly string[]).includes(s);

const addressItem = z
  .string()
  .refine((s) => parseSpan(s) !== undefined, "must be an IPv4 address or an ordered range FIRST-LAST");

const outer = z
  .array(z.string())
  .min(1, "must list at least one address")
  .superRefine((list, ctx) => {
    const mnemonics = list.filter(isOuterMnemonic);
    if (mnemonics.length > 0 && list.length > 1) {
      ctx.addIssue({ code: "custom", message: `${mnemonics[0]} must be the only outer address` });
    }
    list.forEach((s, i) => {
      if (!isOuterMnemonic(s) && parseSpan(s) === undefined)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `must be an IPv4 address, a range FIRST-LAST or one of ${OUTER_MNEMONICS.join("|")}`,
        });
    });
  });

const inner = z
  .array(z.string())
  .min(1, "must list at least one address")
  .superRefine((list, ctx) => {
    if (list.includes("auto") && list.length > 1)
      ctx.addIssue({ code: "custom", message: "auto must be the only inner address" });
    list.forEach((s, i) => {
      if (s !== "auto" && !addressItem.safeParse(s).success)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: "must be an IPv4 address, a range FIRST-LAST or auto",
        });
    });
  });

const staticEntry = z
  .object({
    id: descriptorId,
    outer: ipv4,
    inner: ipv4,
    /**
     * Consecutive addresses mapped from outer/inner upwards; the router prints it even when 1. The CR gives no upper
     * bound; the entry's other form maps at most a /16 (CR §23.6), so neither may map more.
     */
    count: z
      .number()
      .int()
      .min(1, "must be at least 1")
      .max(MAX_STATIC_COUNT, `must be at most ${MAX_STATIC_COUNT} (a /16, the most one entry maps)`)
      .default(1),
  })
  .strict();

const isPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;

/** A port number, or a service name as the router spells ports (`www`); names are at most 15 characters (RFC 6335). */
const port = z.union([
  z.number().refine(isPort, "must be 1..65535"),
  z
    .string()
    .regex(/^(\d+|[a-z][a-z0-9-]{0,14})$/, "must be a port number or a service name such as www")
    .transform((s) => (/^\d+$/.test(s) ? Number(s) : s))
    .refine((p) => typeof p === "string" || isPort(p), "must be 1..65535"),
]);

const masqueradeStatic = z
  .object({
    id: descriptorId,
    inner: ipv4,
    protocol: z.union([z.enum(["tcp", "udp", "esp", "icmp"]), z.number().int().min(0).max(255)]),
    outerPort: port.optional(),
    innerPort: port.optional(),
  })
  .strict();

const masqueradeIncoming = z
  .object({
    action: z.enum(["through", "reject", "discard", "forward"]),
    address: ipv4.optional(),
  })
  .strict();

const byId = <T extends { id: number }>(list: T[]) => [...list].sort((a, b) => a.id - b.id);

const shape = z
  .object({
    id: descriptorId,
    type: z.enum(["nat", "masquerade", "nat-masquerade"]),
    /** Absent: the router default (`ipcp`), no line written. */
    outer: outer.optional(),
    /** Absent: the router default (`auto`), no line written. */
    inner: inner.optional(),
    statics: z.array(staticEntry).default([]),
    masqueradeIncoming: masqueradeIncoming.optional(),
    masqueradeStatics: z.array(masqueradeStatic).default([]),
  })
  .strict();

export type NatDescriptorModel = z.output<typeof shape>;

function duplicateIds(
  list: { id: number }[],
  name: string,
  fail: (p: (string | number)[], r: string) => void,
) {
  const seen = new Set<number>();
  list.forEach((e, i) => {
    if (seen.has(e.id)) fail([name, i, "id"], `duplicate id ${e.id}`);
    seen.add(e.id);
  });
}

function overlapping(
  spans: (Span | undefined)[],
  name: string,
  side: string,
  fail: (p: (string | number)[], r: string) => void,
) {
  spans.forEach((s, i) => {
    const j = spans.findIndex((t, k) => k < i && s !== undefined && t !== undefined && s.isOverlapping(t));
    if (j >= 0) fail([name, i, side], `overlaps ${name}[${j}].${side}`);
  });
}

function staticText(id: number, s: NatDescriptorModel["statics"][number]): string {
  return `nat descriptor static ${id} ${s.id} ${s.outer}=${s.inner} ${s.count}`;
}

function masqueradeStaticText(id: number, s: NatDescriptorModel["masqueradeStatics"][number]): string {
  const ports =
    s.innerPort === undefined
      ? ""
      : s.outerPort === undefined
        ? ` ${s.innerPort}`
        : ` ${s.outerPort}=${s.innerPort}`;
  return `nat descriptor masquerade static ${id} ${s.id} ${s.inner} ${s.protocol}${ports}`;
}

function lines(m: NatDescriptorModel): Line[] {
  const g = (text: string) => line(GLOBAL, text);
  const incoming = m.masqueradeIncoming;
  return [
    g(`nat descriptor type ${m.id} ${m.type}`),
    ...(m.outer ? [g(`nat descriptor address outer ${m.id} ${m.outer.join(" ")}`)] : []),
    ...(m.inner ? [g(`nat descriptor address inner ${m.id} ${m.inner.join(" ")}`)] : []),
    ...(incoming
      ? [
          g(
            `nat descriptor masquerade incoming ${m.id} ${incoming.action}${incoming.address ? ` ${incoming.address}` : ""}`,
          ),
        ]
      : []),
    ...m.statics.map((s) => g(staticText(m.id, s))),
    ...m.masqueradeStatics.map((s) => g(masqueradeStaticText(m.id, s))),
  ];
}

const idOf = (identity: string) => identity.replace(/^nat descriptor /, "");

function owned(config: ConfigIndex, identity: string): Line[] {
  const id = idOf(identity);
  return [
    `nat descriptor type ${id}`,
    `nat descriptor address outer ${id}`,
    `nat descriptor address inner ${id}`,
    `nat descriptor masquerade incoming ${id}`,
    `nat descriptor static ${id}`,
    `nat descriptor masquerade static ${id}`,
  ].flatMap((prefix) => findLines(config, prefix));
}

/**
 * One line of the `nat descriptor` family (CR §23), with its source line: the one reader of these lines, for
 * NatDescriptor's read and the analyses. Values come as the router prints them (a resource refuses what it does not
 * model, the analyses check addresses); a line that cannot be read this far throws ReadError.
 */
export type NatDescriptorLine = { id: number; line: number } & (
  | { item: "type"; type: string }
  /** An address list, or one of OUTER_MNEMONICS (outer) or `auto` (inner) alone. */
  | { item: "address outer" | "address inner"; addresses: string[] }
  /** `static ID ENTRY OUTER=INNER COUNT`, or the netmask form `OUTER=INNER/MASK` (count: the mask's addresses). */
  | { item: "static"; entry: number; outer: string; inner: string; count?: number }
  | {
      item: "masquerade static";
      entry: number;
      inner: string;
      protocol: string;
      outerPort?: string;
      innerPort?: string;
    }
  | { item: "masquerade incoming"; action: string; address?: string }
);

/** The words after `nat descriptor` that name each item, longest first. */
const ITEMS = [
  "masquerade incoming",
  "masquerade static",
  "address outer",
  "address inner",
  "static",
  "type",
] as const;

const numberOf = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

/** A `nat descriptor` line of a descriptor; undefined for other lines (`backward-compatibility`, other commands). */
export function readNatDescriptorLine({ tokens, line }: SourceLine): NatDescriptorLine | undefined {
  if (tokens[0] !== "nat" || tokens[1] !== "descriptor") return undefined;
  const item = ITEMS.find((i) => i.split(" ").every((w, k) => tokens[2 + k] === w));
  if (item === undefined) return undefined;
  const text = tokens.join(" ");
  const [idText, ...rest] = tokens.slice(2 + item.split(" ").length);
  const id = numberOf(idText);
  if (id === undefined) throw new ReadError(text, `"${idText ?? ""}" is not a descriptor number`);
  const at = { id, line };
  switch (item) {
    case "type":
      return { ...at, item, type: rest[0] ?? "" };
    case "address outer":
    case "address inner":
      return { ...at, item, addresses: rest };
    case "masquerade incoming":
      return { ...at, item, action: rest[0] ?? "", ...(rest[1] === undefined ? {} : { address: rest[1] }) };
    case "static": {
      const [entry, mapping, count] = rest;
      const m = /^([^=/]+)=([^=/]+)(?:\/(\S+))?$/.exec(mapping ?? "");
      if (!m) throw new ReadError(text, `"${mapping ?? ""}" is not OUTER=INNER`);
      const bits = m[3] === undefined ? undefined : prefixOf(m[3]);
      if (m[3] !== undefined && bits === undefined) throw new ReadError(text, `"${m[3]}" is not a netmask`);
      return {
        ...at,
        item,
        entry: Number(entry),
        outer: m[1],
        inner: m[2],
        count: bits !== undefined ? 2 ** (32 - bits) : count === undefined ? undefined : Number(count),
      };
    }
    case "masquerade static": {
      const [entry, inner, protocol, ports] = rest;
      const [a, b] = ports === undefined ? [] : ports.split("=");
      return {
        ...at,
        item,
        entry: Number(entry),
        inner,
        protocol,
        ...(b !== undefined ? { outerPort: a, innerPort: b } : a !== undefined ? { innerPort: a } : {}),
      };
    }
  }
}

function numberOrName(s: string | undefined): string | number | undefined {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : s;
}

function parse(owned: Line[], identity: string): unknown {
  const model: Record<string, unknown> = { id: Number(idOf(identity)), statics: [], masqueradeStatics: [] };
  for (const l of owned) {
    const read = readNatDescriptorLine(sourceOf(l));
    if (read?.item === "type") model.type = read.type;
    else if (read?.item === "address outer") model.outer = read.addresses;
    else if (read?.item === "address inner") model.inner = read.addresses;
    else if (read?.item === "masquerade incoming")
      model.masqueradeIncoming =
        read.address === undefined ? { action: read.action } : { action: read.action, address: read.address };
    else if (read?.item === "static")
      (model.statics as unknown[]).push({
        id: read.entry,
        outer: read.outer,
        inner: read.inner,
        count: read.count ?? 1,
      });
    else if (read?.item === "masquerade static")
      (model.masqueradeStatics as unknown[]).push({
        id: read.entry,
        inner: read.inner,
        protocol: numberOrName(read.protocol),
        ...(read.outerPort === undefined ? {} : { outerPort: numberOrName(read.outerPort) }),
        ...(read.innerPort === undefined ? {} : { innerPort: numberOrName(read.innerPort) }),
      });
  }
  return model.type === undefined ? undefined : model;
}

export const NatDescriptor = defineKind<NatDescriptorModel, z.input<typeof shape>>({
  kind: "NatDescriptor",
  shape,
  rules(m, fail) {
    duplicateIds(m.statics, "statics", fail);
    duplicateIds(m.masqueradeStatics, "masqueradeStatics", fail);
    const outers = m.statics.map((s, i) => {
      const span = spanFrom(s.outer, s.count);
      if (!span)
        fail(["statics", i, "count"], `${s.count} addresses from ${s.outer} run past 255.255.255.255`);
      return span;
    });
    const inners = m.statics.map((s, i) => {
      const span = spanFrom(s.inner, s.count);
      if (!span)
        fail(["statics", i, "count"], `${s.count} addresses from ${s.inner} run past 255.255.255.255`);
      return span;
    });
    overlapping(outers, "statics", "outer", fail);
    overlapping(inners, "statics", "inner", fail);
    if (m.type === "nat" && m.masqueradeStatics.length > 0)
      fail(["masqueradeStatics"], "needs type masquerade or nat-masquerade");
    if (m.type === "nat" && m.masqueradeIncoming)
      fail(["masqueradeIncoming"], "needs type masquerade or nat-masquerade");
    const incoming = m.masqueradeIncoming;
    if (incoming?.action === "forward" && !incoming.address)
      fail(["masqueradeIncoming", "address"], "forward needs the address to forward to");
    if (incoming && incoming.action !== "forward" && incoming.address)
      fail(["masqueradeIncoming", "address"], `only forward takes an address, not ${incoming.action}`);
    m.masqueradeStatics.forEach((s, i) => {
      const ported = s.protocol === "tcp" || s.protocol === "udp";
      if (ported && s.innerPort === undefined)
        fail(["masqueradeStatics", i, "innerPort"], `${s.protocol} needs a port`);
      if (!ported && (s.innerPort !== undefined || s.outerPort !== undefined))
        fail(["masqueradeStatics", i, "innerPort"], `${s.protocol} takes no port`);
    });
  },
  // The router lists entries by id.
  normalise: (m) => ({ ...m, statics: byId(m.statics), masqueradeStatics: byId(m.masqueradeStatics) }),
  identity: (m) => `nat descriptor ${m.id}`,
  stage: "define",
  replaceOnChange: ["id"],
  secretProperties: [],
  lines,
  owned,
  parse,
});

/** The descriptors a config defines (NatDescriptor's objects): one per `nat descriptor type` line. */
export const natDescriptorIdentities = (config: ConfigIndex): Found =>
  foundOnly(
    readGlobalLines(config, readNatDescriptorLine)
      .filter((l) => l.item === "type")
      .map((l) => `nat descriptor ${l.id}`),
  );
