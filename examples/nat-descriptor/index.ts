// Descriptor 30 of the overlap-safe design: the alias network 192.168.253.0/24 mapped 1:1 onto 192.168.11.0/24 (.2-.254).
// Bind it with LanInterface natDescriptors.reverse (see examples/lan-interface).
import * as nvr from "pulumi-yamaha-nvr";

const nat = new nvr.NatDescriptor("alias-30", {
  descriptor: 30,
  type: "nat",
  // Equal to the last static pair, so nothing is translated dynamically.
  outer: ["192.168.253.254"],
  inner: ["192.168.11.254"],
  statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
});

export const commands = nat.commands;
