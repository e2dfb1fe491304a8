/**
 * OverlapSafeVpn: the seed's twice-NAT fix as one component. VPN clients whose home LAN is the office LAN
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
import { ConfigLines } from "./config-lines";
import { DhcpScope } from "./dhcp-scope";
import { GlobalSwitch } from "./global-switch";
import { IpFilter } from "./ip-filter";
import { IpFilterDynamic } from "./ip-filter-dynamic";
import { L2tpAnonymousPool } from "./l2tp-anonymous-pool";
import { LanInterface } from "./lan-interface";
import { NatDescriptor } from "./nat-descriptor";
import { PppoeInterface } from "./pppoe-interface";
import { IpsecSiteTunnel } from "./ipsec-site-tunnel";
import { Dns } from "./dns";
import { Schedule } from "./schedule";
import { ServiceHosts } from "./service-hosts";
import { Syslog } from "./syslog";
import { Ipv6Interface } from "./ipv6-interface";
import { Ipv6Prefix } from "./ipv6-prefix";
import { fromModel } from "../provider/resources/names";
import type { NvrResource, RouterArgs } from "./resource";
import { SecureFilter } from "./secure-filter";
import { Ipv6Filter } from "./ipv6-filter";
import { Ipv6FilterDynamic } from "./ipv6-filter-dynamic";
import { Ipv6SecureFilter } from "./ipv6-secure-filter";
import { StaticRoute } from "./static-route";
import { StaticRoutes } from "./static-routes";

type ChildClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => NvrResource;

const CHILD_CLASSES: Record<ResourceKindName, ChildClass> = {
  LanInterface,
  NatDescriptor,
  L2tpAnonymousPool,
  DhcpScope,
  StaticRoute,
  StaticRoutes,
  GlobalSwitch,
  PppoeInterface,
  IpsecSiteTunnel,
  Dns,
  Schedule,
  Syslog,
  ServiceHosts,
  Ipv6Prefix,
  Ipv6Interface,
  IpFilter,
  IpFilterDynamic,
  SecureFilter,
  Ipv6Filter,
  Ipv6FilterDynamic,
  Ipv6SecureFilter,
  ConfigLines,
};

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

export interface VpnUserArgs {
  name: string;
  /** Stored and sent only as a Pulumi secret. */
  password: pulumi.Input<string>;
}

type DesignVpn = NonNullable<OverlapSafeVpnInputs["vpn"]>;

/** The `vpn` input of the VPN components: the design's, with secrets (and the server name) as Pulumi inputs. */
export type VpnArgs = Omit<DesignVpn, "users" | "preSharedKey" | "server"> & {
  users: VpnUserArgs[];
  /** Stored and sent only as a Pulumi secret. */
  preSharedKey: pulumi.Input<string>;
  /** The name clients dial (e.g. vpnsv.xx.netvolante.jp), reported in clientSettings. */
  server?: pulumi.Input<string>;
};

/**
 * The `vpn` input for a design, secrets replaced by a placeholder, and the overrides that give the pp anonymous
 * child the real secrets (marked secret). The design's outputs are masked, so the placeholder never shows.
 */
function splitSecrets(vpn: VpnArgs): { designVpn: DesignVpn; overrides: ChildInputs["overrides"] } {
  const { server, ...rest } = vpn;
  return {
    designVpn: {
      ...rest,
      // A server name known now is checked with the design; one that resolves later, when it does.
      ...(typeof server === "string" ? { server } : {}),
      users: vpn.users.map((u) => ({ name: u.name, password: SECRET_PLACEHOLDER })),
      preSharedKey: SECRET_PLACEHOLDER,
    },
    overrides: {
      "pp-anonymous": {
        users: vpn.users.map((u) => ({ name: u.name, password: pulumi.secret(u.password) })),
        preSharedKey: pulumi.secret(vpn.preSharedKey),
      },
    },
  };
}

/**
 * Logs a design's warnings on the component, plus the key's (known only as an input: the warning names its
 * length, never the key). Resolves to all of them.
 */
function logWarnings(
  parent: pulumi.Resource,
  designWarnings: readonly string[],
  preSharedKey: pulumi.Input<string>,
): pulumi.Output<string[]> {
  for (const w of designWarnings) pulumi.log.warn(w, parent);
  return pulumi.unsecret(
    pulumi.output(preSharedKey).apply((k) => {
      const w = preSharedKeyWarning(k);
      if (w) pulumi.log.warn(w, parent);
      return [...designWarnings, ...(w === undefined ? [] : [w])];
    }),
  );
}

/** What every VPN component takes besides its design's inputs. */
export interface VpnComponentArgs {
  /** Connection overrides; unset fields come from stack config `nvr:*`. */
  router?: pulumi.Input<RouterArgs>;
  /** Take over existing router lines instead of refusing to create. */
  adopt?: pulumi.Input<boolean>;
  vpn: VpnArgs;
}

type DesignOutput = { resources: readonly DesignedResource[]; warnings: readonly string[] };

/**
 * A VPN component's common construction: runs the design with the secrets replaced by placeholders, creates the
 * children (with the real secrets, plus `extraOverrides`), and logs the warnings.
 */
export function buildVpnComponent<A extends VpnComponentArgs, D extends DesignOutput>(
  parent: pulumi.ComponentResource,
  name: string,
  args: A,
  design: (inputs: Omit<A, keyof VpnComponentArgs> & { vpn: DesignVpn }) => D,
  extraOverrides: ChildInputs["overrides"] = {},
): { design: D; children: Record<string, NvrResource>; warnings: pulumi.Output<string[]> } {
  const { router, adopt, vpn, ...rest } = args;
  const { designVpn, overrides } = splitSecrets(vpn);
  const designed = design({ ...rest, vpn: designVpn });
  const children = createChildren(parent, name, designed.resources, {
    router,
    adopt,
    overrides: { ...overrides, ...extraOverrides },
  });
  return { design: designed, children, warnings: logWarnings(parent, designed.warnings, vpn.preSharedKey) };
}

export interface OverlapSafeVpnArgs extends Omit<OverlapSafeVpnInputs, "vpn">, VpnComponentArgs {
  /** Take over existing router lines (e.g. descriptors 30/40 already there) instead of refusing to create. */
  adopt?: pulumi.Input<boolean>;
}

/**
 * The whole fix in one component: lan reverse NAT onto an alias network, the inverse on the upstream LAN, a host
 * route per published host, L2TP/IPsec on pp anonymous with a distinct pool, DHCP by relay with option 121 routes.
 * Invalid inputs fail at construction, every failure naming its input; risky ones are logged as warnings.
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
  /** The child resources by their role ("lan1", "nat-30", "route-fileserver", "pp-anonymous", ...). */
  readonly children: Record<string, NvrResource>;

  constructor(name: string, args: OverlapSafeVpnArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nvr:index:OverlapSafeVpn", name, {}, opts);
    const { design, children, warnings } = buildVpnComponent(this, name, args, designOverlapSafeVpn);
    this.children = children;
    this.warnings = warnings;
    this.publishedAliases = pulumi.output(design.publishedAliases);
    this.clientSettings = pulumi.output(args.vpn.server).apply((server) => {
      if (server === undefined) return design.clientSettings;
      checkServer("OverlapSafeVpn", server);
      return { ...design.clientSettings, server };
    });
    this.script = pulumi.output(design.script);
    this.lintFindings = pulumi.output(design.lintFindings);
    this.registerOutputs({
      publishedAliases: this.publishedAliases,
      clientSettings: this.clientSettings,
      script: this.script,
      lintFindings: this.lintFindings,
      warnings: this.warnings,
    });
  }
}
