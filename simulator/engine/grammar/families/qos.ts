/** QoS and shaping (CR ch. 26): interface speeds, class filters, queue types, lengths and class properties. */
import { SECTION } from "../order";
import { command, type Family, inSection, perInterface, type Spec } from "../spec";
import { syntax } from "../syntax";
import { fail, integer } from "../values";
import { orDpiClassFilter } from "./dpi";

/** Queue classes, 1..100 on the RTX5000 (CR ch. 26, introduction). */
const CLASS = "<int:1-$class>";
const QUEUE_TYPES = "priority|cbq|shaping|fifo";

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

const CLASS_FILTER = "<word> [cos=<int:0-7>] ip|ipv6 <word> [<word> [<word> [<ports> [<ports>]]]]";

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
    command("speed", "<word>", perInterface(26), { key: "<if>" }),
    command("speed pp", "<word>", () => [29.4], { scope: "pp" }),
    // §26.2: `queue class filter N CLASS[/CLASS2] [cos=N] ip|ipv6 SRC [DST [PROTO [SPORT [DPORT]]]]`; the DPI forms
    // (`... ip|ipv6 dpi ...`) are read in dpi.ts.
    {
      ...command("queue class filter", CLASS_FILTER, inSection(SECTION.QOS, 0), {
        key: "<int:1-2147483647>",
      }),
      args: orDpiClassFilter(syntax(CLASS_FILTER)),
    },
    ...queue("type", `${QUEUE_TYPES} [shaping-level=1/2]`, 0),
    ...queue("class filter list", "<int:1-2147483647>...", 1),
    ...queue("length", "[secondary] [primary=<int:1-16>] <word>...", 2),
    ...queue("default class", `[secondary] [primary=${CLASS}] ${CLASS}`, 3),
    ...classProperty,
    classControl,
  ],
};
