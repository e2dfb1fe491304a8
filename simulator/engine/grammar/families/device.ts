/** Device-wide settings of CR ch. 4 beyond passwords and console (system.ts) and the daemons (services.ts): time
 * zone, RADIUS login, user attributes, thresholds, alarms, revision-up, environment variables and aliases. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, hasFeature, inSection } from "../spec";
import { syntax } from "../syntax";
import { fail, integer, isIpv6, keyword, prefixLength } from "../values";
import { filterPorts, ipv4FilterAddress } from "./filters";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.SYSTEM, item);
const ON_OFF = "on|off";

const SCHEDULING = [syntax("hash|load-balance|lan-based"), syntax("hash|load-balance")];

/**
 * §4.83 `system packet-buffer GROUP PARAMETER=VALUE...`: whole numbers from 1 (0 for the huge group's max-free,
 * min-free and init-chunk); only max-buffer on the RTX1300; `jumbo` where the CR's tables list it. The relations
 * between the values (max-buffer ≥ max-free > min-free ...) are not checked [U: they involve the unlisted defaults].
 */
const GROUPS = ["small", "middle", "large", "huge"];
const JUMBO = ["rtx5000", "rtx1300"];
const BUFFER = (min: number) => `<int:${min}-2147483647>`;
const PACKET_BUFFER = {
  other: syntax(
    `{max-buffer=${BUFFER(1)} max-free=${BUFFER(1)} min-free=${BUFFER(1)} buffer-in-chunk=${BUFFER(1)} init-chunk=${BUFFER(1)}}`,
  ),
  huge: syntax(
    `{max-buffer=${BUFFER(1)} max-free=${BUFFER(0)} min-free=${BUFFER(0)} buffer-in-chunk=${BUFFER(1)} init-chunk=${BUFFER(0)}}`,
  ),
  rtx1300: syntax(`max-buffer=${BUFFER(1)}`),
};
function packetBuffer(r: Reader, env: Env): void {
  if (r.remaining === 0) fail("parameters");
  const group = r.out.at(-1);
  PACKET_BUFFER[env.model.id === "rtx1300" ? "rtx1300" : group === "huge" ? "huge" : "other"](r, env);
}

/**
 * §4.10 `user attribute [USER] ATTRIBUTE=VALUE...`: USER a user name, `*` or `*radius`; connection and gui-page take
 * comma lists; host an address list, `any` or an interface; `administrator=1|2` is the older models' form, taken on
 * every model [U].
 */
const USER_ATTRIBUTES = syntax(
  "{administrator=on/off/1/2 connection=off/all/<comma-list:serial,vm-console,telnet,ssh,sftp,remote,http> " +
    "gui-page=all/<comma-list:dashboard,lan-map,config> host=any/<if>/<range-list> multi-session=on/off " +
    "login-timer=clear/<int:120-21474836>}",
);
function userAttribute(r: Reader, env: Env): void {
  if (r.peek() !== undefined && !r.peek()?.includes("="))
    r.replace((v) =>
      v === "*" || v === "*radius" || /^[\x21-\x7e]{1,32}$/.test(v) ? v : fail("illegal-keyword"),
    );
  if (r.remaining === 0) fail("parameters");
  USER_ATTRIBUTES(r, env);
}

/** §4.57 `tcp log on|off [SRC [DST [TCPFLAG [SPORTS [DPORTS]]]]]`, addresses as the static filters take them. */
const TCP_FLAGS = ["*", "6", "tcp", "tcpsyn", "tcpfin", "tcprst", "established"];
function tcpLog(r: Reader, env: Env): void {
  r.kw(["on", "off"]);
  const steps = [
    (v: string) => ipv4FilterAddress(v, env, "dpi"),
    (v: string) => ipv4FilterAddress(v, env, "dpi"),
    (v: string) =>
      TCP_FLAGS.includes(v) || /^tcpflag!?=0x[0-9a-f]{1,4}\/0x[0-9a-f]{1,4}$/i.test(v)
        ? v
        : fail("illegal-keyword"),
    filterPorts,
    filterPorts,
  ];
  for (const step of steps) if (r.remaining > 0) r.replace(step);
  r.end();
}

/** `*` or `A.B.C.D` whose octets may be `*`, with a `/mask` (bits, dotted or 0x hex) (§4.95). */
function wildcardIpv4(text: string): string {
  if (text === "*") return text;
  const [address, mask, extra] = text.split("/");
  const octets = address.split(".");
  if (extra !== undefined || octets.length !== 4) fail("bad-ip");
  if (!octets.every((o) => o === "*" || (/^\d{1,3}$/.test(o) && Number(o) <= 255))) fail("bad-ip");
  if (mask !== undefined) prefixLength(mask);
  return text;
}

/** `*` or an IPv6 address with a `/prefix_len` (§4.95). */
function wildcardIpv6(text: string): string {
  if (text === "*") return text;
  const [address, bits, extra] = text.split("/");
  if (extra !== undefined || !isIpv6(address)) fail("bad-ip");
  if (bits !== undefined) integer(bits, 0, 128);
  return text;
}

