/**
 * The simulator's configuration-command grammar: which commands exist, how their arguments are validated (with the
 * device's error classes), the canonical text `show config` prints, the key a later `no` or re-entry addresses, and
 * the router's fixed `show config` order. Table-driven: one `Spec` per command head.
 *
 * Marks: [V] verified against a dump/CR, [U] our choice where no evidence exists (yamaha-cli.md §15).
 */
import { IPv4, IPv4CidrRange, IPv4Mask, Validator } from "ip-num";
import type {
  ConfigCommand,
  GrammarError,
  GrammarResult,
  ModelInfo,
  ParseConfigCommand,
  Scope,
  SimContext,
} from "./grammar-contract";

type Order = (string | number)[];

/** Thrown inside a spec to abort with one of the device's error classes. */
class Failure {
  constructor(readonly error: GrammarError) {}
}
const fail = (error: GrammarError): never => {
  throw new Failure(error);
};

interface Token {
  /** As typed, including any quotes or escapes (canonical text keeps the user's quoting). */
  raw: string;
  /** With quotes and escapes removed (what validation sees). */
  value: string;
}

/** Splits on blanks; `"..."`, `'...'` and `\x` protect blanks (CR §1.5). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let raw = "";
    let value = "";
    while (i < text.length && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        const close = end < 0 ? text.length : end;
        raw += text.slice(i, close + 1);
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (c === "\\" && i + 1 < text.length) {
        raw += text.slice(i, i + 2);
        value += text[i + 1];
        i += 2;
      } else {
        raw += c;
        value += c;
        i++;
      }
    }
    tokens.push({ raw, value });
  }
  return tokens;
}

interface Env {
  model: ModelInfo;
  context: SimContext;
  /** The interface matched by an `IF` placeholder in the head (e.g. `lan1` in `ip lan1 address`). */
  iface?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Value checks shared by the specs

const INTERFACE = /^(lan\d+(\/\d+|\.\d+)?|bridge\d+|loopback\d+|vlan\d+|onu\d+|bri\d+|wlan\d+)$/;
const MAX_ID = 2147483647;
const MAX_FILTER = 21474836;

function integer(text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) fail("not-integer");
  const n = Number(text);
  if (n < min || n > max) fail("out-of-range");
  return n;
}

function isIpv4(text: string): boolean {
  return Validator.isValidIPv4String(text)[0];
}

function ipv4(text: string): string {
  if (!isIpv4(text)) fail("bad-ip");
  return text;
}

function ipv4Number(text: string): number {
  return Number(IPv4.fromString(text).value);
}

/** `a.b.c.d/bits` or `a.b.c.d/dotted-mask`. */
function ipv4Prefix(text: string): string {
  const [ip, mask, extra] = text.split("/");
  if (extra !== undefined || mask === undefined) fail("bad-ip");
  return `${ipv4(ip)}/${prefixLength(mask)}`;
}

/** A mask as bits, dotted quad or `0x` hex (CR §8.1.2); dotted and hex masks print as bits [U]. */
function prefixLength(mask: string): number {
  if (/^\d+$/.test(mask)) return integer(mask, 0, 32);
  return maskBits(/^0x[0-9a-f]{8}$/i.test(mask) ? hexMaskToDotted(mask) : mask);
}

/** Prefix length of a dotted mask such as `255.255.255.0`. */
function maskBits(mask: string): number {
  if (!Validator.isValidIPv4Mask(mask)[0]) fail("bad-ip");
  return Number(new IPv4Mask(mask).prefix);
}

function hexMaskToDotted(mask: string): string {
  return IPv4.fromNumber(BigInt(mask)).toString();
}

/** Number of addresses in `a.b.c.d` or `a.b.c.d-e.f.g.h`. */
function addressCount(text: string): number {
  const [from, to = from] = text.split("-");
  return ipv4Number(to) - ipv4Number(from) + 1;
}

/** Both ends of an address range lie in one network of the given prefix length. */
function inOneNetwork(from: string, to: string, bits: number): boolean {
  return IPv4CidrRange.fromCidr(`${from}/${bits}`).contains(IPv4.fromString(to));
}

/** `a.b.c.d-e.f.g.h` with first ≤ last. */
function ipv4Range(text: string): string {
  const [from, to, extra] = text.split("-");
  if (extra !== undefined || to === undefined) fail("bad-ip");
  if (ipv4Number(ipv4(from)) > ipv4Number(ipv4(to))) fail("out-of-range");
  return text;
}

function isIpv6(text: string): boolean {
  return Validator.isValidIPv6String(text)[0];
}

/** IPv6 prefixes may be relative to a learnt prefix: `ra-prefix@lan2::1/64`, `dhcp-prefix@lan2::/64` [V] dump. */
function ipv6Prefix(text: string): string {
  const m = /^(?:(?:ra|dhcp)-prefix@[a-z]+\d+)?([0-9a-f:]+)\/(\d+)$/i.exec(text) ?? fail("bad-ip");
  if (!text.includes("@") && !isIpv6(m[1])) fail("bad-ip");
  integer(m[2], 0, 128);
  return text;
}

function keyword<T extends string>(text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) fail("illegal-keyword");
  return text as T;
}

const ON_OFF = ["on", "off"] as const;
/** Port mnemonics accepted where a port number is (CR §8 filter table); dumps show `www`, `ftp`, `domain`... */
const PORT_NAMES = [
  "ftp",
  "ftpdata",
  "telnet",
  "smtp",
  "domain",
  "gopher",
  "finger",
  "www",
  "pop3",
  "sunrpc",
  "ident",
  "nntp",
  "ntp",
  "ms-rpc",
  "netbios_ns",
  "netbios_dgm",
  "netbios_ssn",
  "imap",
  "snmp",
  "snmptrap",
  "bgp",
  "imap3",
  "ldap",
  "https",
  "ms-ds",
  "ike",
  "rlogin",
  "rwho",
  "rsh",
  "syslog",
  "printer",
  "rip",
  "ripng",
  "dhcpc",
  "dhcps",
  "tftp",
  "submission",
  "sip",
  "l2tp",
  "pptp",
  "nfs",
  "radius",
  "radacct",
  "echo",
  "discard",
  "daytime",
  "chargen",
  "tcp",
  "udp",
] as const;

function port(text: string): string {
  if (/^\d+$/.test(text)) integer(text, 0, 65535);
  else keyword(text, PORT_NAMES);
  return text;
}

/** `*`, or ports and port ranges separated by commas (`80`, `www`, `1024-65535`, `80,443`). */
function portList(text: string): string {
  if (text !== "*")
    text.split(",").forEach((part) =>
      part
        .split("-")
        .filter((p) => p !== "")
        .forEach(port),
    );
  return text;
}

/** Space-separated IDs `a` or ranges `a-b` (tunnel template, pp/tunnel enable). */
function idList(text: string, min: number, max: number): void {
  const [from, to, extra] = text.split("-");
  if (extra !== undefined) fail("parameters");
  const a = integer(from, min, max);
  if (to !== undefined && integer(to, min, max) < a) fail("out-of-range");
}

// ---------------------------------------------------------------------------------------------------------------
// Argument reader: consumes tokens, validates them and collects the canonical arguments

class Reader {
  private i = 0;
  readonly out: string[] = [];
  constructor(private readonly tokens: Token[]) {}

