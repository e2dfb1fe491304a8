import { reach } from "../../provider/analysis/reach";
import { lint } from "../../provider/analysis/lint";
import { buildNetwork } from "../../provider/analysis/network";
import { parseConfig } from "../../provider/config/parse";
import { VpnDesignError, designDistinctPoolVpn, designPpAnonymousNatVpn } from "../../provider/vpn";
import { SEED_L2TP, SEED_TEMPLATE_ADDITIONS } from "../resources/seed";
import { commandsOf, lineSet, stageOf } from "./lines";
import { SEED_VPN } from "./seed-inputs";

const VPN = {
  users: [{ name: "someone@somewhere", password: "xxxxxxxx" }],
  preSharedKey: "COMMONKEY",
};
const FILE_SERVER = { ip: "192.168.11.240", proto: "tcp" as const, port: 445 };
const OVERLAPPING = "192.168.11.0/24";

/** The seed's lan lines the fixes leave alone, so the analyses see a whole router. */
const LAN = "ip lan1 address 192.168.11.250/24\nip lan2 address 192.168.1.51/24\n";

function failureOf(f: () => unknown): { property: string; reason: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VpnDesignError) return e.failures;
    throw e;
  }
  throw new Error("accepted");
}

describe("designDistinctPoolVpn (seed (2))", () => {
  it("is the seed's L2TP/IPsec block with its template additions and the distinct pool", () => {
    const d = designDistinctPoolVpn({ vpn: SEED_VPN });
    const seed = [SEED_L2TP, SEED_TEMPLATE_ADDITIONS, "ipsec auto refresh on\nl2tp service on"]
      .join("\n")
      .replace(/xxxxxxxx|COMMONKEY/g, "********");
    expect(lineSet(d.commands)).toEqual(lineSet(commandsOf(seed)));
    expect(d.restartRequired).toBe(false);
  });

  it("says what it does not fix: an overlapping client connects but reaches no LAN host", () => {
    const d = designDistinctPoolVpn({ vpn: VPN });
    expect(d.warnings).toContainEqual(expect.stringMatching(/reaches the router, but not the LAN's hosts/));
    const r = reach(buildNetwork(parseConfig(LAN + d.script, { source: "file" }), "NVR510"), {
      clientLan: OVERLAPPING,
      service: FILE_SERVER,
    });
    expect(r).toMatchObject({ reachable: false });
    expect(r.reason).toMatch(/inside the client's home LAN/);
  });

  it("rejects a pool inside the LAN, naming vpn.pool", () => {
    expect(
      failureOf(() => designDistinctPoolVpn({ vpn: { ...VPN, pool: "192.168.11.200-192.168.11.203" } })),
    ).toContainEqual({
      property: "vpn.pool",
      reason: expect.stringMatching(/lies in the LAN 192\.168\.11\.0\/24/),
    });
  });
});

describe("designPpAnonymousNatVpn (seed (3))", () => {
  const inputs = { vpn: VPN, publishedHosts: { fileserver: "192.168.11.240" } };

  it("is the seed's NVR510 block: descriptor 20, backward-compatibility 1, the binding on pp anonymous (owned by the pool)", () => {
    const d = designPpAnonymousNatVpn(inputs);
    const seed = `pp select anonymous
ip pp nat descriptor 20
pp select none
nat descriptor backward-compatibility 1
nat descriptor type 20 nat
nat descriptor address outer 20 192.168.254.240
nat descriptor address inner 20 192.168.11.240
nat descriptor static 20 1 192.168.254.240=192.168.11.240 1`;
    const ours = lineSet(d.commands);
    expect(ours).toEqual(expect.arrayContaining(lineSet(commandsOf(seed))));
    expect(d.publishedAliases).toEqual({ fileserver: "192.168.254.240" });
    // the pool child binds the descriptor: its stage comes after the descriptor's and the switch it needs
    const pool = d.resources.find((r) => r.kind === "L2tpAnonymousPool");
    expect(pool?.args.natDescriptors).toEqual({ forward: [20] });
    expect(stageOf("L2tpAnonymousPool")).toBeGreaterThan(stageOf("NatDescriptor"));
    expect(stageOf("L2tpAnonymousPool")).toBeGreaterThan(stageOf("GlobalSwitch"));
    const order = d.commands.map((c) => c.command);
    expect(order.indexOf("nat descriptor type 20 nat")).toBeLessThan(
      order.indexOf("ip pp nat descriptor 20"),
    );
  });

  it("warns that the NVR510 needs a restart, and says whether it will happen (restartToApply)", () => {
    const d = designPpAnonymousNatVpn(inputs);
    expect(d.restartRequired).toBe(true);
    expect(d.warnings).toContainEqual(
      expect.stringMatching(/only after a restart.*Restart the router yourself.*restartToApply: true/),
    );
    expect(d.commands.map((c) => c.command)).not.toContain("restart");
    const opted = designPpAnonymousNatVpn({ ...inputs, restartToApply: true });
    expect(opted.warnings).toContainEqual(
      expect.stringMatching(/the router restarts once the line is saved/),
    );
    expect(opted.commands).toEqual(d.commands);
  });

  it("needs no restart on the NVR500 (no port saving), and writes no backward-compatibility line", () => {
    const d = designPpAnonymousNatVpn({ ...inputs, model: "nvr500" });
    expect(d.restartRequired).toBe(false);
    expect(d.script).not.toMatch(/backward-compatibility/);
  });

  it("lets an overlapping client reach the file server via 192.168.254.240, once the switch is active", () => {
    const tree = parseConfig(LAN + designPpAnonymousNatVpn(inputs).script, { source: "file" });
    const r = reach(buildNetwork(tree, "NVR510"), { clientLan: OVERLAPPING, service: FILE_SERVER });
    expect(r).toMatchObject({ reachable: true, via: "192.168.254.240" });
    expect(lint(tree, { model: "NVR510" }).filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      "an alias inside the pool",
      { publishedHosts: { pc: "192.168.11.2" } },
      "publishedHosts.pc",
      /alias 192\.168\.254\.2 is in the pool/,
    ],
    [
      "a host outside the LAN",
      { publishedHosts: { pc: "10.0.0.2" } },
      "publishedHosts.pc",
      /outside the LAN/,
    ],
    ["the router", { publishedHosts: { r: "192.168.11.250" } }, "publishedHosts.r", /router's own address/],
    ["nothing published", { publishedHosts: {} }, "publishedHosts", /at least one host/],
  ])("rejects %s", (_name, edit, property, reason) => {
    expect(failureOf(() => designPpAnonymousNatVpn({ ...inputs, ...edit }))).toContainEqual({
      property,
      reason: expect.stringMatching(reason),
    });
  });
});
