/** IPIP keepalive (CR ch. 18) and the tunnel-block settings of CR ch. 14 that tunnel.ts does not hold: tunnel type,
 * endpoint names, tunnel addresses, multipoint and hb46pp. */
import { command, type Family } from "../spec";

const tunnelLine = (head: string, args: string, item: number) =>
  command(head, args, () => [item], { scope: "tunnel" });

export const ipip: Family = {
  specs: [
    tunnelLine("ipip keepalive use", "on|off [<int:1-600> [<int:1-50>]]", 39.5),
    tunnelLine("ipip keepalive log", "on|off", 39.6),
    // §14.3: point-to-point, or multipoint with its role.
    tunnelLine("tunnel type", "( point-to-point | multipoint [server|client] )", 0.5),
    // §14.7-14.10: the separate local/remote forms and the name form (`[LOCAL] REMOTE [TYPE]`).
    tunnelLine("tunnel endpoint remote address", "<host>", 1.1),
    tunnelLine("tunnel endpoint local address", "<ip46>", 1.2),
    tunnelLine("tunnel endpoint name", "<host> [<host>] [fqdn|tel]", 1.3),
    // §14.11: up to three servers, each an address or a host name.
    command("tunnel multipoint server", "<host>", (k) => [1.4, Number(k[0])], {
      scope: "tunnel",
      key: "<int:1-3>",
    }),
    tunnelLine("tunnel multipoint local name", "<text:64>", 1.5),
    tunnelLine("tunnel multipoint limit", "<int:1-1000>", 1.6),
    tunnelLine("tunnel translation", "nat46", 2.5),
    tunnelLine("tunnel hb46pp auth myname", "<text:64> <secret:text:64>", 2.6),
    tunnelLine("tunnel hb46pp server", "<host>", 2.7),
    tunnelLine("ip tunnel address", "<net>", 39.7),
    tunnelLine("ip tunnel remote address", "<ip>", 39.8),
  ],
};
