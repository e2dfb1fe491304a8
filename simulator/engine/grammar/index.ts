/**
 * The simulator's configuration-command grammar: which commands exist, how their arguments are validated (with the
 * device's error classes), the canonical text `show config` prints, the key a later `no` or re-entry addresses, and
 * the router's fixed `show config` order. Table-driven: one `Spec` per command head, grouped by command family.
 * It shares no parsing code with the provider on purpose (never import from provider/).
 *
 * Layout: tokenizer.ts splits a line into words, values.ts checks single values, reader.ts walks the arguments,
 * order.ts holds the `show config` sections and block positions, spec.ts the `Spec`/`Family` shapes and argument
 * shapes several families share; families/*.ts hold the commands; this file dispatches a line to its spec.
 *
 * To add a command family: create families/NAME.ts exporting a `Family` (its `specs`, and `unchecked` for commands
 * accepted verbatim until they get a spec), give each line its place in `show config` (a SECTION in order.ts for
 * global lines, a free position of the block for pp/tunnel lines), and add it to FAMILIES below.
 *
 * Marks: [V] verified against a dump/CR, [U] our choice where no evidence exists (yamaha-cli.md §15).
 */
import type {
  ConfigCommand,
  GrammarError,
  GrammarResult,
  ModelInfo,
  ParseConfigCommand,
  Scope,
  SimContext,
} from "../grammar-contract";
import { bgp } from "./families/bgp";
import { bridge } from "./families/bridge";
import { device } from "./families/device";
import { cloudServices } from "./families/cloud-services";
import { cooperation } from "./families/cooperation";
import { dhcp } from "./families/dhcp";
import { dpi } from "./families/dpi";
import { dns } from "./families/dns";
import { ethernetFilter } from "./families/ethernet-filter";
import { filters } from "./families/filters";
import { flexiblePort } from "./families/flexible-port";
import { heartbeat } from "./families/heartbeat";
import { interfaces } from "./families/interfaces";
import { ikeOptions } from "./families/ike";
import { ip } from "./families/ip";
import { ipip } from "./families/ipip";
import { ipsec } from "./families/ipsec";
import { ipv6 } from "./families/ipv6";
import { isdn } from "./families/isdn";
import { l2ms } from "./families/l2ms";
import { l2tp } from "./families/l2tp";
import { lan } from "./families/lan";
import { lua } from "./families/lua";
import { mail } from "./families/mail";
import { mobile } from "./families/mobile";
import { nat } from "./families/nat";
import { nat46 } from "./families/nat46";
import { natOptions } from "./families/nat-options";
import { netvolante } from "./families/netvolante";
import { ospf } from "./families/ospf";
import { pp } from "./families/pp";
import { pptp } from "./families/pptp";
import { ppp } from "./families/ppp";
import { qos } from "./families/qos";
import { radius } from "./families/radius";
import { rip } from "./families/rip";
import { routes } from "./families/routes";
import { schedule } from "./families/schedule";
import { services } from "./families/services";
import { sip } from "./families/sip";
import { snmp } from "./families/snmp";
import { storage } from "./families/storage";
import { httpUpload } from "./families/http-upload";
import { system } from "./families/system";
import { telephony } from "./families/telephony";
import { tunnel } from "./families/tunnel";
import { urlFilter } from "./families/url-filter";
import { vlan } from "./families/vlan";
import { Reader } from "./reader";
import { type Env, type Family, hasFeature, hasInterface, type UncheckedSpec } from "./spec";
import { type Token, tokenize } from "./tokenizer";
import { fail, Failure, INTERFACE } from "./values";

export { BLOCKS_SECTION, compareOrder } from "./order";

const FAMILIES: readonly Family[] = [
  system,
  routes,
  interfaces,
  pp,
  tunnel,
  ipsec,
  l2tp,
  filters,
  nat,
  services,
  dhcp,
  dns,
  schedule,
  // Families declared with syntax.ts patterns; the hand-written ones above win a head both declare.
  ip,
  ipv6,
  rip,
  ospf,
  bgp,
  lan,
  vlan,
  bridge,
  ethernetFilter,
  ppp,
  qos,
  snmp,
  netvolante,
  sip,
  telephony,
  isdn,
  lua,
  ikeOptions,
  ipip,
  mobile,
  natOptions,
  device,
  urlFilter,
  pptp,
  radius,
  mail,
  heartbeat,
  storage,
  httpUpload,
  cooperation,
  dpi,
  flexiblePort,
  cloudServices,
  nat46,
  l2ms,
];
/** A family's feature becomes part of each of its commands' existence test. */
function gated<T extends { exists?: (model: ModelInfo) => boolean }>(entry: T, family: Family): T {
  const feature = family.feature;
  if (feature === undefined) return entry;
  return { ...entry, exists: (model) => hasFeature(model, feature) && (entry.exists?.(model) ?? true) };
}
const SPECS = FAMILIES.flatMap((family) => family.specs.map((s) => gated(s, family)));
const UNCHECKED = FAMILIES.flatMap((family) => (family.unchecked ?? []).map((s) => gated(s, family)));

