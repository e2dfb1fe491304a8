/** The DNS relay: hosts, recursion, servers, domain and private-address spoofing. */
import { SECTION } from "../order";
import { command, type Family, hostList, inSection, onOff } from "../spec";
import { syntax } from "../syntax";
import { fail, interfaceName, ipv4OrIpv6 } from "../values";

const EDNS = "[edns=on/off]";
const NAT46 = "[nat46=<int:1-$tunnel>]";
const SERVERS =
  `( <ip46> ${EDNS} ${NAT46} [<ip46> ${EDNS} ${NAT46}] | pp <int:1-$pp> ${EDNS} [default-server ${EDNS}] | ` +
  `dhcp <if> ${EDNS} ${NAT46} [default-server ${EDNS} ${NAT46}]`;
const TTL = "[ttl=<int:1-4294967295>]";
const STATIC = {
  a: syntax(`<ip> ${TTL}`),
  aaaa: syntax(`<ip6> ${TTL}`),
  ptr: syntax(`<domain> ${TTL}`),
  mx: syntax(`<domain> ${TTL}`),
  ns: syntax(`<domain> ${TTL}`),
  cname: syntax(`<domain> ${TTL}`),
};

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
    // §24.3: `.` stands for the empty domain.
    command("dns domain", ".|<domain>", inSection(SECTION.DNS, 3)),
    { head: "dns private address spoof", scope: "global", args: onOff, order: () => [SECTION.DNS, 5] },
    // The name the NVR answers for its own setup page (`setup.netvolante.jp` in real NVR configs) [U: not in the CR].
    command("dns private name", "<host>", inSection(SECTION.DNS, 5.5)),
    command("dns notice order", "me|server [me|server]", inSection(SECTION.DNS, 6), {
      key: "ipcp|dhcp|dhcpv6",
    }),
    command("dns service aaaa filter", "on|off", inSection(SECTION.DNS, 7)),
    command("dns syslog resolv", "on|off", inSection(SECTION.DNS, 8)),
    // §24.10: `ID SERVER [SERVER2] [TYPE] QUERY [original-sender] [restrict pp N]`, SERVER also `pp N`, `dhcp IF`
    // or `reject`; a query is a domain suffix, `.`, an address for `ptr`, or a `*` pattern after `reject` [U: the
    // query's form is not checked against the type].
    command(
      "dns server select",
      `( ${SERVERS} ) [a|aaaa|ptr|mx|ns|cname|any] <dns-query> [original-sender] [restrict pp <int:1-$pp>] | ` +
        "reject [a|aaaa|ptr|mx|ns|cname|any] <dns-query> [original-sender] )",
      inSection(SECTION.DNS, 2.5),
      { key: "<int:1-65535>" },
    ),
    // §24.11: `dns static TYPE NAME VALUE [ttl=TTL]` (the name and value by type), and the older `ip host FQDN VALUE`.
    {
      ...command("dns static", "", inSection(SECTION.DNS, 4), { key: "a|aaaa|ptr|mx|ns|cname <host>" }),
      args: (r, env) => STATIC[r.out[0] as keyof typeof STATIC](r, env),
    },
    command("ip host", "<ip46> [ttl=<int:1-4294967295>]", inSection(SECTION.DNS, 4.5), { key: "<host>" }),
    command("dns srcport", "<int-list:1-65535>", inSection(SECTION.DNS, 9)),
    command("dns cache use", "on|off", inSection(SECTION.DNS, 10)),
    command("dns cache max entry", "<int:1-10000>", inSection(SECTION.DNS, 11)),
  ],
};
