// lan1 of the overlap-safe design: reverse descriptor 30, DHCP relayed to the router's own lan2 address
// (the DHCP server misbehaves behind a reverse descriptor). Proxy ARP stays off: the VPN pool has its own network.
import * as nvr from "pulumi-yamaha-nvr";

new nvr.NatDescriptor("alias-30", {
  descriptor: 30,
  type: "nat",
  outer: ["192.168.253.254"],
  inner: ["192.168.11.254"],
  statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
});

// No dependsOn: the provider binds after it defines and unbinds before it deletes, in one batch and one save.
const lan1 = new nvr.LanInterface("lan1", {
  interface: "lan1",
  address: "192.168.11.250/24",
  natDescriptors: { reverse: [30] },
  dhcp: { mode: "relay", servers: ["192.168.1.51"] },
});

export const commands = lan1.commands;
