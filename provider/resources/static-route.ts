/**
 * StaticRoute: one `ip route NETWORK gateway ...` line. Identity "ip route 192.168.253.240/32".
 * The router keys routes by network and overwrites on re-entry, so every change is one line written in place.
 * A route names no model, so interface numbers in gateways are bounded by what any known model takes.
 */
import { ReadError } from "../errors";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { defineKind } from "./kind";
import {
  type Found,
  type Line,
  type SourceLine,
  findLines,
  globalLines,
  line,
  readEach,
  routerName,
  sourceOf,
} from "./lines";
import { readInterfaceLine } from "./lan-interface";
import { MAX_LAN_INTERFACES, MAX_PEER_NUMBER, MAX_TUNNEL_NUMBER } from "./models";
import { isIPv4, isNetwork, networkOf } from "./net";

/** Numbered gateway interfaces and the numbers they take: loopback1..9 (CR §1.3), the rest as any model. */
const NUMBERED: Record<string, { form: RegExp; max: number }> = {
  pp: { form: /^pp ([1-9]\d*)$/, max: MAX_PEER_NUMBER },
  tunnel: { form: /^tunnel ([1-9]\d*)$/, max: MAX_TUNNEL_NUMBER },
  "dhcp lan": { form: /^dhcp lan([1-9]\d*)$/, max: MAX_LAN_INTERFACES },
  loopback: { form: /^loopback([1-9]\d*)$/, max: 9 },
};

const anonymousName = routerName(64);

/** Why `s` is not a gateway `ip route` takes (CR §8.1.7), or undefined. */
function gatewayProblem(s: string): string | undefined {
  if (isIPv4(s) || s === "null" || s === "pp anonymous") return undefined;
  const named = /^pp anonymous name=(.*)$/s.exec(s);
  if (named) {
    const result = anonymousName.safeParse(named[1]);
    return result.success ? undefined : `the name after pp anonymous name= ${result.error.issues[0].message}`;
  }
  for (const [name, { form, max }] of Object.entries(NUMBERED)) {
    const n = form.exec(s)?.[1];
    if (n !== undefined) return Number(n) <= max ? undefined : `${name} numbers run 1..${max}`;
  }
  return "must be an IPv4 address, pp N, pp anonymous, tunnel N, dhcp lanN, loopbackN or null";
}

