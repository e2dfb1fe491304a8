import { reach } from "../../provider/analysis/reach";
import { lint } from "../../provider/analysis/lint";
import { buildNetwork } from "../../provider/analysis/network";
import { indexConfig } from "../../provider/config";
import { parseConfig } from "../../provider/config/parse";
import { StaticRoutes } from "../../provider/resources";
import { type OverlapSafeVpnInputs, VpnDesignError, designOverlapSafeVpn } from "../../provider/vpn";
import { SEED_FINAL, SEED_L2TP, SEED_TEMPLATE_ADDITIONS } from "../resources/seed";
import { commandsOf, difference, lineSet, stageOf } from "./lines";
import { SEED_INPUTS } from "./seed-inputs";

const FILE_SERVER = { ip: "192.168.11.240", proto: "tcp" as const, port: 445 };

function with_(edit: (i: OverlapSafeVpnInputs) => OverlapSafeVpnInputs): OverlapSafeVpnInputs {
  return edit(structuredClone(SEED_INPUTS));
}

const linesOf = (inputs: OverlapSafeVpnInputs) => lineSet(designOverlapSafeVpn(inputs).commands);

/** The failures a design rejects the inputs with. */
function failures(inputs: OverlapSafeVpnInputs): { property: string; reason: string }[] {
  try {
    designOverlapSafeVpn(inputs);
  } catch (e) {
    if (e instanceof VpnDesignError) return e.failures;
    throw e;
  }
  throw new Error("the design accepted the inputs");
}