/** First words this grammar owns; any other first word is left to the runtime (operational commands). */
const FIRST_WORDS = new Set(
  [...SPECS, ...UNCHECKED]
    .map((s) => s.head.split(" ")[0])
    .concat(["administrator", "login", "pp", "tunnel"]),
);

/** Commands with these heads are operational (the runtime's): selects, interactive passwords, key generation. */
const OPERATIONAL = [
  /^login user \S+$/,
  /^(no )?(pp|tunnel) select\b/,
  /^administrator( password( encrypted)?)?$/,
  /^login password( encrypted)?$/,
  /^sshd host key generate\b/,
];

/** C0 controls other than tab, and DEL. */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== "\t") || code === 0x7f;
}

function headMatches(
  words: readonly string[],
  tokens: Token[],
): { length: number; iface?: string } | undefined {
  if (tokens.length < words.length) return undefined;
  let iface: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const token = tokens[i].value;
    if (words[i] === "IF") {
      if (!INTERFACE.test(token)) return undefined;
      iface = token;
    } else if (words[i] !== token) return undefined;
  }
  return { length: words.length, iface };
}

/** A table of heads indexed by first word, so a line is matched against its own first word's heads only. */
class HeadTable<T extends { head: string }> {
  private readonly byFirst = new Map<string, { entry: T; words: string[] }[]>();
  constructor(entries: readonly T[]) {
    for (const entry of entries) {
      const words = entry.head.split(" ");
      this.byFirst.set(words[0], [...(this.byFirst.get(words[0]) ?? []), { entry, words }]);
    }
  }
  /** The entry with the longest head matching the line's first words (the first declared among equals). */
  longest(tokens: Token[]): { spec: T; length: number; iface?: string } | undefined {
    let best: { spec: T; length: number; iface?: string } | undefined;
    for (const { entry, words } of this.byFirst.get(tokens[0]?.value ?? "") ?? []) {
      const m = headMatches(words, tokens);
      if (m && (!best || m.length > best.length)) best = { spec: entry, ...m };
    }
    return best;
  }
}

const SPEC_TABLE = new HeadTable(SPECS);
const UNCHECKED_TABLE = new HeadTable(UNCHECKED);

function scopeError(scope: Scope, context: SimContext): GrammarError | undefined {
  if (scope === "pp" && context.kind !== "pp") return "need-pp-select";
  if (scope === "tunnel" && context.kind !== "tunnel") return "need-tunnel-select";
  return undefined;
}

/** `pp disable N` / `tunnel disable N`: the opposites of the enable lines. */
function disable(kind: "pp" | "tunnel", args: Token[], env: Env): GrammarResult {
  const spec = SPECS.find((s) => s.head === `${kind} enable`) ?? fail("invalid-command");
  const scopeFailure = scopeError(spec.scope, env.context);
  if (scopeFailure) return { ok: false, error: scopeFailure };
  spec.args(new Reader(args), env);
  return { ok: true, negate: true, key: spec.head, scope: spec.scope };
}

/** A line of an unchecked family: kept verbatim, keyed by its whole text. */
function unchecked(entry: UncheckedSpec, tokens: Token[], negate: boolean, env: Env): GrammarResult {
  const scopeFailure = scopeError(entry.scope, env.context);
  if (scopeFailure) return { ok: false, error: scopeFailure };
  const key = tokens.map((t) => t.raw).join(" ");
  if (negate) return { ok: true, negate: true, key, scope: entry.scope };
  const order = [...entry.order, key];
  return {
    ok: true,
    negate: false,
    command: { canonical: key, key, scope: entry.scope, order, nested: entry.nested ?? false },
  };
}

