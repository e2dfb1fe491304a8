/** Mobile internet over a USB modem or built-in LTE (CR ch. 44), and the USB host switches (CR ch. 36). */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.WWAN, item);
const ON_OFF = "on|off";

/** The USB port a mobile terminal is on (CR ch. 44). */
const PORT = "usb1";

export const mobile: Family = {
  feature: "wwan",
  specs: [
    command("mobile use", "on|off [first-connect-wait-time=<int:1-60>]", at(0), { key: PORT }),
    command("mobile pin code", "<secret:text:8>", at(1), { key: PORT }),
    command("mobile carrier mode", "0|1|2|3", at(2), { key: PORT }),
    command("mobile arrive use", ON_OFF, at(3), { key: PORT }),
    // §44.26: `interval=SECONDS,COUNT` (1..3600, 1..1000 or infinity) or off.
    command(
      "mobile signal-strength",
      "on|off {interface=usb1 syslog=on/off/trans interval=off/<interval-count>}",
      at(4),
    ),
    command("mobile syslog", ON_OFF, at(5)),
    command("alarm mobile", ON_OFF, at(6)),
    // The pp-block settings of a mobile peer.
    ...[
      // §44.3: 1 or 2; `normal` as older firmware prints it [U].
      ["mobile call type", "1|2|normal"],
      ["mobile auto connect", ON_OFF],
      ["mobile disconnect time", "off|<int:1-21474836>"],
      ["mobile disconnect input time", "off|<int:1-21474836>"],
      ["mobile disconnect output time", "off|<int:1-21474836>"],
      ["mobile access-point name", "<text:99> cid=<int:1-16> [pdp=ip/ppp/ipv6/ipv4v6]"],
      ["mobile dial number", "<text:32>"],
      // §44.13-44.14: alerts (and their cancel points) as amounts or percentages.
      ["mobile access limit length", "off|<amount> [alert=<alert>]"],
      ["mobile access limit time", "off|<int:1-2147483647> [alert=<alert>] [unit=second/minute]"],
      ["mobile call prohibit auth-error count", "off|<int:1-10>"],
      ["mobile display caller id", ON_OFF],
      ["mobile arrive permit", ON_OFF],
      ["ppp lcp accm", ON_OFF],
    ].map(([head, args], i) => command(head, args, () => [7 + i / 100], { scope: "pp" })),
    // §44.28: AT command strings, free text by design.
    command("usbhost modem initialize", "<text:255>...", at(20), { key: PORT }),
    command("usbhost modem flow control", ON_OFF, at(21), { key: PORT }),
  ],
};
