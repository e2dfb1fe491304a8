/**
 * L2tpAnonymousPool: L2TP/IPsec remote access through `pp select anonymous` — the pp block, the IPsec tunnel
 * blocks and the transports. Identity "pp anonymous" (a router has one). With `templates` the first tunnel is
 * written out and the rest are copies (`tunnel template`, `ipsec transport template`), so one edit changes all.
 * `l2tp service on` and `ipsec auto refresh on` are GlobalSwitch resources: other features use them too.
 * `natDescriptors` binds NAT descriptors to pp anonymous (seed (3)); the descriptors are NatDescriptor resources,
 * created before the pool and deleted after it.
 * A tunnel-range change is made in place: a replacement would share the identity and delete its successor.
 */
import { ReadError } from "../errors";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import type { Context } from "../config/model";
import { GLOBAL } from "../config/model";
import { defineKind } from "./kind";
import { MASK } from "../secrets";
import { readInterfaceLine } from "./lan-interface";
import {
  type Found,
  type Line,
  type SourceLine,
  findLines,
  foundOnly,
  line,
  routerName,
  routerToken,
  sourceOf,
} from "./lines";
import { SA_POLICY, parsePreSharedKey, preSharedKey, preSharedKeyLine, tunnelNumber } from "./ipsec";
import { DEFAULT_MODEL, factsOf, isRouterModel, routerModel } from "./models";
import { natBinding, natBindingArgs, natBindingRules, parseNatBinding } from "./nat-descriptor";
import { ipv4, ipv4Range, parseSpan } from "./net";
import { numberRange, readIpsecLine, readIpsecTransportLine } from "./tunnel";

const PP: Context = { kind: "pp", peer: "anonymous" };
const tunnelContext = (tunnel: number): Context => ({ kind: "tunnel", tunnel });

/** Tunnel numbers, as a list or a from/to range; sorted, without repeats. The VPN designs take the same input. */
export const tunnels = z
  .union([
    z
      .object({ from: tunnelNumber, to: tunnelNumber })
      .strict()
      .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] })
      .transform((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)),
    z.array(tunnelNumber).min(1, "must list at least one tunnel"),
  ])
  .transform((list) => [...new Set(list)].sort((a, b) => a - b));

const shape = z
  .object({
    /** The router model, for its tunnel numbers and limits. */
    model: routerModel.default(DEFAULT_MODEL),
    tunnels,
    // `pp auth username NAME PASSWORD`: each at most 64 characters (CR §11.1).
    users: z
      .array(z.object({ name: routerName(64), password: routerToken(64, { secret: true }) }).strict())
      .min(1, "must list at least one user"),
    authRequest: z.enum(["pap", "chap", "mschap", "mschap-v2", "chap-pap"]).default("mschap-v2"),
    pool: z.union([z.literal("dhcp"), z.object({ range: ipv4Range }).strict()]),
    mtu: z.number().int().min(64, "must be 64..1500").max(1500, "must be 64..1500").default(1280),
    /** `ip pp nat descriptor` on pp anonymous; none by default (no line). */
    natDescriptors: natBinding,
    // `ipsec ike pre-shared-key GW text TEXT` or `GW 0xHEX` (CR §15.5).
    preSharedKey,
    ipsec: z
      .object({
        saPolicy: z
          .string()
          .regex(
            SA_POLICY,
            "must be esp [3des-cbc|des-cbc|aes-cbc|aes256-cbc] [md5-hmac|sha-hmac|sha256-hmac|...]",
          )
          .default("esp aes-cbc sha-hmac"),
        keepalive: z.enum(["on", "off"]).default("off"),
        natTraversal: z.enum(["on", "off"]).default("on"),
        // `ipsec ike remote address GW IP|any` (CR §15).
        remote: z.union([z.literal("any"), ipv4]).default("any"),
      })
      .strict()
      .default({}),
    templates: z.boolean().default(true),
    msext: z.boolean().default(true),
    ipcpAddress: z.boolean().default(true),
    transport: z
      .object({
        protocol: z.enum(["udp"]).default("udp"),
        port: z.number().int().min(1).max(65535).default(1701),
      })
      .strict()
      .default({}),
  })
  .strict();

