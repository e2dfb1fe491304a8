// The file server's alias 192.168.253.240 routed via the file server itself: with the router's own address as
// gateway the reverse descriptor on lan1 would not translate it (a router's own addresses are not translated by its NAT descriptors).
import * as nvr from "pulumi-yamaha-nvr";

const route = new nvr.StaticRoute("fileserver-alias", {
  network: "192.168.253.240/32",
  gateways: ["192.168.11.240"],
});

export const commands = route.commands;
