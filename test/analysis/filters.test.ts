import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join as joinPath } from "path";
import { lintCommand } from "../../cli/commands/lint";
import { runIn } from "../cli-helpers";
import { IPv4 } from "ip-num";
import { parseConfig } from "../../provider/config/parse";
import { indexConfig } from "../../provider/config/index";
import { buildNetwork } from "../../provider/analysis/network";
import { trace, type TraceQuery } from "../../provider/analysis/trace";
import { reach } from "../../provider/analysis/reach";
import { lint, type Finding } from "../../provider/analysis/lint";
import {
  evaluateList,
  readFilterSet,
  ruleMatches,
  TCP_FLAGS,
  type FilterPacket,
} from "../../provider/analysis/filters";
import { shadows } from "../../provider/analysis/filter-lint";
import { readIpFilterLine } from "../../provider/resources/ip-filter";
import { seedText } from "./fixtures";

/** The 1-based line of the config holding `fragment` (exactly once). */
function lineOf(text: string, fragment: string): number {
  const hits = text.split("\n").flatMap((l, i) => (l.includes(fragment) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${fragment}" is on ${hits.length} lines`);
  return hits[0];
}

const join = (...lines: string[]) => `${lines.join("\n")}\n`;

/** A packet with its addresses written out. */
type Written = Omit<Partial<FilterPacket>, "src" | "dst"> & { src: string; dst: string };

/** lan1 192.168.100.0/24 behind masquerade on lan2 (203.0.113.2), a web and an SMB host published. */
const MASQUERADE = join(
  "ip route default gateway 203.0.113.1",
  "ip lan1 address 192.168.100.1/24",
  "ip lan1 secure filter in 100 101",
  "ip lan2 address 203.0.113.2/24",
  "ip lan2 secure filter in 10 11 12 13 14",
  "ip lan2 secure filter out 20 21 29 dynamic 30 31",
  "ip lan2 nat descriptor 1",
  "ip filter 10 reject * * tcp * 445",
  "ip filter 11 pass * 192.168.100.10 tcp * www",
  "ip filter 12 pass * 192.168.100.0/24 icmp 0",
  "ip filter 13 reject-nolog * 203.0.113.2 tcp * www",
  "ip filter 14 pass * 192.168.100.0/24 established * *",
  "ip filter 20 reject 192.168.100.66 * * * *",
  "ip filter 21 reject-log * * udp,tcp 135 *",
  "ip filter 29 pass * * * * *",
  "ip filter 40 pass * * tcp * 8080",
  "ip filter 100 pass 192.168.100.0/24 *",
  "ip filter 101 reject * *",
  "ip filter dynamic 30 * * domain",
  "ip filter dynamic 31 * * filter 40",
  "nat descriptor type 1 masquerade",
  "nat descriptor address outer 1 primary",
  "nat descriptor masquerade static 1 1 192.168.100.10 tcp www",
  "nat descriptor masquerade static 1 2 192.168.100.10 tcp 445",
);

const at = (fragment: string, text = MASQUERADE) => lineOf(text, fragment);
const run = (text: string, query: TraceQuery) => trace(buildNetwork(parseConfig(text)), query);
const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no "${from}"`);
  return text.replace(from, to);
};

describe("trace through secure filters: masquerade on lan2", () => {
  it("an inbound packet meets NAT first: the in list sees the inner address the masquerade static entry gives", () => {
    const t = run(MASQUERADE, {
      in: "lan2",
      src: "198.51.100.7",
      dst: "203.0.113.2",
      proto: "tcp",
      dport: 80,
    });
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.100.10" });
    // Filter 13 names the outer address: had the filter come before NAT, it would have rejected.
    expect(t.filters[0]).toMatchObject({
      interface: "lan2",
      direction: "in",
      verdict: "pass",
      by: "filter",
      filter: 11,
      line: at("ip filter 11 "),
      listLine: at("ip lan2 secure filter in"),
      action: "pass",
      log: false,
    });
    expect(t.steps).toContain(`lan2 in: filter 11 (line ${at("ip filter 11 ")}) passes tcp/80`);
    // The answer: lan1 in passes by filter 100, lan2 out by 29 before NAT puts the outer address back.
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan2",
      src: "203.0.113.2",
      dst: "198.51.100.7",
    });
    expect(t.reply?.filters.map((d) => [d.interface, d.direction, d.filter])).toEqual([
      ["lan1", "in", 100],
      ["lan2", "out", 29],
    ]);
  });

  it("the deciding filter is named with its line and carried in JSON: lan2 in: filter 10 rejects tcp/445", () => {
    const t = run(MASQUERADE, {
      in: "lan2",
      src: "198.51.100.7",
      dst: "203.0.113.2",
      proto: "tcp",
      dport: 445,
    });
    expect(t.verdict).toBe("dropped");
    expect(t.reply).toBeNull();
    expect(t.steps).toContain(`dropped: lan2 in: filter 10 (line ${at("ip filter 10 ")}) rejects tcp/445`);
    expect(t.blockedBy).toMatchObject({
      filter: 10,
      line: at("ip filter 10 "),
      verdict: "reject",
      log: true,
    });
    const json = JSON.parse(JSON.stringify(t)) as { blockedBy: { filter: number; line: number } };
    expect(json.blockedBy).toMatchObject({ filter: 10, line: at("ip filter 10 ") });
  });

  it("a packet no filter matches meets the implicit reject, naming the list's line", () => {
    const t = run(MASQUERADE, { in: "lan2", src: "198.51.100.7", dst: "203.0.113.2", proto: "icmp" });
    expect(t.verdict).toBe("dropped");
    expect(t.blockedBy).toMatchObject({ by: "implicit", line: at("ip lan2 secure filter in") });
    expect(t.steps.join("\n")).toMatch(
      /lan2 in: no filter of the list \(line 5\) matches icmp echo request, so it is rejected/,
    );
  });

  it("an outbound packet meets the out list before NAT: the filter sees the inner source", () => {
    const t = run(MASQUERADE, {
      in: "lan1",
      src: "192.168.100.66",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 80,
    });
    expect(t.verdict).toBe("dropped");
    expect(t.blockedBy).toMatchObject({ interface: "lan2", direction: "out", filter: 20 });
    const ok = run(MASQUERADE, {
      in: "lan1",
      src: "192.168.100.5",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 80,
    });
    expect(ok).toMatchObject({ verdict: "delivered", egress: "lan2", src: "203.0.113.2" });
  });

  it("a TCP answer (SYN/ACK) passes `established`; without it the in list rejects the answer", () => {
    const query: TraceQuery = {
      in: "lan1",
      src: "192.168.100.5",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 80,
    };
    const t = run(MASQUERADE, query);
    expect(t.reply).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.100.5" });
    expect(t.reply?.filters[0]).toMatchObject({
      interface: "lan2",
      direction: "in",
      filter: 14,
      by: "filter",
    });
    const without = run(edit(MASQUERADE, "in 10 11 12 13 14", "in 10 11 12 13"), query);
    expect(without.verdict).toBe("delivered");
    expect(without.reply?.verdict).toBe("dropped");
    expect(without.reply?.blockedBy).toMatchObject({ by: "implicit", interface: "lan2", direction: "in" });
  });

  it("a dynamic filter's session lets the answer back in, whatever the in list says (application form: domain)", () => {
    const query: TraceQuery = {
      in: "lan1",
      src: "192.168.100.5",
      dst: "198.51.100.53",
      proto: "udp",
      dport: 53,
    };
    const t = run(MASQUERADE, query);
    expect(t.filters[1]).toMatchObject({
      interface: "lan2",
      direction: "out",
      filter: 29,
      opens: { dynamic: 30, line: at("ip filter dynamic 30") },
    });
    expect(t.reply).toMatchObject({ verdict: "delivered", egress: "lan1" });
    expect(t.reply?.filters[0]).toMatchObject({
      by: "session",
      filter: 30,
      interface: "lan2",
      direction: "in",
    });
    // Without the dynamic filter no static filter of lan2 in passes udp from port 53.
    const without = run(edit(MASQUERADE, "dynamic 30 31", "dynamic 31"), query);
    expect(without.reply?.verdict).toBe("dropped");
    expect(without.reply?.blockedBy).toMatchObject({ by: "implicit" });
  });

  it("a dynamic filter of the filter form opens a session for what its trigger filter describes", () => {
    const t = run(MASQUERADE, {
      in: "lan1",
      src: "192.168.100.5",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 8080,
    });
    expect(t.filters[1]?.opens).toEqual({ dynamic: 31, line: at("ip filter dynamic 31") });
    expect(t.reply?.filters[0]).toMatchObject({ by: "session", filter: 31 });
  });

  it("ICMP type in the filter: the echo reply passes filter 12 (icmp 0), an echo request would not", () => {
    const t = run(MASQUERADE, { in: "lan1", src: "192.168.100.5", dst: "198.51.100.7", proto: "icmp" });
    expect(t.reply?.filters[0]).toMatchObject({
      interface: "lan2",
      direction: "in",
      filter: 12,
      packet: "icmp echo reply",
    });
    expect(t.reply?.verdict).toBe("delivered");
  });

  it("the source port given with --sport is compared (filter 21 rejects source port 135, logged)", () => {
    const t = run(MASQUERADE, {
      in: "lan1",
      src: "192.168.100.5",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 80,
      sport: 135,
    });
    expect(t.blockedBy).toMatchObject({ filter: 21, action: "reject", log: true });
  });

  it("a -nolog filter is carried as log false", () => {
    const text = edit(MASQUERADE, "in 10 11 12 13 14", "in 13 11");
    const t = run(text, { in: "lan2", src: "198.51.100.7", dst: "203.0.113.2", proto: "tcp", dport: 80 });
    // 13 names the outer address, so it never matches after NAT: 11 decides.
    expect(t.filters[0]).toMatchObject({ filter: 11 });
    const nat = run(text, { in: "lan1", src: "192.168.100.5", dst: "203.0.113.2", proto: "tcp", dport: 80 });
    expect(nat.verdict).toBe("router");
    const set = readFilterSet(indexConfig(parseConfig(text)));
    const decision = evaluateList(
      set,
      "lan2",
      { interface: "lan2", direction: "in", filters: [13], dynamic: [], line: 5 },
      {
        src: IPv4.fromString("198.51.100.7"),
        dst: IPv4.fromString("203.0.113.2"),
        protocol: 6,
        sport: 49152,
        dport: 80,
      },
      [],
      { connected: true },
    );
    expect(decision).toMatchObject({ verdict: "reject", filter: 13, log: false });
  });
});

/** Static NAT (type nat): 203.0.113.10 is 192.168.100.20. */
const STATIC_NAT = join(
  "ip route default gateway 203.0.113.1",
  "ip lan1 address 192.168.100.1/24",
  "ip lan2 address 203.0.113.2/24",
  "ip lan2 nat descriptor 2",
  "ip lan2 secure filter in 60 69",
  "ip lan2 secure filter out 71 72 79",
  "nat descriptor type 2 nat",
  "nat descriptor address outer 2 203.0.113.10",
  "nat descriptor address inner 2 192.168.100.20",
  "nat descriptor static 2 1 203.0.113.10=192.168.100.20 1",
  "ip filter 60 pass * 192.168.100.20 tcp * 22",
  "ip filter 69 reject * *",
  "ip filter 71 pass 192.168.100.20 * tcp 22 *",
  "ip filter 72 pass 192.168.100.20 * tcp * 443",
  "ip filter 79 reject * *",
);

describe("trace through secure filters: static NAT on lan2", () => {
  it("inbound: NAT then the in list (filter 60 names the inner address); the answer: the out list then NAT", () => {
    const t = run(STATIC_NAT, {
      in: "lan2",
      src: "198.51.100.7",
      dst: "203.0.113.10",
      proto: "tcp",
      dport: 22,
    });
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.100.20" });
    expect(t.filters[0]).toMatchObject({ filter: 60, line: lineOf(STATIC_NAT, "ip filter 60") });
    expect(t.reply).toMatchObject({ verdict: "delivered", src: "203.0.113.10", dst: "198.51.100.7" });
    expect(t.reply?.filters[0]).toMatchObject({ interface: "lan2", direction: "out", filter: 71 });
  });

  it("outbound: the out list sees the inner source; the answer is rejected by filter 69 (no established, no dynamic)", () => {
    const t = run(STATIC_NAT, {
      in: "lan1",
      src: "192.168.100.20",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 443,
    });
    expect(t).toMatchObject({ verdict: "delivered", src: "203.0.113.10" });
    expect(t.filters[0]).toMatchObject({ direction: "out", filter: 72 });
    expect(t.reply?.verdict).toBe("dropped");
    expect(t.reply?.blockedBy).toMatchObject({ interface: "lan2", direction: "in", filter: 69 });
    const blocked = run(STATIC_NAT, {
      in: "lan1",
      src: "192.168.100.20",
      dst: "198.51.100.7",
      proto: "tcp",
      dport: 25,
    });
    expect(blocked.steps).toContain(
      `dropped: lan2 out: filter 79 (line ${lineOf(STATIC_NAT, "ip filter 79")}) rejects tcp/25`,
    );
  });
});

describe("restrict: passes while the line is connected, never dials", () => {
  const text = join(
    "ip route default gateway pp 1",
    "ip lan1 address 192.168.100.1/24",
    "pp select 1",
    " ip pp secure filter out 50",
    " pppoe use lan2",
    "ip filter 50 restrict * * udp * ntp",
  );
  const query: TraceQuery = {
    in: "lan1",
    src: "192.168.100.5",
    dst: "198.51.100.123",
    proto: "udp",
    dport: 123,
  };

  it("passes on a connected pp line", () => {
    const t = run(text, query);
    expect(t).toMatchObject({ verdict: "delivered", egress: "pp:1" });
    expect(t.filters[0]).toMatchObject({ filter: 50, action: "restrict", verdict: "pass" });
    expect(t.steps.join("\n")).toMatch(/restrict passes udp\/123 while pp:1 is connected/);
  });

  it("rejects when the line is down", () => {
    const t = run(text, { ...query, down: ["pp:1"] });
    expect(t.verdict).toBe("dropped");
    expect(t.blockedBy).toMatchObject({ filter: 50, action: "restrict", verdict: "reject", log: true });
    expect(t.steps.join("\n")).toMatch(
      /restrict rejects udp\/123: pp:1 is not connected and restrict never dials/,
    );
  });
});

describe("filter matching on the readers' typed rules", () => {
  const rule = (text: string) => {
    const tree = parseConfig(`${text}\n`);
    const item = tree.items[0];
    if (item.type !== "line") throw new Error("not a line");
    return readIpFilterLine(item.line);
  };
  const packet = (p: Written): FilterPacket => ({
    protocol: 6,
    sport: 49152,
    dport: 80,
    tcpFlags: TCP_FLAGS.syn,
    ...p,
    src: IPv4.fromString(p.src),
    dst: IPv4.fromString(p.dst),
  });

  it.each<[string, Written, string]>([
    ["ip filter 1 pass 10.0.0.1-10.0.0.9,192.0.2.0/24 *", { src: "10.0.0.5", dst: "1.1.1.1" }, "yes"],
    ["ip filter 1 pass 10.0.0.1-10.0.0.9,192.0.2.0/24 *", { src: "192.0.2.200", dst: "1.1.1.1" }, "yes"],
    ["ip filter 1 pass 10.0.0.1-10.0.0.9,192.0.2.0/24 *", { src: "10.0.0.10", dst: "1.1.1.1" }, "no"],
    ["ip filter 1 pass 172.16.*.* *", { src: "172.16.9.9", dst: "1.1.1.1" }, "yes"],
    ["ip filter 1 pass 172.16.*.* *", { src: "172.17.0.1", dst: "1.1.1.1" }, "no"],
    ["ip filter 1 pass * www.example.jp", { src: "10.0.0.1", dst: "1.1.1.1" }, "unknown"],
    [
      "ip filter 1 pass * * tcp,udp * domain",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 17, dport: 53 },
      "yes",
    ],
    [
      "ip filter 1 pass * * tcp,udp * domain",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 6, dport: 80 },
      "no",
    ],
    ["ip filter 1 pass * * tcp * ftp", { src: "10.0.0.1", dst: "1.1.1.1", dport: 20 }, "yes"],
    ["ip filter 1 pass * * tcp * 1024-", { src: "10.0.0.1", dst: "1.1.1.1", dport: 8080 }, "yes"],
    ["ip filter 1 pass * * tcp * 1024-", { src: "10.0.0.1", dst: "1.1.1.1", dport: 80 }, "no"],
    ["ip filter 1 pass * * tcpsyn", { src: "10.0.0.1", dst: "1.1.1.1" }, "yes"],
    ["ip filter 1 pass * * established", { src: "10.0.0.1", dst: "1.1.1.1" }, "no"],
    ["ip filter 1 pass * * established", { src: "10.0.0.1", dst: "1.1.1.1", tcpFlags: 0x12 }, "yes"],
    ["ip filter 1 pass * * tcpflag=0x0002/0x0012", { src: "10.0.0.1", dst: "1.1.1.1" }, "yes"],
    ["ip filter 1 pass * * tcpflag=0x0002/0x0012", { src: "10.0.0.1", dst: "1.1.1.1", tcpFlags: 0x12 }, "no"],
    [
      "ip filter 1 pass * * tcpflag!=0x0002/0x0012",
      { src: "10.0.0.1", dst: "1.1.1.1", tcpFlags: 0x12 },
      "yes",
    ],
    [
      "ip filter 1 pass * * icmp 3 4",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 1, icmp: { type: 3, code: 4 } },
      "yes",
    ],
    [
      "ip filter 1 pass * * icmp 3 4",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 1, icmp: { type: 3, code: 1 } },
      "no",
    ],
    [
      "ip filter 1 pass * * icmp-info",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 1, icmp: { type: 8, code: 0 } },
      "yes",
    ],
    [
      "ip filter 1 pass * * icmp-error",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 1, icmp: { type: 8, code: 0 } },
      "no",
    ],
    // Ports are compared only on TCP/UDP: an ICMP packet matches `* * * 135 *`.
    [
      "ip filter 1 reject * * * 135 *",
      { src: "10.0.0.1", dst: "1.1.1.1", protocol: 1, icmp: { type: 8, code: 0 } },
      "yes",
    ],
    ["ip filter 1 pass * * esp", { src: "10.0.0.1", dst: "1.1.1.1", protocol: 50 }, "yes"],
  ])("%s on %j → %s", (line, p, expected) => {
    expect(ruleMatches(rule(line), packet(p))).toBe(expected);
  });

  it("shadowing is proven per field", () => {
    expect(shadows(rule("ip filter 1 pass 192.168.0.0/16 *"), rule("ip filter 2 reject 192.168.1.1 *"))).toBe(
      true,
    );
    expect(shadows(rule("ip filter 1 pass 192.168.*.* *"), rule("ip filter 2 reject 192.168.1.0/24 *"))).toBe(
      true,
    );
    expect(shadows(rule("ip filter 1 pass * * tcp * 80-90"), rule("ip filter 2 reject * * tcp * www"))).toBe(
      true,
    );
    expect(
      shadows(rule("ip filter 1 pass * * tcp * 80-90"), rule("ip filter 2 reject * * tcp,udp * www")),
    ).toBe(false);
    expect(shadows(rule("ip filter 1 pass * * tcp"), rule("ip filter 2 reject * * established"))).toBe(true);
    expect(shadows(rule("ip filter 1 pass * * icmp"), rule("ip filter 2 reject * * icmp 8"))).toBe(true);
    expect(shadows(rule("ip filter 1 pass * * icmp 8"), rule("ip filter 2 reject * * icmp"))).toBe(false);
    expect(shadows(rule("ip filter 1 pass 192.168.1.1 *"), rule("ip filter 2 reject 192.168.0.0/16 *"))).toBe(
      false,
    );
    expect(shadows(rule("ip filter 1 pass * * udp"), rule("ip filter 2 reject * * esp"))).toBe(false);
  });
});

describe("reach through filters (the seed's twice NAT)", () => {
  const FILE_SERVER = { ip: "192.168.11.240", proto: "tcp" as const, port: 445 };
  const withFilters = (...edits: [string, string][]) =>
    seedText(
      "fix-c-twice-nat",
      ["ip lan1 nat descriptor reverse 30\n", "ip lan1 nat descriptor reverse 30\n"],
      ...edits,
    );

  it("reports the lan1 out filter that blocks SMB to the alias, with its line", () => {
    const text = withFilters(
      [
        "ip lan1 dhcp service relay 192.168.1.51\n",
        "ip lan1 dhcp service relay 192.168.1.51\nip lan1 secure filter out 1 2\n",
      ],
      ["l2tp service on\n", "l2tp service on\nip filter 1 reject * * tcp * 445\nip filter 2 pass * *\n"],
    );
    const r = reach(buildNetwork(parseConfig(text)), { clientLan: "192.168.11.0/24", service: FILE_SERVER });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({
      interface: "lan1",
      direction: "out",
      filter: 1,
      line: lineOf(text, "ip filter 1 reject"),
    });
    expect(r.reason).toMatch(/lan1 out: filter 1 \(line \d+\) rejects tcp\/445/);
  });

  it("the reply path honours dynamic filters: lan1 in rejects everything but the session of dynamic filter 5", () => {
    const lists = "ip lan1 secure filter in 9\nip lan1 secure filter out 2 dynamic 5\n";
    const filters = "ip filter 2 pass * *\nip filter 9 reject * *\nip filter dynamic 5 * * tcp\n";
    const text = withFilters(
      ["ip lan1 dhcp service relay 192.168.1.51\n", `ip lan1 dhcp service relay 192.168.1.51\n${lists}`],
      ["l2tp service on\n", `l2tp service on\n${filters}`],
    );
    const r = reach(buildNetwork(parseConfig(text)), { clientLan: "192.168.11.0/24", service: FILE_SERVER });
    expect(r).toMatchObject({ reachable: true, via: "192.168.253.240", blockedBy: null });
    expect(r.proof?.reply?.filters[0]).toMatchObject({
      interface: "lan1",
      direction: "in",
      by: "session",
      filter: 5,
    });
    const noDynamic = edit(text, "out 2 dynamic 5", "out 2");
    const blocked = reach(buildNetwork(parseConfig(noDynamic)), {
      clientLan: "192.168.11.0/24",
      service: FILE_SERVER,
    });
    expect(blocked.reachable).toBe(false);
    expect(blocked.blockedBy).toMatchObject({ interface: "lan1", direction: "in", filter: 9 });
  });

  it("pp anonymous in: a list passing the pool lets the client in; one that does not blocks it", () => {
    const text = seedText(
      "fix-c-twice-nat",
      [" ip pp mtu 1280\n", " ip pp mtu 1280\n ip pp secure filter in 3\n"],
      ["l2tp service on\n", "l2tp service on\nip filter 3 pass 192.168.254.0/24 *\n"],
    );
    const ok = reach(buildNetwork(parseConfig(text)), { clientLan: "192.168.11.0/24", service: FILE_SERVER });
    expect(ok.reachable).toBe(true);
    expect(ok.proof?.filters[0]).toMatchObject({ interface: "pp:anonymous", direction: "in", filter: 3 });
    const other = edit(text, "pass 192.168.254.0/24 *", "pass 10.0.0.0/8 *");
    const no = reach(buildNetwork(parseConfig(other)), {
      clientLan: "192.168.11.0/24",
      service: FILE_SERVER,
    });
    expect(no.blockedBy).toMatchObject({ interface: "pp:anonymous", by: "implicit" });
  });
});

const codes = (findings: Finding[], prefix = "") =>
  findings.map((f) => f.code).filter((c) => c.startsWith(prefix));
const lintText = (text: string) => lint(parseConfig(text));
const only = (text: string, code: string) => lintText(text).filter((f) => f.code === code);

describe("lint: filter rules", () => {
  const VPN = join(
    "ip route default gateway 203.0.113.1",
    "ip lan1 address 192.168.100.1/24",
    "ip lan2 address 203.0.113.2/24",
    "ip lan2 secure filter in 1 2 3 9",
    "ip lan2 nat descriptor 1",
    "pp select anonymous",
    " pp bind tunnel1",
    " ip pp remote address pool 192.168.200.1-192.168.200.4",
    "tunnel select 1",
    " tunnel encapsulation l2tp",
    " ipsec tunnel 1",
    "  ipsec sa policy 1 1 esp aes-cbc sha-hmac",
    "ip filter 1 pass * 192.168.100.1 udp * 500",
    "ip filter 2 pass * 192.168.100.1 esp * *",
    "ip filter 3 pass * 192.168.100.1 udp * 4500,1701",
    "ip filter 9 reject * *",
    "nat descriptor type 1 masquerade",
    "nat descriptor address outer 1 primary",
    "nat descriptor masquerade static 1 1 192.168.100.1 udp 500",
    "nat descriptor masquerade static 1 2 192.168.100.1 esp",
    "nat descriptor masquerade static 1 3 192.168.100.1 udp 4500",
    "nat descriptor masquerade static 1 4 192.168.100.1 udp 1701",
    "ipsec transport 1 1 udp 1701",
    "l2tp service on",
  );

  it("VPN_BLOCKED_BY_SECURE_FILTER: the upstream in list drops ESP; with every VPN port passed, no finding", () => {
    expect(only(VPN, "VPN_BLOCKED_BY_SECURE_FILTER")).toEqual([]);
    const text = edit(VPN, "in 1 2 3 9", "in 1 3 9");
    const [f] = only(text, "VPN_BLOCKED_BY_SECURE_FILTER");
    expect(f).toMatchObject({ severity: "error" });
    expect(f.lines).toEqual(
      [
        lineOf(text, "l2tp service on"),
        lineOf(text, "tunnel select 1"),
        lineOf(text, "secure filter in"),
        lineOf(text, "ip filter 9"),
      ].sort((a, b) => a - b),
    );
    expect(f.message).toMatch(
      /L2TP\/IPsec is enabled but lan2's secure filter in \(line 4\) on the upstream interface drops esp \(filter 9, line \d+\)/,
    );
    expect(f.hint).toMatch(/ip filter N pass \* \* esp/);
    // udp 1701 and 4500: filter 3 passes both; removing it drops both.
    const no3 = only(edit(VPN, "in 1 2 3 9", "in 1 2 9"), "VPN_BLOCKED_BY_SECURE_FILTER")[0];
    expect(no3.message).toMatch(/udp\/4500 \(filter 9, line \d+\), udp\/1701 \(filter 9/);
  });

  it("VPN_BLOCKED_BY_SECURE_FILTER: without the masquerade static entries the filters see the outer address", () => {
    const text = edit(VPN, "nat descriptor masquerade static 1 1 192.168.100.1 udp 500\n", "");
    const [f] = only(text, "VPN_BLOCKED_BY_SECURE_FILTER");
    expect(f.message).toMatch(/drops udp\/500 \(filter 9/);
  });

  it("SECURE_FILTER_UNDEFINED names the missing static and dynamic filters on the list's line", () => {
    const text = edit(VPN, "in 1 2 3 9", "in 1 2 3 7 9 dynamic 8");
    const [f] = only(text, "SECURE_FILTER_UNDEFINED");
    expect(f).toMatchObject({ severity: "error", lines: [4] });
    expect(f.message).toMatch(/names filter 7, filter dynamic 8/);
    expect(f.hint).toMatch(/define ip filter 7 \.\.\., ip filter dynamic 8 \.\.\./);
    expect(only(VPN, "SECURE_FILTER_UNDEFINED")).toEqual([]);
  });

  it("FILTER_SHADOWED: a filter an earlier one of the same list covers can never match", () => {
    const text = edit(
      edit(VPN, "in 1 2 3 9", "in 9 1 2 3"),
      "ip filter 9 reject * *",
      "ip filter 9 reject * *",
    );
    const found = only(text, "FILTER_SHADOWED");
    expect(found.map((f) => f.lines)).toEqual(
      [1, 2, 3].map((n) =>
        [4, lineOf(text, `ip filter ${n} `), lineOf(text, "ip filter 9")].sort((a, b) => a - b),
      ),
    );
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0].message).toMatch(
      /filter 1 \(line \d+\) can never match: filter 9 \(line \d+\) before it/,
    );
    expect(found[0].hint).toMatch(/list filter 1 before filter 9/);
    expect(only(VPN, "FILTER_SHADOWED")).toEqual([]);
  });

  it("DYNAMIC_FILTER_TRIGGER_UNDEFINED: a dynamic filter whose trigger filter is missing", () => {
    const text = edit(
      VPN,
      "l2tp service on\n",
      "l2tp service on\nip filter dynamic 20 * * filter 21 in 22\nip filter 22 pass * * tcp\n",
    );
    const [f] = only(text, "DYNAMIC_FILTER_TRIGGER_UNDEFINED");
    expect(f).toMatchObject({ severity: "error", lines: [lineOf(text, "ip filter dynamic 20")] });
    expect(f.message).toMatch(/names static filter 21/);
    const fixed = edit(
      text,
      "ip filter 22 pass * * tcp",
      "ip filter 21 pass * * tcp\nip filter 22 pass * * tcp",
    );
    expect(only(fixed, "DYNAMIC_FILTER_TRIGGER_UNDEFINED")).toEqual([]);
  });

  it("VPN_POOL_BLOCKED_BY_LAN_FILTER: the LAN's out list drops the pool's traffic", () => {
    const text = edit(
      edit(VPN, "ip lan2 address", "ip lan1 secure filter out 30 31\nip lan2 address"),
      "l2tp service on\n",
      "l2tp service on\nip filter 30 pass 192.168.100.0/24 *\nip filter 31 reject-nolog * * tcp * 445\n",
    );
    const [f] = only(text, "VPN_POOL_BLOCKED_BY_LAN_FILTER");
    expect(f).toMatchObject({ severity: "error" });
    expect(f.message).toMatch(
      /lan1's secure filter out \(line 3\) drops all traffic from VPN clients \(pool address 192\.168\.200\.1\)/,
    );
    expect(f.hint).toMatch(/ip filter N pass 192\.168\.200\.1-192\.168\.200\.4 \*/);
    const some = edit(text, "ip filter 30 pass 192.168.100.0/24 *", "ip filter 30 pass * * udp,icmp");
    expect(only(some, "VPN_POOL_BLOCKED_BY_LAN_FILTER")[0]).toMatchObject({ severity: "warning" });
    const passing = edit(
      text,
      "ip filter 30 pass 192.168.100.0/24 *",
      "ip filter 30 pass 192.168.200.0/24 *",
    );
    expect(only(passing, "VPN_POOL_BLOCKED_BY_LAN_FILTER")).toEqual([]);
  });
});

describe("lint: a LAN without hosts", () => {
  it("a /32 LAN's out list is not checked against pool traffic (no host to send to)", () => {
    const text = join(
      "ip lan1 address 192.168.100.1/32",
      "ip lan1 secure filter out 1",
      "ip filter 1 reject * *",
      "pp select anonymous",
      " ip pp remote address pool 192.168.200.1-192.168.200.4",
    );
    expect(only(text, "VPN_POOL_BLOCKED_BY_LAN_FILTER")).toEqual([]);
    const wider = edit(text, "192.168.100.1/32", "192.168.100.1/24");
    expect(only(wider, "VPN_POOL_BLOCKED_BY_LAN_FILTER")).toHaveLength(1);
  });
});

describe("lint: a filter line its reader refuses", () => {
  it("FILTER_UNREADABLE names the line and the reason, and a list naming it reports the filter undefined", () => {
    const text = join(
      "ip lan1 address 192.168.100.1/24",
      "ip lan1 secure filter in 1",
      "ip filter 1 pass 10.0.0.9-10.0.0.1 *",
    );
    const [f] = only(text, "FILTER_UNREADABLE");
    expect(f).toMatchObject({ severity: "warning", lines: [3] });
    expect(f.message).toMatch(/^ip filter 1 pass 10\.0\.0\.9-10\.0\.0\.1 \*: .*reversed/);
    expect(only(text, "SECURE_FILTER_UNDEFINED")).toHaveLength(1);
  });
});

describe("the shared real configs", () => {
  const real = (name: string) =>
    readFileSync(`/work/shared/configs/${name}.txt`, "utf8").split("\n").slice(1).join("\n");

  describe("rtx1210-v6plus-mape: tunnel 1 with masquerade (map-e) and a stateful firewall", () => {
    const text = real("rtx1210-v6plus-mape");
    const model = buildNetwork(parseConfig(text));
    const out = (proto: "tcp" | "udp" | "icmp", dport?: number) =>
      trace(model, { in: "lan1", src: "192.168.100.5", dst: "8.8.8.8", proto, dport });

    it("https out passes filter 200099; dynamic filter 200098 (tcp) lets the answer back through the in list", () => {
      const t = out("tcp", 443);
      expect(t.filters[0]).toMatchObject({
        interface: "tunnel:1",
        direction: "out",
        filter: 200099,
        line: lineOf(text, "ip filter 200099 pass"),
        opens: { dynamic: 200098, line: lineOf(text, "ip filter dynamic 200098") },
      });
      expect(t.reply).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.100.5" });
      expect(t.reply?.filters[0]).toMatchObject({
        interface: "tunnel:1",
        direction: "in",
        by: "session",
        filter: 200098,
      });
    });

    it("www opens dynamic filter 200082 (the first of the list that matches), dns udp 200099", () => {
      expect(out("tcp", 80).filters[0]?.opens?.dynamic).toBe(200082);
      expect(out("udp", 53).filters[0]?.opens?.dynamic).toBe(200099);
    });

    it("a ping's echo reply passes filter 200030 (icmp to 192.168.100.0/24), which sees the inner address", () => {
      const t = out("icmp");
      expect(t.reply?.filters[0]).toMatchObject({
        direction: "in",
        filter: 200030,
        line: lineOf(text, "ip filter 200030"),
      });
      expect(t.reply?.verdict).toBe("delivered");
    });

    it("without the dynamic filters, the answer to https is rejected by filter 200039", () => {
      const noDynamic = edit(text, "200099 dynamic 200080 200082 200083 200084 200098 200099", "200099");
      const t = trace(buildNetwork(parseConfig(noDynamic)), {
        in: "lan1",
        src: "192.168.100.5",
        dst: "8.8.8.8",
        proto: "tcp",
        dport: 443,
      });
      expect(t.reply?.verdict).toBe("dropped");
      const line = lineOf(text, "ip filter 200039 reject");
      expect(t.reply?.blockedBy).toMatchObject({ filter: 200039, line });
      expect(t.reply?.steps).toContain(
        `dropped: tunnel:1 in: filter 200039 (line ${line}) rejects tcp/49152`,
      );
    });

    it("nvr lint prints the codes, lines and fixes when the firewall is broken", async () => {
      const dir = mkdtempSync(joinPath(tmpdir(), "nvr-filters-"));
      try {
        const file = joinPath(dir, "v6plus.txt");
        // Filter 200039 gone, and a pass-all first in the tunnel's in list.
        writeFileSync(
          file,
          edit(
            edit(text, "ip filter 200039 reject * *\n", ""),
            "ip tunnel secure filter in 200030 200039",
            "ip tunnel secure filter in 200099 200030 200039",
          ),
        );
        const res = await runIn(lintCommand, [file], {});
        expect(res.status).toBe(1);
        const list = lineOf(text, "ip tunnel secure filter in");
        expect(res.stdout).toContain(
          `${file}:${list}: error SECURE_FILTER_UNDEFINED: tunnel:1's secure filter in (line ${list}) names filter 200039`,
        );
        expect(res.stdout).toMatch(
          new RegExp(
            `^${file}:${list},\\d+,\\d+: warning FILTER_SHADOWED: in tunnel:1's secure filter in \\(line ${list}\\), filter 200030 \\(line \\d+\\) can never match: filter 200099`,
            "m",
          ),
        );
        expect(res.stdout).toMatch(
          /^ {2}fix: list filter 200030 before filter 200099, narrow filter 200099, or remove filter 200030$/m,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("lints clean of filter findings: every listed filter is defined, none shadowed, no VPN", () => {
      expect(
        codes(lintText(text), "FILTER").concat(codes(lintText(text), "SECURE"), codes(lintText(text), "VPN")),
      ).toEqual([]);
    });
  });

  it.each([
    "rtx1100-ipsec-pppoe-rt1",
    "rtx1500-nat-dhcp-serial",
    "rtx830-l2tpv3-ipsec-initiator",
    "rtx1210-factory-default",
  ])("%s: no secure filter lists, so no filter finding and no filter step", (name) => {
    const text = real(name);
    const findings = lintText(text);
    expect(findings.filter((f) => /FILTER|VPN_BLOCKED|VPN_POOL/.test(f.code))).toEqual([]);
    const model = buildNetwork(parseConfig(text));
    expect([...model.interfaces.values()].every((i) => !i.filters.in && !i.filters.out)).toBe(true);
  });

  it("rtx1210-factory-default: its `ip filter 500000 restrict` is read, but no list applies it", () => {
    const model = buildNetwork(parseConfig(real("rtx1210-factory-default")));
    expect(model.ipFilters.static.get(500000)).toMatchObject({ action: "restrict" });
  });

  it("rtx1100: an IPsec router behind masquerade; a standard WAN in list without ESP is caught", () => {
    const text = edit(
      real("rtx1100-ipsec-pppoe-rt1"),
      " ppp ipcp ipaddress on\n",
      " ppp ipcp ipaddress on\n ip pp secure filter in 200020 200099\n ip pp nat descriptor 1\n",
    );
    const withFilters = `${text}ip filter 200020 pass * 192.168.1.1 udp * 500\nip filter 200099 reject * *\n`;
    const [f] = only(withFilters, "VPN_BLOCKED_BY_SECURE_FILTER");
    expect(f.message).toMatch(
      /IPsec \(IKE\) is enabled but pp:1's secure filter in \(line \d+\) on the upstream interface drops udp\/4500 \(filter 200099, line \d+\), esp \(filter 200099/,
    );
  });
});
