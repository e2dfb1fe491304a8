/** OSPF and OSPFv3 (CR ch. 28, 31): the global configuration, areas and the per-link area lines. */
import { SECTION } from "../order";
import { command, type Family, inSection, perLink } from "../spec";

/** §28.7-28.8, §31.10-31.12: `[not|reject] KIND NETWORK/MASK ...`. */
const ROUTE_FILTER = "[not|reject] include|refines|equal <prefix>...";
const ROUTE_FILTER6 = "[not|reject] include|refines|equal <prefix6>...";
const FILTER_ID = "<int:1-2147483647>";
/** An area: `backbone`, a number 1..4294967295 or dotted other than 0.0.0.0 (CR §28.9-28.13, §31.4-31.6): the
 * backbone is spelt `backbone` only. */
const AREA = "backbone|<dotted-id>|<int:1-4294967295>";
/** A virtual link's area is never the backbone (§28.12, §31.7). */
const TRANSIT_AREA = "<dotted-id>|<int:1-4294967295>";
/** §28.12-28.13 timers: seconds from 1 [U: no upper bound given; the ID maximum]. */
const TIMERS = ["retransmit-interval", "transmit-delay", "hello-interval", "dead-interval"]
  .map((t) => `${t}=<int:1-2147483647>`)
  .join(" ");
/** Authentication of a link or virtual link: a text key of up to 8 characters or up to two MD5 keys. */
const AUTH =
  "authkey=<secret:text:8> md5key=<secret:md5key> md5key=<secret:md5key> md5-sequence-mode=second/increment";
/** §28.13 link parameters (loopback types for a LOOPBACK interface). */
const LINK = [
  "type=broadcast/point-to-point/point-to-multipoint/non-broadcast/loopback/loopback-network",
  "passive",
  "cost=<int:0-65535>",
  "priority=<int:0-255>",
  TIMERS,
  "poll-interval=<int:1-2147483647>",
  AUTH,
].join(" ");
/** §31.6-31.7 OSPFv3 timers (1..65535 s [U: the CR gives no bound for transmit-delay on a link]). */
const TIMERS6 = ["retransmit-interval", "transmit-delay", "hello-interval", "dead-interval"]
  .map((t) => `${t}=<int:1-65535>`)
  .join(" ");
/** §31.6 OSPFv3 link parameters. */
const LINK6 = [
  "type=broadcast/point-to-point",
  "passive",
  "cost=<int:1-65535>",
  "priority=<int:0-255>",
  TIMERS6,
].join(" ");

export const ospf: Family = {
  feature: "ospf",
  specs: [
    command("ospf use", "on|off", inSection(SECTION.OSPF, 0)),
    command("ospf preference", "<int:1-2147483647>", inSection(SECTION.OSPF, 1)),
    command("ospf router id", "<ip>", inSection(SECTION.OSPF, 2)),
    command("ospf export from", `ospf [filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 3)),
    // §28.6: one line per protocol.
    command("ospf import from", `[filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 4), {
      key: "static|rip|bgp",
    }),
    command("ospf export filter", `${ROUTE_FILTER}`, inSection(SECTION.OSPF, 5), {
      key: FILTER_ID,
    }),
    // §28.8: the import filter may end with the external route's metric, type and tag.
    command(
      "ospf import filter",
      `${ROUTE_FILTER} {metric=<int:0-16777215> type=<int:1-2> tag=<int:0-4294967295>}`,
      inSection(SECTION.OSPF, 6),
      {
        key: FILTER_ID,
      },
    ),
    // §28.9: the default route's cost only for a stub area.
    command("ospf area", "[auth=text/md5] [stub [cost=<int:1-16777215>]]", inSection(SECTION.OSPF, 7), {
      key: AREA,
    }),
    command("ospf area network", "<prefix> [restrict]", inSection(SECTION.OSPF, 8), {
      key: AREA,
    }),
    command("ospf area stubhost", "<ip> [cost <int:1-65535>]", inSection(SECTION.OSPF, 9), {
      key: AREA,
    }),
    command("ospf virtual-link", `${TRANSIT_AREA} {${TIMERS} ${AUTH}}`, inSection(SECTION.OSPF, 10), {
      key: "<ip>",
    }),
    command("ospf merge equal cost stub", "on|off", inSection(SECTION.OSPF, 11)),
    command("ospf log", "interface|neighbor|packet...", inSection(SECTION.OSPF, 12)),
    command("ospf reric interval", "<int:1-3600>", inSection(SECTION.OSPF, 13)),
    // §28.13: `ip IF ospf area AREA` and its link parameters in any order.
    ...perLink("ip", "ospf area", `${AREA} {${LINK}}`, {
      iface: 17,
      pp: 29,
      tunnel: 47,
    }),
    // OSPFv3 (CR ch. 31).
    command("ipv6 ospf use", "on|off", inSection(SECTION.OSPF, 20)),
    // §31.3: not 0.0.0.0 (the OSPFv2 router ID of §28.4 is any address).
    command("ipv6 ospf router id", "<dotted-id>", inSection(SECTION.OSPF, 21)),
    command("ipv6 ospf preference", "<int:1-2147483647>", inSection(SECTION.OSPF, 22)),
    command("ipv6 ospf area", "[stub [cost=<int:0-16777215>]]", inSection(SECTION.OSPF, 23), {
      key: AREA,
    }),
    command("ipv6 ospf area network", "<prefix6> [restrict]", inSection(SECTION.OSPF, 24), {
      key: AREA,
    }),
    command("ipv6 ospf export from", `ospf [filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 25)),
    // §31.9-31.12: filters of OSPFv3 routes, one import line per protocol.
    command("ipv6 ospf import from", `[filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 26), {
      key: "static|rip",
    }),
    command("ipv6 ospf export filter", ROUTE_FILTER6, inSection(SECTION.OSPF, 26.1), { key: FILTER_ID }),
    command(
      "ipv6 ospf import filter",
      `${ROUTE_FILTER6} {metric=<int:1-16777215> type=<int:1-2>}`,
      inSection(SECTION.OSPF, 26.2),
      { key: FILTER_ID },
    ),
    // §31.7: a virtual link over a non-backbone area.
    command("ipv6 ospf virtual-link", `${TRANSIT_AREA} {${TIMERS6}}`, inSection(SECTION.OSPF, 26.3), {
      key: "<ip>",
    }),
    command("ipv6 ospf log", "interface|neighbor|packet...", inSection(SECTION.OSPF, 27)),
    ...perLink("ipv6", "ospf area", `${AREA} {${LINK6}}`, {
      iface: 27,
      pp: 29.2,
      tunnel: 47.2,
    }),
    ...perLink("ip", "ospf neighbor", "[eligible]", { iface: 17.1, pp: 29.1, tunnel: 47.1 }, "<ip>"),
  ],
};
