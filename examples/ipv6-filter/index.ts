// The IPv6 firewall of the RTX1210 v6plus dump on the NGN side (lan2): ICMPv6, IPv4-in-IPv6 (MAP-E) and DHCPv6 replies
// come in, the rest is rejected; everything goes out, and dynamic filters let the replies back.
import * as nvr from "pulumi-yamaha-nvr";

new nvr.Ipv6Filter("icmp6-in", {
  filter: 200030,
  action: "pass",
  source: "*",
  destination: "*",
  protocol: "icmp6",
  sourcePort: "*",
  destinationPort: "*",
});
new nvr.Ipv6Filter("ipip-in", {
  filter: 200031,
  action: "pass",
  source: "*",
  destination: "*",
  protocol: "4",
});
new nvr.Ipv6Filter("dhcpv6-in", {
  filter: 200038,
  action: "pass",
  source: "*",
  destination: "*",
  protocol: "udp",
  sourcePort: "*",
  destinationPort: "546",
});
new nvr.Ipv6Filter("reject-in", { filter: 200039, action: "reject", source: "*", destination: "*" });
new nvr.Ipv6Filter("pass-out", { filter: 200099, action: "pass", source: "*", destination: "*" });
new nvr.Ipv6FilterDynamic("tcp-out", { filter: 200098, source: "*", destination: "*", protocol: "tcp" });
new nvr.Ipv6FilterDynamic("udp-out", { filter: 200097, source: "*", destination: "*", protocol: "udp" });

export const commands = new nvr.Ipv6SecureFilter("ngn", {
  interface: "lan2",
  in: { filters: [200030, 200031, 200038, 200039] },
  out: { filters: [200099], dynamic: [200098, 200097] },
}).commands;
