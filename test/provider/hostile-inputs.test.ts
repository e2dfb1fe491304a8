/**
 * Hostile inputs (issue 12): every string or number that reaches a router line is checked against what the router
 * takes for it (character set, length, range, the model's interfaces and tunnels) at check time, naming the
 * property, with no SSH connection — asserted on a running simulator's event log. Resources go through the
 * provider's check as the engine calls it; components through their design, which is what their constructor runs.
 * A secret's value never appears in a failure, nor under a property the engine would print the input of.
 *
 * One input the check cannot judge — a route via the router's own address — is refused by the plan, before any
 * line is typed (the last describe).
 */
import * as dynamic from "../../provider/dynamic";
import type { CheckFailure } from "../../provider/resources";
import {
  VpnDesignError,
  designDistinctPoolVpn,
  designOverlapSafeVpn,
  designPpAnonymousNatVpn,
} from "../../provider/vpn";
import type { Simulator } from "../../simulator";
import { SEED_INPUTS } from "../vpn/seed-inputs";
import {
  configCommands,
  configureRequest,
  propertyNamed,
  seedSimulator,
  settle,
  stackConfig,
} from "./harness";

type Props = Record<string, unknown>;

/** Marks every secret value a case gives, so an echo anywhere in the failure text is found. */
const SECRET = "Secr3t";

const RESOURCES = {
  LanInterface: {
    interface: "lan1",
    address: "192.168.11.250/24",
    dhcp: { mode: "relay", servers: ["192.168.1.51"] },
  },
  NatDescriptor: {
    descriptor: 30,
    type: "nat-masquerade",
    outer: ["192.168.253.254"],
    inner: ["192.168.11.254"],
    statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 1 }],
    masqueradeStatics: [{ id: 1, inner: "192.168.11.3", protocol: "tcp", outerPort: "www", innerPort: 8080 }],
    masqueradeIncoming: { action: "forward", address: "192.168.11.4" },
  },
  L2tpAnonymousPool: {
    model: "nvr510",
    tunnels: { from: 2, to: 4 },
    users: [{ name: "someone@somewhere", password: `${SECRET}-pw` }],
    pool: { range: "192.168.254.1-192.168.254.3" },
    preSharedKey: `${SECRET}-psk`,
    authRequest: "mschap-v2",
    ipsec: { saPolicy: "esp aes-cbc sha-hmac", keepalive: "off", natTraversal: "on", remote: "any" },
    transport: { protocol: "udp", port: 1701 },
  },
  DhcpScope: {
    scope: 2,
    range: "192.168.1.100-192.168.1.120",
    netmask: "255.255.255.0",
    gateway: "192.168.1.1",
    expire: "72:00",
    binds: [{ ip: "192.168.1.101", mac: "00:30:f5:cc:dd:ee" }],
    options: {
      router: "192.168.1.1",
      dns: ["192.168.1.1"],
      classlessStaticRoutes: [{ destination: "192.168.4.0/24", gateway: "192.168.1.251" }],
    },
  },
  StaticRoute: {
    network: "192.168.253.0/24",
    gateways: ["192.168.11.240", { gateway: "pp anonymous name=branch", metric: 2 }],
    router: { adminPassword: `${SECRET}-admin` },
  },
  StaticRoutes: {
    name: "office-hosts",
    routes: [
      { network: "192.168.253.240/32", gateways: ["192.168.11.240"] },
      { network: "192.168.4.0/24", gateways: [{ gateway: "pp anonymous name=branch", metric: 2 }] },
    ],
  },
  GlobalSwitch: { setting: "dhcp server rfc2131 compliant", value: "except remain-silent" },
  PppoeInterface: {
    peer: 1,
    interface: "lan2",
    authAccept: ["pap", "chap"],
    myname: { name: "user@isp.example", password: `${SECRET}-pw` },
    lcpMru: 1454,
    ccpType: "none",
    mtu: 1454,
    natDescriptors: { forward: [1000] },
    alwaysOn: true,
    reconnectTime: 60,
  },
  IpsecSiteTunnel: {
    model: "rtx830",
    tunnel: 1,
    encapsulation: "l2tpv3",
    endpoint: { local: "192.168.100.254", remote: "10.10.10.138" },
    ipsec: {
      policy: 101,
      saPolicy: "esp aes-cbc sha-hmac",
      preSharedKey: `${SECRET}-psk`,
      localAddress: "192.168.100.254",
      localName: { name: "l2tpv3", type: "fqdn" },
      remoteAddress: "vpn.example.jp",
      remoteName: { name: "peer" },
      keepalive: { use: "on", method: "icmp-echo", address: "10.10.10.1", interval: 10, count: 6 },
      log: ["key-info"],
    },
    l2tp: {
      hostname: "RT2",
      tunnelAuth: { use: true, password: `${SECRET}-pw` },
      disconnectTime: "off",
      localRouterId: "192.168.100.254",
      remoteRouterId: "192.168.100.1",
      remoteEndId: "yamaha",
    },
    tcpMssLimit: "auto",
  },
  Dns: {
    service: "recursive",
    hosts: ["lan1", "192.168.100.10-192.168.100.20"],
    servers: ["1.1.1.1"],
    serverDhcp: "lan2",
    domain: "example.jp",
    selects: [
      {
        id: 1,
        servers: ["192.168.1.1"],
        recordType: "a",
        query: "corp.example.jp",
        originalSender: "192.168.100.0-192.168.100.255",
      },
    ],
    statics: [{ type: "a", name: "nas.example.jp", value: "192.168.100.5" }],
    privateName: "setup.netvolante.jp",
  },
  Schedule: {
    schedule: 1,
    date: "*/wed",
    time: "0:00",
    target: "pp 1",
    command: "ntpdate ntp.nict.jp syslog",
  },
  Syslog: { hosts: ["192.168.100.10", "syslog.example.jp"], facility: "local3", notice: true },
  MapeTunnel: { model: "rtx1210", tunnel: 1, type: "v6plus", mtu: 1460, natDescriptors: { forward: [1000] } },
  Ipv6Prefix: { prefixId: 1, prefix: "ra-prefix@lan2::/64", preferredLifetime: 3600, lFlag: true },
  Ipv6Interface: {
    interface: "lan1",
    addresses: ["ra-prefix@lan2::1/64"],
    rtadv: { prefixes: [1], oFlag: true },
    dhcp: { mode: "client", informationRequest: true },
  },
  ServiceHosts: {
    sshd: { service: true, host: ["lan1", "192.168.100.10-192.168.100.20"] },
    telnetd: { host: ["lan"] },
    httpd: { host: ["lan1"] },
    sftpd: { host: ["lan1"] },
  },
  IpFilter: {
    filter: 200030,
    action: "pass-log",
    source: ["192.168.100.0/24", "10.0.0.1-10.0.0.9"],
    destination: "*.example.jp",
    protocol: "tcp,udp",
    sourcePort: "*",
    destinationPort: "www,1024-",
  },
  IpFilterDynamic: { filter: 200080, source: "*", destination: "*", trigger: [10], in: [20], out: [30] },
  SecureFilter: { interface: "pp 1", in: { filters: [200030] }, out: { filters: [1], dynamic: [200080] } },
  Ipv6Filter: {
    filter: 200030,
    action: "pass",
    source: "2001:db8::/32",
    destination: "ra-prefix@lan2::1/64",
    protocol: "icmp6",
    sourcePort: "1,2",
  },
  Ipv6FilterDynamic: { filter: 200080, source: "*", destination: "*", protocol: "ftp" },
  Ipv6SecureFilter: { interface: "lan2", in: { filters: [200030] }, out: { dynamic: [200080] } },
  ConfigLines: {
    context: "pp 1",
    lines: ["pp keepalive use lcp-echo"],
    secretLines: [`pp auth myname user@isp.example ${SECRET}-pw`],
  },
} satisfies Record<string, Props>;

