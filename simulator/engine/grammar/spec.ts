/**
 * What a family file declares: one `Spec` per command head it validates, plus `UncheckedSpec`s for commands it
 * accepts verbatim; and the argument shapes several families share.
 */
import type { ModelInfo, Scope, SimContext } from "../grammar-contract";
import { interfaceOrder, SECTION, type Order } from "./order";
import type { Reader } from "./reader";
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
  nested?: boolean;
  exists?: (model: ModelInfo) => boolean;
  /** Rewrites the canonical text (e.g. masking a login password); receives the canonical arguments. */
  show?: (args: string[]) => string[];
  /** Picks the clear secret that `show` masks out of the typed arguments (quotes removed). */
  secret?: (args: string[]) => string | undefined;
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
}

/** One command family (one file under families/): the commands whose first words it owns. */
export interface Family {
  specs: Spec[];
  unchecked?: UncheckedSpec[];
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
