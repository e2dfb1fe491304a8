/** Flexible LAN/WAN ports (CR ch. 53): which switch ports make up which LAN, per-port types, MAC aging and
 * shutdown. */
import type { ModelInfo } from "../../grammar-contract";
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Family, inSection } from "../spec";
import { syntax } from "../syntax";
import { fail, integer } from "../values";

/** Models with flexible LAN/WAN ports among ours (CR §53.1-53.5 list the RTX1300 and the RTX3510). */
export const FLEXIBLE_PORT_MODELS: readonly string[] = ["rtx1300"];
/** The RTX1300's ports: 1..8 (lan1 by default), 9 and 10 (lan2, lan3), CR §53.1; at most 8 LANs. */
const PORTS = 10;
const LANS = 8;

const flexible = { exists: (m: ModelInfo) => FLEXIBLE_PORT_MODELS.includes(m.id) };
const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.LAN, 10 + item);

/** §53.1: `lanN=PORTS ...`, PORTS numbers and ranges joined by commas; every port in exactly one LAN, one in lan1. */
function portMapping(r: Reader): void {
  if (r.remaining === 0 || r.remaining > LANS) fail("parameters");
  const mapped = new Set<number>();
  const lans = new Set<string>();
  while (r.remaining > 0)
    r.replace((v) => {
      const m = /^lan(\d+)=([\d,-]+)$/.exec(v) ?? fail("illegal-keyword");
      integer(m[1], 1, LANS);
      if (lans.has(m[1])) fail("parameters");
      lans.add(m[1]);
      for (const part of m[2].split(",")) {
        const [from, to = from, extra] = part.split("-");
        if (extra !== undefined) fail("illegal-keyword");
        for (let port = integer(from, 1, PORTS); port <= integer(to, 1, PORTS); port++) {
          if (mapped.has(port)) fail("parameters");
          mapped.add(port);
        }
      }
      return v;
    });
  if (!lans.has("1") || mapped.size !== PORTS) fail("parameters");
}

/** §53.3: a speed and/or options (at least one); the 10G speeds only on the SFP+/10G ports 9 and 10. */
const PORT_TYPE = syntax(
  "[auto|10g-fdx|5g-fdx|2.5g-fdx|1000-fdx|100-fdx|100-hdx|10-fdx|10-hdx] " +
    "{auto-crossover=on/off speed-downshift=on/off energy-saving=on/off}",
);

const AGING = "off|<int:4-819>";

export const flexiblePort: Family = {
  specs: [
    { ...command("lan flexible-port", "<word>...", at(0), flexible), args: portMapping },
    {
      ...command("lan port type", "<word>...", at(1), { key: `<int:1-${PORTS}>`, ...flexible }),
      args: (r, env) => {
        if (r.remaining === 0) fail("parameters");
        if (/^(10g|5g|2\.5g)-fdx$/.test(r.peek() ?? "") && Number(r.out[0]) <= 8) fail("illegal-keyword");
        PORT_TYPE(r, env);
      },
    },
    // §53.4: seconds 4..819 on the RTX1300; `on` stands for the default 300 [V].
    {
      ...command("switching-hub macaddress-aging", AGING, at(2), flexible),
      args: (r, env) => (r.peek() === "on" ? r.skip(1, ["300"]) : syntax(AGING)(r, env)),
    },
    command("lan port shutdown", "", at(3), { key: `<int:1-${PORTS}>`, ...flexible }),
  ],
};
