/**
 * Dns: the router's DNS relay settings — `dns service`, `dns host`, `dns server` (addresses, or learnt over DHCP or
 * a pp), `dns server select` rules, `dns domain`, `dns static` records, `dns private address spoof`,
 * `dns private name`. Identity "dns" (a router has one). The settings always exist (each has a router default), so
 * create takes them over like LanInterface does and delete writes back what it replaced. Every setting is optional:
 * an absent one writes no line.
 */
import { Validator } from "ip-num";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, findLines, foundOnly, line, routerToken } from "./lines";
import { MAX_PEER_NUMBER } from "./models";
import { dnsName, isIPv4, parseSpan } from "./net";
import { ACCESS_INTERFACE, accessHosts } from "./service-hosts";

const isIPv6 = (s: string) => Validator.isValidIPv6String(s)[0];
const ipAddress = z.string().refine((s) => isIPv4(s) || isIPv6(s), "must be an IPv4 or IPv6 address");
const peer = z
  .number()
  .int()
  .min(1, `must be a pp number 1..${MAX_PEER_NUMBER}`)
  .max(MAX_PEER_NUMBER, `must be a pp number 1..${MAX_PEER_NUMBER}`);
const fqdn = z.string().regex(dnsName, "must be a host name such as host.example.jp");

/** The interface `dns server dhcp` names (CR §24.5). */
const iface = z
  .string()
  .regex(ACCESS_INTERFACE, "must be an interface such as lan2, lan1/1, wan1, bridge1 or vlan1");

const RECORD_TYPES = ["a", "aaaa", "ptr", "mx", "ns", "cname", "any"] as const;

/** `dns server select ID SERVER [SERVER2] [TYPE] QUERY [original-sender] [restrict pp N]` (CR §24.10), server form. */
const select = z
  .object({
    id: z.number().int().min(1, "must be 1..65535").max(65535, "must be 1..65535"),
    servers: z.array(ipAddress).min(1, "must list one or two servers").max(2, "must list one or two servers"),
    recordType: z.enum(RECORD_TYPES).optional(),
    /** A domain suffix (`.` for all), or for `ptr` an address with an optional /length. */
    query: routerToken(255),
    /** Only queries from these senders: an address or a range FIRST-LAST. */
    originalSender: z
      .string()
      .refine((s) => parseSpan(s) !== undefined, "must be an IPv4 address or a range FIRST-LAST")
      .optional(),
    /** Only while pp N is connected. */
    restrictPp: peer.optional(),
  })
  .strict();

/** `dns static TYPE NAME VALUE [ttl=TTL]` (CR §24.11). */
const staticRecord = z
  .object({
    type: z.enum(["a", "aaaa", "ptr", "mx", "ns", "cname"]),
    /** An FQDN; for `ptr` the IPv4 address. */
    name: z.string(),
    /** An IPv4 address for `a`, IPv6 for `aaaa`, an FQDN otherwise. */
    value: z.string(),
    ttl: z.number().int().min(1, "must be 1..4294967295").max(4294967295, "must be 1..4294967295").optional(),
  })
  .strict();

const shape = z
  .object({
    /** `dns service recursive|off` (CR §24.1). */
    service: z.enum(["recursive", "off"]).optional(),
    /** `dns service fallback on|off` (CR §24.16). */
    fallback: z.boolean().optional(),
    /** `dns host ...`: who may query the router (CR §24.13). */
    hosts: accessHosts.optional(),
    /** `dns server A [B ...]`: up to four servers (CR §24.2). */
    servers: z.array(ipAddress).min(1, "must list 1..4 servers").max(4, "must list 1..4 servers").optional(),
    /** `dns server dhcp IF`: the servers a DHCP server hands the interface (CR §24.5). */
    serverDhcp: iface.optional(),
    /** `dns server pp N`: the servers pp N learns over IPCP (CR §24.4). */
    serverPp: peer.optional(),
    /** `dns domain NAME` (CR §24.3). */
    domain: z.union([z.literal("."), fqdn]).optional(),
    selects: z.array(select).default([]),
    statics: z.array(staticRecord).default([]),
    /** `dns private address spoof on|off` (CR §24.7). */
    privateAddressSpoof: z.boolean().optional(),
    /** `dns private name NAME`: the name the router answers with its own address (NVR: setup.netvolante.jp). */
    privateName: fqdn.optional(),
  })
  .strict();

export type DnsModel = z.output<typeof shape>;

const onOff = (on: boolean) => (on ? "on" : "off");

function selectText(s: DnsModel["selects"][number]): string {
  const parts = [`dns server select ${s.id}`, ...s.servers, s.recordType, s.query, s.originalSender];
  if (s.restrictPp !== undefined) parts.push(`restrict pp ${s.restrictPp}`);
  return parts.filter((p) => p !== undefined).join(" ");
}

function lines(m: DnsModel): Line[] {
  const g = (text: string) => line(GLOBAL, text);
  const setting = (words: string, value: string | undefined) =>
    value === undefined ? [] : [g(`${words} ${value}`)];
  const bool = (b: boolean | undefined) => (b === undefined ? undefined : onOff(b));
  return [
    ...setting("dns service", m.service),
    ...setting("dns service fallback", bool(m.fallback)),
    ...setting("dns host", m.hosts?.join(" ")),
    ...setting("dns server", m.servers?.join(" ")),
    ...setting("dns server dhcp", m.serverDhcp),
    ...setting("dns server pp", m.serverPp === undefined ? undefined : String(m.serverPp)),
    ...m.selects.map((s) => g(selectText(s))),
    ...setting("dns domain", m.domain),
    ...m.statics.map((s) =>
      g(`dns static ${s.type} ${s.name} ${s.value}${s.ttl === undefined ? "" : ` ttl=${s.ttl}`}`),
    ),
    ...setting("dns private address spoof", bool(m.privateAddressSpoof)),
    ...setting("dns private name", m.privateName),
  ];
}

