/**
 * IpsecSiteTunnel: a site-to-site tunnel, the `tunnel select N` block — `tunnel encapsulation` (IPsec by default,
 * ipip or L2TPv3 as in the shared dumps), `tunnel endpoint address`, the IPsec lines nested under `ipsec tunnel`
 * (SA policy, IKE pre-shared key, local/remote address and name, keepalive, NAT traversal, log), the L2TPv3 lines,
 * `ip tunnel mtu` / `tcp mss limit` and `tunnel enable`. Identity "tunnel 1". Every optional setting writes no line
 * when absent, so the RTX1100 and RTX830 dumps' tunnels read back as they are and plan to nothing.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { type Context, GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { MASK } from "../secrets";
import { defineKind } from "./kind";
import { SA_POLICY, parsePreSharedKey, preSharedKey, preSharedKeyLine, tunnelNumber } from "./ipsec";
import { type Found, type Line, findLines, line, routerToken, sourceOf } from "./lines";
import { DEFAULT_MODEL, factsOf, isRouterModel, routerModel, tunnelProblem } from "./models";
import { dnsName, ipv4, isIPv4 } from "./net";
import { readIpsecLine, readIpsecTransportLine, readTunnelLine, tunnelsWith } from "./tunnel";

const MAX_ID = 2147483647;
const id = z.number().int().min(1, `must be 1..${MAX_ID}`).max(MAX_ID, `must be 1..${MAX_ID}`);
const onOff = (on: boolean) => (on ? "on" : "off");
const range = (min: number, max: number) =>
  z.number().int().min(min, `must be ${min}..${max}`).max(max, `must be ${min}..${max}`);

/** The ID types of `ipsec ike local name` / `remote name` (CR §15.14, §15.17). */
const ID_TYPES = ["ipv4-addr", "fqdn", "user-fqdn", "rfc822-addr", "ipv6-addr", "key-id"] as const;
const ikeName = z.object({ name: routerToken(256), type: z.enum(ID_TYPES).optional() }).strict();

/** `ipsec ike keepalive use GW on|off|auto [METHOD [ADDRESS]] [INTERVAL COUNT [UPWAIT]]` (CR §15.20). */
const keepalive = z
  .object({
    use: z.enum(["on", "off", "auto"]),
    method: z.enum(["heartbeat", "dpd", "rfc4306", "icmp-echo"]).optional(),
    /** The address icmp-echo pings. */
    address: ipv4.optional(),
    interval: range(1, 600).optional(),
    count: range(1, 50).optional(),
    upwait: range(0, 1000000).optional(),
  })
  .strict();

