/**
 * Which typed objects a config holds, and which of its lines they express: the one answer `nvr import` (typed
 * resources first, ConfigLines for the rest) and ConfigLines (it refuses a line a typed resource expresses) share.
 *
 * A line is expressed when an object of a typed kind reads from the config without error, passes its kind's
 * checks, and its commands reproduce the line: then a program holding that model plans to nothing for it.
 */
import type { ConfigIndex } from "../config/index";
import { contextName } from "../config/index";
import type { ConfigLine, Context } from "../config/model";
import { ReadError } from "../errors";
import type { ResourceKind } from "./contract";
import { DhcpScope, readDhcpScopeLine } from "./dhcp-scope";
import { Dns } from "./dns";
import { GLOBAL_SWITCHES, GlobalSwitch } from "./global-switch";
import { IpFilter, readIpFilters } from "./ip-filter";
import { IpFilterDynamic, readIpFiltersDynamic } from "./ip-filter-dynamic";
import { IpsecSiteTunnel } from "./ipsec-site-tunnel";
import { Ipv6Filter, readIpv6Filters } from "./ipv6-filter";
import { Ipv6FilterDynamic, readIpv6FiltersDynamic } from "./ipv6-filter-dynamic";
import { Ipv6Interface, ipv6InterfaceIdentities } from "./ipv6-interface";
import { Ipv6Prefix, readIpv6PrefixLine } from "./ipv6-prefix";
import { L2tpAnonymousPool } from "./l2tp-anonymous-pool";
import { LanInterface, lanIdentities } from "./lan-interface";
import { MapeTunnel } from "./mape-tunnel";
import { type Found, type SourceLine, type Unreadable, globalLines, keyOf, readEach } from "./lines";
import { NatDescriptor, readNatDescriptorLine } from "./nat-descriptor";
import { PppoeInterface, pppoeIdentities } from "./pppoe-interface";
import { Schedule, readScheduleLine } from "./schedule";
import { Ipv6SecureFilter } from "./ipv6-secure-filter";
import { SecureFilter, secureFilterIdentities } from "./secure-filter";
import { ServiceHosts } from "./service-hosts";
import { StaticRoute, routeIdentities } from "./static-route";
import { Syslog } from "./syslog";
import { readTunnelLine } from "./tunnel";

// The table holds kinds of different model types; objects are handled opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

const unique = (list: string[]) => [...new Set(list)];

/** Identities a family's reader found, where the reader reports no lines of its own. */
const found = (identities: string[]): Found => ({ identities, refused: [] });

/**
 * The top-level lines a family's reader reads. A line it refuses (ReadError) names no object: finding identities
 * must not fail an import, and the line stays for ConfigLines (the object's read reports what it cannot read).
 */
const readGlobal = <T>(config: ConfigIndex, reader: (l: SourceLine) => T | undefined): T[] =>
  readEach(globalLines(config), reader).read;

/** A tunnel block's encapsulation; a block without the line is IPsec, the router's default. */
const encapsulationOf = (lines: readonly ConfigLine[]) =>
  readEach(lines, readTunnelLine).read.find((l) => l.item === "encapsulation")?.encapsulation ?? "ipsec";

const tunnelsWith = (c: ConfigIndex, encapsulations: readonly string[]) =>
  found(
    c
      .blocks("tunnel")
      .filter((b) => encapsulations.includes(encapsulationOf(b.lines)))
      .map((b) => `tunnel ${b.id}`),
  );

/** Objects one per id, from a family's reader of every line (the filters), with the lines it refuses. */
const byId =
  (read: (c: ConfigIndex) => { read: { id: number }[]; unreadable: Unreadable[] }, prefix: string) =>
  (c: ConfigIndex): Found => {
    const { read: lines, unreadable } = read(c);
    return { identities: lines.map((l) => `${prefix} ${l.id}`), refused: unreadable };
  };

