/**
 * OverlapSafeVpn: the twice-NAT fix as one component. VPN clients whose home LAN is the office LAN
 * (both 192.168.11.0/24) reach published hosts at aliases (192.168.253.240), everyone else at either address.
 * The design is pure (provider/vpn); this file only turns it into child resources and outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Finding } from "../provider/analysis/lint";
import type { ResourceKindName } from "../provider/resources";
import {
  type ClientSettings,
  type DesignedResource,
  type OverlapSafeVpnInputs,
  checkServer,
  designOverlapSafeVpn,
  preSharedKeyWarning,
} from "../provider/vpn";
import { fromModel } from "../provider/resources/names";
import { type DeepInput, asComponentError, whenKnown } from "./component-inputs";
import type { NvrResource, RouterArgs } from "./resource";
import * as resourceClasses from "./resources";

type ChildClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => NvrResource;

// Typed by the provider's kind names, so a kind without its SDK class does not compile.
const CHILD_CLASSES: Record<ResourceKindName, ChildClass> = resourceClasses;

/** Stands in for secrets while the design runs: the design's outputs are masked, the children get the real inputs. */
const SECRET_PLACEHOLDER = "placeholder-not-sent";

/** What a design's children share: the connection, adopt, and secrets that replace the placeholders. */
export interface ChildInputs {
  router?: pulumi.Input<RouterArgs>;
  adopt?: pulumi.Input<boolean>;
  /** Child name → args that override the design's (secrets). */
  overrides?: Record<string, Record<string, unknown>>;
}

/**
 * The design's children, named `<component>-<child>`, each created after (and deleted before) the children it
 * depends on. Returned by child name.
 */
export function createChildren(
  parent: pulumi.ComponentResource,
  prefix: string,
  resources: readonly DesignedResource[],
  inputs: ChildInputs,
): Record<string, NvrResource> {
  const children: Record<string, NvrResource> = {};
  for (const r of resources) {
    const args = {
      ...fromModel(r.kind, { ...r.args, ...inputs.overrides?.[r.name] }),
      router: inputs.router,
      adopt: inputs.adopt,
    };
    const Class = CHILD_CLASSES[r.kind];
    children[r.name] = new Class(`${prefix}-${r.name}`, args as never, { parent });
  }
  return children;
}

/** One VPN account. */
export interface VpnUserArgs {
  /** The login name clients use (`pp auth username NAME ...`). */
  name: pulumi.Input<string>;
  /** Its password; stored and sent only as a Pulumi secret. */
  password: pulumi.Input<string>;
}

type DesignVpn = NonNullable<OverlapSafeVpnInputs["vpn"]>;

/** The `vpn` input of the VPN components: L2TP/IPsec on pp anonymous. */
export interface VpnArgs {
  /** The L2TP tunnels clients connect on: `{ from: 2, to: 4 }` or a list of numbers. Default tunnels 2-4. */
  tunnels?: DeepInput<DesignVpn["tunnels"]>;
  /**
   * The addresses handed to clients, `FIRST-LAST`, outside every LAN so hosts answer clients through the router
   * without proxy ARP. Default 192.168.254.1-192.168.254.3.
   */
  pool?: pulumi.Input<string>;
  /** The accounts, at least one. */
  users: pulumi.Input<pulumi.Input<VpnUserArgs>[]>;
  /** The IPsec pre-shared key; stored and sent only as a Pulumi secret. */
  preSharedKey: pulumi.Input<string>;
  /** Tunnels after the first are `tunnel template` copies, so one edit covers all. Default true. */
  templates?: pulumi.Input<boolean>;
  /** The name clients dial (e.g. vpn.example.jp), reported in `clientSettings`. */
  server?: pulumi.Input<string>;
}

