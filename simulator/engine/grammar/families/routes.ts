/** Static routes: `ip route` with its gateway list, and `ipv6 prefix`. */
import { SECTION, type Order } from "../order";
import type { Reader } from "../reader";
import { type Env, type Family, hasFeature } from "../spec";
import { syntax } from "../syntax";
import { fail, integer, interfaceName, ipv4, ipv4Number, ipv6Prefix, MAX_FILTER, MAX_ID } from "../values";

/** `default`, or `a.b.c.d[/bits]` where a bare address means /32 [V] CR §8.1.7. The key is normalised; the
 * canonical text keeps what was typed [U]. */
function routeNetwork(r: Reader): string[] {
  const network = r.next();
  if (network === "default") return [network];
  const withLength = network.includes("/") ? network : `${network}/32`;
  const [ip, bits] = withLength.split("/");
  ipv4(ip);
  integer(bits, 0, 32);
  return [withLength];
}

/** `ip route` gateway list (CR §8.1.7): `gateway GW [filter N..] [dpi N..] [metric M] [hide] [weight W]
 * [keepalive ID]`, repeated; at most 129 words after the first `gateway`. */
function routeGateways(r: Reader, env: Env): void {
  if (r.remaining === 0) fail("parameters");
  if (r.remaining > 130) fail("parameters");
  while (r.remaining > 0) {
    r.kw(["gateway"]);
    const gw = r.next();
    if (gw === "pp") {
      const peer = r.next();
      if (peer === "anonymous") r.replace((v) => (/^name=\S+$/.test(v) ? v : fail("illegal-keyword")));
      else integer(peer, 1, env.model.maxPp);
      if (peer !== "anonymous" && r.peek()?.startsWith("dlci=")) r.next();
    } else if (gw === "tunnel") {
      integer(r.next(), 1, env.model.maxTunnel);
    } else if (gw === "dhcp") {
      r.replace(interfaceName);
    } else if (!/^(null|loopback\d+)$/.test(gw)) {
      ipv4(gw);
    }
    while (r.remaining > 0 && r.peek() !== "gateway") {
      const option = r.kw(["filter", "dpi", "metric", "hide", "weight", "keepalive"]);
      if (option === "metric") r.int(1, 15);
      else if (option === "weight") r.int(0, MAX_ID);
      else if (option === "keepalive") r.int(1, 100);
      else if (option === "filter" || option === "dpi") {
        // `dpi` needs DPI (CR §8.1.7 note: RTX1300, RTX840, RTX830 Rev.15.02.13 and later).
        if (option === "dpi" && !hasFeature(env.model, "dpi")) fail("illegal-keyword");
        if (!/^\d+$/.test(r.peek() ?? "")) fail("parameters");
        while (/^\d+$/.test(r.peek() ?? "")) r.int(1, option === "filter" ? MAX_FILTER : MAX_ID);
      }
    }
  }
}

function routeOrder(key: string[]): Order {
  if (key[0] === "default") return [SECTION.ROUTE, 0, 0, 0];
  const [ip, bits] = key[0].split("/");
  return [SECTION.ROUTE, 1, ipv4Number(ip), Number(bits)];
}

const LIFETIME = "<int:0-4294967295>/<date-time>";
const PREFIX_OPTIONS = syntax(
  `{preferred_lifetime=${LIFETIME} valid_lifetime=${LIFETIME} l_flag=on/off a_flag=on/off}`,
);

export const routes: Family = {
  specs: [
    { head: "ip route", scope: "global", key: routeNetwork, args: routeGateways, order: routeOrder },
    {
      head: "ipv6 prefix",
      scope: "global",
      key: (r) => [String(r.int(1, 255))],
      // §30.3.1: lifetimes in seconds or as the time they end, the on-link and autonomous flags.
      args: (r, env) => {
        r.replace(ipv6Prefix);
        PREFIX_OPTIONS(r, env);
      },
      order: (key) => [SECTION.IPV6_PREFIX, Number(key[0])],
    },
  ],
};
