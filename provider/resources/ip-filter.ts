/**
 * IpFilter: one static IP filter, `ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]` (CR §8.1.10).
 * Identity "ip filter 200030". Re-entering a number overwrites the filter, so every change is one line written in
 * place. The router prints a filter as it was entered (`ip filter 200039 reject * *` keeps its two fields), so the
 * model keeps omitted trailing fields omitted.
 *
 * Also the one reader of the fields filters share — address lists, protocol lists, port lists — for IpFilterDynamic
 * and the analyses: they read filter lines through `readIpFilterLine` / `readIpFilters` and the field readers here.
 * `ipv6 filter` lines (CR §30.7.1) are the same family over IPv6 addresses: `filterKind("ipv6")` is Ipv6Filter.
 */
import { IPv4, IPv4CidrRange, IPv6, IPv6CidrRange, RangedSet, Validator } from "ip-num";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { type ConfigLine, GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { defineKind } from "./kind";
import { type Found, type Line, type Unreadable, findLines, foundById, line, readEach } from "./lines";
import { type Span, dnsName, isIPv4, prefixOfMask } from "./net";

/** `ip filter` or `ipv6 filter`: the same lines over IPv4 or IPv6 addresses. */
export type Family = "ip" | "ipv6";

/** Static and dynamic filter numbers run 1..21474836 (CR §8.1.10, §8.1.14). */
export const MAX_FILTER_NUMBER = 21474836;

export const filterNumber = z
  .number()
  .int()
  .min(1, `must be 1..${MAX_FILTER_NUMBER}`)
  .max(MAX_FILTER_NUMBER, `must be 1..${MAX_FILTER_NUMBER}`);

/** What a filter does with a packet it matches, with its log suffix (CR §8.1.10). */
export const FILTER_ACTIONS = [
  "pass",
  "pass-log",
  "pass-nolog",
  "reject",
  "reject-log",
  "reject-nolog",
  "restrict",
  "restrict-log",
  "restrict-nolog",
] as const;
export type FilterAction = (typeof FILTER_ACTIONS)[number];

/** A field the readers below refuse; the message names what is wrong, the caller names the property or line. */
class FieldError extends Error {}

const refuse = (reason: string): never => {
  throw new FieldError(reason);
};

/** The items of a comma list; an empty item (`a,,b`, a trailing comma) is refused. */
function items(text: string): string[] {
  const parts = text.split(",");
  if (parts.some((p) => p === "")) refuse(`"${text}" has an empty item in its comma list`);
  return parts;
}

// ---- addresses ------------------------------------------------------------------------------------------------

/** One item of a filter's source or destination (CR §8.1.10). */
export type AddressItem =
  | { kind: "any" }
  /** One address, a range `a-b` / `a-` / `-b`, or a network `a.b.c.d/len` or `/mask`. */
  | { kind: "span"; span: Span }
  /** `192.168.*.*`: a `*` octet matches any value of that octet. */
  | { kind: "octets"; octets: readonly (number | "*")[] }
  /** A host name; a leading `*` (`*.example.jp`) matches by suffix. */
  | { kind: "fqdn"; name: string }
  /** `@m365`: an application name from the router's destination list. */
  | { kind: "application"; name: string }
  /** The global address MAP-E or the IPv6 migration provisioning gives the router. */
  | { kind: "map-e" }
  | { kind: "hb46pp" };

const FIRST_ADDRESS = IPv4.fromString("0.0.0.0");
const LAST_ADDRESS = IPv4.fromString("255.255.255.255");

/** A mask after `/`: prefix length, dotted (`255.255.255.0`) or hex (`0xffffff00`); its prefix length. */
function maskPrefix(mask: string): number {
  if (/^(0|[1-9]\d?)$/.test(mask) && Number(mask) <= 32) return Number(mask);
  const dotted = /^0x[0-9a-fA-F]{8}$/.test(mask)
    ? IPv4.fromNumber(BigInt(`0x${mask.slice(2)}`)).toString()
    : mask;
  const prefix = isIPv4(dotted) ? prefixOfMask(dotted) : undefined;
  if (prefix === undefined)
    refuse(`mask "${mask}" must be a prefix length 0..32, a contiguous dotted mask or 0x and 8 hex digits`);
  return prefix!;
}

function networkItem(text: string): AddressItem {
  const [address, mask, ...rest] = text.split("/");
  if (rest.length > 0 || !isIPv4(address)) refuse(`"${text}" must be ADDRESS/MASK such as 192.168.1.0/24`);
  const prefix = maskPrefix(mask);
  const range = IPv4CidrRange.fromCidr(`${address}/${prefix}`);
  const network = range.getFirst().toString();
  // The mask may be given only with a network address (CR §8.1.10).
  if (network !== address) refuse(`"${text}" has host bits set; the network is ${network}/${prefix}`);
  return { kind: "span", span: new RangedSet(range.getFirst(), range.getLast()) };
}

function rangeItem(text: string): AddressItem {
  const [a, b, ...rest] = text.split("-");
  if (rest.length > 0 || (a === "" && b === "") || ![a, b].every((e) => e === "" || isIPv4(e)))
    refuse(`"${text}" must be a range FIRST-LAST, FIRST- or -LAST of IPv4 addresses`);
  const first = a === "" ? FIRST_ADDRESS : IPv4.fromString(a);
  const last = b === "" ? LAST_ADDRESS : IPv4.fromString(b);
  if (first.isGreaterThan(last)) refuse(`range "${text}" is reversed: ${a} is after ${b}`);
  return { kind: "span", span: new RangedSet(first, last) };
}

function dottedItem(text: string): AddressItem {
  const octets = text.split(".");
  if (octets.length !== 4 || !octets.every((o) => o === "*" || (/^\d{1,3}$/.test(o) && Number(o) <= 255)))
    refuse(`"${text}" is not an IPv4 address (four octets 0..255, or * for any value of one)`);
  if (!octets.includes("*")) {
    const address = IPv4.fromString(text);
    return { kind: "span", span: new RangedSet(address, address) };
  }
  return { kind: "octets", octets: octets.map((o) => (o === "*" ? "*" : Number(o))) };
}

/** Items both families take by name. */
type NamedItem = Extract<AddressItem, { kind: "fqdn" | "application" | "map-e" | "hb46pp" }>;

/**
 * `map-e`, `hb46pp`, `@application` (1..32 letters, digits, _ or -), or a host name: up to 255 characters (CR §8.1.10),
 * DNS labels, optionally `*` before them for a suffix match.
 */
function namedItem(text: string, family: Family): NamedItem {
  if (text === "map-e" || text === "hb46pp") return { kind: text };
  if (text.startsWith("@")) {
    if (!/^@[A-Za-z0-9_-]{1,32}$/.test(text))
      refuse(`application name "${text}" must be @ and 1..32 letters, digits, _ or -`);
    return { kind: "application", name: text.slice(1) };
  }
  const name = text.replace(/^\*\.?/, "");
  if (
    text.length > 255 ||
    !dnsName.test(name) ||
    !/[A-Za-z]/.test(name) ||
    (family === "ipv6" && name.includes(":"))
  )
    refuse(
      `"${text}" is not an address: give an ${family === "ip" ? "IPv4 address, a range, a network" : "IPv6 address or prefix ADDRESS/LEN"}, a host name, @application, map-e, hb46pp or *`,
    );
  return { kind: "fqdn", name: text };
}

function addressItem(text: string): AddressItem {
  if (text === "map-e" || text === "hb46pp" || text.startsWith("@")) return namedItem(text, "ip");
  if (text.includes("/")) return networkItem(text);
  if (/^[\d.]*-[\d.]*$/.test(text)) return rangeItem(text);
  if (/^[\d.*]+$/.test(text)) return dottedItem(text);
  return namedItem(text, "ip");
}

/** A filter's source or destination field as the router prints it: `*` or a comma list of address items. */
export function readAddressList(text: string): AddressItem[] {
  if (text === "*") return [{ kind: "any" }];
  const list = items(text);
  if (list.includes("*")) refuse(`* matches every address and stands alone, not in a list ("${text}")`);
  return list.map(addressItem);
}

/** One item of an `ipv6 filter` source or destination (CR §30.7.1). */
export type Ipv6AddressItem =
  | { kind: "any" }
  /** One address, or a prefix `ADDRESS/LEN`. */
  | { kind: "span"; span: RangedSet<IPv6> }
  /** An address from a prefix the router learns (`ra-prefix@lan2::1/64`): known only on the router. */
  | { kind: "dynamic"; text: string }
  | NamedItem;

/** The router's learned-prefix form, as `ipv6 prefix` writes it (CR §30.1). */
const DYNAMIC_PREFIX = /^(ra|dhcp)-prefix@[a-z]+\d+(\/\d+)?::[0-9a-fA-F:]*(\/(\d|[1-9]\d|1[01]\d|12[0-8]))?$/;

function ipv6Item(text: string): Ipv6AddressItem {
  if (text === "map-e" || text === "hb46pp" || text.startsWith("@")) return namedItem(text, "ipv6");
  if (/^(ra|dhcp)-prefix@/.test(text)) {
    if (!DYNAMIC_PREFIX.test(text))
      refuse(`"${text}" must be ra-prefix@IF::HOST[/LEN] or dhcp-prefix@IF::HOST[/LEN]`);
    return { kind: "dynamic", text };
  }
  const [address, length, ...rest] = text.split("/");
  if (!address.includes(":")) return namedItem(text, "ipv6");
  if (rest.length > 0 || !Validator.isValidIPv6String(address)[0])
    refuse(`"${text}" is not an IPv6 address (or ADDRESS/LEN)`);
  const host = IPv6.fromString(address);
  if (length === undefined) return { kind: "span", span: new RangedSet(host, host) };
  if (!/^(0|[1-9]\d{0,2})$/.test(length) || Number(length) > 128)
    refuse(`prefix length ${length} in "${text}" must be 0..128`);
  const range = IPv6CidrRange.fromCidr(`${address}/${length}`);
  // As with IPv4, the length may be given only with the prefix itself.
  if (range.getFirst().getValue() !== host.getValue())
    refuse(`"${text}" has host bits set; the prefix is ${range.getFirst().toString()}/${length}`);
  return { kind: "span", span: new RangedSet(range.getFirst(), range.getLast()) };
}

/** An `ipv6 filter` source or destination field: `*` or a comma list of IPv6 address items. */
export function readIpv6AddressList(text: string): Ipv6AddressItem[] {
  if (text === "*") return [{ kind: "any" }];
  const list = items(text);
  if (list.includes("*")) refuse(`* matches every address and stands alone, not in a list ("${text}")`);
  return list.map(ipv6Item);
}

// ---- protocols ------------------------------------------------------------------------------------------------

/** Protocol mnemonics and their numbers (CR §8.1.10). */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  tcp: 6,
  udp: 17,
  ipv6: 41,
  gre: 47,
  esp: 50,
  ah: 51,
  icmp6: 58,
};

