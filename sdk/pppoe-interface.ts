import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { PppoeInterface as kind } from "../provider/resources/pppoe-interface";
import type { NatBindingArgs } from "./nat-descriptor";
import { type CommonArgs, NvrResource } from "./resource";

/** The name and password the router sends to the provider: `pp auth myname NAME PASSWORD`. */
export interface PppoeMynameArgs {
  /** The provider's user name (1..64 characters, no spaces). */
  name: pulumi.Input<string>;
  /** The password; a Pulumi secret, shown as ******** in `commands`. */
  password: pulumi.Input<string>;
}

export interface PppoeInterfaceArgs extends CommonArgs {
  /**
   * The router model, for its pp numbers and LAN interfaces: "nvr510", "rtx830", "rtx1210", ...
   * Default: the `router` input's model, else stack config `nvr:model`, else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** The pp number, `pp select N` (one the model has). Changing it replaces the resource. */
  peer: pulumi.Input<number>;
  /** The LAN interface facing the provider's network: `pppoe use lan2`. */
  interface: pulumi.Input<string>;
  /** `pp auth accept`: one or two of "pap", "chap", "mschap", "mschap-v2". Absent: no line (accepts none). */
  authAccept?: pulumi.Input<pulumi.Input<"pap" | "chap" | "mschap" | "mschap-v2">[]>;
  /** `pp auth myname`; a Pulumi secret as a whole (it carries the password). */
  myname?: pulumi.Input<PppoeMynameArgs>;
  /** `ppp lcp mru`: a length 1280..1792 (`on LENGTH`), "on" or "off". */
  lcpMru?: pulumi.Input<"on" | "off" | number>;
  /** `ppp ipcp ipaddress on|off`: take the address the provider assigns. */
  ipcpAddress?: pulumi.Input<boolean>;
  /** `ppp ipcp msext on|off`: take DNS/WINS servers from the provider. */
  msext?: pulumi.Input<boolean>;
  /** `ppp ccp type`, e.g. "none" (PPPoE providers compress nothing). */
  ccpType?: pulumi.Input<"none" | "stac0" | "stac" | "cstac" | "mppe-40" | "mppe-128" | "mppe-any">;
  /** `ip pp mtu`, 64..1500 (1454 for most Japanese PPPoE lines). */
  mtu?: pulumi.Input<number>;
  /**
   * NAT descriptors applied on the session (`ip pp nat descriptor`), e.g. `{forward: [1]}` for a masquerade;
   * none by default. The provider defines descriptors before it binds them, so no `dependsOn` is needed.
   */
  natDescriptors?: pulumi.Input<NatBindingArgs>;
  /** `pp always-on on|off`: keep the session up and redial when it drops. */
  alwaysOn?: pulumi.Input<boolean>;
  /** Seconds before a failed session is dialled again (60..21474836); needs `alwaysOn: true`. */
  reconnectTime?: pulumi.Input<number>;
  /** `pp enable N` (default true); false leaves the session down. */
  enabled?: pulumi.Input<boolean>;
}

/**
 * An upstream PPPoE session: the `pp select N` block with `pppoe use`, authentication, PPP negotiation, MTU, NAT
 * binding, always-on and enable. Lines of the block it does not model (filters, keepalive, ...) are left alone.
 */
export class PppoeInterface extends NvrResource {
  /** The pp number. */
  declare readonly peer: pulumi.Output<number>;
  constructor(name: string, args: PppoeInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
