import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { LanInterface as kind } from "../provider/resources/lan-interface";
import type { NatBindingArgs } from "./nat-descriptor";
import { type CommonArgs, NvrResource } from "./resource";

/** NAT descriptors bound to the interface: `ip lanN nat descriptor FORWARD... reverse REVERSE...`. */
export type LanNatDescriptorsArgs = NatBindingArgs;

/** The interface's DHCP role: `ip lanN dhcp service ...`. */
export type LanDhcpArgs =
  | { mode: pulumi.Input<"off"> }
  | { mode: pulumi.Input<"server"> }
  | {
      /** Relay DHCP requests to other servers. */
      mode: pulumi.Input<"relay">;
      /** 1..4 DHCP server addresses to relay to. */
      servers: pulumi.Input<pulumi.Input<string>[]>;
    };

export interface LanInterfaceArgs extends CommonArgs {
  /**
   * The router model, for the interfaces it has: "nvr510" (lan1..lan2), "nvr500", "rtx830", "rtx1210" (..lan3), ...
   * Default: the `router` input's model, else stack config `nvr:model`, else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** The interface, `lan1`, `lan2`, ... (one the model has). Changing it replaces the resource. */
  interface: pulumi.Input<string>;
  /** Address with prefix length, e.g. "192.168.11.250/24", or "dhcp". Absent: no address line. */
  address?: pulumi.Input<string>;
  /** Answer ARP for hosts reached through the router (`ip lanN proxyarp on`); default false. */
  proxyArp?: pulumi.Input<boolean>;
  /** NAT descriptors bound to the interface; either list may be empty. */
  natDescriptors?: pulumi.Input<LanNatDescriptorsArgs>;
  /** DHCP on this interface. Absent: the interface follows the global `dhcp service`. */
  dhcp?: pulumi.Input<LanDhcpArgs>;
  /**
   * `switch control use lanN on|off [terminal=on|off]`: L2MS on the interface (manage YAMAHA switches behind it) and
   * whether it collects their terminals. Absent: no line (off).
   */
  switchControl?: pulumi.Input<{ use: pulumi.Input<boolean>; terminal?: pulumi.Input<boolean> }>;
}

/**
 * Settings of a LAN interface. The interface always exists: create takes over its current lines and
 * records them (`prior`); delete writes them back rather than "deleting the interface".
 */
export class LanInterface extends NvrResource {
  /** The interface name, e.g. lan1. */
  declare readonly interface: pulumi.Output<string>;
  /** The address with prefix length, when set. */
  declare readonly address: pulumi.Output<string | undefined>;
  constructor(name: string, args: LanInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
