/**
 * What a family file declares: one `Spec` per command head it validates, plus `UncheckedSpec`s for commands it
 * accepts verbatim; and the argument shapes several families share.
 */
import type { Feature, ModelInfo, Scope, SimContext } from "../grammar-contract";
import { interfaceOrder, SECTION, type Order } from "./order";
import type { Reader } from "./reader";
import { keySyntax, syntax } from "./syntax";
import { fail, INTERFACE, ipv4OrRange, ON_OFF } from "./values";

export interface Env {
  model: ModelInfo;
  context: SimContext;
  /** The interface matched by an `IF` placeholder in the head (e.g. `lan1` in `ip lan1 address`). */
  iface?: string;
}

export interface Spec {
  /** Leading words; `IF` matches an interface name (lan1, lan1/2, bridge1, ...). */
  head: string;
  scope: Scope;
  /** Reads the key arguments (used by both the setting and its `no` form) and returns them normalised. */
  key?: (r: Reader, env: Env) => string[];
  /** Reads and validates the remaining arguments; must consume them all. */
  args: (r: Reader, env: Env) => void;
  order: (key: string[], env: Env) => Order;
  /** The key when several heads set one setting (`login password` and `login password encrypted`). */
  slot?: string;
  nested?: boolean;
  exists?: (model: ModelInfo) => boolean;
  /** Rewrites the canonical text (e.g. masking a login password); receives the canonical arguments. */
  show?: (args: string[]) => string[];
  /** Picks the clear secret that `show` masks out of the typed arguments (quotes removed). */
  secret?: (args: string[]) => string | undefined;
  /** Whether a line can carry a password or key (its reader marks the words: `<secret:...>`, `Reader.secret`); the
   * event log masks those, and every argument of a line that does not parse. */
  holdsSecrets?: boolean;
}

/**
 * A plausible command accepted without argument checks, so real configurations outside the product's scope still
 * load. Its whole text is its key (a `no` form must repeat it), and it sorts by `order` then text [U].
 */
export interface UncheckedSpec {
  head: string;
  scope: Scope;
  order: Order;
  nested?: boolean;
  exists?: (model: ModelInfo) => boolean;
}

export function hasFeature(model: ModelInfo, feature: Feature): boolean {
  return model.features === undefined || model.features.includes(feature);
}

/** Whether the model has the interface (CR §1.3); every name is taken for a model without an interface table. */
export function hasInterface(model: ModelInfo, name: string): boolean {
  const ifs = model.interfaces;
  if (!ifs) return true;
  const m = /^([a-z]+)(\d+)(?:([/.])(\d+))?$/.exec(name);
  if (!m) return false;
  const [, kind, n, sep, sub] = m;
  const number = Number(n);
  if (kind === "lan") {
    if (number < 1 || number > ifs.lan) return false;
    // `lanN.M`: a port of a divided switch; `lanN/M`: a tag VLAN (1..32 [U]).
    if (sep === ".")
      return hasFeature(model, "port-division") && Number(sub) >= 1 && Number(sub) <= ifs.switchPorts;
    return sep === undefined || (Number(sub) >= 1 && Number(sub) <= 32);
  }
  if (sep !== undefined) return false;
  if (kind === "vlan") return hasFeature(model, "port-division") && number >= 1 && number <= ifs.switchPorts;
  const counts: Record<string, number> = {
    bri: ifs.bri,
    onu: ifs.onu,
    wlan: ifs.wlan,
    loopback: 9,
    bridge: 1,
  };
  return number >= 1 && number <= (counts[kind] ?? 0);
}

/** One command family (one file under families/): the commands whose first words it owns. */
export interface Family {
  specs: Spec[];
  unchecked?: UncheckedSpec[];
  /** The hardware or software feature a model needs for any of these commands to exist (models.ts). */
  feature?: Feature;
}

/** Numbers in a key sort numerically, words lexically. */
const keyOrder = (key: string[]): Order => key.map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** A global line in `section`, at `item`, then by its key. */
export const inSection =
  (section: number, item = 0): Spec["order"] =>
  (key) => [section, item, ...keyOrder(key)];

interface CommandOptions {
  /** Pattern of the key words (syntax.ts) a `no` form and a re-entry address. */
  key?: string;
  scope?: Scope;
  nested?: boolean;
  exists?: (model: ModelInfo) => boolean;
}

/** A command declared by patterns (syntax.ts): `head`, its argument pattern, and its place in `show config`. */
export function command(
  head: string,
  args: string,
  order: Spec["order"],
  options: CommandOptions = {},
): Spec {
  const spec: Spec = { head, scope: options.scope ?? "global", args: syntax(args), order };
  if (options.key !== undefined) spec.key = keySyntax(options.key);
  if (`${args} ${options.key ?? ""}`.includes("<secret:")) spec.holdsSecrets = true;
  if (options.nested) spec.nested = true;
  if (options.exists) spec.exists = options.exists;
  return spec;
}

/**
 * The three forms most per-link IP commands have (`ip INTERFACE ...`, `ip pp ...`, `ip tunnel ...`, e.g. CR §8.1.17):
 * the interface form sorts with its interface, the pp and tunnel forms at a fixed place of their block.
 */
export function perLink(
  family: "ip" | "ipv6",
  words: string,
  args: string,
  place: { iface: number; pp: number; tunnel: number },
  key?: string,
): Spec[] {
  const within =
    (item: number): Spec["order"] =>
    (k) => [item, ...keyOrder(k)];
  return [
    command(
      `${family} IF ${words}`,
      args,
      (k, env) => [...perInterface(place.iface)(k, env), ...keyOrder(k)],
      {
        key,
      },
    ),
    command(`${family} pp ${words}`, args, within(place.pp), { key, scope: "pp" }),
    command(`${family} tunnel ${words}`, args, within(place.tunnel), { key, scope: "tunnel" }),
  ];
}

/** A fixed position inside a pp or tunnel block (positions: order.ts). */
export const at =
  (item: number): Spec["order"] =>
  () => [item];

/** `ip IF ...` / `ipv6 IF ...` / `switch control use IF` lines: grouped per interface, then by item. */
export const perInterface =
  (item: number) =>
  (key: string[], env: Env): Order => [SECTION.INTERFACE, ...interfaceOrder(env.iface ?? key[0]), item];

/** One word of at most 64 characters (names, descriptions; quote to include blanks). */
export function shortText(r: Reader): void {
  if (r.next().length > 64) fail("out-of-range");
  r.end();
}

export function onOff(r: Reader): void {
  r.kw(ON_OFF);
  r.end();
}

/** `any`, `none`, `lan`, interface names or IP/IP-range lists (telnetd/sshd/dns host, CR §4). */
export function hostList(r: Reader): void {
  if (r.remaining === 0) fail("parameters");
  while (r.remaining > 0)
    r.replace((v) => (["any", "none", "lan"].includes(v) || INTERFACE.test(v) ? v : ipv4OrRange(v)));
}

/** `pp enable`/`tunnel enable` name the selected peer/tunnel; enabling another one from inside a block is not
 * modelled (each block owns its own enable line) [U]. */
export function enableArg(r: Reader, selected: string): void {
  if (r.next() !== selected) fail("parameters");
  r.end();
}
