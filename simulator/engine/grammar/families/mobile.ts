/** Mobile internet over a USB modem or built-in LTE (CR ch. 44), and the USB host switches (CR ch. 36). */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.WWAN, item);
const ON_OFF = "on|off";

export const mobile: Family = {
  feature: "wwan",
  specs: [
    command("mobile use", "on|off [first-connect-wait-time=<int:1-60>]", at(0), { key: "<word>" }),
    command("mobile pin code", "<text:8>", at(1), { key: "<word>" }),
    command("mobile carrier mode", "<word>", at(2), { key: "<word>" }),
    command("mobile arrive use", ON_OFF, at(3), { key: "<word>" }),
    command("mobile signal-strength", "on|off [<word>...]", at(4)),
    command("mobile syslog", ON_OFF, at(5)),
    command("alarm mobile", ON_OFF, at(6)),
    // The pp-block settings of a mobile peer.
    ...[
      ["mobile call type", "normal|<word>"],
      ["mobile auto connect", ON_OFF],
      ["mobile disconnect time", "off|<int:1-21474836>"],
      ["mobile disconnect input time", "off|<int:1-21474836>"],
      ["mobile disconnect output time", "off|<int:1-21474836>"],
      ["mobile access-point name", "<text:99> cid=<int:1-16> [pdp=ip/ppp/ipv6/ipv4v6]"],
      ["mobile dial number", "<text:32>"],
      ["mobile access limit length", "off|<int:1-2147483647> [alert=<word>]"],
      ["mobile access limit time", "off|<int:1-2147483647> [alert=<word>] [unit=<word>]"],
      ["mobile call prohibit auth-error count", "off|<int:1-10>"],
      ["mobile display caller id", ON_OFF],
      ["mobile arrive permit", ON_OFF],
      ["ppp lcp accm", ON_OFF],
    ].map(([head, args], i) => command(head, args, () => [7 + i / 100], { scope: "pp" })),
    command("usbhost modem initialize", "<word>...", at(20), { key: "<word>" }),
    command("usbhost modem flow control", ON_OFF, at(21), { key: "<word>" }),
  ],
};
