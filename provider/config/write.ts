/**
 * What a config looks like after a command list: the router's write semantics on a ConfigTree, the one statement
 * of them in the provider (review's before/after diff and the session's running config both use it).
 * Re-entering a key overwrites its line in place, `no KEY` removes it (CR §1.4), an emptied pp/tunnel block is no
 * longer printed, and a new line goes where `show config` prints it, so a diff of before/after reads like the router.
 */
import { commandKey, commandKeyText } from "./keys";
import type { ConfigItem, ConfigLine, ConfigTree, Context, ContextCommand, SelectBlock } from "./model";
import { isNestedIpsec } from "./scope";
import { tokenize } from "./tokenize";

type Rank = readonly number[];

/** Where the router prints pp and tunnel blocks among global lines (after interfaces, before filters and NAT). */
const BLOCKS = 50;

const ipNumber = (text: string) => text.split(".").reduce((n, o) => n * 256 + Number(o), 0);

/** bridge before lan, a VLAN `lan1/3` after its port. */
function interfaceRank(name: string): number[] | undefined {
  const m = /^([a-z]+)(\d+)(?:[/.](\d+))?$/.exec(name);
  if (!m) return undefined;
  const kinds = ["bridge", "lan", "vlan", "loopback", "onu"];
  return [kinds.includes(m[1]) ? kinds.indexOf(m[1]) : 9, Number(m[2]), Number(m[3] ?? 0)];
}

const INTERFACE_ITEMS = ["address", "secondary", "mtu", "proxyarp", "secure", "nat", "dhcp"];
const NAT_ITEMS = [
  "type",
  "address outer",
  "address inner",
  "masquerade incoming",
  "static",
  "masquerade static",
];
const PP_ITEMS = [
  "pp description",
  "pp keepalive",
  "pp always-on",
  "pppoe use",
  "pp bind",
  "pp auth request",
  "pp auth username",
  "ppp lcp",
  "ppp ipcp ipaddress",
  "ppp ipcp msext",
  "ip pp remote address pool",
  "ip pp address",
  "ip pp mtu",
  "ip pp secure filter",
  "ip pp nat descriptor",
];
const TUNNEL_ITEMS = [
  "tunnel template",
  "tunnel encapsulation",
  "tunnel endpoint",
  "ipsec tunnel",
  "ipsec sa policy",
  "ipsec ike",
  "l2tp",
  "ip tunnel",
];
const SECTIONS: readonly [string, number][] = [
  ["ip filter dynamic", 61],
  ["ip filter", 60],
  ["nat descriptor backward-compatibility", 69],
  ["ipsec", 80],
  ["syslog", 90],
  ["telnetd", 91],
  ["sshd", 92],
  ["httpd", 93],
  ["dhcp scope", 101],
  ["dhcp", 100],
  ["dns", 110],
  ["schedule", 120],
  ["l2tp", 130],
  ["statistics", 140],
];

const position = (items: readonly string[], text: string) => {
  const i = items.findIndex((p) => text === p || text.startsWith(`${p} `));
  return i < 0 ? undefined : i;
};

/** The sort key of a global line as `show config` orders it; undefined for lines whose place we do not know. */
function globalRank(t: readonly string[]): Rank | undefined {
  const text = t.join(" ");
  if (t[0] === "ip" && t[1] === "route") {
    if (t[2] === "default") return [20, 0];
    const [address, bits] = (t[2] ?? "").split("/");
    return [20, 1, ipNumber(address), Number(bits ?? 32)];
  }
  if ((t[0] === "ip" || t[0] === "ipv6") && t[1] !== undefined) {
    const iface = interfaceRank(t[1]);
    const item = position(INTERFACE_ITEMS, t.slice(2).join(" "));
    if (iface && item !== undefined) return [30, t[0] === "ip" ? 0 : 1, ...iface, item];
  }
  if (t[0] === "nat" && t[1] === "descriptor" && t[2] !== "backward-compatibility") {
    const rest = t.slice(2).join(" ");
    const item = position(NAT_ITEMS, rest);
    if (item === undefined) return undefined;
    const words = NAT_ITEMS[item].split(" ").length;
    return [70, Number(t[2 + words]), item, Number(t[3 + words] ?? 0)];
  }
  if (t[0] === "dhcp" && t[1] === "scope") {
    const sub = t[2] === "bind" ? 1 : t[2] === "option" ? 2 : 0;
    const id = Number(sub === 0 ? t[2] : t[3]);
    return [101, id, sub, sub === 1 ? ipNumber(t[4] ?? "0") : 0];
  }
  const section = SECTIONS.find(([p]) => text === p || text.startsWith(`${p} `));
  return section ? [section[1]] : undefined;
}

function blockLineRank(kind: "pp" | "tunnel", t: readonly string[]): Rank | undefined {
  const text = t.join(" ");
  // `pp enable` / `tunnel enable` close their block.
  if (t[1] === "enable" && t[0] === kind) return [99];
  const item = position(kind === "pp" ? PP_ITEMS : TUNNEL_ITEMS, text);
  return item === undefined ? undefined : [item];
}

