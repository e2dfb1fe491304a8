import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { IpsecSiteTunnel as kind } from "../provider/resources/ipsec-site-tunnel";
import { type CommonArgs, NvrResource } from "./resource";

type IdType = "ipv4-addr" | "fqdn" | "user-fqdn" | "rfc822-addr" | "ipv6-addr" | "key-id";

/** An IKE identity: `ipsec ike local name` / `remote name GW NAME [TYPE]`. */
export interface IkeNameArgs {
  /** The name (1..256 characters, no spaces). */
  name: pulumi.Input<string>;
  /** The ID type; absent: the router's default. */
  type?: pulumi.Input<IdType>;
}

/** `ipsec ike keepalive use GW USE [METHOD [ADDRESS]] [INTERVAL COUNT [UPWAIT]]`. */
export interface IkeKeepaliveArgs {
  use: pulumi.Input<"on" | "off" | "auto">;
  /** Absent: heartbeat, the router's default. */
  method?: pulumi.Input<"heartbeat" | "dpd" | "rfc4306" | "icmp-echo">;
  /** The IPv4 address icmp-echo pings (icmp-echo only). */
  address?: pulumi.Input<string>;
  /** Seconds between keepalives, 1..600. */
  interval?: pulumi.Input<number>;
  /** Misses before the peer counts as down, 1..50 (needs `interval`). */
  count?: pulumi.Input<number>;
  /** Seconds after an SA is made before the tunnel is used, 0..1000000 (needs `count`). */
  upwait?: pulumi.Input<number>;
}

/** The IPsec side of the tunnel: the lines nested under `ipsec tunnel POLICY`. */
export interface IpsecSiteArgs {
  /** SA policy id, `ipsec tunnel POLICY` and `ipsec sa policy POLICY GW ...` (1..2147483647), e.g. 101. */
  policy: pulumi.Input<number>;
  /** Security gateway id keying the IKE lines; default the tunnel number. */
  gateway?: pulumi.Input<number>;
  /** `ipsec sa policy` algorithms, default "esp aes-cbc sha-hmac". */
  saPolicy?: pulumi.Input<string>;
  /**
   * IKE pre-shared key: a string is the text form (`text KEY`, ≤ 128 characters), `{hex: "0x..."}` the hex form
   * (≤ 128 bytes). A Pulumi secret, shown as ******** in `commands`.
   */
  preSharedKey: pulumi.Input<string | { hex: pulumi.Input<string> }>;
  /** `ipsec ike local address GW A` (IPv4). */
  localAddress?: pulumi.Input<string>;
  /** `ipsec ike local name GW NAME [TYPE]`. */
  localName?: pulumi.Input<IkeNameArgs>;
  /** `ipsec ike remote address GW A`: "any", an IPv4 address or a host name. */
  remoteAddress?: pulumi.Input<string>;
  /** `ipsec ike remote name GW NAME [TYPE]`. */
  remoteName?: pulumi.Input<IkeNameArgs>;
  /** IKE keepalive. */
  keepalive?: pulumi.Input<IkeKeepaliveArgs>;
  /** `ipsec ike keepalive log GW on|off`. */
  keepaliveLog?: pulumi.Input<boolean>;
  /** `ipsec ike nat-traversal GW on|off`. */
  natTraversal?: pulumi.Input<boolean>;
  /** `ipsec ike log GW ...`: "key-info", "message-info", "payload-info". */
  log?: pulumi.Input<pulumi.Input<"key-info" | "message-info" | "payload-info">[]>;
  /**
   * `ipsec transport ID POLICY [PROTOCOL [PORT]]` (global): the policy in transport mode, as L2TPv3 over IPsec uses
   * it (`{protocol: "udp", port: 1701}`). The id defaults to the tunnel number.
   */
  transport?: pulumi.Input<{
    id?: pulumi.Input<number>;
    protocol?: pulumi.Input<"udp" | "tcp">;
    port?: pulumi.Input<number>;
  }>;
}

/** The L2TPv3 lines of the block (encapsulation "l2tpv3" only). */
export interface L2tpv3Args {
  /** `l2tp always-on on|off`. */
  alwaysOn?: pulumi.Input<boolean>;
  /** `l2tp hostname NAME` (≤ 32 characters). */
  hostname?: pulumi.Input<string>;
  /**
   * `l2tp tunnel auth on|off [PASSWORD]` (password ≤ 32 characters; without one the router uses its model name).
   * A Pulumi secret, the password shown as ********.
   */
  tunnelAuth?: pulumi.Input<{ use: pulumi.Input<boolean>; password?: pulumi.Input<string> }>;
  /** `l2tp tunnel disconnect time`: seconds 1..21474836 or "off". */
  disconnectTime?: pulumi.Input<"off" | number>;
  /** `l2tp keepalive use on|off [INTERVAL [COUNT]]`. */
  keepalive?: pulumi.Input<{
    use: pulumi.Input<boolean>;
    interval?: pulumi.Input<number>;
    count?: pulumi.Input<number>;
  }>;
  /** `l2tp keepalive log on|off`. */
  keepaliveLog?: pulumi.Input<boolean>;
  /** `l2tp syslog on|off`. */
  syslog?: pulumi.Input<boolean>;
  /** `l2tp local router-id A`. */
  localRouterId?: pulumi.Input<string>;
  /** `l2tp remote router-id A`. */
  remoteRouterId?: pulumi.Input<string>;
  /** `l2tp remote end-id ID` (≤ 32 characters). */
  remoteEndId?: pulumi.Input<string>;
}

export interface IpsecSiteTunnelArgs extends CommonArgs {
  /**
   * The router model, for its tunnel numbers: "nvr510" (1..4), "rtx830" (1..20), "rtx1210" (1..100), ...
   * Default: the `router` input's model, else stack config `nvr:model`, else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** The tunnel number, `tunnel select N`. Changing it replaces the resource. */
  tunnel: pulumi.Input<number>;
  /** `tunnel encapsulation`: "ipsec", "ipip" or "l2tpv3"; absent: no line (IPsec, the router's default). */
  encapsulation?: pulumi.Input<"ipsec" | "ipip" | "l2tpv3">;
  /** `tunnel endpoint address [LOCAL] REMOTE` (ipip and l2tpv3 only). */
  endpoint?: pulumi.Input<{ local?: pulumi.Input<string>; remote: pulumi.Input<string> }>;
  /** The IPsec settings (required for an IPsec tunnel); a Pulumi secret as a whole (it carries the key). */
  ipsec?: pulumi.Input<IpsecSiteArgs>;
  /** The L2TPv3 settings; a Pulumi secret as a whole (it may carry the tunnel password). */
  l2tp?: pulumi.Input<L2tpv3Args>;
  /** `ip tunnel mtu`, 64..1500. */
  mtu?: pulumi.Input<number>;
  /** `ip tunnel tcp mss limit`: "auto", "off" or 1..1460. */
  tcpMssLimit?: pulumi.Input<"auto" | "off" | number>;
  /** `tunnel enable N` (default true). */
  enabled?: pulumi.Input<boolean>;
}

/**
 * A site-to-site tunnel: the `tunnel select N` block — IPsec (IKE pre-shared key, addresses, names, keepalive),
 * optionally carrying ipip or L2TPv3 (as a bridge to another site's LAN), MTU / MSS and enable.
 */
export class IpsecSiteTunnel extends NvrResource {
  /** The tunnel number. */
  declare readonly tunnel: pulumi.Output<number>;
  constructor(name: string, args: IpsecSiteTunnelArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
