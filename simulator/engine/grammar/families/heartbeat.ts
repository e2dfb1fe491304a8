/** Heartbeat and heartbeat2 (CR ch. 39-40): keepalive messages between routers. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 10 + item);

export const heartbeat: Family = {
  specs: [
    command("heartbeat pre-shared-key", "<text:64>", at(0)),
    command("heartbeat receive", "on|off [<word>...]", at(1)),
    command("heartbeat send", "<ip> [log=on/off]", at(2), { key: "<int:1-100>" }),
    command("heartbeat2 myname", "<text:64>", at(3)),
    command("heartbeat2 transmit", "[crypto <word>] auth <word> <ip46>...", at(4), { key: "<int:1-100>" }),
    command("heartbeat2 transmit enable", "[one-shot] <int-list:1-100>...", at(5)),
    command("heartbeat2 transmit interval", "<int:1-65535> [<int:1-65535>]", at(6)),
    command("heartbeat2 transmit log", "[<int:1-100>] on|off", at(7)),
    command("heartbeat2 receive", "[crypto <word>] auth <word>", at(8), { key: "<int:1-100>" }),
    command("heartbeat2 receive enable", "<int-list:1-100>...", at(9)),
    command("heartbeat2 receive monitor", "<int:1-65535> [<int:1-65535>]", at(10)),
    command("heartbeat2 receive log", "[<int:1-100>] on|off", at(11)),
    command("heartbeat2 receive record limit", "<int:1-1000>", at(12)),
  ],
};
