/**
 * The seed's two smaller fixes, for networks where the full twice-NAT design is more than needed.
 *
 * - Distinct pool (seed (2)): VPN clients get addresses from a network of their own instead of the LAN's DHCP
 *   pool, so the LAN needs no proxy ARP and a client whose home LAN overlaps the office can at least connect and
 *   reach the router. It does not make LAN hosts reachable for such a client: their addresses are still inside
 *   its home LAN. Use it when clients never share the office's network, or as the first step.
 * - NAT on pp anonymous (seed (3)): a static descriptor on the VPN interface gives each published host an alias in
 *   the pool's network (192.168.254.240 → 192.168.11.240). Simplest when the router has no need for port-saving
 *   masquerade; on the NVR510 it needs `nat descriptor backward-compatibility 1`, which the router applies only
 *   after a restart. The router restarts only with the explicit `restartToApply` opt-in; the warnings say which.
 */
import { z } from "zod";
import type { ContextCommand } from "../config/model";
import { renderCommands } from "../config/render";
import { type RouterModelName, factsOf } from "../resources";
import { ipv4, parseSpan } from "../resources/net";
import { descriptorId } from "../resources/nat-descriptor";
import { hostName, lan, model, vpn } from "./inputs";
import {
  type DesignedResource,
  type Fail,
  addressInside,
  attached,
  checkChildren,
  hostAt,
  maskedCommands,
  offsetOf,
  modelRules,
  preSharedKeyWarning,
  validate,
  vpnInputOf,
} from "./shared";

export interface FixDesign {
  resources: DesignedResource[];
  /** The children's commands in order, secrets masked. */
  commands: ContextCommand[];
  script: string;
  publishedAliases: Record<string, string>;
  warnings: string[];
  /** True when the router must restart before the design works (it does so only with `restartToApply`). */
  restartRequired: boolean;
}

const distinctPoolInputs = z.object({ model, lan, vpn }).strict();
export type DistinctPoolVpnInputs = z.input<typeof distinctPoolInputs>;

const ppAnonymousNatInputs = z
  .object({
    model,
    lan,
    vpn,
    /** Host name → LAN address; each gets the alias at the same host number in the pool's network. */
    publishedHosts: z.record(hostName, ipv4),
    /** The descriptor applied on pp anonymous (the seed's 20). */
    natDescriptor: descriptorId.default(20),
    /**
     * Where the model needs `nat descriptor backward-compatibility 1`: restart the router once the line is saved
     * (every session and VPN drops). Default false: the line waits for a restart done by hand.
     */
    restartToApply: z.boolean().default(false),
  })
  .strict();
export type PpAnonymousNatVpnInputs = z.input<typeof ppAnonymousNatInputs>;

type VpnSettings = z.output<typeof vpn>;

function vpnRules(
  s: { model: RouterModelName; lan: { interface: string; address: string }; vpn: VpnSettings },
  fail: Fail,
) {
  const l = attached(s.lan.address);
  const pool = parseSpan(s.vpn.pool);
  if (pool?.isOverlapping(l.span))
    fail(
      "vpn.pool",
      `${s.vpn.pool} lies in the LAN ${l.network.toCidrString()}; the pool needs a network of its own`,
    );
  modelRules(s, fail);
}

/** The pool and its switches; `nat` binds a descriptor on pp anonymous. */
function vpnResources(
  s: { model: string; vpn: VpnSettings },
  nat?: { descriptor: number },
): DesignedResource[] {
  const pool: DesignedResource = {
    kind: "L2tpAnonymousPool",
    name: "pp-anonymous",
    args: {
      model: s.model,
      tunnels: s.vpn.tunnels,
      users: s.vpn.users,
      pool: { range: s.vpn.pool },
      preSharedKey: s.vpn.preSharedKey,
      templates: s.vpn.templates,
      ...(nat ? { natDescriptors: { forward: [nat.descriptor] } } : {}),
    },
  };
  return [
    pool,
    {
      kind: "GlobalSwitch",
      name: "ipsec-auto-refresh",
      args: { setting: "ipsec auto refresh", value: "on" },
    },
    {
      kind: "GlobalSwitch",
      name: "l2tp-service",
      args: { setting: "l2tp service", value: "on" },
    },
  ];
}

function finish(
  component: string,
  resources: DesignedResource[],
  rest: Pick<FixDesign, "publishedAliases" | "warnings" | "restartRequired">,
): FixDesign {
  checkChildren(component, resources, vpnInputOf);
  const commands = maskedCommands(resources);
  return { resources, commands, script: renderCommands(commands), ...rest };
}

