import * as pulumi from "@pulumi/pulumi";
import {
  GlobalSwitch as kind,
  type GlobalSwitchName,
  RESTART_REQUIRED,
} from "../provider/resources/global-switch";
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
  /**
   * For a setting the router applies only after a restart (`nat descriptor backward-compatibility`): restart the
   * router once a change of this line is saved, and wait until it is back. Every session and VPN drops while it
   * boots. Default false: the line is saved and a warning says the restart is still needed.
   */
  restartToApply?: pulumi.Input<boolean>;
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
    // Preview cannot show a restart as a line, so it is said as a warning either way.
    pulumi.all([args.setting, args.restartToApply]).apply(([setting, restart]) => {
      if (!RESTART_REQUIRED.includes(setting)) return;
      void pulumi.log.warn(
        restart
          ? `${setting}: when this line changes, the router restarts after the save (restartToApply) and every session and VPN drops until it is back`
          : `${setting}: the router applies a new value only after a restart; until then the value in effect stays the old one. Set restartToApply: true, or restart the router yourself`,
        this,
      );
    });
  }
}
