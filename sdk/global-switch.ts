import type * as pulumi from "@pulumi/pulumi";
import { GlobalSwitch as kind, type GlobalSwitchName } from "../provider/resources/global-switch";
import { type CommonArgs, NvrResource } from "./resource";

export interface GlobalSwitchArgs extends CommonArgs {
  /**
   * The router-wide setting, e.g. "l2tp service", "dhcp service",
   * "dhcp server rfc2131 compliant", "nat descriptor backward-compatibility", "ipsec auto refresh".
   * Changing it replaces the resource.
   */
  setting: pulumi.Input<GlobalSwitchName>;
  /** Its value as the router writes it, e.g. "on", "server", "except remain-silent", 1. */
  value: pulumi.Input<string | number>;
}

/**
 * One router-wide line that several resources rely on, owned by its own resource so that deleting one
 * resource never removes a line another still needs. Delete writes back the line it replaced.
 */
export class GlobalSwitch extends NvrResource {
  /** The setting, e.g. "l2tp service". */
  declare readonly setting: pulumi.Output<string>;
  /** Its value as the router prints it. */
  declare readonly value: pulumi.Output<string>;
  constructor(name: string, args: GlobalSwitchArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
