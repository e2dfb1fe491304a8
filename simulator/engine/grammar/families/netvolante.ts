/** The NetVolante dynamic DNS client (CR ch. 34): per-interface or per-pp use, host names, timers, server. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

/** `IF` or `pp` (the pp form is typed inside `pp select` in the CR, but dumps print it globally [U]). */
const WHERE = "pp|<if>";
const SERVER = "[server=<int:1-2>]";
/** §34.6-34.8: the IPv6 address or prefix to register, optionally given. */
const IPV6 = "ipv6 ( address [<ip6>] | prefix [<prefix6>] )";

export const netvolante: Family = {
  specs: [
    command("netvolante-dns use", "on|off", inSection(SECTION.NETVOLANTE, 0), { key: WHERE }),
    command("netvolante-dns port", "<int:1-65535>", inSection(SECTION.NETVOLANTE, 1)),
    // §34.6: `hostname host WHERE [server=N] HOST [ipv6 address|prefix [X]] [duplicate]`.
    command(
      "netvolante-dns hostname host",
      `${SERVER} <host> [${IPV6}] [duplicate]`,
      inSection(SECTION.NETVOLANTE, 2),
      { key: WHERE },
    ),
    command("netvolante-dns timeout", "<int:1-180>", inSection(SECTION.NETVOLANTE, 3), { key: WHERE }),
    command(
      "netvolante-dns auto hostname",
      `${SERVER} ( on | off | ${IPV6} )`,
      inSection(SECTION.NETVOLANTE, 4),
      {
        key: WHERE,
      },
    ),
    // §34.9: the host name made from the serial number.
    command("netvolante-dns set hostname", "serial", inSection(SECTION.NETVOLANTE, 5), { key: WHERE }),
    command("netvolante-dns server", "<host>", inSection(SECTION.NETVOLANTE, 6)),
    command("netvolante-dns server update address use", `${SERVER} on|off`, inSection(SECTION.NETVOLANTE, 7)),
    command(
      "netvolante-dns server update address port",
      `${SERVER} <int:1-65535>`,
      inSection(SECTION.NETVOLANTE, 8),
    ),
    command(
      "netvolante-dns retry interval",
      "auto|<int:60-300> <int:1-50>",
      inSection(SECTION.NETVOLANTE, 9),
      {
        key: WHERE,
      },
    ),
    command(
      "netvolante-dns register timer",
      `${SERVER} <int:60-2147483647>`,
      inSection(SECTION.NETVOLANTE, 10),
    ),
    command("netvolante-dns auto save", `${SERVER} off|<int:0-4>`, inSection(SECTION.NETVOLANTE, 11)),
  ],
};
