/** Yamaha's cloud services: Cloud VPN (CR ch. 19), YNO agent (CR ch. 49) and the LBO list (CR ch. 54). */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 50 + item);
const ON_OFF = "on|off";
const ID = "<int:1-100>";

export const cloudServices: Family = {
  specs: [
    command("cloud vpn service", "<word>", at(0), { key: ID }),
    command("cloud vpn parameter", "<word> [<word> [<word>]]", at(1), { key: ID }),
    command("cloud vpn name", "<text:64>", at(2), { key: ID }),
    command("cloud vpn bind", "<word> [<word>]", at(3), { key: ID }),
    command("cloud vpn option", "<word>", at(4), { key: ID }),
    command("cloud vpn syslog", ON_OFF, at(5)),
    command("yno use", ON_OFF, at(10)),
    command("yno access code", "<text:64> <text:64>", at(11)),
    command("yno log", "<word>...", at(12)),
    command("description yno", "<text:64>", at(13)),
    command("yno https-proxy", "<host> <int:1-65535>", at(14)),
    command("yno gui-forwarder timeout", "<int:1-3600>", at(15)),
    command("lbo use", ON_OFF, at(20)),
    command("lbo list primary", "<word>", at(21)),
    command("lbo list secondary", "<word>", at(22)),
  ],
};
