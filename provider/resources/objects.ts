/**
 * Which typed objects a config holds, and which of its lines they express: the one answer `nvr import` (typed
 * resources first, ConfigLines for the rest) and ConfigLines (it refuses a line a typed resource expresses) share.
 *
 * A line is expressed when an object of a typed kind reads from the config without error, passes its kind's
 * checks, and its commands reproduce the line: then a program holding that model plans to nothing for it.
 */
import type { ConfigIndex } from "../config/index";
import { contextName } from "../config/index";
import type { Context } from "../config/model";
import { ReadError } from "../errors";
import type { ResourceKind } from "./contract";
import { DhcpScope, readDhcpScopeLine } from "./dhcp-scope";
import { Dns } from "./dns";
import { GLOBAL_SWITCHES, GlobalSwitch } from "./global-switch";
import { IpFilter, isIpFilterLine } from "./ip-filter";
import { IpFilterDynamic, isIpFilterDynamicLine } from "./ip-filter-dynamic";
import { IpsecSiteTunnel } from "./ipsec-site-tunnel";
import { Ipv6Filter, isIpv6FilterLine } from "./ipv6-filter";
import { Ipv6FilterDynamic, isIpv6FilterDynamicLine } from "./ipv6-filter-dynamic";
import { Ipv6Interface } from "./ipv6-interface";
import { Ipv6Prefix, readIpv6PrefixLine } from "./ipv6-prefix";
import { L2tpAnonymousPool } from "./l2tp-anonymous-pool";
import { LanInterface, readInterfaceLine } from "./lan-interface";
import { MapeTunnel } from "./mape-tunnel";
import { type SourceLine, keyOf } from "./lines";
import { NatDescriptor, readNatDescriptorLine } from "./nat-descriptor";
import { PppoeInterface } from "./pppoe-interface";
import { Schedule, readScheduleLine } from "./schedule";
import { Ipv6SecureFilter } from "./ipv6-secure-filter";
import { SecureFilter } from "./secure-filter";
import { ServiceHosts } from "./service-hosts";
import { StaticRoute } from "./static-route";
import { Syslog } from "./syslog";
import { readTunnelLine } from "./tunnel";

// The table holds kinds of different model types; objects are handled opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

type Tokens = readonly string[];

const unique = (list: string[]) => [...new Set(list)];

/** The top-level lines' tokens. */
const globalTokens = (config: ConfigIndex): Tokens[] =>
  config.tree.items.flatMap((i) => (i.type === "line" ? [i.line.tokens] : []));

/**
 * What a family's reader makes of each line. A line it refuses (ReadError) names no object: finding identities
 * must not fail an import, and the line stays for ConfigLines.
 */
function readEach<T>(lines: readonly SourceLine[], reader: (l: SourceLine) => T | undefined): T[] {
  return lines.flatMap((l) => {
    try {
      const read = reader(l);
      return read === undefined ? [] : [read];
    } catch (e) {
      if (e instanceof ReadError) return [];
      throw e;
    }
  });
}

/** The top-level lines as each family's reader reads them. */
const readGlobal = <T>(config: ConfigIndex, reader: (l: SourceLine) => T | undefined): T[] =>
  readEach(
    config.tree.items.flatMap((i) => (i.type === "line" ? [i.line] : [])),
    reader,
  );

/** Blocks of a kind holding a line that starts with `words`. */
const blocksWith = (config: ConfigIndex, kind: "pp" | "tunnel", words: string) =>
  config.blocks(kind).filter((b) => b.lines.some((l) => l.tokens.join(" ").startsWith(`${words} `)));

/** A tunnel block's encapsulation; a block without the line is IPsec, the router's default. */
const encapsulationOf = (lines: readonly SourceLine[]) =>
  readEach(lines, readTunnelLine).find((l) => l.item === "encapsulation")?.encapsulation ?? "ipsec";

