import type * as pulumi from "@pulumi/pulumi";
import { NatDescriptor as kind } from "../provider/resources/nat-descriptor";
import { type CommonArgs, NvrResource } from "./resource";

/** A one-to-one static entry: `nat descriptor static ID ENTRY OUTER=INNER COUNT`. */
export interface NatStaticArgs {
  /** Entry number inside the descriptor, 1..2147483647. */
  id: pulumi.Input<number>;
  /** First outer (translated) address. */
  outer: pulumi.Input<string>;
  /** First inner (original) address. */
  inner: pulumi.Input<string>;
  /** Number of consecutive addresses mapped upwards from `outer`/`inner` (default 1). */
  count?: pulumi.Input<number>;
}

/** A masquerade static entry: `nat descriptor masquerade static ID ENTRY INNER PROTOCOL [OUTER_PORT=]INNER_PORT`. */
export interface NatMasqueradeStaticArgs {
  /** Entry number inside the descriptor, 1..2147483647. */
  id: pulumi.Input<number>;
  /** Inner host the port forwards to. */
  inner: pulumi.Input<string>;
  /** `tcp`, `udp`, `esp`, `icmp` or an IP protocol number. */
  protocol: pulumi.Input<"tcp" | "udp" | "esp" | "icmp" | number>;
  /** Outer port when it differs from the inner one (number or service name). */
  outerPort?: pulumi.Input<number | string>;
  /** Inner port (number or service name); required for tcp and udp. */
  innerPort?: pulumi.Input<number | string>;
}

/** What the descriptor does with inbound packets that match no entry: `nat descriptor masquerade incoming`. */
export interface NatMasqueradeIncomingArgs {
  /** `through`, `reject`, `discard`, or `forward` (to `address`). */
  action: pulumi.Input<"through" | "reject" | "discard" | "forward">;
  /** The host to forward to; only with `forward`. */
  address?: pulumi.Input<string>;
}

export interface NatDescriptorArgs extends CommonArgs {
  /** Descriptor number, 1..2147483647 (the model's `id`; Pulumi reserves that name). Changing it replaces the descriptor. */
  descriptor: pulumi.Input<number>;
  /** `nat`, `masquerade` or `nat-masquerade`. */
  type: pulumi.Input<"nat" | "masquerade" | "nat-masquerade">;
  /** Outer addresses (addresses or ranges FIRST-LAST, or one of ipcp/primary/secondary/map-e/hb46pp). Absent: the router default, ipcp. */
  outer?: pulumi.Input<pulumi.Input<string>[]>;
  /** Inner addresses (addresses, ranges, or auto). Absent: the router default, auto. */
  inner?: pulumi.Input<pulumi.Input<string>[]>;
  /** Static one-to-one entries; stored sorted by entry number as the router prints them. */
  statics?: pulumi.Input<pulumi.Input<NatStaticArgs>[]>;
  /** Handling of unmatched inbound packets (masquerade types only). */
  masqueradeIncoming?: pulumi.Input<NatMasqueradeIncomingArgs>;
  /** Port forwarding entries (masquerade types only); stored sorted by entry number. */
  masqueradeStatics?: pulumi.Input<pulumi.Input<NatMasqueradeStaticArgs>[]>;
}

/**
 * NAT descriptors bound to an interface: `ip IF nat descriptor FORWARD... reverse REVERSE...`, applied in list
 * order; at most 16 in all. The binding resource needs no `dependsOn` on the NatDescriptor resources it names: the
 * provider defines descriptors before it binds them and unbinds before it deletes them.
 */
export interface NatBindingArgs {
  /** Descriptor numbers (1..2147483647) applied in the forward direction, in order. */
  forward?: pulumi.Input<pulumi.Input<number>[]>;
  /** Descriptor numbers (1..2147483647) applied in the reverse direction, in order. */
  reverse?: pulumi.Input<pulumi.Input<number>[]>;
}

/**
 * A NAT descriptor (`nat descriptor type/address/static/masquerade ...`). Bind it to an interface with
 * `LanInterface.natDescriptors` or to pp anonymous with `L2tpAnonymousPool.natDescriptors`; the binding resource
 * depends on it, so destroy unbinds before it deletes.
 */
export class NatDescriptor extends NvrResource {
  /** Descriptor number. */
  declare readonly descriptor: pulumi.Output<number>;
  /** `nat`, `masquerade` or `nat-masquerade`. */
  declare readonly type: pulumi.Output<string>;
  /** Outer addresses, when set. */
  declare readonly outer: pulumi.Output<string[] | undefined>;
  /** Inner addresses, when set. */
  declare readonly inner: pulumi.Output<string[] | undefined>;
  constructor(name: string, args: NatDescriptorArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