export type L2tpAnonymousPoolModel = z.output<typeof shape>;

/** [2,3,4,6] → [[2,4],[6,6]]. */
function runs(list: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of list) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

const spell = (list: readonly number[], prefix = "") =>
  runs(list)
    .map(([a, b]) => (a === b ? `${prefix}${a}` : `${prefix}${a}-${prefix}${b}`))
    .join(" ");

function tunnelLines(m: L2tpAnonymousPoolModel, t: number, rest: readonly number[]): Line[] {
  const at = (text: string, masked?: string) => line(tunnelContext(t), text, masked);
  const psk = preSharedKeyLine(t, m.preSharedKey);
  return [
    at("tunnel encapsulation l2tp"),
    at(`ipsec tunnel ${t}`),
    at(`ipsec sa policy ${t} ${t} ${m.ipsec.saPolicy}`),
    at(`ipsec ike keepalive use ${t} ${m.ipsec.keepalive}`),
    at(`ipsec ike nat-traversal ${t} ${m.ipsec.natTraversal}`),
    at(psk.text, psk.masked),
    at(`ipsec ike remote address ${t} ${m.ipsec.remote}`),
    at(`tunnel enable ${t}`),
    ...(rest.length > 0 ? [at(`tunnel template ${spell(rest)}`)] : []),
  ];
}

function lines(m: L2tpAnonymousPoolModel): Line[] {
  const pp = (text: string, masked?: string) => line(PP, text, masked);
  const [first, ...rest] = m.tunnels;
  const written = m.templates ? [first] : m.tunnels;
  const copies = m.templates ? rest : [];
  const nat = natBindingArgs(m.natDescriptors);
  const transport = (t: number) =>
    line(GLOBAL, `ipsec transport ${t} ${t} ${m.transport.protocol} ${m.transport.port}`);
  return [
    pp(`pp bind ${spell(m.tunnels, "tunnel")}`),
    pp(`pp auth request ${m.authRequest}`),
    ...m.users.map((u) =>
      pp(`pp auth username ${u.name} ${u.password}`, `pp auth username ${u.name} ${MASK}`),
    ),
    ...(m.ipcpAddress ? [pp("ppp ipcp ipaddress on")] : []),
    ...(m.msext ? [pp("ppp ipcp msext on")] : []),
    pp(`ip pp remote address pool ${m.pool === "dhcp" ? "dhcp" : m.pool.range}`),
    pp(`ip pp mtu ${m.mtu}`),
    ...(nat ? [pp(`ip pp nat descriptor ${nat}`)] : []),
    pp("pp enable anonymous"),
    ...written.flatMap((t) => tunnelLines(m, t, t === first ? copies : [])),
    ...written.map(transport),
    ...(copies.length > 0 ? [line(GLOBAL, `ipsec transport template ${first} ${spell(copies)}`)] : []),
  ];
}

const PP_LINES = [
  "pp bind",
  "pp auth request",
  "pp auth username",
  "ppp ipcp ipaddress",
  "ppp ipcp msext",
  "ip pp remote address pool",
  "ip pp mtu",
  "ip pp nat descriptor",
  "pp enable anonymous",
];

/**
 * One line of a pp block the analyses or several resources read (CR §9, §11), with its source line: the one reader
 * of `pp bind`, `ip pp remote address [pool]`, `ppp ipcp msext` and `pppoe use`, for L2tpAnonymousPool's and
 * PppoeInterface's read, the finder of PPPoE sessions and the analyses.
 */