describe("designOverlapSafeVpn: golden against the seed's final configuration", () => {
  /**
   * The seed's lines: (1)'s L2TP/IPsec block with its template additions and (2)'s pool, (1)'s global switches,
   * the final configuration (最終的な設定) and the DHCP Relay block's rfc2131 line. Differences on purpose:
   * - secrets: the script masks them, so the seed's xxxxxxxx passwords and COMMONKEY read ********;
   * - option 121: the seed hands out 192.168.4.0/24 via 192.168.5.5 and the default via 192.168.5.1, both outside
   *   its own 192.168.11.0/24 scope, so no client could use them (it came from a 192.168.5.0/24 experiment). The
   *   design uses the subnet router's lan1 address 192.168.11.251 and the router 192.168.11.250 as default;
   * - the seed's bind 192.168.5.5 for that subnet router is outside the scope network and is dropped: the router at
   *   192.168.11.251 lies outside the DHCP range, so it has a fixed address (binds stay an input).
   */
  const SEED = [
    SEED_L2TP,
    SEED_TEMPLATE_ADDITIONS,
    "ipsec auto refresh on\nl2tp service on",
    SEED_FINAL,
    "dhcp server rfc2131 compliant except remain-silent",
  ]
    .join("\n")
    .replace(/xxxxxxxx|COMMONKEY/g, "********")
    .replace(
      "classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
      "classless_static_route=18,c0,a8,04,c0,a8,0b,fb,00,c0,a8,0b,fa",
    )
    .replace("dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE\n", "");

  it("produces exactly the seed's lines (as the config they leave on the router)", () => {
    const design = designOverlapSafeVpn(SEED_INPUTS);
    expect(lineSet(design.commands)).toEqual(lineSet(commandsOf(SEED)));
    // The script is the same commands, typed: replaying it gives the same config.
    expect(lineSet(commandsOf(design.script))).toEqual(lineSet(design.commands));
  });

  it("orders commands as the device needs them", () => {
    const order = designOverlapSafeVpn(SEED_INPUTS).commands.map((c) => c.command);
    const at = (prefix: string) => {
      const i = order.findIndex((c) => c.startsWith(prefix));
      expect(i).toBeGreaterThanOrEqual(0);
      return i;
    };
    // A descriptor exists before an interface applies it (an applied undefined descriptor translates nothing).
    expect(at("nat descriptor static 30")).toBeLessThan(at("ip lan1 nat descriptor reverse 30"));
    expect(at("nat descriptor static 40")).toBeLessThan(at("ip lan2 nat descriptor 40"));
    // lan1 relays to lan2's address, and the server answers there: both in place before the relay.
    expect(at("ip lan2 address")).toBeLessThan(at("ip lan1 dhcp service relay"));
    expect(at("dhcp service server")).toBeLessThan(at("ip lan1 dhcp service relay"));
    expect(at("dhcp scope 1 ")).toBeLessThan(at("dhcp scope option 1"));
    expect(at("ipsec transport 2 2")).toBeLessThan(at("ipsec transport template 2"));
    expect(at("pp enable anonymous")).toBeLessThan(at("l2tp service on"));
  });

  it("lists children with dependencies that delete interfaces (unbinding) before their descriptors", () => {
    const { resources } = designOverlapSafeVpn(SEED_INPUTS);
    const byName = new Map(resources.map((r) => [r.name, r]));
    expect(resources.map((r) => `${r.kind} ${r.name}`)).toEqual([
      "NatDescriptor nat-30",
      "NatDescriptor nat-40",
      "StaticRoutes host-routes",
      "L2tpAnonymousPool pp-anonymous",
      "GlobalSwitch ipsec-auto-refresh",
      "GlobalSwitch l2tp-service",
      "DhcpScope dhcp-scope-1",
      "GlobalSwitch dhcp-service",
      "GlobalSwitch dhcp-rfc2131",
      "LanInterface lan2",
      "LanInterface lan1",
    ]);
    // No engine dependencies (they would cost a save per wave): the provider's stages order a batch instead.
    resources.forEach((r) => expect(Object.keys(r)).toEqual(["kind", "name", "args"]));
    const stage = (name: string) => stageOf(byName.get(name)!.kind);
    // lan1 binds descriptor 30 and relays DHCP to the server the scope and the switch set up: it comes last.
    for (const first of ["nat-30", "dhcp-scope-1", "dhcp-service", "dhcp-rfc2131"])
      expect(stage("lan1")).toBeGreaterThan(stage(first));
    expect(stage("lan2")).toBeGreaterThan(stage("nat-40"));
    expect(stage("dhcp-service")).toBeGreaterThan(stage("dhcp-scope-1"));
  });

  it("reports the alias and what clients use", () => {
    const d = designOverlapSafeVpn({
      ...SEED_INPUTS,
      vpn: { ...SEED_INPUTS.vpn, server: "vpnsv.xx.netvolante.jp" },
    });
    expect(d.publishedAliases).toEqual({ fileserver: "192.168.253.240" });
    expect(d.clientSettings).toMatchObject({
      server: "vpnsv.xx.netvolante.jp",
      usernames: [
        "someone@somewhere",
        "someone2@somewhere2",
        "someone3@somewhere3",
        "someone4@somewhere4",
        "someone5@somewhere5",
      ],
      dns: "192.168.11.250",
      hosts: [{ name: "fileserver", address: "192.168.11.240", alias: "192.168.253.240" }],
    });
    expect(d.clientSettings.hosts[0].use).toMatch(
      /192\.168\.253\.240 when your home LAN overlaps 192\.168\.11\.0\/24/,
    );
  });

  it("keeps secrets only in the children's args (which the component marks secret), never in script, commands or settings", () => {
    const d = designOverlapSafeVpn(
      with_((i) => ({
        ...i,
        vpn: {
          ...i.vpn,
          preSharedKey: "Secret-PSK-4711",
          users: [{ name: "u1", password: "Pw-1234-secret" }],
        },
      })),
    );
    const { resources, ...shown } = d;
    expect(JSON.stringify(shown)).not.toMatch(/Secret-PSK-4711|Pw-1234-secret/);
    expect(resources.find((r) => r.kind === "L2tpAnonymousPool")?.args).toMatchObject({
      preSharedKey: "Secret-PSK-4711",
      users: [{ name: "u1", password: "Pw-1234-secret" }],
    });
    expect(d.script).toMatch(/^pp auth username u1 \*{8}$/m);
    expect(d.script).toMatch(/^ipsec ike pre-shared-key 2 text \*{8}$/m);
  });
});

