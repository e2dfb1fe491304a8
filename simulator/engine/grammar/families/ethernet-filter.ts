/** Ethernet (MAC) filters and their application to LAN interfaces (CR ch. 9). */
import { SECTION } from "../order";
import { command, type Family, inSection, perInterface } from "../spec";

export const ethernetFilter: Family = {
  specs: [
    // §9.1: `N KIND SRC_MAC [DST_MAC [offset O BYTES]]` or `N KIND dhcp-bind|dhcp-not-bind [SCOPE] [offset O BYTES]`.
    // Numbers 1..512 on RTX1210 Rev.14.01.16+ and Rev.15.02+, else 1..100; the simulated firmware takes 512 [U].
    command(
      "ethernet filter",
      "pass-log|pass-nolog|reject-log|reject-nolog ( <mac-pattern> [<mac-pattern> [offset <int:0-1500> <byte-list>]] " +
        "| dhcp-bind|dhcp-not-bind [<int:1-65535>|<ip>] [offset <int:0-1500> <byte-list>] )",
      inSection(SECTION.ETHERNET_FILTER, 0),
      { key: "<int:1-512>" },
    ),
    // §9.2: `ethernet IF filter in|out LIST`.
    command("ethernet IF filter", "<int:1-512>...", (k, env) => [...perInterface(12.5)(k, env), k[0]], {
      key: "in|out",
    }),
  ],
};
