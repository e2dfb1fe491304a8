/**
 * IpFilterDynamic: one dynamic filter (CR §8.1.14), in either of its forms:
 *   `ip filter dynamic N SRC DST PROTOCOL [syslog=on|off] [timeout=S]` — an application the router knows (`www`, `ftp`)
 *   `ip filter dynamic N SRC DST filter LIST [in LIST] [out LIST] [...]` — a trigger of static filters opens the
 *   connections the `in` (reverse direction) and `out` (same direction) filters describe.
 * Identity "ip filter dynamic 200080". Addresses are read by IpFilter's reader (the same fields as a static filter).
 * `ipv6 filter dynamic` (CR §30.7.3) is the same over IPv6 addresses: `dynamicKind("ipv6")` is Ipv6FilterDynamic.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { type ConfigLine, GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import {
  type AddressItem,
  type Family,
  type Ipv6AddressItem,
  addressReader,
  filterNumber,
  listField,
  readLineWith,
} from "./ip-filter";
import { defineKind } from "./kind";
import { type Found, type Line, type Unreadable, findLines, foundById, line, readEach } from "./lines";

/** Applications a dynamic filter names (CR §8.1.14); dhcpc, dhcps, dhcpv6c and dhcpv6s are taken but do nothing. */
export const DYNAMIC_PROTOCOLS = [
  "tcp",
  "udp",
  "ftp",
  "tftp",
  "domain",
  "dns",
  "www",
  "http",
  "https",
  "smtp",
  "submission",
  "pop3",
  "imap",
  "imap3",
  "telnet",
  "ssh",
  "netmeeting",
  "echo",
  "discard",
  "daytime",
  "chargen",
  "time",
  "whois",
  "gopher",
  "finger",
  "sunrpc",
  "ident",
  "nntp",
  "ntp",
  "ms-rpc",
  "netbios_ns",
  "netbios_dgm",
  "netbios_ssn",
  "snmp",
  "snmptrap",
  "bgp",
  "ldap",
  "ms-ds",
  "ike",
  "rlogin",
  "rwho",
  "rsh",
  "syslog",
  "printer",
  "rip",
  "ripng",
  "ms-sql",
  "radius",
  "l2tp",
  "pptp",
  "nfs",
  "msblast",
  "ipsec-nat-t",
  "sip",
  "ping",
  "ping6",
  "dhcpc",
  "dhcps",
  "dhcpv6c",
  "dhcpv6s",
] as const;

/** The options after the protocol or the lists; the router's default is syslog=on and its global timers. */
const MAX_TIMEOUT = 2147483647;

const filterList = z.array(filterNumber).min(1, "must list at least one filter number");

const shapeOf = (family: Family) =>
  z
    .object({
      id: filterNumber,
      source: listField(addressReader(family)),
      destination: listField(addressReader(family)),
      /** The application form: what the router inspects. */
      protocol: z.enum(DYNAMIC_PROTOCOLS).optional(),
      /** The filter form: static filters whose connections trigger this one (`filter LIST`). */
      trigger: filterList.optional(),
      /** Static filters for connections in the reverse direction of the trigger (`in LIST`). */
      in: filterList.optional(),
      /** Static filters for connections in the trigger's direction (`out LIST`). */
      out: filterList.optional(),
      /** Log each connection (`syslog=on`, the router's default) or not. */
      syslog: z.boolean().optional(),
      /** Seconds without data before the connection is released (`timeout=S`). */
      timeout: z
        .number()
        .int()
        .min(1, `must be 1..${MAX_TIMEOUT}`)
        .max(MAX_TIMEOUT, `must be 1..${MAX_TIMEOUT}`)
        .optional(),
    })
    .strict();

/** One shape for both families: they differ in what the fields take, not in their types. */
type Shape = ReturnType<typeof shapeOf>;

export type IpFilterDynamicModel = z.output<Shape>;

const linesOf =
  (family: Family) =>
  (m: IpFilterDynamicModel): Line[] => {
    const parts = [`${family} filter dynamic ${m.id} ${m.source} ${m.destination}`];
    if (m.protocol !== undefined) parts.push(m.protocol);
    if (m.trigger !== undefined) parts.push(`filter ${m.trigger.join(" ")}`);
    if (m.in !== undefined) parts.push(`in ${m.in.join(" ")}`);
    if (m.out !== undefined) parts.push(`out ${m.out.join(" ")}`);
    if (m.syslog !== undefined) parts.push(`syslog=${m.syslog ? "on" : "off"}`);
    if (m.timeout !== undefined) parts.push(`timeout=${m.timeout}`);
    return [line(GLOBAL, parts.join(" "))];
  };

function owned(config: ConfigIndex, identity: string): Line[] {
  return findLines(config, identity).filter((l) => l.key === identity);
}

const number = (t: string) => (/^\d+$/.test(t) ? Number(t) : NaN);

