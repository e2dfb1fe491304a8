/**
 * The typed-object finders (`nvr import`, ConfigLines) and commit-confirmed's free schedule id read their lines
 * through each family's one reader: the identities are the reader's, and a line the reader refuses names no object
 * and fails no import.
 */
import { freeScheduleId } from "../../provider/apply/confirmed";
import { indexConfig } from "../../provider/config/index";
import { parseConfig } from "../../provider/config/parse";
import { generateProgram } from "../../provider/review";
import { readIpv6InterfaceLine } from "../../provider/resources/ipv6-interface";
import { readPpLine } from "../../provider/resources/l2tp-anonymous-pool";
import { readSwitchControlLine } from "../../provider/resources/lan-interface";
import { expressedBy, TYPED_KINDS } from "../../provider/resources/objects";
import { readIpv6PrefixLine } from "../../provider/resources/ipv6-prefix";
import { readScheduleLine } from "../../provider/resources/schedule";
import { readSecureFilters } from "../../provider/resources/secure-filter";

const index = (text: string) => indexConfig(parseConfig(text));

const identities = (text: string) => {
  const c = index(text);
  return Object.fromEntries(
    TYPED_KINDS.map(({ kind, find }) => [kind.kind, find(c).identities]).filter(([, f]) => f.length),
  );
};

describe("typed-object finders", () => {
  test("each family's identities come from its reader's id, not from raw words", () => {
    expect(
      identities(
        [
          "ip lan1 address 192.168.100.1/24",
          "ip lan1/3 address 10.0.0.1/24",
          "switch control use lan2 on",
          "nat descriptor type 1000 masquerade",
          "nat descriptor address outer 1000 primary",
          "dhcp scope 1 192.168.100.2-192.168.100.191/24",
          "dhcp scope bind 1 192.168.100.5 00:a0:de:00:00:01",
          "schedule at 1 */* 04:00:00 * ntpdate ntp.nict.jp",
          "ipv6 prefix 1 ra-prefix@lan2::/64",
          "tunnel select 1",
          " tunnel encapsulation map-e",
          "tunnel select 2",
          " tunnel encapsulation l2tpv3",
          "tunnel select 3",
          " ipsec tunnel 101",
          "",
        ].join("\n"),
      ),
    ).toMatchObject({
      LanInterface: ["lan1", "lan2"],
      NatDescriptor: ["nat descriptor 1000"],
      DhcpScope: ["dhcp scope 1"],
      Schedule: ["schedule at 1"],
      Ipv6Prefix: ["ipv6 prefix 1"],
      MapeTunnel: ["tunnel 1"],
      IpsecSiteTunnel: ["tunnel 2", "tunnel 3"],
    });
  });

  test("hostile lines the readers refuse name no object and do not fail the import", () => {
    const text = [
      "nat descriptor type x masquerade",
      "dhcp scope bind x 192.168.100.5",
      "schedule at x */* 04:00 * ntpdate ntp.nict.jp",
      "schedule at",
      "ipv6 prefix y 2001:db8::/64",
      "tunnel select 1",
      " tunnel template 2-x",
      " tunnel encapsulation map-e",
      "",
    ].join("\n");
    expect(identities(text)).toEqual({ MapeTunnel: ["tunnel 1"] });
    expect(() => expressedBy(index(text))).not.toThrow();
  });
});