describe("designOverlapSafeVpn: one input changes only its lines", () => {
  const base = linesOf(SEED_INPUTS);

  it.each<[string, (i: OverlapSafeVpnInputs) => OverlapSafeVpnInputs, string[], string[]]>([
    [
      "another alias network",
      (i) => ({ ...i, aliasNetwork: "192.168.252.0/24" }),
      [
        "ip route 192.168.253.240/32 gateway 192.168.11.240",
        "nat descriptor address inner 40 192.168.253.254",
        "nat descriptor address outer 30 192.168.253.254",
        "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
        "nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
      ],
      [
        "ip route 192.168.252.240/32 gateway 192.168.11.240",
        "nat descriptor address inner 40 192.168.252.254",
        "nat descriptor address outer 30 192.168.252.254",
        "nat descriptor static 30 1 192.168.252.2=192.168.11.2 253",
        "nat descriptor static 40 1 192.168.11.2=192.168.252.2 253",
      ],
    ],
    [
      "a second published host",
      (i) => ({ ...i, publishedHosts: { fileserver: "192.168.11.240", printer: "192.168.11.5" } }),
      [],
      ["ip route 192.168.253.5/32 gateway 192.168.11.5"],
    ],
    [
      "another pool",
      (i) => ({ ...i, vpn: { ...i.vpn, pool: "10.8.0.1-10.8.0.4" } }),
      ["pp anonymous: ip pp remote address pool 192.168.254.1-192.168.254.3"],
      ["pp anonymous: ip pp remote address pool 10.8.0.1-10.8.0.4"],
    ],
    [
      "another DHCP range",
      (i) => ({ ...i, dhcp: { ...(i.dhcp as object), range: "192.168.11.100-192.168.11.199" } }),
      ["dhcp scope 1 192.168.11.2-192.168.11.63/24"],
      ["dhcp scope 1 192.168.11.100-192.168.11.199/24"],
    ],
    [
      "other descriptor numbers",
      (i) => ({ ...i, natDescriptors: { lan: 31, upstream: 41 } }),
      base.filter((l) => / (30|40)( |$)/.test(l)),
      base
        .filter((l) => / (30|40)( |$)/.test(l))
        .map((l) => l.replace(/ 30( |$)/, " 31$1").replace(/ 40( |$)/, " 41$1")),
    ],
    [
      "a DHCP reservation",
      (i) => ({
        ...i,
        dhcp: { ...(i.dhcp as object), binds: [{ ip: "192.168.11.20", mac: "00:30:f5:cc:dd:ee" }] },
      }),
      [],
      ["dhcp scope bind 1 192.168.11.20 ethernet 00:30:f5:cc:dd:ee"],
    ],
  ])("%s", (_name, edit, removed, added) => {
    const d = difference(base, linesOf(with_(edit)));
    expect(d.removed.sort()).toEqual([...removed].sort());
    expect(d.added.sort()).toEqual([...added].sort());
  });

  it("without an upstream LAN: no lan2 lines and no descriptor 40; DHCP relays to the given address", () => {
    const d = difference(
      base,
      linesOf(
        with_((i) => ({
          ...i,
          upstream: undefined,
          dhcp: { ...(i.dhcp as object), relayTo: "192.168.100.1" },
        })),
      ),
    );
    expect(d.removed.sort()).toEqual(
      [
        "ip lan1 dhcp service relay 192.168.1.51",
        "ip lan2 address 192.168.1.51/24",
        "ip lan2 nat descriptor 40",
        ...base.filter((l) => l.startsWith("nat descriptor") && / 40 /.test(l)),
      ].sort(),
    );
    expect(d.added).toEqual(["ip lan1 dhcp service relay 192.168.100.1"]);
  });

  it("publishing all hosts routes every aliased host but the router", () => {
    const d = designOverlapSafeVpn(with_((i) => ({ ...i, publishedHosts: "all" })));
    const routes = d.commands.map((c) => c.command).filter((c) => c.startsWith("ip route"));
    expect(routes).toHaveLength(252); // .2-.254 without the router's .250
    expect(routes).toContain("ip route 192.168.253.2/32 gateway 192.168.11.2");
    expect(routes).not.toContain("ip route 192.168.253.250/32 gateway 192.168.11.250");
    expect(d.publishedAliases["192-168-11-240"]).toBe("192.168.253.240");
    // one table holds them all: one operation, not 252
    expect(d.resources.filter((r) => r.kind.startsWith("StaticRoute")).map((r) => r.kind)).toEqual([
      "StaticRoutes",
    ]);
  });

  it("publishing one more host sends one route line: the host routes are one StaticRoutes table", () => {
    const table = (hosts: Record<string, string>) => {
      const child = designOverlapSafeVpn(with_((i) => ({ ...i, publishedHosts: hosts }))).resources.find(
        (r) => r.kind === "StaticRoutes",
      )!;
      return StaticRoutes.schema.parse(child.args);
    };
    const before = table({ fileserver: "192.168.11.240", printer: "192.168.11.241" });
    const after = table({ fileserver: "192.168.11.240", printer: "192.168.11.241", nas: "192.168.11.10" });
    const router = indexConfig(
      parseConfig(
        StaticRoutes.commands(before, { mask: false })
          .map((c) => c.command)
          .join("\n"),
      ),
    );
    expect(StaticRoutes.plan(router, after, undefined, undefined, before).map((c) => c.command)).toEqual([
      "ip route 192.168.253.10/32 gateway 192.168.11.10",
    ]);
  });
});

