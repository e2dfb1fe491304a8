import * as pulumi from "@pulumi/pulumi";
import { designOverlapSafeVpn } from "../../provider/vpn";
import { OverlapSafeVpn } from "../../sdk/overlap-safe-vpn";
import { installMocks, isSecret, registered, unwrap, valueOf } from "../sdk/mocks";
import { SEED_INPUTS } from "./seed-inputs";

installMocks();

const warnings: string[] = [];
jest.spyOn(pulumi.log, "warn").mockImplementation(async (msg: string) => {
  warnings.push(msg);
});

const PASSWORDS = ["pw-Alpha-0001", "pw-Bravo-0002", "pw-Charlie-03", "pw-Delta-0004", "pw-Echo-00005"];

function homeLab(name: string, preSharedKey: pulumi.Input<string> = pulumi.secret("Common-Key-4711-long")) {
  return new OverlapSafeVpn(name, {
    ...SEED_INPUTS,
    adopt: true,
    vpn: {
      ...SEED_INPUTS.vpn,
      users: SEED_INPUTS.vpn.users.map((u, i) => ({ name: u.name, password: pulumi.secret(PASSWORDS[i]) })),
      preSharedKey,
      server: pulumi.output("vpnsv.xx.netvolante.jp"),
    },
  });
}

describe("OverlapSafeVpn under Pulumi mocks", () => {
  const vpn = homeLab("lab");
  const settled = Promise.all(Object.values(vpn.children).map((c) => valueOf(c.urn)));
  const children = async () => {
    await settled;
    return registered.filter((r) => r.name.startsWith("lab-"));
  };

  it("registers one child per designed resource, typed by kind, named after the component", async () => {
    const design = designOverlapSafeVpn(SEED_INPUTS);
    // Registration order follows input resolution, not creation order.
    expect((await children()).map((r) => `${r.type} ${r.name}`).sort()).toEqual(
      design.resources.map((r) => `pulumi-nodejs:dynamic/nvr:${r.kind} lab-${r.name}`).sort(),
    );
    expect(Object.keys(vpn.children)).toEqual(design.resources.map((r) => r.name));
  });

  it("gives each child the design's lines as its commands, and adopt", async () => {
    const byName = new Map((await children()).map((r) => [r.name, r.inputs]));
    expect(byName.get("lab-nat-30")).toMatchObject({
      descriptor: 30,
      adopt: true,
      commands: [
        "nat descriptor type 30 nat",
        "nat descriptor address outer 30 192.168.253.254",
        "nat descriptor address inner 30 192.168.11.254",
        "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
      ].join("\n"),
    });
    expect(byName.get("lab-lan1")?.commands).toBe(
      [
        "ip lan1 address 192.168.11.250/24",
        "ip lan1 nat descriptor reverse 30",
        "ip lan1 dhcp service relay 192.168.1.51",
      ].join("\n"),
    );
    // The host routes are a table: the provider keeps its entries as their lines (`routes`), with no `commands`.
    expect(byName.get("lab-host-routes")).toMatchObject({
      routes: [{ network: "192.168.253.240/32", gateways: ["192.168.11.240"] }],
      adopt: true,
    });
    expect(byName.get("lab-host-routes")?.commands).toBeUndefined();
    expect(byName.get("lab-dhcp-scope-1")).toMatchObject({ scope: 1 });
  });

  it("sends the real passwords and key only as secrets, and shows them masked", async () => {
    const pool = (await children()).find((r) => r.name === "lab-pp-anonymous")!.inputs;
    expect(isSecret(pool.users)).toBe(true);
    expect(isSecret(pool.preSharedKey)).toBe(true);
    expect(unwrap(pool.preSharedKey)).toBe("Common-Key-4711-long");
    expect((unwrap(pool.users) as { password: string }[]).map((u) => u.password)).toEqual(PASSWORDS);
    expect(String(pool.commands).split("\n")).toContain("pp auth username someone@somewhere ********");
    const shown = JSON.stringify([
      pool.commands,
      await valueOf(vpn.script),
      await valueOf(vpn.clientSettings),
      await valueOf(vpn.warnings),
      await valueOf(vpn.lintFindings),
    ]);
    for (const secret of [...PASSWORDS, "Common-Key-4711-long", "placeholder-not-sent"])
      expect(shown).not.toContain(secret);
  });

  it("outputs the aliases, client settings, the masked script and clean lint", async () => {
    expect(await valueOf(vpn.publishedAliases)).toEqual({ fileserver: "192.168.253.240" });
    expect(await valueOf(vpn.clientSettings)).toMatchObject({
      server: "vpnsv.xx.netvolante.jp",
      dns: "192.168.11.250",
      hosts: [{ name: "fileserver", alias: "192.168.253.240", address: "192.168.11.240" }],
    });
    expect(await valueOf(vpn.script)).toBe(
      designOverlapSafeVpn(SEED_INPUTS).script.replace(/xxxxxxxx/g, "********"),
    );
    expect((await valueOf(vpn.lintFindings)).filter((f) => f.severity === "error")).toEqual([]);
    expect(await valueOf(vpn.warnings)).toEqual([]);
  });

  it("warns about a short key by its length only, in the output and the log", async () => {
    const short = homeLab("short", pulumi.secret("Key-7"));
    const out = await valueOf(short.warnings);
    expect(out).toEqual([expect.stringMatching(/^vpn\.preSharedKey: .*fewer than 12 characters/)]);
    expect(warnings).toContainEqual(out[0]);
    expect(JSON.stringify(out)).not.toContain("Key-7");
  });

  it("logs the design's warnings", async () => {
    const risky = new OverlapSafeVpn("risky", {
      ...SEED_INPUTS,
      aliasNetwork: "192.168.100.0/24",
      vpn: {
        ...SEED_INPUTS.vpn,
        users: [{ name: "u", password: "p" }],
        preSharedKey: "Common-Key-4711-long",
      },
    });
    await valueOf(risky.warnings);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^aliasNetwork: 192\.168\.100\.0\/24 overlaps .*common home-router LAN/),
    );
  });

  it("fails at construction naming the input, before any child is registered", () => {
    const before = registered.length;
    expect(
      () =>
        new OverlapSafeVpn("bad", {
          ...SEED_INPUTS,
          aliasNetwork: "192.168.11.0/24",
          vpn: { ...SEED_INPUTS.vpn, users: [{ name: "u", password: "p" }], preSharedKey: "k" },
        }),
    ).toThrow(/aliasNetwork: 192\.168\.11\.0\/24 overlaps the LAN/);
    expect(registered.filter((r) => r.name.startsWith("bad-"))).toEqual([]);
    expect(registered.length).toBeGreaterThanOrEqual(before);
  });
});
