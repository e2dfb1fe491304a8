/** RADIUS client (CR ch. 22): authentication and accounting servers, ports, secret, retries. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.SYSTEM, 40 + item);
const SERVERS = "<ip46> [<ip46>]";

export const radius: Family = {
  specs: [
    command("radius auth", "on|off", at(0)),
    command("radius account", "on|off", at(1)),
    command("radius server", SERVERS, at(2)),
    command("radius auth server", SERVERS, at(3)),
    command("radius account server", SERVERS, at(4)),
    command("radius auth port", "<int:1-65535>", at(5)),
    command("radius account port", "<int:1-65535>", at(6)),
    command("radius secret", "<secret:text:64>", at(7)),
    command("radius retry", "<int:1-50> <int:20-10000>", at(8)),
  ],
};
