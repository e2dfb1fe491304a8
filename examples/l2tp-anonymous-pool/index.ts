// The office's L2TP/IPsec server: tunnels 2-4 (tunnel 1 stays for IPv4 over IPv6) written once and copied by
// templates, clients numbered from 192.168.254.1-3. Secrets come from stack config:
//   pulumi config set --secret vpnPassword ...   pulumi config set --secret vpnPreSharedKey ...
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const config = new pulumi.Config();

const pool = new nvr.L2tpAnonymousPool("pp-anonymous", {
  model: "nvr510",
  tunnels: { from: 2, to: 4 },
  users: [{ name: "someone@somewhere", password: config.requireSecret("vpnPassword") }],
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: config.requireSecret("vpnPreSharedKey"),
  templates: true,
});
// Router-wide lines other features share, so they are resources of their own (pp anonymous stays disabled until
// the last line of its block, so the order of the two in a batch does not matter).
for (const [name, setting] of [
  ["l2tp-service", "l2tp service"],
  ["ipsec-auto-refresh", "ipsec auto refresh"],
] as const)
  new nvr.GlobalSwitch(name, { setting, value: "on" });

export const commands = pool.commands;
