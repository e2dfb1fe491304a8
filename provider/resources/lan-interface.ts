/**
 * LanInterface: the settings of one LAN port (`ip lanN address/proxyarp/nat descriptor/dhcp service`).
 * Identity "lan1". The interface always exists: create takes it over and records the lines it replaced
 * (`prior`); delete writes those back instead of removing the interface.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError, defineKind } from "./kind";
import { type Line, findLines, line } from "./lines";
import { interfaceNetwork, ipv4 } from "./net";
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

const shape = z
  .object({
    interface: z.string().regex(/^lan\d+$/, "must be a LAN interface name such as lan1"),
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

function parse(owned: Line[], identity: string): unknown {
  const model: Record<string, unknown> = { interface: identity };
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

export const LanInterface = defineKind<LanInterfaceModel>({
  kind: "LanInterface",
  shape,
  rules(m, fail) {
    if (m.address !== undefined && m.address !== "dhcp") {
      const network = interfaceNetwork(m.address);
      if (!network) fail(["address"], "must be ADDRESS/PREFIX such as 192.168.11.250/24, or dhcp");
      else if (network.getSize() > 2n) {
        const host = m.address.split("/")[0];
        if (host === network.getFirst().toString())
          fail(["address"], `${host} is the network address of ${m.address}`);
        if (host === network.getLast().toString())
          fail(["address"], `${host} is the broadcast address of ${m.address}`);
      }
    }
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