/** TCP packets by their flags: SYN, FIN, RST, or ACK set (`established`: only replies to connections from inside). */
const TCP_FLAG_NAMES = ["tcpsyn", "tcpfin", "tcprst", "established"] as const;

export type ProtocolItem =
  | { kind: "any" }
  /** A protocol by number (`tcp` reads as 6). */
  | { kind: "number"; number: number }
  /** ICMP errors (types 3, 4, 5, 11, 12, 31, 32) or information messages (0, 8-10, 13-18, 30, 33-36). */
  | { kind: "icmp-error" | "icmp-info" }
  | { kind: "tcp-flag"; name: (typeof TCP_FLAG_NAMES)[number] }
  /** `tcpflag=V/M` (flags AND mask equal V) or `tcpflag!=V/M` (not equal). */
  | { kind: "tcpflag"; value: number; mask: number; equal: boolean };

/** `ipv6 filter` also takes `icmp-nd`: ICMPv6 neighbour discovery, types 133..136 (CR §30.7.1). */
export type Ipv6ProtocolItem = ProtocolItem | { kind: "icmp-nd" };

/** In `ipv6 filter`, `icmp` is ICMPv6 and `icmp4` ICMP for IPv4 (CR §30.7.1). */
export const IPV6_PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  ...PROTOCOL_NUMBERS,
  icmp: 58,
  icmp4: 1,
};