describe("finders of routes, secure filter lists, switch control, pppoe use and IPv6 interfaces", () => {
  test("identities come from each family's reader, in every context the family is written in", () => {
    expect(
      identities(
        [
          "ip route 10.0.0.1 gateway 192.168.100.254",
          "ip route default gateway pp 1",
          "ip route 10.1.0.0/16 gateway 192.168.100.254 weight 2 gateway 192.168.100.253 hide",
          "switch control use lan3 on terminal=on",
          "switch control use lan1/2 on",
          "ipv6 lan1 address 2001:db8::1/64",
          "ipv6 lan2 rtadv send 1 o_flag=on",
          "ipv6 lan3 dhcp service server",
          "ipv6 lan4 mtu 1500",
          "ip lan2 secure filter in 1 2",
          "ipv6 lan2 secure filter out 3 dynamic 4",
          "pp select 1",
          " pppoe use lan2",
          " ip pp secure filter in 10",
          " ipv6 pp secure filter in 11",
          "pp select 2",
          " pp bind tunnel1",
          "pp select anonymous",
          " ip pp secure filter out 12",
          "tunnel select 4",
          " ipv6 tunnel secure filter in 13",
          "",
        ].join("\n"),
      ),
    ).toMatchObject({
      StaticRoute: ["ip route 10.0.0.1/32", "ip route default", "ip route 10.1.0.0/16"],
      // lan2 by its `ip lan2 secure filter` line (an interface line; the model it reads is empty, so no object).
      LanInterface: ["lan2", "lan3"],
      PppoeInterface: ["pp 1"],
      Ipv6Interface: ["ipv6 lan1", "ipv6 lan2", "ipv6 lan3"],
      SecureFilter: ["secure filter lan2", "secure filter pp 1", "secure filter pp anonymous"],
      Ipv6SecureFilter: ["ipv6 secure filter lan2", "ipv6 secure filter pp 1", "ipv6 secure filter tunnel 4"],
    });
  });

  test("the ip and ipv6 lists are one reader with one form, the family chosen by the caller", () => {
    const c = index(
      [
        "ip lan2 secure filter in 1 2",
        "ipv6 lan2 secure filter in 1 dynamic 9",
        "pp select 1",
        " ipv6 pp secure filter out 5",
        "",
      ].join("\n"),
    );
    expect(readSecureFilters(c, "ip").read).toEqual([
      { interface: "lan2", direction: "in", filters: [1, 2], dynamic: [], line: 1 },
    ]);
    expect(readSecureFilters(c, "ipv6").read).toEqual([
      { interface: "lan2", direction: "in", filters: [1], dynamic: [9], line: 2 },
      { interface: "pp 1", direction: "out", filters: [5], dynamic: [], line: 4 },
    ]);
  });

  test("switch control use, pppoe use and ipv6 lanN lines read as printed; other lines are not theirs", () => {
    expect(
      readSwitchControlLine({ tokens: ["switch", "control", "use", "lan2", "on", "terminal=off"], line: 4 }),
    ).toEqual({ interface: "lan2", use: "on", options: ["terminal=off"], line: 4 });
    expect(
      readSwitchControlLine({ tokens: ["switch", "control", "function", "set"], line: 1 }),
    ).toBeUndefined();
    expect(readPpLine({ tokens: ["pppoe", "use", "lan2"], line: 3 })).toEqual({
      line: 3,
      item: "pppoe use",
      interface: "lan2",
    });
    expect(readPpLine({ tokens: ["pppoe", "use"], line: 3 })).toBeUndefined();
    expect(
      readIpv6InterfaceLine({ tokens: ["ipv6", "lan2", "rtadv", "send", "1", "2", "m_flag=on"], line: 2 }),
    ).toEqual({
      interface: "lan2",
      line: 2,
      setting: "rtadv send",
      prefixes: [1, 2],
      options: ["m_flag=on"],
    });
    expect(
      readIpv6InterfaceLine({ tokens: ["ipv6", "lan1", "dhcp", "service", "client", "ir=on"], line: 1 }),
    ).toEqual({
      interface: "lan1",
      line: 1,
      setting: "dhcp service",
      mode: "client",
      options: ["ir=on"],
    });
    expect(readIpv6InterfaceLine({ tokens: ["ipv6", "lan1", "mtu", "1500"], line: 1 })).toBeUndefined();
    expect(readIpv6InterfaceLine({ tokens: ["ipv6", "pp", "address", "::1/64"], line: 1 })).toBeUndefined();
  });

  test("a route, filter or secure filter line its reader refuses names no object; import reports it by its line", () => {
    const text = [
      "ip route 10.0.0.0/8 gateway 192.168.100.254",
      "ip route 10.2.0.0/16 gateway 192.168.100.254 gateway 192.168.100.254",
      "ip route 10.3.0.1/16 gateway 192.168.100.254",
      "ip route 10.4.0.0/16 gateway 192.168.100.254 frobnicate",
      "ip filter 1 pass * * tcp",
      "ip filter 2 pass * * tcp x",
      "ip lan1 secure filter in 1 y",
      "ipv6 lan1 secure filter in 200 z",
      "",
    ].join("\n");
    expect(identities(text)).toEqual({
      LanInterface: ["lan1"],
      StaticRoute: ["ip route 10.0.0.0/8"],
      IpFilter: ["ip filter 1"],
    });
    const result = generateProgram(parseConfig(text));
    expect(result.unreadable).toEqual([
      {
        identity: "line 2",
        reason: expect.stringMatching(
          /^cannot read "ip route 10\.2\.0\.0\/16 .*": duplicate gateway 192\.168\.100\.254$/,
        ),
      },
      {
        identity: "line 3",
        reason: expect.stringMatching(
          /^cannot read "ip route 10\.3\.0\.1\/16 .*": has host bits set; the network is 10\.3\.0\.0\/16$/,
        ),
      },
      {
        identity: "line 4",
        reason: expect.stringMatching(
          /^cannot read "ip route 10\.4\.0\.0\/16 .*": the "frobnicate" route option is not modelled$/,
        ),
      },
      { identity: "line 6", reason: expect.stringMatching(/^cannot read "ip filter 2 pass \* \* tcp x": /) },
      {
        identity: "line 7",
        reason: expect.stringMatching(/^cannot read "ip lan1 secure filter in 1 y": in\.filters\.1: /),
      },
      {
        identity: "line 8",
        reason: expect.stringMatching(/^cannot read "ipv6 lan1 secure filter in 200 z": in\.filters\.1: /),
      },
    ]);
    expect(result.program).toContain('//   line 2: cannot read "ip route 10.2.0.0/16');
    // The refused lines stay on the router under ConfigLines; the readable ones are typed.
    expect(result.resources.map((r) => r.identity)).toEqual(
      expect.arrayContaining(["ip route 10.0.0.0/8", "ip filter 1"]),
    );
    expect(result.counts).toEqual({ lines: 8, typed: 2, configLines: 6 });
  });
});

