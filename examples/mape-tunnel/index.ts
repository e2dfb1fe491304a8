// IPv4 to the internet over v6plus (MAP-E): a masquerade whose outer address is the one MAP-E assigns, applied on the
// tunnel, and the default route through it. IPv6 itself comes from the ipv6 example's resources.
import * as nvr from "pulumi-yamaha-nvr";

const router = { model: "RTX1210" };

new nvr.NatDescriptor("v6plus-masquerade", {
  descriptor: 1000,
  type: "masquerade",
  outer: ["map-e"],
  router,
});

const tunnel = new nvr.MapeTunnel("v6plus", {
  tunnel: 1,
  type: "v6plus",
  mtu: 1460,
  natDescriptors: { forward: [1000] },
  router,
});

new nvr.StaticRoute("default", { network: "default", gateways: ["tunnel 1"], router });

export const commands = tunnel.commands;
