// The office this project started from: an NVR510 behind the Hikari HGW (lan2 192.168.1.51/24), office LAN 192.168.11.0/24 on lan1,
// a file server at 192.168.11.240 and a subnet 192.168.4.0/24 behind the LAN router 192.168.11.251. VPN clients
// whose home LAN is also 192.168.11.0/24 reach the file server at 192.168.253.240.
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const config = new pulumi.Config();

// The VPN accounts; each password is a stack secret: pulumi config set --secret vpnPassword1 ...
const users = [
  "someone@somewhere",
  "someone2@somewhere2",
  "someone3@somewhere3",
  "someone4@somewhere4",
  "someone5@somewhere5",
].map((name, i) => ({ name, password: config.requireSecret(`vpnPassword${i + 1}`) }));

const vpn = new nvr.OverlapSafeVpn("home-lab", {
  model: "nvr510",
  lan: { interface: "lan1", address: "192.168.11.250/24" },
  aliasNetwork: "192.168.253.0/24",
  upstream: { interface: "lan2", address: "192.168.1.51/24" },
  publishedHosts: { fileserver: "192.168.11.240" },
  vpn: {
    // Tunnel 1 stays free for IPv4 over IPv6; three concurrent clients from three pool addresses.
    tunnels: { from: 2, to: 4 },
    pool: "192.168.254.1-192.168.254.3",
    users,
    preSharedKey: config.requireSecret("vpnPreSharedKey"),
    templates: true,
    server: config.get("vpnServer"),
  },
  dhcp: {
    scope: 1,
    range: "192.168.11.2-192.168.11.63",
    subnetsBehindGateways: [{ network: "192.168.4.0/24", gateway: "192.168.11.251" }],
  },
  natDescriptors: { lan: 30, upstream: 40 },
  // The office router already has pp anonymous, tunnel 2 and DHCP scope 1: this stack takes them over.
  adopt: config.getBoolean("adopt") ?? true,
});

export const publishedAliases = vpn.publishedAliases;
export const clientSettings = vpn.clientSettings;
export const script = vpn.script;
export const lintFindings = vpn.lintFindings;
