import { AnalysisError } from "../../provider/errors";
import { readFileSync } from "fs";
import { parseConfig } from "../../provider/config/parse";
import { trace, type TraceQuery } from "../../provider/analysis/trace";
import { buildNetwork } from "../../provider/analysis/network";
import { OPTION121_FIXED, seedNetwork, type SeedConfig } from "./fixtures";

const CLIENT = "192.168.254.1"; // the pool address the seed assumes the VPN client gets
const FILE_SERVER = "192.168.11.240";

function run(config: SeedConfig, query: TraceQuery, ...edits: [string, string][]) {
  return trace(seedNetwork(config, ...edits), query);
}

const smb = (src: string, dst: string, from = "pp:anonymous"): TraceQuery => ({
  in: from,
  src,
  dst,
  proto: "tcp",
  dport: 445,
});

describe("seed (1): clients on the LAN's own network", () => {
  it("a lan1 host answers a VPN client through proxy ARP to pp anonymous", () => {
    const t = run("original", smb(FILE_SERVER, "192.168.11.3", "lan1"));
    expect(t).toMatchObject({
      verdict: "delivered",
      egress: "pp:anonymous",
      src: FILE_SERVER,
      dst: "192.168.11.3",
    });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.11.3",
      dst: FILE_SERVER,
    });
  });

  it("without proxyarp nobody answers ARP for the VPN client, so the file server's answer is lost", () => {
    const t = run("original", smb("192.168.11.3", FILE_SERVER), ["ip lan1 proxyarp on\n", ""]);
    expect(t.verdict).toBe("delivered");
    expect(t.reply?.verdict).toBe("dropped");
    expect(t.reply?.steps.join("\n")).toMatch(/nobody answers ARP for 192\.168\.11\.3 on lan1/);
  });

  it("a packet between two lan1 hosts never enters the router", () => {
    const t = run("original", smb(FILE_SERVER, "192.168.11.100", "lan1"));
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.11.100" });
    expect(t.steps.join("\n")).toMatch(/not through the router/);
  });
});

describe("fix A: a pool of its own", () => {
  it("a client outside 192.168.11.0/24 reaches the file server and gets the answer without proxy ARP", () => {
    const t = run("fix-a-distinct-pool", smb(CLIENT, FILE_SERVER));
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", src: CLIENT, dst: FILE_SERVER });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "pp:anonymous",
      src: FILE_SERVER,
      dst: CLIENT,
    });
  });

  it("a source address outside the pool does not come from pp anonymous", () => {
    expect(run("fix-a-distinct-pool", smb("192.168.254.9", FILE_SERVER)).verdict).toBe("dropped");
  });
});

describe("fix B: static NAT on pp anonymous (descriptor 20)", () => {
  it("192.168.254.240 becomes 192.168.11.240 going in, and the answer comes from 192.168.254.240", () => {
    const t = run("fix-b-pp-anonymous-nat", smb(CLIENT, "192.168.254.240"));
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", src: CLIENT, dst: FILE_SERVER });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "pp:anonymous",
      src: "192.168.254.240",
      dst: CLIENT,
    });
  });

  it("on an NVR510 without backward-compatibility 1 the NAT is inactive and the alias leads nowhere", () => {
    const t = run("fix-b-pp-anonymous-nat", smb(CLIENT, "192.168.254.240"), [
      "nat descriptor backward-compatibility 1\n",
      "",
    ]);
    expect(t.verdict).toBe("dropped");
    expect(t.steps.join("\n")).toMatch(/NAT is inactive on pp anonymous of an NVR510/);
  });

  it("an NVR500 needs no backward-compatibility line", () => {
    const t = run(
      "fix-b-pp-anonymous-nat",
      smb(CLIENT, "192.168.254.240"),
      ["nat descriptor backward-compatibility 1\n", ""],
      ["# NVR510 Rev.15.01.21", "# NVR500 Rev.11.00.41"],
    );
    expect(t).toMatchObject({ verdict: "delivered", dst: FILE_SERVER });
  });

  it("the client reaches the router's DNS 192.168.11.250 although descriptor 20 has no entry for it (type nat passes)", () => {
    const t = run("fix-b-pp-anonymous-nat", {
      in: "pp:anonymous",
      src: CLIENT,
      dst: "192.168.11.250",
      proto: "udp",
      dport: 53,
    });
    expect(t).toMatchObject({ verdict: "router", egress: null, dst: "192.168.11.250" });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "pp:anonymous",
      src: "192.168.11.250",
      dst: CLIENT,
    });
  });

  it("unmatched packets from the client: nat passes them, masquerade rejects them (seed's type table)", () => {
    const other = smb(CLIENT, "192.168.11.5");
    expect(run("fix-b-pp-anonymous-nat", other)).toMatchObject({ verdict: "delivered", dst: "192.168.11.5" });
    const masq = run("fix-b-pp-anonymous-nat", other, [
      "nat descriptor type 20 nat",
      "nat descriptor type 20 masquerade",
    ]);
    expect(masq.verdict).toBe("dropped");
    expect(masq.steps.join("\n")).toMatch(/masquerade incoming reject drops it/);
    const natMasq = run("fix-b-pp-anonymous-nat", other, [
      "nat descriptor type 20 nat",
      "nat descriptor type 20 nat-masquerade",
    ]);
    expect(natMasq.verdict).toBe("delivered");
  });
});

