// SSH only from lan1 and the admin's VPN range, TELNET off, the web GUI from the LAN. The provider applies this
// commit-confirmed: if the new lists shut it out, the router restarts into its saved config and lets it back in.
import * as nvr from "pulumi-yamaha-nvr";

const access = new nvr.ServiceHosts("access", {
  sshd: { service: true, host: ["lan1", "192.168.254.1-192.168.254.3"] },
  telnetd: { service: false },
  httpd: { host: ["lan"] },
});

export const commands = access.commands;