/** What every VPN component takes besides its design's inputs. */
export interface VpnComponentArgs {
  /** Connection overrides; unset fields come from stack config `nvr:*`. */
  router?: pulumi.Input<RouterArgs>;
  /** Take over existing router lines instead of refusing to create; what is taken over is restored on delete. */
  adopt?: pulumi.Input<boolean>;
  /** The VPN server side: tunnels, pool, accounts and pre-shared key. */
  vpn: VpnArgs;
}

type DesignOutput = { resources: readonly DesignedResource[]; warnings: readonly string[] };

/**
 * A VPN component's common construction. The design runs once its inputs are known, with the secrets (user
 * passwords, the pre-shared key) replaced by a placeholder: its outputs are masked, and only the pp anonymous child
 * gets the real secrets, marked secret. It creates the children (plus `extraOverrides`) and logs the warnings. A
 * design error is one Pulumi error on the component listing every invalid input.
 */
export function buildVpnComponent<A extends VpnComponentArgs, D extends DesignOutput>(
  parent: pulumi.ComponentResource,
  name: string,
  args: A,
  design: (inputs: never) => D,
  extraOverrides: ChildInputs["overrides"] = {},
): { design: pulumi.Output<D>; children: Record<string, NvrResource>; warnings: pulumi.Output<string[]> } {
  const { router, adopt, vpn, ...rest } = args;
  // The secrets and the server name (only reported) need not be known for the design to run.
  const { users, preSharedKey, server, ...vpnRest } = vpn;
  const children: Record<string, NvrResource> = {};
  const designed = whenKnown(
    { rest, vpnRest, users },
    (known) => {
      const accounts = known.users as { name: string; password: pulumi.Input<string> }[];
      const d = design({
        ...known.rest,
        vpn: {
          ...known.vpnRest,
          ...(typeof server === "string" ? { server } : {}),
          users: accounts.map((u) => ({ name: u.name, password: SECRET_PLACEHOLDER })),
          preSharedKey: SECRET_PLACEHOLDER,
        },
      } as never);
      const secrets = {
        users: accounts.map((u) => ({ name: u.name, password: pulumi.secret(u.password) })),
        preSharedKey: pulumi.secret(preSharedKey),
      };
      Object.assign(
        children,
        createChildren(parent, name, d.resources, {
          router,
          adopt,
          overrides: { "pp-anonymous": secrets, ...extraOverrides },
        }),
      );
      for (const w of d.warnings) pulumi.log.warn(w, parent);
      return d;
    },
    ["password"],
  );
  // The design holds no secret (they were placeholders): a secret account list must not hide its outputs.
  const plainDesign = pulumi.unsecret(designed);
  // The key's warning names its length, never the key.
  const warnings = pulumi.unsecret(
    pulumi.all([plainDesign, pulumi.output(preSharedKey)]).apply(([d, key]) => {
      const w = preSharedKeyWarning(key);
      if (w) pulumi.log.warn(w, parent);
      return [...d.warnings, ...(w === undefined ? [] : [w])];
    }),
  );
  return { design: plainDesign as pulumi.Output<D>, children, warnings };
}

type OverlapSafeDesign = Omit<OverlapSafeVpnInputs, "vpn">;