function protocolItem(text: string, family: Family): Ipv6ProtocolItem {
  const numbers = family === "ip" ? PROTOCOL_NUMBERS : IPV6_PROTOCOL_NUMBERS;
  if (family === "ipv6" && text === "icmp-nd") return { kind: "icmp-nd" };
  if (/^\d{1,3}$/.test(text)) {
    if (Number(text) > 255) refuse(`protocol number ${text} must be 0..255`);
    return { kind: "number", number: Number(text) };
  }
  if (text in numbers) return { kind: "number", number: numbers[text] };
  if (text === "icmp-error" || text === "icmp-info") return { kind: text };
  if ((TCP_FLAG_NAMES as readonly string[]).includes(text))
    return { kind: "tcp-flag", name: text as (typeof TCP_FLAG_NAMES)[number] };
  const flag = /^tcpflag(!?=)0x([0-9a-fA-F]{1,4})\/0x([0-9a-fA-F]{1,4})$/.exec(text);
  if (flag)
    return {
      kind: "tcpflag",
      equal: flag[1] === "=",
      value: parseInt(flag[2], 16),
      mask: parseInt(flag[3], 16),
    };
  return refuse(
    `unknown protocol "${text}": give 0..255, ${Object.keys(numbers).join(", ")}, ${family === "ipv6" ? "icmp-nd, " : ""}icmp-error, icmp-info, ${TCP_FLAG_NAMES.join(", ")}, tcpflag=0xV/0xM or tcpflag!=0xV/0xM`,
  );
}

