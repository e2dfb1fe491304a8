/** PPTP (CR ch. 17): the service switch and the pptp lines of a tunnel block. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const ON_OFF = "on|off";
const tunnelLine = (head: string, args: string, item: number) =>
  command(head, args, () => [item], { scope: "tunnel" });

export const pptp: Family = {
  specs: [
    command("pptp service", ON_OFF, inSection(SECTION.PPTP, 0)),
    tunnelLine("pptp service type", "server|client", 30.1),
    tunnelLine("pptp hostname", "<text:64>", 30.2),
    tunnelLine("pptp vendorname", "<text:64>", 30.3),
    tunnelLine("pptp window size", "<int:1-128>", 30.4),
    tunnelLine("pptp syslog", ON_OFF, 30.5),
    tunnelLine("pptp tunnel disconnect time", "off|<int:1-21474836>", 30.6),
    tunnelLine("pptp keepalive use", ON_OFF, 30.7),
    tunnelLine("pptp keepalive log", ON_OFF, 30.8),
    tunnelLine("pptp keepalive interval", "<int:1-65535> [<int:1-50>]", 30.9),
    command("ppp ccp no-encryption", "reject|pass", () => [13.45], { scope: "pp" }),
  ],
};
