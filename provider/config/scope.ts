/**
 * Which context a command belongs to. `show config` shows this by indentation, but a config file or a typed session
 * does not: after `pp select 1`, a `nat descriptor type ...` line is still a global setting, while `ip pp mtu ...`
 * belongs to the selected peer until `pp select none`.
 */

export type Scope = "global" | "pp" | "tunnel";

/** The context a command applies to when entered while a `pp select` / `tunnel select` is active. */
export function commandScope(tokens: readonly string[]): Scope {
  const [head, second] = tokens;
  if (head === "no") return commandScope(tokens.slice(1));
  if (second === "select" && (head === "pp" || head === "tunnel")) return "global";
  switch (head) {
    case "pp":
    case "ppp":
    case "pppoe":
    case "mp":
    case "isdn":
      return "pp";
    case "tunnel":
      return "tunnel";
    case "ip":
    case "ipv6":
      return second === "pp" ? "pp" : second === "tunnel" ? "tunnel" : "global";
    case "ipsec":
      return second === "tunnel" || second === "sa" || second === "ike" ? "tunnel" : "global";
    case "l2tp":
      return second === "service" ? "global" : "tunnel";
    default:
      return "global";
  }
}

/** IPsec SA/IKE lines that `show config` indents two spaces under an `ipsec tunnel` line. */
export function isNestedIpsec(tokens: readonly string[]): boolean {
  return tokens[0] === "ipsec" && (tokens[1] === "sa" || tokens[1] === "ike");
}

/**
 * First words of RT commands. A physical line of exactly 79 columns followed by a line that does not start with one of
 * these is a hard-wrapped line (the console cuts output after 79 columns and continues at column 0).
 */
export const COMMAND_HEADS: ReadonlySet<string> = new Set([
  "administrator",
  "bgp",
  "bridge",
  "console",
  "dashboard",
  "description",
  "dhcp",
  "dns",
  "embedded",
  "ethernet",
  "httpd",
  "ip",
  "ipsec",
  "ipv6",
  "isdn",
  "l2tp",
  "lan",
  "login",
  "mp",
  "nat",
  "netvolante-dns",
  "ngn",
  "no",
  "ntpdate",
  "ospf",
  "pp",
  "ppp",
  "pppoe",
  "provider",
  "rip",
  "schedule",
  "security",
  "set",
  "sftpd",
  "snmp",
  "sshd",
  "statistics",
  "switch",
  "syslog",
  "telnetd",
  "timezone",
  "tunnel",
  "upnp",
  "user",
  "vlan",
]);
