/** Syslog, the remote-access daemons (telnetd, sshd, sftpd, tftp, httpd), SNTP server and clock, UPnP, statistics
 * and the dashboard (CR §4.25-4.78, ch. 33, 35, 41, 51, 55). */
import { SECTION } from "../order";
import { command, type Family, hasFeature, hostList, inSection, onOff } from "../spec";
import { fail, integer, ipv4OrIpv6 } from "../values";

export const services: Family = {
  specs: [
    {
      head: "syslog host",
      scope: "global",
      // An IPv4/IPv6 address or a host name (CR §4.25); dotted-quad look-alikes must be valid addresses.
      key: (r) => [
        r.replace((v) =>
          /^[\d.]+$/.test(v) || v.includes(":")
            ? ipv4OrIpv6(v)
            : /^[a-z0-9.-]{1,255}$/i.test(v)
              ? v
              : fail("bad-ip"),
        ),
      ],
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
    // §4.26-4.36: the rest of syslog.
    command("syslog format type", "normal|rfc5424", inSection(SECTION.SYSLOG, 1.1)),
    command("syslog format hostname text", "<text:255>", inSection(SECTION.SYSLOG, 1.2)),
    command(
      "syslog file",
      // §4.32: the password 8..32 characters, the file's limits.
      "[crypto aes128|aes256 <secret:text:8-32>] {name=<path> limit=<int:1-1024> backup=<int:1-100> interval=<int:2-86400> line=<int:1000-10000>}",
      inSection(SECTION.SYSLOG, 5),
    ),
    command("syslog local address", "<ip46>", inSection(SECTION.SYSLOG, 6)),
    command("syslog srcport", "<int:1-65535>", inSection(SECTION.SYSLOG, 7)),
    command("syslog execute command", "on|off", inSection(SECTION.SYSLOG, 8)),
    // §4.38-4.41, §4.54, §4.65-4.78: the other daemon settings.
    command("telnetd listen", "<int:1-65535>", inSection(SECTION.TELNETD, 2)),
    command("telnetd session", "<int:1-8>", inSection(SECTION.TELNETD, 3)),
    // §4.71: the older ciphers (blowfish, cast128, arcfour) depend on the revision; every model takes them [U].
    command(
      "sshd encrypt algorithm",
      "aes128-ctr|aes192-ctr|aes256-ctr|aes128-cbc|aes192-cbc|aes256-cbc|3des-cbc|blowfish-cbc|cast128-cbc|arcfour...",
      inSection(SECTION.SSHD, 4),
    ),
    command(
      "sshd client alive",
      "on|off [<int:1-2147483647> [<int:1-2147483647>]]",
      inSection(SECTION.SSHD, 5),
    ),
    command("sshd hide openssh version", "on|off", inSection(SECTION.SSHD, 6)),
    command("sshd auth method", "all|password|publickey [password|publickey]", inSection(SECTION.SSHD, 7)),
    command("sshd authorized-keys filename", "path=<path>", inSection(SECTION.SSHD, 8), { key: "[<word>]" }),
    { head: "sftpd host", scope: "global", args: hostList, order: () => [SECTION.SSHD, 9] },
    { head: "tftp host", scope: "global", args: hostList, order: () => [SECTION.SSHD, 10] },
    // CR ch. 33: the web GUI.
    command("httpd service", "on|off", inSection(SECTION.HTTPD, 0)),
    { head: "httpd host", scope: "global", args: hostList, order: () => [SECTION.HTTPD, 1] },
    command("httpd timeout", "<int:1-180>", inSection(SECTION.HTTPD, 2)),
    command("httpd listen", "<int:1-65535>", inSection(SECTION.HTTPD, 3)),
    // CR ch. 41: the SNTP server.
    command("sntpd service", "on|off", inSection(SECTION.NTP, 0)),
    { head: "sntpd host", scope: "global", args: hostList, order: () => [SECTION.NTP, 1] },
    // CR §4.16-4.19: clock settings.
    command("ntp local address", "<ip46>", inSection(SECTION.NTP, 2)),
    command("ntp backward-compatibility", "on|off", inSection(SECTION.NTP, 3)),
    // CR ch. 35: UPnP.
    command("upnp use", "on|off", inSection(SECTION.UPNP, 0)),
    command("upnp external address refer", "default|pp|<if> [<int:1-150>]", inSection(SECTION.UPNP, 1)),
    command("upnp port mapping timer type", "normal|arp", inSection(SECTION.UPNP, 2)),
    command("upnp port mapping timer", "off|<int:600-21474836>", inSection(SECTION.UPNP, 3)),
    command("upnp syslog", "on|off", inSection(SECTION.UPNP, 4)),
    // CR ch. 55: dashboard data.
    command("dashboard accumulate", "on|off", (key) => [SECTION.DASHBOARD, ...key], {
      key: "traffic|resource",
      exists: (m) => hasFeature(m, "dashboard"),
    }),
  ],
};