describe("fix C: twice NAT on lan1 (reverse 30) and lan2 (40)", () => {
  it("the VPN client reaches the file server at 192.168.253.240 and the answer comes from that alias", () => {
    const t = run("fix-c-twice-nat", smb(CLIENT, "192.168.253.240"));
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", src: CLIENT, dst: FILE_SERVER });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "pp:anonymous",
      src: "192.168.253.240",
      dst: CLIENT,
    });
  });

  it("a client outside 192.168.11.0/24 still reaches 192.168.11.240 directly: the session keeps the answer untranslated", () => {
    const t = run("fix-c-twice-nat", smb(CLIENT, FILE_SERVER));
    expect(t).toMatchObject({ verdict: "delivered", dst: FILE_SERVER });
    expect(t.reply).toMatchObject({ verdict: "delivered", src: FILE_SERVER, dst: CLIENT });
  });

  it("lan2 → lan1 keeps the real addresses both ways", () => {
    const t = run("fix-c-twice-nat", smb("192.168.1.7", FILE_SERVER, "lan2"));
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", src: "192.168.1.7", dst: FILE_SERVER });
    expect(t.steps.join("\n")).toMatch(/descriptor 40.*192\.168\.11\.240 → 192\.168\.253\.240/);
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan2",
      src: FILE_SERVER,
      dst: "192.168.1.7",
    });
  });

  it("the file server reaches the home gateway 192.168.1.1 on lan2 as itself", () => {
    const t = run("fix-c-twice-nat", {
      in: "lan1",
      src: FILE_SERVER,
      dst: "192.168.1.1",
      proto: "tcp",
      dport: 80,
    });
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan2", src: FILE_SERVER, dst: "192.168.1.1" });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.1.1",
      dst: FILE_SERVER,
    });
  });

  it("other lan1 hosts need a route back for their 192.168.253.x alias (the final config has only .240's)", () => {
    const query: TraceQuery = {
      in: "lan1",
      src: "192.168.11.5",
      dst: "192.168.1.1",
      proto: "tcp",
      dport: 80,
    };
    const bare = run("fix-c-twice-nat", query);
    expect(bare).toMatchObject({ verdict: "delivered", src: "192.168.11.5" });
    expect(bare.reply?.verdict).toBe("dropped");
    expect(bare.reply?.steps.join("\n")).toMatch(/no route to 192\.168\.253\.5/);
    const routed = run("fix-c-twice-nat", query, [
      "ip route 192.168.253.240/32 gateway 192.168.11.240",
      "ip route 192.168.253.0/24 gateway 192.168.11.240",
    ]);
    expect(routed.reply).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.11.5" });
  });

  it("a route through the router's own address skips NAT descriptor 30", () => {
    const t = run("fix-c-twice-nat", smb(CLIENT, "192.168.253.240"), [
      "gateway 192.168.11.240",
      "gateway 192.168.11.250",
    ]);
    expect(t.verdict).toBe("dropped");
    expect(t.steps.join("\n")).toMatch(/router's own address.*NAT is not applied/);
  });
});

