// The router as the LAN's DNS server: queries from lan1 go to the provider's servers, except the office domain,
// which goes to the office's server over the VPN; the NAS gets a name. Deleting the resource writes back the DNS
// lines the router had before.
import * as nvr from "pulumi-yamaha-nvr";

const dns = new nvr.Dns("dns", {
  service: "recursive",
  hosts: ["lan1"],
  servers: ["1.1.1.1", "1.0.0.1"],
  selects: [{ id: 1, servers: ["10.0.0.53"], query: "corp.example.jp" }],
  statics: [{ type: "a", name: "nas.home.example.jp", value: "192.168.100.5" }],
  privateAddressSpoof: true,
});

export const commands = dns.commands;
