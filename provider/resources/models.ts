/**
 * What each router model takes: the one place the provider keeps model facts (the simulator keeps its own, so the
 * two are checked against each other rather than sharing a mistake). Ranges without extension licences: a router
 * with YSL-VPN-EX* takes more tunnels (CR §1.8), which these checks would refuse.
 */
import { z } from "zod";

export interface ModelFacts {
  /** LAN interfaces lan1..lanN: the `NLAN` of the model's `# Memory` line (yamaha-cli.md §7.1), RTX1300 CR §53.1. */
  lanInterfaces: number;
  /** Tunnel interface numbers 1..N (CR §15 intro table). NVR: four in all (seed notes; not in the CR). */
  tunnels: number;
  /** PP (peer) numbers 1..N (CR §1.6). NVR: undocumented, taken as the RTX830's. */
  peers: number;
  /** Concurrent L2TP/IPsec connections (rtpro L2TP/IPsec page). */
  l2tpConnections: number;
  /** Addresses `ip pp remote address pool` takes (CR §8.2.2); undocumented for the NVRs. */
  poolAddresses?: number;
  /** Port-saving masquerade is on, so NAT on pp anonymous needs `nat descriptor backward-compatibility 1` (seed (3)). */
  portSaving?: true;
}

export const ROUTER_MODELS = {
  nvr510: { lanInterfaces: 2, tunnels: 4, peers: 30, l2tpConnections: 4, portSaving: true },
  nvr500: { lanInterfaces: 2, tunnels: 4, peers: 30, l2tpConnections: 4 },
  rtx830: { lanInterfaces: 2, tunnels: 20, peers: 30, l2tpConnections: 20, poolAddresses: 32 },
  rtx1210: { lanInterfaces: 3, tunnels: 100, peers: 100, l2tpConnections: 100, poolAddresses: 103 },
  rtx1220: { lanInterfaces: 3, tunnels: 100, peers: 100, l2tpConnections: 100, poolAddresses: 101 },
  rtx1300: { lanInterfaces: 8, tunnels: 100, peers: 100, l2tpConnections: 100, poolAddresses: 101 },
  // Older RTX, outside the CR (real dumps of them are in ../shared/configs): `# Memory ..., 3LAN` [V]; tunnel and pp
  // numbers from the data sheets as remembered [U]; Rev.8 has no L2TP/IPsec [U]; the RTX1200's per rtpro [V].
  rtx1100: { lanInterfaces: 3, tunnels: 30, peers: 30, l2tpConnections: 0 },
  rtx1200: { lanInterfaces: 3, tunnels: 100, peers: 100, l2tpConnections: 100 },
  rtx1500: { lanInterfaces: 3, tunnels: 100, peers: 100, l2tpConnections: 0 },
} as const satisfies Record<string, ModelFacts>;

export type RouterModelName = keyof typeof ROUTER_MODELS;

/** Facts of a model by name, for lookups that may miss (a model from a config header). */
export const factsOf = (model: RouterModelName): ModelFacts => ROUTER_MODELS[model];

/** The model whose limits apply when neither the resource nor the router names one: the product's target. */
export const DEFAULT_MODEL: RouterModelName = "nvr510";

const names = Object.keys(ROUTER_MODELS) as [RouterModelName, ...RouterModelName[]];

/** The `model` input of model-limited kinds (lower case, as the limits are named). */
export const routerModel = z.enum(names);

export function isRouterModel(name: string | undefined): name is RouterModelName {
  return name !== undefined && name in ROUTER_MODELS;
}

const largest = (fact: "tunnels" | "peers" | "lanInterfaces") =>
  Math.max(...Object.values(ROUTER_MODELS).map((m) => m[fact]));

/** The largest tunnel number any known model takes: bounds a number where the model is not known (or a range before it is expanded). */
export const MAX_TUNNEL_NUMBER = largest("tunnels");
/** The largest pp number any known model takes. */
export const MAX_PEER_NUMBER = largest("peers");
/** The most LAN interfaces any known model has. */
export const MAX_LAN_INTERFACES = largest("lanInterfaces");

/** Why `lanN` is not an interface of the model, or undefined when it is. */
export function lanInterfaceProblem(model: RouterModelName, name: string): string | undefined {
  const n = Number(/^lan(\d+)$/.exec(name)?.[1]);
  const count = factsOf(model).lanInterfaces;
  return n >= 1 && n <= count ? undefined : `the ${model} has lan1..lan${count}`;
}

/** Why `tunnel select N` is past the model's tunnels, or undefined when it is one of them. */
export function tunnelProblem(model: RouterModelName, tunnel: number): string | undefined {
  const count = factsOf(model).tunnels;
  return tunnel <= count ? undefined : `tunnel ${tunnel} is past the ${model}'s tunnels 1..${count}`;
}
