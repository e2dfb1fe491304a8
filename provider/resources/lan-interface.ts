/**
 * LanInterface: the settings of one LAN port (`ip lanN address/proxyarp/nat descriptor/dhcp service`).
 * Identity "lan1". The interface always exists: create takes it over and records the lines it replaced
 * (`prior`); delete writes those back instead of removing the interface.
 */
import { ReadError } from "../errors";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { defineKind } from "./kind";
import { type Line, findLines, line } from "./lines";
import { DEFAULT_MODEL, isRouterModel, lanInterfaceProblem, routerModel } from "./models";
import { interfaceAddressProblem, ipv4 } from "./net";
import { natBinding, natBindingArgs, natBindingRules, parseNatBinding } from "./nat-descriptor";

const dhcp = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("off") }).strict(),
  z.object({ mode: z.literal("server") }).strict(),
  z
    .object({
      mode: z.literal("relay"),
      servers: z.array(ipv4).min(1, "must list 1..4 DHCP servers").max(4, "must list 1..4 DHCP servers"),
    })
    .strict(),
]);

/** `lanN` as the router spells it (CR §1.3); which N exist depends on the model (a rule). */
export const lanName = z.string().regex(/^lan[1-9]\d*$/, "must be a LAN interface name such as lan1");

const shape = z
  .object({
    /** The router model, for the LAN interfaces it has. */
    model: routerModel.default(DEFAULT_MODEL),
    interface: lanName,
    /** "192.168.11.250/24", or "dhcp". Absent: no address line. */
    address: z.string().optional(),
    proxyArp: z.boolean().default(false),
    natDescriptors: natBinding,
    /** Absent: the interface follows the global `dhcp service`. */
    dhcp: dhcp.optional(),
  })
  .strict();

export type LanInterfaceModel = z.output<typeof shape>;

function lines(m: LanInterfaceModel): Line[] {
  const ip = (rest: string) => line(GLOBAL, `ip ${m.interface} ${rest}`);
  const nat = natBindingArgs(m.natDescriptors);
  return [
    ...(m.address ? [ip(`address ${m.address}`)] : []),
    ...(m.proxyArp ? [ip("proxyarp on")] : []),
    ...(nat ? [ip(`nat descriptor ${nat}`)] : []),
    ...(m.dhcp
      ? [ip(`dhcp service ${m.dhcp.mode}${m.dhcp.mode === "relay" ? ` ${m.dhcp.servers.join(" ")}` : ""}`)]
      : []),
  ];
}

function owned(config: ConfigIndex, identity: string): Line[] {
  return ["address", "proxyarp", "nat descriptor", "dhcp service"].flatMap((setting) =>
    findLines(config, `ip ${identity} ${setting}`),
  );
}

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  // The model is not in the config body; the header names it ("# NVR510 Rev...").
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    interface: identity,
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  for (const l of owned) {
    const rest = l.text.split(" ").slice(2);
    const setting = rest[0] === "nat" || rest[0] === "dhcp" ? `${rest[0]} ${rest[1]}` : rest[0];
    const args = rest.slice(setting.split(" ").length);
    if (setting === "address") model.address = args.join(" ");
    else if (setting === "proxyarp") {
      if (args[0] !== "on" && args[0] !== "off")
        throw new ReadError(l.text, "only proxyarp on|off is modelled");
      model.proxyArp = args[0] === "on";
    } else if (setting === "nat descriptor") model.natDescriptors = parseNatBinding(args);
    else {
      model.dhcp = args[0] === "relay" ? { mode: "relay", servers: args.slice(1) } : { mode: args[0] };
    }
  }
  return model;
}

export const LanInterface = defineKind<LanInterfaceModel, z.input<typeof shape>>({
  kind: "LanInterface",
  shape,
  rules(m, fail) {
    const missing = lanInterfaceProblem(m.model, m.interface);
    if (missing) fail(["interface"], `${m.interface} does not exist: ${missing}`);
    const address =
      m.address === undefined || m.address === "dhcp" ? undefined : interfaceAddressProblem(m.address);
    if (address) fail(["address"], address);
    natBindingRules(m.natDescriptors, "natDescriptors", fail);
  },
  identity: (m) => m.interface,
  stage: "bind",
  replaceOnChange: ["interface"],
  secretProperties: [],
  alwaysExists: true,
  lines,
  owned,
  parse,
});
