import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { MapeTunnel as kind } from "../provider/resources/mape-tunnel";
import type { NatBindingArgs } from "./nat-descriptor";
import { type CommonArgs, NvrResource } from "./resource";

export interface MapeTunnelArgs extends CommonArgs {
  /**
   * The router model, for its tunnel numbers. Default: the `router` input's model, else stack config `nvr:model`,
   * else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** The tunnel number, `tunnel select N`. Changing it replaces the resource. */
  tunnel: pulumi.Input<number>;
  /** `tunnel map-e type`: "v6plus" (the router default), "ocn" or "ipv6option". */
  type?: pulumi.Input<"v6plus" | "ocn" | "ipv6option">;
  /** `ip tunnel mtu`, 64..1500 (1460 for v6plus). */
  mtu?: pulumi.Input<number>;
  /** NAT descriptors applied on the tunnel, e.g. `{forward: [1000]}` for a masquerade with `outer: ["map-e"]`. */
  natDescriptors?: pulumi.Input<NatBindingArgs>;
  /** `tunnel enable N` (default true). */
  enabled?: pulumi.Input<boolean>;
}

/** An IPv4-over-IPv6 MAP-E tunnel (v6plus and the like): `tunnel select N` with `tunnel encapsulation map-e`. */
export class MapeTunnel extends NvrResource {
  constructor(name: string, args: MapeTunnelArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
