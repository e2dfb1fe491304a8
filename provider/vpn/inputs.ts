/**
 * The VPN designs' inputs: zod shapes with the seed's values as defaults, so an empty input describes the seed's
 * office (lan1 192.168.11.250/24, alias 192.168.253.0/24, pool 192.168.254.1-3 on tunnels 2-4). What the seed
 * cannot know (an upstream LAN, subnets behind LAN gateways, published hosts) has no default: a wrong default
 * there would configure a network that does not exist.
 */
import { z } from "zod";
import type { RouterModelName } from "../resources";
import { tunnels } from "../resources/l2tp-anonymous-pool";
import { lanName } from "../resources/lan-interface";
import { dnsName, interfaceAddress, ipv4, ipv4Range, isIPv4, isNetwork } from "../resources/net";
import { descriptorId } from "../resources/nat-descriptor";
import { filterLines } from "./filters";

export const MODELS = ["nvr510", "nvr500", "rtx830", "rtx1210"] as const satisfies readonly RouterModelName[];
export type RouterModel = (typeof MODELS)[number];

export const network = z
  .string()
  .refine(isNetwork, "must be a network such as 192.168.253.0/24 (no host bits set)");

/** Pulumi resource names are built from host names, so they stay plain words. */
export const hostName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be a word such as fileserver");

export const lan = z
  .object({
    interface: lanName.default("lan1"),
    address: interfaceAddress.default("192.168.11.250/24"),
  })
  .strict()
  .default({});

/** The name or address VPN clients dial. */
export const vpnServer = z
  .string()
  .refine(
    (s) => isIPv4(s) || (dnsName.test(s) && !/^[\d.]+$/.test(s)),
    "must be a DNS name such as vpn.example.jp or an IPv4 address",
  );

/** The L2TP/IPsec side, shared by every design. Passwords and the key are checked by L2tpAnonymousPool. */
export const vpn = z
  .object({
    tunnels: tunnels.default({ from: 2, to: 4 }),
    /** A range outside every LAN, so hosts answer clients through the router without proxy ARP (seed (2)). */
    pool: ipv4Range.default("192.168.254.1-192.168.254.3"),
    users: z
      .array(z.object({ name: z.string(), password: z.string() }).strict())
      .min(1, "must list at least one user"),
    preSharedKey: z.string(),
    /** Tunnels after the first are `tunnel template` copies, so one edit (or `tunnel disable`) covers all. */
    templates: z.boolean().default(true),
    /** The name clients dial (e.g. vpnsv.xx.netvolante.jp); only reported in the client settings. */
    server: vpnServer.optional(),
  })
  .strict();

export const model = z.enum(MODELS).default("nvr510");

export const overlapSafeVpnInputs = z
  .object({
    model,
    lan,
    /** The network the LAN is mapped onto 1:1; same prefix length as the LAN, and used nowhere else. */
    aliasNetwork: network.default("192.168.253.0/24"),
    /**
     * Host number in the LAN where the 1:1 mapping starts; it runs to the last host. The seed maps .2-.254,
     * leaving .1 (usually another router) unaliased.
     */
    aliasFirstHost: z.number().int().min(1, "must be at least 1").default(2),
    /** The LAN toward the home gateway; absent: no second descriptor (seed (4): LAN1 alone is enough). */
    upstream: z
      .object({ interface: lanName.default("lan2"), address: interfaceAddress })
      .strict()
      .optional(),
    /** Hosts reachable at their alias (name → LAN address), or "all" mapped hosts. */
    publishedHosts: z.union([z.literal("all"), z.record(hostName, ipv4)]).default({}),
    vpn,
    /** The LAN's DHCP service; false leaves DHCP alone. */
    dhcp: z
      .union([
        z.literal(false),
        z
          .object({
            scope: z.number().int().min(1, "must be 1..65535").max(65535, "must be 1..65535").default(1),
            range: ipv4Range.default("192.168.11.2-192.168.11.63"),
            binds: z.array(z.object({ ip: ipv4, mac: z.string() }).strict()).default([]),
            /** Where lan1 relays DHCP to: a router address on another interface. Default: the upstream address. */
            relayTo: ipv4.optional(),
            /** Networks behind a router on the LAN, handed to clients as DHCP option 121 routes. */
            subnetsBehindGateways: z.array(z.object({ network, gateway: ipv4 }).strict()).default([]),
          })
          .strict(),
      ])
      .default({}),
    natDescriptors: z
      .object({ lan: descriptorId.default(30), upstream: descriptorId.default(40) })
      .strict()
      .default({}),
    /**
     * The router's IP filter lines (`ip filter`, `ip filter dynamic`, `ip IF secure filter`, pp/tunnel lists inside
     * their `pp select` / `tunnel select`, and `ip route default gateway ...` for the upstream interface), only
     * analysed: the design warns when they would drop the VPN or the published hosts.
     */
    filters: filterLines,
  })
  .strict();

export type OverlapSafeVpnInputs = z.input<typeof overlapSafeVpnInputs>;
export type OverlapSafeVpnSettings = z.output<typeof overlapSafeVpnInputs>;