describe("designOverlapSafeVpn: invalid combinations are rejected naming the input", () => {
  it.each<[string, (i: OverlapSafeVpnInputs) => OverlapSafeVpnInputs, string, RegExp]>([
    [
      "alias overlaps the LAN",
      (i) => ({ ...i, aliasNetwork: "192.168.11.0/24" }),
      "aliasNetwork",
      /overlaps the LAN/,
    ],
    [
      "alias overlaps the pool",
      (i) => ({ ...i, aliasNetwork: "192.168.254.0/24" }),
      "aliasNetwork",
      /overlaps the VPN pool/,
    ],
    [
      "alias overlaps upstream",
      (i) => ({ ...i, aliasNetwork: "192.168.1.0/24" }),
      "aliasNetwork",
      /overlaps the upstream LAN/,
    ],
    [
      "alias overlaps a subnet",
      (i) => ({ ...i, aliasNetwork: "192.168.4.0/24" }),
      "aliasNetwork",
      /overlaps subnet 192\.168\.4\.0\/24/,
    ],
    [
      "alias of another size",
      (i) => ({ ...i, aliasNetwork: "192.168.252.0/23" }),
      "aliasNetwork",
      /prefix length \/24/,
    ],
    [
      "alias with host bits",
      (i) => ({ ...i, aliasNetwork: "192.168.253.1/24" }),
      "aliasNetwork",
      /no host bits/,
    ],
    [
      "pool inside the LAN",
      (i) => ({ ...i, vpn: { ...i.vpn, pool: "192.168.11.200-192.168.11.202" } }),
      "vpn.pool",
      /lies in the LAN/,
    ],
    [
      "pool smaller than the tunnels",
      (i) => ({ ...i, vpn: { ...i.vpn, pool: "192.168.254.1-192.168.254.2" } }),
      "vpn.pool",
      /2 addresses cannot serve 3 tunnels/,
    ],
    [
      "more tunnels than an NVR510 has",
      (i) => ({ ...i, vpn: { ...i.vpn, tunnels: { from: 1, to: 5 }, pool: "192.168.254.1-192.168.254.9" } }),
      "vpn.tunnels",
      /nvr510 takes at most 4/,
    ],
    [
      "a published host outside the LAN",
      (i) => ({ ...i, publishedHosts: { nas: "192.168.12.5" } }),
      "publishedHosts.nas",
      /outside the LAN/,
    ],
    [
      "the router published",
      (i) => ({ ...i, publishedHosts: { router: "192.168.11.250" } }),
      "publishedHosts.router",
      /router's own address/,
    ],
    [
      "a host below the aliased ones",
      (i) => ({ ...i, publishedHosts: { hgw: "192.168.11.1" } }),
      "publishedHosts.hgw",
      /aliasFirstHost/,
    ],
    [
      "upstream on the LAN's interface",
      (i) => ({ ...i, upstream: { interface: "lan1", address: "192.168.1.51/24" } }),
      "upstream.interface",
      /must differ/,
    ],
    [
      "upstream overlapping the LAN",
      (i) => ({ ...i, upstream: { address: "192.168.11.1/23" } }),
      "upstream.address",
      /overlaps the LAN/,
    ],
    [
      "one descriptor for both",
      (i) => ({ ...i, natDescriptors: { lan: 30, upstream: 30 } }),
      "natDescriptors.upstream",
      /must differ/,
    ],
    [
      "DHCP range outside the LAN",
      (i) => ({ ...i, dhcp: { ...(i.dhcp as object), range: "192.168.12.2-192.168.12.9" } }),
      "dhcp.range",
      /not inside the LAN/,
    ],
    [
      "DHCP range holding the router",
      (i) => ({ ...i, dhcp: { ...(i.dhcp as object), range: "192.168.11.200-192.168.11.253" } }),
      "dhcp.range",
      /router's own address/,
    ],
    [
      "option 121 gateway outside the LAN (the seed's)",
      (i) => ({
        ...i,
        dhcp: { subnetsBehindGateways: [{ network: "192.168.4.0/24", gateway: "192.168.5.5" }] },
      }),
      "dhcp.subnetsBehindGateways[0].gateway",
      /outside the LAN/,
    ],
    [
      "the router as the subnet's gateway",
      (i) => ({
        ...i,
        dhcp: { subnetsBehindGateways: [{ network: "192.168.4.0/24", gateway: "192.168.11.250" }] },
      }),
      "dhcp.subnetsBehindGateways[0].gateway",
      /router itself/,
    ],
    [
      "no upstream and no relay target",
      (i) => ({ ...i, upstream: undefined }),
      "dhcp.relayTo",
      /needed without upstream/,
    ],
    ["no users", (i) => ({ ...i, vpn: { ...i.vpn, users: [] } }), "vpn.users", /at least one user/],
    [
      "a password with a space",
      (i) => ({ ...i, vpn: { ...i.vpn, users: [{ name: "u", password: "two words" }] } }),
      "vpn.users[0].password",
      /must not contain spaces/,
    ],
    [
      "a bind outside the range",
      (i) => ({
        ...i,
        dhcp: { ...(i.dhcp as object), binds: [{ ip: "192.168.11.200", mac: "00:30:f5:cc:dd:ee" }] },
      }),
      "dhcp.binds[0].ip",
      /outside the scope range/,
    ],
    ["an unknown model", (i) => ({ ...i, model: "rtx9999" as "nvr510" }), "model", /Invalid enum value/],
    [
      "the router on the broadcast address",
      (i) => ({ ...i, lan: { address: "192.168.11.255/24" } }),
      "lan.address",
      /is the broadcast address of 192\.168\.11\.0\/24/,
    ],
    [
      "an alias start past the last host",
      (i) => ({ ...i, aliasFirstHost: 255 }),
      "aliasFirstHost",
      /past the last host/,
    ],
  ])("%s", (_name, edit, property, reason) => {
    const found = failures(with_(edit));
    expect(found).toContainEqual({ property, reason: expect.stringMatching(reason) });
  });

  it("lists every failure in the error message, and no secret", () => {
    const inputs = with_((i) => ({
      ...i,
      aliasNetwork: "192.168.11.0/24",
      vpn: { ...i.vpn, pool: "192.168.11.200-192.168.11.201", preSharedKey: "has space-Secret" },
    }));
    expect(() => designOverlapSafeVpn(inputs)).toThrow(/aliasNetwork: .*\n.*vpn\.pool: /s);
    try {
      designOverlapSafeVpn(with_((i) => ({ ...i, vpn: { ...i.vpn, preSharedKey: "has space-Secret" } })));
    } catch (e) {
      expect((e as Error).message).toMatch(/vpn\.preSharedKey: must not contain spaces/);
      expect((e as Error).message).not.toMatch(/space-Secret/);
    }
  });
});

