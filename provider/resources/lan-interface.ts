/**
 * LanInterface: the settings of one LAN port (`ip lanN address/proxyarp/nat descriptor/dhcp service`, and
 * `switch control use lanN`, whether L2MS manages the switches behind it).
 * Identity "lan1". The interface always exists: create takes it over and records the lines it replaced
 * (`prior`); delete writes those back instead of removing the interface.
 */
import { ReadError } from "../errors";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, type SourceLine, findLines, globalLines, line, sourceOf } from "./lines";
import { DEFAULT_MODEL, isRouterModel, lanInterfaceProblem, routerModel } from "./models";
import { interfaceAddressProblem, ipv4, parseAddressWithPrefix } from "./net";
import {
  type NatBinding,
  natBinding,
  natBindingArgs,
  natBindingRules,
  parseNatBinding,
} from "./nat-descriptor";

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
    /**
     * `switch control use lanN on|off [terminal=on|off]` (CR §48.1.2): L2MS on the interface, and whether it
     * collects the terminals behind the switches. Absent: no line (off, the router default).
     */
    switchControl: z.object({ use: z.boolean(), terminal: z.boolean().optional() }).strict().optional(),
  })
  .strict();

export type LanInterfaceModel = z.output<typeof shape>;

/**
 * One `ip IF SETTING ...` line of the interface family, as written on a LAN (`ip lan1`, `ip lan1/3`) or inside a pp
 * or tunnel block (`ip pp`, `ip tunnel`): the one reader of its address, proxyarp, NAT and DHCP service lines, for LanInterface, StaticRoute's check of the
 * router's own addresses and the analyses. It reads what the router prints and leaves refusing values a resource does
 * not model to the resource.
 */
export type InterfaceLine = {
  /** As the line names it: `lan1`, `lan1/3`, `lan1.2`, `loopback1`, ...; `pp` / `tunnel` in their blocks. */
  interface: string;
  /** A LAN port or one of its VLANs (`lan1`, `lan1/3`, `lan1.2`), a pp or tunnel block, or another interface. */
  kind: "lan" | "pp" | "tunnel" | "other";
  line: number;
} & (
  | {
      /** `address A/P` (or `A/MASK`); `secondary address` with `secondary`; `address dhcp` has no host. */
      setting: "address";
      secondary: boolean;
      /** As written, e.g. "192.168.11.250/24" or "dhcp". */
      value: string;
      /** The host and prefix length it spells, when it is an address (a bare address is a /32). */
      host?: string;
      prefixLength?: number;
    }
  | { setting: "proxyarp"; value: string }
  | {
      setting: "nat descriptor";
      binding: NatBinding;
      /** Words of the list that are not descriptor numbers (the binding holds NaN for them). */
      unread: string[];
    }
  | { setting: "dhcp service"; mode: string; servers: string[] }
  /**
   * Another setting of the interface (`mtu`, `tcp mss limit`, `secure filter`, which secure-filter.ts reads, ...):
   * the line still names the interface.
   */
  | { setting: "other" }
);

/** An interface `ip` names (`lan1`, `lan1/3`, `lan1.2`, `loopback1`, `bridge1`, `pp`, `tunnel`), not a command. */
const INTERFACE = /^([a-z]+\d+([/.]\d+)?|pp|tunnel)$/;

const kindOf = (name: string): InterfaceLine["kind"] =>
  name === "pp" || name === "tunnel" ? name : /^lan\d/.test(name) ? "lan" : "other";

/** The interface setting a line holds; undefined for a line that names no interface (`ip route`, `nat ...`). */
export function readInterfaceLine({ tokens, line }: SourceLine): InterfaceLine | undefined {
  const [head, name, what, ...rest] = tokens;
  if (head !== "ip" || name === undefined || !INTERFACE.test(name)) return undefined;
  const at = { interface: name, kind: kindOf(name), line };
  const secondary = what === "secondary" && rest[0] === "address";
  if (what === "address" || secondary) {
    const value = secondary ? rest[1] : rest[0];
    if (value === undefined) return { ...at, setting: "other" };
    const parsed =
      value === "dhcp" ? undefined : parseAddressWithPrefix(value.includes("/") ? value : `${value}/32`);
    return { ...at, setting: "address", secondary, value, ...parsed };
  }
  if (what === "proxyarp" && rest[0] !== undefined) return { ...at, setting: "proxyarp", value: rest[0] };
  if (what === "nat" && rest[0] === "descriptor") {
    const words = rest.slice(1);
    const unread = words.filter((w) => w !== "reverse" && !/^\d+$/.test(w));
    return { ...at, setting: "nat descriptor", binding: parseNatBinding(words), unread };
  }
  if (what === "dhcp" && rest[0] === "service" && rest[1] !== undefined)
    return { ...at, setting: "dhcp service", mode: rest[1], servers: rest.slice(2) };
  return { ...at, setting: "other" };
}

