import * as pulumi from "@pulumi/pulumi";
import { DistinctPoolVpn, PpAnonymousNatVpn } from "../../sdk";
import { installMocks, isSecret, registered, unwrap, valueOf } from "../sdk/mocks";

installMocks();

const logged: string[] = [];
jest.spyOn(pulumi.log, "warn").mockImplementation(async (msg: string) => {
  logged.push(msg);
});

const vpn = {
  users: [{ name: "someone@somewhere", password: pulumi.secret("User-Pw-0001") }],
  preSharedKey: pulumi.secret("Pre-Shared-Key-0002"),
};

async function registeredUnder(prefix: string, children: Record<string, pulumi.CustomResource>) {
  await Promise.all(Object.values(children).map((c) => valueOf(c.urn)));
  return registered.filter((r) => r.name.startsWith(`${prefix}-`));
}

describe("DistinctPoolVpn under mocks", () => {
  it("creates pp anonymous with the distinct pool and the two L2TP switches, secrets secret", async () => {
    const c = new DistinctPoolVpn("pool", { vpn });
    const children = await registeredUnder("pool", c.children);
    expect(children.map((r) => r.name).sort()).toEqual([
      "pool-ipsec-auto-refresh",
      "pool-l2tp-service",
      "pool-pp-anonymous",
    ]);
    const pp = children.find((r) => r.name === "pool-pp-anonymous")!.inputs;
    expect(isSecret(pp.preSharedKey)).toBe(true);
    expect(unwrap(pp.preSharedKey)).toBe("Pre-Shared-Key-0002");
    expect(pp.commands).toContain("ip pp remote address pool 192.168.254.1-192.168.254.3");
    expect(await valueOf(c.script)).not.toMatch(/User-Pw-0001|Pre-Shared-Key-0002/);
    expect(await valueOf(c.warnings)).toContainEqual(expect.stringMatching(/not the LAN's hosts/));
  });
});

describe("PpAnonymousNatVpn under mocks", () => {
  it("on an NVR510: descriptor, backward-compatibility switch, restart warning, the binding on the pool", async () => {
    const c = new PpAnonymousNatVpn("ppnat", { vpn, publishedHosts: { fileserver: "192.168.11.240" } });
    const children = await registeredUnder("ppnat", c.children);
    expect(children.map((r) => r.name).sort()).toEqual([
      "ppnat-ipsec-auto-refresh",
      "ppnat-l2tp-service",
      "ppnat-nat-20",
      "ppnat-nat-backward-compatibility",
      "ppnat-pp-anonymous",
    ]);
    expect(children.find((r) => r.name === "ppnat-nat-backward-compatibility")!.inputs.commands).toBe(
      "nat descriptor backward-compatibility 1",
    );
    expect(await valueOf(c.restartRequired)).toBe(true);
    expect(await valueOf(c.publishedAliases)).toEqual({ fileserver: "192.168.254.240" });
    const pool = children.find((r) => r.name === "ppnat-pp-anonymous")!.inputs;
    expect(pool.commands).toContain("ip pp nat descriptor 20");
    expect(await valueOf(c.script)).toContain("pp select anonymous\n");
    const warnings = await valueOf(c.warnings);
    expect(warnings).toContainEqual(expect.stringMatching(/only after a restart.*restartToApply: true/));
    expect(logged).toEqual(expect.arrayContaining(warnings));
  });

  it("restartToApply reaches the backward-compatibility switch only, and the warnings say the router restarts", async () => {
    const c = new PpAnonymousNatVpn("ppnatrs", {
      vpn,
      publishedHosts: { fileserver: "192.168.11.240" },
      restartToApply: true,
    });
    const children = await registeredUnder("ppnatrs", c.children);
    const opted = children.filter((r) => r.inputs.restartToApply !== undefined);
    expect(opted.map((r) => [r.name, r.inputs.restartToApply])).toEqual([
      ["ppnatrs-nat-backward-compatibility", true],
    ]);
    expect(await valueOf(c.warnings)).toContainEqual(
      expect.stringMatching(/the router restarts once the line is saved/),
    );
    // the switch itself says so in preview too
    expect(logged).toContainEqual(
      expect.stringMatching(
        /^nat descriptor backward-compatibility: when this line changes, the router restarts/,
      ),
    );
  });

  it("on an NVR500: no switch, no restart", async () => {
    const c = new PpAnonymousNatVpn("ppnat500", {
      model: "nvr500",
      vpn,
      publishedHosts: { fileserver: "192.168.11.240" },
    });
    const children = await registeredUnder("ppnat500", c.children);
    expect(children.map((r) => r.name)).not.toContain("ppnat500-nat-backward-compatibility");
    expect(await valueOf(c.restartRequired)).toBe(false);
  });
});
