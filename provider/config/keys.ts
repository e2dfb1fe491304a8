/**
 * Command keys: which leading arguments identify a setting. Re-entering a command with the same key overwrites the
 * setting, and `no KEY` removes it (the router ignores any further `no` arguments, CR §1.4). The session layer uses
 * keys for rollback; resources use `noForm` to delete what they own.
 *
 * Pattern words: lowercase = literal (`a|b` = either literal), UPPERCASE = any argument, UPPERCASE ending in `#` = a
 * numeric argument. A line's key is its first N tokens, N the length of the longest matching pattern (ties: more
 * literal words win). A command matching no pattern is an unkeyed multi-instance line: its key is the whole line.
 */
import { joinTokens } from "./tokenize";

const PATTERNS: readonly string[] = [
  // system, console, login
  "administrator password",
  "login password",
  "login user NAME",
  "login timer",
  "user attribute NAME",
  "security class",
  "console character",
  "console columns",
  "console lines",
  "console prompt",
  "description ID",
  "timezone",
  "set NAME",
  "embedded file NAME",
  "schedule at ID",
  "statistics traffic",
  "dashboard accumulate traffic",
  // routes and filters
  "ip route NETWORK",
  "ip keepalive ID",
  "ip filter N",
  "ip filter dynamic N",
  "ip filter directed-broadcast",
  "ipv6 route NETWORK",
  "ipv6 prefix N",
  "ipv6 filter N",
  "ipv6 filter dynamic N",
  // interfaces (IF is lanN, lanN/M, bridgeN, pp, tunnel, ...)
  "ip IF address",
  "ip IF secondary address",
  "ip IF proxyarp",
  "ip IF mtu",
  "ip IF nat descriptor",
  "ip IF secure filter DIRECTION",
  "ip IF dhcp service",
  "ip IF tcp mss limit",
  "ip IF intrusion detection DIRECTION",
  // The attack type is part of the setting (CR §8.1.17): `... in on` and `... in tcp on` are two lines; `reject` in
  // that place is the older form YAMAHA's examples show (`ip pp intrusion detection in reject on`).
  "ip IF intrusion detection DIRECTION ip|ip-option|fragment|icmp|udp|tcp|ftp|winny|share|default|reject",
  "ip pp remote address",
  "ip pp remote address pool",
  // An interface may hold several IPv6 addresses: `no` names the one it removes (CR §30.2.2).
  "ipv6 IF address ADDRESS",
  "ipv6 IF mtu",
  "ipv6 IF rtadv send",
  "ipv6 IF dhcp service",
  "ipv6 IF secure filter DIRECTION",
  "switch control use IF",
  "lan port-mirroring IF",
  "vlan IF 802.1q",
  "bridge member BRIDGE",
  "ngn type IF",
  "ip IF rip send",
  "ip IF rip receive",
  "netvolante-dns use IF",
  "netvolante-dns hostname host IF",
  "upnp use",
  // NAT
  "nat descriptor type ND",
  "nat descriptor address outer ND",
  "nat descriptor address inner ND",
  "nat descriptor static ND ID",
  "nat descriptor masquerade static ND ID",
  "nat descriptor masquerade incoming ND",
  "nat descriptor masquerade session limit ND ID",
  "nat descriptor masquerade session limit total ND",
  "nat descriptor backward-compatibility",
  "nat descriptor timer ND",
  "nat descriptor log",
  "nat descriptor masquerade port range ND",
  // DHCP, DNS
  "dhcp service",
  "dhcp server rfc2131 compliant",
  "dhcp relay server",
  "dhcp relay select",
  "dhcp relay threshold",
  "dhcp scope N",
  "dhcp scope bind N IP",
  "dhcp scope option N",
  "dns host",
  "dns server",
  "dns server dhcp",
  "dns server pp",
  "dns server select ID",
  "dns domain",
  "dns private name",
  "dns service",
  "dns service fallback",
  "dns private address spoof",
  "dns static TYPE NAME",
  // PP
  "pp name",
  "pp bind",
  "pp always-on",
  "pp auth request",
  "pp auth accept",
  "pp auth myname",
  "pp auth username NAME",
  "pp keepalive use",
  "pp enable ID",
  "pp disable ID",
  "pppoe use",
  "pppoe auto connect",
  "pppoe auto disconnect",
  "pppoe disconnect time",
  "provider type",
  "ppp lcp mru",
  "ppp ipcp ipaddress",
  "ppp ipcp msext",
  "ppp ccp type",
  // tunnel, IPsec, L2TP
  "tunnel encapsulation",
  "tunnel endpoint address",
  "tunnel endpoint name",
  "tunnel template",
  "tunnel map-e type",
  "tunnel enable ID",
  "tunnel disable ID",
  "ipsec tunnel",
  "ipsec sa policy POLICY",
  "ipsec ike KEYWORD GW",
  "ipsec ike keepalive use GW",
  "ipsec ike keepalive log GW",
  "ipsec ike local address GW",
  "ipsec ike local name GW",
  "ipsec ike remote address GW",
  "ipsec ike remote name GW",
  "ipsec ike local id GW",
  "ipsec ike remote id GW",
  "ipsec ike duration TYPE GW",
  "ipsec ike payload type GW",
  "ipsec auto refresh",
  "ipsec auto refresh GW#",
  "ipsec transport ID",
  "ipsec transport template ID",
  "l2tp service",
  "l2tp always-on",
  "l2tp hostname",
  "l2tp syslog",
  "l2tp tunnel auth",
  "l2tp tunnel disconnect time",
  "l2tp keepalive use",
  "l2tp keepalive log",
  "l2tp local router-id",
  "l2tp remote router-id",
  "l2tp remote end-id",
  // services
  "syslog host HOST",
  "syslog facility",
  "syslog notice",
  "syslog info",
  "syslog debug",
  "telnetd host",
  "telnetd service",
  "sshd host",
  "sshd service",
  "sshd host key generate",
  "sftpd host",
  "httpd host",
  "httpd service",
];