  get remaining(): number {
    return this.tokens.length - this.i;
  }
  peek(): string | undefined {
    return this.tokens[this.i]?.value;
  }
  /** Next token's value (wrong arity when missing); its raw text is echoed unless `emit` is false. */
  next(emit = true): string {
    const token = this.tokens[this.i] ?? fail("parameters");
    this.i++;
    if (emit) this.out.push(token.raw);
    return token.value;
  }
  /** Consumes a token and emits `text` (the canonical form) instead of what was typed. */
  replace(map: (value: string) => string): string {
    const value = map(this.next(false));
    this.out.push(value);
    return value;
  }
  int(min: number, max: number): number {
    const n = integer(this.next(false), min, max);
    this.out.push(String(n));
    return n;
  }
  kw<T extends string>(allowed: readonly T[]): T {
    return this.replace((v) => keyword(v, allowed)) as T;
  }
  ip(): string {
    return this.replace(ipv4);
  }
  /** All remaining tokens verbatim (free text such as a schedule's command). */
  rest(): void {
    while (this.remaining > 0) this.next();
  }
  end(): void {
    if (this.remaining > 0) fail("parameters");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Command table

interface Spec {
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

// Global show-config sections (yamaha-cli.md §7.2). The pp and tunnel blocks print between NGN and IP_FILTER.
const S = {
  DESCRIPTION: 0,
  LOGIN: 10,
  ROUTE: 20,
  IPV6_PREFIX: 22,
  INTERFACE: 30,
  NGN: 40,
  IP_FILTER: 60,
  IP_FILTER_DYNAMIC: 61,
  NAT_COMPAT: 69,
  NAT: 70,
  IPV6_FILTER: 75,
  IPV6_FILTER_DYNAMIC: 76,
  IPSEC: 80,
  SYSLOG: 90,
  TELNETD: 91,
  SSHD: 92,
  HTTPD: 93,
  DHCP: 100,
  DHCP_SCOPE: 101,
  DNS: 110,
  SCHEDULE: 120,
  L2TP: 130,
  STATISTICS: 140,
  DASHBOARD: 150,
} as const;

/** Where the runtime prints the pp and tunnel blocks among the global lines: after every global line whose
 * `order[0]` is below this value. */
export const BLOCKS_SECTION = 50;

/** Interface sort key: bridge before lan [V] rtx830 dump; a tag VLAN `lan1/3` after its port `lan1`. */
function interfaceOrder(name: string): number[] {
  const m = /^([a-z]+)(\d+)(?:[/.](\d+))?$/.exec(name);
  if (!m) return [99, 0, 0];
  const kinds = ["bridge", "lan", "vlan", "loopback", "onu", "bri", "wlan"];
  return [kinds.indexOf(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
}

const ifaceKey = (r: Reader): string[] => [
  r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword"))),
];

/** `ip IF ...` / `ipv6 IF ...` / `switch control use IF` lines: grouped per interface, then by item. */
const perInterface =
  (item: number) =>
  (key: string[], env: Env): Order => [S.INTERFACE, ...interfaceOrder(env.iface ?? key[0]), item];

/** A fixed position inside a pp or tunnel block. */
const at =
  (item: number): Spec["order"] =>
  () => [item];

function natDescriptorList(r: Reader): void {
  // `LIST [reverse LIST]`, at most 16 descriptors per interface (CR §23.2).
  let count = 0;
  let reverse = false;
  while (r.remaining > 0) {
    if (r.peek() === "reverse") {
      if (reverse) fail("parameters");
      reverse = true;
      r.next();
      if (r.remaining === 0) fail("parameters");
      continue;
    }
    r.int(1, MAX_ID);
    if (++count > 16) fail("parameters");
  }
  if (count === 0) fail("parameters");
}

function filterList(r: Reader): void {
  // `LIST [dynamic LIST]`
  if (r.remaining === 0) fail("parameters");
  let dynamic = false;
  while (r.remaining > 0) {
    if (r.peek() === "dynamic" && !dynamic) {
      dynamic = true;
      r.next();
      continue;
    }
    r.int(1, MAX_FILTER);
  }
}

/** `ip route` gateway list (CR §8.1.7): `gateway GW [filter N..] [dpi N..] [metric M] [hide] [weight W]
 * [keepalive ID]`, repeated; at most 129 words after the first `gateway`. */
function routeGateways(r: Reader, env: Env): void {
  if (r.remaining === 0) fail("parameters");
  if (r.remaining > 130) fail("parameters");
  while (r.remaining > 0) {
    r.kw(["gateway"]);
    const gw = r.next();
    if (gw === "pp") {
      const peer = r.next();
      if (peer === "anonymous") r.replace((v) => (/^name=\S+$/.test(v) ? v : fail("illegal-keyword")));
      else integer(peer, 1, env.model.maxPp);
      if (peer !== "anonymous" && r.peek()?.startsWith("dlci=")) r.next();
    } else if (gw === "tunnel") {
      integer(r.next(), 1, env.model.maxTunnel);
    } else if (gw === "dhcp") {
      r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")));
    } else if (!/^(null|loopback\d+)$/.test(gw)) {
      ipv4(gw);
    }
    while (r.remaining > 0 && r.peek() !== "gateway") {
      const option = r.kw(["filter", "dpi", "metric", "hide", "weight", "keepalive"]);
      if (option === "metric") r.int(1, 15);
      else if (option === "weight") r.int(0, MAX_ID);
      else if (option === "keepalive") r.int(1, 100);
      else if (option === "filter" || option === "dpi") {
        if (!/^\d+$/.test(r.peek() ?? "")) fail("parameters");
        while (/^\d+$/.test(r.peek() ?? "")) r.int(1, option === "filter" ? MAX_FILTER : MAX_ID);
      }
    }
  }
}

/** `default`, or `a.b.c.d[/bits]` where a bare address means /32 [V] CR §8.1.7. The key is normalised; the
 * canonical text keeps what was typed [U]. */
function routeNetwork(r: Reader): string[] {
  const network = r.next();
  if (network === "default") return [network];
  const withLength = network.includes("/") ? network : `${network}/32`;
  const [ip, bits] = withLength.split("/");
  ipv4(ip);
  integer(bits, 0, 32);
  return [withLength];
}

function routeOrder(key: string[]): Order {
  if (key[0] === "default") return [S.ROUTE, 0, 0, 0];
  const [ip, bits] = key[0].split("/");
  return [S.ROUTE, 1, ipv4Number(ip), Number(bits)];
}

/** Filter source/destination: `*`, IP, IP/mask, ranges `a-b`, `a-`, `-b`, comma lists [V] dumps / CR §8. */
function filterAddress(text: string): string {
  if (text === "*") return text;
  for (const part of text.split(",")) {
    const [ip, mask] = part.split("/");
    const ends = ip.split("-").filter((e) => e !== "");
    if (ends.length === 0 || ends.length > 2 || !ends.every(isIpv4)) fail("bad-ip");
    if (mask !== undefined) integer(mask, 0, 32);
  }
  return text;
}

const FILTER_ACTIONS = [
  "pass",
  "reject",
  "restrict",
  "pass-log",
  "pass-nolog",
  "reject-log",
  "reject-nolog",
  "restrict-log",
  "restrict-nolog",
] as const;

function ipFilterArgs(r: Reader, address: (text: string) => string): void {
  r.kw(FILTER_ACTIONS);
  r.replace(address);
  if (r.remaining > 0) r.replace(address);
  if (r.remaining > 0) r.next(); // protocol: names, numbers, lists such as `tcpfin` or `6,17`
  while (r.remaining > 0) r.replace(portList);
  r.end();
}

function ipv6FilterAddress(text: string): string {
  if (text === "*") return text;
  for (const part of text.split(",")) {
    const [ip, bits] = part.split("/");
    if (!isIpv6(ip) && !/@/.test(ip)) fail("bad-ip");
    if (bits !== undefined) integer(bits, 0, 128);
  }
  return text;
}

const DYNAMIC_PROTOCOLS = [
  "ftp",
  "www",
  "smtp",
  "pop3",
  "tcp",
  "udp",
  "domain",
  "telnet",
  "tftp",
  "submission",
  "ident",
  "icmp",
  "icmp6",
  "netmeeting",
  "sip",
  "ping",
  "ping6",
  "https",
  "imap",
  "rtsp",
  "nntp",
  "snmp",
  "ntp",
  "ipsec-nat-t",
] as const;

function filterDynamicArgs(r: Reader, address: (text: string) => string): void {
  r.replace(address);
  r.replace(address);
  if (r.peek() === "filter") {
    // `filter LIST [in LIST] [out LIST]`
    r.next();
    while (r.remaining > 0) {
      if (r.peek() === "in" || r.peek() === "out") r.next();
      else r.int(1, MAX_FILTER);
    }
    return;
  }
  r.kw(DYNAMIC_PROTOCOLS);
  while (r.remaining > 0) r.next(); // options such as syslog=off, timeout=N
}

/** DHCP option codes that have mnemonics (CR §12.1.8); `classless_static_route` for 121 as the seed writes it. */
const DHCP_OPTION_NAMES: Record<string, string> = {
  "3": "router",
  "6": "dns",
  "12": "hostname",
  "15": "domain",
  "44": "wins_server",
  "121": "classless_static_route",
};

/** `OPT=VALUE`: mnemonics win over numbers (one stored form) [U]; hex byte lists print in lower case. */
function dhcpOption(text: string): string {
  const eq = text.indexOf("=");
  if (eq <= 0 || eq === text.length - 1) fail("parameters");
  const rawName = text.slice(0, eq);
  let value = text.slice(eq + 1);
  let name: string;
  if (/^\d+$/.test(rawName)) {
    const code = integer(rawName, 1, 254);
    if (code > 49 && code < 62 && code !== 121) fail("out-of-range");
    name = DHCP_OPTION_NAMES[String(code)] ?? String(code);
  } else {
    name = keyword(rawName, Object.values(DHCP_OPTION_NAMES));
  }
  if (name === "router" || name === "dns" || name === "wins_server") value.split(",").forEach(ipv4);
  else if (name === "classless_static_route") value = classlessRoutes(value);
  else if (/^[0-9a-f]{1,2}(,[0-9a-f]{1,2})+$/i.test(value)) value = value.toLowerCase();
  return `${name}=${value}`;
}

/** RFC 3442 byte list: (width, significant destination octets, 4 router octets) repeated. */
function classlessRoutes(value: string): string {
  const bytes = value.split(",");
  if (!bytes.every((b) => /^[0-9a-f]{1,2}$/i.test(b))) fail("illegal-keyword");
  const numbers = bytes.map((b) => parseInt(b, 16));
  let i = 0;
  while (i < numbers.length) {
    const width = numbers[i];
    if (width > 32) fail("out-of-range");
    i += 1 + Math.ceil(width / 8) + 4;
  }
  if (i !== numbers.length) fail("parameters");
  return bytes.map((b) => b.toLowerCase().padStart(2, "0")).join(",");
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Schedule DATE: weekday names print capitalised (`*\/Wed` [V] dump for input styles such as `*\/wed`) [U]. */
function scheduleDate(text: string): string {
  if (!/^[0-9*,-]+\/[0-9a-z*,-]+$/i.test(text)) fail("illegal-keyword");
  return text.replace(/[a-z]+/gi, (day) => {
    const name = WEEKDAYS.find((d) => d.toLowerCase() === day.toLowerCase());
    return name ?? fail("illegal-keyword");
  });
}

const SCHEDULE_EVENTS = ["startup", "usb-attached", "sd-attached"];

/** Schedule TIME `hh:mm[:ss]` prints as `hh:mm:ss` with two-digit fields [V] (`0:00` → `00:00:00`). */
function scheduleTime(text: string): string {
  if (SCHEDULE_EVENTS.includes(text)) return text;
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) fail("illegal-keyword");
  const limits = [23, 59, 59];
  return [...parts, ...(parts.length === 2 ? ["00"] : [])]
    .map((p, i) => {
      if (p === "*" || /[-,]/.test(p)) return p;
      return String(integer(p, 0, limits[i])).padStart(2, "0");
    })
    .join(":");
}

function scheduleArgs(r: Reader, env: Env): void {
  const first = r.peek() ?? fail("parameters");
  if (first.startsWith("+")) {
    if (env.model.hasScheduleTimer === false) fail("illegal-keyword");
    r.replace((v) => `+${integer(v.slice(1), 1, 3600)}`);
  } else {
    // The device fills in the every-day date [V] yamaha-cli.md §7.2; event times take none [U].
    if (first.includes("/")) r.replace(scheduleDate);
    else if (!SCHEDULE_EVENTS.includes(first)) r.out.push("*/*");
    r.replace(scheduleTime);
  }
  const target = r.next();
  if (target === "pp") {
    const peer = r.next();
    if (peer !== "anonymous") integer(peer, 1, env.model.maxPp);
  } else if (target === "tunnel") integer(r.next(), 1, env.model.maxTunnel);
  else if (target !== "*") fail("illegal-keyword");
  if (r.remaining === 0) fail("parameters");
  r.rest();
}

const inPpBlock = (env: Env): string => (env.context.kind === "pp" ? env.context.peer : "");
const inTunnelBlock = (env: Env): number => (env.context.kind === "tunnel" ? env.context.tunnel : 0);

/** `pp enable`/`tunnel enable` name the selected peer/tunnel; enabling another one from inside a block is not
 * modelled (each block owns its own enable line) [U]. */
function enableArg(r: Reader, selected: string): void {
  if (r.next() !== selected) fail("parameters");
  r.end();
}

const gateway = (r: Reader, env: Env): string[] => [String(r.int(1, env.model.maxTunnel))];

const tunnelEncapsulations = [
  "ipsec",
  "ipip",
  "pptp",
  "l2tp",
  "l2tpv3-raw",
  "l2tpv3",
  "ipudp",
  "map-e",
  "hb46pp",
] as const;

const ESP_ALGORITHMS = ["aes-cbc", "aes256-cbc", "3des-cbc", "des-cbc", "aes-gcm", "aes256-gcm"] as const;
const AH_ALGORITHMS = ["md5-hmac", "sha-hmac", "sha256-hmac", "sha384-hmac", "sha512-hmac"] as const;

const SPECS: Spec[] = [
  // --- system, login and console ------------------------------------------------------------------------------
  {
    head: "description",
    scope: "global",
    key: (r) => [r.replace((v) => (INTERFACE.test(v) ? v : String(integer(v, 1, MAX_FILTER))))],
    args: shortText,
    order: (key) =>
      INTERFACE.test(key[0]) ? [S.INTERFACE, ...interfaceOrder(key[0]), -1] : [S.DESCRIPTION, Number(key[0])],
  },
  {
    // Typed passwords are interactive (runtime); only the stored form from a config file is a configuration line.
    head: "login password encrypted",
    scope: "global",
    args: (r) => {
      r.next();
      r.end();
    },
    order: () => [S.LOGIN, 0],
    show: () => ["*"],
  },
  {
    head: "administrator password encrypted",
    scope: "global",
    args: (r) => {
      r.next();
      r.end();
    },
    order: () => [S.LOGIN, 1],
    show: () => ["*"],
  },
  {
    // Passwords print as `*` [V] CR §4; the clear text reaches the runtime through `secret`.
    head: "login user",
    scope: "global",
    // Names: at most 32 letters, digits, `-` and `_`; passwords: 1..32 printable characters (CR §4.5).
    key: (r) => [r.replace((v) => (/^[A-Za-z0-9_-]{1,32}$/.test(v) ? v : fail("illegal-keyword")))],
    args: (r) => {
      if (r.peek() === "encrypted") r.next();
      else if (r.peek() !== undefined && !/^[\x21-\x7e]{1,32}$/.test(r.peek() ?? "")) fail("out-of-range");
      r.next();
      r.end();
    },
    order: () => [S.LOGIN, 2],
    show: (args) => [args[0], "*"],
    secret: (args) => (args[1] === "encrypted" ? undefined : args[1]),
  },
  {
    head: "security class",
    scope: "global",
    args: (r) => {
      // `LEVEL FORGET [TELNET [SSH]]` (CR §4.7).
      r.int(1, 3);
      r.kw(ON_OFF);
      if (r.remaining > 0) r.kw(ON_OFF);
      if (r.remaining > 0) r.kw(ON_OFF);
      r.end();
    },
    order: () => [S.LOGIN, 4],
  },
  {
    head: "console character",
    scope: "global",
    args: (r) => {
      r.kw(["ascii", "sjis", "euc", "en.ascii", "ja.sjis", "ja.euc", "ja.utf8"]);
      r.end();
    },
    order: () => [S.LOGIN, 5],
  },
  {
    head: "console columns",
    scope: "global",
    args: (r, env) => {
      r.int(80, env.model.maxConsoleColumns ?? 200);
      r.end();
    },
    order: () => [S.LOGIN, 6],
  },
  {
    head: "console lines",
    scope: "global",
    args: (r) => {
      if (r.peek() === "infinity") r.next();
      else r.int(10, 100);
      r.end();
    },
    order: () => [S.LOGIN, 7],
  },
  {
    head: "console prompt",
    scope: "global",
    args: shortText,
    order: () => [S.LOGIN, 8],
  },
  {
    head: "login timer",
    scope: "global",
    args: (r) => {
      if (r.peek() === "clear") r.next();
      else r.int(120, 21474836);
      r.end();
    },
    order: () => [S.LOGIN, 9],
  },

  // --- routes -------------------------------------------------------------------------------------------------
  { head: "ip route", scope: "global", key: routeNetwork, args: routeGateways, order: routeOrder },
  {
    head: "ipv6 prefix",
    scope: "global",
    key: (r) => [String(r.int(1, 255))],
    args: (r) => {
      r.replace(ipv6Prefix);
      r.rest();
    },
    order: (key) => [S.IPV6_PREFIX, Number(key[0])],
  },

  // --- LAN, VLAN and bridge interfaces ------------------------------------------------------------------------
  {
    head: "lan port-mirroring",
    scope: "global",
    key: ifaceKey,
    args: (r) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0) {
        const v = r.next();
        if (!(v === "in" || v === "out" || /^\d+$/.test(v))) fail("illegal-keyword");
      }
    },
    order: perInterface(0),
  },
  {
    head: "vlan",
    scope: "global",
    key: (r) => [r.replace((v) => (/^lan\d+\/\d+$/.test(v) ? v : fail("illegal-keyword")))],
    args: (r) => {
      r.kw(["802.1q"]);
      r.replace((v) =>
        /^vid=\d+$/.test(v) ? `vid=${integer(v.slice(4), 2, 4094)}` : fail("illegal-keyword"),
      );
      while (r.remaining > 0) r.replace((v) => (v.startsWith("name=") ? v : fail("illegal-keyword")));
    },
    order: perInterface(1),
  },
  {
    head: "bridge member",
    scope: "global",
    key: (r) => [r.replace((v) => (/^bridge\d+$/.test(v) ? v : fail("illegal-keyword")))],
    args: (r) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0)
        r.replace((v) => (INTERFACE.test(v) || /^tunnel\d+$/.test(v) ? v : fail("illegal-keyword")));
    },
    order: perInterface(2),
  },
  {
    head: "ip IF address",
    scope: "global",
    args: (r) => {
      if (r.peek() === "dhcp") r.next();
      else r.replace(ipv4Prefix);
      if (r.peek() === "broadcast") {
        r.next();
        r.ip();
      }
      r.end();
    },
    order: perInterface(10),
  },
  {
    // A second network on the same LAN (CR §8.1.3); the seed considers one for the file server.
    head: "ip IF secondary address",
    scope: "global",
    args: (r) => {
      r.replace(ipv4Prefix);
      r.end();
    },
    order: perInterface(10.5),
  },
  {
    head: "ip IF mtu",
    scope: "global",
    args: (r) => {
      r.int(64, 1500);
      r.end();
    },
    order: perInterface(10.6),
  },
  {
    head: "ip IF proxyarp",
    scope: "global",
    args: (r) => {
      if (r.peek() === "vrrp") {
        r.next();
        r.int(1, 255);
      } else r.kw(ON_OFF);
      r.end();
    },
    order: perInterface(11),
  },
  {
    head: "ip IF secure filter",
    scope: "global",
    key: (r) => [r.kw(["in", "out"])],
    args: filterList,
    order: (key, env) => [...perInterface(12)(key, env), key[0]],
  },
  { head: "ip IF nat descriptor", scope: "global", args: natDescriptorList, order: perInterface(14) },
  {
    head: "ip IF dhcp service",
    scope: "global",
    args: (r) => {
      const mode = r.kw(["off", "server", "relay"]);
      if (mode === "relay") {
        // Up to four relay servers (CR §12.1.15).
        if (r.remaining === 0 || r.remaining > 4) fail("parameters");
        while (r.remaining > 0) r.ip();
      }
      r.end();
    },
    order: perInterface(15),
  },
  {
    // An interface may carry several IPv6 addresses, so the address is part of the key [U].
    head: "ipv6 IF address",
    scope: "global",
    key: (r) => [r.peek() === "dhcp" ? r.next() : r.replace(ipv6Prefix)],
    args: (r) => r.end(),
    order: (key, env) => [...perInterface(20)(key, env), key[0]],
  },
  {
    head: "ipv6 IF rtadv send",
    scope: "global",
    args: (r) => {
      r.int(1, 255);
      while (r.remaining > 0)
        r.replace((v) => (/^[a-z_]+=\S+$/.test(v) || /^\d+$/.test(v) ? v : fail("illegal-keyword")));
    },
    order: perInterface(21),
  },
  {
    head: "ipv6 IF secure filter",
    scope: "global",
    key: (r) => [r.kw(["in", "out"])],
    args: filterList,
    order: (key, env) => [...perInterface(22)(key, env), key[0]],
  },
  {
    head: "ipv6 IF dhcp service",
    scope: "global",
    args: (r) => {
      const mode = r.kw(["off", "server", "client"]);
      while (mode !== "off" && r.remaining > 0)
        r.replace((v) => (/^[a-z-]+=\S+$/.test(v) ? v : fail("illegal-keyword")));
      r.end();
    },
    order: perInterface(24),
  },
  {
    head: "switch control use",
    scope: "global",
    key: ifaceKey,
    args: (r) => {
      r.kw(ON_OFF);
      while (r.remaining > 0) r.replace((v) => (/^terminal=(on|off)$/.test(v) ? v : fail("illegal-keyword")));
    },
    order: perInterface(30),
  },
  {
    head: "ngn type",
    scope: "global",
    key: ifaceKey,
    args: (r) => {
      r.kw(["ntt", "off"]);
      r.end();
    },
    order: (key) => [S.NGN, ...interfaceOrder(key[0])],
  },

  // --- pp blocks: order as the dumps print them (pp enable last) ---------------------------------------------
  // The selected interface's one-line description (CR §4.56) heads its block [U].
  { head: "description pp", scope: "pp", args: shortText, order: at(-1) },
  { head: "pp name", scope: "pp", args: shortText, order: at(0) },
  {
    head: "pp bind",
    scope: "pp",
    args: (r, env) => {
      // Several tunnels or a range only on `pp select anonymous` (CR §17.1.2).
      const anonymous = inPpBlock(env) === "anonymous";
      if (r.remaining === 0) fail("parameters");
      if (r.remaining > 1 && !anonymous) fail("parameters");
      while (r.remaining > 0) {
        const bind = r.next();
        const range = /^tunnel(\d+)(?:-tunnel(\d+))?$/.exec(bind);
        if (range) {
          if (range[2] !== undefined && !anonymous) fail("parameters");
          idList(range[2] === undefined ? range[1] : `${range[1]}-${range[2]}`, 1, env.model.maxTunnel);
        } else if (!INTERFACE.test(bind)) fail("illegal-keyword");
      }
    },
    order: at(1),
  },
  {
    head: "pppoe use",
    scope: "pp",
    args: (r) => {
      r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")));
      r.end();
    },
    order: at(2),
  },
  {
    head: "pp auth request",
    scope: "pp",
    args: (r) => {
      r.kw(["pap", "chap", "mschap", "mschap-v2", "chap-pap"]);
      if (r.remaining > 0) r.kw(["arrive-only"]);
      r.end();
    },
    order: at(3),
  },
  {
    head: "pp auth accept",
    scope: "pp",
    args: (r) => {
      r.kw(["pap", "chap", "mschap", "mschap-v2"]);
      if (r.remaining > 0) r.kw(["pap", "chap", "mschap", "mschap-v2"]);
      r.end();
    },
    order: at(4),
  },
  {
    head: "pp auth myname",
    scope: "pp",
    args: (r) => {
      if (r.next().length > 64 || r.next().length > 64) fail("out-of-range");
      r.end();
    },
    order: at(5),
  },
  {
    // Several usernames print in the order they were entered (equal order; the runtime's sort is stable) [U].
    head: "pp auth username",
    scope: "pp",
    key: (r) => [r.replace((v) => (v.length > 64 ? fail("out-of-range") : v))],
    args: (r) => {
      if (r.next().length > 64) fail("out-of-range");
      if (r.peek() === "myname") {
        r.next();
        r.next();
        r.next();
      }
      if (r.remaining > 0) r.replace((v) => (v === "*" ? v : ipv4(v)));
      if (r.remaining > 0) r.replace(ipv6Prefix);
      r.end();
    },
    order: at(6),
  },
  {
    head: "ppp lcp mru",
    scope: "pp",
    args: (r) => {
      r.kw(ON_OFF);
      if (r.remaining > 0) r.int(1280, 1792);
      r.end();
    },
    order: at(10),
  },
  { head: "ppp ipcp ipaddress", scope: "pp", args: onOff, order: at(11) },
  { head: "ppp ipcp msext", scope: "pp", args: onOff, order: at(12) },
  {
    head: "ppp ccp type",
    scope: "pp",
    args: (r) => {
      r.kw(["none", "stac", "cstac", "mppe-40", "mppe-128", "mppe-any"]);
      r.end();
    },
    order: at(13),
  },
  {
    head: "ip pp address",
    scope: "pp",
    args: (r) => {
      r.replace((v) => (v.includes("/") ? ipv4Prefix(v) : ipv4(v)));
      r.end();
    },
    order: at(20),
  },
  {
    head: "ip pp remote address",
    scope: "pp",
    args: (r) => {
      if (r.peek() === "dhcpc") r.next();
      else r.ip();
      r.end();
    },
    order: at(21),
  },
  {
    // `IP [IP...]`, `IP-IP`, `dhcp` or `dhcpc [IF]`; at most the model's number of addresses (CR §8.2.2).
    head: "ip pp remote address pool",
    scope: "pp",
    args: (r, env) => {
      const first = r.peek() ?? fail("parameters");
      if (first === "dhcp") r.next();
      else if (first === "dhcpc") {
        r.next();
        if (r.remaining > 0) r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")));
      } else {
        let addresses = 0;
        while (r.remaining > 0)
          addresses += addressCount(r.replace((v) => (v.includes("-") ? ipv4Range(v) : ipv4(v))));
        if (addresses > (env.model.maxPoolAddresses ?? Infinity)) fail("out-of-range");
      }
      r.end();
    },
    order: at(22),
  },
  {
    head: "ip pp mtu",
    scope: "pp",
    args: (r) => {
      r.int(64, 1500);
      r.end();
    },
    order: at(23),
  },
  {
    head: "ip pp secure filter",
    scope: "pp",
    key: (r) => [r.kw(["in", "out"])],
    args: filterList,
    order: (key) => [24, key[0]],
  },
  { head: "ip pp nat descriptor", scope: "pp", args: natDescriptorList, order: at(26) },
  { head: "pp enable", scope: "pp", args: (r, env) => enableArg(r, inPpBlock(env)), order: at(99) },

  // --- tunnel blocks: encapsulation, template, ipsec tunnel + nested IKE lines, l2tp, ip tunnel, enable -------
  { head: "description tunnel", scope: "tunnel", args: shortText, order: at(-1) },
  {
    head: "tunnel encapsulation",
    scope: "tunnel",
    args: (r, env) => {
      const encapsulation = r.kw(tunnelEncapsulations);
      if (encapsulation === "map-e" && env.model.hasMapE === false) fail("illegal-keyword");
      r.end();
    },
    order: at(0),
  },
  {
    head: "tunnel endpoint address",
    scope: "tunnel",
    args: (r) => {
      // `[LOCAL] REMOTE` (CR §14.9).
      const address = (v: string): string => (isIpv6(v) ? v : ipv4(v));
      r.replace(address);
      if (r.remaining > 0) r.replace(address);
      r.end();
    },
    order: at(1),
  },
  {
    head: "tunnel map-e type",
    scope: "tunnel",
    exists: (model) => model.hasMapE !== false,
    args: (r) => {
      r.kw(["v6plus", "ocn", "ipv6option"]);
      r.end();
    },
    order: at(2),
  },
  {
    head: "tunnel template",
    scope: "tunnel",
    args: (r, env) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0) idList(r.next(), 1, env.model.maxTunnel);
    },
    order: at(3),
  },
  {
    head: "ipsec tunnel",
    scope: "tunnel",
    args: (r) => {
      r.int(1, MAX_ID);
      r.end();
    },
    order: at(10),
  },
  {
    head: "ipsec sa policy",
    scope: "tunnel",
    nested: true,
    key: (r) => [String(r.int(1, MAX_ID))],
    args: (r, env) => {
      gateway(r, env);
      // `esp [ESP_ALG] [AH_ALG]` or `ah [AH_ALG] [local-id=] [remote-id=]`, then `anti-replay-check=` (CR §15.44).
      const protocol = r.kw(["esp", "ah"]);
      const isAlgorithm = (list: readonly string[]): boolean => list.includes(r.peek() ?? "");
      if (protocol === "esp" && isAlgorithm(ESP_ALGORITHMS)) r.next();
      if (isAlgorithm(AH_ALGORITHMS)) r.next();
      const options =
        protocol === "ah" ? /^(local-id|remote-id|anti-replay-check)=\S+$/ : /^anti-replay-check=\S+$/;
      while (r.remaining > 0) r.replace((v) => (options.test(v) ? v : fail("illegal-keyword")));
    },
    order: (key) => [11, Number(key[0])],
  },
  ike("keepalive log", 14, (r) => {
    r.kw(ON_OFF);
    r.end();
  }),
  ike("keepalive use", 15, (r) => {
    // `on|off|auto [heartbeat|dpd|rfc4306|icmp-echo IP [length=N]] [interval count [upwait]] [options]` (CR §15.21).
    r.kw(["on", "off", "auto"]);
    const method = r.peek();
    if (method === "heartbeat" || method === "dpd" || method === "rfc4306") r.next();
    else if (method === "icmp-echo") {
      r.next();
      r.replace((v) => (isIpv6(v) ? v : ipv4(v)));
      if (r.peek()?.startsWith("length=")) r.replace((v) => `length=${integer(v.slice(7), 64, 1500)}`);
    }
    if (/^\d+$/.test(r.peek() ?? "")) {
      r.int(1, 600);
      r.int(1, 50);
      if (/^\d+$/.test(r.peek() ?? "")) r.int(0, 1000000);
    }
    while (r.remaining > 0) r.kw(["down=disconnect", "send-only-new-sa=on", "send-only-new-sa=off"]);
  }),
  ike("local address", 16, (r, env) => {
    // An address, or `vrrp IF VRID` / `ipcp pp N` (CR §15.17; the IPv6-prefix form is not modelled).
    const first = r.peek();
    if (first === "vrrp") {
      r.next();
      r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")));
      r.int(1, 255);
    } else if (first === "ipcp") {
      r.next();
      r.kw(["pp"]);
      r.int(1, env.model.maxPp);
    } else r.replace((v) => (isIpv6(v) ? v : ipv4(v)));
    r.end();
  }),
  ike("local name", 17, ikeName),
  ike("nat-traversal", 18, (r) => {
    // `on|off [keepalive=off|30..100000] [force=on|off] [type=1|2]` (CR §15.47).
    r.kw(ON_OFF);
    while (r.remaining > 0)
      r.replace((v) => {
        const [option, value] = v.split("=");
        if (option === "keepalive" && value !== "off") return `keepalive=${integer(value ?? "", 30, 100000)}`;
        if (/^(keepalive=off|force=(on|off)|type=[12])$/.test(v)) return v;
        return fail("illegal-keyword");
      });
  }),
  ike("pre-shared-key", 19, (r) => {
    // `text TEXT` (≤128 characters) or `0x` hex (≤128 bytes) (CR §15.5).
    if (r.peek() === "text") {
      r.next();
      if (r.next().length > 128) fail("out-of-range");
    } else r.replace((v) => (/^0x([0-9a-f]{2}){1,128}$/i.test(v) ? v : fail("illegal-keyword")));
    r.end();
  }),
  ike("remote address", 20, (r) => {
    // `any`, an IP, or a host name of at most 255 characters; dotted-quad look-alikes must be valid addresses.
    r.replace((v) => {
      if (v === "any" || isIpv6(v)) return v;
      if (/^[\d.]+$/.test(v)) return ipv4(v);
      return /^[a-z0-9.-]{1,255}$/i.test(v) ? v : fail("bad-ip");
    });
    r.end();
  }),
  ike("remote name", 21, ikeName),
  ike("log", 22, (r) => {
    if (r.remaining === 0) fail("parameters");
    while (r.remaining > 0) r.kw(["key-info", "message-info", "payload-info"]);
  }),
  { head: "l2tp always-on", scope: "tunnel", args: onOff, order: at(30) },
  {
    head: "l2tp hostname",
    scope: "tunnel",
    args: (r) => {
      r.next();
      r.end();
    },
    order: at(31),
  },
  {
    head: "l2tp tunnel auth",
    scope: "tunnel",
    args: (r) => {
      // The password is at most 32 characters (CR §16.2).
      r.kw(ON_OFF);
      if (r.remaining > 0 && r.next().length > 32) fail("out-of-range");
      r.end();
    },
    order: at(32),
  },
  {
    head: "l2tp tunnel disconnect time",
    scope: "tunnel",
    args: (r) => {
      if (r.peek() === "off") r.next();
      else r.int(1, 21474836);
      r.end();
    },
    order: at(33),
  },
  {
    head: "l2tp keepalive use",
    scope: "tunnel",
    args: (r) => {
      r.kw(ON_OFF);
      if (r.remaining > 0) r.int(1, 600);
      if (r.remaining > 0) r.int(1, 50);
      r.end();
    },
    order: at(34),
  },
  { head: "l2tp keepalive log", scope: "tunnel", args: onOff, order: at(35) },
  { head: "l2tp syslog", scope: "tunnel", args: onOff, order: at(36) },
  { head: "l2tp local router-id", scope: "tunnel", args: oneIp, order: at(37) },
  { head: "l2tp remote router-id", scope: "tunnel", args: oneIp, order: at(38) },
  {
    head: "l2tp remote end-id",
    scope: "tunnel",
    args: (r) => {
      r.next();
      r.end();
    },
    order: at(39),
  },
  {
    head: "ip tunnel mtu",
    scope: "tunnel",
    args: (r) => {
      r.int(64, 1500);
      r.end();
    },
    order: at(40),
  },
  {
    head: "ip tunnel secure filter",
    scope: "tunnel",
    key: (r) => [r.kw(["in", "out"])],
    args: filterList,
    order: (key) => [41, key[0]],
  },
  { head: "ip tunnel nat descriptor", scope: "tunnel", args: natDescriptorList, order: at(43) },
  {
    head: "ip tunnel tcp mss limit",
    scope: "tunnel",
    args: (r) => {
      if (r.peek() === "auto" || r.peek() === "off") r.next();
      else r.int(1, 1460);
      r.end();
    },
    order: at(44),
  },
  {
    head: "tunnel enable",
    scope: "tunnel",
    args: (r, env) => enableArg(r, String(inTunnelBlock(env))),
    order: at(99),
  },

  // --- filters --------------------------------------------------------------------------------------------------
  {
    head: "ip filter",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_FILTER))],
    args: (r) => ipFilterArgs(r, filterAddress),
    order: (key) => [S.IP_FILTER, Number(key[0])],
  },
  {
    head: "ip filter dynamic",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_FILTER))],
    args: (r) => filterDynamicArgs(r, filterAddress),
    order: (key) => [S.IP_FILTER_DYNAMIC, Number(key[0])],
  },
  {
    head: "ipv6 filter",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_FILTER))],
    args: (r) => ipFilterArgs(r, ipv6FilterAddress),
    order: (key) => [S.IPV6_FILTER, Number(key[0])],
  },
  {
    head: "ipv6 filter dynamic",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_FILTER))],
    args: (r) => filterDynamicArgs(r, ipv6FilterAddress),
    order: (key) => [S.IPV6_FILTER_DYNAMIC, Number(key[0])],
  },

  // --- NAT: grouped per descriptor (type, outer, inner, masquerade incoming, static, masquerade static) --------
  {
    // Port saving switch of the NVR510/RTX; the NVR500 has no such command (seed).
    head: "nat descriptor backward-compatibility",
    scope: "global",
    exists: (model) => model.hasBackwardCompatibility,
    args: (r) => {
      r.int(1, 3);
      r.end();
    },
    order: () => [S.NAT_COMPAT],
  },
  {
    head: "nat descriptor type",
    scope: "global",
    key: descriptor,
    args: (r) => {
      r.kw(["none", "nat", "masquerade", "nat-masquerade"]);
      if (r.remaining > 0) r.kw(["hairpin=on", "hairpin=off"]);
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 0],
  },
  {
    // IPs and ranges, or a single mnemonic (CR §23.4).
    head: "nat descriptor address outer",
    scope: "global",
    key: descriptor,
    args: (r, env) => {
      const mnemonics = ["ipcp", "primary", "secondary", "map-e", "hb46pp"];
      if (r.peek() === "map-e" && env.model.hasMapE === false) fail("illegal-keyword");
      if (mnemonics.includes(r.peek() ?? "")) r.next();
      else if (r.remaining === 0) fail("parameters");
      else while (r.remaining > 0) r.replace((v) => (v.includes("-") ? ipv4Range(v) : ipv4(v)));
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 1],
  },
  {
    head: "nat descriptor address inner",
    scope: "global",
    key: descriptor,
    args: (r) => {
      if (r.peek() === "auto") r.next();
      else if (r.remaining === 0) fail("parameters");
      else while (r.remaining > 0) r.replace((v) => (v.includes("-") ? ipv4Range(v) : ipv4(v)));
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 2],
  },
  {
    head: "nat descriptor masquerade incoming",
    scope: "global",
    key: descriptor,
    args: (r) => {
      const action = r.kw(["through", "reject", "discard", "forward"]);
      if (action === "forward") r.ip();
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 3],
  },
  {
    // `OUTER=INNER [COUNT]` or `OUTER=INNER/MASK` (mask bits 16..32) (CR §23.6).
    head: "nat descriptor static",
    scope: "global",
    key: (r) => [...descriptor(r), String(r.int(1, MAX_ID))],
    args: (r) => {
      const pair = r.next();
      const [outer, innerWithMask, extra] = pair.split("=");
      if (innerWithMask === undefined || extra !== undefined) fail("parameters");
      const [inner, mask] = innerWithMask.split("/");
      ipv4(outer);
      ipv4(inner);
      if (mask !== undefined) {
        // Bits 16..32, a dotted mask or `0x` hex (CR §23.6).
        if (prefixLength(mask) < 16) fail("out-of-range");
        r.end();
      }
      if (r.remaining > 0) r.int(1, 65535);
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 4, Number(key[1])],
  },
  {
    // `INNER_IP PROTO [[OUTER_PORT=]INNER_PORT]`; esp has no ports (CR §23.8).
    head: "nat descriptor masquerade static",
    scope: "global",
    key: (r) => [...descriptor(r), String(r.int(1, MAX_ID))],
    args: (r) => {
      r.ip();
      const protocol = r.next();
      if (protocol === "esp") return r.end();
      if (protocol === "tcp" || protocol === "udp") {
        r.replace((v) => v.split("=").map(port).join("="));
        return r.end();
      }
      if (protocol !== "icmp") integer(protocol, 0, 255);
      r.end();
    },
    order: (key) => [S.NAT, Number(key[0]), 5, Number(key[1])],
  },

  // --- IPsec and L2TP globals -------------------------------------------------------------------------------------
  {
    head: "ipsec auto refresh",
    scope: "global",
    key: (r, env) => (r.remaining > 1 ? gateway(r, env) : []),
    args: onOff,
    order: (key) => [S.IPSEC, 0, key.length === 0 ? 0 : Number(key[0])],
  },
  {
    // `ID POLICY [PROTO [SRCPORTS [DSTPORTS]]]` (CR §15.50.1).
    head: "ipsec transport",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_ID))],
    args: (r) => {
      r.int(1, MAX_ID);
      if (r.remaining > 0)
        r.replace((v) => (/^\d+$/.test(v) ? String(integer(v, 0, 255)) : keyword(v, ["tcp", "udp", "*"])));
      while (r.remaining > 0) r.replace(portList);
      r.end();
    },
    order: (key) => [S.IPSEC, 1, Number(key[0])],
  },
  {
    head: "ipsec transport template",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_ID))],
    args: (r) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0) idList(r.next(), 1, MAX_ID);
    },
    order: (key) => [S.IPSEC, 2, Number(key[0])],
  },
  {
    // No version means both (CR §16.1).
    head: "l2tp service",
    scope: "global",
    args: (r) => {
      r.kw(ON_OFF);
      const versions = new Set<string>();
      while (r.remaining > 0) {
        const version = r.kw(["l2tp", "l2tpv3"]);
        if (versions.has(version)) fail("parameters");
        versions.add(version);
      }
    },
    order: () => [S.L2TP],
  },

  // --- services ---------------------------------------------------------------------------------------------------
  {
    head: "syslog host",
    scope: "global",
    key: (r) => [r.replace((v) => (isIpv6(v) ? v : ipv4(v)))],
    args: (r) => r.end(),
    order: (key) => [S.SYSLOG, 0, key[0]],
  },
  {
    head: "syslog facility",
    scope: "global",
    args: (r) => {
      // 0..23, `user` or `local0`..`local7` (CR §4.27).
      r.replace((v) => (/^(user|local[0-7])$/.test(v) ? v : String(integer(v, 0, 23))));
      r.end();
    },
    order: () => [S.SYSLOG, 1],
  },
  { head: "syslog notice", scope: "global", args: onOff, order: () => [S.SYSLOG, 2] },
  { head: "syslog info", scope: "global", args: onOff, order: () => [S.SYSLOG, 3] },
  { head: "syslog debug", scope: "global", args: onOff, order: () => [S.SYSLOG, 4] },
  { head: "telnetd service", scope: "global", args: onOff, order: () => [S.TELNETD, 0] },
  { head: "telnetd host", scope: "global", args: hostList, order: () => [S.TELNETD, 1] },
  { head: "sshd service", scope: "global", args: onOff, order: () => [S.SSHD, 0] },
  { head: "sshd host", scope: "global", args: hostList, order: () => [S.SSHD, 1] },
  {
    head: "sshd listen",
    scope: "global",
    args: (r) => {
      r.int(1, 65535);
      r.end();
    },
    order: () => [S.SSHD, 2],
  },
  {
    head: "sshd session",
    scope: "global",
    args: (r) => {
      r.int(1, 8);
      r.end();
    },
    order: () => [S.SSHD, 3],
  },

  // --- DHCP ---------------------------------------------------------------------------------------------------------
  {
    head: "dhcp service",
    scope: "global",
    args: (r) => {
      r.kw(["server", "relay"]);
      r.end();
    },
    order: () => [S.DHCP, 0],
  },
  {
    head: "dhcp server rfc2131 compliant",
    scope: "global",
    args: (r) => {
      // `on|off`, or `[except] FUNCTION...` (CR §12.1.2).
      if (r.peek() === "on" || r.peek() === "off") return onOff(r);
      if (r.peek() === "except") r.next();
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0)
        r.kw(["broadcast-nak", "none-domain-null", "remain-silent", "reply-ack", "use-clientid"]);
    },
    order: () => [S.DHCP, 1],
  },
  {
    head: "dhcp relay server",
    scope: "global",
    args: (r) => {
      if (r.remaining === 0 || r.remaining > 4) fail("parameters");
      while (r.remaining > 0) r.ip();
    },
    order: () => [S.DHCP, 2],
  },
  {
    // `N A-B/MASK [except IP...] [gateway GW] [expire T] [maxexpire T]` (CR §12.1.4).
    head: "dhcp scope",
    scope: "global",
    key: scopeId,
    args: (r) => {
      r.replace((v) => {
        // The range must lie inside one network of the mask [U error class].
        const [range, mask, extra] = v.split("/");
        if (mask === undefined || extra !== undefined) fail("parameters");
        const [from, to] = ipv4Range(range).split("-");
        const bits = prefixLength(mask);
        if (!inOneNetwork(from, to, bits)) fail("out-of-range");
        return `${range}/${bits}`;
      });
      while (r.remaining > 0) {
        const option = r.kw(["except", "gateway", "expire", "maxexpire"]);
        if (option === "except") {
          if (!isIpv4((r.peek() ?? "").split("-")[0])) fail("parameters");
          while (isIpv4((r.peek() ?? "").split("-")[0]))
            r.replace((v) => (v.includes("-") ? ipv4Range(v) : ipv4(v)));
        } else if (option === "gateway") r.ip();
        else r.replace(dhcpLease);
      }
    },
    order: (key) => [S.DHCP_SCOPE, Number(key[0]), 0],
  },
  {
    // `N IP [ethernet|text] ID`, `N IP MAC`, `N IP ipcp`; MACs keep the case typed (the seed mixes cases) [U].
    head: "dhcp scope bind",
    scope: "global",
    key: (r) => [...scopeId(r), r.replace((v) => (v === "*" ? v : v.includes("-") ? ipv4Range(v) : ipv4(v)))],
    args: (r) => {
      const kind = r.peek();
      if (kind === "ipcp") r.next();
      else if (kind === "text") {
        r.next();
        r.next();
      } else if (/^[0-9a-f]{2}$/i.test(kind ?? "")) {
        // Without a type, the client identifier as two-digit hex bytes (type byte first).
        while (r.remaining > 0)
          r.replace((v) => (/^[0-9a-f]{2}$/i.test(v) ? v.toLowerCase() : fail("illegal-keyword")));
      } else {
        if (kind === "ethernet") r.next();
        r.replace((v) =>
          /^([0-9a-f]{2}:){2}[0-9a-f]{2}(:([0-9a-f]{2}|\*)){3}$/i.test(v) ? v : fail("illegal-keyword"),
        );
      }
      r.end();
    },
    order: (key) => [S.DHCP_SCOPE, Number(key[0]), 1, key[1] === "*" ? 0 : ipv4Number(key[1].split("-")[0])],
  },
  {
    head: "dhcp scope option",
    scope: "global",
    key: scopeId,
    args: (r) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0) r.replace(dhcpOption);
    },
    order: (key) => [S.DHCP_SCOPE, Number(key[0]), 2],
  },

  // --- DNS, schedule, statistics, dashboard --------------------------------------------------------------------------
  { head: "dns host", scope: "global", args: hostList, order: () => [S.DNS, 0] },
  {
    head: "dns service",
    scope: "global",
    key: (r) => [r.kw(["recursive", "fallback"])],
    args: onOff,
    order: (key) => [S.DNS, 1, key[0]],
  },
  {
    // Up to four servers, or a learnt one: `dhcp IF`, `pp N` [V] dumps / CR §20.
    head: "dns server",
    scope: "global",
    args: (r, env) => {
      const first = r.peek() ?? fail("parameters");
      if (first === "dhcp") {
        r.next();
        r.replace((v) => (INTERFACE.test(v) ? v : fail("illegal-keyword")));
      } else if (first === "pp") {
        r.next();
        r.int(1, env.model.maxPp);
      } else {
        if (r.remaining > 4) fail("parameters");
        while (r.remaining > 0) r.replace((v) => (isIpv6(v) ? v : ipv4(v)));
      }
      r.end();
    },
    order: () => [S.DNS, 2],
  },
  {
    head: "dns domain",
    scope: "global",
    args: (r) => {
      r.next();
      r.end();
    },
    order: () => [S.DNS, 3],
  },
  { head: "dns private address spoof", scope: "global", args: onOff, order: () => [S.DNS, 5] },
  {
    head: "schedule at",
    scope: "global",
    key: (r) => [String(r.int(1, MAX_FILTER))],
    args: scheduleArgs,
    order: (key) => [S.SCHEDULE, Number(key[0])],
  },
  {
    head: "statistics",
    scope: "global",
    key: (r) => [r.kw(["cpu", "memory", "traffic", "flow", "nat", "route", "filter"])],
    args: onOff,
    order: (key) => [S.STATISTICS, key[0]],
  },
  { head: "dashboard accumulate traffic", scope: "global", args: onOff, order: () => [S.DASHBOARD] },
];