function protocols(text: string, family: Family): Ipv6ProtocolItem[] {
  if (text === "*") return [{ kind: "any" }];
  const list = items(text);
  if (list.includes("*")) refuse(`* matches every protocol and stands alone, not in a list ("${text}")`);
  return list.map((t) => protocolItem(t, family));
}

/** An `ip filter` protocol field: `*` or a comma list of protocol items. */
export const readProtocolList = (text: string) => protocols(text, "ip") as ProtocolItem[];

/** An `ipv6 filter` protocol field. */
export const readIpv6ProtocolList = (text: string) => protocols(text, "ipv6");

// ---- ports ----------------------------------------------------------------------------------------------------

/** Port mnemonics filters take, with their ports (CR §8.1.10; `ftp` is both 20 and 21). */
export const PORT_MNEMONICS: Readonly<Record<string, readonly number[]>> = {
  ftp: [20, 21],
  ftpdata: [20],
  telnet: [23],
  smtp: [25],
  domain: [53],
  gopher: [70],
  finger: [79],
  www: [80],
  pop3: [110],
  sunrpc: [111],
  ident: [113],
  nntp: [119],
  ntp: [123],
  snmp: [161],
  syslog: [514],
  printer: [515],
  talk: [517],
  route: [520],
  uucp: [540],
  submission: [587],
};

/** A list holds at most 10 items (CR §8.1.10). */
const MAX_PORT_ITEMS = 10;

export interface PortRange {
  first: number;
  last: number;
}

