/**
 * Ipv6FilterDynamic: one IPv6 dynamic filter (CR §30.7.3), `ipv6 filter dynamic N SRC DST PROTOCOL [options]` or
 * `... filter LIST [in LIST] [out LIST] [options]`. Identity "ipv6 filter dynamic 200080". IpFilterDynamic's lines over
 * IPv6 addresses.
 */
import type { ConfigIndex } from "../config/index";
import type { ConfigLine } from "../config/model";
import { type Ipv6FilterDynamicRule, dynamicKind, readDynamicLineWith } from "./ip-filter-dynamic";
import { type Found, type Unreadable, foundById, readEach } from "./lines";

export const Ipv6FilterDynamic = dynamicKind("ipv6");

/** Whether a line is a dynamic filter `ipv6 filter dynamic N ...`. */
export const isIpv6FilterDynamicLine = (tokens: readonly string[]) =>
  tokens[0] === "ipv6" && tokens[1] === "filter" && tokens[2] === "dynamic" && /^\d+$/.test(tokens[3] ?? "");

/** One `ipv6 filter dynamic N ...` line read; throws ReadError. */
export const readIpv6FilterDynamicLine = (l: ConfigLine) =>
  readDynamicLineWith("ipv6", Ipv6FilterDynamic, l) as Ipv6FilterDynamicRule;

/** Every IPv6 dynamic filter of a config, in config order. */
export function readIpv6FiltersDynamic(config: ConfigIndex): {
  read: Ipv6FilterDynamicRule[];
  unreadable: Unreadable[];
} {
  const lines = config.find(["ipv6", "filter", "dynamic"]).filter((l) => isIpv6FilterDynamicLine(l.tokens));
  return readEach(lines, readIpv6FilterDynamicLine);
}

/** The dynamic IPv6 filters of a config (Ipv6FilterDynamic's objects), and the lines their reader refuses. */
export const ipv6FilterDynamicIdentities = (config: ConfigIndex): Found =>
  foundById(readIpv6FiltersDynamic(config), "ipv6 filter dynamic");
