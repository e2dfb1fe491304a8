/** Device-wide settings of CR ch. 4 beyond passwords and console (system.ts) and the daemons (services.ts): time
 * zone, RADIUS login, user attributes, thresholds, alarms, revision-up, environment variables and aliases. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Family, hasFeature, inSection } from "../spec";
import { fail } from "../values";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.SYSTEM, item);
const ON_OFF = "on|off";

export const device: Family = {
  specs: [
    command("timezone", "jst|utc|<utc-offset>", at(0)),
    command("console info", ON_OFF, at(1)),
    command("login radius use", ON_OFF, at(2)),
    command("administrator radius auth", "on|off|only", at(3)),
    // §4.10: `user attribute [USER] ATTR=VALUE ...` (connection=, gui-page=, login-timer=, host=, multi-session=).
    command("user attribute", "[<word>] <word>...", inSection(SECTION.LOGIN, 3)),
    command("system cpu threshold", "off|<int:1-100> [<int:0-100>] [duration=<int:1-3600>]", at(4)),
    command("system memory threshold", "off|<int:1-100> [<int:0-100>] [duration=<int:1-3600>]", at(5)),
    command("system temperature threshold", "<int:1-100> <int:1-100>", at(6)),
    command("system packet-buffer", "<word>...", at(7), { key: "small|middle|large|huge" }),
    command("system packet-scheduling", "<word>", at(8)),
    // §4.95-4.96 (RTX5000 of ours): which CPU core takes the packets a filter matches, and the filters' order.
    // Addresses, protocol and ports are kept as typed [U: their validation].
    command(
      "system packet-scheduling filter",
      "<int:0-3> ip|ipv6 <word> [<word> [<word> [<word> [<word>]]]]",
      at(8.1),
      {
        key: "<int:1-40>",
        exists: (m) => m.id === "rtx5000",
      },
    ),
    command("system packet-scheduling filter list", "<int:1-40>...", at(8.2), {
      exists: (m) => m.id === "rtx5000",
    }),
    command("line masterclock", "<if> [<if>]", at(9)),
    command("packetdump", "<int:0-1000>", at(10), { key: "pp|<if> [<int:1-150>]" }),
    command("tcp log", "on|off [<word>...]", at(11)),
    command("http revision-up permit", ON_OFF, at(12)),
    command("http revision-up url", "<url>", at(13)),
    command("http revision-up proxy", "<host> [<int:1-65535>]", at(14)),
    command("http revision-up timeout", "<int:1-180>", at(15)),
    command("http revision-up schedule", "startup|<word> [<time>] [<time>]", at(16)),
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
