import type * as pulumi from "@pulumi/pulumi";
import type { RouterModelName } from "../provider/resources/models";
import { L2tpAnonymousPool as kind } from "../provider/resources/l2tp-anonymous-pool";
import type { NatBindingArgs } from "./nat-descriptor";
import { type CommonArgs, NvrResource } from "./resource";

/** A VPN user: `pp auth username NAME PASSWORD`. */
export interface L2tpUserArgs {
  /** User name (1..64 characters, no spaces). */
  name: pulumi.Input<string>;
  /** Password; a Pulumi secret, shown as ******** in `commands`. */
  password: pulumi.Input<string>;
}

/** IPsec parameters of the tunnels (L2TP/IPsec defaults for Windows, macOS, iOS and Android clients when absent). */
export interface L2tpIpsecArgs {
  /** `ipsec sa policy` algorithms, default "esp aes-cbc sha-hmac". */
  saPolicy?: pulumi.Input<string>;
  /** IKE keepalive, "on" | "off" (default "off"). */
  keepalive?: pulumi.Input<"on" | "off">;
  /** NAT traversal, "on" | "off" (default "on"). */
  natTraversal?: pulumi.Input<"on" | "off">;
  /** `ipsec ike remote address`, "any" (default) or an IPv4 address. */
  remote?: pulumi.Input<string>;
}

/** The `ipsec transport` selector for L2TP. */
export interface L2tpTransportArgs {
  /** Protocol, "udp" (default). */
  protocol?: pulumi.Input<"udp">;
  /** Port, default 1701. */
  port?: pulumi.Input<number>;
}

export interface L2tpAnonymousPoolArgs extends CommonArgs {
  /**
   * The router model for its tunnel limit: "nvr510" (4 tunnels), "nvr500", "rtx830", "rtx1210", ...
   * Default: the `router` input's model, else stack config `nvr:model`, else "nvr510".
   */
  model?: pulumi.Input<RouterModelName>;
  /** Tunnels serving VPN clients: a range `{from, to}` (e.g. 2..4) or a list of tunnel numbers. */
  tunnels: pulumi.Input<{ from: pulumi.Input<number>; to: pulumi.Input<number> } | pulumi.Input<number>[]>;
  /** VPN users; a Pulumi secret as a whole (it carries the passwords). */
  users: pulumi.Input<pulumi.Input<L2tpUserArgs>[]>;
  /** `pp auth request` method, default "mschap-v2". */
  authRequest?: pulumi.Input<"pap" | "chap" | "mschap" | "mschap-v2" | "chap-pap">;
  /** Client addresses: "dhcp" or `{range: "FIRST-LAST"}`; the range must hold one address per tunnel. */
  pool: pulumi.Input<"dhcp" | { range: pulumi.Input<string> }>;
  /** `ip pp mtu`, default 1280. */
  mtu?: pulumi.Input<number>;
  /**
   * NAT descriptors bound to pp anonymous (`ip pp nat descriptor`), e.g. `{forward: [20]}` for a static
   * aliases; none by default. No `dependsOn` is needed: the provider defines descriptors before it binds them and
   * unbinds before it deletes them. On the NVR510 this needs `nat descriptor backward-compatibility 1`.
   */
  natDescriptors?: pulumi.Input<NatBindingArgs>;
  /**
   * IPsec pre-shared key: a string is the text form (≤ 128 characters), `{hex: "0x..."}` the hex form (≤ 128 bytes).
   * A Pulumi secret, shown as ******** in `commands`.
   */
  preSharedKey: pulumi.Input<string | { hex: pulumi.Input<string> }>;
  /** IPsec parameters. */
  ipsec?: pulumi.Input<L2tpIpsecArgs>;
  /** Write the first tunnel out and the rest with `tunnel template` (default true). */
  templates?: pulumi.Input<boolean>;
  /** Hand DNS/WINS to clients (`ppp ipcp msext`), default true. */
  msext?: pulumi.Input<boolean>;
  /** Negotiate the client address (`ppp ipcp ipaddress`), default true. */
  ipcpAddress?: pulumi.Input<boolean>;
  /** The L2TP `ipsec transport` selector. */
  transport?: pulumi.Input<L2tpTransportArgs>;
}

/**
 * The L2TP/IPsec server for remote clients: the `pp select anonymous` block, the tunnels (the first
 * written out, the rest by `tunnel template`), `ipsec transport` lines.
 */
export class L2tpAnonymousPool extends NvrResource {
  /** Tunnel numbers serving clients, ascending. */
  declare readonly tunnels: pulumi.Output<number[]>;
  constructor(name: string, args: L2tpAnonymousPoolArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