/** The interfaces with an `ip`/`ipv6 ... secure filter in|out` list, as SecureFilter names them ("secure filter pp 1"). */
function secureFilterLists(c: ConfigIndex, family: "ip" | "ipv6"): string[] {
  return [
    ...globalTokens(c)
      .filter(
        (t) => t[0] === family && t[2] === "secure" && t[3] === "filter" && /^(in|out)$/.test(t[4] ?? ""),
      )
      .map((t) => `secure filter ${t[1]}`),
    ...(["pp", "tunnel"] as const).flatMap((kind) =>
      blocksWith(c, kind, `${family} ${kind} secure filter`).map((b) => `secure filter ${kind} ${b.id}`),
    ),
  ];
}

/**
 * Every typed kind with how to find its objects' identities in a config, in the order `nvr import` emits them.
 * A new typed kind is added here too (a test checks the table against the registry). StaticRoutes is not here: a
 * table of routes is a grouping the program chooses, each of its lines a StaticRoute's.
 */
export const TYPED_KINDS: readonly { kind: AnyKind; find: (config: ConfigIndex) => string[] }[] = [
  {
    kind: NatDescriptor,
    find: (c) =>
      readGlobal(c, readNatDescriptorLine)
        .filter((l) => l.item === "type")
        .map((l) => `nat descriptor ${l.id}`),
  },
  {
    kind: LanInterface,
    // `ip lanN ...`, or `switch control use lanN ...` (L2MS) on a LAN with no ip line; not its ports or VLANs.
    find: (c) =>
      [
        ...readGlobal(c, readInterfaceLine).map((l) => l.interface),
        ...globalTokens(c)
          .filter((t) => t[0] === "switch" && t[1] === "control" && t[2] === "use")
          .map((t) => t[3]),
      ].filter((name) => /^lan\d+$/.test(name ?? "")),
  },
  {
    kind: StaticRoute,
    // The router may print a host route without /32; the identity is always the network's normal form.
    find: (c) =>
      globalTokens(c)
        .filter((t) => t[0] === "ip" && t[1] === "route" && t[2] !== undefined)
        .map((t) => `ip route ${t[2].includes("/") || t[2] === "default" ? t[2] : `${t[2]}/32`}`),
  },
  {
    kind: DhcpScope,
    find: (c) =>
      readGlobal(c, readDhcpScopeLine)
        .filter((l) => l.item === "scope")
        .map((l) => `dhcp scope ${l.id}`),
  },
  { kind: L2tpAnonymousPool, find: (c) => (c.block("pp", "anonymous") ? ["pp anonymous"] : []) },
  {
    kind: PppoeInterface,
    find: (c) => blocksWith(c, "pp", "pppoe use").map((b) => `pp ${b.id}`),
  },
  {
    kind: IpsecSiteTunnel,
    // L2TP tunnels belong to L2tpAnonymousPool.
    find: (c) =>
      c
        .blocks("tunnel")
        .filter((b) => ["ipsec", "ipip", "l2tpv3"].includes(encapsulationOf(b.lines)))
        .map((b) => `tunnel ${b.id}`),
  },
  {
    kind: MapeTunnel,
    find: (c) =>
      c
        .blocks("tunnel")
        .filter((b) => encapsulationOf(b.lines) === "map-e")
        .map((b) => `tunnel ${b.id}`),
  },
  { kind: Dns, find: (c) => (c.find(["dns"]).length > 0 ? ["dns"] : []) },
  {
    kind: Schedule,
    find: (c) => readGlobal(c, readScheduleLine).map((l) => `schedule at ${l.id}`),
  },
  { kind: Syslog, find: (c) => (c.find(["syslog"]).length > 0 ? ["syslog"] : []) },
  {
    kind: ServiceHosts,
    find: (c) =>
      ["sshd", "telnetd", "httpd", "sftpd"].some((s) => c.find([s]).length > 0) ? ["service hosts"] : [],
  },
  {
    kind: Ipv6Prefix,
    find: (c) => readGlobal(c, readIpv6PrefixLine).map((l) => `ipv6 prefix ${l.id}`),
  },
  {
    kind: Ipv6Interface,
    find: (c) =>
      globalTokens(c)
        .filter(
          (t) =>
            t[0] === "ipv6" && /^lan\d+$/.test(t[1] ?? "") && ["address", "rtadv", "dhcp"].includes(t[2]),
        )
        .map((t) => `ipv6 ${t[1]}`),
  },
  {
    kind: GlobalSwitch,
    find: (c) =>
      Object.keys(GLOBAL_SWITCHES).filter((s) => c.find(s.split(" ")).some((l) => keyOf(l.tokens) === s)),
  },
  {
    kind: IpFilter,
    find: (c) =>
      globalTokens(c)
        .filter(isIpFilterLine)
        .map((t) => `ip filter ${t[2]}`),
  },
  {
    kind: IpFilterDynamic,
    find: (c) =>
      globalTokens(c)
        .filter(isIpFilterDynamicLine)
        .map((t) => `ip filter dynamic ${t[3]}`),
  },
  { kind: SecureFilter, find: (c) => secureFilterLists(c, "ip") },
  {
    kind: Ipv6Filter,
    find: (c) =>
      globalTokens(c)
        .filter(isIpv6FilterLine)
        .map((t) => `ipv6 filter ${t[2]}`),
  },
  {
    kind: Ipv6FilterDynamic,
    find: (c) =>
      globalTokens(c)
        .filter(isIpv6FilterDynamicLine)
        .map((t) => `ipv6 filter dynamic ${t[3]}`),
  },
  { kind: Ipv6SecureFilter, find: (c) => secureFilterLists(c, "ipv6").map((id) => `ipv6 ${id}`) },
];

