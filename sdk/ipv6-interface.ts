import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { Ipv6Interface as kind } from "../provider/resources/ipv6-interface";
import { type CommonArgs, NvrResource } from "./resource";

export interface Ipv6InterfaceArgs extends CommonArgs {
  /**
   * The router model, for the interfaces it has. Default: the `router` input's model, else stack config `nvr:model`,
   * else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** The LAN interface, e.g. "lan1". Changing it replaces the resource. */
  interface: pulumi.Input<string>;
  /** `ipv6 IF address` lines: "2001:db8::1/64", "ra-prefix@lan2::1/64", or "auto", "dhcp", "proxy". */
  addresses?: pulumi.Input<pulumi.Input<string>[]>;
  /** `ipv6 IF rtadv send`: advertise these Ipv6Prefix numbers, with the M and O flags. */
  rtadv?: pulumi.Input<{
    prefixes: pulumi.Input<pulumi.Input<number>[]>;
    /** `m_flag=`: hosts take addresses by DHCPv6 too. */
    mFlag?: pulumi.Input<boolean>;
    /** `o_flag=`: hosts take other settings (DNS) by DHCPv6. */
    oFlag?: pulumi.Input<boolean>;
  }>;
  /** `ipv6 IF dhcp service`: "off", "server" or "client" (with `informationRequest` for `ir=on|off`). */
  dhcp?: pulumi.Input<{
    mode: pulumi.Input<"off" | "server" | "client">;
    informationRequest?: pulumi.Input<boolean>;
  }>;
}

/**
 * IPv6 on a LAN interface: its address, router advertisements and DHCPv6. The interface always exists: create takes
 * over its lines and records them (`prior`); delete writes them back.
 */
export class Ipv6Interface extends NvrResource {
  constructor(name: string, args: Ipv6InterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
