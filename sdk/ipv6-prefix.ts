import type * as pulumi from "@pulumi/pulumi";
import { Ipv6Prefix as kind } from "../provider/resources/ipv6-prefix";
import { type CommonArgs, NvrResource } from "./resource";

export interface Ipv6PrefixArgs extends CommonArgs {
  /** The prefix number, `ipv6 prefix N` (1..2147483647), named by Ipv6Interface's `rtadv.prefixes`. Changing it replaces the resource. */
  prefixId: pulumi.Input<number>;
  /** An IPv6 prefix ("2001:db8:1::/64") or one learnt on another interface ("ra-prefix@lan2::/64", "dhcp-prefix@lan2::/64"). */
  prefix: pulumi.Input<string>;
  /** `preferred_lifetime=` seconds, 0..4294967295 (router default 604800). */
  preferredLifetime?: pulumi.Input<number>;
  /** `valid_lifetime=` seconds, 0..4294967295 (router default 2592000). */
  validLifetime?: pulumi.Input<number>;
  /** `l_flag=`: the on-link flag (router default on). */
  lFlag?: pulumi.Input<boolean>;
  /** `a_flag=`: the autonomous address configuration flag (router default on). */
  aFlag?: pulumi.Input<boolean>;
}

/** A prefix for router advertisements: `ipv6 prefix N PREFIX [options]`. */
export class Ipv6Prefix extends NvrResource {
  constructor(name: string, args: Ipv6PrefixArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