const VPN = {
  users: [{ name: "someone@somewhere", password: `${SECRET}-pw` }],
  preSharedKey: `${SECRET}-psk`,
  server: "vpnsv.example.jp",
};

const COMPONENTS = {
  OverlapSafeVpn: {
    ...SEED_INPUTS,
    vpn: VPN,
    dhcp: {
      ...(SEED_INPUTS.dhcp as object),
      binds: [{ ip: "192.168.11.10", mac: "00:30:f5:cc:dd:ee" }],
      relayTo: "192.168.1.51",
    },
  },
  DistinctPoolVpn: { model: "nvr510", lan: { interface: "lan1", address: "192.168.11.250/24" }, vpn: VPN },
  PpAnonymousNatVpn: { vpn: VPN, publishedHosts: { fileserver: "192.168.11.240" } },
} satisfies Record<string, Props>;

const DESIGNS: Record<keyof typeof COMPONENTS, (inputs: never) => unknown> = {
  OverlapSafeVpn: designOverlapSafeVpn,
  DistinctPoolVpn: designDistinctPoolVpn,
  PpAnonymousNatVpn: designPpAnonymousNatVpn,
};

type Target = keyof typeof RESOURCES | keyof typeof COMPONENTS;

interface Case {
  target: Target;
  what: string;
  inputs: Props;
  /** The property the failure must name, as the user wrote it. */
  property: string;
  /** The case gives a secret: its value must not show. */
  secret: boolean;
}

/** A deep copy of `base` with the value at a dotted path ("users[0].password") set, objects on the way made. */
function withValue(base: Props, path: string, value: unknown): Props {
  const copy = structuredClone(base);
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
  return copy;
}

const baseOf = (target: Target): Props =>
  target in RESOURCES
    ? RESOURCES[target as keyof typeof RESOURCES]
    : COMPONENTS[target as keyof typeof COMPONENTS];

const SECRET_PATHS = /(password|preSharedKey|adminPassword)$/;

/** A case replacing one value; `property` defaults to the path. */
function edit(target: Target, path: string, value: unknown, property = path): Case {
  const secret = SECRET_PATHS.test(path);
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return {
    target,
    what: `${path} = ${shown.length > 40 ? `${shown.slice(0, 40)}..."` : shown}`,
    inputs: withValue(baseOf(target), path, secret ? `${SECRET}${String(value)}` : value),
    property,
    secret,
  };
}

/** A site tunnel whose pre-shared key is given in hex (a secret, so the case checks its value never shows). */
function hexKey(hex: string): Case {
  const base = RESOURCES.IpsecSiteTunnel;
  return {
    target: "IpsecSiteTunnel",
    what: `ipsec.preSharedKey.hex = ${JSON.stringify(hex).slice(0, 40)}`,
    inputs: { ...base, ipsec: { ...base.ipsec, preSharedKey: { hex: `${hex}${SECRET}` } } },
    property: "ipsec.preSharedKey.hex",
    secret: true,
  };
}

/** Every control character (C0 and DEL). */
const ALL_CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), "\x7f"];
/** One of each kind: NUL, Ctrl-C, backspace, tab, LF, CR, Ctrl-U (erases the line), ESC, DEL. */
const CONTROLS = ["\x00", "\x03", "\x08", "\t", "\n", "\r", "\x15", "\x1b", "\x7f"];

