import type * as pulumi from "@pulumi/pulumi";
import { Ipv6Filter as kind } from "../provider/resources/ipv6-filter";
import type { IpFilterArgs } from "./ip-filter";
import { NvrResource } from "./resource";

/**
 * Ipv6Filter's arguments: IpFilter's, with IPv6 addresses in `source` and `destination` (`*`, an address, a prefix
 * `2001:db8::/32`, `ra-prefix@lan2::1/64`, host names, `@application`, `map-e`, `hb46pp`), `icmp` meaning ICMPv6
 * (`icmp4` ICMP, `icmp-nd` neighbour discovery), and with `icmp` or `icmp6` alone the port fields ICMPv6 type and code.
 */
export type Ipv6FilterArgs = IpFilterArgs;

/** A static IPv6 filter: `ipv6 filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]` (CR §30.7.1). */
export class Ipv6Filter extends NvrResource {
  /** Filter number. */
  declare readonly filter: pulumi.Output<number>;
  constructor(name: string, args: Ipv6FilterArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