describe("the subnet 192.168.4.0/24 behind 192.168.11.251", () => {
  const toSubnet: TraceQuery = {
    in: "lan1",
    src: "192.168.11.5",
    dst: "192.168.4.7",
    proto: "tcp",
    dport: 22,
  };

  it("with a usable option 121 route the lan1 host sends to 192.168.11.251 itself", () => {
    const t = run("fix-c-twice-nat", toSubnet, OPTION121_FIXED);
    expect(t).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.11.5",
      dst: "192.168.4.7",
    });
    expect(t.steps.join("\n")).toMatch(/option 121 route 192\.168\.4\.0\/24 via 192\.168\.11\.251/);
  });

  it("the seed's option 121 (gateway 192.168.5.5) is unusable, so the packet goes to the router and is lost", () => {
    const t = run("fix-c-twice-nat", toSubnet);
    expect(t.verdict).toBe("dropped");
    expect(t.steps.join("\n")).toMatch(/192\.168\.11\.5 → 192\.168\.253\.5/);
  });

  it("forward descriptor 31 restores the source, and makes the router answer ARP for lan1's own hosts", () => {
    const t = run("desc31-forward-nat", toSubnet);
    expect(t).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "192.168.11.5",
      dst: "192.168.4.7",
    });
    expect(t.reply).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "192.168.11.5" });
    const local = run("desc31-forward-nat", { in: "lan1", src: FILE_SERVER, dst: "192.168.11.7" });
    expect(local.steps.join("\n")).toMatch(/outer address of forward NAT descriptor 31 on lan1.*duplicated/);
  });
});

describe("bad queries", () => {
  it("names the unknown interface and the known ones", () => {
    expect(() => run("fix-c-twice-nat", smb(CLIENT, FILE_SERVER, "lan3"))).toThrow(
      /unknown interface "lan3".*lan1, lan2/,
    );
  });

  it("names a malformed address", () => {
    expect(() => run("fix-c-twice-nat", smb("192.168.254.300", FILE_SERVER))).toThrow(AnalysisError);
    expect(() => run("fix-c-twice-nat", smb("192.168.254.300", FILE_SERVER))).toThrow(
      /src: "192\.168\.254\.300"/,
    );
  });
});

describe("a real RTX1500 dump: masquerade on lan2 with a static port for the web server", () => {
  const text = readFileSync("/work/shared/configs/rtx1500-nat-dhcp-serial.txt", "utf8")
    .split("\n")
    .slice(1)
    .join("\n");
  const model = buildNetwork(parseConfig(text));

  it("a lan1 host goes out as the outer address, and the answer comes back to it", () => {
    const t = trace(model, { in: "lan1", src: "10.17.127.10", dst: "8.8.8.8", proto: "udp", dport: 53 });
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan2", src: "172.16.0.60", dst: "8.8.8.8" });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan1",
      src: "8.8.8.8",
      dst: "10.17.127.10",
    });
  });

  it("www on the outer address reaches 10.17.127.4 (masquerade static with a port mnemonic)", () => {
    const t = trace(model, { in: "lan2", src: "172.16.0.9", dst: "172.16.0.60", proto: "tcp", dport: 80 });
    expect(t).toMatchObject({ verdict: "delivered", egress: "lan1", dst: "10.17.127.4" });
    expect(t.reply).toMatchObject({
      verdict: "delivered",
      egress: "lan2",
      src: "172.16.0.60",
      dst: "172.16.0.9",
    });
  });

  it("an unsolicited packet for a lan1 host is rejected by masquerade", () => {
    const t = trace(model, { in: "lan2", src: "172.16.0.9", dst: "10.17.127.10", proto: "tcp", dport: 445 });
    expect(t.verdict).toBe("dropped");
    expect(t.reply).toBeNull();
  });
});

describe("a real RTX1210 dump: MAP-E tunnel with masquerade and secure filters", () => {
  const text = readFileSync("/work/shared/configs/rtx1210-v6plus-mape.txt", "utf8")
    .split("\n")
    .slice(1)
    .join("\n");

  it("lan1 traffic leaves by tunnel 1; the run-time outer address is stated, the filters need a protocol", () => {
    const t = trace(buildNetwork(parseConfig(text)), { in: "lan1", src: "192.168.100.5", dst: "8.8.8.8" });
    expect(t).toMatchObject({ verdict: "delivered", egress: "tunnel:1", dst: "8.8.8.8" });
    const steps = t.steps.join("\n");
    expect(steps).toMatch(/route to 8\.8\.8\.8: ip route 0\.0\.0\.0\/0 \(line \d+\) via tunnel:1/);
    expect(steps).toMatch(/map-e outer address is assigned at run time/);
    expect(steps).toMatch(/tunnel:1 secure filter out \(line 25\) not applied: give the protocol/);
  });
});