describe("designOverlapSafeVpn: warnings for legal but risky choices", () => {
  it("the seed's inputs warn only about the short pre-shared key", () => {
    expect(designOverlapSafeVpn(SEED_INPUTS).warnings).toEqual([
      expect.stringMatching(/^vpn\.preSharedKey: .*fewer than 12/),
    ]);
  });

  it.each<[string, (i: OverlapSafeVpnInputs) => OverlapSafeVpnInputs, RegExp]>([
    [
      "an alias that is a common home LAN",
      (i) => ({ ...i, aliasNetwork: "192.168.100.0/24" }),
      /^aliasNetwork: .*common home-router LAN/,
    ],
    [
      "a pool in a common home LAN",
      (i) => ({ ...i, vpn: { ...i.vpn, pool: "192.168.0.1-192.168.0.3" } }),
      /^vpn\.pool: .*common home-router LAN/,
    ],
    [
      "a published host inside the DHCP range",
      (i) => ({ ...i, publishedHosts: { pc: "192.168.11.20" } }),
      /^publishedHosts\.pc: .*inside the DHCP range/,
    ],
    ["nothing published", (i) => ({ ...i, publishedHosts: {} }), /^publishedHosts: nothing is published/],
    [
      "every NVR tunnel used",
      (i) => ({ ...i, vpn: { ...i.vpn, tunnels: { from: 1, to: 4 }, pool: "192.168.254.1-192.168.254.4" } }),
      /^vpn\.tunnels: all 4 tunnels/,
    ],
  ])("%s", (_name, edit, warning) => {
    expect(designOverlapSafeVpn(with_(edit)).warnings).toContainEqual(expect.stringMatching(warning));
  });
});

