/** pulumi-yamaha-nvr: YAMAHA NVR/RTX router configuration as Pulumi resources. */
export { type RouterArgs, type CommonArgs, NvrResource } from "./resource";
export {
  LanInterface,
  type LanInterfaceArgs,
  type LanNatDescriptorsArgs,
  type LanDhcpArgs,
} from "./lan-interface";
export {
  NatDescriptor,
  type NatDescriptorArgs,
  type NatBindingArgs,
  type NatStaticArgs,
  type NatMasqueradeStaticArgs,
  type NatMasqueradeIncomingArgs,
} from "./nat-descriptor";
export {
  L2tpAnonymousPool,
  type L2tpAnonymousPoolArgs,
  type L2tpUserArgs,
  type L2tpIpsecArgs,
  type L2tpTransportArgs,
} from "./l2tp-anonymous-pool";
export {
  DhcpScope,
  type DhcpScopeArgs,
  type DhcpBindArgs,
  type DhcpClasslessRouteArgs,
  type DhcpOptionsArgs,
} from "./dhcp-scope";
export { StaticRoute, type StaticRouteArgs, type RouteGatewayArgs } from "./static-route";
export { StaticRoutes, type StaticRoutesArgs, type StaticRoutesEntryArgs } from "./static-routes";
export { GlobalSwitch, type GlobalSwitchArgs } from "./global-switch";
export { IpFilter, type IpFilterArgs, type FilterListInput } from "./ip-filter";
export { IpFilterDynamic, type IpFilterDynamicArgs } from "./ip-filter-dynamic";
export { SecureFilter, type SecureFilterArgs, type SecureFilterListArgs } from "./secure-filter";
export { Ipv6Filter, type Ipv6FilterArgs } from "./ipv6-filter";
export { Ipv6FilterDynamic, type Ipv6FilterDynamicArgs } from "./ipv6-filter-dynamic";
export { Ipv6SecureFilter, type Ipv6SecureFilterArgs } from "./ipv6-secure-filter";
export { ConfigLines, type ConfigLinesArgs } from "./config-lines";
export { PppoeInterface, type PppoeInterfaceArgs, type PppoeMynameArgs } from "./pppoe-interface";
export {
  IpsecSiteTunnel,
  type IpsecSiteTunnelArgs,
  type IpsecSiteArgs,
  type IkeNameArgs,
  type IkeKeepaliveArgs,
  type L2tpv3Args,
} from "./ipsec-site-tunnel";
export { Dns, type DnsArgs, type DnsSelectArgs, type DnsStaticArgs } from "./dns";
export { Schedule, type ScheduleArgs } from "./schedule";
export { Syslog, type SyslogArgs } from "./syslog";
export { ServiceHosts, type ServiceHostsArgs, type ServiceAccessArgs } from "./service-hosts";
export { Ipv6Prefix, type Ipv6PrefixArgs } from "./ipv6-prefix";
export { Ipv6Interface, type Ipv6InterfaceArgs } from "./ipv6-interface";
export { MapeTunnel, type MapeTunnelArgs } from "./mape-tunnel";
export {
  OverlapSafeVpn,
  type OverlapSafeVpnArgs,
  type VpnUserArgs,
  type VpnArgs,
  type VpnComponentArgs,
  createChildren,
  type ChildInputs,
} from "./overlap-safe-vpn";
export { DistinctPoolVpn, type DistinctPoolVpnArgs } from "./distinct-pool-vpn";
export { PpAnonymousNatVpn, type PpAnonymousNatVpnArgs } from "./pp-anonymous-nat-vpn";
