// Scope 1 of the office network with a reservation, and the subnet 192.168.4.0/24 behind the LAN router 192.168.11.251
// handed out as an option 121 route. Clients with option 121 ignore the default router (RFC 3442), so the
// default route (the NVR itself) is listed too.
import * as nvr from "pulumi-yamaha-nvr";

const scope = new nvr.DhcpScope("scope-1", {
  scope: 1,
  range: "192.168.11.2-192.168.11.63",
  prefixLength: 24,
  binds: [{ ip: "192.168.11.20", mac: "00:30:f5:cc:dd:ee" }],
  options: {
    classlessStaticRoutes: [
      { destination: "192.168.4.0/24", gateway: "192.168.11.251" },
      { destination: "default", gateway: "192.168.11.250" },
    ],
  },
});

export const commands = scope.commands;
