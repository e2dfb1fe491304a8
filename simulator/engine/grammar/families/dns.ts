/** The DNS relay: hosts, recursion, servers, domain and private-address spoofing. */
import { SECTION } from "../order";
import { type Family, hostList, onOff } from "../spec";
import { fail, interfaceName, ipv4OrIpv6 } from "../values";

export const dns: Family = {
  specs: [
    { head: "dns host", scope: "global", args: hostList, order: () => [SECTION.DNS, 0] },
    {
      head: "dns service",
      scope: "global",
      key: (r) => [r.kw(["recursive", "fallback"])],
      args: onOff,
      order: (key) => [SECTION.DNS, 1, key[0]],
    },
    {
      // Up to four servers, or a learnt one: `dhcp IF`, `pp N` [V] dumps / CR §20.
      head: "dns server",
      scope: "global",
      args: (r, env) => {
        const first = r.peek() ?? fail("parameters");
        if (first === "dhcp") {
          r.next();
          r.replace(interfaceName);
        } else if (first === "pp") {
          r.next();
          r.int(1, env.model.maxPp);
        } else {
          if (r.remaining > 4) fail("parameters");
          while (r.remaining > 0) r.replace(ipv4OrIpv6);
        }
        r.end();
      },
      order: () => [SECTION.DNS, 2],
    },
    {
      head: "dns domain",
      scope: "global",
      args: (r) => {
        r.next();
        r.end();
      },
      order: () => [SECTION.DNS, 3],
    },
    { head: "dns private address spoof", scope: "global", args: onOff, order: () => [SECTION.DNS, 5] },
  ],
  unchecked: [
    { head: "netvolante-dns", scope: "global", order: [SECTION.DNS, 6] },
    { head: "dns static", scope: "global", order: [SECTION.DNS, 4] },
    { head: "dns server select", scope: "global", order: [SECTION.DNS, 2] },
  ],
};