/** Seed (2): the VPN pool in a network of its own. */
export function designDistinctPoolVpn(inputs: DistinctPoolVpnInputs): FixDesign {
  const s = validate("DistinctPoolVpn", distinctPoolInputs, inputs, vpnRules);
  const psk = preSharedKeyWarning(s.vpn.preSharedKey);
  return finish("DistinctPoolVpn", vpnResources(s), {
    publishedAliases: {},
    warnings: [
      `lan: a client whose home LAN overlaps ${attached(s.lan.address).network.toCidrString()} connects and reaches the router, but not the LAN's hosts; OverlapSafeVpn publishes them at aliases`,
      `lan: ${s.lan.interface} no longer needs proxy ARP for VPN clients; turn it off (LanInterface proxyArp: false) if the old design set it`,
      ...(psk ? [psk] : []),
    ],
    restartRequired: false,
  });
}

/** Seed (3): static NAT on pp anonymous, aliases in the pool's network. */
export function designPpAnonymousNatVpn(inputs: PpAnonymousNatVpnInputs): FixDesign {
  const component = "PpAnonymousNatVpn";
  const poolNetworkOf = (s: { lan: { address: string }; vpn: VpnSettings }) =>
    attached(`${s.vpn.pool.split("-")[0]}/${attached(s.lan.address).network.cidrPrefix.getValue()}`).network;
  // An alias keeps the host number, moved into the pool's network: 192.168.11.240 → 192.168.254.240.
  const aliasOf = (s: { lan: { address: string }; vpn: VpnSettings }, address: string) =>
    hostAt(poolNetworkOf(s), offsetOf(attached(s.lan.address).network, address));
  const s = validate(component, ppAnonymousNatInputs, inputs, (s, fail) => {
    vpnRules(s, fail);
    const l = attached(s.lan.address);
    const pool = parseSpan(s.vpn.pool);
    if (Object.keys(s.publishedHosts).length === 0) fail("publishedHosts", "must publish at least one host");
    for (const [name, address] of Object.entries(s.publishedHosts)) {
      const input = `publishedHosts.${name}`;
      if (!addressInside(address, l.span))
        fail(input, `${address} is outside the LAN ${l.network.toCidrString()}`);
      else if (address === l.host) fail(input, `${address} is the router's own address`);
      else if (pool && addressInside(aliasOf(s, address), pool))
        fail(
          input,
          `its alias ${aliasOf(s, address)} is in the pool ${s.vpn.pool}, where a client could hold it`,
        );
    }
  });
  const hosts = Object.entries(s.publishedHosts).map(([name, address]) => ({
    name,
    address,
    alias: aliasOf(s, address),
  }));
  const id = s.natDescriptor;
  const descriptor: DesignedResource = {
    kind: "NatDescriptor",
    name: `nat-${id}`,
    args: {
      id,
      type: "nat",
      // Outer/inner listed as the statics are, so no dynamic NAT happens (seed (3)).
      outer: hosts.map((h) => h.alias),
      inner: hosts.map((h) => h.address),
      statics: hosts.map((h, i) => ({ id: i + 1, outer: h.alias, inner: h.address, count: 1 })),
    },
  };
  // Port-saving masquerade stops NAT on pp anonymous unless `nat descriptor backward-compatibility 1` (seed (3)).
  const portSaving = factsOf(s.model).portSaving === true;
  const compat: DesignedResource[] = portSaving
    ? [
        {
          kind: "GlobalSwitch",
          name: "nat-backward-compatibility",
          args: { setting: "nat descriptor backward-compatibility", value: "1" },
        },
      ]
    : [];
  const psk = preSharedKeyWarning(s.vpn.preSharedKey);
  const restart = s.restartToApply
    ? "the router restarts once the line is saved (restartToApply), dropping every session and VPN"
    : "until then NAT on pp anonymous does nothing. Restart the router yourself when it suits, or set restartToApply: true";
  return finish(
    component,
    // The pool binds the descriptor on pp anonymous: a later stage, so a batch defines before it binds.
    [...compat, descriptor, ...vpnResources(s, { descriptor: id })],
    {
      publishedAliases: Object.fromEntries(hosts.map((h) => [h.name, h.alias])),
      warnings: [
        ...(portSaving
          ? [
              `model: the ${s.model} applies nat descriptor backward-compatibility 1 only after a restart, and afterwards port saving is off (MAP-E needs it; DS-Lite does not); ${restart}`,
            ]
          : []),
        ...(psk ? [psk] : []),
      ],
      restartRequired: portSaving,
    },
  );
}
