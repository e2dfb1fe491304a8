import { AnalysisError } from "../../provider/errors";
import { reach, type ReachQuery } from "../../provider/analysis/reach";
import { seedNetwork, type SeedConfig } from "./fixtures";

const FILE_SERVER = { ip: "192.168.11.240", proto: "tcp" as const, port: 445 };
const OVERLAPPING = "192.168.11.0/24"; // the client's home LAN is the same as the router's lan1
const ELSEWHERE = "10.20.30.0/24";

function check(
  config: SeedConfig,
  clientLan: string,
  service: ReachQuery["service"] = FILE_SERVER,
  ...edits: [string, string][]
) {
  return reach(seedNetwork(config, ...edits), { clientLan, service });
}

describe("reach: the file server 192.168.11.240 tcp/445 from a VPN client", () => {
  it("original design: an overlapping client cannot reach it and no alias exists", () => {
    const r = check("original", OVERLAPPING);
    expect(r).toMatchObject({ reachable: false, via: null });
    expect(r.reason).toMatch(
      /every pp anonymous pool address lies inside the client's home LAN 192\.168\.11\.0\/24/,
    );
  });

  it("original design: a client from another network reaches it directly", () => {
    expect(check("original", ELSEWHERE)).toMatchObject({ reachable: true, via: "192.168.11.240" });
  });

  it("fix A alone: the overlapping client has a pool address now, but the server is still inside its home LAN", () => {
    const r = check("fix-a-distinct-pool", OVERLAPPING);
    expect(r).toMatchObject({ reachable: false, via: null });
    expect(r.reason).toMatch(/192\.168\.11\.240 lies inside the client's home LAN/);
    expect(r.reason).toMatch(/no static NAT alias maps to 192\.168\.11\.240/);
    expect(check("fix-a-distinct-pool", ELSEWHERE)).toMatchObject({ reachable: true, via: "192.168.11.240" });
  });

  it("fix B: the overlapping client reaches it via 192.168.254.240, with the round trip traced", () => {
    const r = check("fix-b-pp-anonymous-nat", OVERLAPPING);
    expect(r).toMatchObject({ reachable: true, via: "192.168.254.240" });
    expect(r.proof).toMatchObject({
      dst: "192.168.11.240",
      reply: { verdict: "delivered", src: "192.168.254.240" },
    });
  });

  it("fix B on an NVR510 without backward-compatibility 1: the alias does not work", () => {
    const r = check("fix-b-pp-anonymous-nat", OVERLAPPING, FILE_SERVER, [
      "nat descriptor backward-compatibility 1\n",
      "",
    ]);
    expect(r).toMatchObject({ reachable: false, via: null });
    expect(r.reason).toMatch(/192\.168\.254\.240: .*no route to 192\.168\.254\.240/);
  });

  it("fix C: the overlapping client reaches it via 192.168.253.240; others directly", () => {
    expect(check("fix-c-twice-nat", OVERLAPPING)).toMatchObject({ reachable: true, via: "192.168.253.240" });
    expect(check("fix-c-twice-nat", ELSEWHERE)).toMatchObject({ reachable: true, via: "192.168.11.240" });
  });

  it("fix C without the route to the alias: unreachable, and the reason says where it ends", () => {
    const r = check("fix-c-twice-nat", OVERLAPPING, FILE_SERVER, [
      "ip route 192.168.253.240/32 gateway 192.168.11.240\n",
      "",
    ]);
    expect(r.reachable).toBe(false);
    expect(r.reason).toMatch(/192\.168\.253\.240: dropped: no route to 192\.168\.253\.240/);
  });
});

describe("reach: the router's DNS", () => {
  const DNS = { ip: "192.168.11.250", proto: "udp" as const, port: 53 };

  it("the overlapping client reaches 192.168.11.250 through the host route msext gives it", () => {
    expect(check("fix-c-twice-nat", OVERLAPPING, DNS)).toMatchObject({
      reachable: true,
      via: "192.168.11.250",
    });
  });

  it("without msext the DNS address is just another address of the client's home LAN", () => {
    const r = check("fix-c-twice-nat", OVERLAPPING, DNS, [" ppp ipcp msext on\n", ""]);
    expect(r.reason).toMatch(/192\.168\.11\.250 lies inside the client's home LAN/);
  });
});

describe("reach: bad input", () => {
  it("names a malformed client LAN", () => {
    expect(() => check("fix-c-twice-nat", "192.168.11.0")).toThrow(AnalysisError);
    expect(() => check("fix-c-twice-nat", "192.168.11.0")).toThrow(/client-lan: "192\.168\.11\.0"/);
  });

  it("a config without pp anonymous pool has no VPN clients", () => {
    const r = check("fix-c-twice-nat", ELSEWHERE, FILE_SERVER, [
      " ip pp remote address pool 192.168.254.1-192.168.254.3\n",
      "",
    ]);
    expect(r).toMatchObject({ reachable: false, proof: null });
    expect(r.reason).toMatch(/no remote address pool/);
  });
});
