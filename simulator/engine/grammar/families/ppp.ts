/** PPP negotiation and PPPoE details of a pp block (CR ch. 11, §8.2.3-8.2.5, §8.5.1): LCP/IPCP/CCP/PAP/CHAP timers,
 * keepalive, backup and the PPPoE discovery settings. The main pp lines (bind, auth, addresses) are in pp.ts. */
import { command, type Family } from "../spec";

/** pp-block positions between `ppp ccp type` (13) and `ip pp address` (20) [U]. */
const inPp = (item: number) => () => [item];
const pp = (head: string, args: string, item: number) => command(head, args, inPp(item), { scope: "pp" });
const ON_OFF = "on|off";
const COUNT = "<int:1-10>";
const RESTART = "<int:20-10000>";

export const ppp: Family = {
  specs: [
    pp(
      "pp keepalive interval",
      "<int:1-65535> {retry-interval=<int:1-65535> count=<int:3-100> time=<int:1-65535>}",
      1.5,
    ),
    // §8.2.4: LCP echo, ICMP echo to addresses each followed by its options, or both.
    pp(
      "pp keepalive use",
      "( off | lcp-echo | [lcp-echo] icmp-echo <ip> [<ip>|upwait=<int:1-10000>|downwait=<int:1-10000>|" +
        "disconnect=<int:1-21474836>|length=<int:64-1500>...] )",
      1.51,
    ),
    pp("pp keepalive log", ON_OFF, 1.52),
    // §8.5.1: `interface` of the CR's syntax is a LAN name followed by the gateway.
    pp(
      "pp backup",
      "( none | pp <int:1-$pp> [ipsec-fast-recovery=on/off] | <if> <ip> | tunnel <int:1-$tunnel> )",
      1.7,
    ),
    pp("pp backup recovery time", "<int:0-21474836>", 1.71),
    pp("pp auth multi connect prohibit", ON_OFF, 6.5),
    pp("pppoe access concentrator", "<text:255>", 2.1),
    pp("pppoe auto connect", ON_OFF, 2.2),
    pp("pppoe auto disconnect", ON_OFF, 2.3),
    pp("pppoe padi maxretry", "<int:1-10>", 2.4),
    pp("pppoe padi restart", "<int:20-10000>", 2.41),
    pp("pppoe padr maxretry", "<int:1-10>", 2.42),
    pp("pppoe padr restart", "<int:20-10000>", 2.43),
    pp("pppoe disconnect time", "off|<int:1-21474836>", 2.44),
    pp("pppoe service-name", "<text:255>", 2.45),
    pp("pppoe tcp mss limit", "auto|off|<int:1-1452>", 2.46),
    pp("pppoe invalid-session forced close", ON_OFF, 2.47),
    pp("ppp lcp acfc", ON_OFF, 9.1),
    pp("ppp lcp magicnumber", ON_OFF, 9.2),
    pp("ppp lcp pfc", ON_OFF, 9.3),
    pp("ppp lcp restart", RESTART, 9.4),
    pp("ppp lcp maxterminate", COUNT, 9.5),
    pp("ppp lcp maxconfigure", COUNT, 9.6),
    pp("ppp lcp maxfailure", COUNT, 9.7),
    pp("ppp lcp silent", ON_OFF, 9.8),
    pp("ppp pap restart", RESTART, 10.1),
    pp("ppp pap maxauthreq", COUNT, 10.2),
    pp("ppp chap restart", RESTART, 10.3),
    pp("ppp chap maxchallenge", COUNT, 10.4),
    pp("ppp ipcp vjc", ON_OFF, 11.1),
    pp("ppp ipcp restart", RESTART, 11.2),
    pp("ppp ipcp maxterminate", COUNT, 11.3),
    pp("ppp ipcp maxconfigure", COUNT, 11.4),
    pp("ppp ipcp maxfailure", COUNT, 11.5),
    pp("ppp ipcp remote address check", ON_OFF, 12.5),
    pp("ppp ccp restart", RESTART, 13.1),
    pp("ppp ccp maxterminate", COUNT, 13.2),
    pp("ppp ccp maxconfigure", COUNT, 13.3),
    pp("ppp ccp maxfailure", COUNT, 13.4),
    pp("ppp ipv6cp use", ON_OFF, 13.5),
    pp("ppp mp use", ON_OFF, 13.6),
    pp("ppp mp control", "arricom|yamaha", 13.7),
    pp("ppp mp maxlink", "<int:1-2>", 13.8),
    pp("ppp mp minlink", "<int:1-2>", 13.9),
    // §11.4.x: `wins server A [B]` for the IPCP MS extension (global [U]).
    command("wins server", "<ip> [<ip>]", () => [12, 0]),
    command("pppoe pass-through member", "<if> <if>...", () => [25, 9]),
  ],
};
