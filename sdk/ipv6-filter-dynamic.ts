import type * as pulumi from "@pulumi/pulumi";
import { Ipv6FilterDynamic as kind } from "../provider/resources/ipv6-filter-dynamic";
import type { IpFilterDynamicArgs } from "./ip-filter-dynamic";
import { NvrResource } from "./resource";

/** Ipv6FilterDynamic's arguments: IpFilterDynamic's, with IPv6 addresses as Ipv6Filter takes them. */
export type Ipv6FilterDynamicArgs = IpFilterDynamicArgs;

/**
 * An IPv6 dynamic filter (CR §30.7.3): `ipv6 filter dynamic N SRC DST PROTOCOL [options]`, or with `trigger`
 * `... filter LIST [in LIST] [out LIST] [options]`. Apply it with Ipv6SecureFilter's `dynamic` lists.
 */
export class Ipv6FilterDynamic extends NvrResource {
  /** Dynamic filter number. */
  declare readonly filter: pulumi.Output<number>;
  constructor(name: string, args: Ipv6FilterDynamicArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
