/** Syslog, the remote-access daemons (telnetd, sshd, httpd, ...), statistics and the dashboard. */
import { SECTION } from "../order";
import { type Family, hostList, onOff } from "../spec";
import { integer, ipv4OrIpv6 } from "../values";

export const services: Family = {
  specs: [
    {
      head: "syslog host",
      scope: "global",
      key: (r) => [r.replace(ipv4OrIpv6)],
      args: (r) => r.end(),
      order: (key) => [SECTION.SYSLOG, 0, key[0]],
    },
    {
      head: "syslog facility",
      scope: "global",
      args: (r) => {
        // 0..23, `user` or `local0`..`local7` (CR §4.27).
        r.replace((v) => (/^(user|local[0-7])$/.test(v) ? v : String(integer(v, 0, 23))));
        r.end();
      },
      order: () => [SECTION.SYSLOG, 1],
    },
    { head: "syslog notice", scope: "global", args: onOff, order: () => [SECTION.SYSLOG, 2] },
    { head: "syslog info", scope: "global", args: onOff, order: () => [SECTION.SYSLOG, 3] },
    { head: "syslog debug", scope: "global", args: onOff, order: () => [SECTION.SYSLOG, 4] },
    { head: "telnetd service", scope: "global", args: onOff, order: () => [SECTION.TELNETD, 0] },
    { head: "telnetd host", scope: "global", args: hostList, order: () => [SECTION.TELNETD, 1] },
    { head: "sshd service", scope: "global", args: onOff, order: () => [SECTION.SSHD, 0] },
    { head: "sshd host", scope: "global", args: hostList, order: () => [SECTION.SSHD, 1] },
    {
      head: "sshd listen",
      scope: "global",
      args: (r) => {
        r.int(1, 65535);
        r.end();
      },
      order: () => [SECTION.SSHD, 2],
    },
    {
      head: "sshd session",
      scope: "global",
      args: (r) => {
        r.int(1, 8);
        r.end();
      },
      order: () => [SECTION.SSHD, 3],
    },
    {
      head: "statistics",
      scope: "global",
      key: (r) => [r.kw(["cpu", "memory", "traffic", "flow", "nat", "route", "filter"])],
      args: onOff,
      order: (key) => [SECTION.STATISTICS, key[0]],
    },
    { head: "dashboard accumulate traffic", scope: "global", args: onOff, order: () => [SECTION.DASHBOARD] },
  ],
  unchecked: [
    { head: "httpd host", scope: "global", order: [SECTION.HTTPD, 0] },
    { head: "httpd service", scope: "global", order: [SECTION.HTTPD, 1] },
    { head: "sftpd host", scope: "global", order: [SECTION.HTTPD, 2] },
    { head: "tftp host", scope: "global", order: [SECTION.HTTPD, 3] },
    { head: "snmp", scope: "global", order: [SECTION.HTTPD, 4] },
    { head: "upnp", scope: "global", order: [SECTION.HTTPD, 5] },
  ],
};
