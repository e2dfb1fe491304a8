/**
 * Ipv6Interface: the IPv6 settings of one LAN interface — `ipv6 IF address`, `ipv6 IF rtadv send` (router
 * advertisements of Ipv6Prefix prefixes) and `ipv6 IF dhcp service` (DHCPv6). Identity "ipv6 lan1". The interface
 * always exists: create takes its lines over and records them, delete writes them back (as LanInterface does).
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, type SourceLine, findLines, globalLines, line, sourceOf } from "./lines";
import { ipv6Form } from "./ipv6-prefix";
import { lanName } from "./lan-interface";
import { DEFAULT_MODEL, isRouterModel, lanInterfaceProblem, routerModel } from "./models";

const prefixId = z.number().int().min(1, "must be 1..2147483647").max(2147483647, "must be 1..2147483647");
const RA_OPTIONS = ["m_flag", "o_flag"] as const;

const shape = z
  .object({
    /** The router model, for the LAN interfaces it has. */
    model: routerModel.default(DEFAULT_MODEL),
    interface: lanName,
    /**
     * `ipv6 IF address` lines, one per address: an IPv6 address with its length (`2001:db8::1/64`,
     * `ra-prefix@lan2::1/64`), or auto, dhcp, proxy (CR §30.2.2). Absent: none.
     */
    addresses: z.array(z.union([z.enum(["auto", "dhcp", "proxy"]), ipv6Form])).optional(),
    /** `ipv6 IF rtadv send N... [m_flag=] [o_flag=]` (CR §30.3.3). */
    rtadv: z
      .object({
        prefixes: z.array(prefixId).min(1, "must list at least one prefix"),
        /** Managed address configuration: hosts take addresses by DHCPv6 too. */
        mFlag: z.boolean().optional(),
        /** Other stateful configuration: hosts take DNS and the like by DHCPv6. */
        oFlag: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** `ipv6 IF dhcp service off|server|client [ir=on|off]` (CR §30.2.5). */
    dhcp: z
      .object({
        mode: z.enum(["off", "server", "client"]),
        /** A client sends Information-Request (`ir=on`) instead of Solicit. */
        informationRequest: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Ipv6InterfaceModel = z.output<typeof shape>;

const onOff = (b: boolean) => (b ? "on" : "off");

function lines(m: Ipv6InterfaceModel): Line[] {
  const at = (rest: string) => line(GLOBAL, `ipv6 ${m.interface} ${rest}`);
  const ra = m.rtadv;
  const raOptions = ra
    ? [
        ra.mFlag === undefined ? undefined : `m_flag=${onOff(ra.mFlag)}`,
        ra.oFlag === undefined ? undefined : `o_flag=${onOff(ra.oFlag)}`,
      ]
    : [];
  const ir = m.dhcp?.informationRequest;
  return [
    ...(m.addresses ?? []).map((a) => at(`address ${a}`)),
    ...(ra
      ? [at(["rtadv send", ...ra.prefixes, ...raOptions.filter((o) => o !== undefined)].join(" "))]
      : []),
    ...(m.dhcp ? [at(`dhcp service ${m.dhcp.mode}${ir === undefined ? "" : ` ir=${onOff(ir)}`}`)] : []),
  ];
}

/**
 * One `ipv6 lanN address|rtadv send|dhcp service ...` line as the router prints it (Ipv6Interface refuses what it
 * does not model): the one reader of the family, for the resource and the finder of its objects.
 */
export type Ipv6InterfaceLine = { interface: string; line: number } & (
  | { setting: "address"; value: string | undefined }
  /** The prefix ids, and the other words (`m_flag=on`). */
  | { setting: "rtadv send"; prefixes: number[]; options: string[] }
  | { setting: "dhcp service"; mode: string | undefined; options: string[] }
);

/** The line's setting; undefined for a line that is not one of a LAN's address, rtadv send or dhcp service. */
export function readIpv6InterfaceLine({ tokens, line }: SourceLine): Ipv6InterfaceLine | undefined {
  const [head, name, what, ...rest] = tokens;
  if (head !== "ipv6" || !/^lan\d+$/.test(name ?? "")) return undefined;
  const at = { interface: name, line };
  if (what === "address") return { ...at, setting: "address", value: rest[0] };
  if (what === "rtadv" && rest[0] === "send") {
    const args = rest.slice(1);
    const isId = (a: string) => /^\d+$/.test(a);
    return {
      ...at,
      setting: "rtadv send",
      prefixes: args.filter(isId).map(Number),
      options: args.filter((a) => !isId(a)),
    };
  }
  if (what === "dhcp" && rest[0] === "service")
    return { ...at, setting: "dhcp service", mode: rest[1], options: rest.slice(2) };
  return undefined;
}

/** The LANs with IPv6 settings (Ipv6Interface's objects, "ipv6 lan1"). */
export function ipv6InterfaceIdentities(config: ConfigIndex): Found {
  const read = globalLines(config).flatMap((l) => readIpv6InterfaceLine(l) ?? []);
  return { identities: read.map((l) => `ipv6 ${l.interface}`), refused: [] };
}

function owned(config: ConfigIndex, identity: string): Line[] {
  const iface = identity.replace(/^ipv6 /, "");
  return ["address", "rtadv send", "dhcp service"].flatMap((s) => findLines(config, `ipv6 ${iface} ${s}`));
}

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    interface: identity.replace(/^ipv6 /, ""),
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  for (const l of owned) {
    const read = readIpv6InterfaceLine(sourceOf(l));
    if (read?.setting === "address") model.addresses = [...((model.addresses as string[]) ?? []), read.value];
    else if (read?.setting === "rtadv send") {
      const ra: Record<string, unknown> = { prefixes: read.prefixes };
      for (const o of read.options) {
        const [name, value] = o.split("=");
        if (!(RA_OPTIONS as readonly string[]).includes(name))
          throw new ReadError(l.text, `"${o}" is not modelled`);
        ra[name === "m_flag" ? "mFlag" : "oFlag"] = value === "on";
      }
      model.rtadv = ra;
    } else if (read?.setting === "dhcp service") {
      const [option] = read.options;
      if (option !== undefined && !/^ir=(on|off)$/.test(option))
        throw new ReadError(l.text, `"${option}" is not modelled`);
      const mode = read.mode;
      model.dhcp = option === undefined ? { mode } : { mode, informationRequest: option === "ir=on" };
    }
  }
  return model;
}

export const Ipv6Interface = defineKind<Ipv6InterfaceModel, z.input<typeof shape>>({
  kind: "Ipv6Interface",
  shape,
  rules(m, fail) {
    m.addresses?.forEach((a, i) => {
      if (m.addresses!.indexOf(a) < i) fail(["addresses", i], `duplicate address ${a}`);
    });
    const missing = lanInterfaceProblem(m.model, m.interface);
    if (missing) fail(["interface"], `${m.interface} does not exist: ${missing}`);
    if (m.dhcp?.informationRequest !== undefined && m.dhcp.mode !== "client")
      fail(["dhcp", "informationRequest"], "only a client sends Information-Request");
  },
  identity: (m) => `ipv6 ${m.interface}`,
  // It advertises Ipv6Prefix prefixes, so it comes after them.
  ...alwaysPresent("bind", ["interface"]),
  lines,
  owned,
  parse,
});