const gatewayTarget = z.string().superRefine((s, ctx) => {
  const problem = gatewayProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Keywords `ip route` takes after its first `gateway` (CR §8.1.7). */
const MAX_ROUTE_KEYWORDS = 129;

export interface RouteGateway {
  gateway: string;
  /** A filter-type route: the gateway is used for packets these `ip filter` numbers pass (`filter N...`). */
  filters?: number[];
  metric?: number;
  /** Installed only while the other gateways are down (`hide`). */
  hide: boolean;
  weight?: number;
  /** Used only while `ip keepalive N` reaches the gateway (`keepalive N`). */
  keepalive?: number;
}

const gatewayOptions = z
  .object({
    gateway: gatewayTarget,
    filters: z
      .array(z.number().int().min(1, "must be 1..21474836").max(21474836, "must be 1..21474836"))
      .min(1, "must list at least one filter")
      .optional(),
    metric: z.number().int().min(1, "must be 1..15").max(15, "must be 1..15").optional(),
    hide: z.boolean().default(false),
    weight: z
      .number()
      .int()
      .min(0, "must be 0..2147483647")
      .max(2147483647, "must be 0..2147483647")
      .optional(),
    /** An `ip keepalive` id, 1..100 on the routers this provider knows (CR §8.1.7). */
    keepalive: z.number().int().min(1, "must be 1..100").max(100, "must be 1..100").optional(),
  })
  .strict();

/** A bare string is a gateway with no options; the normal form is always the object. */
const gateway = z.union([
  gatewayTarget.transform((g): RouteGateway => ({ gateway: g, hide: false })),
  gatewayOptions,
]);

/**
 * "default", or a network; a bare address is the /32 host route (the router's default mask). The normal form has the
 * prefix length without leading zeros, and 0.0.0.0/0 is `default`, the router's name for that route (CR §8.1.7):
 * one route has one identity however it is written.
 */
const network = z
  .string()
  .transform((s) => (s === "default" || s.includes("/") ? s : `${s}/32`))
  .superRefine((s, ctx) => {
    if (s === "default") return;
    const [address, bits] = s.split("/");
    const length = Number(bits);
    if (!isIPv4(address) || !/^\d+$/.test(bits) || length > 32) {
      ctx.addIssue({
        code: "custom",
        message: "must be default, an address, or a network such as 192.168.4.0/24",
      });
    } else if (!isNetwork(s)) {
      ctx.addIssue({
        code: "custom",
        message: `has host bits set; the network is ${networkOf(address, length).toCidrString()}`,
      });
    }
  })
  .transform((s) => {
    if (s === "default") return s;
    const [address, bits] = s.split("/");
    return Number(bits) === 0 ? "default" : `${address}/${Number(bits)}`;
  });

const shape = z
  .object({
    network,
    gateways: z.array(gateway).min(1, "must list at least one gateway"),
  })
  .strict();

export type StaticRouteModel = z.output<typeof shape>;

function gatewayText(g: RouteGateway): string {
  // The CR's order of the parameters (CR §8.1.7); read takes them in any order.
  const parts = [`gateway ${g.gateway}`];
  if (g.filters) parts.push(`filter ${g.filters.join(" ")}`);
  if (g.metric !== undefined) parts.push(`metric ${g.metric}`);
  if (g.hide) parts.push("hide");
  if (g.weight !== undefined) parts.push(`weight ${g.weight}`);
  if (g.keepalive !== undefined) parts.push(`keepalive ${g.keepalive}`);
  return parts.join(" ");
}

/** The router's own addresses: `ip IF address A/P` and `ip IF secondary address A/P`, with their lines. */
export function ownAddresses(config: ConfigIndex): { host: string; text: string }[] {
  return config.find(["ip"]).flatMap((l) => {
    const read = readInterfaceLine(l);
    return read?.setting === "address" && read.host !== undefined
      ? [{ host: read.host, text: l.tokens.join(" ") }]
      : [];
  });
}

function lines(m: StaticRouteModel): Line[] {
  return [line(GLOBAL, `ip route ${m.network} ${m.gateways.map(gatewayText).join(" ")}`)];
}

const networkOfIdentity = (identity: string) => identity.replace(/^ip route /, "");

/** The spellings a router's line may give a network in normal form: a host route with or without /32, default. */
function spellingsOf(net: string): string[] {
  if (net === "default") return [net, "0.0.0.0/0"];
  return net.endsWith("/32") ? [net, net.slice(0, -3)] : [net];
}

function owned(config: ConfigIndex, identity: string): Line[] {
  const spellings = spellingsOf(networkOfIdentity(identity));
  return spellings.flatMap((n) => findLines(config, `ip route ${n}`));
}

/** Splits `gateway A [options] gateway B ...` into gateway objects. */
function parseGateways(text: string, tokens: string[]): unknown[] {
  const gateways: Record<string, unknown>[] = [];
  for (let i = 0; i < tokens.length;) {
    if (tokens[i] !== "gateway") throw new ReadError(text, `unexpected "${tokens[i]}"`);
    const head = tokens[i + 1];
    const takesTwo = head === "pp" || head === "tunnel" || head === "dhcp";
    let target = takesTwo ? `${head} ${tokens[i + 2]}` : head;
    i += takesTwo ? 3 : 2;
    if (target === "pp anonymous" && tokens[i]?.startsWith("name=")) target += ` ${tokens[i++]}`;
    const g: Record<string, unknown> = { gateway: target };
    while (i < tokens.length && tokens[i] !== "gateway") {
      const option = tokens[i++];
      if (option === "hide") g.hide = true;
      else if (option === "metric" || option === "weight" || option === "keepalive")
        g[option] = Number(tokens[i++]);
      else if (option === "filter") {
        const filters: number[] = [];
        while (/^\d+$/.test(tokens[i] ?? "")) filters.push(Number(tokens[i++]));
        g.filters = filters;
      } else throw new ReadError(text, `the "${option}" route option is not modelled`);
    }
    gateways.push(g);
  }
  return gateways;
}

/** The raw inputs an `ip route` line spells (readRouteLine's first half: no checks). Throws ReadError. */
export function parseRoute(tokens: readonly string[]): unknown {
  return { network: tokens[2], gateways: parseGateways(tokens.join(" "), tokens.slice(3)) };
}

/**
 * Refuses a gateway that is the router's own address (`own`, from `ownAddresses`): NAT on the outgoing interface is
 * not applied to a route via the router itself (lint ROUTE_GATEWAY_IS_ROUTER); only the router's config shows them.
 */
export function routeAgainst(
  m: StaticRouteModel,
  own: readonly { host: string; text: string }[],
  fail: (path: (string | number)[], reason: string) => void,
): void {
  m.gateways.forEach((g, i) => {
    const mine = own.find((a) => a.host === g.gateway);
    if (mine)
      fail(
        ["gateways", i],
        `${g.gateway} is the router's own address (${mine.text}); NAT on the outgoing interface is not applied to a route via the router itself: give the host that leads to ${m.network}`,
      );
  });
}

/** A route's cross-field rules (each gateway once, the router's keyword limit), also each StaticRoutes entry's. */
export function routeRules(
  m: StaticRouteModel,
  fail: (path: (string | number)[], reason: string) => void,
): void {
  const seen = new Set<string>();
  m.gateways.forEach((g, i) => {
    if (seen.has(g.gateway)) fail(["gateways", i, "gateway"], `duplicate gateway ${g.gateway}`);
    seen.add(g.gateway);
  });
  const keywords = m.gateways.map(gatewayText).join(" ").split(" ").length - 1;
  if (keywords > MAX_ROUTE_KEYWORDS)
    fail(
      ["gateways"],
      `${keywords} keywords after the first gateway; the router takes at most ${MAX_ROUTE_KEYWORDS}`,
    );
}

export const StaticRoute = defineKind<StaticRouteModel, z.input<typeof shape>>({
  kind: "StaticRoute",
  shape,
  rules: routeRules,
  against: (m, config, fail) => routeAgainst(m, ownAddresses(config), fail),
  identity: (m) => `ip route ${m.network}`,
  stage: "define",
  replaceOnChange: ["network"],
  secretProperties: [],
  lines,
  owned,
  parse: (owned) => parseRoute(sourceOf(owned[0]).tokens),
});

/**
 * One `ip route` line in the model's normal form: the one reader of route lines, shared by the resource's `read`
 * and the analyses (trace, reach, lint), so both see the same gateways and options. Throws ReadError.
 */
export function readRouteLine(l: SourceLine): StaticRouteModel & { line: number } {
  const parsed = StaticRoute.schema.safeParse(parseRoute(l.tokens));
  if (!parsed.success)
    throw new ReadError(l.tokens.join(" "), parsed.error.issues.map((i) => i.message).join("; "));
  return { ...parsed.data, line: l.line };
}

/**
 * The route a command writes or removes (`ip route N ...`, `no ip route N`) as StaticRoute's identity, its network in
 * normal form; undefined for any other command or a network it cannot read.
 */
export function routeIdentityOf(command: string): string | undefined {
  const tokens = command.split(" ");
  const words = tokens[0] === "no" ? tokens.slice(1) : tokens;
  if (!isRouteLine(words)) return undefined;
  const parsed = network.safeParse(words[2]);
  return parsed.success ? `ip route ${parsed.data}` : undefined;
}

/** Whether a line is an `ip route NETWORK ...` line (of the network given, when given: "default"). */
export const isRouteLine = (tokens: readonly string[], network?: string) =>
  tokens[0] === "ip" &&
  tokens[1] === "route" &&
  tokens[2] !== undefined &&
  (network === undefined || tokens[2] === network);

/**
 * The routes of a config (StaticRoute's objects) by their network in normal form (a host route the router printed
 * without /32 is still "ip route A/32"), and the route lines readRouteLine refuses.
 */
export function routeIdentities(config: ConfigIndex): Found {
  const lines = globalLines(config).filter((l) => isRouteLine(l.tokens));
  const { read, unreadable } = readEach(lines, readRouteLine);
  return { identities: read.map((r) => `ip route ${r.network}`), refused: unreadable };
}

/** What a gateway names, in the model's spelling (`192.168.1.1`, `pp 1`, `pp anonymous`, `dhcp lan2`, ...). */
export type GatewayTarget =
  | { kind: "ip"; ip: string }
  /** The null interface: packets are discarded. */
  | { kind: "null" }
  /** `pp 1` / `pp anonymous` (id "anonymous"), `tunnel 2`, `dhcp lan2` / `lan2`, `loopback1`. */
  | { kind: "interface"; interface: "pp" | "tunnel" | "lan" | "loopback"; id: string };

export function targetOf(gateway: string): GatewayTarget {
  if (gateway === "null") return { kind: "null" };
  const [first, second] = gateway.split(" ");
  if ((first === "pp" || first === "tunnel") && second !== undefined)
    return { kind: "interface", interface: first, id: second };
  const named = /^(?:dhcp )?(lan|loopback)(\d+)$/.exec(gateway);
  return named
    ? { kind: "interface", interface: named[1] as "lan" | "loopback", id: named[2] }
    : { kind: "ip", ip: gateway };
}
