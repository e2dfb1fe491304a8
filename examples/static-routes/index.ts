// The branch's prefixes reached through the LAN router at 192.168.11.251, as one table: one engine operation and one
// plan however many routes it lists, and adding a prefix later sends that one `ip route` line (removing one sends
// one `no ip route`). A route already on the router belongs to someone else: the create refuses it unless
// `adopt: true`, and an update never takes it over.
import * as nvr from "pulumi-yamaha-nvr";

const branchPrefixes = ["10.20.0.0/16", "10.21.0.0/16", "172.16.8.0/22"];

const branch = new nvr.StaticRoutes("branch-prefixes", {
  routes: [
    ...branchPrefixes.map((network) => ({ network, gateways: ["192.168.11.251"] })),
    // a backup path through the VPN, used only while the LAN router is down
    { network: "10.22.0.0/16", gateways: ["192.168.11.251", { gateway: "tunnel 1", hide: true }] },
  ],
});

export const commands = branch.commands;
