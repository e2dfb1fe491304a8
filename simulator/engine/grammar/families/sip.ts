/** SIP (CR ch. 20): the VoIP signalling settings and SIP servers. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.TELEPHONY, item);

/** SIP server numbers 1..65535 (CR §20.2). */
const SERVER = "<int:1-65535>";

export const sip: Family = {
  specs: [
    command("sip use", "on|off", at(10)),
    command("sip session timer", "<int:0-3600> {update=on/off refresher=uac/uas}", at(11)),
    command("sip ip protocol", "udp|tcp", at(12)),
    command("sip 100rel", "on|off", at(13)),
    command("sip user agent", "on|off [<text:64>]", at(14)),
    command("sip log", "on|off", at(15)),
    command("sip outer address", "auto|<ip46>", at(16)),
    command("sip response code busy", "<int:400-699>", at(17)),
    // §20.2.1: `sip server N ADDRESS register|no-register udp|tcp SIP-URI [USER [PASS]]` (user and password free
    // text).
    command(
      "sip server",
      "<host> register|no-register udp|tcp <sip-uri> [<text:64> [<secret:text:64>]]",
      at(20),
      {
        key: SERVER,
      },
    ),
    command("sip server display name", "<text:64>", at(21), { key: SERVER }),
    // §20.2.4: how the caller's number is shown, and by which method.
    command(
      "sip server privacy",
      "off|always-off|always-on|default-off|default-on [sip-privacy|rfc3325|as-is]",
      at(22),
      { key: SERVER },
    ),
    command("sip server 100rel", "on|off", at(23), { key: SERVER }),
    // §20.2.10: a q value 0.001..1.000, or 0 for none.
    command("sip server qvalue", "<qvalue>", at(24), { key: SERVER }),
  ],
};
