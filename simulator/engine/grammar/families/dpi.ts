/** Application control by DPI (CR ch. 52): the switch, IPv4/IPv6 DPI filters and their use on interfaces. */
import { SECTION } from "../order";
import { command, type Family, inSection, perLink } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.IP_FILTER_DYNAMIC, 50 + item);
const ACTION = "pass|reject|pass-log|pass-nolog|reject-log|reject-nolog";

export const dpi: Family = {
  feature: "dpi",
  specs: [
    command("dpi use", "on|off [reject]", at(0)),
    command("ip dpi filter", `${ACTION} <word> [<word> [<word>]]`, at(1), { key: "<int:1-65535>" }),
    command("ipv6 dpi filter", `${ACTION} <word> [<word> [<word>]]`, at(2), { key: "<int:1-65535>" }),
    command("dpi group set", "[name=<text:32>] <word>...", at(3), { key: "<int:1-100>" }),
    command("dpi signature download url", "<url>", at(4)),
    command("dpi log", "on|off", at(5)),
    command("dpi signature directory", "<word>", at(6)),
    ...perLink("ip", "dpi filter", "<int:1-65535>...", { iface: 12.7, pp: 24.7, tunnel: 41.7 }, "in|out"),
    ...perLink("ipv6", "dpi filter", "<int:1-65535>...", { iface: 22.7, pp: 24.8, tunnel: 41.8 }, "in|out"),
  ],
};
