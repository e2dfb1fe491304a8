/** Yamaha's cloud services: Cloud VPN (CR ch. 19), YNO agent (CR ch. 49) and the LBO list (CR ch. 54). */
import type { ModelInfo } from "../../grammar-contract";
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 50 + item);
const ON_OFF = "on|off";
/** Cloud VPN settings 1..3 (CR §19.1-19.5). */
const ID = "<int:1-3>";
const LBO = { exists: (m: ModelInfo) => m.id === "rtx840" };
const LBO_LIST = "none|<url:http,https>|<path>";

export const cloudServices: Family = {
  specs: [
    command("cloud vpn service", "amazon-api", at(0), { key: ID }),
    command("cloud vpn parameter", "<secret:text:256> [<secret:text:256> [<secret:text:256>]]", at(1), {
      key: ID,
    }),
    command("cloud vpn name", "<text:32>", at(2), { key: ID }),
    command("cloud vpn bind", "<int:1-$tunnel> [<int:1-$tunnel>]", at(3), { key: ID }),
    command("cloud vpn option", "region=<text:32>", at(4), { key: ID }),
    command("cloud vpn syslog", ON_OFF, at(5)),
    command("yno use", ON_OFF, at(10)),
    // §49.2: an operator ID of 4..64 characters and an access code of 8..64.
    command("yno access code", "<text:4-64> <secret:text:8-64>", at(11)),
    // §49.3-49.4.
    command("yno log", "( action-read [inform] | inform [action-read] )", at(12)),
    command("description yno", "<text:32>", at(13)),
    command("yno https-proxy", "<host> <int:1-65535>", at(14)),
    command("yno gui-forwarder timeout", "<int:1-3600>", at(15)),
    // ch. 54: the RTX840 only; a list is `none`, an http(s) URL or a file path (RTFS or external memory).
    command("lbo use", ON_OFF, at(20), LBO),
    command("lbo list primary", LBO_LIST, at(21), LBO),
    command("lbo list secondary", LBO_LIST, at(22), LBO),
  ],
};
