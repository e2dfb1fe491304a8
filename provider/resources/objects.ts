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
import { DhcpScope, dhcpScopeIdentities } from "./dhcp-scope";
import { Dns, dnsIdentities } from "./dns";
import { GlobalSwitch, globalSwitchIdentities } from "./global-switch";
import { IpFilter, ipFilterIdentities } from "./ip-filter";
import { IpFilterDynamic, ipFilterDynamicIdentities } from "./ip-filter-dynamic";
import { IpsecSiteTunnel, ipsecSiteTunnelIdentities } from "./ipsec-site-tunnel";
import { Ipv6Filter, ipv6FilterIdentities } from "./ipv6-filter";
import { Ipv6FilterDynamic, ipv6FilterDynamicIdentities } from "./ipv6-filter-dynamic";
import { Ipv6Interface, ipv6InterfaceIdentities } from "./ipv6-interface";
import { Ipv6Prefix, ipv6PrefixIdentities } from "./ipv6-prefix";
import { Ipv6SecureFilter } from "./ipv6-secure-filter";
import { L2tpAnonymousPool, poolIdentities } from "./l2tp-anonymous-pool";
import { LanInterface, lanIdentities } from "./lan-interface";
import type { Found } from "./lines";
import { MapeTunnel, mapeTunnelIdentities } from "./mape-tunnel";
import { NatDescriptor, natDescriptorIdentities } from "./nat-descriptor";
import { PppoeInterface, pppoeIdentities } from "./pppoe-interface";
import { Schedule, scheduleIdentities } from "./schedule";
import { SecureFilter, secureFilterIdentities } from "./secure-filter";
import { ServiceHosts, serviceHostsIdentities } from "./service-hosts";
import { StaticRoute, routeIdentities } from "./static-route";
import { Syslog, syslogIdentities } from "./syslog";

// The table holds kinds of different model types; objects are handled opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

const unique = (list: string[]) => [...new Set(list)];

/**
 * Every typed kind with the finder of its objects in a config, in the order `nvr import` emits them. Each finder
 * lives in its kind's file and reads through the family's one reader. A new typed kind is added here too (a test
 * checks the table against the registry). StaticRoutes is not here: a table of routes is a grouping the program
 * chooses, each of its lines a StaticRoute's.
 */
export const TYPED_KINDS: readonly { kind: AnyKind; find: (config: ConfigIndex) => Found }[] = [
  { kind: NatDescriptor, find: natDescriptorIdentities },
  { kind: LanInterface, find: lanIdentities },
  { kind: StaticRoute, find: routeIdentities },
  { kind: DhcpScope, find: dhcpScopeIdentities },
  { kind: L2tpAnonymousPool, find: poolIdentities },
  { kind: PppoeInterface, find: pppoeIdentities },
  { kind: IpsecSiteTunnel, find: ipsecSiteTunnelIdentities },
  { kind: MapeTunnel, find: mapeTunnelIdentities },
  { kind: Dns, find: dnsIdentities },
  { kind: Schedule, find: scheduleIdentities },
  { kind: Syslog, find: syslogIdentities },
  { kind: ServiceHosts, find: serviceHostsIdentities },
  { kind: Ipv6Prefix, find: ipv6PrefixIdentities },
  { kind: Ipv6Interface, find: ipv6InterfaceIdentities },
  { kind: GlobalSwitch, find: globalSwitchIdentities },
  { kind: IpFilter, find: ipFilterIdentities },
  { kind: IpFilterDynamic, find: ipFilterDynamicIdentities },
  { kind: SecureFilter, find: (c) => secureFilterIdentities(c, "ip") },
  { kind: Ipv6Filter, find: ipv6FilterIdentities },
  { kind: Ipv6FilterDynamic, find: ipv6FilterDynamicIdentities },
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
