/**
 * DistinctPoolVpn: the seed's first fix alone (section (2)) — L2TP/IPsec on pp anonymous with the VPN pool in a
 * network of its own, so the LAN needs no proxy ARP. When to use it: clients never share the office's LAN, or as a
 * first step; a client whose home LAN overlaps the office still reaches only the router. For that, OverlapSafeVpn.
 */
import * as pulumi from "@pulumi/pulumi";
import { type DistinctPoolVpnInputs, designDistinctPoolVpn } from "../provider/vpn";
import { type VpnComponentArgs, buildVpnComponent } from "./overlap-safe-vpn";
import type { NvrResource } from "./resource";

export interface DistinctPoolVpnArgs extends Omit<DistinctPoolVpnInputs, "vpn">, VpnComponentArgs {
  /** Take over an existing pp anonymous (the seed's original design) instead of refusing to create. */
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
    this.script = pulumi.output(design.script);
    this.registerOutputs({ script: this.script, warnings: this.warnings });
  }
}
