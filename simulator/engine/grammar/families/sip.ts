/** SIP (CR ch. 20): the VoIP signalling settings and SIP servers. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.TELEPHONY, item);

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
    // §20.1.x: `sip server N ADDRESS TYPE PROTOCOL URI [USER [PASS]]`.
    command("sip server", "<host> register|invite|<word> udp|tcp <word> [<word> [<word>]]", at(20), {
      key: "<int:1-10>",
    }),
    command("sip server display name", "<text:64>", at(21), { key: "<int:1-10>" }),
    command("sip server privacy", "on|off [<word>]", at(22), { key: "<int:1-10>" }),
    command("sip server 100rel", "on|off", at(23), { key: "<int:1-10>" }),
    command("sip server qvalue", "<word>", at(24), { key: "<int:1-10>" }),
  ],
};
