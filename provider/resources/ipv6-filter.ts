/**
 * Ipv6Filter: one static IPv6 filter, `ipv6 filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]`
 * (CR §30.7.1). Identity "ipv6 filter 200030". IpFilter's lines over IPv6 addresses (an address, a prefix
 * ADDRESS/LEN, `ra-prefix@IF::HOST`, host names, @applications, map-e, hb46pp); `icmp` is ICMPv6 here and `icmp4`
 * ICMP, `icmp-nd` neighbour discovery; with `icmp` or `icmp6` alone the port fields are ICMPv6 type and code.
 */
import type { ConfigIndex } from "../config/index";
import type { ConfigLine } from "../config/model";
import { type Ipv6FilterRule, filterKind, readIpv6FilterLineWith } from "./ip-filter";
import { type Found, type Unreadable, foundById, readEach } from "./lines";

export const Ipv6Filter = filterKind("ipv6");

/** Whether a line is a static filter `ipv6 filter N ...`. */
export const isIpv6FilterLine = (tokens: readonly string[]) =>
  tokens[0] === "ipv6" && tokens[1] === "filter" && /^\d+$/.test(tokens[2] ?? "");

/** One `ipv6 filter N ...` line read into what it matches, with its line number; throws ReadError. */
export const readIpv6FilterLine = (l: ConfigLine): Ipv6FilterRule => readIpv6FilterLineWith(Ipv6Filter, l);

/** Every static IPv6 filter of a config, in config order. */
export function readIpv6Filters(config: ConfigIndex): { read: Ipv6FilterRule[]; unreadable: Unreadable[] } {
  const lines = config.find(["ipv6", "filter"]).filter((l) => isIpv6FilterLine(l.tokens));
  return readEach(lines, readIpv6FilterLine);
}

/** The static IPv6 filters of a config (Ipv6Filter's objects), and the lines their reader refuses. */
export const ipv6FilterIdentities = (config: ConfigIndex): Found =>
  foundById(readIpv6Filters(config), "ipv6 filter");