/** One word of at most 64 characters (names, descriptions; quote to include blanks). */
function shortText(r: Reader): void {
  if (r.next().length > 64) fail("out-of-range");
  r.end();
}

function onOff(r: Reader): void {
  r.kw(ON_OFF);
  r.end();
}

function oneIp(r: Reader): void {
  r.ip();
  r.end();
}

/** `any`, `none`, `lan`, interface names or IP/IP-range lists (telnetd/sshd/dns host, CR §4). */
function hostList(r: Reader): void {
  if (r.remaining === 0) fail("parameters");
  while (r.remaining > 0)
    r.replace((v) =>
      ["any", "none", "lan"].includes(v) || INTERFACE.test(v) ? v : v.includes("-") ? ipv4Range(v) : ipv4(v),
    );
}

function descriptor(r: Reader): string[] {
  return [String(r.int(1, MAX_ID))];
}

function scopeId(r: Reader): string[] {
  return [String(r.int(1, 65535))];
}

/** Lease time: minutes, `hh:mm` or `infinity` (CR §12.1.4). */
function dhcpLease(text: string): string {
  if (text === "infinity") return text;
  const [h, m, extra] = text.split(":");
  if (extra !== undefined) fail("parameters");
  if (m === undefined) integer(h, 1, 21474836);
  else {
    integer(h, 0, 21474836);
    integer(m, 0, 59);
  }
  return text;
}

