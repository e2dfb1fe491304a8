// OverlapSafeVpn under Pulumi mocks with its inputs as Outputs: the design waits for them and the children follow;
// invalid inputs are one Pulumi error on the component naming every invalid input, with no Node stack.
import * as pulumi from "@pulumi/pulumi";
import { OverlapSafeVpn } from "../../sdk/overlap-safe-vpn";
import { installMocks, registered, valueOf } from "../sdk/mocks";
import { SEED_INPUTS } from "./seed-inputs";

installMocks();
jest.spyOn(pulumi.log, "warn").mockImplementation(async () => undefined);

const vpn = { ...SEED_INPUTS.vpn, users: [{ name: "someone", password: pulumi.secret("pw-Alpha-0001") }] };

describe("OverlapSafeVpn with Output inputs", () => {
  test("a published host known later: the children are created once it resolves, with its address", async () => {
    let publish!: (address: string) => void;
    const fileServer = pulumi.output(new Promise<string>((r) => (publish = r)));
    const c = new OverlapSafeVpn("later", {
      ...SEED_INPUTS,
      aliasNetwork: pulumi.output("192.168.253.0/24"),
      publishedHosts: { fileserver: fileServer },
      vpn,
    });
    expect(Object.keys(c.children)).toEqual([]);
    publish("192.168.11.240");
    expect(await valueOf(c.publishedAliases)).toEqual({ fileserver: "192.168.253.240" });
    expect(Object.keys(c.children)).toContain("pp-anonymous");
    await Promise.all(Object.values(c.children).map((child) => valueOf(child.urn)));
    const children = registered.filter((r) => r.name.startsWith("later-"));
    expect(JSON.stringify(children.map((r) => r.inputs))).toContain("192.168.11.240");
    expect(await valueOf(c.script)).toContain("192.168.253.240");
  });

  test("invalid inputs: one RunError listing each of them, no stack, no escape codes", () => {
    let error: unknown;
    try {
      new OverlapSafeVpn("bad", {
        ...SEED_INPUTS,
        aliasNetwork: "192.168.253.1/24",
        aliasFirstHost: 0,
        vpn: { ...vpn, pool: "192.168.254.9-" },
      });
    } catch (e) {
      error = e;
    }
    // A RunError: the CLI prints its message alone, never a stack.
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    const e = error as pulumi.RunError;
    expect(e.message).toMatch(/aliasNetwork: /);
    expect(e.message).toMatch(/aliasFirstHost: /);
    expect(e.message).toMatch(/vpn\.pool: /);
    expect(e.message).not.toContain("\u001b[");
    expect(e.message).not.toMatch(/\n\s+at /);
  });
});
