/**
 * The typed-object finders (`nvr import`, ConfigLines) and commit-confirmed's free schedule id read their lines
 * through each family's one reader: the identities are the reader's, and a line the reader refuses names no object
 * and fails no import.
 */
import { freeScheduleId } from "../../provider/apply/confirmed";
import { indexConfig } from "../../provider/config/index";
import { parseConfig } from "../../provider/config/parse";
import { expressedBy, TYPED_KINDS } from "../../provider/resources/objects";
import { readIpv6PrefixLine } from "../../provider/resources/ipv6-prefix";
import { readScheduleLine } from "../../provider/resources/schedule";

const index = (text: string) => indexConfig(parseConfig(text));

const identities = (text: string) => {
  const c = index(text);
  return Object.fromEntries(
    TYPED_KINDS.map(({ kind, find }) => [kind.kind, find(c)]).filter(([, f]) => f.length),
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
