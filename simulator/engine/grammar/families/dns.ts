/** The DNS relay: hosts, recursion, servers, domain and private-address spoofing. */
import { SECTION } from "../order";
import { command, type Family, hostList, inSection, onOff } from "../spec";
import { fail, interfaceName, ipv4OrIpv6 } from "../values";

export const dns: Family = {
  specs: [
    { head: "dns host", scope: "global", args: hostList, order: () => [SECTION.DNS, 0] },
    // `dns service recursive|off` (CR §24.1) and `dns service fallback on|off` (CR §24.16) are two settings.
    command("dns service", "recursive|off", inSection(SECTION.DNS, 1)),
    command("dns service fallback", "on|off", inSection(SECTION.DNS, 1.5)),
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
    // The name the NVR answers for its own setup page (`setup.netvolante.jp` in real NVR configs) [U: not in the CR].
    command("dns private name", "<host>", inSection(SECTION.DNS, 5.5)),
    command("dns notice order", "me|server [me|server]", inSection(SECTION.DNS, 6), {
      key: "ipcp|dhcp|dhcpv6",
    }),
    command("dns service aaaa filter", "on|off", inSection(SECTION.DNS, 7)),
    command("dns syslog resolv", "on|off", inSection(SECTION.DNS, 8)),
    // §24.10: `ID SERVER [SERVER2] [TYPE] QUERY [original-sender] [restrict pp N]`, SERVER also `pp N`, `dhcp IF`
    // or `reject`.
    command(
      "dns server select",
      "<ip46>|pp|dhcp|reject [<ip46>|<int:1-150>|<if>] [<ip46>] [a|aaaa|ptr|mx|ns|cname|any] <word> " +
        "[original-sender] [restrict pp <int:1-150>]",
      inSection(SECTION.DNS, 2.5),
      { key: "<int:1-65535>" },
    ),
    // §24.11: `dns static TYPE NAME VALUE [ttl=TTL]`, and the older `ip host FQDN VALUE`.
    command("dns static", "<word> [ttl=<int:1-4294967295>]", inSection(SECTION.DNS, 4), {
      key: "a|aaaa|ptr|mx|ns|cname <host>",
    }),
    command("ip host", "<ip46> [ttl=<int:1-4294967295>]", inSection(SECTION.DNS, 4.5), { key: "<host>" }),
    command("dns srcport", "<int-list:1-65535>", inSection(SECTION.DNS, 9)),
    command("dns cache use", "on|off", inSection(SECTION.DNS, 10)),
    command("dns cache max entry", "<int:1-10000>", inSection(SECTION.DNS, 11)),
  ],
};
