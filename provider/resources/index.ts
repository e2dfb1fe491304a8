/**
 * The resource registry: the provider and SDK look kinds up here by their Pulumi type name.
 */
import type { CheckFailure, ResourceKind } from "./contract";
import { ConfigLines } from "./config-lines";
import { DhcpScope } from "./dhcp-scope";
import { GlobalSwitch } from "./global-switch";
import { IpFilter } from "./ip-filter";
import { IpFilterDynamic } from "./ip-filter-dynamic";
import type { z } from "zod";
import { failuresOf } from "./kind";
import { L2tpAnonymousPool } from "./l2tp-anonymous-pool";
import { LanInterface } from "./lan-interface";
import { NatDescriptor } from "./nat-descriptor";
import { PppoeInterface } from "./pppoe-interface";
import { IpsecSiteTunnel } from "./ipsec-site-tunnel";
import { Dns } from "./dns";
import { Schedule } from "./schedule";
import { ServiceHosts } from "./service-hosts";
import { Syslog } from "./syslog";
import { Ipv6Interface } from "./ipv6-interface";
import { Ipv6Prefix } from "./ipv6-prefix";
import { MapeTunnel } from "./mape-tunnel";
import { toModel } from "./names";
import { Ipv6Filter } from "./ipv6-filter";
import { Ipv6FilterDynamic } from "./ipv6-filter-dynamic";
import { Ipv6SecureFilter } from "./ipv6-secure-filter";
import { SecureFilter } from "./secure-filter";
import { StaticRoute } from "./static-route";
import { StaticRoutes } from "./static-routes";

export const resourceKinds = {
  LanInterface,
  NatDescriptor,
  L2tpAnonymousPool,
  DhcpScope,
  StaticRoute,
  StaticRoutes,
  GlobalSwitch,
  PppoeInterface,
  IpsecSiteTunnel,
  Dns,
  Schedule,
  Syslog,
  ServiceHosts,
  Ipv6Prefix,
  Ipv6Interface,
  MapeTunnel,
  IpFilter,
  IpFilterDynamic,
  SecureFilter,
  Ipv6Filter,
  Ipv6FilterDynamic,
  Ipv6SecureFilter,
  ConfigLines,
} as const;

export type ResourceKindName = keyof typeof resourceKinds;

export type ModelOf<Name extends ResourceKindName> =
  (typeof resourceKinds)[Name] extends ResourceKind<infer M> ? M : never;

/** Properties every resource takes besides its model: the connection, the flags, what the provider adds to outputs. */
export const COMMON_PROPERTIES: ReadonlySet<string> = new Set([
  "router",
  "adopt",
  "restartToApply",
  "commands",
  "prior",
  "livePlan",
  "plan",
  "__provider",
  "__urn",
]);

/**
 * The one path from a resource's properties as a program gives them (the SDK's names, common properties included)
 * to a checked model, shared by the SDK's preview, the dynamic provider's check and `nvr plan` / `nvr import`. Zod's
 * result comes back whole, so callers read its issues by code and path, never by message text.
 */
export function parseProperties<Name extends ResourceKindName>(
  kind: Name,
  props: Record<string, unknown>,
  routerModel?: string,
): z.SafeParseReturnType<unknown, ModelOf<Name>> {
  const fields = Object.fromEntries(Object.entries(props).filter(([k]) => !COMMON_PROPERTIES.has(k)));
  const raw = withRouterModel(kind, toModel(kind, fields), routerModel);
  return (resourceKinds[kind] as ResourceKind<ModelOf<Name>>).schema.safeParse(raw);
}

/**
 * Properties from Pulumi state (or from the provider's check, which returns them as state keeps them) as inputs the
 * kind's `schema` takes: a state form (a table's lines) read back; anything else as it is.
 */
export function stateInputs<M>(
  kind: ResourceKind<M>,
  props: Record<string, unknown>,
): Record<string, unknown> {
  return kind.stateForm?.inState(props) ? kind.stateForm.fromState(props) : props;
}

/** How the provider's claims, its progress and its errors name a router object: its kind and identity. */
export const labelOf = (kind: { kind: string }, identity: string): string => `${kind.kind} ${identity}`;

