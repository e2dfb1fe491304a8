/**
 * PppoeInterface: an upstream PPPoE session, the `pp select N` block — `pppoe use`, the authentication it accepts
 * and the name and password it sends (`pp auth myname`), LCP/IPCP/CCP negotiation, `ip pp mtu`, the NAT descriptors
 * it applies, `pp always-on` and `pp enable`. Identity "pp 1". Every setting but the interface is optional: an
 * absent one writes no line, so a block read from a real router comes back as it is.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import type { Context } from "../config/model";
import { ReadError } from "../errors";
import { MASK } from "../secrets";
import { defineKind } from "./kind";
import { readPpLine } from "./l2tp-anonymous-pool";
import { type Found, type Line, findLines, line, routerToken, sourceOf } from "./lines";
import { lanName } from "./lan-interface";
import {
  DEFAULT_MODEL,
  MAX_PEER_NUMBER,
  factsOf,
  isRouterModel,
  lanInterfaceProblem,
  routerModel,
} from "./models";
import { natBinding, natBindingArgs, natBindingRules, parseNatBinding } from "./nat-descriptor";

/** `pp auth accept` takes one or two of these (CR §11.2). */
const ACCEPT = ["pap", "chap", "mschap", "mschap-v2"] as const;
/** `ppp ccp type` (CR §11.11.1). */
const CCP_TYPES = ["none", "stac0", "stac", "cstac", "mppe-40", "mppe-128", "mppe-any"] as const;

const onOff = (on: boolean) => (on ? "on" : "off");

const shape = z
  .object({
    /** The router model, for its pp numbers and LAN interfaces. */
    model: routerModel.default(DEFAULT_MODEL),
    /** The pp number, `pp select N` (CR §1.6). */
    peer: z
      .number()
      .int()
      .min(1, "must be a pp number from 1")
      .max(MAX_PEER_NUMBER, `no model takes a pp number over ${MAX_PEER_NUMBER}`),
    /** `pppoe use IF` (CR §11.16.1). */
    interface: lanName,
    /** `pp auth accept A [B]` (CR §11.2); absent: no line (the router accepts none). */
    authAccept: z
      .array(z.enum(ACCEPT))
      .min(1, "must list one or two methods")
      .max(2, "must list one or two methods")
      .optional(),
    /** `pp auth myname NAME PASSWORD`, each at most 64 characters (CR §11.4). */
    myname: z
      .object({ name: routerToken(64), password: routerToken(64, { secret: true }) })
      .strict()
      .optional(),
    /** `ppp lcp mru on LENGTH` (1280..1792), `on` or `off` (CR §11.6.3). */
    lcpMru: z
      .union([
        z.enum(["on", "off"]),
        z.number().int().min(1280, "must be 1280..1792").max(1792, "must be 1280..1792"),
      ])
      .optional(),
    /** `ppp ipcp ipaddress on|off`: take the address the provider assigns (CR §11.9.2). */
    ipcpAddress: z.boolean().optional(),
    /** `ppp ipcp msext on|off`: take DNS/WINS servers from the provider (CR §11.9.8). */
    msext: z.boolean().optional(),
    /** `ppp ccp type` (CR §11.11.1). */
    ccpType: z.enum(CCP_TYPES).optional(),
    /** `ip pp mtu` 64..1500 (CR §8.1.4). */
    mtu: z.number().int().min(64, "must be 64..1500").max(1500, "must be 64..1500").optional(),
    /** `ip pp nat descriptor` (CR §23.2); none by default (no line). */
    natDescriptors: natBinding,
    /** `pp always-on on|off [TIME]` (CR §6.2.1). */
    alwaysOn: z.boolean().optional(),
    /** Seconds before a failed session is dialled again, 60..21474836 (the `TIME` of `pp always-on on`). */
    reconnectTime: z
      .number()
      .int()
      .min(60, "must be 60..21474836 seconds")
      .max(21474836, "must be 60..21474836 seconds")
      .optional(),
    /** `pp enable N` (default true); false writes no enable line, so the session stays down. */
    enabled: z.boolean().default(true),
  })
  .strict();

export type PppoeInterfaceModel = z.output<typeof shape>;

const contextOf = (peer: number | string): Context => ({ kind: "pp", peer: String(peer) });

function lines(m: PppoeInterfaceModel): Line[] {
  const at = (text: string, masked?: string) => line(contextOf(m.peer), text, masked);
  const nat = natBindingArgs(m.natDescriptors);
  const mru = m.lcpMru === undefined ? undefined : typeof m.lcpMru === "number" ? `on ${m.lcpMru}` : m.lcpMru;
  const alwaysOn =
    m.alwaysOn === undefined
      ? undefined
      : `${onOff(m.alwaysOn)}${m.reconnectTime === undefined ? "" : ` ${m.reconnectTime}`}`;
  const myname = "pp auth myname";
  return [
    ...(alwaysOn ? [at(`pp always-on ${alwaysOn}`)] : []),
    at(`pppoe use ${m.interface}`),
    ...(m.authAccept ? [at(`pp auth accept ${m.authAccept.join(" ")}`)] : []),
    ...(m.myname
      ? [at(`${myname} ${m.myname.name} ${m.myname.password}`, `${myname} ${m.myname.name} ${MASK}`)]
      : []),
    ...(mru ? [at(`ppp lcp mru ${mru}`)] : []),
    ...(m.ipcpAddress === undefined ? [] : [at(`ppp ipcp ipaddress ${onOff(m.ipcpAddress)}`)]),
    ...(m.msext === undefined ? [] : [at(`ppp ipcp msext ${onOff(m.msext)}`)]),
    ...(m.ccpType ? [at(`ppp ccp type ${m.ccpType}`)] : []),
    ...(m.mtu === undefined ? [] : [at(`ip pp mtu ${m.mtu}`)]),
    ...(nat ? [at(`ip pp nat descriptor ${nat}`)] : []),
    ...(m.enabled ? [at(`pp enable ${m.peer}`)] : []),
  ];
}