export type PpLine = { line: number } &
  /** `pp bind tunnel2-tunnel4 ...`: the tunnels bound, and any words that are not tunnels. */
  (
    | { item: "bind"; tunnels: number[]; unread: string[] }
    /** `ip pp remote address pool FIRST-LAST...`, or from the DHCP scopes (`dhcp`) or a DHCP client (`dhcpc`). */
    | { item: "remote address pool"; from: "list" | "dhcp" | "dhcpc"; addresses: string[] }
    /** `ip pp remote address IP` (a pp N peer's address). */
    | { item: "remote address"; address: string }
    | { item: "ipcp msext"; value: string }
    /** `pppoe use lan2`: the block is a PPPoE session over that interface (CR §11.16.1). */
    | { item: "pppoe use"; interface: string }
  );

/** A pp block line of those families; undefined for any other line. */
export function readPpLine({ tokens, line }: SourceLine): PpLine | undefined {
  const [a, b, c, d, e] = tokens;
  if (a === "pp" && b === "bind") {
    const words = tokens.slice(2);
    const unread = words.filter((w) => numberRange(w, "tunnel") === undefined);
    return { line, item: "bind", tunnels: words.flatMap((w) => numberRange(w, "tunnel") ?? []), unread };
  }
  if (a === "ppp" && b === "ipcp" && c === "msext" && d !== undefined)
    return { line, item: "ipcp msext", value: d };
  if (a === "pppoe" && b === "use" && c !== undefined) return { line, item: "pppoe use", interface: c };
  if (a !== "ip" || b !== "pp" || c !== "remote" || d !== "address" || e === undefined) return undefined;
  if (e !== "pool") return { line, item: "remote address", address: e };
  const addresses = tokens.slice(5);
  const from = addresses[0] === "dhcp" || addresses[0] === "dhcpc" ? addresses[0] : "list";
  return { line, item: "remote address pool", from, addresses: from === "list" ? addresses : [] };
}

/** The tunnel numbers a `pp bind` line names. */
function boundTunnels(bind: Line): number[] {
  const read = readPpLine(sourceOf(bind));
  if (read?.item !== "bind") return [];
  if (read.unread.length > 0) throw new ReadError(bind.text, `"${read.unread[0]}" is not a tunnel`);
  return read.tunnels;
}

function tunnelOwned(config: ConfigIndex, t: number): Line[] {
  const c = tunnelContext(t);
  return [
    "tunnel encapsulation",
    "ipsec tunnel",
    `ipsec sa policy ${t}`,
    `ipsec ike keepalive use ${t}`,
    `ipsec ike nat-traversal ${t}`,
    `ipsec ike pre-shared-key ${t}`,
    `ipsec ike remote address ${t}`,
    `tunnel enable ${t}`,
    "tunnel template",
  ].flatMap((p) => findLines(config, p, c));
}

function owned(config: ConfigIndex): Line[] {
  const pp = PP_LINES.flatMap((p) => findLines(config, p, PP));
  const bind = pp.find((l) => l.key === "pp bind");
  const bound = bind ? boundTunnels(bind) : [];
  return [
    ...pp,
    ...bound.flatMap((t) => tunnelOwned(config, t)),
    ...bound.flatMap((t) => findLines(config, `ipsec transport ${t}`)),
    ...findLines(config, `ipsec transport template ${bound[0]}`),
  ];
}