/** `switch control use IF on|off [terminal=on|off]` as the router prints it; LanInterface refuses what it does not model. */
export interface SwitchControlLine {
  interface: string;
  use: string | undefined;
  /** The words after on|off (`terminal=on`). */
  options: string[];
  line: number;
}

/** The one reader of `switch control use` lines; undefined for any other line. */
export function readSwitchControlLine({ tokens, line }: SourceLine): SwitchControlLine | undefined {
  const [a, b, c, name, use, ...options] = tokens;
  if (a !== "switch" || b !== "control" || c !== "use" || name === undefined) return undefined;
  return { interface: name, use, options, line };
}

/**
 * The LANs a config configures (LanInterface's objects): `ip lanN ...`, or `switch control use lanN ...` (L2MS) on a
 * LAN with no ip line; not its ports or VLANs.
 */
export function lanIdentities(config: ConfigIndex): Found {
  const top = globalLines(config);
  const named = [
    ...top.map((l) => readInterfaceLine(l)?.interface),
    ...top.map((l) => readSwitchControlLine(l)?.interface),
  ];
  return { identities: named.filter((n): n is string => /^lan\d+$/.test(n ?? "")), refused: [] };
}

function lines(m: LanInterfaceModel): Line[] {
  const ip = (rest: string) => line(GLOBAL, `ip ${m.interface} ${rest}`);
  const nat = natBindingArgs(m.natDescriptors);
  const sw = m.switchControl;
  const terminal = sw?.terminal === undefined ? "" : ` terminal=${onOff(sw.terminal)}`;
  return [
    ...(m.address ? [ip(`address ${m.address}`)] : []),
    ...(m.proxyArp ? [ip("proxyarp on")] : []),
    ...(nat ? [ip(`nat descriptor ${nat}`)] : []),
    ...(m.dhcp
      ? [ip(`dhcp service ${m.dhcp.mode}${m.dhcp.mode === "relay" ? ` ${m.dhcp.servers.join(" ")}` : ""}`)]
      : []),
    ...(sw ? [line(GLOBAL, `switch control use ${m.interface} ${onOff(sw.use)}${terminal}`)] : []),
  ];
}

const onOff = (on: boolean) => (on ? "on" : "off");

function owned(config: ConfigIndex, identity: string): Line[] {
  return [
    ...["address", "proxyarp", "nat descriptor", "dhcp service"].flatMap((setting) =>
      findLines(config, `ip ${identity} ${setting}`),
    ),
    ...findLines(config, `switch control use ${identity}`),
  ];
}

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  // The model is not in the config body; the header names it ("# NVR510 Rev...").
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    interface: identity,
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  for (const l of owned) {
    if (l.key.startsWith("switch control use")) {
      model.switchControl = parseSwitchControl(l);
      continue;
    }
    const read = readInterfaceLine(sourceOf(l));
    if (read?.setting === "address") model.address = read.value;
    else if (read?.setting === "proxyarp") {
      if (read.value !== "on" && read.value !== "off")
        throw new ReadError(l.text, "only proxyarp on|off is modelled");
      model.proxyArp = read.value === "on";
    } else if (read?.setting === "nat descriptor") model.natDescriptors = read.binding;
    else if (read?.setting === "dhcp service")
      model.dhcp = read.mode === "relay" ? { mode: "relay", servers: read.servers } : { mode: read.mode };
  }
  return model;
}

/** `switch control use IF on|off [terminal=on|off]` back as the model's switchControl. */
function parseSwitchControl(l: Line): unknown {
  const read = readSwitchControlLine(sourceOf(l));
  const [option, ...rest] = read?.options ?? [];
  const use = read?.use;
  const terminal = option === undefined ? undefined : /^terminal=(on|off)$/.exec(option)?.[1];
  if ((use !== "on" && use !== "off") || (option !== undefined && terminal === undefined) || rest.length > 0)
    throw new ReadError(l.text, "only switch control use IF on|off [terminal=on|off] is modelled");
  return terminal === undefined ? { use: use === "on" } : { use: use === "on", terminal: terminal === "on" };
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
  ...alwaysPresent("bind", ["interface"]),
  lines,
  owned,
  parse,
});
