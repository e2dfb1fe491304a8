/**
 * Compile-time proof that each SDK argument type (hand-written, to carry its TSDoc) says exactly what the
 * resource's zod shape accepts: the build fails when a property is added, removed, renamed or retyped on one side
 * only. Pulumi wrappers (`Input`, `Output`, promises) are unwrapped first, and the id alias (`descriptor`, `scope`)
 * is renamed back to the model's `id`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/resources/contract";
import type { ConfigLines } from "../provider/resources/config-lines";
import type { DhcpScope } from "../provider/resources/dhcp-scope";
import type { GlobalSwitch } from "../provider/resources/global-switch";
import type { IpFilter } from "../provider/resources/ip-filter";
import type { IpFilterDynamic } from "../provider/resources/ip-filter-dynamic";
import type { L2tpAnonymousPool } from "../provider/resources/l2tp-anonymous-pool";
import type { LanInterface } from "../provider/resources/lan-interface";
import type { NatDescriptor } from "../provider/resources/nat-descriptor";
import type { PppoeInterface } from "../provider/resources/pppoe-interface";
import type { IpsecSiteTunnel } from "../provider/resources/ipsec-site-tunnel";
import type { Dns } from "../provider/resources/dns";
import type { Schedule } from "../provider/resources/schedule";
import type { ServiceHosts } from "../provider/resources/service-hosts";
import type { Syslog } from "../provider/resources/syslog";
import type { Ipv6Interface } from "../provider/resources/ipv6-interface";
import type { Ipv6Prefix } from "../provider/resources/ipv6-prefix";
import type { MapeTunnel } from "../provider/resources/mape-tunnel";
import type { Ipv6Filter } from "../provider/resources/ipv6-filter";
import type { Ipv6FilterDynamic } from "../provider/resources/ipv6-filter-dynamic";
import type { Ipv6SecureFilter } from "../provider/resources/ipv6-secure-filter";
import type { SecureFilter } from "../provider/resources/secure-filter";
import type { StaticRoute } from "../provider/resources/static-route";
import type { StaticRoutes } from "../provider/resources/static-routes";
import type { ConfigLinesArgs } from "./config-lines";
import type { DhcpScopeArgs } from "./dhcp-scope";
import type { GlobalSwitchArgs } from "./global-switch";
import type { IpFilterArgs } from "./ip-filter";
import type { IpFilterDynamicArgs } from "./ip-filter-dynamic";
import type { L2tpAnonymousPoolArgs } from "./l2tp-anonymous-pool";
import type { LanInterfaceArgs } from "./lan-interface";
import type { NatDescriptorArgs } from "./nat-descriptor";
import type { PppoeInterfaceArgs } from "./pppoe-interface";
import type { IpsecSiteTunnelArgs } from "./ipsec-site-tunnel";
import type { DnsArgs } from "./dns";
import type { ScheduleArgs } from "./schedule";
import type { ServiceHostsArgs } from "./service-hosts";
import type { SyslogArgs } from "./syslog";
import type { Ipv6InterfaceArgs } from "./ipv6-interface";
import type { Ipv6PrefixArgs } from "./ipv6-prefix";
import type { MapeTunnelArgs } from "./mape-tunnel";
import type { CommonArgs } from "./resource";
import type { Ipv6FilterArgs } from "./ipv6-filter";
import type { Ipv6FilterDynamicArgs } from "./ipv6-filter-dynamic";
import type { Ipv6SecureFilterArgs } from "./ipv6-secure-filter";
import type { SecureFilterArgs } from "./secure-filter";
import type { StaticRouteArgs } from "./static-route";
import type { StaticRoutesArgs } from "./static-routes";

/** A type with every Pulumi wrapper taken off, at any depth. */
export type Plain<T> =
  T extends pulumi.OutputInstance<infer U>
    ? Plain<U>
    : T extends Promise<infer U>
      ? Plain<U>
      : T extends readonly (infer E)[]
        ? Plain<E>[]
        : T extends object
          ? { [K in keyof T]: Plain<T[K]> }
          : T;

/** Inputs every resource may take besides its model (COMMON_PROPERTIES): the connection and the flags. */
type Flags = keyof CommonArgs | "restartToApply";

