/** ISDN (BRI) lines (CR ch. 6): line type, local number and the call policy of a pp block. Models without BRI
 * answer these as unknown commands. */
import { SECTION } from "../order";
import { command, type Family, perInterface, type Spec } from "../spec";
import { fail } from "../values";

const ON_OFF = "on|off";
const pp = (head: string, args: string, item: number) => command(head, args, () => [item], { scope: "pp" });

/** A timer in tenths of a second (CR §6.2.17-6.2.22): `1`..`21474836.0` with at most one decimal, or `off`. */
function seconds(text: string): string {
  if (text === "off") return text;
  if (!/^\d+(\.\d)?$/.test(text)) fail("illegal-keyword");
  if (Number(text) < 1 || Number(text) > 21474836) fail("out-of-range");
  return text;
}

/** A pp-block ISDN timer line taking `count` such values. */
function timer(head: string, count: number, item: number): Spec {
  return {
    head,
    scope: "pp",
    args: (r) => {
      for (let i = 0; i < count; i++) r.replace(seconds);
      r.end();
    },
    order: () => [item],
  };
}

export const isdn: Family = {
  feature: "isdn",
  specs: [
    // §6.1.1: channels only for the switched lines.
    command("line type", "( isdn|isdn-ntt [1b|2b] | l64 | l128 )", perInterface(31), { key: "<if>" }),
    // §6.1.2: `NUMBER[/SUBADDRESS]` or `/SUBADDRESS`.
    command("isdn local address", "[<isdn-number>]", perInterface(32), { key: "<if>" }),
    command("isdn terminator", ON_OFF, perInterface(33), { key: "<if>" }),
    // §6.1.5: the limit in yen of the whole router, an interface or the pp [U: one setting for all].
    command("account threshold", "[pp|<if>] off|<int:1-2147483647>", () => [SECTION.ISDN, 0]),
    // §6.2.2: numbers with optional subaddresses.
    pp("isdn remote address", "call|arrive <isdn-number>...", 2.6),
    pp("isdn auto connect", ON_OFF, 2.61),
    pp("isdn arrive permit", "on|off [vrrp <if> <int:1-255> [slave]]", 2.62),
    pp("isdn call permit", ON_OFF, 2.63),
    timer("isdn disconnect time", 1, 2.64),
    pp("isdn disconnect policy", "<int:1-2>", 2.65),
    // §6.2.22: the charging unit, the watch time and the spare time of disconnect policy 2.
    timer("isdn disconnect interval time", 3, 2.66),
    timer("isdn disconnect input time", 1, 2.67),
    timer("isdn disconnect output time", 1, 2.68),
    timer("isdn fast disconnect time", 1, 2.69),
    timer("isdn forced disconnect time", 1, 2.695),
  ],
};
