/** The analog telephone ports of the NVR models (`analog ...`). They are not in the CR (it covers RTX only): the
 * forms seen in real NVR configs are checked, the rest of the family is taken verbatim on models with analog
 * ports [U]. SIP is in sip.ts. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.TELEPHONY, item);

export const telephony: Family = {
  feature: "analog",
  specs: [
    // `analog extension dial prefix sip prefix="9#"`: the dial prefix that sends a call to the SIP server [U].
    command("analog extension dial prefix", "prefix=<text:8>", at(0), { key: "sip|line|<word>" }),
  ],
  unchecked: [{ head: "analog", scope: "global", order: [SECTION.TELEPHONY, 5] }],
};