/** Every string property of every target, with a valid value; the free-text ones get every control character. */
const STRINGS: [Target, string, string][] = [
  ["LanInterface", "interface", "lan1"],
  ["LanInterface", "address", "192.168.11.250/24"],
  ["LanInterface", "dhcp.mode", "relay"],
  ["LanInterface", "dhcp.servers[0]", "192.168.1.51"],
  ["LanInterface", "model", "nvr510"],
  ["NatDescriptor", "type", "nat-masquerade"],
  ["NatDescriptor", "outer[0]", "192.168.253.254"],
  ["NatDescriptor", "inner[0]", "192.168.11.254"],
  ["NatDescriptor", "statics[0].outer", "192.168.253.2"],
  ["NatDescriptor", "statics[0].inner", "192.168.11.2"],
  ["NatDescriptor", "masqueradeStatics[0].inner", "192.168.11.3"],
  ["NatDescriptor", "masqueradeStatics[0].protocol", "tcp"],
  ["NatDescriptor", "masqueradeStatics[0].outerPort", "www"],
  ["NatDescriptor", "masqueradeIncoming.action", "forward"],
  ["NatDescriptor", "masqueradeIncoming.address", "192.168.11.4"],
  ["L2tpAnonymousPool", "model", "nvr510"],
  ["L2tpAnonymousPool", "users[0].name", "someone@somewhere"],
  ["L2tpAnonymousPool", "users[0].password", "-pw"],
  ["L2tpAnonymousPool", "preSharedKey", "-psk"],
  ["L2tpAnonymousPool", "pool.range", "192.168.254.1-192.168.254.3"],
  ["L2tpAnonymousPool", "authRequest", "mschap-v2"],
  ["L2tpAnonymousPool", "ipsec.saPolicy", "esp aes-cbc sha-hmac"],
  ["L2tpAnonymousPool", "ipsec.keepalive", "off"],
  ["L2tpAnonymousPool", "ipsec.natTraversal", "on"],
  ["L2tpAnonymousPool", "ipsec.remote", "any"],
  ["L2tpAnonymousPool", "transport.protocol", "udp"],
  ["DhcpScope", "range", "192.168.1.100-192.168.1.120"],
  ["DhcpScope", "netmask", "255.255.255.0"],
  ["DhcpScope", "gateway", "192.168.1.1"],
  ["DhcpScope", "expire", "72:00"],
  ["DhcpScope", "binds[0].ip", "192.168.1.101"],
  ["DhcpScope", "binds[0].mac", "00:30:f5:cc:dd:ee"],
  ["DhcpScope", "options.router", "192.168.1.1"],
  ["DhcpScope", "options.dns[0]", "192.168.1.1"],
  ["DhcpScope", "options.classlessStaticRoutes[0].destination", "192.168.4.0/24"],
  ["DhcpScope", "options.classlessStaticRoutes[0].gateway", "192.168.1.251"],
  ["StaticRoute", "network", "192.168.253.0/24"],
  ["StaticRoute", "gateways[0]", "192.168.11.240"],
  ["StaticRoute", "gateways[1].gateway", "pp anonymous name=branch"],
  ["StaticRoute", "router.adminPassword", "-admin"],
  ["StaticRoutes", "name", "office-hosts"],
  ["StaticRoutes", "routes[0].network", "192.168.253.240/32"],
  ["StaticRoutes", "routes[0].gateways[0]", "192.168.11.240"],
  ["StaticRoutes", "routes[1].gateways[0].gateway", "pp anonymous name=branch"],
  ["GlobalSwitch", "setting", "dhcp server rfc2131 compliant"],
  ["GlobalSwitch", "value", "except remain-silent"],
  ["PppoeInterface", "interface", "lan2"],
  ["PppoeInterface", "authAccept[0]", "pap"],
  ["PppoeInterface", "myname.name", "user@isp.example"],
  ["PppoeInterface", "myname.password", "-pw"],
  ["PppoeInterface", "lcpMru", "on"],
  ["PppoeInterface", "ccpType", "none"],
  ["IpsecSiteTunnel", "encapsulation", "l2tpv3"],
  ["IpsecSiteTunnel", "endpoint.remote", "10.10.10.138"],
  ["IpsecSiteTunnel", "ipsec.saPolicy", "esp aes-cbc sha-hmac"],
  ["IpsecSiteTunnel", "ipsec.preSharedKey", "-psk"],
  ["IpsecSiteTunnel", "ipsec.localAddress", "192.168.100.254"],
  ["IpsecSiteTunnel", "ipsec.localName.name", "l2tpv3"],
  ["IpsecSiteTunnel", "ipsec.remoteAddress", "vpn.example.jp"],
  ["IpsecSiteTunnel", "ipsec.remoteName.name", "peer"],
  ["IpsecSiteTunnel", "ipsec.keepalive.address", "10.10.10.1"],
  ["IpsecSiteTunnel", "l2tp.hostname", "RT2"],
  ["IpsecSiteTunnel", "l2tp.tunnelAuth.password", "-pw"],
  ["IpsecSiteTunnel", "l2tp.remoteEndId", "yamaha"],
  ["Dns", "service", "recursive"],
  ["Dns", "hosts[0]", "lan1"],
  ["Dns", "servers[0]", "1.1.1.1"],
  ["Dns", "serverDhcp", "lan2"],
  ["Dns", "domain", "example.jp"],
  ["Dns", "selects[0].servers[0]", "192.168.1.1"],
  ["Dns", "selects[0].query", "corp.example.jp"],
  ["Dns", "selects[0].originalSender", "192.168.100.0-192.168.100.255"],
  ["Dns", "statics[0].name", "nas.example.jp"],
  ["Dns", "statics[0].value", "192.168.100.5"],
  ["Dns", "privateName", "setup.netvolante.jp"],
  ["Schedule", "date", "*/wed"],
  ["Schedule", "time", "0:00"],
  ["Schedule", "target", "pp 1"],
  ["Schedule", "command", "ntpdate ntp.nict.jp syslog"],
  ["Syslog", "hosts[1]", "syslog.example.jp"],
  ["Syslog", "facility", "local3"],
  ["ServiceHosts", "sshd.host[0]", "lan1"],
  ["ServiceHosts", "telnetd.host[0]", "lan"],
  ["ServiceHosts", "httpd.host[0]", "lan1"],
  ["ServiceHosts", "sftpd.host[0]", "lan1"],
  ["MapeTunnel", "type", "v6plus"],
  ["MapeTunnel", "model", "rtx1210"],
  ["Ipv6Prefix", "prefix", "ra-prefix@lan2::/64"],
  ["Ipv6Interface", "interface", "lan1"],
  ["Ipv6Interface", "addresses[0]", "ra-prefix@lan2::1/64"],
  ["Ipv6Interface", "dhcp.mode", "client"],
  ["IpFilter", "action", "pass-log"],
  ["IpFilter", "source[0]", "192.168.100.0/24"],
  ["IpFilter", "destination", "*.example.jp"],
  ["IpFilter", "protocol", "tcp,udp"],
  ["IpFilter", "sourcePort", "*"],
  ["IpFilter", "destinationPort", "www,1024-"],
  ["IpFilterDynamic", "source", "*"],
  ["IpFilterDynamic", "destination", "*"],
  ["SecureFilter", "interface", "pp 1"],
  ["Ipv6Filter", "source", "2001:db8::/32"],
  ["Ipv6Filter", "destination", "ra-prefix@lan2::1/64"],
  ["Ipv6Filter", "protocol", "icmp6"],
  ["Ipv6FilterDynamic", "source", "*"],
  ["Ipv6SecureFilter", "interface", "lan2"],
  ["ConfigLines", "context", "pp 1"],
  ["ConfigLines", "lines[0]", "pp keepalive use lcp-echo"],
  ["OverlapSafeVpn", "model", "nvr510"],
  ["OverlapSafeVpn", "lan.interface", "lan1"],
  ["OverlapSafeVpn", "lan.address", "192.168.11.250/24"],
  ["OverlapSafeVpn", "upstream.interface", "lan2"],
  ["OverlapSafeVpn", "upstream.address", "192.168.1.51/24"],
  ["OverlapSafeVpn", "aliasNetwork", "192.168.253.0/24"],
  ["OverlapSafeVpn", "publishedHosts.fileserver", "192.168.11.240"],
  ["OverlapSafeVpn", "vpn.pool", "192.168.254.1-192.168.254.3"],
  ["OverlapSafeVpn", "vpn.users[0].name", "someone@somewhere"],
  ["OverlapSafeVpn", "vpn.users[0].password", "-pw"],
  ["OverlapSafeVpn", "vpn.preSharedKey", "-psk"],
  ["OverlapSafeVpn", "vpn.server", "vpnsv.example.jp"],
  ["OverlapSafeVpn", "dhcp.range", "192.168.11.2-192.168.11.63"],
  ["OverlapSafeVpn", "dhcp.binds[0].ip", "192.168.11.10"],
  ["OverlapSafeVpn", "dhcp.binds[0].mac", "00:30:f5:cc:dd:ee"],
  ["OverlapSafeVpn", "dhcp.relayTo", "192.168.1.51"],
  ["OverlapSafeVpn", "dhcp.subnetsBehindGateways[0].network", "192.168.4.0/24"],
  ["OverlapSafeVpn", "dhcp.subnetsBehindGateways[0].gateway", "192.168.11.251"],
  ["DistinctPoolVpn", "lan.interface", "lan1"],
  ["DistinctPoolVpn", "lan.address", "192.168.11.250/24"],
  ["DistinctPoolVpn", "vpn.users[0].name", "someone@somewhere"],
  ["DistinctPoolVpn", "vpn.users[0].password", "-pw"],
  ["DistinctPoolVpn", "vpn.preSharedKey", "-psk"],
  ["DistinctPoolVpn", "vpn.server", "vpnsv.example.jp"],
  ["PpAnonymousNatVpn", "publishedHosts.fileserver", "192.168.11.240"],
  ["PpAnonymousNatVpn", "vpn.users[0].name", "someone@somewhere"],
  ["PpAnonymousNatVpn", "vpn.users[0].password", "-pw"],
  ["PpAnonymousNatVpn", "vpn.preSharedKey", "-psk"],
];