/**
 * A port (or ICMP type/code) list: `*`, or up to 10 comma-separated numbers, mnemonics and ranges `a-b`, `a-`, `-b`.
 * ICMP types and codes (`icmp: true`) run 0..255 and take no mnemonics.
 */
export function readPortList(text: string, { icmp = false } = {}): PortRange[] {
  const max = icmp ? 255 : 65535;
  const what = icmp ? "ICMP type/code" : "port";
  if (text === "*") return [{ first: 0, last: max }];
  const list = items(text);
  if (list.length > MAX_PORT_ITEMS)
    refuse(`"${text}" lists ${list.length} items; a list holds at most ${MAX_PORT_ITEMS}`);
  const single = (p: string): number[] => {
    if (/^\d+$/.test(p)) {
      if (Number(p) > max) refuse(`${what} ${p} must be 0..${max}`);
      return [Number(p)];
    }
    const ports = icmp ? undefined : PORT_MNEMONICS[p];
    if (ports === undefined)
      refuse(
        icmp
          ? `ICMP type/code "${p}" must be a number 0..255`
          : `unknown port "${p}": give 0..65535 or one of ${Object.keys(PORT_MNEMONICS).join(", ")}`,
      );
    return [...ports!];
  };
  return list.flatMap((item): PortRange[] => {
    if (item === "*") refuse(`* stands alone, not in a list ("${text}")`);
    const dash = item.indexOf("-");
    if (dash < 0) return single(item).map((p) => ({ first: p, last: p }));
    const [a, b] = [item.slice(0, dash), item.slice(dash + 1)];
    const end = (p: string, fallback: number) => {
      if (p === "") return fallback;
      const ports = single(p);
      if (ports.length > 1) refuse(`"${p}" names ${ports.length} ports and cannot end a range`);
      return ports[0];
    };
    if (a === "" && b === "") refuse(`"${item}" is not a range`);
    const range = { first: end(a, 0), last: end(b, max) };
    if (range.first > range.last) refuse(`range "${item}" is reversed`);
    return [range];
  });
}

// ---- the field schema -----------------------------------------------------------------------------------------

/** Why `read` refuses `text`, or undefined. */
export function fieldProblem(read: (text: string) => unknown, text: string): string | undefined {
  try {
    read(text);
    return undefined;
  } catch (e) {
    if (e instanceof FieldError) return e.message;
    throw e;
  }
}

/**
 * A list field as a string (`"192.168.1.0/24,10.0.0.1"`) or a list of its items; the normal form is the string the
 * router prints, checked by `read` — each item given as a list under its index, then the whole list.
 */
export function listField(read: (text: string) => unknown) {
  const problem = (text: string) => (text === "" ? "must not be empty" : fieldProblem(read, text));
  return z
    .union([z.string(), z.array(z.string()).min(1, "must list at least one item")])
    .superRefine((v, ctx) => {
      const itemProblems = (Array.isArray(v) ? v : []).flatMap((item, i) => {
        const p = problem(item);
        return p === undefined ? [] : [{ path: [i], message: p }];
      });
      itemProblems.forEach(({ path, message }) => ctx.addIssue({ code: "custom", path, message }));
      const whole = itemProblems.length === 0 ? problem(Array.isArray(v) ? v.join(",") : v) : undefined;
      if (whole) ctx.addIssue({ code: "custom", message: whole });
    })
    .transform((v) => (Array.isArray(v) ? v.join(",") : v));
}

const ports = listField((t) => readPortList(t));

/** A family's address list reader. */
export const addressReader = (family: Family) => (family === "ip" ? readAddressList : readIpv6AddressList);

const shapeOf = (family: Family) =>
  z
    .object({
      id: filterNumber,
      action: z.enum(FILTER_ACTIONS),
      source: listField(addressReader(family)),
      destination: listField(addressReader(family)).optional(),
      protocol: listField((t) => protocols(t, family)).optional(),
      /** TCP/UDP source ports; with the protocol `icmp` alone, ICMP types. */
      sourcePort: ports.optional(),
      /** TCP/UDP destination ports; with the protocol `icmp` alone, ICMP codes. */
      destinationPort: ports.optional(),
    })
    .strict();

