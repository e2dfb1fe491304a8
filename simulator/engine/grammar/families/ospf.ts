/** OSPF and OSPFv3 (CR ch. 28, 31): the global configuration, areas and the per-link area lines. */
import { SECTION } from "../order";
import { command, type Family, inSection, perLink } from "../spec";

const ROUTE_FILTER = "[nr] include|exclude|refines|equal|<word> <net>...";
const FILTER_ID = "<int:1-2147483647>";
/** An area: `backbone`, a number from 1 or dotted (CR §28.9, §31.4) [U: 0.0.0.0, which the CR excludes, is taken]. */
const AREA = "backbone|<ip>|<int:1-4294967295>";
/** A virtual link's area is never the backbone (§28.12). */
const TRANSIT_AREA = "<ip>|<int:1-4294967295>";
/** §28.12-28.13 timers: seconds from 1 [U: no upper bound given; the ID maximum]. */
const TIMERS = ["retransmit-interval", "transmit-delay", "hello-interval", "dead-interval"]
  .map((t) => `${t}=<int:1-2147483647>`)
  .join(" ");
/** Authentication of a link or virtual link: a text key of up to 8 characters or up to two MD5 keys. */
const AUTH = "authkey=<text:8> md5key=<md5key> md5key=<md5key> md5-sequence-mode=second/increment";
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
/** §31.6 OSPFv3 link parameters. */
const LINK6 = [
  "type=broadcast/point-to-point",
  "passive",
  "cost=<int:1-65535>",
  "priority=<int:0-255>",
  "retransmit-interval=<int:1-65535>",
  "transmit-delay=<int:1-65535>",
  "hello-interval=<int:1-65535>",
  "dead-interval=<int:1-65535>",
].join(" ");

export const ospf: Family = {
  feature: "ospf",
  specs: [
    command("ospf use", "on|off", inSection(SECTION.OSPF, 0)),
    command("ospf preference", "<int:1-2147483647>", inSection(SECTION.OSPF, 1)),
    command("ospf router id", "<ip>", inSection(SECTION.OSPF, 2)),
    command("ospf export from", `ospf [filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 3)),
    command("ospf import from", `static|rip|bgp|<word> [filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 4)),
    command("ospf export filter", `${ROUTE_FILTER}`, inSection(SECTION.OSPF, 5), {
      key: FILTER_ID,
    }),
    // §28.8: the import filter may end with route parameters (`type=2`, `metric=..`).
    command("ospf import filter", `${ROUTE_FILTER} [<word>...]`, inSection(SECTION.OSPF, 6), {
      key: FILTER_ID,
    }),
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
    command("ipv6 ospf router id", "<ip>", inSection(SECTION.OSPF, 21)),
    command("ipv6 ospf preference", "<int:1-2147483647>", inSection(SECTION.OSPF, 22)),
    command("ipv6 ospf area", "[stub [cost=<int:0-16777215>]]", inSection(SECTION.OSPF, 23), {
      key: AREA,
    }),
    command("ipv6 ospf area network", "<prefix6> [restrict]", inSection(SECTION.OSPF, 24), {
      key: AREA,
    }),
    command("ipv6 ospf export from", `ospf [filter ${FILTER_ID}...]`, inSection(SECTION.OSPF, 25)),
    command(
      "ipv6 ospf import from",
      `static|rip|<word> [filter ${FILTER_ID}...]`,
      inSection(SECTION.OSPF, 26),
    ),
    command("ipv6 ospf log", "interface|neighbor|packet...", inSection(SECTION.OSPF, 27)),
    ...perLink("ipv6", "ospf area", `${AREA} {${LINK6}}`, {
      iface: 27,
      pp: 29.2,
      tunnel: 47.2,
    }),
    ...perLink("ip", "ospf neighbor", "[eligible]", { iface: 17.1, pp: 29.1, tunnel: 47.1 }, "<ip>"),
  ],
};
