/**
 * MapeTunnel: an IPv4-over-IPv6 MAP-E tunnel (v6plus, OCN Virtual Connect, BIGLOBE IPv6 option), the `tunnel select
 * N` block with `tunnel encapsulation map-e`, `tunnel map-e type`, `ip tunnel mtu`, the NAT descriptors it applies
 * (a descriptor with `address outer map-e`) and `tunnel enable`. Identity "tunnel 1". The secure filters of the
 * tunnel are SecureFilter's. The v6plus dump's tunnel 1 reads back as it is and plans to nothing.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import type { Context } from "../config/model";
import { defineKind } from "./kind";
import { tunnelNumber } from "./ipsec";
import { type Found, type Line, findLines, line, sourceOf } from "./lines";
import { DEFAULT_MODEL, isRouterModel, routerModel, tunnelProblem } from "./models";
import { natBinding, natBindingArgs, natBindingRules, parseNatBinding } from "./nat-descriptor";
import { readTunnelLine, tunnelsWith } from "./tunnel";

const shape = z
  .object({
    /** The router model, for its tunnel numbers. */
    model: routerModel.default(DEFAULT_MODEL),
    tunnel: tunnelNumber,
    /** `tunnel map-e type` (CR §14.14); absent: no line (v6plus, the router default). */
    type: z.enum(["v6plus", "ocn", "ipv6option"]).optional(),
    /** `ip tunnel mtu` 64..1500 (CR §8.1.4). */
    mtu: z.number().int().min(64, "must be 64..1500").max(1500, "must be 64..1500").optional(),
    /** `ip tunnel nat descriptor` (CR §23.2); none by default (no line). */
    natDescriptors: natBinding,
    /** `tunnel enable N` (default true); false writes no enable line. */
    enabled: z.boolean().default(true),
  })
  .strict();

export type MapeTunnelModel = z.output<typeof shape>;

const contextOf = (tunnel: number): Context => ({ kind: "tunnel", tunnel });
const tunnelOf = (identity: string) => Number(identity.replace(/^tunnel /, ""));

function lines(m: MapeTunnelModel): Line[] {
  const at = (text: string) => line(contextOf(m.tunnel), text);
  const nat = natBindingArgs(m.natDescriptors);
  return [
    at("tunnel encapsulation map-e"),
    ...(m.type ? [at(`tunnel map-e type ${m.type}`)] : []),
    ...(m.mtu === undefined ? [] : [at(`ip tunnel mtu ${m.mtu}`)]),
    ...(nat ? [at(`ip tunnel nat descriptor ${nat}`)] : []),
    ...(m.enabled ? [at(`tunnel enable ${m.tunnel}`)] : []),
  ];
}

function owned(config: ConfigIndex, identity: string): Line[] {
  const t = tunnelOf(identity);
  return [
    "tunnel encapsulation",
    "tunnel map-e type",
    "ip tunnel mtu",
    "ip tunnel nat descriptor",
    `tunnel enable ${t}`,
  ].flatMap((p) => findLines(config, p, contextOf(t)));
}

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  const encapsulation = owned
    .flatMap((l) => readTunnelLine(sourceOf(l)) ?? [])
    .find((r) => r.item === "encapsulation");
  // Another encapsulation (IPsec, L2TP) is another resource's tunnel.
  if (encapsulation?.encapsulation !== "map-e") return undefined;
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    tunnel: tunnelOf(identity),
    enabled: false,
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  for (const l of owned) {
    const t = l.text.split(" ");
    if (l.key === "tunnel map-e type") model.type = t[3];
    else if (l.key === "ip tunnel mtu") model.mtu = Number(t[3]);
    else if (l.key === "ip tunnel nat descriptor") model.natDescriptors = parseNatBinding(t.slice(4));
    else if (l.key.startsWith("tunnel enable")) model.enabled = true;
  }
  return model;
}

export const MapeTunnel = defineKind<MapeTunnelModel, z.input<typeof shape>>({
  kind: "MapeTunnel",
  shape,
  rules(m, fail) {
    const tunnel = tunnelProblem(m.model, m.tunnel);
    if (tunnel) fail(["tunnel"], tunnel);
    natBindingRules(m.natDescriptors, "natDescriptors", fail);
  },
  identity: (m) => `tunnel ${m.tunnel}`,
  // It binds NAT descriptors, so it comes after them and goes before them.
  stage: "bind",
  replaceOnChange: ["tunnel"],
  secretProperties: [],
  lines,
  owned,
  parse,
});

/** The MAP-E tunnels of a config (MapeTunnel's objects). */
export const mapeTunnelIdentities = (config: ConfigIndex): Found => tunnelsWith(config, ["map-e"]);