const ipsec = z
  .object({
    /** `ipsec tunnel POLICY` and the policy's `ipsec sa policy POLICY GW ...` (CR §15.49.3, §15.48.2). */
    policy: id,
    /** The security gateway id keying the IKE lines; default the tunnel number. */
    gateway: tunnelNumber.optional(),
    saPolicy: z
      .string()
      .regex(
        SA_POLICY,
        "must be esp [3des-cbc|des-cbc|aes-cbc|aes256-cbc] [md5-hmac|sha-hmac|sha256-hmac|...]",
      )
      .default("esp aes-cbc sha-hmac"),
    preSharedKey,
    localAddress: ipv4.optional(),
    localName: ikeName.optional(),
    /** `any`, an IPv4 address or a host name (CR §15.15). */
    remoteAddress: z
      .string()
      .refine(
        (s) => s === "any" || isIPv4(s) || (!/^[\d.]+$/.test(s) && dnsName.test(s)),
        "must be any, an IPv4 address or a host name",
      )
      .optional(),
    remoteName: ikeName.optional(),
    keepalive: keepalive.optional(),
    /** `ipsec ike keepalive log GW on|off` (CR §15.21). */
    keepaliveLog: z.boolean().optional(),
    /** `ipsec ike nat-traversal GW on|off` (CR §15.48.5). */
    natTraversal: z.boolean().optional(),
    /** `ipsec ike log GW TYPE...` (CR §15.42). */
    log: z
      .array(z.enum(["key-info", "message-info", "payload-info"]))
      .min(1, "must list at least one type")
      .optional(),
    /**
     * `ipsec transport ID POLICY [PROTOCOL [PORT]]` (global, CR §15.50.1): the same SA policy in transport mode, as
     * L2TPv3 over IPsec uses it (`ipsec transport 1 101 udp 1701` in the RTX830 dump). The id defaults to the
     * tunnel number.
     */
    transport: z
      .object({
        id: id.optional(),
        protocol: z.enum(["udp", "tcp"]).optional(),
        port: range(1, 65535).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The L2TPv3 lines of the block (CR §16.2..§16.11). */
const l2tp = z
  .object({
    alwaysOn: z.boolean().optional(),
    hostname: routerToken(32).optional(),
    /** `l2tp tunnel auth on [PASSWORD]` / `off`; without a password the router uses its model name. */
    tunnelAuth: z
      .object({ use: z.boolean(), password: routerToken(32, { secret: true }).optional() })
      .strict()
      .optional(),
    disconnectTime: z.union([z.literal("off"), range(1, 21474836)]).optional(),
    keepalive: z
      .object({ use: z.boolean(), interval: range(1, 600).optional(), count: range(1, 50).optional() })
      .strict()
      .optional(),
    keepaliveLog: z.boolean().optional(),
    syslog: z.boolean().optional(),
    localRouterId: ipv4.optional(),
    remoteRouterId: ipv4.optional(),
    remoteEndId: routerToken(32).optional(),
  })
  .strict();

/** Encapsulations this resource models; a tunnel of another (L2TP for pp anonymous, MAP-E) is not its to read. */
const ENCAPSULATIONS = ["ipsec", "ipip", "l2tpv3"] as const;

const shape = z
  .object({
    /** The router model, for its tunnel numbers. */
    model: routerModel.default(DEFAULT_MODEL),
    tunnel: tunnelNumber,
    /** `tunnel encapsulation`; absent: no line (the router's default, IPsec). */
    encapsulation: z.enum(ENCAPSULATIONS).optional(),
    /** `tunnel endpoint address [LOCAL] REMOTE` for ipip and L2TPv3 (CR §14.9). */
    endpoint: z.object({ local: ipv4.optional(), remote: ipv4 }).strict().optional(),
    ipsec: ipsec.optional(),
    l2tp: l2tp.optional(),
    /** `ip tunnel mtu` 64..1500 (CR §8.1.4). */
    mtu: range(64, 1500).optional(),
    /** `ip tunnel tcp mss limit auto|off|1..1460`. */
    tcpMssLimit: z.union([z.enum(["auto", "off"]), range(1, 1460)]).optional(),
    /** `tunnel enable N` (default true); false writes no enable line. */
    enabled: z.boolean().default(true),
  })
  .strict();

export type IpsecSiteTunnelModel = z.output<typeof shape>;

const contextOf = (tunnel: number): Context => ({ kind: "tunnel", tunnel });

const nameArgs = (n: z.output<typeof ikeName>) => (n.type ? `${n.name} ${n.type}` : n.name);

function keepaliveArgs(k: z.output<typeof keepalive>): string {
  return [k.use, k.method, k.address, k.interval, k.count, k.upwait].filter((p) => p !== undefined).join(" ");
}

function ipsecLines(m: IpsecSiteTunnelModel, at: (text: string, masked?: string) => Line): Line[] {
  const s = m.ipsec;
  if (!s) return [];
  const gw = s.gateway ?? m.tunnel;
  const ike = (words: string, args: string | undefined) =>
    args === undefined ? [] : [at(`ipsec ike ${words} ${gw} ${args}`)];
  const psk = preSharedKeyLine(gw, s.preSharedKey);
  return [
    at(`ipsec tunnel ${s.policy}`),
    at(`ipsec sa policy ${s.policy} ${gw} ${s.saPolicy}`),
    ...ike("keepalive log", s.keepaliveLog === undefined ? undefined : onOff(s.keepaliveLog)),
    ...ike("keepalive use", s.keepalive && keepaliveArgs(s.keepalive)),
    ...ike("local address", s.localAddress),
    ...ike("local name", s.localName && nameArgs(s.localName)),
    ...ike("nat-traversal", s.natTraversal === undefined ? undefined : onOff(s.natTraversal)),
    at(psk.text, psk.masked),
    ...ike("remote address", s.remoteAddress),
    ...ike("remote name", s.remoteName && nameArgs(s.remoteName)),
    ...ike("log", s.log?.join(" ")),
  ];
}

function l2tpLines(m: IpsecSiteTunnelModel, at: (text: string, masked?: string) => Line): Line[] {
  const l = m.l2tp;
  if (!l) return [];
  const set = (words: string, args: string | number | undefined) =>
    args === undefined ? [] : [at(`l2tp ${words} ${args}`)];
  const bool = (b: boolean | undefined) => (b === undefined ? undefined : onOff(b));
  const auth = l.tunnelAuth;
  const keep = l.keepalive;
  return [
    ...set("always-on", bool(l.alwaysOn)),
    ...set("hostname", l.hostname),
    ...(auth
      ? [
          auth.password === undefined
            ? at(`l2tp tunnel auth ${onOff(auth.use)}`)
            : at(
                `l2tp tunnel auth ${onOff(auth.use)} ${auth.password}`,
                `l2tp tunnel auth ${onOff(auth.use)} ${MASK}`,
              ),
        ]
      : []),
    ...set("tunnel disconnect time", l.disconnectTime),
    ...set(
      "keepalive use",
      keep && [onOff(keep.use), keep.interval, keep.count].filter((p) => p !== undefined).join(" "),
    ),
    ...set("keepalive log", bool(l.keepaliveLog)),
    ...set("syslog", bool(l.syslog)),
    ...set("local router-id", l.localRouterId),
    ...set("remote router-id", l.remoteRouterId),
    ...set("remote end-id", l.remoteEndId),
  ];
}

function lines(m: IpsecSiteTunnelModel): Line[] {
  const at = (text: string, masked?: string) => line(contextOf(m.tunnel), text, masked);
  const e = m.endpoint;
  return [
    ...(m.encapsulation ? [at(`tunnel encapsulation ${m.encapsulation}`)] : []),
    ...(e ? [at(`tunnel endpoint address ${e.local ? `${e.local} ` : ""}${e.remote}`)] : []),
    ...ipsecLines(m, at),
    ...l2tpLines(m, at),
    ...(m.mtu === undefined ? [] : [at(`ip tunnel mtu ${m.mtu}`)]),
    ...(m.tcpMssLimit === undefined ? [] : [at(`ip tunnel tcp mss limit ${m.tcpMssLimit}`)]),
    ...(m.enabled ? [at(`tunnel enable ${m.tunnel}`)] : []),
    ...transportLines(m),
  ];
}

function transportLines(m: IpsecSiteTunnelModel): Line[] {
  const t = m.ipsec?.transport;
  if (!m.ipsec || !t) return [];
  const words = [`ipsec transport ${t.id ?? m.tunnel} ${m.ipsec.policy}`, t.protocol, t.port];
  return [line(GLOBAL, words.filter((w) => w !== undefined).join(" "))];
}

const tunnelOf = (identity: string) => Number(identity.replace(/^tunnel /, ""));

const IKE_WORDS = [
  "keepalive log",
  "keepalive use",
  "local address",
  "local name",
  "nat-traversal",
  "pre-shared-key",
  "remote address",
  "remote name",
  "log",
];

const L2TP_WORDS = [
  "always-on",
  "hostname",
  "tunnel auth",
  "tunnel disconnect time",
  "keepalive use",
  "keepalive log",
  "syslog",
  "local router-id",
  "remote router-id",
  "remote end-id",
];

function owned(config: ConfigIndex, identity: string): Line[] {
  const t = tunnelOf(identity);
  const c = contextOf(t);
  const find = (prefix: string) => findLines(config, prefix, c);
  const ipsecTunnel = find("ipsec tunnel")[0];
  const read = ipsecTunnel && readTunnelLine(sourceOf(ipsecTunnel));
  const policy = read?.item === "ipsec tunnel" ? read.policy : undefined;
  const sa = policy === undefined ? [] : find(`ipsec sa policy ${policy}`);
  // The IKE lines are keyed by the gateway the SA policy names (usually the tunnel number).
  const saRead = sa[0] && readIpsecLine(sourceOf(sa[0]));
  const gw = saRead?.gateway ?? String(t);
  return [
    ...find("tunnel encapsulation"),
    ...find("tunnel endpoint address"),
    ...find("ipsec tunnel"),
    ...sa,
    ...IKE_WORDS.flatMap((w) => find(`ipsec ike ${w} ${gw}`)),
    ...L2TP_WORDS.flatMap((w) => find(`l2tp ${w}`)),
    ...find("ip tunnel mtu"),
    ...find("ip tunnel tcp mss limit"),
    ...find(`tunnel enable ${t}`),
    // The transports of this tunnel's SA policy.
    ...findLines(config, "ipsec transport").filter((l) => {
      const r = readIpsecTransportLine(sourceOf(l));
      return policy !== undefined && r?.item === "transport" && r.policy === policy;
    }),
  ];
}

const bool = (word: string | undefined, what: string) => {
  if (word === "on" || word === "off") return word === "on";
  throw new ReadError(what, `only on|off is modelled, not "${word}"`);
};
const numberOr = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : s);

function parseName(args: string[]): unknown {
  return args[1] === undefined ? { name: args[0] } : { name: args[0], type: args[1] };
}

function parseKeepalive(args: string[], text: string): unknown {
  const [use, ...rest] = args;
  const k: Record<string, unknown> = { use };
  if (["heartbeat", "dpd", "rfc4306", "icmp-echo"].includes(rest[0])) k.method = rest.shift();
  if (k.method === "icmp-echo") k.address = rest.shift();
  const numbers = ["interval", "count", "upwait"];
  for (const [i, v] of rest.entries()) {
    if (!/^\d+$/.test(v) || i >= numbers.length)
      throw new ReadError(text, `the keepalive option "${v}" is not modelled`);
    k[numbers[i]] = Number(v);
  }
  return k;
}

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  const tunnelLines = owned.flatMap((l) => readTunnelLine(sourceOf(l)) ?? []);
  const encapsulation = tunnelLines.find((r) => r.item === "encapsulation")?.encapsulation;
  if (owned.length === 0 || (encapsulation && !(ENCAPSULATIONS as readonly string[]).includes(encapsulation)))
    return undefined;
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    tunnel: tunnelOf(identity),
    enabled: false,
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  const ipsecModel: Record<string, unknown> = {};
  const l2tpModel: Record<string, unknown> = {};
  for (const l of owned) {
    const t = l.text.split(" ");
    const after = (n: number) => t.slice(n);
    if (l.key === "tunnel encapsulation") model.encapsulation = encapsulation;
    else if (l.key === "tunnel endpoint address")
      model.endpoint = t.length === 5 ? { local: t[3], remote: t[4] } : { remote: t[3] };
    else if (l.key === "ipsec tunnel") {
      const read = readTunnelLine(sourceOf(l));
      ipsecModel.policy = read?.item === "ipsec tunnel" && read.policy !== undefined ? read.policy : t[2];
    } else if (l.key.startsWith("ipsec sa policy")) {
      const read = readIpsecLine(sourceOf(l));
      ipsecModel.gateway = Number(read?.gateway);
      ipsecModel.saPolicy = read?.args.join(" ");
    } else if (l.key.startsWith("ipsec ike ")) {
      const read = readIpsecLine(sourceOf(l));
      const words = read?.item === "ike" ? read.setting : "";
      const args = read?.args ?? [];
      const what = `ipsec ike ${words}`;
      if (words === "keepalive log") ipsecModel.keepaliveLog = bool(args[0], what);
      else if (words === "keepalive use") ipsecModel.keepalive = parseKeepalive(args, l.text);
      else if (words === "local address") ipsecModel.localAddress = args.join(" ");
      else if (words === "local name") ipsecModel.localName = parseName(args);
      else if (words === "nat-traversal") {
        if (args.length > 1) throw new ReadError(l.text, "nat-traversal options are not modelled");
        ipsecModel.natTraversal = bool(args[0], what);
      } else if (words === "pre-shared-key") ipsecModel.preSharedKey = parsePreSharedKey(args);
      else if (words === "remote address") ipsecModel.remoteAddress = args.join(" ");
      else if (words === "remote name") ipsecModel.remoteName = parseName(args);
      else ipsecModel.log = args;
    } else if (l.key.startsWith("l2tp ")) {
      const words = L2TP_WORDS.find((w) => l.key === `l2tp ${w}`)!;
      const args = after(1 + words.split(" ").length);
      const what = `l2tp ${words}`;
      if (words === "always-on") l2tpModel.alwaysOn = bool(args[0], what);
      else if (words === "hostname") l2tpModel.hostname = args[0];
      else if (words === "tunnel auth")
        // Never the line in an error: it holds the password.
        l2tpModel.tunnelAuth =
          args[1] === undefined
            ? { use: bool(args[0], what) }
            : { use: bool(args[0], what), password: args[1] };
      else if (words === "tunnel disconnect time") l2tpModel.disconnectTime = numberOr(args[0]);
      else if (words === "keepalive use") {
        const [use, interval, count] = args;
        l2tpModel.keepalive = {
          use: bool(use, what),
          ...(interval === undefined ? {} : { interval: Number(interval) }),
          ...(count === undefined ? {} : { count: Number(count) }),
        };
      } else if (words === "keepalive log") l2tpModel.keepaliveLog = bool(args[0], what);
      else if (words === "syslog") l2tpModel.syslog = bool(args[0], what);
      else if (words === "local router-id") l2tpModel.localRouterId = args[0];
      else if (words === "remote router-id") l2tpModel.remoteRouterId = args[0];
      else l2tpModel.remoteEndId = args[0];
    } else if (l.key === "ip tunnel mtu") model.mtu = Number(t[3]);
    else if (l.key === "ip tunnel tcp mss limit") model.tcpMssLimit = numberOr(t[5]);
    else if (l.key.startsWith("tunnel enable")) model.enabled = true;
    else {
      const r = readIpsecTransportLine(sourceOf(l));
      if (r?.item !== "transport" || (r.port !== undefined && !/^\d+$/.test(r.port)))
        throw new ReadError(l.text, "only ipsec transport ID POLICY [udp|tcp [PORT]] is modelled");
      ipsecModel.transport = {
        id: r.id,
        ...(r.protocol === undefined ? {} : { protocol: r.protocol }),
        ...(r.port === undefined ? {} : { port: Number(r.port) }),
      };
    }
  }
  if (Object.keys(ipsecModel).length > 0) model.ipsec = ipsecModel;
  if (Object.keys(l2tpModel).length > 0) model.l2tp = l2tpModel;
  return model;
}

export const IpsecSiteTunnel = defineKind<IpsecSiteTunnelModel, z.input<typeof shape>>({
  kind: "IpsecSiteTunnel",
  shape,
  rules(m, fail) {
    const facts = factsOf(m.model);
    const tunnel = tunnelProblem(m.model, m.tunnel);
    if (tunnel) fail(["tunnel"], tunnel);
    const gw = m.ipsec?.gateway;
    if (gw !== undefined && gw > facts.tunnels)
      fail(["ipsec", "gateway"], `gateway ${gw} is past the ${m.model}'s 1..${facts.tunnels}`);
    if (m.l2tp && m.encapsulation !== "l2tpv3") fail(["l2tp"], "needs encapsulation: l2tpv3");
    if ((m.encapsulation === "ipip" || m.encapsulation === "l2tpv3") && !m.endpoint)
      fail(["endpoint"], `${m.encapsulation} needs the tunnel's endpoint addresses (CR §14.9)`);
    if (m.encapsulation !== "ipip" && m.encapsulation !== "l2tpv3" && m.endpoint)
      fail(["endpoint"], "an IPsec tunnel's endpoints are ipsec.localAddress / remoteAddress (CR §14.9)");
    if ((m.encapsulation ?? "ipsec") === "ipsec" && !m.ipsec)
      fail(["ipsec"], "an IPsec tunnel needs its ipsec settings");
    const k = m.ipsec?.keepalive;
    if (k) {
      if ((k.method === "icmp-echo") !== (k.address !== undefined))
        fail(["ipsec", "keepalive", "address"], "icmp-echo and only icmp-echo takes the address to ping");
      if (k.count !== undefined && k.interval === undefined)
        fail(["ipsec", "keepalive", "count"], "needs an interval before it");
      if (k.upwait !== undefined && k.count === undefined)
        fail(["ipsec", "keepalive", "upwait"], "needs an interval and count before it");
    }
    const tr = m.ipsec?.transport;
    if (tr?.port !== undefined && tr.protocol === undefined)
      fail(["ipsec", "transport", "port"], "needs a protocol before it");
    const lk = m.l2tp?.keepalive;
    if (lk?.count !== undefined && lk.interval === undefined)
      fail(["l2tp", "keepalive", "count"], "needs an interval before it");
  },
  // The gateway and the transport id are the tunnel number unless given: written out, so read (which sees them)
  // agrees with the inputs.
  normalise: (m) => {
    if (!m.ipsec) return m;
    const { transport } = m.ipsec;
    return {
      ...m,
      ipsec: {
        ...m.ipsec,
        gateway: m.ipsec.gateway ?? m.tunnel,
        ...(transport ? { transport: { ...transport, id: transport.id ?? m.tunnel } } : {}),
      },
    };
  },
  identity: (m) => `tunnel ${m.tunnel}`,
  stage: "define",
  replaceOnChange: ["tunnel"],
  secretProperties: ["ipsec.preSharedKey", "l2tp.tunnelAuth.password"],
  lines,
  owned,
  parse,
});

/** The site tunnels of a config (IpsecSiteTunnel's objects); L2TP tunnels belong to L2tpAnonymousPool. */
export const ipsecSiteTunnelIdentities = (config: ConfigIndex): Found =>
  tunnelsWith(config, ["ipsec", "ipip", "l2tpv3"]);
