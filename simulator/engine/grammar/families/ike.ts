/** IKE and IPsec options beyond the site-to-site basics of ipsec.ts (CR ch. 15): algorithms, versions, IDs,
 * XAUTH/mode-cfg, SA durations, and the global IPsec switches. The gateway-keyed `ipsec ike ... GW` lines live in
 * the tunnel block whose `ipsec tunnel` they serve, nested under it, as the dumps print them. */
import { IPv6 } from "ip-num";
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";
import { syntax } from "../syntax";
import { fail, integer, ipv4OrRange, isIpv6, prefixLength } from "../values";

const GATEWAY = "<int:1-$tunnel>";
const ON_OFF = "on|off";
const USER_ID = "<int:1-3000>";
/** `attribute=value` of a user or group (CR §15.33, §15.35), any order, each at most once. */
const USER_ATTRIBUTES =
  "{ xauth=on/off xauth-address=<net> xauth-dns=<ip46> xauth-wins=<ip46> xauth-filter=<word> eap-md5=on/off }";
/**
 * §15.48.1 `ipsec ike duration SA GATEWAY SECONDS [KBYTES] [rekey N%|off] [forced-reduction=S]`: KBYTES
 * 100..2147483647 or off, the rekey point 70..90 % (off for the ISAKMP/IKE SA only).
 */
const DURATION =
  "<int:300-691200> [off|<int:100-2147483647>] [rekey off|<percent:70-90>] [forced-reduction=<int:1-691200>]";
const DURATION_ARGS = syntax(DURATION);

/** An address pool for IPsec clients (CR §15.37): `ADDRESS[/MASK]` or `FIRST-LAST[/MASK]`, IPv4 with a mask (bits,
 * dotted or hex) or IPv6 with a prefix length. */
function modeCfgPool(text: string): string {
  const [range, mask, extra] = text.split("/");
  const [first, last, more] = range.split("-");
  if (extra !== undefined || more !== undefined) fail("bad-ip");
  if (isIpv6(first)) {
    if (last !== undefined && !isIpv6(last)) fail("bad-ip");
    if (last !== undefined && IPv6.fromString(first).value > IPv6.fromString(last).value)
      fail("out-of-range");
    if (mask !== undefined) integer(mask, 0, 128);
  } else {
    ipv4OrRange(range);
    if (mask !== undefined) prefixLength(mask);
  }
  return text;
}

/** A gateway-keyed IKE line at `item` of the tunnel block (ipsec.ts holds 10-22). */
const ike = (words: string, args: string, item: number) =>
  command(`ipsec ike ${words}`, args, (k) => [item, ...k], { key: GATEWAY, scope: "tunnel", nested: true });

export const ikeOptions: Family = {
  specs: [
    ike("encryption", "3des-cbc|des-cbc|aes-cbc|aes256-cbc", 12),
    ike(
      "group",
      "modp768|modp1024|modp1536|modp2048|modp3072|modp4096 [modp768|modp1024|modp1536|modp2048]",
      13,
    ),
    ike("hash", "md5|sha|sha256|sha384|sha512", 13.5),
    ike("version", "1|2", 11.5),
    ike("auth method", "auto|pre-shared-key|certificate|eap-md5", 11.6),
    ike("negotiate-strictly", ON_OFF, 11.7),
    ike("always-on", ON_OFF, 11.8),
    ike("local id", "<net>", 16.5),
    ike("remote id", "<net>", 20.5),
    ike("payload type", "1|2|3 [1|2|3]", 13.6),
    ike("backward-compatibility", "1|2", 13.7),
    ike("send info", ON_OFF, 13.8),
    ike("pfs", "on|off|modp768|modp1024|modp1536|modp2048", 13.9),
    ike("xauth myname", "<text:64> <secret:text:64>", 21.4),
    ike("xauth request", "on|off [<int:1-65535>]", 21.5),
    ike("mode-cfg method", "set [openswan]", 21.6),
    ike("mode-cfg address", "<int:1-65535>", 21.7),
    ike("esp-encapsulation", ON_OFF, 18.5),
    ike("proposal-limitation", ON_OFF, 13.95),
    ike("message-id-control", ON_OFF, 18.6),
    ike("child-exchange type", "1|2", 18.7),
    {
      ...command("ipsec ike duration", DURATION, (k) => [13.96, ...k], {
        key: `ipsec-sa|child-sa|isakmp-sa|ike-sa ${GATEWAY}`,
        scope: "tunnel",
        nested: true,
      }),
      args: (r, env) => {
        const rekeyOff = r.pending().some((t, i, all) => t.value === "off" && all[i - 1]?.value === "rekey");
        DURATION_ARGS(r, env);
        if (rekeyOff && !["isakmp-sa", "ike-sa"].includes(r.out[0])) fail("illegal-keyword");
      },
    },
    ike("restrict-dangling-sa", "auto|off", 18.8),
    // Global IPsec switches.
    command("ipsec use", ON_OFF, inSection(SECTION.IPSEC, -1)),
    command("ipsec ike retry count", "<int:1-50> <int:1-100> [<int:1-100>]", inSection(SECTION.IPSEC, 3)),
    command("ipsec ike queue length", "<int:1-100>", inSection(SECTION.IPSEC, 4)),
    command("ipsec log illegal-spi", ON_OFF, inSection(SECTION.IPSEC, 5)),
    command("ipsec ipcomp type", "none|deflate", inSection(SECTION.IPSEC, 6)),
    {
      head: "ipsec ike mode-cfg address pool",
      scope: "global",
      key: (r) => [String(r.int(1, 65535))],
      args: (r) => {
        r.replace(modeCfgPool);
        r.end();
      },
      order: inSection(SECTION.IPSEC, 7),
    },
    command("ipsec tunnel outer df-bit", "copy|set|clear", () => [10.5], { scope: "tunnel" }),
    command("ipsec tunnel fastpath-fragment-function follow df-bit", ON_OFF, () => [10.6], {
      scope: "tunnel",
    }),
    // §15.49.5: a tunnel's backup (in its block [U]); `interface` of the CR's syntax is a LAN name and the gateway.
    command(
      "tunnel backup",
      "( none | <if> <ip> | pp <int:1-$pp> [switch-router=on/off] | tunnel <int:1-$tunnel> [switch-interface=on/off] )",
      () => [3.5],
      { scope: "tunnel" },
    ),
    // §15.40-15.41: VPN client licence keys, and the gateway that uses them.
    command("ipsec ike license-key", "<secret:text:64>", inSection(SECTION.IPSEC, 8), { key: "<int:1-500>" }),
    ike("license-key use", ON_OFF, 21.8),
    // §15.32-15.35: XAUTH / EAP-MD5 users and groups (ids up to 3000 on RTX5000, 1000 elsewhere; 3000 here [U]).
    command("auth user", "<text:256> <secret:text:64>", inSection(SECTION.IPSEC, 9), { key: USER_ID }),
    command("auth user attribute", USER_ATTRIBUTES, inSection(SECTION.IPSEC, 10), { key: USER_ID }),
    command("auth user group", "<int-list:1-3000>...", inSection(SECTION.IPSEC, 11), { key: USER_ID }),
    command("auth user group attribute", USER_ATTRIBUTES, inSection(SECTION.IPSEC, 12), { key: USER_ID }),
  ],
};
