/**
 * DistinctPoolVpn: the first fix alone — L2TP/IPsec on pp anonymous with the VPN pool in a
 * network of its own, so the LAN needs no proxy ARP. When to use it: clients never share the office's LAN, or as a
 * first step; a client whose home LAN overlaps the office still reaches only the router. For that, OverlapSafeVpn.
 */
import * as pulumi from "@pulumi/pulumi";
import { type DistinctPoolVpnInputs, designDistinctPoolVpn } from "../provider/vpn";
import type { DeepInput } from "./component-inputs";
import { type VpnComponentArgs, buildVpnComponent } from "./overlap-safe-vpn";
import type { NvrResource } from "./resource";

/** DistinctPoolVpn's inputs; every value may be a Pulumi input (an Output of another resource, a config value). */
export interface DistinctPoolVpnArgs extends VpnComponentArgs {
  /** The router model, for its limits: nvr510 (default), nvr500, rtx830 or rtx1210. */
  model?: DeepInput<DistinctPoolVpnInputs["model"]>;
  /** The office LAN: its `interface` (default lan1) and the router's `address` on it (default 192.168.11.250/24). */
  lan?: DeepInput<DistinctPoolVpnInputs["lan"]>;
  /** Take over an existing pp anonymous (a VPN set up by hand) instead of refusing to create. */
  adopt?: pulumi.Input<boolean>;
}

export class DistinctPoolVpn extends pulumi.ComponentResource {
  /** The commands the children own, secrets as `********`. */
  readonly script: pulumi.Output<string>;
  readonly warnings: pulumi.Output<string[]>;
  readonly children: Record<string, NvrResource>;

  constructor(name: string, args: DistinctPoolVpnArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nvr:index:DistinctPoolVpn", name, {}, opts);
    const { design, children, warnings } = buildVpnComponent(this, name, args, designDistinctPoolVpn);
    this.children = children;
    this.warnings = warnings;
    this.script = design.apply((d) => d.script);
    this.registerOutputs({ script: this.script, warnings: this.warnings });
  }
}
