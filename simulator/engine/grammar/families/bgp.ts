/** BGP-4 (CR ch. 29): AS, router ID, neighbours, import/export filters. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const FILTER_ID = "<int:1-2147483647>";
/** An AS number: 1..65535 wherever the CR gives a range (§29.4, §29.7, §29.9, §29.12; §29.15 names the same peer
 * AS); no model or revision in the CR takes a 4-byte AS. */
const AS = "<int:1-65535>";
/** §29.12 neighbor parameters: `gateway` is an address or an interface. */
const NEIGHBOR = [
  "hold-time=off/<int:3-28800>",
  "metric=<int:1-21474836>",
  "passive=on/off",
  "gateway=<if>/<ip>",
  "local-address=<ip>",
  "ignore-capability=on/off",
].join(" ");
/** §29.3, §29.8, §29.11: `[reject] KIND NETWORK/MASK ...` (`all` for every network in the export/import forms). */
const ROUTE_FILTER = "[reject] include|refines|equal <prefix>|all...";
/** §29.11, §29.15: the MED and local preference of a route BGP advertises. */
const ADVERTISE = "{metric=<int:1-16777215> preference=<int:0-255>}";

export const bgp: Family = {
  feature: "bgp",
  specs: [
    command("bgp use", "on|off", inSection(SECTION.BGP, 0)),
    command("bgp autonomous-system", AS, inSection(SECTION.BGP, 1)),
    command("bgp router id", "<ip>", inSection(SECTION.BGP, 2)),
    command("bgp preference", "<int:1-2147483647>", inSection(SECTION.BGP, 3)),
    command("bgp aggregate", `filter ${FILTER_ID}...`, inSection(SECTION.BGP, 4), { key: "<prefix>" }),
    command(
      "bgp aggregate filter",
      "static|rip|ospf|bgp|all [reject] include|refines|equal <prefix>...",
      inSection(SECTION.BGP, 5),
      {
        key: FILTER_ID,
      },
    ),
    // §29.7: at most 101 filter numbers per line.
    command("bgp export", `filter ${FILTER_ID}...101`, inSection(SECTION.BGP, 6), {
      key: AS,
    }),
    // §29.7: AS-path filters by evaluation order (quote a pattern with blanks); they print after the AS ones [U].
    command("bgp export aspath", `<regex> filter ${FILTER_ID}...101`, inSection(SECTION.BGP, 6.5), {
      key: "<int:1-65535>",
    }),
    command("bgp export filter", `${ROUTE_FILTER} [preference=<int:0-255>]`, inSection(SECTION.BGP, 7), {
      key: FILTER_ID,
    }),
    // §29.9: one line per peer AS and protocol (and, for BGP routes, the AS they came from).
    command("bgp import", `filter ${FILTER_ID}...102`, inSection(SECTION.BGP, 8), {
      key: `${AS} ( static|rip|ospf|aggregate | bgp ${AS} )`,
    }),
    command("bgp import filter", `${ROUTE_FILTER} ${ADVERTISE}`, inSection(SECTION.BGP, 9), {
      key: FILTER_ID,
    }),
    // §29.12: `bgp neighbor ID REMOTE_AS ADDRESS` and its TYPE=VALUE parameters in any order.
    command("bgp neighbor", `${AS} <ip> {${NEIGHBOR}}`, inSection(SECTION.BGP, 10), {
      key: "<int:1-2147483647>",
    }),
    command("bgp neighbor pre-shared-key", "text <secret:text:80>", inSection(SECTION.BGP, 11), {
      key: "<int:1-2147483647>",
    }),
    command("bgp log", "neighbor|packet...2", inSection(SECTION.BGP, 12)),
    // §29.15: one line per peer AS and route (`default` for the default route).
    command("bgp force-to-advertise", ADVERTISE, inSection(SECTION.BGP, 13), {
      key: `${AS} <prefix>|default`,
    }),
    command("bgp reric interval", "<int:1-3600>", inSection(SECTION.BGP, 14)),
    // §29.17: the MED of routes that carry none.
    command("bgp default med", "<int:1-2147483647>", inSection(SECTION.BGP, 15)),
    command("bgp export route selection rule", "ebgp-only|all", inSection(SECTION.BGP, 16)),
  ],
};