/** A line's place: its context and its text with spaces normalised. */
export const lineKey = (context: Context, text: string) =>
  `${contextName(context)}\u0000${text.trim().split(/\s+/).join(" ")}`;

export interface TypedObject {
  kind: AnyKind;
  identity: string;
  model: Record<string, unknown>;
}

export interface Expressed {
  /** The typed objects that read and check, in TYPED_KINDS order then config order. */
  objects: TypedObject[];
  /** `lineKey`s of the lines their commands reproduce. */
  lines: Set<string>;
  /** Objects of a typed kind that do not read or check (their lines stay unexpressed), with the reason. */
  unreadable: { kind: string; identity: string; reason: string }[];
}

/**
 * An index is a snapshot of one config (never changed once built), so what it expresses is worked out once: every
 * ConfigLines of a batch plans against the same index, and reading every typed object of a big router each time
 * (10,000 routes) would repeat the same work.
 */
const expressedCache = new WeakMap<ConfigIndex, Expressed>();

/** The typed objects of a config and the lines they express. */
export function expressedBy(config: ConfigIndex): Expressed {
  const cached = expressedCache.get(config);
  if (cached) return cached;
  const out: Expressed = { objects: [], lines: new Set(), unreadable: [] };
  for (const { kind, find } of TYPED_KINDS)
    for (const identity of unique(find(config))) {
      let model: unknown;
      try {
        model = kind.read(config, identity);
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        out.unreadable.push({ kind: kind.kind, identity, reason: e.message });
        continue;
      }
      if (model === undefined) continue;
      // The router may hold what the resource refuses (the seed's option 121 gateway outside its scope).
      const checked = kind.schema.safeParse(model);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        out.unreadable.push({
          kind: kind.kind,
          identity,
          reason: `${issue.path.join(".")}: ${issue.message}`,
        });
        continue;
      }
      const commands = kind.commands(checked.data, { mask: false });
      // An interface with only lines no kind models (`ip lan1 mtu`) reads as an empty model: nothing to express.
      if (commands.length === 0) continue;
      for (const c of commands) out.lines.add(lineKey(c.context, c.command));
      out.objects.push({ kind, identity, model: checked.data as Record<string, unknown> });
    }
  expressedCache.set(config, out);
  return out;
}
