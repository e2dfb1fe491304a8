/**
 * What the VPN designs share: the designed-resource shape, input failures, and the masked script built from the
 * children's own `commands`, so a design's preview and what its resources apply cannot disagree.
 */
import { VpnDesignError } from "../errors";
import { IPv4, type IPv4CidrRange } from "ip-num";
import type { z } from "zod";
import { renderCommands } from "../config/render";
import type { ContextCommand } from "../config/model";
import {
  type CheckFailure,
  type ResourceKind,
  type ResourceKindName,
  type RouterModelName,
  check,
  factsOf,
  lanInterfaceProblem,
  resourceKinds,
} from "../resources";
import { failuresOf } from "../resources/kind";
import { vpnServer } from "./inputs";
import { type Span, addressInside, interfaceNetwork, networkOf, spanOfNetwork } from "../resources/net";

/**
 * One child of a design: the resource kind, its Pulumi name and its model-shaped args. Children carry no
 * `dependsOn`: the provider applies what reaches a router together in stage order (descriptors and scopes,
 * then switches, then the interfaces that bind them; deletes the other way), so the engine sends them all at once
 * and one save covers them.
 */
export interface DesignedResource {
  kind: ResourceKindName;
  name: string;
  args: Record<string, unknown>;
}

export type Fail = (property: string, reason: string) => void;

/** Parses the inputs and runs the cross-input rules; throws one error listing every failure. */
export function validate<S extends z.ZodTypeAny>(
  component: string,
  schema: S,
  raw: unknown,
  rules: (settings: z.output<S>, fail: Fail) => void,
): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new VpnDesignError(component, failuresOf(parsed.error));
  const failures: CheckFailure[] = [];
  rules(parsed.data, (property, reason) => failures.push({ property, reason }));
  if (failures.length > 0) throw new VpnDesignError(component, failures);
  return parsed.data;
}

/**
 * Runs each child's own check, so what the resource would reject is rejected here, before anything is sent.
 * `inputOf` maps a child's property back to the design input the user wrote.
 */
export function checkChildren(
  component: string,
  resources: readonly DesignedResource[],
  inputOf: (r: DesignedResource, property: string) => string,
): void {
  const failures = resources.flatMap((r) => {
    const result = check(r.kind, r.args);
    return "failures" in result
      ? result.failures.map((f) => ({ property: inputOf(r, f.property), reason: f.reason }))
      : [];
  });
  if (failures.length > 0) throw new VpnDesignError(component, failures);
}

/** A server name known only once it resolves (a Pulumi output), checked then as a design checks a known one. */
export function checkServer(component: string, server: string): void {
  const parsed = vpnServer.safeParse(server);
  if (!parsed.success)
    throw new VpnDesignError(
      component,
      failuresOf(parsed.error).map((f) => ({ property: "vpn.server", reason: f.reason })),
    );
}

/** The rules every design shares: the model has the LAN interfaces named and carries so many L2TP/IPsec tunnels. */
export function modelRules(
  s: {
    model: RouterModelName;
    lan: { interface: string };
    upstream?: { interface: string };
    vpn: { tunnels: readonly number[] };
  },
  fail: Fail,
): void {
  for (const [input, name] of [
    ["lan.interface", s.lan.interface],
    ["upstream.interface", s.upstream?.interface],
  ] as const) {
    const missing = name === undefined ? undefined : lanInterfaceProblem(s.model, name);
    if (missing) fail(input, `${name} does not exist: ${missing}`);
  }
  const limit = factsOf(s.model).l2tpConnections;
  if (s.vpn.tunnels.length > limit)
    fail("vpn.tunnels", `${s.model} takes at most ${limit} L2TP/IPsec tunnels, got ${s.vpn.tunnels.length}`);
}

/** Child property → design input for the pool (its `pool.range` is the design's `vpn.pool`) and named children. */
export function vpnInputOf(r: DesignedResource, property: string): string {
  return r.kind === "L2tpAnonymousPool"
    ? `vpn.${property.replace(/^pool\.range$/, "pool")}`
    : `${r.name}.${property}`;
}

// The registry holds kinds of different model types; a design treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

/** The children's commands in design order, secrets masked (`********`). */
export function maskedCommands(resources: readonly DesignedResource[]): ContextCommand[] {
  return resources.flatMap((r) => {
    const kind = resourceKinds[r.kind] as AnyKind;
    return kind.commands(kind.schema.parse(r.args), { mask: true });
  });
}

export function scriptOf(resources: readonly DesignedResource[]): string {
  return renderCommands(maskedCommands(resources));
}

/** A router interface address "192.168.11.250/24" as its host address and network. */
export interface Attached {
  host: string;
  network: IPv4CidrRange;
  span: Span;
}

export function attached(address: string): Attached {
  const range = interfaceNetwork(address);
  if (!range) throw new Error(`not an interface address: ${address}`);
  const [host, bits] = address.split("/");
  const network = networkOf(host, Number(bits));
  return { host, network, span: spanOfNetwork(network) };
}

/** The address `offset` hosts into a network (offset 0 is the network address). */
export function hostAt(network: IPv4CidrRange, offset: bigint): string {
  return IPv4.fromNumber(network.getFirst().getValue() + offset).toString();
}

export function offsetOf(network: IPv4CidrRange, address: string): bigint {
  return IPv4.fromString(address).getValue() - network.getFirst().getValue();
}

export { addressInside };

/**
 * Home LANs that consumer routers hand out by default (seed: Buffalo 192.168.11.0/24, the Hikari HGW 192.168.1.0/24,
 * YAMAHA NVR 192.168.100.0/24, and the widespread 192.168.0.0/24). A VPN client at home is likely to be on one.
 */
export const COMMON_HOME_LANS = ["192.168.0.0/24", "192.168.1.0/24", "192.168.11.0/24", "192.168.100.0/24"];

/** Warnings for the users' choices that are legal but likely to break (the key itself is secret: its length only). */
export function preSharedKeyWarning(preSharedKey: string): string | undefined {
  return preSharedKey.length < 12
    ? `vpn.preSharedKey: the key has fewer than 12 characters; an L2TP/IPsec pre-shared key shared by every user is only as strong as its length`
    : undefined;
}