/**
 * Every typed kind with how to find its objects in a config (each kind's finder reads through its family's reader,
 * most in the kind's own file), in the order `nvr import` emits them. A new typed kind is added here too (a test
 * checks the table against the registry). StaticRoutes is not here: a table of routes is a grouping the program
 * chooses, each of its lines a StaticRoute's.
 */
export const TYPED_KINDS: readonly { kind: AnyKind; find: (config: ConfigIndex) => Found }[] = [
  {
    kind: NatDescriptor,
    find: (c) =>
      found(
        readGlobal(c, readNatDescriptorLine)
          .filter((l) => l.item === "type")
          .map((l) => `nat descriptor ${l.id}`),
      ),
  },
  { kind: LanInterface, find: lanIdentities },
  { kind: StaticRoute, find: routeIdentities },
  {
    kind: DhcpScope,
    find: (c) =>
      found(
        readGlobal(c, readDhcpScopeLine)
          .filter((l) => l.item === "scope")
          .map((l) => `dhcp scope ${l.id}`),
      ),
  },
  { kind: L2tpAnonymousPool, find: (c) => found(c.block("pp", "anonymous") ? ["pp anonymous"] : []) },
  { kind: PppoeInterface, find: pppoeIdentities },
  // L2TP tunnels belong to L2tpAnonymousPool.
  { kind: IpsecSiteTunnel, find: (c) => tunnelsWith(c, ["ipsec", "ipip", "l2tpv3"]) },
  { kind: MapeTunnel, find: (c) => tunnelsWith(c, ["map-e"]) },
  { kind: Dns, find: (c) => found(c.find(["dns"]).length > 0 ? ["dns"] : []) },
  {
    kind: Schedule,
    find: (c) => found(readGlobal(c, readScheduleLine).map((l) => `schedule at ${l.id}`)),
  },
  { kind: Syslog, find: (c) => found(c.find(["syslog"]).length > 0 ? ["syslog"] : []) },
  {
    kind: ServiceHosts,
    find: (c) =>
      found(
        ["sshd", "telnetd", "httpd", "sftpd"].some((s) => c.find([s]).length > 0) ? ["service hosts"] : [],
      ),
  },
  {
    kind: Ipv6Prefix,
    find: (c) => found(readGlobal(c, readIpv6PrefixLine).map((l) => `ipv6 prefix ${l.id}`)),
  },
  { kind: Ipv6Interface, find: ipv6InterfaceIdentities },
  {
    kind: GlobalSwitch,
    find: (c) =>
      found(
        Object.keys(GLOBAL_SWITCHES).filter((s) => c.find(s.split(" ")).some((l) => keyOf(l.tokens) === s)),
      ),
  },
  { kind: IpFilter, find: byId(readIpFilters, "ip filter") },
  { kind: IpFilterDynamic, find: byId(readIpFiltersDynamic, "ip filter dynamic") },
  { kind: SecureFilter, find: (c) => secureFilterIdentities(c, "ip") },
  { kind: Ipv6Filter, find: byId(readIpv6Filters, "ipv6 filter") },
  { kind: Ipv6FilterDynamic, find: byId(readIpv6FiltersDynamic, "ipv6 filter dynamic") },
  { kind: Ipv6SecureFilter, find: (c) => secureFilterIdentities(c, "ipv6") },
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
  /**
   * Objects of a typed kind that do not read or check (their lines stay unexpressed), with the reason; and lines of
   * a typed kind's family its reader refuses, identity `line N`.
   */
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
  for (const { kind, find } of TYPED_KINDS) {
    const { identities, refused } = find(config);
    for (const identity of unique(identities)) {
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
    // A line of the kind's family its reader refuses names no object; it is reported by its line.
    for (const r of refused)
      out.unreadable.push({
        kind: kind.kind,
        identity: `line ${r.line}`,
        reason: `cannot read "${r.text}": ${r.reason}`,
      });
  }
  expressedCache.set(config, out);
  return out;
}