/** Properties a user types free text into (no enum or address form to catch a stray character). */
const FREE_TEXT = /(name|password|preSharedKey|adminPassword|server|gateways\[1\]\.gateway)$/;

const controlCases: Case[] = STRINGS.flatMap(([target, path, valid]) =>
  (FREE_TEXT.test(path) ? ALL_CONTROLS : CONTROLS).map((c) => edit(target, path, `${valid}${c}restart`)),
);

/** What the issue found reaching the router, and the ranges, lengths and character sets around it. */
const specificCases: Case[] = [
  // interface names the model lacks, address forms the router refuses
  edit("LanInterface", "interface", "lan9"),
  edit("LanInterface", "interface", "lan3"),
  edit("LanInterface", "interface", "lan0"),
  edit("LanInterface", "interface", "lan01"),
  {
    ...edit("LanInterface", "interface", "lan4"),
    inputs: { ...RESOURCES.LanInterface, interface: "lan4", router: { model: "RTX1210" } },
  },
  edit("LanInterface", "address", "192.168.11.250/0"),
  edit("LanInterface", "address", "192.168.11.250/33"),
  edit("LanInterface", "address", "192.168.11.250/024"),
  edit("LanInterface", "address", "192.168.11.250 /24"),
  edit("LanInterface", "dhcp.servers[0]", "999.1.1.1"),
  edit("LanInterface", "model", "rtx5000"),
  edit("LanInterface", "switchControl", { use: "on" }, "switchControl.use"),
  edit("LanInterface", "switchControl", { use: true, terminal: "on restart" }, "switchControl.terminal"),
  // user names, passwords and the key: character set and length (CR §11.1, §15.5)
  edit("L2tpAnonymousPool", "users[0].name", "bob;no"),
  edit("L2tpAnonymousPool", "users[0].name", "bob no"),
  edit("L2tpAnonymousPool", "users[0].name", 'bob"'),
  edit("L2tpAnonymousPool", "users[0].name", "ユーザー"),
  edit("L2tpAnonymousPool", "users[0].name", "bob#1"),
  edit("L2tpAnonymousPool", "users[0].name", "u".repeat(65)),
  edit("L2tpAnonymousPool", "users[0].name", ""),
  edit("L2tpAnonymousPool", "users[0].password", "p".repeat(60)),
  edit("L2tpAnonymousPool", "users[0].password", "two words"),
  edit("L2tpAnonymousPool", "users[0].password", "パスワード"),
  edit("L2tpAnonymousPool", "users[0].password", "x?y"),
  edit("L2tpAnonymousPool", "users[0].password", "x|y"),
  edit("L2tpAnonymousPool", "users[0].password", "x>y"),
  edit("L2tpAnonymousPool", "users[0].password", "x\\y"),
  edit("L2tpAnonymousPool", "preSharedKey", "k".repeat(123)),
  edit("L2tpAnonymousPool", "preSharedKey", "#key"),
  edit("L2tpAnonymousPool", "preSharedKey", "'key'"),
  edit("L2tpAnonymousPool", "preSharedKey", "鍵"),
  edit("L2tpAnonymousPool", "preSharedKey", " "),
  // numbers: tunnels per model, ranges
  edit("L2tpAnonymousPool", "tunnels", [100000], "tunnels[0]"),
  edit("L2tpAnonymousPool", "tunnels", [5]),
  edit("L2tpAnonymousPool", "tunnels", { from: 1, to: 1_000_000_000 }, "tunnels.to"),
  edit("L2tpAnonymousPool", "tunnels", [2.5], "tunnels[0]"),
  {
    ...edit("L2tpAnonymousPool", "tunnels", [21]),
    inputs: { ...RESOURCES.L2tpAnonymousPool, model: "rtx830", tunnels: [21] },
  },
  edit("L2tpAnonymousPool", "mtu", 0),
  edit("L2tpAnonymousPool", "mtu", 65536),
  edit("L2tpAnonymousPool", "transport.port", 70000),
  edit("L2tpAnonymousPool", "ipsec.remote", "999.1.1.1"),
  edit("L2tpAnonymousPool", "ipsec.remote", "1.2.3"),
  edit("L2tpAnonymousPool", "ipsec.remote", "vpn.example.jp"),
  edit("L2tpAnonymousPool", "ipsec.saPolicy", "esp aes-cbc sha-hmac restart"),
  edit("L2tpAnonymousPool", "natDescriptors", { forward: [2147483648] }, "natDescriptors.forward[0]"),
  edit("NatDescriptor", "statics[0].count", 99999999),
  edit("NatDescriptor", "statics[0].count", 65537),
  edit("NatDescriptor", "statics[0].id", 2147483648),
  edit("NatDescriptor", "descriptor", 0),
  edit("NatDescriptor", "descriptor", Number.MAX_SAFE_INTEGER),
  edit("NatDescriptor", "masqueradeStatics[0].outerPort", "99999999"),
  edit("NatDescriptor", "masqueradeStatics[0].outerPort", 0),
  edit("NatDescriptor", "masqueradeStatics[0].outerPort", "a-very-long-service-name"),
  edit("NatDescriptor", "masqueradeStatics[0].protocol", 256),
  edit("NatDescriptor", "outer[0]", "192.168.253.254-192.168.253.999"),
  edit("DhcpScope", "scope", 65536),
  edit("DhcpScope", "expire", 99999999),
  edit("DhcpScope", "expire", "999999:00"),
  edit("DhcpScope", "expire", "72:60"),
  edit("DhcpScope", "binds[0].mac", "00:30:f5:cc:dd:ee:ff"),
  edit("DhcpScope", "except", ["192.168.2.5"], "except[0]"),
  edit("DhcpScope", "except", ["192.168.1.110 restart"], "except[0]"),
  edit("DhcpScope", "maxExpire", "1:00"),
  edit("DhcpScope", "maxExpire", "99999999"),
  edit("StaticRoute", "gateways[0]", "tunnel 100000"),
  edit("StaticRoute", "gateways[0]", "pp 999"),
  edit("StaticRoute", "gateways[0]", "dhcp lan9"),
  edit("StaticRoute", "gateways[0]", "loopback10"),
  edit("StaticRoute", "gateways[1].gateway", "pp anonymous name=bob;no"),
  edit("StaticRoute", "gateways[1].metric", 0),
  edit("StaticRoute", "gateways[1].weight", 2147483648),
  edit("StaticRoute", "gateways[1].keepalive", 101),
  edit("StaticRoute", "gateways[1].filters", [0], "gateways[1].filters[0]"),
  edit("StaticRoute", "gateways[1].filters", ["100 restart"], "gateways[1].filters[0]"),
  edit(
    "StaticRoute",
    "gateways",
    Array.from({ length: 60 }, (_, i) => `pp ${i + 1}`),
  ),
  edit("StaticRoute", "network", "192.168.253.0/33"),
  edit("StaticRoute", "router.adminPassword", "a".repeat(30)),
  // a table: bad prefixes, a network twice, more routes than a router holds, names it cannot type
  edit("StaticRoutes", "routes[0].network", "192.168.253.0/33"),
  edit("StaticRoutes", "routes[0].network", "192.168.253.240/24"),
  edit("StaticRoutes", "routes[0].network", "300.1.1.0/24"),
  edit("StaticRoutes", "routes[0].network", "192.168.253.0/-1"),
  edit("StaticRoutes", "routes[1].network", "192.168.253.240", "routes[1].network"),
  edit("StaticRoutes", "routes[1].gateways[0].gateway", "pp 999"),
  edit("StaticRoutes", "routes[1].gateways[0].metric", 16),
  edit(
    "StaticRoutes",
    "routes[0].gateways",
    ["192.168.11.240", "192.168.11.240"],
    "routes[0].gateways[1].gateway",
  ),
  edit(
    "StaticRoutes",
    "routes",
    Array.from({ length: 10_001 }, (_, i) => ({
      network: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
      gateways: ["192.168.11.240"],
    })),
  ),
  edit("StaticRoutes", "routes", []),
  edit("StaticRoutes", "name", "表"),
  edit("StaticRoutes", "name", "two words"),
  edit("StaticRoutes", "name", "n".repeat(65)),
  edit("GlobalSwitch", "value", "except restart"),
  {
    ...edit("GlobalSwitch", "value", "on l2tp l2tp"),
    inputs: { setting: "l2tp service", value: "on l2tp l2tp" },
  },
  edit("GlobalSwitch", "value", 4),
  {
    ...edit("GlobalSwitch", "value", "on; restart"),
    inputs: { setting: "statistics traffic", value: "on; restart" },
  },
  edit("GlobalSwitch", "setting", "restart"),
  {
    ...edit("GlobalSwitch", "value", "on\r\nrestart"),
    inputs: { setting: "l2tp service", value: "on\r\nrestart" },
  },
  // PPPoE: pp numbers and interfaces per model, name and password (CR §11.4), ranges (CR §6.2.1, §11.6.3)
  edit("PppoeInterface", "peer", 31),
  edit("PppoeInterface", "peer", 2.5),
  edit("PppoeInterface", "interface", "lan3"),
  edit("PppoeInterface", "interface", "lan2 restart"),
  edit("PppoeInterface", "myname.name", "u".repeat(65)),
  edit("PppoeInterface", "myname.name", "two words"),
  edit("PppoeInterface", "myname.password", "p".repeat(60)),
  edit("PppoeInterface", "myname.password", "x?y"),
  edit("PppoeInterface", "myname.password", "パスワード"),
  edit("PppoeInterface", "myname.password", "x|y"),
  edit("PppoeInterface", "authAccept", ["pap", "chap", "mschap"]),
  edit("PppoeInterface", "authAccept", ["chap; restart"], "authAccept[0]"),
  edit("PppoeInterface", "lcpMru", 1793),
  edit("PppoeInterface", "lcpMru", "on 1454"),
  edit("PppoeInterface", "mtu", 63),
  edit("PppoeInterface", "reconnectTime", 21474837),
  edit("PppoeInterface", "natDescriptors", { forward: [0] }, "natDescriptors.forward[0]"),
  // site tunnels: tunnel numbers per model, keys (CR §15.5), names (CR §15.14, §16.8, §16.11), ranges (CR §15.20)
  edit("IpsecSiteTunnel", "tunnel", 21),
  edit("IpsecSiteTunnel", "ipsec.gateway", 21),
  edit("IpsecSiteTunnel", "ipsec.policy", 2147483648),
  edit("IpsecSiteTunnel", "ipsec.preSharedKey", "k".repeat(123)),
  edit("IpsecSiteTunnel", "ipsec.preSharedKey", "two words"),
  edit("IpsecSiteTunnel", "ipsec.preSharedKey", "#key"),
  ...["0xzz", `0x${"ab".repeat(129)}`, "0xab restart", "ab"].map((hex) => hexKey(hex)),
  edit("IpsecSiteTunnel", "ipsec.remoteAddress", "999.1.1.1"),
  edit("IpsecSiteTunnel", "ipsec.remoteAddress", "-bad.example.jp"),
  edit("IpsecSiteTunnel", "ipsec.saPolicy", "esp aes-cbc sha-hmac restart"),
  edit("IpsecSiteTunnel", "ipsec.localName.name", "n".repeat(257)),
  edit("IpsecSiteTunnel", "ipsec.localName.type", "x509"),
  edit("IpsecSiteTunnel", "ipsec.keepalive.interval", 601),
  edit("IpsecSiteTunnel", "ipsec.keepalive.count", 51),
  edit("IpsecSiteTunnel", "ipsec.keepalive.method", "ping"),
  edit("IpsecSiteTunnel", "l2tp.hostname", "h".repeat(33)),
  edit("IpsecSiteTunnel", "l2tp.tunnelAuth.password", "p".repeat(30)),
  edit("IpsecSiteTunnel", "l2tp.tunnelAuth.password", "x>y"),
  edit("IpsecSiteTunnel", "l2tp.remoteEndId", "e".repeat(33)),
  edit("IpsecSiteTunnel", "l2tp.disconnectTime", 0),
  edit("IpsecSiteTunnel", "endpoint.local", "10.0.0.256"),
  edit("IpsecSiteTunnel", "tcpMssLimit", "on"),
  edit("IpsecSiteTunnel", "ipsec.transport", { port: 1701 }, "ipsec.transport.port"),
  edit("IpsecSiteTunnel", "ipsec.transport", { protocol: "esp" }, "ipsec.transport.protocol"),
  edit("IpsecSiteTunnel", "ipsec.transport", { protocol: "udp", port: 65536 }, "ipsec.transport.port"),
  // DNS: server counts and forms (CR §24.2, §24.10, §24.11, §24.13)
  edit("Dns", "servers", ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"]),
  edit("Dns", "servers[0]", "dns.example.jp"),
  edit("Dns", "hosts", ["any", "lan1"]),
  edit("Dns", "hosts[0]", "lan1 restart"),
  edit("Dns", "serverDhcp", "pp 1"),
  edit("Dns", "serverPp", 151),
  edit("Dns", "domain", "exa mple.jp"),
  edit("Dns", "selects[0].id", 65536),
  edit("Dns", "selects[0].query", "a b"),
  edit("Dns", "selects[0].query", "q".repeat(256)),
  edit("Dns", "selects[0].restrictPp", 0),
  edit("Dns", "selects[0].servers", ["1.1.1.1", "1.0.0.1", "8.8.8.8"]),
  edit("Dns", "statics[0].value", "nas.example.jp"),
  edit("Dns", "statics[0].name", "nas example"),
  edit("Dns", "statics[0].type", "txt"),
  edit("Dns", "statics[0].ttl", 0),
  edit("Dns", "privateName", "setup.netvolante.jp\rrestart"),
  // schedules: what the router refuses to schedule (CR §37.1), secrets, dates and times
  edit("Schedule", "command", "save"),
  edit("Schedule", "command", "administrator password x"),
  edit("Schedule", "command", "login user admin x"),
  edit("Schedule", "command", "ipsec ike pre-shared-key 1 text k"),
  edit("Schedule", "command", "ntpdate ntp.nict.jp # restart"),
  edit("Schedule", "command", "c".repeat(1025)),
  edit("Schedule", "time", "24:00"),
  edit("Schedule", "time", "+300"),
  edit("Schedule", "date", "*/someday"),
  edit("Schedule", "target", "pp 151"),
  edit("Schedule", "schedule", 0, "schedule"),
  edit("Syslog", "hosts", ["1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5"]),
  edit("Syslog", "hosts[0]", "1.2.3"),
  edit("Syslog", "hosts[0]", "syslog host"),
  edit("Syslog", "facility", 24),
  edit("ServiceHosts", "sshd.host", ["any", "lan1"]),
  edit("ServiceHosts", "sshd.host[0]", "lan1 restart"),
  edit("ServiceHosts", "telnetd.host[0]", "10.0.0.9-10.0.0.1"),
  edit("ServiceHosts", "httpd.service", "on"),
  // IPv6: prefix forms and lengths (CR §30.3.1), interfaces per model, flags only where they apply (CR §30.2.5)
  edit("MapeTunnel", "tunnel", 101),
  edit("MapeTunnel", "mtu", 63),
  edit("MapeTunnel", "natDescriptors", { forward: [1000], reverse: [0] }, "natDescriptors.reverse[0]"),
  edit("Ipv6Prefix", "prefix", "2001:db8::/129"),
  edit("Ipv6Prefix", "prefix", "ra-prefix@lan2::/64 restart"),
  edit("Ipv6Prefix", "prefix", "fe80::/64"),
  edit("Ipv6Prefix", "prefix", "192.168.0.0/24"),
  edit("Ipv6Prefix", "prefixId", 0),
  edit("Ipv6Prefix", "validLifetime", 4294967296),
  edit("Ipv6Interface", "interface", "lan3"),
  edit("Ipv6Interface", "addresses", ["ra-prefix@lan2::1/64", "ra-prefix@lan2::1/64"], "addresses[1]"),
  edit("Ipv6Interface", "addresses[0]", "2001:db8::1"),
  edit("Ipv6Interface", "rtadv.prefixes", [], "rtadv.prefixes"),
  edit("Ipv6Interface", "rtadv.prefixes", [1.5], "rtadv.prefixes[0]"),
  edit("Ipv6Interface", "dhcp.mode", "relay"),
  // filters: numbers 1..21474836, addresses, protocols and ports the router takes (CR §8.1.10, §8.1.14, §8.1.25)
  edit("IpFilter", "filter", 0),
  edit("IpFilter", "filter", 21474837),
  edit("IpFilter", "filter", 1.5),
  edit("IpFilter", "action", "pass-log restart"),
  edit("IpFilter", "source[0]", "192.168.100.256"),
  edit("IpFilter", "source[0]", "192.168.100.1/24"),
  edit("IpFilter", "source[0]", "192.168.100.0/33"),
  edit("IpFilter", "source[0]", "10.0.0.9-10.0.0.1"),
  edit("IpFilter", "source", "10.0.0.1 10.0.0.2"),
  edit("IpFilter", "source", "*,10.0.0.1"),
  edit("IpFilter", "destination", "host_name.example.jp"),
  edit("IpFilter", "destination", "@" + "a".repeat(33)),
  edit("IpFilter", "protocol", "sctp"),
  edit("IpFilter", "protocol", "256"),
  edit("IpFilter", "protocol", "tcpflag=0x12345/0x1"),
  edit("IpFilter", "destinationPort", "65536"),
  edit("IpFilter", "destinationPort", "http"),
  edit("IpFilter", "destinationPort", "1,2,3,4,5,6,7,8,9,10,11"),
  edit("IpFilter", "destinationPort", "443-80"),
  {
    ...edit("IpFilter", "sourcePort", "256"),
    inputs: {
      filter: 1,
      action: "reject",
      source: "*",
      destination: "*",
      protocol: "icmp",
      sourcePort: "256",
    },
  },
  edit("IpFilterDynamic", "filter", 21474837),
  edit("IpFilterDynamic", "protocol", "www"),
  edit("IpFilterDynamic", "trigger", [0], "trigger[0]"),
  edit("IpFilterDynamic", "timeout", -1),
  edit("IpFilterDynamic", "source", "10.0.0.300"),
  edit("SecureFilter", "interface", "lan9"),
  edit("SecureFilter", "interface", "pp 101"),
  edit("SecureFilter", "interface", "tunnel 101"),
  edit("SecureFilter", "interface", "lan1; restart"),
  edit("SecureFilter", "in.filters", [21474837], "in.filters[0]"),
  edit("SecureFilter", "in.filters", [1, 1], "in.filters[1]"),
  edit(
    "SecureFilter",
    "out.dynamic",
    Array.from({ length: 129 }, (_, i) => i + 1),
    "out",
  ),
  // IPv6 filters: the same rules over IPv6 addresses (CR §30.7)
  edit("Ipv6Filter", "filter", 21474837),
  edit("Ipv6Filter", "source", "2001:db8::1/32"),
  edit("Ipv6Filter", "source", "2001:db8::/129"),
  edit("Ipv6Filter", "source", "192.168.1.0/24"),
  edit("Ipv6Filter", "destination", "ra-prefix@lan2;restart"),
  edit("Ipv6Filter", "protocol", "icmp7"),
  edit("Ipv6Filter", "sourcePort", "300"),
  edit("Ipv6FilterDynamic", "destination", "2001:db8::zz"),
  edit("Ipv6FilterDynamic", "protocol", "gopher2"),
  edit("Ipv6SecureFilter", "interface", "lan9"),
  edit("Ipv6SecureFilter", "in.filters", [0], "in.filters[0]"),
  // any other lines: one plain configuration line each, no secret outside secretLines, none a typed resource owns
  edit("ConfigLines", "lines[0]", "restart"),
  edit("ConfigLines", "lines[0]", "no pp keepalive use"),
  edit("ConfigLines", "lines[0]", "pp select 2"),
  edit("ConfigLines", "lines[0]", "pp keepalive use ?"),
  edit("ConfigLines", "lines[0]", "pp keepalive use lcp-echo\rrestart"),
  edit("ConfigLines", "lines[0]", "pppoe use lan2"),
  edit("ConfigLines", "lines[0]", "pp auth myname someone pass-in-clear"),
  edit("ConfigLines", "lines", ["pp keepalive use lcp-echo", "pp keepalive use off"], "lines[1]"),
  edit("ConfigLines", "secretLines[0]", "pp auth myname a b\x15restart"),
  edit("ConfigLines", "secretLines", ["login password *"], "secretLines[0]"),
  edit("ConfigLines", "context", "pp 0"),
  edit("ConfigLines", "context", "tunnel 1; restart"),
  // components: the same rules under the component's own names
  edit("OverlapSafeVpn", "lan.interface", "lan9"),
  edit("OverlapSafeVpn", "upstream.interface", "lan3"),
  edit("OverlapSafeVpn", "lan.address", "192.168.11.250/0"),
  edit("OverlapSafeVpn", "upstream.address", "192.168.1.51/0"),
  edit("OverlapSafeVpn", "lan.address", "10.0.0.1/8"),
  edit("OverlapSafeVpn", "vpn.users[0].name", "bob;no"),
  edit("OverlapSafeVpn", "vpn.users[0].name", "ユーザー"),
  edit("OverlapSafeVpn", "vpn.users[0].password", "x".repeat(60)),
  edit("OverlapSafeVpn", "vpn.preSharedKey", "k".repeat(123)),
  edit("OverlapSafeVpn", "vpn.preSharedKey", "鍵"),
  edit("OverlapSafeVpn", "vpn.tunnels", [100000], "vpn.tunnels[0]"),
  edit("OverlapSafeVpn", "vpn.tunnels", [1, 2, 3, 4, 5]),
  edit("OverlapSafeVpn", "vpn.server", "vpnsv.example.jp\r\nrestart"),
  edit("OverlapSafeVpn", "vpn.server", "999.1.1.1"),
  edit("OverlapSafeVpn", "vpn.server", "-bad.example.jp"),
  edit("OverlapSafeVpn", "natDescriptors", { lan: 2147483648 }, "natDescriptors.lan"),
  edit("OverlapSafeVpn", "dhcp.scope", 65536),
  edit("OverlapSafeVpn", "dhcp.binds[0].mac", "00:30:f5:cc:dd"),
  edit("OverlapSafeVpn", "aliasFirstHost", 1e9),
  // a route or relay via the router's own LAN address, known to the component
  edit("OverlapSafeVpn", "publishedHosts.fileserver", "192.168.11.250"),
  edit("OverlapSafeVpn", "dhcp.subnetsBehindGateways[0].gateway", "192.168.11.250"),
  edit("OverlapSafeVpn", "dhcp.relayTo", "192.168.11.250"),
  {
    ...edit("OverlapSafeVpn", "publishedHosts", "all"),
    inputs: {
      lan: { address: "10.0.0.1/16" },
      aliasNetwork: "10.1.0.0/16",
      publishedHosts: "all",
      vpn: VPN,
      dhcp: false,
    },
  },
  edit(
    "OverlapSafeVpn",
    "publishedHosts",
    { "file\x15restart": "192.168.11.240" },
    "publishedHosts.file\\u0015restart",
  ),
  edit("DistinctPoolVpn", "lan.interface", "lan9"),
  edit("DistinctPoolVpn", "lan.address", "192.168.11.250/0"),
  edit("DistinctPoolVpn", "vpn.users[0].name", "bob;no"),
  edit("DistinctPoolVpn", "vpn.preSharedKey", "two words"),
  edit("DistinctPoolVpn", "vpn.tunnels", { from: 1, to: 1_000_000_000 }, "vpn.tunnels.to"),
  edit("PpAnonymousNatVpn", "natDescriptor", 0),
  edit("PpAnonymousNatVpn", "publishedHosts.fileserver", "192.168.11.250"),
  edit("PpAnonymousNatVpn", "vpn.users[0].password", "x\x15restart"),
  edit("PpAnonymousNatVpn", "model", "nvr510\nrestart"),
];

const cases = [...controlCases, ...specificCases];

/** The failures a target reports for the inputs: a resource's check, or a component's design error. */
async function failuresFor(c: Case): Promise<CheckFailure[]> {
  if (c.target in RESOURCES) return (await dynamic.check(c.target, {}, c.inputs)).failures ?? [];
  try {
    DESIGNS[c.target as keyof typeof COMPONENTS](c.inputs as never);
    return [];
  } catch (e) {
    if (e instanceof VpnDesignError) return e.failures;
    throw e;
  }
}

const text = (failures: readonly CheckFailure[]) =>
  failures.map((f) => `${f.property}: ${f.reason}`).join("\n");

describe("hostile inputs are refused at check, naming the property, with no SSH connection", () => {
  let sim: Simulator;
  let refused = 0;
  beforeAll(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
  });
  afterAll(async () => {
    console.log(`hostile inputs refused ${refused}/${cases.length}`);
    expect(sim.events().filter((e) => e.type === "connect")).toEqual([]);
    await sim.stop();
  });

  it("has at least 80 cases across every resource and component", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.target))).toEqual(
      new Set([...Object.keys(RESOURCES), ...Object.keys(COMPONENTS)]),
    );
  });

  it.each(Object.keys({ ...RESOURCES, ...COMPONENTS }) as Target[])(
    "the base inputs of %s pass",
    async (target) => {
      expect(
        await failuresFor({ target, what: "base", inputs: baseOf(target), property: "", secret: false }),
      ).toEqual([]);
    },
  );

  it.each(cases.map((c) => [c.target, c.what, c] as const))("%s %s", async (_target, _what, c) => {
    const failures = await failuresFor(c);
    expect(failures.map(propertyNamed)).toContain(c.property);
    // Reasons may quote an input, but never a raw control character (it would drive the reader's terminal).
    const controls = failures.flatMap((f) =>
      [...`${f.property}${f.reason}`].filter((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    );
    expect(controls).toEqual([]);
    if (c.secret) {
      expect(text(failures)).not.toContain(SECRET);
      // The engine prints the input found under a failure's exact property name: none may hold the secret.
      const echoed = failures.filter((f) => JSON.stringify(c.inputs[f.property] ?? null).includes(SECRET));
      expect(echoed).toEqual([]);
    }
    refused++;
  });
});

