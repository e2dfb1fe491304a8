/**
 * Cooperation between routers (CR ch. 27): bandwidth measuring and load-watch notification switched per type and
 * role (§27.1), the UDP port (§27.2), one line per peer (§27.3-27.4), load-watch triggers (§27.5) and controls
 * (§27.6). `cooperation ... go` (§27.7) is an operation, not a setting. Of our models the chapter lists the RTX830,
 * RTX840, RTX1210, RTX1220, RTX1300 and RTX5000; the NVRs and older RTX are not in the CR and lack it [U].
 */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, inSection, type Spec } from "../spec";
import { bitRate, syntax } from "../syntax";
import { fail, integer } from "../values";

/** Where `show config` prints these lines [U: no dump shows them]. */
const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 80 + item);
const models = (m: { id: string }): boolean =>
  ["rtx830", "rtx840", "rtx1210", "rtx1220", "rtx1300", "rtx5000"].includes(m.id);

const ID = "<int:1-100>";
const ON_OFF = "on/off";
const PORT = "port=<int:1-65535>";

/** §27.3: a server peer takes every option, a client peer only `port` and `syslog`. */
const MEASURING_SERVER = [
  `apply=${ON_OFF}`,
  PORT,
  "initial-speed=<bps:64000-100000000>",
  "interval=<int:60-2147483647>/off",
  "retry-interval=<int:60-2147483647>",
  "sensitivity=high/middle/low",
  `syslog=${ON_OFF}`,
  "interface=<if>/wan1",
  "class=<int:1-$class>",
  "limit-rate=<int:1-10000>",
  "number=<int:5-100>",
  "local-address=<ip>",
].join(" ");
const MEASURING = `( server <host> {${MEASURING_SERVER}} | client <host> {${PORT} syslog=${ON_OFF}} )`;

/** §27.4: options of either role; a client peer must name its triggers, a server peer its control. */
const WATCH_COMMON = [
  PORT,
  `syslog=${ON_OFF}`,
  `apply=${ON_OFF}`,
  `register=${ON_OFF}`,
  "register-interval=<int:1-2147483647>",
  "register-time=<int:1-2147483647>",
  "name=<text:16>",
  "local-address=<ip>",
].join(" ");
const WATCH = `( server <host> {control=<int:1-65535> ${WATCH_COMMON}} | client <host> {trigger=<int-list:1-65535> ${WATCH_COMMON}} )`;
const REQUIRED: Record<string, string> = { server: "control=", client: "trigger=" };

/** `any` names a peer only when it is a client (§27.3 note); a load-watch peer needs its trigger/control (§27.4). */
function peer(pattern: string, required: boolean): Spec["args"] {
  const check = syntax(pattern);
  return (r, env) => {
    const words = r.pending().map((t) => t.value);
    if (!required && words[0] === "server" && words[1] === "any") fail("illegal-keyword");
    check(r, env);
    const option = REQUIRED[words[0]];
    if (required && !words.slice(2).some((w) => w.startsWith(option))) fail("parameters");
  };
}

/** §27.5 points: the CPU, an interface's receive rate, a LAN's receive overflows, an interface's (class's) send rate. */
const LINK = "( <if> | pp <int:1-$pp> | tunnel <int:1-$tunnel> )";
const POINT = `( cpu load | ${LINK} receive | <if> overflow | <if> <int:1-$class> transmit | ${LINK} transmit )`;
const TRIGGER = syntax(`${POINT} high=<word> low=<word> {interval=<int:1-65535> syslog=${ON_OFF}}`);

/** `high=` / `low=`: the threshold in the point's unit (% of CPU, bit/s, overflows), then `,COUNT` (1..100). */
function threshold(option: string, unit: "percent" | "rate" | "count", env: Env): void {
  const [value, count, extra] = option.slice(option.indexOf("=") + 1).split(",");
  if (extra !== undefined) fail("illegal-keyword");
  if (count !== undefined) integer(count, 1, 100);
  if (unit === "percent") integer(value, 0, 100);
  else if (unit === "count") integer(value, 0, 2147483647);
  else bitRate(value, env, 0, 100_000_000_000);
}

function trigger(r: Reader, env: Env): void {
  const words = r.pending().map((t) => t.value);
  TRIGGER(r, env);
  const unit = words[0] === "cpu" ? "percent" : words.includes("overflow") ? "count" : "rate";
  for (const word of words) if (/^(high|low)=/.test(word)) threshold(word, unit, env);
}

export const cooperation: Family = {
  specs: [
    command("cooperation", "on|off", at(0), {
      key: "bandwidth-measuring|load-watch server|client",
      exists: models,
    }),
    command("cooperation port", "<int:1-65535>", at(1), { exists: models }),
    {
      head: "cooperation bandwidth-measuring remote",
      scope: "global",
      key: (r) => [String(r.int(1, 100))],
      args: peer(MEASURING, false),
      order: at(2),
      exists: models,
    },
    {
      head: "cooperation load-watch remote",
      scope: "global",
      key: (r) => [String(r.int(1, 100))],
      args: peer(WATCH, true),
      order: at(3),
      exists: models,
    },
    {
      head: "cooperation load-watch trigger",
      scope: "global",
      key: (r) => [String(r.int(1, 100))],
      args: trigger,
      order: at(4),
      exists: models,
    },
    // §27.6: the upper and lower rates, the % to raise and lower by [U: written as a bare number].
    command(
      "cooperation load-watch control",
      "high=<bps:1-100000000000> [raise=<int:1-100>] low=<bps:1-100000000000> [lower=<int:1-100>] {interval=<int:1-65535> interface=<if> class=<int:1-$class>}",
      at(5),
      { key: ID, exists: models },
    ),
  ],
};
