// Filter lists applied to interfaces: the v6plus tunnel's in and out lists (`ip tunnel secure filter` inside
// `tunnel select 1`) and a LAN's. The first filter that matches decides; a packet none matches is rejected. The
// provider writes filters before the lists that name them and removes lists first, so no dependsOn is needed.
import * as nvr from "pulumi-yamaha-nvr";

new nvr.IpFilter("icmp-in", {
  filter: 200030,
  action: "pass",
  source: "*",
  destination: "192.168.100.0/24",
  protocol: "icmp",
});
new nvr.IpFilter("reject-in", { filter: 200039, action: "reject", source: "*", destination: "*" });
new nvr.IpFilter("pass-out", { filter: 200099, action: "pass", source: "*", destination: "*" });
new nvr.IpFilterDynamic("dynamic-tcp", { filter: 200098, source: "*", destination: "*", protocol: "tcp" });

const upstream = new nvr.SecureFilter("map-e", {
  interface: "tunnel 1",
  in: { filters: [200030, 200039] },
  out: { filters: [200099], dynamic: [200098] },
});

// On a LAN the lines are top-level: `ip lan1 secure filter out 200099 dynamic 200098`.
new nvr.SecureFilter("lan", { interface: "lan1", out: { filters: [200099], dynamic: [200098] } });

export const commands = upstream.commands;
