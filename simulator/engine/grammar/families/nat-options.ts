/** The per-descriptor NAT options beyond type/addresses/static entries (nat.ts): timers, port ranges, session
 * limits, FTP ports, SIP rewriting, and the global NAT log (CR §23.7-23.18). Each prints in its descriptor's group. */
import { SECTION } from "../order";
import { command, type Family } from "../spec";

const DESCRIPTOR = "<int:1-2147483647>";
/** After the descriptor's own lines (nat.ts uses items 0-5) [U]. */
const inGroup =
  (item: number) =>
  (key: string[]): (string | number)[] => [SECTION.NAT, Number(key[0]), item, ...key.slice(1)];

export const natOptions: Family = {
  specs: [
    command("nat descriptor masquerade rlogin", "on|off", inGroup(6), { key: DESCRIPTOR }),
    // §23.9: `ND TIME`, `ND protocol=P [port=RANGE] TIME`, `ND tcpfin TIME`; each form its own line.
    command(
      "nat descriptor timer",
      "[protocol=tcp/udp/icmp/<int:0-255>] [port=<int-list:1-65535>] <int:1-21474836>",
      inGroup(7),
      {
        key: `${DESCRIPTOR} [tcpfin]`,
      },
    ),
    command("nat descriptor masquerade port range", "<int-list:1-65535>...4", inGroup(8), {
      key: DESCRIPTOR,
    }),
    command("nat descriptor ftp port", "<int:1-65535>...", inGroup(9), { key: DESCRIPTOR }),
    command(
      "nat descriptor masquerade unconvertible port",
      "if-possible|tcp|udp [<int-list:1-65535>]",
      inGroup(10),
      {
        key: DESCRIPTOR,
      },
    ),
    command("nat descriptor sip", "on|off|auto", inGroup(11), { key: DESCRIPTOR }),
    command("nat descriptor masquerade remove df-bit", "on|off", () => [SECTION.NAT_COMPAT, 2]),
    command("nat descriptor masquerade session limit", "<int:1-500000>", inGroup(12), {
      key: `${DESCRIPTOR} <int:1-1>`,
    }),
    command("nat descriptor masquerade session limit total", "<int:1-500000>", inGroup(13), {
      key: DESCRIPTOR,
    }),
    command("nat descriptor log", "on|off", () => [SECTION.NAT_COMPAT, 1]),
  ],
};