/** The raw inputs an `ip filter dynamic N ...` / `ipv6 filter dynamic N ...` line spells. */
function parseDynamic(text: string): Record<string, unknown> {
  const [, , , id, source, destination, ...rest] = text.split(" ");
  const raw: Record<string, unknown> = { id: number(id), source, destination };
  let list: number[] | undefined;
  for (const t of rest) {
    const option = /^(syslog|timeout)=(.*)$/.exec(t);
    if (option) {
      const [, name, value] = option;
      if (name === "syslog" && value !== "on" && value !== "off")
        throw new ReadError(text, `syslog=${value} must be on or off`);
      raw[name] = name === "syslog" ? value === "on" : number(value);
      list = undefined;
    } else if (t === "filter" || t === "in" || t === "out") {
      list = [];
      raw[t === "filter" ? "trigger" : t] = list;
    } else if (list !== undefined) list.push(number(t));
    else if (raw.protocol === undefined && raw.trigger === undefined) raw.protocol = t;
    else throw new ReadError(text, `unexpected "${t}"`);
  }
  return raw;
}

/** The dynamic filter resource of a family: IpFilterDynamic, or Ipv6FilterDynamic (ipv6-filter-dynamic.ts). */
export const dynamicKind = (family: Family) =>
  defineKind<IpFilterDynamicModel, z.input<Shape>>({
    kind: family === "ip" ? "IpFilterDynamic" : "Ipv6FilterDynamic",
    shape: shapeOf(family),
    rules(m, fail) {
      if ((m.protocol === undefined) === (m.trigger === undefined))
        fail(
          ["protocol"],
          "give either protocol (an application) or trigger (static filter numbers), not both and not neither",
        );
      for (const f of ["in", "out"] as const)
        if (m[f] !== undefined && m.trigger === undefined) fail([f], `${f} lists need a trigger list`);
    },
    identity: (m) => `${family} filter dynamic ${m.id}`,
    stage: "define",
    replaceOnChange: ["id"],
    secretProperties: [],
    lines: linesOf(family),
    owned,
    parse: (owned) => parseDynamic(owned[0].text),
  });

export const IpFilterDynamic = dynamicKind("ip");

/** A dynamic filter line read into what it inspects, with its line number. */
export interface DynamicFilterRule<Address> {
  id: number;
  /** 1-based line of the config it was read from. */
  line: number;
  source: Address[];
  destination: Address[];
  /** The application form's protocol. */
  protocol?: (typeof DYNAMIC_PROTOCOLS)[number];
  /** The filter form's lists (the static filters' addresses and actions are ignored, CR §8.1.14). */
  trigger: number[];
  in: number[];
  out: number[];
  /** Whether connections are logged (the router's default: yes). */
  syslog: boolean;
  timeout?: number;
  model: IpFilterDynamicModel;
}

/** Whether a line is a dynamic filter `ip filter dynamic N ...` (not `ip filter dynamic timer`). */
export const isIpFilterDynamicLine = (tokens: readonly string[]) =>
  tokens[0] === "ip" && tokens[1] === "filter" && tokens[2] === "dynamic" && /^\d+$/.test(tokens[3] ?? "");

export type IpFilterDynamicRule = DynamicFilterRule<AddressItem>;
export type Ipv6FilterDynamicRule = DynamicFilterRule<Ipv6AddressItem>;

/** One dynamic filter line of a family read with its kind; throws ReadError. */
export function readDynamicLineWith(
  family: Family,
  kind: { schema: z.ZodType<IpFilterDynamicModel, z.ZodTypeDef, unknown> },
  l: ConfigLine,
): DynamicFilterRule<AddressItem | Ipv6AddressItem> {
  const model = readLineWith(kind, parseDynamic(l.tokens.join(" ")), l.text);
  const addresses = addressReader(family);
  return {
    id: model.id,
    line: l.line,
    source: addresses(model.source),
    destination: addresses(model.destination),
    ...(model.protocol === undefined ? {} : { protocol: model.protocol }),
    trigger: model.trigger ?? [],
    in: model.in ?? [],
    out: model.out ?? [],
    syslog: model.syslog ?? true,
    ...(model.timeout === undefined ? {} : { timeout: model.timeout }),
    model,
  };
}

/** One `ip filter dynamic N ...` line read; throws ReadError. */
export const readIpFilterDynamicLine = (l: ConfigLine) =>
  readDynamicLineWith("ip", IpFilterDynamic, l) as IpFilterDynamicRule;

/** Every dynamic filter of a config, in config order. */
export function readIpFiltersDynamic(config: ConfigIndex): {
  read: IpFilterDynamicRule[];
  unreadable: Unreadable[];
} {
  const lines = config.find(["ip", "filter", "dynamic"]).filter((l) => isIpFilterDynamicLine(l.tokens));
  return readEach(lines, readIpFilterDynamicLine);
}

/** The dynamic filters of a config (IpFilterDynamic's objects), and the lines their reader refuses. */
export const ipFilterDynamicIdentities = (config: ConfigIndex): Found =>
  foundById(readIpFiltersDynamic(config), "ip filter dynamic");
