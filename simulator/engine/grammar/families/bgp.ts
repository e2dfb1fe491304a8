/** BGP-4 (CR ch. 29): AS, router ID, neighbours, import/export filters. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const FILTER_ID = "<int:1-2147483647>";
/** §29.12 neighbor parameters: `gateway` is an address or an interface. */
const NEIGHBOR = [
  "hold-time=off/<int:3-28800>",
  "metric=<int:1-21474836>",
  "passive=on/off",
  "gateway=<if>/<ip>",
  "local-address=<ip>",
  "ignore-capability=on/off",
].join(" ");
const ROUTE_FILTER = "[reject] include|exclude|refines|equal <net>... [<word>...]";

export const bgp: Family = {
  feature: "bgp",
  specs: [
    command("bgp use", "on|off", inSection(SECTION.BGP, 0)),
    command("bgp autonomous-system", "<int:1-4294967295>", inSection(SECTION.BGP, 1)),
    command("bgp router id", "<ip>", inSection(SECTION.BGP, 2)),
    command("bgp preference", "<int:1-2147483647>", inSection(SECTION.BGP, 3)),
    command("bgp aggregate", `filter ${FILTER_ID}...`, inSection(SECTION.BGP, 4), { key: "<prefix>" }),
    command("bgp aggregate filter", `static|rip|ospf|all ${ROUTE_FILTER}`, inSection(SECTION.BGP, 5), {
      key: FILTER_ID,
    }),
    // §29.7: at most 101 filter numbers per line.
    command("bgp export", `filter ${FILTER_ID}...101`, inSection(SECTION.BGP, 6), {
      key: "<int:1-4294967295>",
    }),
    // §29.7: AS-path filters by evaluation order (quote a pattern with blanks); they print after the AS ones [U].
    command("bgp export aspath", `<regex> filter ${FILTER_ID}...101`, inSection(SECTION.BGP, 6.5), {
      key: "<int:1-65535>",
    }),
    command("bgp export filter", ROUTE_FILTER, inSection(SECTION.BGP, 7), { key: FILTER_ID }),
    command(
      "bgp import",
      `static|rip|ospf|bgp|aggregate [<int:1-4294967295>] filter ${FILTER_ID}...`,
      inSection(SECTION.BGP, 8),
      {
        key: "<int:1-4294967295>",
      },
    ),
    command("bgp import filter", ROUTE_FILTER, inSection(SECTION.BGP, 9), { key: FILTER_ID }),
    // §29.12: `bgp neighbor ID REMOTE_AS ADDRESS` and its TYPE=VALUE parameters in any order.
    command("bgp neighbor", `<int:1-4294967295> <ip> {${NEIGHBOR}}`, inSection(SECTION.BGP, 10), {
      key: "<int:1-2147483647>",
    }),
    command("bgp neighbor pre-shared-key", "text <text:80>", inSection(SECTION.BGP, 11), {
      key: "<int:1-2147483647>",
    }),
    command("bgp log", "neighbor|packet...2", inSection(SECTION.BGP, 12)),
    command("bgp force-to-advertise", "<prefix> [<word>...]", inSection(SECTION.BGP, 13), {
      key: "<int:1-4294967295>",
    }),
    command("bgp reric interval", "<int:1-3600>", inSection(SECTION.BGP, 14)),
    command("bgp default med", "<int:0-4294967295>", inSection(SECTION.BGP, 15)),
    command("bgp export route selection rule", "<word>", inSection(SECTION.BGP, 16)),
  ],
};