function blockRank(block: SelectBlock): Rank {
  if (block.kind === "tunnel") return [BLOCKS, 1, Number(block.id)];
  return [BLOCKS, 0, block.id === "anonymous" ? Number.MAX_SAFE_INTEGER : Number(block.id)];
}

function compare(a: Rank, b: Rank): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Index to insert at: before the first element ranked after `rank` (unranked elements keep their places). */
function insertAt<T>(list: readonly T[], rank: Rank | undefined, rankOf: (e: T) => Rank | undefined): number {
  if (rank === undefined) return list.length;
  const i = list.findIndex((e) => {
    const r = rankOf(e);
    return r !== undefined && compare(r, rank) > 0;
  });
  return i < 0 ? list.length : i;
}

/**
 * An item's rank, computed once per item, as a line's key is once per token list (config/keys.ts): the session
 * applies thousands of lines to a config of thousands, and lines and items are never modified in place (see
 * `applyCommand`), so a cached value holds.
 */
const ranks = new WeakMap<ConfigItem, Rank | null>();

const keyOf = (line: ConfigLine): string => commandKeyText(line.tokens);

function itemRank(item: ConfigItem): Rank | undefined {
  let rank = ranks.get(item);
  if (rank === undefined) {
    rank = (item.type === "block" ? blockRank(item.block) : globalRank(item.line.tokens)) ?? null;
    ranks.set(item, rank);
  }
  return rank ?? undefined;
}

function cloneTree(tree: ConfigTree): ConfigTree {
  return { header: { ...tree.header, lines: [...tree.header.lines] }, items: [...tree.items] };
}

function blockOf(context: Context): { kind: "pp" | "tunnel"; id: string } | undefined {
  if (context.kind === "pp") return { kind: "pp", id: context.peer };
  if (context.kind === "tunnel") return { kind: "tunnel", id: String(context.tunnel) };
  return undefined;
}

/**
 * Applies one command to `tree.items`, replacing the array's elements, never changing an item, line or block
 * object: a tree's earlier copy (`{ ...tree, items: [...tree.items] }`) keeps showing the config as it was.
 */
export function applyCommand(tree: ConfigTree, { context, command }: ContextCommand): void {
  const tokens = tokenize(command);
  if (tokens.length === 0) return;
  const key = commandKeyText(tokens);
  const negated = tokens[0] === "no";
  const where = blockOf(context);
  const at = where
    ? tree.items.findIndex(
        (i) => i.type === "block" && i.block.kind === where.kind && i.block.id === where.id,
      )
    : -1;
  const block = at >= 0 ? (tree.items[at] as { type: "block"; block: SelectBlock }).block : undefined;
  const replaceBlock = (lines: ConfigLine[]) => {
    if (lines.length === 0) tree.items.splice(at, 1);
    else tree.items[at] = { type: "block", block: { ...(block as SelectBlock), lines } };
  };

  if (negated) {
    if (where) {
      if (block) replaceBlock(block.lines.filter((l) => keyOf(l) !== key));
    } else {
      tree.items = tree.items.filter((i) => i.type !== "line" || keyOf(i.line) !== key);
    }
    return;
  }

  // An unkeyed line's key is the whole line, so re-entering an identical one rewrites it to itself.
  const line: ConfigLine = { text: command.trim(), tokens, line: 0, indent: 0 };
  if (!where) {
    const existing = tree.items.findIndex((i) => i.type === "line" && keyOf(i.line) === key);
    if (existing >= 0) {
      const old = (tree.items[existing] as { type: "line"; line: ConfigLine }).line;
      tree.items[existing] = { type: "line", line: { ...old, text: line.text, tokens } };
      return;
    }
    const item: ConfigItem = { type: "line", line };
    tree.items.splice(insertAt(tree.items, itemRank(item), itemRank), 0, item);
    return;
  }

  if (!block) {
    const created: SelectBlock = {
      kind: where.kind,
      id: where.id,
      select: {
        text: `${where.kind} select ${where.id}`,
        tokens: [where.kind, "select", where.id],
        line: 0,
        indent: 0,
      },
      lines: [{ ...line, indent: 1 }],
    };
    const item: ConfigItem = { type: "block", block: created };
    tree.items.splice(insertAt(tree.items, itemRank(item), itemRank), 0, item);
    return;
  }
  const lines = [...block.lines];
  const existing = lines.findIndex((l) => keyOf(l) === key);
  if (existing >= 0) {
    lines[existing] = { ...lines[existing], text: line.text, tokens };
    return replaceBlock(lines);
  }
  const nested =
    where.kind === "tunnel" &&
    isNestedIpsec(tokens) &&
    lines.some((l) => commandKey(l.tokens).join(" ") === "ipsec tunnel");
  line.indent = nested ? 2 : 1;
  const kind = where.kind;
  lines.splice(
    insertAt(lines, blockLineRank(kind, tokens), (l) => blockLineRank(kind, l.tokens)),
    0,
    line,
  );
  replaceBlock(lines);
}

/** The config after the router has run `commands` (each in its context) on `tree`. `tree` is not modified. */
export function applyCommands(tree: ConfigTree, commands: readonly ContextCommand[]): ConfigTree {
  const after = cloneTree(tree);
  for (const command of commands) applyCommand(after, command);
  return after;
}