/** The model's fields as the SDK spells them: without the common inputs, the id alias renamed to `id`. */
type ModelArgs<Args, Alias extends keyof Args | never = never> = [Alias] extends [never]
  ? Plain<Omit<Args, Flags>>
  : Plain<Omit<Args, Flags | Alias> & { id: Args[Alias] }>;

type ShapeInput<Kind> = Kind extends ResourceKind<unknown, infer Input> ? Input : never;

/**
 * Holds (as `true`) only when A and B are the same type: the same properties, each as optional and of the same
 * type (mutual assignability alone would let an optional property exist on one side only).
 */
export type Same<A, B> =
  (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2
    ? true
    : { sdk: A; shape: B };

/** Every entry must be `true`; a mismatch shows both sides in the compiler's error. */
export type SdkInputsMatchShapes = {
  LanInterface: Same<ModelArgs<LanInterfaceArgs>, ShapeInput<typeof LanInterface>>;
  NatDescriptor: Same<ModelArgs<NatDescriptorArgs, "descriptor">, ShapeInput<typeof NatDescriptor>>;
  L2tpAnonymousPool: Same<ModelArgs<L2tpAnonymousPoolArgs>, ShapeInput<typeof L2tpAnonymousPool>>;
  DhcpScope: Same<ModelArgs<DhcpScopeArgs, "scope">, ShapeInput<typeof DhcpScope>>;
  StaticRoute: Same<ModelArgs<StaticRouteArgs>, ShapeInput<typeof StaticRoute>>;
  StaticRoutes: Same<ModelArgs<StaticRoutesArgs>, ShapeInput<typeof StaticRoutes>>;
  GlobalSwitch: Same<ModelArgs<GlobalSwitchArgs>, ShapeInput<typeof GlobalSwitch>>;
  IpFilter: Same<ModelArgs<IpFilterArgs, "filter">, ShapeInput<typeof IpFilter>>;
  IpFilterDynamic: Same<ModelArgs<IpFilterDynamicArgs, "filter">, ShapeInput<typeof IpFilterDynamic>>;
  SecureFilter: Same<ModelArgs<SecureFilterArgs>, ShapeInput<typeof SecureFilter>>;
  Ipv6Filter: Same<ModelArgs<Ipv6FilterArgs, "filter">, ShapeInput<typeof Ipv6Filter>>;
  Ipv6FilterDynamic: Same<ModelArgs<Ipv6FilterDynamicArgs, "filter">, ShapeInput<typeof Ipv6FilterDynamic>>;
  Ipv6SecureFilter: Same<ModelArgs<Ipv6SecureFilterArgs>, ShapeInput<typeof Ipv6SecureFilter>>;
  ConfigLines: Same<ModelArgs<ConfigLinesArgs>, ShapeInput<typeof ConfigLines>>;
  PppoeInterface: Same<ModelArgs<PppoeInterfaceArgs>, ShapeInput<typeof PppoeInterface>>;
  IpsecSiteTunnel: Same<ModelArgs<IpsecSiteTunnelArgs>, ShapeInput<typeof IpsecSiteTunnel>>;
  Dns: Same<ModelArgs<DnsArgs>, ShapeInput<typeof Dns>>;
  Schedule: Same<ModelArgs<ScheduleArgs, "schedule">, ShapeInput<typeof Schedule>>;
  Syslog: Same<ModelArgs<SyslogArgs>, ShapeInput<typeof Syslog>>;
  ServiceHosts: Same<ModelArgs<ServiceHostsArgs>, ShapeInput<typeof ServiceHosts>>;
  Ipv6Prefix: Same<ModelArgs<Ipv6PrefixArgs, "prefixId">, ShapeInput<typeof Ipv6Prefix>>;
  Ipv6Interface: Same<ModelArgs<Ipv6InterfaceArgs>, ShapeInput<typeof Ipv6Interface>>;
  MapeTunnel: Same<ModelArgs<MapeTunnelArgs>, ShapeInput<typeof MapeTunnel>>;
};

const everyKindMatches: Record<keyof SdkInputsMatchShapes, true> = {} as SdkInputsMatchShapes;
void everyKindMatches;