describe("hostile switch control, pppoe use and ipv6 lanN lines", () => {
  test("name no object, or an object whose read failure import reports; the import never fails", () => {
    const text = [
      "switch control use",
      "switch control use lan1 maybe",
      "ipv6 lan1 rtadv send 1 x_flag=on",
      "ipv6 lan2 dhcp service server ir=maybe",
      "ipv6 lan3 address",
      "ipv6 lan4/x address 2001:db8::1/64",
      "pp select 1",
      " pppoe use",
      "pp select 2",
      " pppoe use lan9",
      "",
    ].join("\n");
    expect(identities(text)).toEqual({
      LanInterface: ["lan1"],
      PppoeInterface: ["pp 2"],
      Ipv6Interface: ["ipv6 lan1", "ipv6 lan2", "ipv6 lan3"],
    });
    const result = generateProgram(parseConfig(text));
    expect(result.unreadable).toEqual([
      { identity: "lan1", reason: expect.stringMatching(/only switch control use IF on\|off/) },
      { identity: "pp 2", reason: expect.stringMatching(/^interface: lan9 does not exist/) },
      { identity: "ipv6 lan1", reason: expect.stringMatching(/"x_flag=on" is not modelled/) },
      { identity: "ipv6 lan2", reason: expect.stringMatching(/"ir=maybe" is not modelled/) },
      { identity: "ipv6 lan3", reason: expect.stringMatching(/^cannot read "ipv6 lan3": addresses\[0\]/) },
    ]);
    expect(result.resources.every((r) => r.kind === "ConfigLines")).toBe(true);
  });
});

describe("one reader of schedule at and ipv6 prefix", () => {
  test("readScheduleLine reads the id and leaves the rest as written; other lines are not its", () => {
    expect(readScheduleLine({ tokens: ["schedule", "at", "99", "+60", "*", "restart"], line: 3 })).toEqual({
      id: 99,
      line: 3,
      words: ["+60", "*", "restart"],
    });
    expect(readScheduleLine({ tokens: ["schedule", "at", "x"], line: 1 })).toBeUndefined();
    expect(readScheduleLine({ tokens: ["schedule", "pp", "1"], line: 1 })).toBeUndefined();
  });

  test("readIpv6PrefixLine reads id, prefix and options; a non-number id is not its", () => {
    expect(
      readIpv6PrefixLine({ tokens: ["ipv6", "prefix", "2", "2001:db8::/64", "l_flag=on"], line: 7 }),
    ).toEqual({ id: 2, line: 7, prefix: "2001:db8::/64", options: ["l_flag=on"] });
    expect(readIpv6PrefixLine({ tokens: ["ipv6", "prefix", "y", "2001:db8::/64"], line: 1 })).toBeUndefined();
    expect(readIpv6PrefixLine({ tokens: ["ipv6", "lan1", "prefix"], line: 1 })).toBeUndefined();
  });

  test("freeScheduleId skips the ids schedule at lines use, and a line without a number id takes none", () => {
    const c = index(
      [
        "schedule at 99 */* 04:00:00 * ntpdate ntp.nict.jp",
        "schedule at 100 startup * ntpdate ntp.nict.jp",
        "schedule at x */* 05:00:00 * ntpdate ntp.nict.jp",
        "",
      ].join("\n"),
    );
    expect(freeScheduleId(c)).toBe(101);
    expect(freeScheduleId(index("schedule at 100 startup * ntpdate ntp.nict.jp\n"))).toBe(99);
  });
});
