/** Flexible LAN/WAN ports (CR ch. 53): which switch ports make up which LAN, per-port types and shutdown. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.LAN, 10 + item);

export const flexiblePort: Family = {
  feature: "switch",
  specs: [
    // `lan flexible-port lan1=1,2 lan2=3 ...`: each LAN and its port numbers.
    command("lan flexible-port", "<word>...", at(0)),
    command("lan port type", "<word>...", at(1), { key: "<int:1-16>" }),
    command("switching-hub macaddress-aging", "off|<int:10-3600>", at(2)),
    command("lan port shutdown", "[<int:1-16>...]", at(3)),
  ],
};
