/** NAT46 (CR ch. 25): the IPv4 pool, the IPv6 prefix and static mappings. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.NAT, 2147483648 + item);

export const nat46: Family = {
  specs: [
    command("nat46 ip address pool", "<range>...", at(0)),
    command("nat46 ipv6 prefix", "<int:1-255>", at(1)),
    command("nat46 static", "<ip> <ip6>", at(2), { key: "<int:1-65535>" }),
  ],
};