describe("designOverlapSafeVpn: the resulting config, analysed", () => {
  const tree = parseConfig(designOverlapSafeVpn(SEED_INPUTS).script, { source: "file" });

  it("lets a client whose home LAN is the office LAN reach the file server via its alias", () => {
    const r = reach(buildNetwork(tree, "NVR510"), { clientLan: "192.168.11.0/24", service: FILE_SERVER });
    expect(r).toMatchObject({ reachable: true, via: "192.168.253.240" });
    expect(r.proof).toMatchObject({
      dst: "192.168.11.240",
      reply: { verdict: "delivered", src: "192.168.253.240" },
    });
  });

  it("lets other clients reach it at its own address", () => {
    expect(
      reach(buildNetwork(tree, "NVR510"), { clientLan: "10.20.30.0/24", service: FILE_SERVER }),
    ).toMatchObject({
      reachable: true,
    });
  });

  it("has no lint errors (the seed's verbatim option 121 would have one)", () => {
    expect(lint(tree, { model: "NVR510" }).filter((f) => f.severity === "error")).toEqual([]);
    expect(designOverlapSafeVpn(SEED_INPUTS).lintFindings).toEqual(lint(tree, { model: "NVR510" }));
    const seedOption = parseConfig(
      designOverlapSafeVpn(SEED_INPUTS).script.replace(
        /classless_static_route=\S+/,
        "classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
      ),
      { source: "file" },
    );
    expect(lint(seedOption, { model: "NVR510" }).map((f) => f.code)).toContain(
      "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
    );
  });
});
