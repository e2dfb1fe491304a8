// The usual YAMAHA firewall for an upstream interface (the RTX1210 v6plus dump's filters): pass ICMP to the LAN and
// reject the rest coming in; let everything out, with dynamic filters so the replies of what went out come back.
// Apply the lists to the interface with SecureFilter (examples/secure-filter).
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const icmp = new nvr.IpFilter("icmp-in", {
  filter: 200030,
  action: "pass",
  source: "*",
  destination: "192.168.100.0/24",
  protocol: "icmp",
});
new nvr.IpFilter("reject-in", { filter: 200039, action: "reject", source: "*", destination: "*" });
new nvr.IpFilter("pass-out", { filter: 200099, action: "pass", source: "*", destination: "*" });

// Port lists take numbers, ranges and the router's mnemonics (www = 80, domain = 53, ftp = 20 and 21).
new nvr.IpFilter("web-to-server", {
  filter: 200100,
  action: "pass-log",
  source: "*",
  destination: "192.168.100.10",
  protocol: "tcp",
  sourcePort: "*",
  destinationPort: ["www", "443", "8000-8080"],
});

// Replies to connections made from inside pass: the application form, and the trigger form over static filters.
for (const [filter, protocol] of [
  [200080, "ftp"],
  [200082, "www"],
  [200098, "tcp"],
  [200099, "udp"],
] as const)
  new nvr.IpFilterDynamic(`dynamic-${protocol}`, { filter, source: "*", destination: "*", protocol });
new nvr.IpFilterDynamic("snmp-replies", {
  filter: 200110,
  source: "*",
  destination: "*",
  trigger: [200099],
  syslog: false,
});

export const commands = pulumi.all([icmp.commands]);