/** One shape for both families: they differ in what the fields take, not in their types. */
type Shape = ReturnType<typeof shapeOf>;

export type IpFilterModel = z.output<Shape>;

/** The positional fields after the action, in order. */
const FIELDS = ["destination", "protocol", "sourcePort", "destinationPort"] as const;

/** Whether ports are ICMP type and code: the protocol is `icmp` alone (`icmp6` too in IPv6; CR §8.1.10, §30.7.1). */
const icmpAlone = (m: { protocol?: string }, family: Family) =>
  m.protocol === "icmp" || (family === "ipv6" && m.protocol === "icmp6");

/** A field the user left out before one they gave is `*` on the router: the normal form writes it. */
function normalise(m: IpFilterModel): IpFilterModel {
  const last = FIELDS.reduce((n, f, i) => (m[f] === undefined ? n : i), -1);
  const out = { ...m };
  FIELDS.forEach((f, i) => {
    if (i < last && out[f] === undefined) out[f] = "*";
  });
  return out;
}

function linesOf(family: Family) {
  return (m: IpFilterModel): Line[] => {
    const fields = [m.source, ...FIELDS.map((f) => m[f])].filter((f): f is string => f !== undefined);
    return [line(GLOBAL, `${family} filter ${m.id} ${m.action} ${fields.join(" ")}`)];
  };
}

function owned(config: ConfigIndex, identity: string): Line[] {
  return findLines(config, identity).filter((l) => l.key === identity);
}

/** The raw inputs an `ip filter N ...` / `ipv6 filter N ...` line spells. */
function parseFilter(text: string): Record<string, unknown> {
  const [, , id, action, source, ...rest] = text.split(" ");
  const raw: Record<string, unknown> = { id: /^\d+$/.test(id) ? Number(id) : NaN, action, source };
  FIELDS.forEach((f, i) => {
    if (rest[i] !== undefined) raw[f] = rest[i];
  });
  if (rest.length > FIELDS.length)
    throw new ReadError(text, `"${rest.slice(FIELDS.length).join(" ")}" after the destination ports`);
  return raw;
}

/** The static filter resource of a family: IpFilter, or Ipv6Filter (ipv6-filter.ts). */
export const filterKind = (family: Family) =>
  defineKind<IpFilterModel, z.input<Shape>>({
    kind: family === "ip" ? "IpFilter" : "Ipv6Filter",
    shape: shapeOf(family),
    rules(m, fail) {
      if (!icmpAlone(m, family)) return;
      // With `icmp` alone the port fields are ICMP type and code (0..255, no mnemonics).
      for (const f of ["sourcePort", "destinationPort"] as const) {
        const text = m[f];
        const problem =
          text === undefined ? undefined : fieldProblem((t) => readPortList(t, { icmp: true }), text);
        if (problem) fail([f], problem);
      }
    },
    normalise,
    identity: (m) => `${family} filter ${m.id}`,
    stage: "define",
    replaceOnChange: ["id"],
    secretProperties: [],
    lines: linesOf(family),
    owned,
    parse: (owned) => parseFilter(owned[0].text),
  });

export const IpFilter = filterKind("ip");

// ---- the typed reading for analyses ---------------------------------------------------------------------------

/** A filter line read into what it matches, with its line number. */
export interface FilterRule<Address, Protocol> {
  id: number;
  /** 1-based line of the config it was read from. */
  line: number;
  action: "pass" | "reject" | "restrict";
  /** `-log` true, `-nolog` false; undefined is the action's own default (reject and restrict log, pass does not). */
  log?: boolean;
  source: Address[];
  destination: Address[];
  protocols: Protocol[];
  /**
   * TCP/UDP ports, compared only on TCP and UDP packets (CR §8.1.10); every port when omitted or `*`, and when the
   * fields are ICMP type and code instead.
   */
  ports: { source: PortRange[]; destination: PortRange[] };
  /** Present when the protocol is `icmp` (or, in IPv6, `icmp6`) alone: the fields are ICMP types and codes. */
  icmp?: { types: PortRange[]; codes: PortRange[] };
  /** The model the line spells (the resource's normal form). */
  model: IpFilterModel;
}

