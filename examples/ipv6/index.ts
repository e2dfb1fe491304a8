// IPv6 on the LAN behind an NTT FLET'S line: lan2 asks the provider's DHCPv6 server for settings only, the prefix
// learnt from lan2's router advertisement is advertised on lan1 (with the O flag, so hosts ask the router for DNS),
// and the router serves DHCPv6 on lan1.
import * as nvr from "pulumi-yamaha-nvr";

const prefix = new nvr.Ipv6Prefix("from-lan2", { prefixId: 1, prefix: "ra-prefix@lan2::/64" });

const lan1 = new nvr.Ipv6Interface("lan1", {
  interface: "lan1",
  addresses: ["ra-prefix@lan2::1/64"],
  rtadv: { prefixes: [1], oFlag: true },
  dhcp: { mode: "server" },
});

new nvr.Ipv6Interface("lan2", { interface: "lan2", dhcp: { mode: "client", informationRequest: true } });

export const commands = [prefix.commands, lan1.commands];
