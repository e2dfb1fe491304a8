import type * as pulumi from "@pulumi/pulumi";
import { SecureFilter as kind } from "../provider/resources/secure-filter";
import { type CommonArgs, NvrResource } from "./resource";

/** The filters applied in one direction, tried in order; a packet none matches is rejected. */
export interface SecureFilterListArgs {
  /** Static filter numbers (`IpFilter`), in order. */
  filters?: pulumi.Input<pulumi.Input<number>[]>;
  /** Dynamic filter numbers (`IpFilterDynamic`), after the `dynamic` keyword. */
  dynamic?: pulumi.Input<pulumi.Input<number>[]>;
}

export interface SecureFilterArgs extends CommonArgs {
  /** `lanN`, `lanN/M`, `bridgeN`, `pp N`, `pp anonymous` or `tunnel N`. Changing it replaces the resource. */
  interface: pulumi.Input<string>;
  /** Packets the interface receives (`secure filter in`). */
  in?: pulumi.Input<SecureFilterListArgs>;
  /** Packets the interface sends (`secure filter out`). */
  out?: pulumi.Input<SecureFilterListArgs>;
}

/**
 * The filter lists an interface applies (CR §8.1.25): `ip lanN secure filter in|out ...` at the top level,
 * `ip pp secure filter ...` inside `pp select N`, `ip tunnel secure filter ...` inside `tunnel select N`. The only way
 * these lines are expressed: no other resource owns them. The provider defines filters before it binds them and
 * unbinds before it deletes them, so no `dependsOn` is needed.
 */
export class SecureFilter extends NvrResource {
  /** The interface, as given. */
  declare readonly interface: pulumi.Output<string>;
  constructor(name: string, args: SecureFilterArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