describe("a route via the router's own address is refused by the plan, before any line is typed", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
  });
  afterAll(async () => {
    await settle(sim);
    await sim.stop();
  });

  it("names gateways[0] and sends nothing", async () => {
    // The seed's lan1 is 192.168.11.250/24; check cannot know that, the plan reads it.
    const { inputs, failures } = await dynamic.check(
      "StaticRoute",
      {},
      {
        network: "192.168.253.240/32",
        gateways: ["192.168.11.250"],
      },
    );
    expect(failures ?? []).toEqual([]);
    await expect(dynamic.create("StaticRoute", inputs as Props)).rejects.toThrow(
      /StaticRoute ip route 192\.168\.253\.240\/32: gateways\[0\]: 192\.168\.11\.250 is the router's own address \(ip lan1 address 192\.168\.11\.250\/24\)/,
    );
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(sim.savedConfig()).toBe(sim.runningConfig());
  });
});

describe("a table's state edited by hand is refused naming the property, before any line is typed", () => {
  let sim: Simulator;
  let state: Props;
  beforeAll(async () => {
    sim = await seedSimulator();
    await dynamic.configure(configureRequest(stackConfig(sim)));
    const { inputs } = await dynamic.check("StaticRoutes", {}, RESOURCES.StaticRoutes);
    state = { ...(inputs as Props), routes: "ip route 192.168.253.240/32 gateway 192.168.11.240" };
  });
  afterAll(async () => {
    await settle(sim);
    await sim.stop();
  });

  const edits: [string, unknown, RegExp][] = [
    ["a line of another family", "pp select 1\nsave", /state property routes \(line 1\): "pp select 1"/],
    ["an escape sequence", "ip route \u001b[2J", /state property routes \(line 1\): "ip route \\u001b\[2J"/],
    ["a number", 7, /state property routes: is neither route lines nor a list/],
    ["an entry that is not a route", [null], /state property routes\[0\]\.network: is not a string/],
  ];
  it.each(edits)(
    "routes as %s: read, update and delete refuse it and send nothing",
    async (_what, routes, message) => {
      const edited = { ...state, routes };
      sim.clearEvents();
      await expect(dynamic.read("StaticRoutes", "static routes office-hosts", edited)).rejects.toThrow(
        message,
      );
      await expect(
        dynamic.update("StaticRoutes", "static routes office-hosts", edited, state),
      ).rejects.toThrow(message);
      await expect(dynamic.delete("StaticRoutes", "static routes office-hosts", edited)).rejects.toThrow(
        message,
      );
      await settle(sim);
      expect(configCommands(sim)).toEqual([]);
    },
  );

  it.each([
    ["a network with an injected token", "ip route 192.168.253.240/32;save gateway 192.168.11.240"],
    ["a gateway the reader refuses", "ip route 192.168.253.240/32 gateway 192.168.11.300"],
    ["two lines on one", "ip route 192.168.253.240/32 gateway 192.168.11.240\rno ip route default"],
    ["a line of no route", "ip route 192.168.253.240/32 via 192.168.11.240"],
  ])("create from inputs holding %s refuses it naming the entry and sends nothing", async (_what, routes) => {
    sim.clearEvents();
    await expect(dynamic.create("StaticRoutes", { ...state, routes })).rejects.toThrow(
      /^StaticRoutes: (invalid properties: routes\[0\]\.(network|gateways)|state property routes \(line 1\): .*; nothing was sent$)/,
    );
    await settle(sim);
    expect(configCommands(sim)).toEqual([]);
    expect(sim.savedConfig()).toBe(sim.runningConfig());
  });
});
