// A router-wide line as its own resource: deleting it writes back what it replaced.
// RFC 2131 behaviour except remain-silent: a DHCPREQUEST for a lease the router has no record of gets a DHCPNAK
// instead of silence, so the client starts over at once (as the office's DHCP relay setup needs).
import * as nvr from "pulumi-yamaha-nvr";

const rfc2131 = new nvr.GlobalSwitch("dhcp-rfc2131", {
  setting: "dhcp server rfc2131 compliant",
  value: "except remain-silent",
});

export const commands = rfc2131.commands;
