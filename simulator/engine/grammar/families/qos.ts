/** QoS and shaping (CR ch. 26): interface speeds, class filters, queue types, lengths and class properties. */
import { SECTION } from "../order";
import { command, type Env, type Family, inSection, perInterface, type Spec } from "../spec";
import { syntax } from "../syntax";
import type { Reader } from "../reader";
import { fail, integer } from "../values";
import { orDpiClassFilter, precedenceMapping } from "./dpi";
import { filterPorts, ipv4FilterAddress, ipv6FilterAddress } from "./filters";

/** Queue classes, 1..100 on the RTX5000 (CR ch. 26, introduction). */
const CLASS = "<int:1-$class>";
const QUEUE_TYPES = "priority|cbq|shaping|fifo";
const RATE = "<bps:0-100000000000>";

/** `queue IF|pp|tunnel ...`: the interface forms sort with the interface, pp and tunnel forms in their block. */
function queue(words: string, args: string, item: number, key?: string) {
  return [
    command(`queue IF ${words}`, args, (k, env) => [...perInterface(26 + item / 100)(k, env), ...k], { key }),
    command(`queue pp ${words}`, args, () => [29.5 + item / 100], { key, scope: "pp" }),
    command(`queue tunnel ${words}`, args, () => [47.5 + item / 100], { key, scope: "tunnel" }),
  ];
}

/**
 * §26.10: a LAN/WAN class takes a bandwidth or `type=priority` (the RTX5000 of ours), a pp class a bandwidth and the
 * cbq options (of the CR's models only the RTX1210 and RTX5000 have it; the models the CR does not cover keep it [U]).
 * There is no tunnel form.
 */
const IF_PROPERTY = syntax("bandwidth=<bandwidth>|type=priority");
const PP_PROPERTY =
  "bandwidth=<bandwidth> {parent=<int:0-16> borrow=on/off maxburst=<int:1-10000> minburst=<int:1-10000> packetsize=<int:1-10000>}";
const [ifProperty, ppProperty] = queue("class property", PP_PROPERTY, 4, CLASS);
const classProperty: Spec[] = [
  {
    ...ifProperty,
    args: (r, env) => {
      if (r.peek() === "type=priority" && env.model.id !== "rtx5000") fail("illegal-keyword");
      IF_PROPERTY(r, env);
    },
  },
  { ...ppProperty, exists: (m) => !["rtx830", "rtx840", "rtx1220", "rtx1300"].includes(m.id) },
];

/** The second-level classes 1..4 (`CLASS/CLASS2`, `precedence/N`, `dscp/N`): the RTX5000 of ours (CR §26.2). */
function secondLevel(text: string | undefined, env: Env): void {
  if (text === undefined) return;
  if (env.model.id !== "rtx5000") fail("illegal-keyword");
  integer(text, 1, 4);
}

/** §26.2 protocol: `*`, `established`, or up to 5 numbers 0..255 and `icmp`/`tcp`/`udp` joined by commas. */
function classFilterProtocol(text: string): string {
  if (text === "*" || text === "established") return text;
  const items = text.split(",");
  if (items.length > 5) fail("parameters");
  for (const item of items)
    if (/^\d+$/.test(item)) integer(item, 0, 255);
    else if (!["icmp", "tcp", "udp"].includes(item)) fail("illegal-keyword");
  return text;
}

/**
 * §26.2 without DPI: `CLASS[/CLASS2] | precedence[/CLASS2] [mapping=...] | dscp[/CLASS2]`, `[cos=0-7|precedence]`,
 * `ip|ipv6 SRC [DST [PROTOCOL [SPORT [DPORT]]]]`; the addresses as `ip dpi filter` takes them (addresses with `*`
 * octets, ranges, comma lists, domain names).
 */
function classFilter(r: Reader, env: Env): void {
  const [kind] = r
    .replace((v) => {
      const [first, second, extra] = v.split("/");
      if (extra !== undefined) fail("illegal-keyword");
      if (first !== "precedence" && first !== "dscp") integer(first, 1, bound(env));
      secondLevel(second, env);
      return v;
    })
    .split("/");
  if (kind === "precedence" && r.peek()?.startsWith("mapping=")) r.replace(precedenceMapping);
  if (r.peek()?.startsWith("cos="))
    r.replace((v) => (v === "cos=precedence" ? v : `cos=${integer(v.slice(4), 0, 7)}`));
  const address = r.kw(["ip", "ipv6"]) === "ip" ? ipv4FilterAddress : ipv6FilterAddress;
  r.replace((v) => address(v, env, "dpi"));
  if (r.remaining > 0) r.replace((v) => address(v, env, "dpi"));
  if (r.remaining > 0) r.replace(classFilterProtocol);
  if (r.remaining > 0) r.replace(filterPorts);
  if (r.remaining > 0) r.replace(filterPorts);
  r.end();
}

