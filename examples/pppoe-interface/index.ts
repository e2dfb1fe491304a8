// An upstream PPPoE session on lan2 with the usual Japanese FLET'S settings (MRU/MTU 1454, no compression) and a
// masquerade for the LAN on it. The provider password comes from stack config:
//   pulumi config set --secret pppoePassword ...
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const config = new pulumi.Config();

const masquerade = new nvr.NatDescriptor("masquerade", {
  descriptor: 1,
  type: "masquerade",
  outer: ["ipcp"],
});

const upstream = new nvr.PppoeInterface("isp", {
  peer: 1,
  interface: "lan2",
  authAccept: ["pap", "chap"],
  myname: { name: "user@isp.example", password: config.requireSecret("pppoePassword") },
  lcpMru: 1454,
  ipcpAddress: true,
  msext: true,
  ccpType: "none",
  mtu: 1454,
  natDescriptors: { forward: [1] },
  alwaysOn: true,
});

new nvr.StaticRoute("default", { network: "default", gateways: ["pp 1"] });

export const commands = pulumi.all([masquerade.commands, upstream.commands]);
