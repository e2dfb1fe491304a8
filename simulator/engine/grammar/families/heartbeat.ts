/** Heartbeat and heartbeat2 (CR ch. 39-40): keepalive messages between routers. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

/** Keys are ASCII text of at most 32 characters; IDs 1..65535 (CR §39.1, §40.2, §40.4). */
const KEY = "<secret:text:32>";
const ID = "<int:1-65535>";
const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 10 + item);

export const heartbeat: Family = {
  specs: [
    command("heartbeat pre-shared-key", KEY, at(0)),
    command("heartbeat receive", "on|off {log=on/off monitor=off/<int:30-21474836>}", at(1)),
    command("heartbeat send", "<ip> [log=on/off]", at(2), { key: "<int:1-100>" }),
    command("heartbeat2 myname", "<text:64>", at(3)),
    // §40.2: up to four destinations, IPv4 addresses or host names.
    command("heartbeat2 transmit", `[crypto ${KEY}] auth ${KEY} <ip>|<domain>...4`, at(4), { key: ID }),
    command("heartbeat2 transmit enable", "[one-shot] <int-list:1-65535>...", at(5)),
    command("heartbeat2 transmit interval", "<int:1-65535> [<int:1-65535>]", at(6)),
    command("heartbeat2 transmit log", `[${ID}] on|off`, at(7)),
    command("heartbeat2 receive", `[crypto ${KEY}] auth ${KEY}`, at(8), { key: ID }),
    command("heartbeat2 receive enable", "<int-list:1-65535>...", at(9)),
    command("heartbeat2 receive monitor", "<int:1-65535> [<int:1-65535>]", at(10)),
    command("heartbeat2 receive log", `[${ID}] on|off`, at(11)),
    command("heartbeat2 receive record limit", "<int:1-1000>", at(12)),
  ],
};