/** `NAME [TYPE]`, NAME at most 256 characters (CR §15.13, §15.16). */
function ikeName(r: Reader): void {
  if (r.next().length > 256) fail("out-of-range");
  if (r.remaining > 0)
    r.kw(["ipv4-addr", "fqdn", "user-fqdn", "rfc822-addr", "ipv6-addr", "key-id", "tel", "tel-key"]);
  r.end();
}

/** The `ipsec ike ... GW ...` lines: tunnel-scoped, nested under `ipsec tunnel`, keyed by gateway. */
function ike(words: string, order: number, args: Spec["args"]): Spec {
  return { head: `ipsec ike ${words}`, scope: "tunnel", nested: true, key: gateway, args, order: at(order) };
}

/**
 * Plausible families accepted without argument checks, so real configurations outside the product's scope still
 * load. Their whole text is their key (a `no` form must repeat it), and they sort by family then text [U].
 */
const GENERIC: readonly { head: string; scope: Scope; order: Order; nested?: boolean }[] = [
  { head: "user attribute", scope: "global", order: [S.LOGIN, 3] },
  { head: "ip keepalive", scope: "global", order: [S.ROUTE, 2] },
  { head: "ip filter directed-broadcast", scope: "global", order: [S.ROUTE, 3] },
  { head: "ip filter source-route", scope: "global", order: [S.ROUTE, 3] },
  { head: "ipv6 route", scope: "global", order: [S.ROUTE, 4] },
  { head: "nat descriptor masquerade session limit", scope: "global", order: [S.NAT, MAX_ID, 0] },
  { head: "nat descriptor timer", scope: "global", order: [S.NAT, MAX_ID, 1] },
  { head: "nat descriptor log", scope: "global", order: [S.NAT_COMPAT] },
  { head: "httpd host", scope: "global", order: [S.HTTPD, 0] },
  { head: "httpd service", scope: "global", order: [S.HTTPD, 1] },
  { head: "sftpd host", scope: "global", order: [S.HTTPD, 2] },
  { head: "tftp host", scope: "global", order: [S.HTTPD, 3] },
  { head: "snmp", scope: "global", order: [S.HTTPD, 4] },
  { head: "upnp", scope: "global", order: [S.HTTPD, 5] },
  { head: "netvolante-dns", scope: "global", order: [S.DNS, 6] },
  { head: "dns static", scope: "global", order: [S.DNS, 4] },
  { head: "dns server select", scope: "global", order: [S.DNS, 2] },
  { head: "pp keepalive", scope: "pp", order: [1.5] },
  { head: "pp always-on", scope: "pp", order: [1.6] },
  { head: "pppoe auto", scope: "pp", order: [2.5] },
  { head: "ip pp intrusion detection", scope: "pp", order: [27] },
  { head: "ipsec ike encryption", scope: "tunnel", order: [12], nested: true },
  { head: "ipsec ike group", scope: "tunnel", order: [13], nested: true },
  { head: "ipsec ike hash", scope: "tunnel", order: [13.5], nested: true },
  { head: "ipsec ike xauth", scope: "tunnel", order: [21.5], nested: true },
  { head: "ipsec ike mode-cfg", scope: "tunnel", order: [21.6], nested: true },
  { head: "ip tunnel intrusion detection", scope: "tunnel", order: [45] },
];

