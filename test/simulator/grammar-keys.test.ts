/**
 * Keys and canonical forms: a `no` form names the same setting as the line it removes (from the key arguments
 * only), re-entering a keyed command names the same setting, and typed variants print the way the device does.
 */
import type { ConfigCommand, Scope, SimContext } from "../../simulator/engine/grammar-contract";
import { compareOrder, parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const none: SimContext = { kind: "none" };
const anonymous: SimContext = { kind: "pp", peer: "anonymous" };
const tunnel4: SimContext = { kind: "tunnel", tunnel: 4 };

function set(line: string, context: SimContext = none): ConfigCommand {
  const result = parseConfigCommand(line, context, MODELS.nvr510);
  if (!result?.ok || result.negate) throw new Error(`${line}: ${JSON.stringify(result)}`);
  return result.command;
}

function unset(line: string, context: SimContext = none): { key: string; scope: Scope } {
  const result = parseConfigCommand(line, context, MODELS.nvr510);
  if (!result?.ok || !result.negate) throw new Error(`${line}: ${JSON.stringify(result)}`);
  return { key: result.key, scope: result.scope };
}

describe("no forms resolve the key from the key arguments only", () => {
  it.each<[string, string, SimContext]>([
    ["ip route 192.168.253.0/24 gateway 192.168.11.240", "no ip route 192.168.253.0/24", none],
    [
      "ip route 192.168.253.5 gateway 192.168.11.5",
      "no ip route 192.168.253.5/32 gateway 192.168.11.5",
      none,
    ],
    ["ip route default gateway pp 1", "no ip route default", none],
    ["nat descriptor static 30 1 192.168.253.2=192.168.11.2 253", "no nat descriptor static 30 1", none],
    [
      "nat descriptor masquerade static 1 2 192.168.100.254 esp",
      "no nat descriptor masquerade static 1 2",
      none,
    ],
    ["nat descriptor address outer 20 192.168.254.240", "no nat descriptor address outer 20", none],
    ["dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE", "no dhcp scope bind 1 192.168.5.5", none],
    ["dhcp scope 1 192.168.11.2-192.168.11.63/24", "no dhcp scope 1", none],
    ["dhcp scope option 1 dns=192.168.11.250", "no dhcp scope option 1", none],
    ["ip lan1 nat descriptor reverse 30", "no ip lan1 nat descriptor", none],
    ["ip lan1 proxyarp on", "no ip lan1 proxyarp on", none],
    ["ip lan1 dhcp service relay 192.168.1.51", "no ip lan1 dhcp service", none],
    ["ipsec ike pre-shared-key 4 text COMMONKEY", "no ipsec ike pre-shared-key 4", tunnel4],
    ["ipsec ike remote name 4 special-host", "no ipsec ike remote name 4 special-host", tunnel4],
    ["pp auth username someone2@somewhere2 xxxxxxxx", "no pp auth username someone2@somewhere2", anonymous],
    ["ip pp remote address pool dhcp", "no ip pp remote address pool dhcp", anonymous],
    ["ipsec transport 2 2 udp 1701", "no ipsec transport 2", none],
    ["schedule at 1 +600 * restart", "no schedule at 1", none],
    ["ip filter 200030 pass * 192.168.100.0/24 icmp * *", "no ip filter 200030", none],
    ["nat descriptor backward-compatibility 1", "no nat descriptor backward-compatibility", none],
    ["ip pp nat descriptor 20", "no ip pp nat descriptor", anonymous],
    ["ipv6 lan1 address ra-prefix@lan2::1/64", "no ipv6 lan1 address ra-prefix@lan2::1/64", none],
  ])("%s ← %s", (line, negation, context) => {
    const command = set(line, context);
    expect(unset(negation, context)).toEqual({ key: command.key, scope: command.scope });
  });

  it("keeps distinct settings apart", () => {
    const keys = [
      set("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253").key,
      set("nat descriptor static 30 2 192.168.253.2=192.168.11.2 253").key,
      set("nat descriptor static 31 1 192.168.253.2=192.168.11.2 253").key,
      set("pp auth username a x", anonymous).key,
      set("pp auth username b x", anonymous).key,
      set("ip lan1 secure filter in 1").key,
      set("ip lan1 secure filter out 1").key,
      set("ip lan2 secure filter in 1").key,
      set("ip route 10.0.0.0/8 gateway 192.168.11.1").key,
      set("ip route 10.0.0.0/16 gateway 192.168.11.1").key,
      set("ipv6 lan1 address 2001:db8::1/64").key,
      set("ipv6 lan1 address ra-prefix@lan2::1/64").key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("re-entering a keyed command overwrites it", () => {
  it.each([
    [
      "ip route 192.168.4.0/24 gateway 192.168.11.251",
      "ip route 192.168.4.0/24 gateway 192.168.11.5 metric 2",
    ],
    ["ip pp remote address pool dhcp", "ip pp remote address pool 192.168.254.1-192.168.254.3"],
    ["nat descriptor type 20 nat", "nat descriptor type 20 masquerade"],
    ["pp auth username someone@somewhere xxxxxxxx", "pp auth username someone@somewhere yyyyyyyy"],
    ["console lines 24", "console lines infinity"],
    [
      "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:cc:dd:ee",
      "dhcp scope bind 1 192.168.5.5 00:30:f5:cc:dd:ff",
    ],
  ])("%s → %s", (first, second) => {
    const context = first.includes(" pp ") || first.startsWith("pp ") ? anonymous : none;
    const a = set(first, context);
    const b = set(second, context);
    expect(b.key).toBe(a.key);
    expect(b.canonical).not.toBe(a.canonical);
  });
});

describe("canonical forms", () => {
  it.each([
    // option 121 has one stored form, hex bytes in lower case
    [
      "dhcp scope option 1 121=18,C0,A8,04,c0,a8,05,05,00,c0,a8,05,01",
      "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
    ],
    [
      "dhcp scope option 1 3=192.168.11.250 6=192.168.11.250",
      "dhcp scope option 1 router=192.168.11.250 dns=192.168.11.250",
    ],
    // schedules gain the every-day date and two-digit hh:mm:ss
    [
      "schedule at 1 0:00 * ntpdate ntp.nict.jp syslog",
      "schedule at 1 */* 00:00:00 * ntpdate ntp.nict.jp syslog",
    ],
    ["schedule at 2 */wed 8:5 * restart", "schedule at 2 */Wed 08:05:00 * restart"],
    ["schedule at 3 +0600 * restart", "schedule at 3 +600 * restart"],
    // numbers print without leading zeros
    ["nat descriptor type 020 nat", "nat descriptor type 20 nat"],
    // passwords print masked
    ["login user admin s3cret", "login user admin *"],
    ["login password encrypted 0123456789abcdef", "login password encrypted *"],
    // quoting is kept as typed
    ['console prompt "[NVR510] "', 'console prompt "[NVR510] "'],
  ])("%s → %s", (typed, shown) => {
    expect(set(typed).canonical).toBe(shown);
  });

  it("gives the runtime the clear login password, never in the canonical text", () => {
    const command = set("login user admin s3cret");
    expect(command.secret).toBe("s3cret");
    expect(command.canonical).not.toContain("s3cret");
    expect(set("login user admin encrypted abcdef").secret).toBeUndefined();
    expect(set('login user admin "p#ss"').secret).toBe("p#ss");
  });

  it("keeps allowlisted families verbatim, keyed by their whole text", () => {
    const command = set("analog arrive permit tel1 on");
    expect(command.canonical).toBe("analog arrive permit tel1 on");
    expect(unset("no analog arrive permit tel1 on")).toEqual({ key: command.key, scope: "global" });
    expect(unset("no analog arrive permit tel1 off").key).not.toBe(command.key);
    const ike = set("ipsec ike encryption 4 aes-cbc", tunnel4);
    expect(ike).toMatchObject({ scope: "tunnel", nested: true });
    expect(parseConfigCommand("ipsec ike encryption 4 aes-cbc", none, MODELS.nvr510)).toEqual({
      ok: false,
      error: "need-tunnel-select",
    });
  });

  it("treats pp disable as the opposite of pp enable", () => {
    const enable = set("pp enable anonymous", anonymous);
    expect(unset("pp disable anonymous", anonymous)).toEqual({ key: enable.key, scope: "pp" });
  });

  it("marks the IKE and SA lines as nested under ipsec tunnel", () => {
    expect(set("ipsec sa policy 4 4 esp aes-cbc sha-hmac", tunnel4).nested).toBe(true);
    expect(set("ipsec ike nat-traversal 4 on", tunnel4).nested).toBe(true);
    expect(set("ipsec tunnel 4", tunnel4).nested).toBe(false);
    expect(set("tunnel enable 4", tunnel4).nested).toBe(false);
  });
});

describe("show config order", () => {
  const sortLines = (lines: string[], context: SimContext = none): string[] =>
    lines
      .map((line) => set(line, context))
      .sort((a, b) => compareOrder(a.order, b.order))
      .map((c) => c.canonical);

  it("groups NAT lines per descriptor, statics by id", () => {
    expect(
      sortLines([
        "nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
        "nat descriptor static 30 10 192.168.253.2=192.168.11.2 1",
        "nat descriptor address inner 30 192.168.11.254",
        "nat descriptor type 40 nat",
        "nat descriptor static 30 2 192.168.253.3=192.168.11.3 1",
        "nat descriptor type 30 nat",
        "nat descriptor address outer 30 192.168.253.254",
      ]),
    ).toEqual([
      "nat descriptor type 30 nat",
      "nat descriptor address outer 30 192.168.253.254",
      "nat descriptor address inner 30 192.168.11.254",
      "nat descriptor static 30 2 192.168.253.3=192.168.11.3 1",
      "nat descriptor static 30 10 192.168.253.2=192.168.11.2 1",
      "nat descriptor type 40 nat",
      "nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
    ]);
  });

  it("prints the seed's final configuration in the router's section order", () => {
    expect(
      sortLines([
        "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
        "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE",
        "dhcp scope 1 192.168.11.2-192.168.11.63/24",
        "dhcp service server",
        "nat descriptor type 30 nat",
        "ip route 192.168.253.240/32 gateway 192.168.11.240",
        "ip lan2 nat descriptor 40",
        "ip lan2 address 192.168.1.51/24",
        "ip lan1 dhcp service relay 192.168.1.51",
        "ip lan1 nat descriptor reverse 30",
        "ip lan1 address 192.168.11.250/24",
        "ip route default gateway pp 1",
      ]),
    ).toEqual([
      "ip route default gateway pp 1",
      "ip route 192.168.253.240/32 gateway 192.168.11.240",
      "ip lan1 address 192.168.11.250/24",
      "ip lan1 nat descriptor reverse 30",
      "ip lan1 dhcp service relay 192.168.1.51",
      "ip lan2 address 192.168.1.51/24",
      "ip lan2 nat descriptor 40",
      "nat descriptor type 30 nat",
      "dhcp service server",
      "dhcp scope 1 192.168.11.2-192.168.11.63/24",
      "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE",
      "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
    ]);
  });

  it("puts pp enable last in its block and pp bind first", () => {
    expect(
      sortLines(
        [
          "pp enable anonymous",
          "ip pp mtu 1280",
          "ip pp remote address pool dhcp",
          "ppp ipcp msext on",
          "ppp ipcp ipaddress on",
          "pp auth username someone@somewhere xxxxxxxx",
          "pp auth request mschap-v2",
          "pp bind tunnel2",
        ],
        anonymous,
      ),
    ).toEqual([
      "pp bind tunnel2",
      "pp auth request mschap-v2",
      "pp auth username someone@somewhere xxxxxxxx",
      "ppp ipcp ipaddress on",
      "ppp ipcp msext on",
      "ip pp remote address pool dhcp",
      "ip pp mtu 1280",
      "pp enable anonymous",
    ]);
  });

  it("puts tunnel template before ipsec tunnel and tunnel enable last", () => {
    expect(
      sortLines(
        [
          "tunnel enable 4",
          "ipsec ike remote address 4 any",
          "ipsec ike pre-shared-key 4 text COMMONKEY",
          "ipsec sa policy 4 4 esp aes-cbc sha-hmac",
          "ipsec tunnel 4",
          "tunnel template 3",
          "tunnel encapsulation l2tp",
        ],
        tunnel4,
      ),
    ).toEqual([
      "tunnel encapsulation l2tp",
      "tunnel template 3",
      "ipsec tunnel 4",
      "ipsec sa policy 4 4 esp aes-cbc sha-hmac",
      "ipsec ike pre-shared-key 4 text COMMONKEY",
      "ipsec ike remote address 4 any",
      "tunnel enable 4",
    ]);
  });
});
