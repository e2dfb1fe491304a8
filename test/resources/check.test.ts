import { check, type ResourceKindName } from "../../provider/resources";

const nat = { id: 30, type: "nat", outer: ["192.168.253.254"], inner: ["192.168.11.254"] };
const pool = {
  tunnels: { from: 2, to: 4 },
  users: [{ name: "someone@somewhere", password: "xxxxxxxx" }],
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: "COMMONKEY",
};
const scope = { id: 1, range: "192.168.11.2-192.168.11.63", prefixLength: 24 };
const lan = { interface: "lan1", address: "192.168.11.250/24" };
const route = { network: "192.168.253.240/32", gateways: ["192.168.11.240"] };

type Case = [ResourceKindName, string, Record<string, unknown>, string, RegExp];

/** Each case: the inputs, the property the failure must name, and the reason it must give. */
const cases: Case[] = [
  // NatDescriptor
  ["NatDescriptor", "id 0", { ...nat, id: 0 }, "id", /1\.\.2147483647/],
  ["NatDescriptor", "id too large", { ...nat, id: 2147483648 }, "id", /1\.\.2147483647/],
  ["NatDescriptor", "type none", { ...nat, type: "none" }, "type", /nat.*masquerade/],
  ["NatDescriptor", "bad outer address", { ...nat, outer: ["192.168.253.256"] }, "outer[0]", /IPv4 address/],
  ["NatDescriptor", "reversed outer range", { ...nat, outer: ["10.0.0.9-10.0.0.1"] }, "outer[0]", /range/],
  [
    "NatDescriptor",
    "mnemonic with addresses",
    { ...nat, outer: ["ipcp", "10.0.0.1"] },
    "outer",
    /ipcp must be the only/,
  ],
  [
    "NatDescriptor",
    "auto with addresses",
    { ...nat, inner: ["auto", "10.0.0.1"] },
    "inner",
    /auto must be the only/,
  ],
  ["NatDescriptor", "empty outer", { ...nat, outer: [] }, "outer", /at least one/],
  [
    "NatDescriptor",
    "static bad inner",
    { ...nat, statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11" }] },
    "statics[0].inner",
    /IPv4 address/,
  ],
  [
    "NatDescriptor",
    "static count 0",
    { ...nat, statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 0 }] },
    "statics[0].count",
    /at least 1/,
  ],
  [
    "NatDescriptor",
    "static past the address space",
    { ...nat, statics: [{ id: 1, outer: "255.255.255.250", inner: "192.168.11.2", count: 10 }] },
    "statics[0].count",
    /past 255\.255\.255\.255/,
  ],
  [
    "NatDescriptor",
    "duplicate static id",
    {
      ...nat,
      statics: [
        { id: 1, outer: "192.168.253.2", inner: "192.168.11.2" },
        { id: 1, outer: "192.168.253.3", inner: "192.168.11.3" },
      ],
    },
    "statics[1].id",
    /duplicate id 1/,
  ],
  [
    "NatDescriptor",
    "overlapping static outers",
    {
      ...nat,
      statics: [
        { id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 10 },
        { id: 2, outer: "192.168.253.5", inner: "192.168.12.5" },
      ],
    },
    "statics[1].outer",
    /overlaps statics\[0\]\.outer/,
  ],
  [
    "NatDescriptor",
    "masquerade static on a nat type",
    { ...nat, masqueradeStatics: [{ id: 1, inner: "192.168.11.2", protocol: "esp" }] },
    "masqueradeStatics",
    /masquerade or nat-masquerade/,
  ],
  [
    "NatDescriptor",
    "tcp without port",
    { ...nat, type: "masquerade", masqueradeStatics: [{ id: 1, inner: "192.168.11.2", protocol: "tcp" }] },
    "masqueradeStatics[0].innerPort",
    /tcp needs a port/,
  ],
  [
    "NatDescriptor",
    "esp with port",
    {
      ...nat,
      type: "masquerade",
      masqueradeStatics: [{ id: 1, inner: "192.168.11.2", protocol: "esp", innerPort: 50 }],
    },
    "masqueradeStatics[0].innerPort",
    /esp takes no port/,
  ],
  [
    "NatDescriptor",
    "port out of range",
    {
      ...nat,
      type: "masquerade",
      masqueradeStatics: [{ id: 1, inner: "192.168.11.2", protocol: "udp", innerPort: 70000 }],
    },
    "masqueradeStatics[0].innerPort",
    /1\.\.65535/,
  ],
  [
    "NatDescriptor",
    "forward without address",
    { ...nat, type: "masquerade", masqueradeIncoming: { action: "forward" } },
    "masqueradeIncoming.address",
    /forward needs the address/,
  ],
  [
    "NatDescriptor",
    "reject with address",
    { ...nat, type: "masquerade", masqueradeIncoming: { action: "reject", address: "10.0.0.1" } },
    "masqueradeIncoming.address",
    /only forward takes an address/,
  ],
  ["NatDescriptor", "unknown property", { ...nat, outside: ["1.2.3.4"] }, "outside", /unknown property/],
  // LanInterface
  ["LanInterface", "not a LAN", { ...lan, interface: "pp1" }, "interface", /LAN interface name/],
  [
    "LanInterface",
    "address without prefix",
    { ...lan, address: "192.168.11.250" },
    "address",
    /ADDRESS\/PREFIX/,
  ],
  ["LanInterface", "network address", { ...lan, address: "192.168.11.0/24" }, "address", /network address/],
  [
    "LanInterface",
    "broadcast address",
    { ...lan, address: "192.168.11.255/24" },
    "address",
    /broadcast address/,
  ],
  [
    "LanInterface",
    "17 descriptors",
    {
      ...lan,
      natDescriptors: {
        forward: Array.from({ length: 9 }, (_, i) => i + 1),
        reverse: Array.from({ length: 8 }, (_, i) => i + 20),
      },
    },
    "natDescriptors",
    /at most 16 descriptors per interface, got 17/,
  ],
  [
    "LanInterface",
    "descriptor id 0",
    { ...lan, natDescriptors: { reverse: [0] } },
    "natDescriptors.reverse[0]",
    /1\.\.2147483647/,
  ],
  [
    "LanInterface",
    "duplicate descriptor",
    { ...lan, natDescriptors: { forward: [31, 31] } },
    "natDescriptors.forward[1]",
    /duplicate descriptor 31/,
  ],
  [
    "LanInterface",
    "relay without servers",
    { ...lan, dhcp: { mode: "relay", servers: [] } },
    "dhcp.servers",
    /1\.\.4 DHCP servers/,
  ],
  [
    "LanInterface",
    "relay server not an address",
    { ...lan, dhcp: { mode: "relay", servers: ["dhcp.example"] } },
    "dhcp.servers[0]",
    /IPv4 address/,
  ],
  [
    "LanInterface",
    "unknown dhcp mode",
    { ...lan, dhcp: { mode: "client" } },
    "dhcp.mode",
    /off.*server.*relay/,
  ],
  // L2tpAnonymousPool
  [
    "L2tpAnonymousPool",
    "five tunnels on an NVR510",
    { ...pool, tunnels: [1, 2, 3, 4, 5], pool: "dhcp" },
    "tunnels",
    /nvr510 takes at most 4 L2TP\/IPsec tunnels, got 5/,
  ],
  [
    "L2tpAnonymousPool",
    "reversed tunnel range",
    { ...pool, tunnels: { from: 4, to: 2 } },
    "tunnels.to",
    /from must not be after to/,
  ],
  ["L2tpAnonymousPool", "tunnel 0", { ...pool, tunnels: [0] }, "tunnels[0]", /tunnel number/],
  [
    "L2tpAnonymousPool",
    "pool too small",
    { ...pool, pool: { range: "192.168.254.1-192.168.254.2" } },
    "pool.range",
    /2 addresses cannot serve 3 tunnels/,
  ],
  [
    "L2tpAnonymousPool",
    "reversed pool",
    { ...pool, pool: { range: "192.168.254.3-192.168.254.1" } },
    "pool.range",
    /reversed/,
  ],
  [
    "L2tpAnonymousPool",
    "pool not a range",
    { ...pool, pool: { range: "192.168.254.0/24" } },
    "pool.range",
    /FIRST-LAST/,
  ],
  [
    "L2tpAnonymousPool",
    "duplicate user",
    { ...pool, users: [pool.users[0], { name: "someone@somewhere", password: "yyyyyyyy" }] },
    "users[1].name",
    /duplicate user someone@somewhere/,
  ],
  ["L2tpAnonymousPool", "no users", { ...pool, users: [] }, "users", /at least one user/],
  [
    "L2tpAnonymousPool",
    "password with a space",
    { ...pool, users: [{ name: "a", password: "two words" }] },
    "users[0].password",
    /spaces/,
  ],
  [
    "L2tpAnonymousPool",
    "long user name",
    { ...pool, users: [{ name: "u".repeat(65), password: "p" }] },
    "users[0].name",
    /at most 64/,
  ],
  [
    "L2tpAnonymousPool",
    "empty pre-shared key",
    { ...pool, preSharedKey: "" },
    "preSharedKey",
    /must not be empty/,
  ],
  ["L2tpAnonymousPool", "mtu too large", { ...pool, mtu: 9000 }, "mtu", /64\.\.1500/],
  ["L2tpAnonymousPool", "unknown auth", { ...pool, authRequest: "eap" }, "authRequest", /mschap-v2/],
  [
    "L2tpAnonymousPool",
    "sa policy without esp",
    { ...pool, ipsec: { saPolicy: "ah sha-hmac" } },
    "ipsec.saPolicy",
    /esp/,
  ],
  [
    "L2tpAnonymousPool",
    "pool over the RTX830 limit",
    { ...pool, model: "rtx830", pool: { range: "10.0.0.1-10.0.0.40" } },
    "pool.range",
    /at most 32 addresses, got 40/,
  ],
  [
    "L2tpAnonymousPool",
    "pp anonymous descriptor 0",
    { ...pool, natDescriptors: { forward: [0] } },
    "natDescriptors.forward[0]",
    /1\.\.2147483647/,
  ],
  [
    "L2tpAnonymousPool",
    "17 descriptors on pp anonymous",
    {
      ...pool,
      natDescriptors: {
        forward: Array.from({ length: 9 }, (_, i) => i + 1),
        reverse: Array.from({ length: 8 }, (_, i) => i + 10),
      },
    },
    "natDescriptors",
    /at most 16 descriptors per interface, got 17/,
  ],
  [
    "L2tpAnonymousPool",
    "a descriptor bound twice on pp anonymous",
    { ...pool, natDescriptors: { forward: [20, 20] } },
    "natDescriptors.forward[1]",
    /duplicate descriptor 20/,
  ],
  [
    "L2tpAnonymousPool",
    "pp anonymous descriptors as a bare list",
    { ...pool, natDescriptors: [20] },
    "natDescriptors",
    /object/,
  ],
  // DhcpScope
  ["DhcpScope", "scope 0", { ...scope, id: 0 }, "id", /1\.\.65535/],
  ["DhcpScope", "reversed range", { ...scope, range: "192.168.11.63-192.168.11.2" }, "range", /reversed/],
  [
    "DhcpScope",
    "range across networks",
    { ...scope, range: "192.168.11.2-192.168.12.10" },
    "range",
    /does not fit in one \/24 network \(192\.168\.11\.0\/24\)/,
  ],
  ["DhcpScope", "no prefix", { id: 1, range: scope.range }, "prefixLength", /give prefixLength or netmask/],
  [
    "DhcpScope",
    "non-contiguous mask",
    { id: 1, range: scope.range, netmask: "255.0.255.0" },
    "netmask",
    /contiguous netmask/,
  ],
  [
    "DhcpScope",
    "mask disagrees",
    { ...scope, netmask: "255.255.0.0" },
    "netmask",
    /disagrees with prefixLength 24/,
  ],
  [
    "DhcpScope",
    "gateway outside",
    { ...scope, gateway: "192.168.1.1" },
    "gateway",
    /outside the scope network 192\.168\.11\.0\/24/,
  ],
  ["DhcpScope", "bad expire", { ...scope, expire: "3 days" }, "expire", /minutes, hh:mm or infinity/],
  [
    "DhcpScope",
    "bind outside the range",
    { ...scope, binds: [{ ip: "192.168.11.200", mac: "00:30:f5:cc:dd:ee" }] },
    "binds[0].ip",
    /outside the scope range/,
  ],
  [
    "DhcpScope",
    "bad MAC",
    { ...scope, binds: [{ ip: "192.168.11.5", mac: "00:30:f5:cc:dd" }] },
    "binds[0].mac",
    /MAC address/,
  ],
  [
    "DhcpScope",
    "MAC reserved twice",
    {
      ...scope,
      binds: [
        { ip: "192.168.11.6", mac: "00:30:f5:cc:dd:ee" },
        { ip: "192.168.11.5", mac: "00:30:F5:CC:DD:EE" },
      ],
    },
    "binds[1].mac",
    /reserved twice/,
  ],
  [
    "DhcpScope",
    "option 121 gateway unreachable",
    {
      ...scope,
      options: { classlessStaticRoutes: [{ destination: "192.168.4.0/24", gateway: "192.168.5.5" }] },
    },
    "options.classlessStaticRoutes[0].gateway",
    /not reachable: outside the scope network/,
  ],
  [
    "DhcpScope",
    "option 121 destination with host bits",
    {
      ...scope,
      options: { classlessStaticRoutes: [{ destination: "192.168.4.1/24", gateway: "192.168.11.5" }] },
    },
    "options.classlessStaticRoutes[0].destination",
    /no host bits/,
  ],
  [
    "DhcpScope",
    "router option outside",
    { ...scope, options: { router: "10.0.0.1" } },
    "options.router",
    /outside the scope network/,
  ],
  // StaticRoute
  [
    "StaticRoute",
    "host bits set",
    { ...route, network: "192.168.253.1/24" },
    "network",
    /host bits set; the network is 192\.168\.253\.0\/24/,
  ],
  [
    "StaticRoute",
    "not a network",
    { ...route, network: "lan1" },
    "network",
    /default, an address, or a network/,
  ],
  ["StaticRoute", "no gateways", { ...route, gateways: [] }, "gateways", /at least one gateway/],
  [
    "StaticRoute",
    "bad gateway",
    { ...route, gateways: ["pp"] },
    "gateways[0]",
    /pp N, pp anonymous, tunnel N/,
  ],
  [
    "StaticRoute",
    "metric 16",
    { ...route, gateways: [{ gateway: "pp 1", metric: 16 }] },
    "gateways[0].metric",
    /1\.\.15/,
  ],
  [
    "StaticRoute",
    "duplicate gateway",
    { ...route, gateways: ["pp 1", "pp 1"] },
    "gateways[1].gateway",
    /duplicate gateway pp 1/,
  ],
  // GlobalSwitch
  ["GlobalSwitch", "unknown switch", { setting: "ip routing", value: "on" }, "setting", /l2tp service/],
  [
    "GlobalSwitch",
    "bad value",
    { setting: "nat descriptor backward-compatibility", value: 4 },
    "value",
    /not a value of nat descriptor backward-compatibility/,
  ],
];

describe("check: bad inputs name the property and the reason", () => {
  test("the table covers every resource with at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c[0])).size).toBe(6);
  });

  test.each(cases)("%s: %s", (kind, _name, inputs, property, reason) => {
    const result = check(kind, inputs);
    expect(result).toHaveProperty("failures");
    const failures = "failures" in result ? result.failures : [];
    expect(failures.filter((f) => f.property === property).map((f) => f.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(reason)]),
    );
  });

  test.each([
    ["NatDescriptor", nat],
    ["L2tpAnonymousPool", pool],
    ["DhcpScope", scope],
    ["LanInterface", lan],
    ["StaticRoute", route],
  ] as [ResourceKindName, Record<string, unknown>][])("the valid base inputs of %s pass", (kind, inputs) => {
    expect(check(kind, inputs)).toHaveProperty("model");
  });

  test("secrets never appear in failure reasons", () => {
    const result = check("L2tpAnonymousPool", {
      ...pool,
      preSharedKey: "has space",
      users: [{ name: "a", password: "secret word" }],
    });
    expect(JSON.stringify(result)).not.toMatch(/has space|secret word/);
  });
});
