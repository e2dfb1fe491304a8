// A site-to-site IPsec tunnel between this router (100.1.1.1) and another office's (200.1.1.1), whose LAN
// 192.168.2.0/24 is routed through it. The pre-shared key comes from stack config:
//   pulumi config set --secret siteKey ...
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const config = new pulumi.Config();

const tunnel = new nvr.IpsecSiteTunnel("branch", {
  tunnel: 1,
  ipsec: {
    policy: 101,
    saPolicy: "esp aes-cbc sha-hmac",
    preSharedKey: config.requireSecret("siteKey"),
    localAddress: "100.1.1.1",
    remoteAddress: "200.1.1.1",
    keepalive: { use: "on", method: "heartbeat", interval: 10, count: 6 },
  },
  tcpMssLimit: "auto",
});

new nvr.StaticRoute("branch-lan", { network: "192.168.2.0/24", gateways: ["tunnel 1"] });

export const commands = tunnel.commands;