/** An `ip filter` line read. */
export type IpFilterRule = FilterRule<AddressItem, ProtocolItem>;
/** An `ipv6 filter` line read. */
export type Ipv6FilterRule = FilterRule<Ipv6AddressItem, Ipv6ProtocolItem>;

/** The typed reading of a checked model. */
function filterRule(
  model: IpFilterModel,
  lineNumber: number,
  family: Family,
): FilterRule<AddressItem | Ipv6AddressItem, Ipv6ProtocolItem> {
  const [action, suffix] = model.action.split("-") as [IpFilterRule["action"], string | undefined];
  const any = readPortList("*");
  const addresses = addressReader(family);
  const icmp = icmpAlone(model, family)
    ? {
        types: readPortList(model.sourcePort ?? "*", { icmp: true }),
        codes: readPortList(model.destinationPort ?? "*", { icmp: true }),
      }
    : undefined;
  return {
    id: model.id,
    line: lineNumber,
    action,
    ...(suffix === undefined ? {} : { log: suffix === "log" }),
    source: addresses(model.source),
    destination: addresses(model.destination ?? "*"),
    protocols: protocols(model.protocol ?? "*", family),
    ports: icmp
      ? { source: any, destination: any }
      : {
          source: readPortList(model.sourcePort ?? "*"),
          destination: readPortList(model.destinationPort ?? "*"),
        },
    ...(icmp ? { icmp } : {}),
    model,
  };
}

/** The checked model of a line, or a ReadError naming the line and the property. */
export function readLineWith<Model>(
  kind: { schema: z.ZodType<Model, z.ZodTypeDef, unknown> },
  raw: unknown,
  text: string,
): Model {
  const parsed = kind.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReadError(text, `${issue.path.join(".") || "line"}: ${issue.message}`);
  }
  return parsed.data;
}

/** One `ip filter N ...` line (not `dynamic`, `set`, ...) read; throws ReadError. */
export function readIpFilterLine(l: ConfigLine): IpFilterRule {
  const model = readLineWith(IpFilter, parseFilter(l.tokens.join(" ")), l.text);
  return filterRule(model, l.line, "ip") as IpFilterRule;
}

/** One `ipv6 filter N ...` line read with Ipv6Filter (ipv6-filter.ts); throws ReadError. */
export function readIpv6FilterLineWith(
  kind: { schema: z.ZodType<IpFilterModel, z.ZodTypeDef, unknown> },
  l: ConfigLine,
): Ipv6FilterRule {
  return filterRule(
    readLineWith(kind, parseFilter(l.tokens.join(" ")), l.text),
    l.line,
    "ipv6",
  ) as Ipv6FilterRule;
}

/** Whether a line is a static filter `ip filter N ...` (not `ip filter dynamic`, `set`, `directed-broadcast`, ...). */
export const isIpFilterLine = (tokens: readonly string[]) =>
  tokens[0] === "ip" && tokens[1] === "filter" && /^\d+$/.test(tokens[2] ?? "");

/** Every static filter of a config, in config order. */
export function readIpFilters(config: ConfigIndex): { read: IpFilterRule[]; unreadable: Unreadable[] } {
  const lines = config.find(["ip", "filter"]).filter((l) => isIpFilterLine(l.tokens));
  return readEach(lines, readIpFilterLine);
}

/** The static filters of a config (IpFilter's objects), and the lines readIpFilterLine refuses. */
export const ipFilterIdentities = (config: ConfigIndex): Found =>
  foundById(readIpFilters(config), "ip filter");