const peerOf = (identity: string) => identity.replace(/^pp /, "");

/** The block's lines this resource owns, in `lines` order; its other lines (filters, keepalive...) are not its. */
const OWNED = [
  "pp always-on",
  "pppoe use",
  "pp auth accept",
  "pp auth myname",
  "ppp lcp mru",
  "ppp ipcp ipaddress",
  "ppp ipcp msext",
  "ppp ccp type",
  "ip pp mtu",
  "ip pp nat descriptor",
];

function owned(config: ConfigIndex, identity: string): Line[] {
  const peer = peerOf(identity);
  const c = contextOf(peer);
  return [...OWNED, `pp enable ${peer}`].flatMap((p) => findLines(config, p, c));
}

/** The pp blocks that are PPPoE sessions, holding `pppoe use` (PppoeInterface's objects, "pp 1"). */
export function pppoeIdentities(config: ConfigIndex): Found {
  const sessions = config
    .blocks("pp")
    .filter((b) => b.lines.some((l) => readPpLine(l)?.item === "pppoe use"));
  return { identities: sessions.map((b) => `pp ${b.id}`), refused: [] };
}

const onOffValue = (word: string | undefined, text: string) => {
  if (word === "on" || word === "off") return word === "on";
  throw new ReadError(text, "only on|off is modelled");
};

function parse(owned: Line[], identity: string, config: ConfigIndex): unknown {
  const peer = peerOf(identity);
  // Without `pppoe use` the block is not a PPPoE session (an ISDN or L2TP peer): not this resource's to read.
  if (!owned.some((l) => l.key === "pppoe use")) return undefined;
  const header = config.model?.toLowerCase();
  const model: Record<string, unknown> = {
    peer: /^\d+$/.test(peer) ? Number(peer) : peer,
    enabled: false,
    ...(isRouterModel(header) ? { model: header } : {}),
  };
  for (const l of owned) {
    const args = l.text.split(" ").slice(l.key.split(" ").length);
    switch (l.key) {
      case "pp always-on":
        model.alwaysOn = onOffValue(args[0], l.text);
        if (args[1] !== undefined) model.reconnectTime = Number(args[1]);
        break;
      case "pppoe use": {
        const read = readPpLine(sourceOf(l));
        model.interface = read?.item === "pppoe use" ? read.interface : undefined;
        break;
      }
      case "pp auth accept":
        model.authAccept = args;
        break;
      case "pp auth myname":
        // Never the line in an error: it holds the password.
        if (args.length !== 2) throw new ReadError("pp auth myname", "expected a name and a password");
        model.myname = { name: args[0], password: args[1] };
        break;
      case "ppp lcp mru":
        model.lcpMru = args[0] === "on" && args[1] !== undefined ? Number(args[1]) : args[0];
        break;
      case "ppp ipcp ipaddress":
        model.ipcpAddress = onOffValue(args[0], l.text);
        break;
      case "ppp ipcp msext": {
        const read = readPpLine(sourceOf(l));
        model.msext = onOffValue(read?.item === "ipcp msext" ? read.value : undefined, l.text);
        break;
      }
      case "ppp ccp type":
        model.ccpType = args[0];
        break;
      case "ip pp mtu":
        model.mtu = Number(args[0]);
        break;
      case "ip pp nat descriptor":
        model.natDescriptors = parseNatBinding(args);
        break;
      default:
        model.enabled = true; // pp enable N
    }
  }
  return model;
}

export const PppoeInterface = defineKind<PppoeInterfaceModel, z.input<typeof shape>>({
  kind: "PppoeInterface",
  shape,
  rules(m, fail) {
    const facts = factsOf(m.model);
    if (m.peer > facts.peers) fail(["peer"], `pp ${m.peer} is past the ${m.model}'s pp 1..${facts.peers}`);
    const missing = lanInterfaceProblem(m.model, m.interface);
    if (missing) fail(["interface"], `${m.interface} does not exist: ${missing}`);
    if (m.authAccept && new Set(m.authAccept).size < m.authAccept.length)
      fail(["authAccept"], "names a method twice");
    if (m.reconnectTime !== undefined && m.alwaysOn !== true)
      fail(["reconnectTime"], "needs alwaysOn: true (it is the TIME of `pp always-on on`)");
    natBindingRules(m.natDescriptors, "natDescriptors", fail);
  },
  identity: (m) => `pp ${m.peer}`,
  // It binds NAT descriptors, so it comes after them and goes before them.
  stage: "bind",
  replaceOnChange: ["peer"],
  secretProperties: ["myname.password"],
  lines,
  owned,
  parse,
});
