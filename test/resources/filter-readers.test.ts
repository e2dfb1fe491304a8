/**
 * The one reader of the IP filter families (`ip filter`, `ip filter dynamic`, `ip IF secure filter`): hand-written
 * lines for each form the command reference gives (CR §8.1.10, §8.1.14, §8.1.25), refusals naming what is wrong,
 * and every filter line of the real dumps read with its line number.
 */
import * as fs from "fs";
import * as path from "path";
import { IPv4 } from "ip-num";
import { type ConfigLine, indexConfig, parseConfig } from "../../provider/config";
import { ReadError } from "../../provider/errors";
import {
  type AddressItem,
  isIpFilterLine,
  readIpFilterLine,
  readIpFilters,
} from "../../provider/resources/ip-filter";
import {
  isIpFilterDynamicLine,
  readIpFilterDynamicLine,
  readIpFiltersDynamic,
} from "../../provider/resources/ip-filter-dynamic";
import { readSecureFilters } from "../../provider/resources/secure-filter";

const at = (text: string, line = 7): ConfigLine => ({
  text,
  tokens: text.split(" "),
  line,
  indent: 0,
});

const config = (text: string) => indexConfig(parseConfig(text));

/** Whether an address item covers `ip` (undefined for names only the router resolves). */
function covers(item: AddressItem, ip: string): boolean | undefined {
  const a = IPv4.fromString(ip);
  switch (item.kind) {
    case "any":
      return true;
    case "span":
      return !a.isLessThan(item.span.getFirst()) && !a.isGreaterThan(item.span.getLast());
    case "octets":
      return ip.split(".").every((o, i) => item.octets[i] === "*" || item.octets[i] === Number(o));
    default:
      return undefined;
  }
}

