// Log notices and info to a syslog server on the LAN, under facility local3; no debug flood.
import * as nvr from "pulumi-yamaha-nvr";

const syslog = new nvr.Syslog("syslog", {
  hosts: ["192.168.100.10"],
  facility: "local3",
  notice: true,
  info: true,
  debug: false,
});

export const commands = syslog.commands;