/** The number of queue classes: 1..100 on the RTX5000, 1..16 elsewhere (CR ch. 26, introduction). */
const bound = (env: Env): number => (env.model.id === "rtx5000" ? 100 : 16);

/**
 * §26.6-26.7: `queue IF length LEN... [drop-threshold=MID[,HIGH]]` (one length 1..10000 per class; the thresholds
 * 1..100 %, not on the RTX830/RTX840; `%` optional [U]), `queue IF length secondary [primary=N] LEN...4` (RTX5000),
 * `queue pp length LEN...16`.
 */
const LENGTH = "<int:1-10000>";
const THRESHOLD = /^drop-threshold=(\d+)%?(?:,(\d+)%?)?$/;
const queueLength = (scope: "if" | "pp") => (r: Reader, env: Env) => {
  if (scope === "if" && r.peek() === "secondary") {
    if (env.model.id !== "rtx5000") fail("illegal-keyword");
    return SECONDARY_LENGTH(r, env);
  }
  const limit = scope === "pp" ? 16 : bound(env);
  let count = 0;
  while (r.remaining > 0 && !r.peek()?.startsWith("drop-threshold=")) {
    if (++count > limit) fail("parameters");
    r.int(1, 10000);
  }
  if (count === 0) fail("parameters");
  if (r.remaining > 0 && scope === "if") {
    if (["rtx830", "rtx840"].includes(env.model.id)) fail("illegal-keyword");
    r.replace((v) => {
      const m = THRESHOLD.exec(v) ?? fail("illegal-keyword");
      integer(m[1], 1, 100);
      if (m[2] !== undefined) integer(m[2], 1, 100);
      return v;
    });
  }
  r.end();
};
const SECONDARY_LENGTH = syntax(`secondary [primary=<int:1-100>] ${LENGTH}...4`);
/** There is no tunnel form (§26.6). */
const [ifLength, ppLength] = queue("length", "", 2);
const queueLengths: Spec[] = [
  { ...ifLength, args: queueLength("if") },
  { ...ppLength, args: queueLength("pp") },
];

/**
 * §26.11 Dynamic Class Control, LAN/WAN interfaces only: hosts left out of the watch, then `option=value`s. The
 * threshold is `OCCUPANCY%,SECONDS` (1..100 %, 10..86400 s), the trigger a comma list of events.
 */
const CLASS_CONTROL = syntax(
  "[except <range>...] {forwarding=reject/<int:1-16> watch=source/destination threshold=<word> time=infinity/<int:10-604800> mode=forced/adaptive trigger=<word> notice=on/off}",
);
const TRIGGERS = ["winny", "share", "masquerade-session"];
function classControlOption(option: string): void {
  const [name, value] = [option.slice(0, option.indexOf("=")), option.slice(option.indexOf("=") + 1)];
  if (name === "trigger" && !value.split(",").every((t) => TRIGGERS.includes(t))) fail("illegal-keyword");
  if (name !== "threshold") return;
  const m = /^(\d+)%,(\d+)$/.exec(value) ?? fail("illegal-keyword");
  integer(m[1], 1, 100);
  integer(m[2], 10, 86400);
}
const classControl: Spec = {
  ...queue("class control", "", 5, CLASS)[0],
  args: (r, env) => {
    const words = r.pending().map((t) => t.value);
    CLASS_CONTROL(r, env);
    words.filter((w) => /^(trigger|threshold)=/.test(w)).forEach(classControlOption);
  },
};

export const qos: Family = {
  specs: [
    // §26.1: a rate in bit/s with an optional k/M/G; the LAN/WAN form not on the RTX5000, the pp form on the RTX5000
    // and RTX1210 of the CR's models (the models the CR does not cover keep both [U]).
    command("speed", RATE, perInterface(26), { key: "<if>", exists: (m) => m.id !== "rtx5000" }),
    command("speed pp", RATE, () => [29.4], {
      scope: "pp",
      exists: (m) => !["rtx830", "rtx840", "rtx1220", "rtx1300"].includes(m.id),
    }),
    // §26.2: `queue class filter N CLASS[/CLASS2] [cos=N] ip|ipv6 SRC [DST [PROTO [SPORT [DPORT]]]]`; the DPI forms
    // (`... ip|ipv6 dpi ...`) are read in dpi.ts.
    {
      ...command("queue class filter", "", inSection(SECTION.QOS, 0), {
        key: "<int:1-2147483647>",
      }),
      args: orDpiClassFilter(classFilter),
    },
    ...queue("type", `${QUEUE_TYPES} [shaping-level=1/2]`, 0),
    ...queue("class filter list", "<int:1-2147483647>...", 1),
    ...queueLengths,
    ...queue("default class", `[secondary] [primary=${CLASS}] ${CLASS}`, 3),
    ...classProperty,
    classControl,
  ],
};