const number = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function parse(owned: Line[], _identity: string, config: ConfigIndex): unknown {
  const pp = owned.filter((l) => l.context.kind === "pp");
  const after = (l: Line | undefined, n: number) => l?.text.split(" ").slice(n);
  const find = (key: string) => owned.find((l) => l.key === key);
  const bind = find("pp bind");
  if (!bind) return undefined;
  const tunnels = boundTunnels(bind);
  const t = tunnels[0];
  const inFirst = (key: string) =>
    owned.find((l) => l.key === key && l.context.kind === "tunnel" && l.context.tunnel === t);
  const ipsecArgs = (key: string) => {
    const l = inFirst(key);
    return l && readIpsecLine(sourceOf(l))?.args;
  };
  const psk = ipsecArgs(`ipsec ike pre-shared-key ${t}`);
  const read = (key: string) => {
    const l = find(key);
    return l && readPpLine(sourceOf(l));
  };
  const pool = read("ip pp remote address pool");
  const msext = read("ppp ipcp msext");
  const nat = find("ip pp nat descriptor");
  const natRead = nat && readInterfaceLine(sourceOf(nat));
  const transportLine = find(`ipsec transport ${t}`);
  const transport = transportLine && readIpsecTransportLine(sourceOf(transportLine));
  const model = config.model?.toLowerCase();
  return {
    // The model is not in the config body; the header names it ("# NVR510 Rev...").
    model: isRouterModel(model) ? model : undefined,
    tunnels,
    users: pp
      .filter((l) => l.key.startsWith("pp auth username "))
      .map((l) => {
        const [name, password] = l.text.split(" ").slice(3);
        return { name, password };
      }),
    authRequest: after(find("pp auth request"), 3)?.[0],
    pool:
      pool?.item !== "remote address pool"
        ? undefined
        : pool.from === "list"
          ? { range: pool.addresses.join(" ") }
          : pool.from,
    mtu: number(after(find("ip pp mtu"), 3)?.[0]),
    natDescriptors: natRead?.setting === "nat descriptor" ? natRead.binding : parseNatBinding([]),
    preSharedKey: psk && parsePreSharedKey(psk),
    ipsec: {
      saPolicy: ipsecArgs(`ipsec sa policy ${t}`)?.join(" "),
      keepalive: ipsecArgs(`ipsec ike keepalive use ${t}`)?.join(" "),
      natTraversal: ipsecArgs(`ipsec ike nat-traversal ${t}`)?.join(" "),
      remote: ipsecArgs(`ipsec ike remote address ${t}`)?.join(" "),
    },
    templates: inFirst("tunnel template") !== undefined,
    msext: msext?.item === "ipcp msext" && msext.value === "on",
    ipcpAddress: after(find("ppp ipcp ipaddress"), 3)?.[0] === "on",
    transport:
      transport?.item === "transport" ? { protocol: transport.protocol, port: number(transport.port) } : {},
  };
}

export const L2tpAnonymousPool = defineKind<L2tpAnonymousPoolModel, z.input<typeof shape>>({
  kind: "L2tpAnonymousPool",
  shape,
  rules(m, fail) {
    const facts = factsOf(m.model);
    const past = m.tunnels.find((t) => t > facts.tunnels);
    if (m.tunnels.length > facts.l2tpConnections)
      fail(
        ["tunnels"],
        `${m.model} takes at most ${facts.l2tpConnections} L2TP/IPsec tunnels, got ${m.tunnels.length}`,
      );
    else if (past !== undefined)
      fail(["tunnels"], `tunnel ${past} is past the ${m.model}'s tunnels 1..${facts.tunnels}`);
    natBindingRules(m.natDescriptors, "natDescriptors", fail);
    m.users.forEach((u, i) => {
      if (m.users.findIndex((o) => o.name === u.name) < i)
        fail(["users", i, "name"], `duplicate user ${u.name}`);
    });
    if (m.pool !== "dhcp") {
      const size = parseSpan(m.pool.range)?.getSize();
      if (size !== undefined && size < BigInt(m.tunnels.length))
        fail(["pool", "range"], `${size} addresses cannot serve ${m.tunnels.length} tunnels`);
      const max = facts.poolAddresses;
      if (size !== undefined && max !== undefined && size > BigInt(max))
        fail(["pool", "range"], `${m.model} pools hold at most ${max} addresses, got ${size}`);
    }
  },
  // One tunnel is the same config with or without templates.
  normalise: (m) => (m.tunnels.length === 1 ? { ...m, templates: true } : m),
  identity: () => "pp anonymous",
  stage: "bind",
  replaceOnChange: [],
  secretProperties: ["users[].password", "preSharedKey"],
  lines,
  owned,
  parse,
});

/** The pool's one object, when the config has a `pp select anonymous` block. */
export const poolIdentities = (config: ConfigIndex): Found =>
  foundOnly(config.block("pp", "anonymous") ? ["pp anonymous"] : []);