function parse(text: string, context: SimContext, model: ModelInfo): GrammarResult | undefined {
  const trimmed = text.trim();
  if (OPERATIONAL.some((re) => re.test(trimmed.replace(/\s+/g, " ")))) return undefined;
  const all = tokenize(trimmed);
  const negate = all[0]?.value === "no";
  const tokens = negate ? all.slice(1) : all;
  if (negate && tokens.length === 0) return { ok: false, error: "parameters" };
  if (tokens.length === 0 || !FIRST_WORDS.has(tokens[0].value)) return undefined;
  // Command input is printable ASCII (CR §2.1.1); a control character in the arguments is refused [U: error class].
  if ([...trimmed].some(isControl)) return { ok: false, error: "illegal-keyword" };
  const words = tokens.map((t) => t.value);
  // Typing a password inline is refused [V] yamaha-cli.md §3; the interactive form is the runtime's.
  if (
    !negate &&
    words[0] === "administrator" &&
    words[1] === "password" &&
    !["encrypted", "*"].includes(words[2])
  ) {
    return { ok: false, error: "parameters" };
  }
  const base: Env = { model, context };
  if (!negate && (words[0] === "pp" || words[0] === "tunnel") && words[1] === "disable") {
    return disable(words[0], tokens.slice(2), base);
  }

  const match = SPEC_TABLE.longest(tokens);
  const verbatim = UNCHECKED_TABLE.longest(tokens);
  if (verbatim && (!match || verbatim.length > match.length)) {
    if (verbatim.spec.exists && !verbatim.spec.exists(model)) return { ok: false, error: "invalid-command" };
    return unchecked(verbatim.spec, tokens, negate, base);
  }
  if (!match || (match.spec.exists && !match.spec.exists(model)))
    return { ok: false, error: "invalid-command" };
  const { spec, length, iface } = match;
  // An interface the model does not have is not a command it knows [U: error class].
  if (iface !== undefined && !hasInterface(model, iface)) return { ok: false, error: "invalid-command" };
  const scopeFailure = scopeError(spec.scope, context);
  if (scopeFailure) return { ok: false, error: scopeFailure };

  const env: Env = { ...base, iface };
  const headText = words.slice(0, length).join(" ");
  const reader = new Reader(tokens.slice(length));
  const key = spec.key ? spec.key(reader, env) : [];
  const keyText = spec.slot ?? [headText, ...key].join(" ");
  if (negate) return { ok: true, negate: true, key: keyText, scope: spec.scope };
  spec.args(reader, env);
  reader.end();
  const command: ConfigCommand = {
    canonical: [headText, ...(spec.show ? spec.show(reader.out) : reader.out)].join(" "),
    key: keyText,
    scope: spec.scope,
    order: spec.order(key, env),
    nested: spec.nested ?? false,
  };
  const secret = spec.secret?.(words.slice(length));
  if (secret !== undefined) command.secret = secret;
  return { ok: true, negate: false, command };
}

/** The grammar entry point the runtime calls for every line it does not handle itself. */
export const parseConfigCommand: ParseConfigCommand = (text, context, model) => {
  try {
    return parse(text, context, model);
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
};

const MASK = "********";

/**
 * The line as the event log records it: each word its command's grammar reads as a password or key (`<secret:...>`,
 * `Reader.secret`) replaced by `********` in place (an option keeps its `key=`), whatever its quoting, and a nested
 * command (`schedule at`'s) masked as a line of its own. A line of such a command that does not parse (a typo, a
 * model without the command, the wrong select context, a `no` form with old values) also has every word from where
 * its reader stopped masked, so a refused line never logs its secret either. Head words match in any case here.
 */
export function maskSecrets(text: string, context: SimContext, model: ModelInfo): string {
  const all = tokenize(text);
  const tokens = all[0]?.value.toLowerCase() === "no" ? all.slice(1) : all;
  const match = SPEC_TABLE.longest(tokens.map((t) => ({ ...t, value: t.value.toLowerCase() })));
  if (!match?.spec.holdsSecrets) return text;
  const args = tokens.slice(match.length);
  const reader = new Reader(args);
  const env: Env = { model, context, iface: match.iface };
  let secrets = reader.secrets;
  try {
    match.spec.key?.(reader, env);
    match.spec.args(reader, env);
    reader.end();
  } catch {
    // Any failure, a grammar bug included: no word from where the reader stopped is known not to be a secret.
    const from = args.length - reader.remaining;
    secrets = [...secrets, ...args.slice(from).map((_, i) => ({ index: from + i, keep: "" }))];
    reader.nested = undefined;
  }
  let masked = text;
  if (reader.nested !== undefined) {
    const start = args[reader.nested].start;
    masked = masked.slice(0, start) + maskSecrets(masked.slice(start), { kind: "none" }, model);
  }
  // From the last word back, so the earlier words' positions still hold.
  for (const { index, keep } of [...secrets].sort((a, b) => b.index - a.index)) {
    const { start, end } = args[index];
    masked = masked.slice(0, start) + keep + MASK + masked.slice(end);
  }
  return masked;
}
