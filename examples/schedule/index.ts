// Set the clock from NICT's NTP server every Wednesday at midnight and log it, as an RTX1210 does out of the box.
import * as nvr from "pulumi-yamaha-nvr";

const ntp = new nvr.Schedule("weekly-ntpdate", {
  schedule: 1,
  date: "*/wed",
  time: "0:00",
  command: "ntpdate ntp.nict.jp syslog",
});

export const commands = ntp.commands;