describe("ip filter lines", () => {
  it("reads the action, its log suffix and omitted fields as *", () => {
    const r = readIpFilterLine(at("ip filter 200039 reject * *", 30));
    expect(r).toMatchObject({ id: 200039, line: 30, action: "reject", source: [{ kind: "any" }] });
    expect(r.log).toBeUndefined();
    expect(r.protocols).toEqual([{ kind: "any" }]);
    expect(r.ports.destination).toEqual([{ first: 0, last: 65535 }]);
    expect(readIpFilterLine(at("ip filter 1 pass-log * * icmp 8")).log).toBe(true);
    expect(readIpFilterLine(at("ip filter 1 restrict-nolog * * udp * ntp"))).toMatchObject({
      action: "restrict",
      log: false,
      ports: { destination: [{ first: 123, last: 123 }] },
    });
  });

  it("reads address lists, ranges, networks in three mask forms, * octets and names", () => {
    const r = readIpFilterLine(
      at("ip filter 5 pass 10.0.0.1,10.0.0.10-10.0.0.20,-10.0.0.3,192.168.0.0/24 172.16.*.*"),
    );
    const [single, range, below, network] = r.source;
    expect(covers(single, "10.0.0.1")).toBe(true);
    expect(covers(single, "10.0.0.2")).toBe(false);
    expect(covers(range, "10.0.0.15")).toBe(true);
    expect(covers(range, "10.0.0.21")).toBe(false);
    expect(covers(below, "0.0.0.0")).toBe(true);
    expect(covers(below, "10.0.0.4")).toBe(false);
    expect(covers(network, "192.168.0.255")).toBe(true);
    expect(covers(network, "192.168.1.0")).toBe(false);
    expect(covers(r.destination[0], "172.16.9.9")).toBe(true);
    expect(covers(r.destination[0], "172.17.9.9")).toBe(false);
    for (const mask of ["24", "255.255.255.0", "0xffffff00"])
      expect(readIpFilterLine(at(`ip filter 5 pass 192.168.0.0/${mask} *`)).source).toEqual([network]);
    expect(readIpFilterLine(at("ip filter 5 pass 10.0.0.1- *")).source[0]).toMatchObject({ kind: "span" });
    expect(readIpFilterLine(at("ip filter 1 pass * @m365,@windows_update * *")).destination).toEqual([
      { kind: "application", name: "m365" },
      { kind: "application", name: "windows_update" },
    ]);
    expect(readIpFilterLine(at("ip filter 1 pass map-e *.example.jp")).source).toEqual([{ kind: "map-e" }]);
    expect(readIpFilterLine(at("ip filter 1 pass map-e *.example.jp")).destination).toEqual([
      { kind: "fqdn", name: "*.example.jp" },
    ]);
  });

  it("reads protocol lists with flags, established and tcpflag", () => {
    const r = readIpFilterLine(
      at("ip filter 9 pass * * tcp,udp,47,established,tcpflag!=0x0002/0x0017 * 1024-"),
    );
    expect(r.protocols).toEqual([
      { kind: "number", number: 6 },
      { kind: "number", number: 17 },
      { kind: "number", number: 47 },
      { kind: "tcp-flag", name: "established" },
      { kind: "tcpflag", equal: false, value: 2, mask: 0x17 },
    ]);
    expect(r.ports.destination).toEqual([{ first: 1024, last: 65535 }]);
    expect(readIpFilterLine(at("ip filter 9 reject * * icmp-error,tcpsyn")).protocols).toEqual([
      { kind: "icmp-error" },
      { kind: "tcp-flag", name: "tcpsyn" },
    ]);
  });

  it("reads ports with mnemonics (ftp is two) and ICMP type and code when the protocol is icmp alone", () => {
    const r = readIpFilterLine(at("ip filter 3 pass * * tcp ftp,domain,8000-8080 www"));
    expect(r.ports.source).toEqual([
      { first: 20, last: 20 },
      { first: 21, last: 21 },
      { first: 53, last: 53 },
      { first: 8000, last: 8080 },
    ]);
    expect(r.icmp).toBeUndefined();
    const icmp = readIpFilterLine(at("ip filter 1 reject * * icmp 5 1"));
    expect(icmp.icmp).toEqual({ types: [{ first: 5, last: 5 }], codes: [{ first: 1, last: 1 }] });
    expect(icmp.ports.source).toEqual([{ first: 0, last: 65535 }]);
    // With icmp among others the fields are TCP/UDP ports again (CR §8.1.10).
    expect(readIpFilterLine(at("ip filter 1 pass * * icmp,tcp 5 443")).icmp).toBeUndefined();
  });

  it.each([
    ["ip filter 0 pass * *", /id: must be 1\.\.21474836/],
    ["ip filter 21474837 pass * *", /id: must be 1\.\.21474836/],
    ["ip filter 1 allow * *", /action/],
    ["ip filter 1 pass 10.0.0.256 *", /"10\.0\.0\.256" is not an IPv4 address/],
    ["ip filter 1 pass 10.0.0.9-10.0.0.1 *", /reversed/],
    ["ip filter 1 pass 192.168.0.1/24 *", /host bits set; the network is 192\.168\.0\.0\/24/],
    ["ip filter 1 pass 192.168.0.0/255.0.255.0 *", /mask "255\.0\.255\.0"/],
    ["ip filter 1 pass *,10.0.0.1 *", /stands alone/],
    ["ip filter 1 pass 10.0.0.1,,10.0.0.2 *", /empty item/],
    ["ip filter 1 pass * * tcpp", /unknown protocol "tcpp"/],
    ["ip filter 1 pass * * 256", /protocol number 256 must be 0\.\.255/],
    ["ip filter 1 pass * * tcp * 65536", /port 65536 must be 0\.\.65535/],
    ["ip filter 1 pass * * tcp * wwww", /unknown port "wwww"/],
    ["ip filter 1 pass * * tcp * 90-80", /reversed/],
    ["ip filter 1 pass * * tcp * 1,2,3,4,5,6,7,8,9,10,11", /at most 10/],
    ["ip filter 1 pass * * tcp * ftp-30", /cannot end a range/],
    ["ip filter 1 pass * * icmp 256", /ICMP type\/code 256 must be 0\.\.255/],
    ["ip filter 1 pass * * icmp www", /ICMP type\/code "www" must be a number/],
    ["ip filter 1 pass * * tcp * * extra", /"extra" after the destination ports/],
    ["ip filter 1 pass @bad!name *", /application name/],
  ])("refuses %s naming what is wrong", (text, reason) => {
    expect(() => readIpFilterLine(at(text))).toThrow(ReadError);
    expect(() => readIpFilterLine(at(text))).toThrow(reason);
  });
});

describe("ip filter dynamic lines", () => {
  it("reads the application form with options", () => {
    const r = readIpFilterDynamicLine(at("ip filter dynamic 200080 * * ftp syslog=off timeout=60", 32));
    expect(r).toMatchObject({
      id: 200080,
      line: 32,
      protocol: "ftp",
      syslog: false,
      timeout: 60,
      trigger: [],
    });
    expect(readIpFilterDynamicLine(at("ip filter dynamic 1 * * www")).syslog).toBe(true);
  });

  it("reads the filter form's trigger, in and out lists", () => {
    const r = readIpFilterDynamicLine(
      at("ip filter dynamic 1 192.168.0.0/24 * filter 10 11 in 20 out 30 31"),
    );
    expect(r).toMatchObject({ trigger: [10, 11], in: [20], out: [30, 31] });
    expect(r.protocol).toBeUndefined();
    expect(covers(r.source[0], "192.168.0.9")).toBe(true);
  });

  it.each([
    ["ip filter dynamic 0 * * www", /id: must be 1/],
    ["ip filter dynamic 1 * * gopherr", /protocol/],
    ["ip filter dynamic 1 * * www syslog=maybe", /syslog=maybe must be on or off/],
    ["ip filter dynamic 1 * * www timeout=0", /timeout: must be 1/],
    ["ip filter dynamic 1 * * filter", /trigger: must list at least one filter number/],
    ["ip filter dynamic 1 * * filter 10 in x", /in\.0/],
    ["ip filter dynamic 1 * * www extra", /unexpected "extra"/],
    ["ip filter dynamic 1 10.0.0.300 * www", /source/],
  ])("refuses %s", (text, reason) => {
    expect(() => readIpFilterDynamicLine(at(text))).toThrow(reason);
  });
});

