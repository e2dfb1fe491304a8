/** ISDN (BRI) lines (CR ch. 6): line type, local number and the call policy of a pp block. Models without BRI
 * answer these as unknown commands. */
import { SECTION } from "../order";
import { command, type Family, perInterface } from "../spec";

const ON_OFF = "on|off";
const pp = (head: string, args: string, item: number) => command(head, args, () => [item], { scope: "pp" });

export const isdn: Family = {
  feature: "isdn",
  specs: [
    command("line type", "isdn|isdn-ntt|l64|l128|<word> [<int:1-2>]", perInterface(31), { key: "<if>" }),
    command("isdn local address", "[<word>]", perInterface(32), { key: "<if>" }),
    command("isdn terminator", ON_OFF, perInterface(33), { key: "<if>" }),
    command("account threshold", "<word> [<int:0-21474836>]", () => [SECTION.ISDN, 0]),
    pp("isdn remote address", "call|arrive|call_arrive <word> [<word>...]", 2.6),
    pp("isdn auto connect", ON_OFF, 2.61),
    pp("isdn arrive permit", "on|off [vrrp <if> <int:1-255> [slave]]", 2.62),
    pp("isdn call permit", ON_OFF, 2.63),
    pp("isdn disconnect time", "off|<int:1-21474836>", 2.64),
    pp("isdn disconnect policy", "<int:1-2>", 2.65),
  ],
};