/**
 * The other kinds' router objects a resource's state lists as its own (a table's routes), named as `labelOf` names
 * them; none for a kind without a state form. Throws on state it cannot read.
 */
export function listedObjects<M>(kind: ResourceKind<M>, stored: Record<string, unknown>): string[] {
  return kind.stateForm?.owns(stored).map((id) => labelOf(resourceKinds.StaticRoute, id)) ?? [];
}

/** parseProperties as the model, or failures each naming its property. Opens no connection. */
export function check<Name extends ResourceKindName>(
  kind: Name,
  props: Record<string, unknown>,
  routerModel?: string,
): { model: ModelOf<Name> } | { failures: CheckFailure[] } {
  const result = parseProperties(kind, props, routerModel);
  return result.success ? { model: result.data } : { failures: failuresOf(result.error) };
}

/** Kinds whose limits depend on the router model (a `model` input: tunnel numbers, LAN interfaces, ...). */
const MODEL_LIMITED: readonly string[] = [
  "L2tpAnonymousPool",
  "LanInterface",
  "PppoeInterface",
  "IpsecSiteTunnel",
  "Ipv6Interface",
  "MapeTunnel",
];

/**
 * The raw inputs with `model` taken from the router (the resource's `router.model`, else stack config `nvr:model`)
 * when the resource gives none, so an RTX stack gets its own limits; lower-cased as the limits are named.
 */
export function withRouterModel(
  kind: string,
  rawInputs: Record<string, unknown>,
  routerModel: string | undefined,
): Record<string, unknown> {
  if (!MODEL_LIMITED.includes(kind) || rawInputs.model !== undefined || routerModel === undefined)
    return rawInputs;
  return { ...rawInputs, model: routerModel.toLowerCase() };
}

export {
  ConfigLines,
  DhcpScope,
  GlobalSwitch,
  IpFilter,
  IpFilterDynamic,
  L2tpAnonymousPool,
  LanInterface,
  NatDescriptor,
  PppoeInterface,
  SecureFilter,
  StaticRoute,
};
export type { IpFilterModel } from "./ip-filter";
export type { IpFilterDynamicModel } from "./ip-filter-dynamic";
export type { SecureFilterModel } from "./secure-filter";
export { Ipv6Filter, Ipv6FilterDynamic, Ipv6SecureFilter };
export type { ConfigLinesModel } from "./config-lines";
export type { PppoeInterfaceModel } from "./pppoe-interface";
export { IpsecSiteTunnel };
export type { IpsecSiteTunnelModel } from "./ipsec-site-tunnel";
export { Dns };
export type { DnsModel } from "./dns";
export { Schedule, ServiceHosts, Syslog };
export type { ScheduleModel } from "./schedule";
export type { ServiceHostsModel } from "./service-hosts";
export type { SyslogModel } from "./syslog";
export { Ipv6Interface, Ipv6Prefix };
export type { Ipv6InterfaceModel } from "./ipv6-interface";
export type { Ipv6PrefixModel } from "./ipv6-prefix";
export { MapeTunnel };
export type { MapeTunnelModel } from "./mape-tunnel";
export type { DhcpScopeModel } from "./dhcp-scope";
export type { GlobalSwitchModel, GlobalSwitchName } from "./global-switch";
export { GLOBAL_SWITCHES, RESTART_REQUIRED } from "./global-switch";
export type { L2tpAnonymousPoolModel } from "./l2tp-anonymous-pool";
export {
  DEFAULT_MODEL,
  ROUTER_MODELS,
  type ModelFacts,
  type RouterModelName,
  factsOf,
  lanInterfaceProblem,
} from "./models";
export type { LanInterfaceModel } from "./lan-interface";
export type { NatDescriptorModel } from "./nat-descriptor";
export type { RouteGateway, StaticRouteModel } from "./static-route";
export { StaticRoutes, MAX_TABLE_ROUTES, type StaticRoutesModel } from "./static-routes";
export type { ClasslessRoute } from "./rfc3442";
export { decodeClasslessRoutes, encodeClasslessRoutes } from "./rfc3442";
export type { CheckFailure, Prior, ResourceKind } from "./contract";
export { ReadError, RefusedError } from "../errors";
