import type * as pulumi from "@pulumi/pulumi";
import { DhcpScope as kind } from "../provider/resources/dhcp-scope";
import { type CommonArgs, NvrResource } from "./resource";

/** A fixed lease: `dhcp scope bind SCOPE IP MAC`. */
export interface DhcpBindArgs {
  /** The address to hand out; must lie inside the scope. */
  ip: pulumi.Input<string>;
  /** The client's MAC address, e.g. "00:30:f5:cc:dd:ee" (stored lower-case). */
  mac: pulumi.Input<string>;
}

/** One classless static route handed to clients (option 121, RFC 3442). */
export interface DhcpClasslessRouteArgs {
  /** Destination network, e.g. "192.168.4.0/24", or "default". */
  destination: pulumi.Input<string>;
  /** Gateway; must be reachable from the scope's network. */
  gateway: pulumi.Input<string>;
}

/** DHCP options: `dhcp scope option SCOPE ...`. */
export interface DhcpOptionsArgs {
  /** Default router (option 3). */
  router?: pulumi.Input<string>;
  /** DNS servers (option 6). */
  dns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Classless static routes (option 121), encoded per RFC 3442. */
  classlessStaticRoutes?: pulumi.Input<pulumi.Input<DhcpClasslessRouteArgs>[]>;
}

export interface DhcpScopeArgs extends CommonArgs {
  /** Scope number, 1..65535 (the model's `id`; Pulumi reserves that name). Changing it replaces the scope. */
  scope: pulumi.Input<number>;
  /** Address range handed out, "FIRST-LAST", e.g. "192.168.11.2-192.168.11.63". */
  range: pulumi.Input<string>;
  /** Prefix length of the scope's network (or give `netmask`). */
  prefixLength?: pulumi.Input<number>;
  /** Dotted netmask, an alternative to `prefixLength`; stored as the prefix length. */
  netmask?: pulumi.Input<string>;
  /** Addresses of the range never leased (`except`): addresses or ranges "FIRST-LAST" inside the range. */
  except?: pulumi.Input<pulumi.Input<string>[]>;
  /** Gateway handed to clients (`gateway` keyword of `dhcp scope`). */
  gateway?: pulumi.Input<string>;
  /** Lease time: minutes, "hh:mm" or "infinity". Absent: the router default (72:00). */
  expire?: pulumi.Input<number | string>;
  /** The longest lease a client may ask for (`maxexpire`), same forms; at least `expire` when both are given. Absent: 72:00. */
  maxExpire?: pulumi.Input<number | string>;
  /** Fixed leases; each address must lie inside the scope. */
  binds?: pulumi.Input<pulumi.Input<DhcpBindArgs>[]>;
  /** DHCP options for the scope. */
  options?: pulumi.Input<DhcpOptionsArgs>;
}

/** A DHCP scope with its binds and options (`dhcp scope`, `dhcp scope bind`, `dhcp scope option`). */
export class DhcpScope extends NvrResource {
  /** Scope number. */
  declare readonly scope: pulumi.Output<number>;
  /** Address range handed out. */
  declare readonly range: pulumi.Output<string>;
  /** Prefix length of the scope's network (a netmask input is stored as this). */
  declare readonly prefixLength: pulumi.Output<number>;
  constructor(name: string, args: DhcpScopeArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
