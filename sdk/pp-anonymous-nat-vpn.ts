/**
 * PpAnonymousNatVpn: the second, smaller fix — the distinct pool plus a static NAT descriptor on
 * pp anonymous that gives each published host an alias in the pool's network (192.168.11.240 as 192.168.254.240).
 * When to use it: the router does not need port-saving masquerade (no MAP-E), and a few hosts are enough.
 * The pool child binds the descriptor on pp anonymous (`ip pp nat descriptor`), created after the descriptor and
 * deleted before it. On the NVR510 it sets `nat descriptor backward-compatibility 1`, which the router applies only
 * after a restart: the component warns (and reports `restartRequired`), and restarts the router only with
 * `restartToApply: true`.
 */
import * as pulumi from "@pulumi/pulumi";
import { type PpAnonymousNatVpnInputs, designPpAnonymousNatVpn } from "../provider/vpn";
import type { DeepInput } from "./component-inputs";
import { type VpnComponentArgs, buildVpnComponent } from "./overlap-safe-vpn";
import type { NvrResource } from "./resource";

/** PpAnonymousNatVpn's inputs; every value may be a Pulumi input (an Output of another resource, a config value). */
export interface PpAnonymousNatVpnArgs extends VpnComponentArgs {
  /** The router model, for its limits: nvr510 (default), nvr500, rtx830 or rtx1210. */
  model?: DeepInput<PpAnonymousNatVpnInputs["model"]>;
  /** The office LAN: its `interface` (default lan1) and the router's `address` on it (default 192.168.11.250/24). */
  lan?: DeepInput<PpAnonymousNatVpnInputs["lan"]>;
  /** Host name → LAN address; each gets the alias at the same host number in the pool's network. */
  publishedHosts: DeepInput<PpAnonymousNatVpnInputs["publishedHosts"]>;
  /** The descriptor applied on pp anonymous (`ip pp nat descriptor`). Default 20. */
  natDescriptor?: pulumi.Input<number>;
  /**
   * Where the model needs `nat descriptor backward-compatibility 1`: restart the router once the line is saved
   * (every session and VPN drops). Default false: the line waits for a restart done by hand.
   */
  restartToApply?: pulumi.Input<boolean>;
  /** Take over an existing pp anonymous or descriptor instead of refusing to create. */
  adopt?: pulumi.Input<boolean>;
}

export class PpAnonymousNatVpn extends pulumi.ComponentResource {
  /** Published host name → alias in the pool's network. */
  readonly publishedAliases: pulumi.Output<Record<string, string>>;
  /** Every command of the design, secrets as `********`. */
  readonly script: pulumi.Output<string>;
  /** True when the router must restart before NAT on pp anonymous works (done only with `restartToApply`). */
  readonly restartRequired: pulumi.Output<boolean>;
  readonly warnings: pulumi.Output<string[]>;
  readonly children: Record<string, NvrResource>;

  constructor(name: string, args: PpAnonymousNatVpnArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nvr:index:PpAnonymousNatVpn", name, {}, opts);
    const { design, children, warnings } = buildVpnComponent(this, name, args, designPpAnonymousNatVpn, {
      // Consent to restart goes to the switch that needs it, not the design (it writes no line).
      "nat-backward-compatibility": { restartToApply: args.restartToApply },
    });
    this.children = children;
    this.warnings = warnings;
    this.publishedAliases = design.apply((d) => d.publishedAliases);
    this.script = design.apply((d) => d.script);
    this.restartRequired = design.apply((d) => d.restartRequired);
    this.registerOutputs({
      publishedAliases: this.publishedAliases,
      script: this.script,
      restartRequired: this.restartRequired,
      warnings: this.warnings,
    });
  }
}
