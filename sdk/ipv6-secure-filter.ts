import type * as pulumi from "@pulumi/pulumi";
import { Ipv6SecureFilter as kind } from "../provider/resources/ipv6-secure-filter";
import { NvrResource } from "./resource";
import type { SecureFilterArgs } from "./secure-filter";

/** Ipv6SecureFilter's arguments: SecureFilter's, the lists naming Ipv6Filter and Ipv6FilterDynamic numbers. */
export type Ipv6SecureFilterArgs = SecureFilterArgs;

/**
 * The IPv6 filter lists an interface applies (CR §30.7.2): `ipv6 lan2 secure filter in|out ...` at the top level,
 * `ipv6 pp secure filter ...` in `pp select N`, `ipv6 tunnel secure filter ...` in `tunnel select N`.
 */
export class Ipv6SecureFilter extends NvrResource {
  /** The interface, as given. */
  declare readonly interface: pulumi.Output<string>;
  constructor(name: string, args: Ipv6SecureFilterArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