/** First words this grammar owns; any other first word is left to the runtime (operational commands). */
const FAMILIES = new Set(
  [...SPECS, ...GENERIC].map((s) => s.head.split(" ")[0]).concat(["administrator", "login", "pp", "tunnel"]),
);

/** Commands with these heads are operational (the runtime's): selects, interactive passwords, key generation. */
const OPERATIONAL = [
  /^login user \S+$/,
  /^(no )?(pp|tunnel) select\b/,
  /^administrator( password)?$/,
  /^login password$/,
  /^sshd host key generate\b/,
];

function headMatches(head: string, tokens: Token[]): { length: number; iface?: string } | undefined {
  const words = head.split(" ");
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

function longest<T extends { head: string }>(
  table: readonly T[],
  tokens: Token[],
): { spec: T; length: number; iface?: string } | undefined {
  let best: { spec: T; length: number; iface?: string } | undefined;
  for (const spec of table) {
    const m = headMatches(spec.head, tokens);
    if (m && (!best || m.length > best.length)) best = { spec, ...m };
  }
  return best;
}

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

/** A line of an allowlisted family: kept verbatim, keyed by its whole text. */
function generic(entry: (typeof GENERIC)[number], tokens: Token[], negate: boolean, env: Env): GrammarResult {
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
  if (tokens.length === 0 || !FAMILIES.has(tokens[0].value)) return undefined;
  const words = tokens.map((t) => t.value);
  // Typing a password inline is refused [V] yamaha-cli.md §3; the interactive form is the runtime's.
  if (!negate && words[0] === "administrator" && words[1] === "password" && words[2] !== "encrypted") {
    return { ok: false, error: "parameters" };
  }
  const base: Env = { model, context };
  if (!negate && (words[0] === "pp" || words[0] === "tunnel") && words[1] === "disable") {
    return disable(words[0], tokens.slice(2), base);
  }

  const match = longest(SPECS, tokens);
  const family = longest(GENERIC, tokens);
  if (family && (!match || family.length > match.length)) return generic(family.spec, tokens, negate, base);
  if (!match || (match.spec.exists && !match.spec.exists(model)))
    return { ok: false, error: "invalid-command" };
  const { spec, length, iface } = match;
  const scopeFailure = scopeError(spec.scope, context);
  if (scopeFailure) return { ok: false, error: scopeFailure };

  const env: Env = { ...base, iface };
  const headText = words.slice(0, length).join(" ");
  const reader = new Reader(tokens.slice(length));
  const key = spec.key ? spec.key(reader, env) : [];
  const keyText = [headText, ...key].join(" ");
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

/** Compares two `order` tuples: numbers numerically, strings lexically, a prefix first. */
export function compareOrder(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