/** `*`, a protocol number or one of the mnemonics §4.95 lists. */
function protocol(text: string): string {
  if (/^\d+$/.test(text)) integer(text, 0, 255);
  else if (text !== "*") keyword(text, ["icmp", "tcp", "udp", "gre", "esp"]);
  return text;
}

const PORT_NAMES = [
  ...["ftp", "ftpdata", "telnet", "smtp", "domain", "gopher", "finger", "www", "pop3", "sunrpc", "ident"],
  ...["ntp", "nntp", "snmp", "syslog", "printer", "talk", "route", "uucp", "submission"],
];
/** `*`, a port number or one of the mnemonics §4.95 lists. */
function schedulingPort(text: string): string {
  if (/^\d+$/.test(text)) integer(text, 0, 65535);
  else if (text !== "*") keyword(text, PORT_NAMES);
  return text;
}

/** §4.95: `CPU ip|ipv6 SRC [DST [PROTOCOL [SRC_PORT [DST_PORT]]]]`. */
function schedulingFilter(r: Reader): void {
  r.int(0, 3);
  const address = r.kw(["ip", "ipv6"]) === "ip" ? wildcardIpv4 : wildcardIpv6;
  r.replace(address);
  const rest = [address, protocol, schedulingPort, schedulingPort];
  for (const check of rest) if (r.remaining > 0) r.replace(check);
  r.end();
}

export const device: Family = {
  specs: [
    command("timezone", "jst|utc|<utc-offset>", at(0)),
    command("console info", ON_OFF, at(1)),
    command("login radius use", ON_OFF, at(2)),
    command("administrator radius auth", "on|off|only", at(3)),
    { ...command("user attribute", "", inSection(SECTION.LOGIN, 3)), args: userAttribute },
    command("system cpu threshold", "off|<int:1-100> [<int:0-100>] [duration=<int:1-3600>]", at(4)),
    command("system memory threshold", "off|<int:1-100> [<int:0-100>] [duration=<int:1-3600>]", at(5)),
    command("system temperature threshold", "<int:1-100> <int:1-100>", at(6)),
    {
      ...command("system packet-buffer", "", at(7)),
      key: (r, env) => [r.kw(JUMBO.includes(env.model.id) ? [...GROUPS, "jumbo"] : GROUPS)],
      args: packetBuffer,
    },
    // §4.94 (RTX5000 and RTX1300 of ours): `lan-based` not on the RTX1300, `fixed` on neither.
    {
      ...command("system packet-scheduling", "hash|load-balance|lan-based", at(8), {
        exists: (m) => ["rtx5000", "rtx1300"].includes(m.id),
      }),
      args: (r, env) => SCHEDULING[env.model.id === "rtx1300" ? 1 : 0](r, env),
    },
    // §4.95-4.96 (RTX5000 of ours): which CPU core takes the packets a filter matches, and the filters' order.
    {
      ...command("system packet-scheduling filter", "", at(8.1), {
        key: "<int:1-40>",
        exists: (m) => m.id === "rtx5000",
      }),
      args: schedulingFilter,
    },
    command("system packet-scheduling filter list", "<int:1-40>...", at(8.2), {
      exists: (m) => m.id === "rtx5000",
    }),
    command("line masterclock", "<if> [<if>]", at(9)),
    command("packetdump", "<int:0-1000>", at(10), { key: "pp|<if> [<int:1-150>]" }),
    { ...command("tcp log", "", at(11)), args: tcpLog },
    command("http revision-up permit", ON_OFF, at(12)),
    command("http revision-up url", "<url>", at(13)),
    command("http revision-up proxy", "<host> [<int:1-65535>]", at(14)),
    command("http revision-up timeout", "<int:1-180>", at(15)),
    // §4.64: `startup`, or `daily|weekly DAY|monthly DATE` and the HH:MM window.
    command(
      "http revision-up schedule",
      "( startup | daily <time> <time> | weekly sun|mon|tue|wed|thu|fri|sat <time> <time> | monthly <int:1-31> <time> <time> )",
      at(16),
    ),
    command("http revision-down permit", ON_OFF, at(17)),
    command("operation http revision-up permit", ON_OFF, at(18)),
    command("alarm entire", ON_OFF, at(19)),
    command("alarm usbhost", ON_OFF, at(20), { exists: (m) => hasFeature(m, "usb") }),
    command("alarm sd", ON_OFF, at(21), { exists: (m) => hasFeature(m, "sd") }),
    command("alarm batch", ON_OFF, at(22)),
    command("alarm startup", "on|off [<int:1-3>]", at(23)),
    command("alarm http revision-up", ON_OFF, at(24)),
    // §4.90-4.91: `set NAME=VALUE`, `alias NAME=VALUE` (one word; quote blanks), one line per NAME.
    ...["set", "alias"].map((head, i) => ({
      head,
      scope: "global" as const,
      key: (r: Reader) => [
        r.replace((v) => (/^[A-Za-z_][\w-]*(=|$)/.test(v) ? v : fail("parameters"))).split("=")[0],
      ],
      args: (r: Reader) => r.end(),
      order: (key: string[]) => [SECTION.OTHER, i, key[0]],
    })),
  ],
};