/** One word of a pattern: a literal (or `a|b` alternatives), `N#` any number, or any other upper-case placeholder. */
type WordTest = (token: string | undefined) => boolean;

interface Pattern {
  words: string[];
  tests: WordTest[];
  literals: number;
}

const anyToken: WordTest = () => true;
const numberToken: WordTest = (t) => t !== undefined && /^\d+$/.test(t);

function wordTest(word: string): WordTest {
  if (word !== word.toUpperCase()) {
    const alternatives = new Set(word.split("|"));
    return (t) => t !== undefined && alternatives.has(t);
  }
  return word.endsWith("#") ? numberToken : anyToken;
}

/** Patterns grouped by first word, longest and most literal first, so a lookup scans only its family. */
const BY_HEAD: ReadonlyMap<string, Pattern[]> = (() => {
  const map = new Map<string, Pattern[]>();
  for (const p of PATTERNS) {
    const words = p.split(" ");
    const pattern = {
      words,
      tests: words.map(wordTest),
      literals: words.filter((w) => w === w.toLowerCase()).length,
    };
    const list = map.get(words[0]) ?? [];
    list.push(pattern);
    map.set(words[0], list);
  }
  for (const list of map.values()) {
    list.sort((a, b) => b.words.length - a.words.length || b.literals - a.literals);
  }
  return map;
})();

function matches(pattern: Pattern, tokens: readonly string[]): boolean {
  return tokens.length >= pattern.words.length && pattern.tests.every((test, i) => test(tokens[i]));
}

function findPattern(t: readonly string[]): Pattern | undefined {
  return BY_HEAD.get(t[0])?.find((p) => matches(p, t));
}

/** The table row (e.g. "ip route NETWORK") a command is keyed by, or undefined for an unkeyed whole-line command. */
export function keyPattern(tokens: readonly string[]): string | undefined {
  return findPattern(tokens[0] === "no" ? tokens.slice(1) : tokens)?.words.join(" ");
}

/**
 * Keys by token list: a parsed line's tokens are never changed (config/write.ts replaces lines, it does not edit
 * them), and the session keys every line of a config of thousands again for each plan and each batch's check.
 */
const keyed = new WeakMap<readonly string[], readonly string[]>();

/** The key arguments of a command (a leading `no` is ignored): the tokens that identify the setting it writes. */
export function commandKey(tokens: readonly string[]): readonly string[] {
  let key = keyed.get(tokens);
  if (key === undefined) {
    const t = tokens[0] === "no" ? tokens.slice(1) : tokens;
    const pattern = findPattern(t);
    key = Object.freeze(pattern ? t.slice(0, pattern.words.length) : [...t]);
    keyed.set(tokens, key);
  }
  return key;
}

/** A command's key as one string (its key tokens joined by NUL), memoised per token list as `commandKey` is. */
const keyTexts = new WeakMap<readonly string[], string>();
export function commandKeyText(tokens: readonly string[]): string {
  let text = keyTexts.get(tokens);
  if (text === undefined) keyTexts.set(tokens, (text = commandKey(tokens).join("\u0000")));
  return text;
}

/** The `no` command that removes the setting a command wrote, e.g. `no ip route 192.168.4.0/24`. */
export function noForm(tokens: readonly string[]): string {
  return `no ${joinTokens(commandKey(tokens))}`;
}

/** Whether two commands write the same setting (the later one overwrites the earlier). */
export function sameKey(a: readonly string[], b: readonly string[]): boolean {
  const ka = commandKey(a);
  const kb = commandKey(b);
  return ka.length === kb.length && ka.every((t, i) => t === kb[i]);
}

/**
 * Operation commands (CR §56, §57, §58): they act on the router — restart it, erase or load files, clear tables,
 * save, dial, leave administrator mode — rather than set configuration. A command file for `nvr apply` holds
 * configuration; one of these in it is a mistake or an attack (`restart` typed through a file cuts every session).
 * Each entry is the leading words of the command.
 */
const OPERATIONS: readonly string[] = [
  "administrator",
  "call",
  "clear",
  "cold start",
  "confirm",
  "connect",
  "copy",
  "delete",
  "disconnect",
  "execute",
  "exit",
  "format",
  "http revision-up go",
  "interface reset",
  "less",
  "license authentication",
  "load",
  "lua",
  "mail notify",
  "make directory",
  "mount",
  "nslookup",
  "ping",
  "ping6",
  "pp reset",
  "pri loopback",
  "quit",
  "remote setup",
  "rename",
  "restart",
  "rollback timer",
  "rotate",
  "save",
  "set-default-config",
  "set-default-exec",
  "set-serial-baudrate",
  "show",
  "shutdown",
  "sip server connect",
  "sip server disconnect",
  "ssh",
  "telnet",
  "terminate",
  "tftp",
  "traceroute",
  "traceroute6",
  "unmount",
  "wol send",
];

/** Whether a command is an operation rather than configuration (see OPERATIONS). */
export function isOperation(tokens: readonly string[]): boolean {
  return OPERATIONS.some((op) => {
    const words = op.split(" ");
    return words.every((w, i) => tokens[i] === w);
  });
}