/** Each owned line's key, in `lines` order; `dns server` alone, not its dhcp/pp/select forms. */
const SINGLE = [
  "dns service",
  "dns service fallback",
  "dns host",
  "dns server",
  "dns server dhcp",
  "dns server pp",
];

function owned(config: ConfigIndex): Line[] {
  const keyed = (prefix: string) => findLines(config, prefix).filter((l) => l.key === prefix);
  return [
    ...SINGLE.flatMap(keyed),
    ...findLines(config, "dns server select"),
    ...keyed("dns domain"),
    ...findLines(config, "dns static"),
    ...keyed("dns private address spoof"),
    ...keyed("dns private name"),
  ];
}

const bool = (word: string | undefined, text: string) => {
  if (word === "on" || word === "off") return word === "on";
  throw new ReadError(text, "only on|off is modelled");
};

const RECORD_TYPE_WORDS: readonly string[] = RECORD_TYPES;

/** A `dns server select` line back as a select; the pp/dhcp/reject forms are not modelled. */
function parseSelect(t: string[], text: string): unknown {
  const rest = t.slice(4);
  const servers: string[] = [];
  while (servers.length < 2 && rest[0] !== undefined && (isIPv4(rest[0]) || isIPv6(rest[0])))
    servers.push(rest.shift()!);
  if (servers.length === 0) throw new ReadError(text, "only the server-address form is modelled");
  const s: Record<string, unknown> = { id: Number(t[3]), servers };
  if (RECORD_TYPE_WORDS.includes(rest[0]) && rest.length > 1) s.recordType = rest.shift();
  s.query = rest.shift();
  if (rest[0] !== undefined && rest[0] !== "restrict") s.originalSender = rest.shift();
  if (rest[0] === "restrict" && rest[1] === "pp") {
    s.restrictPp = Number(rest[2]);
    rest.splice(0, 3);
  }
  if (rest.length > 0) throw new ReadError(text, `"${rest[0]}" is not modelled`);
  return s;
}

function parse(owned: Line[]): unknown {
  const model: Record<string, unknown> = { selects: [], statics: [] };
  for (const l of owned) {
    const t = l.text.split(" ");
    const args = t.slice(l.key.split(" ").length);
    const value = args.join(" ");
    if (l.key === "dns service") model.service = value;
    else if (l.key === "dns service fallback") model.fallback = bool(args[0], l.text);
    else if (l.key === "dns host") model.hosts = args;
    else if (l.key === "dns server") {
      if (args.some((a) => a.includes("="))) throw new ReadError(l.text, "edns= and nat46= are not modelled");
      model.servers = args;
    } else if (l.key === "dns server dhcp") model.serverDhcp = value;
    else if (l.key === "dns server pp") model.serverPp = Number(value);
    else if (l.key.startsWith("dns server select")) (model.selects as unknown[]).push(parseSelect(t, l.text));
    else if (l.key === "dns domain") model.domain = value;
    else if (l.key.startsWith("dns static")) {
      const [type, name, recordValue, ttl] = t.slice(2);
      if (ttl !== undefined && !/^ttl=\d+$/.test(ttl))
        throw new ReadError(l.text, `"${ttl}" is not modelled`);
      (model.statics as unknown[]).push({
        type,
        name,
        value: recordValue,
        ...(ttl === undefined ? {} : { ttl: Number(ttl.slice(4)) }),
      });
    } else if (l.key === "dns private address spoof") model.privateAddressSpoof = bool(args[0], l.text);
    else model.privateName = value;
  }
  return model;
}

export const Dns = defineKind<DnsModel, z.input<typeof shape>>({
  kind: "Dns",
  shape,
  rules(m, fail) {
    const ids = m.selects.map((s) => s.id);
    m.selects.forEach((s, i) => {
      if (ids.indexOf(s.id) < i) fail(["selects", i, "id"], `duplicate select ${s.id}`);
    });
    m.statics.forEach((s, i) => {
      const nameOk = s.type === "ptr" ? isIPv4(s.name) : dnsName.test(s.name);
      if (!nameOk)
        fail(["statics", i, "name"], s.type === "ptr" ? "must be an IPv4 address" : "must be a host name");
      const valueOk =
        s.type === "a" ? isIPv4(s.value) : s.type === "aaaa" ? isIPv6(s.value) : dnsName.test(s.value);
      if (!valueOk)
        fail(
          ["statics", i, "value"],
          s.type === "a"
            ? "must be an IPv4 address"
            : s.type === "aaaa"
              ? "must be an IPv6 address"
              : "must be a host name",
        );
      if (m.statics.findIndex((o) => o.type === s.type && o.name === s.name) < i)
        fail(["statics", i, "name"], `duplicate ${s.type} record for ${s.name}`);
    });
  },
  // Selects in id order, as the router lists them; records by type and name, so the order they are given in is no
  // change.
  normalise: (m) => ({
    ...m,
    selects: [...m.selects].sort((a, b) => a.id - b.id),
    statics: [...m.statics].sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`)),
  }),
  identity: () => "dns",
  ...alwaysPresent("enable"),
  lines,
  owned,
  parse,
});

/** Dns's one object, when the config holds a `dns` line. */
export const dnsIdentities = (config: ConfigIndex): Found =>
  foundOnly(config.find(["dns"]).length > 0 ? ["dns"] : []);
