/** Switch management (L2MS, CR ch. 48): the controller mode, watch timers and the LAN map snapshot. `switch control
 * use IF` is in interfaces.ts. */
import { SECTION } from "../order";
import { command, type Family, inSection, perInterface } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.LAN, 20 + item);

export const l2ms: Family = {
  feature: "l2ms",
  specs: [
    command("switch control mode", "master|slave", at(0)),
    command("switch control watch interval", "<int:2-10> [<int:1-10>]", at(1)),
    command("lan-map terminal watch interval", "<int:1-21474836> [<int:1-21474836>]", at(2)),
    command("lan-map snapshot use", "on|off [terminal=on/off]", perInterface(30.5), { key: "<if>" }),
  ],
};