/** OverlapSafeVpn's inputs; every value may be a Pulumi input (an Output of another resource, a config value). */
export interface OverlapSafeVpnArgs extends VpnComponentArgs {
  /** The router model, for its limits: nvr510 (default), nvr500, rtx830 or rtx1210. */
  model?: DeepInput<OverlapSafeDesign["model"]>;
  /** The office LAN: its `interface` (default lan1) and the router's `address` on it (default 192.168.11.250/24). */
  lan?: DeepInput<OverlapSafeDesign["lan"]>;
  /**
   * The network the LAN is mapped onto 1:1, used nowhere else (not the LAN, the pool, the upstream network or a
   * common home network); same prefix length as the LAN. Default 192.168.253.0/24.
   */
  aliasNetwork?: pulumi.Input<string>;
  /** Host number in the LAN where the 1:1 mapping starts; it runs to the last host. Default 2. */
  aliasFirstHost?: pulumi.Input<number>;
  /**
   * The LAN toward the home gateway (`interface`, default lan2, and the router's `address` on it): it gets the
   * inverse mapping so traffic between that network and the office keeps real addresses. Absent: lan1 alone.
   */
  upstream?: DeepInput<OverlapSafeDesign["upstream"]>;
  /** Hosts clients reach at their alias, name → LAN address (e.g. `{ fileserver: "192.168.11.240" }`), or "all". */
  publishedHosts?: DeepInput<OverlapSafeDesign["publishedHosts"]>;
  /**
   * The LAN's DHCP: `scope`, `range`, `binds`, `relayTo` (default: the upstream address) and
   * `subnetsBehindGateways` (handed out as option 121 routes); false leaves DHCP alone.
   */
  dhcp?: DeepInput<OverlapSafeDesign["dhcp"]>;
  /** The descriptor ids: `lan` (reverse, default 30) and `upstream` (forward, default 40). */
  natDescriptors?: DeepInput<OverlapSafeDesign["natDescriptors"]>;
  /**
   * The router's IP filter lines as `show config` prints them (`ip filter`, `ip filter dynamic`, `ip IF secure
   * filter`, pp/tunnel lists inside their `pp select` / `tunnel select`, and `ip route default gateway ...`). Only
   * analysed, never sent: the component warns when they would drop the VPN (IKE, NAT traversal, ESP, L2TP) or a
   * published host.
   */
  filters?: DeepInput<OverlapSafeDesign["filters"]>;
}

/**
 * The whole fix in one component: lan reverse NAT onto an alias network, the inverse on the upstream LAN, a host
 * route per published host, L2TP/IPsec on pp anonymous with a distinct pool, DHCP by relay with option 121 routes.
 * Invalid inputs fail as one error naming every invalid input; risky ones are logged as warnings.
 */
export class OverlapSafeVpn extends pulumi.ComponentResource {
  /** Published host name → the alias address clients use. */
  readonly publishedAliases: pulumi.Output<Record<string, string>>;
  /** Server, usernames, DNS, and which address to use for which host. No secrets. */
  readonly clientSettings: pulumi.Output<ClientSettings>;
  /** Every command the children own, as a typed script, secrets as `********`. */
  readonly script: pulumi.Output<string>;
  /** Pitfall lint over the design's config (errors would mean the design itself is wrong). */
  readonly lintFindings: pulumi.Output<Finding[]>;
  /** Legal but risky choices, also logged as warnings. */
  readonly warnings: pulumi.Output<string[]>;
  /**
   * The child resources by their role ("lan1", "nat-30", "pp-anonymous", ...): filled when the constructor
   * returns if every input is known then, otherwise once the inputs resolve.
   */
  readonly children: Record<string, NvrResource>;

  constructor(name: string, args: OverlapSafeVpnArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nvr:index:OverlapSafeVpn", name, {}, opts);
    const { design, children, warnings } = buildVpnComponent(this, name, args, designOverlapSafeVpn);
    this.children = children;
    this.warnings = warnings;
    this.publishedAliases = design.apply((d) => d.publishedAliases);
    this.clientSettings = pulumi.all([design, args.vpn.server]).apply(([d, server]) => {
      if (server === undefined) return d.clientSettings;
      // A server name that was not known when the design ran is checked now.
      asComponentError(() => checkServer("OverlapSafeVpn", server));
      return { ...d.clientSettings, server };
    });
    this.script = design.apply((d) => d.script);
    this.lintFindings = design.apply((d) => d.lintFindings);
    this.registerOutputs({
      publishedAliases: this.publishedAliases,
      clientSettings: this.clientSettings,
      script: this.script,
      lintFindings: this.lintFindings,
      warnings: this.warnings,
    });
  }
}
