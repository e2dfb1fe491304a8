/** Switch-port VLANs and VLAN interconnect groups (CR ch. 38); `vlan lanN/M 802.1q` is in interfaces.ts. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

export const vlan: Family = {
  feature: "port-division",
  specs: [
    // §38.2: `vlan port mapping lan1.N vlanM`.
    command("vlan port mapping", "<if>", inSection(SECTION.LAN, 5), { key: "<if>" }),
    // §38.3: `all`, `none`, or groups of LAN names joined by `,`, ranges with `-`, `$` for one-to-all.
    command("vlan interconnect group", "all|none|<lan-group>...", inSection(SECTION.LAN, 6), { key: "<if>" }),
    command("vlan interconnect log", "pass|reject [pass|reject]", inSection(SECTION.LAN, 7), { key: "<if>" }),
  ],
};