describe("secure filter lines", () => {
  it("reads lists at the top level and in pp and tunnel blocks, with their interface and line", () => {
    const c = config(
      [
        "ip lan2 secure filter in 1 2 100",
        "ip lan2 secure filter out 100 dynamic 5 6",
        "ip lan1 secure filter name guests",
        "pp select 1",
        " ip pp secure filter in 200003 200020",
        "tunnel select 1",
        " ip tunnel secure filter out dynamic 7",
        "pp select anonymous",
        " ip pp secure filter in 1",
      ].join("\n"),
    );
    const { read, unreadable } = readSecureFilters(c);
    expect(read).toEqual([
      { interface: "lan2", direction: "in", filters: [1, 2, 100], dynamic: [], line: 1 },
      { interface: "lan2", direction: "out", filters: [100], dynamic: [5, 6], line: 2 },
      { interface: "pp 1", direction: "in", filters: [200003, 200020], dynamic: [], line: 5 },
      { interface: "pp anonymous", direction: "in", filters: [1], dynamic: [], line: 9 },
      { interface: "tunnel 1", direction: "out", filters: [], dynamic: [7], line: 7 },
    ]);
    expect(unreadable).toEqual([
      {
        line: 3,
        text: "ip lan1 secure filter name guests",
        reason: "the name form (a filter set) is not modelled",
      },
    ]);
  });

  it("keeps refused lines apart with the reason and reads the rest", () => {
    const c = config(
      [
        "ip lan1 secure filter in 1 x",
        "ip lan1 secure filter out 0",
        "ip lan9 secure filter in 1",
        "ip lan2 secure filter in 1 1",
        "ip lan3 secure filter in 3",
      ].join("\n"),
    );
    const { read, unreadable } = readSecureFilters(c);
    expect(read.map((r) => r.line)).toEqual([5]);
    expect(unreadable.map((u) => [u.line, u.reason])).toEqual([
      [1, expect.stringMatching(/in\.filters\.1/)],
      [2, expect.stringMatching(/must be 1\.\.21474836/)],
      [3, expect.stringMatching(/lan numbers run 1\.\.8/)],
      [4, expect.stringMatching(/filter 1 is listed twice/)],
    ]);
  });
});

describe("every filter line of the real dumps", () => {
  const DUMPS = "/work/shared/configs";
  const dumps = fs
    .readdirSync(DUMPS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const text = fs.readFileSync(path.join(DUMPS, f), "utf8");
      // Line 1 is a source note: blank it so line numbers stay the file's.
      return [f, `\n${text.split("\n").slice(1).join("\n")}`] as const;
    });

  it.each(dumps)("%s: each filter line is read, none refused, with its file line", (name, text) => {
    const c = config(text);
    const physical = text.split("\n");
    const statics = readIpFilters(c);
    const dynamics = readIpFiltersDynamic(c);
    const secure = readSecureFilters(c);
    expect([...statics.unreadable, ...dynamics.unreadable, ...secure.unreadable]).toEqual([]);
    const all = [...statics.read, ...dynamics.read, ...secure.read];
    for (const r of all) expect(physical[r.line - 1]).toMatch(/(ip filter|secure filter)/);
    // Every line that spells a filter or a list in the file was read (counted from the raw text, not the reader).
    const expected = physical.filter((p) =>
      /^\s*ip (filter (dynamic )?\d+ |\S+ secure filter (in|out) )/.test(p),
    ).length;
    expect(all).toHaveLength(expected);
  });

  it("reads the v6plus dump's filters as the router applies them", () => {
    const [, text] = dumps.find(([n]) => n === "rtx1210-v6plus-mape.txt")!;
    const c = config(text);
    const icmp = readIpFilters(c).read.find((r) => r.id === 200030)!;
    expect(icmp.protocols).toEqual([{ kind: "number", number: 1 }]);
    expect(icmp.icmp).toEqual({ types: [{ first: 0, last: 255 }], codes: [{ first: 0, last: 255 }] });
    expect(covers(icmp.destination[0], "192.168.100.7")).toBe(true);
    expect(readIpFiltersDynamic(c).read.map((d) => d.protocol)).toEqual([
      "ftp",
      "www",
      "smtp",
      "pop3",
      "tcp",
      "udp",
    ]);
    expect(readSecureFilters(c).read).toEqual([
      { interface: "tunnel 1", direction: "in", filters: [200030, 200039], dynamic: [], line: 25 },
      {
        interface: "tunnel 1",
        direction: "out",
        filters: [200099],
        dynamic: [200080, 200082, 200083, 200084, 200098, 200099],
        line: 26,
      },
    ]);
  });

  it("tells the families apart by their words", () => {
    expect(isIpFilterLine("ip filter dynamic 1 * * www".split(" "))).toBe(false);
    expect(isIpFilterLine("ip filter directed-broadcast on".split(" "))).toBe(false);
    expect(isIpFilterDynamicLine("ip filter dynamic timer tcp-idle-time=60".split(" "))).toBe(false);
  });
});
