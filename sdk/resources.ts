/**
 * The SDK's resource classes, exported under their kinds' names (provider/resources `resourceKinds`), so the VPN
 * components can look up the class of each child their design asks for by kind.
 */
export { ConfigLines } from "./config-lines";
export { DhcpScope } from "./dhcp-scope";
export { Dns } from "./dns";
export { GlobalSwitch } from "./global-switch";
export { IpFilter } from "./ip-filter";
export { IpFilterDynamic } from "./ip-filter-dynamic";
export { IpsecSiteTunnel } from "./ipsec-site-tunnel";
export { Ipv6Filter } from "./ipv6-filter";
export { Ipv6FilterDynamic } from "./ipv6-filter-dynamic";
export { Ipv6Interface } from "./ipv6-interface";
export { Ipv6Prefix } from "./ipv6-prefix";
export { Ipv6SecureFilter } from "./ipv6-secure-filter";
export { L2tpAnonymousPool } from "./l2tp-anonymous-pool";
export { LanInterface } from "./lan-interface";
export { MapeTunnel } from "./mape-tunnel";
export { NatDescriptor } from "./nat-descriptor";
export { PppoeInterface } from "./pppoe-interface";
export { Schedule } from "./schedule";
export { SecureFilter } from "./secure-filter";
export { ServiceHosts } from "./service-hosts";
export { StaticRoute } from "./static-route";
export { StaticRoutes } from "./static-routes";
export { Syslog } from "./syslog";
