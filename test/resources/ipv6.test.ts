import * as fs from "fs";
import * as dynamic from "../../provider/dynamic";
import { indexConfig, parseConfig } from "../../provider/config";
import { Ipv6Interface, Ipv6Prefix } from "../../provider/resources";
import { configCommands, settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";

const V6PLUS = indexConfig(
  parseConfig(
    fs.readFileSync("/work/shared/configs/rtx1210-v6plus-mape.txt", "utf8").split("\n").slice(1).join("\n"),
  ),
);

describe("Ipv6Prefix and Ipv6Interface", () => {
  test("the v6plus dump's prefix and lan1/lan2 read as models and plan to nothing", () => {
    const prefix = Ipv6Prefix.schema.parse({ id: 1, prefix: "ra-prefix@lan2::/64" });
    expect(Ipv6Prefix.read(V6PLUS, "ipv6 prefix 1")).toEqual(prefix);
    expect(Ipv6Prefix.plan(V6PLUS, prefix)).toEqual([]);
    const lan1 = Ipv6Interface.schema.parse({
      model: "rtx1210",
      interface: "lan1",
      addresses: ["ra-prefix@lan2::1/64"],
      rtadv: { prefixes: [1], oFlag: true },
      dhcp: { mode: "server" },
    });
    expect(Ipv6Interface.read(V6PLUS, "ipv6 lan1")).toEqual(lan1);
    expect(Ipv6Interface.plan(V6PLUS, lan1)).toEqual([]);
    const lan2 = Ipv6Interface.schema.parse({
      model: "rtx1210",
      interface: "lan2",
      dhcp: { mode: "client", informationRequest: true },
    });
    expect(Ipv6Interface.read(V6PLUS, "ipv6 lan2")).toEqual(lan2);
    expect(Ipv6Interface.commands(lan2, { mask: false }).map((c) => c.command)).toEqual([
      "ipv6 lan2 dhcp service client ir=on",
    ]);
  });

  test("prefix options are written and read back; delete of the interface writes back what it replaced", () => {
    const prefix = Ipv6Prefix.schema.parse({
      id: 2,
      prefix: "2001:db8:1::/64",
      preferredLifetime: 3600,
      validLifetime: 7200,
      lFlag: true,
      aFlag: false,
    });
    expect(Ipv6Prefix.commands(prefix, { mask: false })[0].command).toBe(
      "ipv6 prefix 2 2001:db8:1::/64 preferred_lifetime=3600 valid_lifetime=7200 l_flag=on a_flag=off",
    );
    const before = store("ipv6 lan1 address dhcp");
    const lan1 = Ipv6Interface.schema.parse({
      interface: "lan1",
      addresses: ["2001:db8:1::1/64"],
      rtadv: { prefixes: [2], mFlag: false, oFlag: true },
    });
    const prior = Ipv6Interface.prior(index(before), lan1);
    const after = apply(before, [
      ...Ipv6Prefix.plan(index(before), prefix),
      ...Ipv6Interface.plan(index(before), lan1),
    ]);
    expect(Ipv6Prefix.read(index(after), "ipv6 prefix 2")).toEqual(prefix);
    expect(Ipv6Interface.read(index(after), "ipv6 lan1")).toEqual(lan1);
    const restored = apply(after, [
      ...Ipv6Interface.plan(index(after), undefined, prior, "ipv6 lan1"),
      ...Ipv6Prefix.plan(index(after), undefined, undefined, "ipv6 prefix 2"),
    ]);
    expect(render(restored)).toBe(render(before));
  });

  test.each([
    [Ipv6Prefix, { id: 1, prefix: "2001:db8::/129" }, "prefix", /IPv6 prefix/],
    [Ipv6Prefix, { id: 1, prefix: "2001:db8:::/64" }, "prefix", /IPv6 address syntax/],
    [Ipv6Prefix, { id: 1, prefix: "ra-prefix@wan9::/64" }, "prefix", /IPv6 prefix/],
    [Ipv6Prefix, { id: 1, prefix: "fe80::/64" }, "prefix", /link-local/],
    [Ipv6Prefix, { id: 1, prefix: "2001:db8::/64", validLifetime: -1 }, "validLifetime", /0\.\.4294967295/],
    [Ipv6Interface, { interface: "lan3" }, "interface", /nvr510 has lan1\.\.lan2/],
    [Ipv6Interface, { interface: "lan1", addresses: ["192.168.1.1/24"] }, "addresses.0", /IPv6/],
    [Ipv6Interface, { interface: "lan1", rtadv: { prefixes: [] } }, "rtadv.prefixes", /at least one/],
    [
      Ipv6Interface,
      { interface: "lan1", dhcp: { mode: "server", informationRequest: true } },
      "dhcp.informationRequest",
      /only a client/,
    ],
  ])("refuses %#: %j naming %s", (kind, raw, property, reason) => {
    expectRefused(kind.schema, raw, property, reason);
  });
});

describe("Ipv6Prefix and Ipv6Interface against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("prefix then interface: created, read back unchanged, an RA flag changed in place, deleted to as before", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const prefixProps = { prefixId: 1, prefix: "ra-prefix@lan2::/64" };
    const lanProps = {
      interface: "lan1",
      addresses: ["ra-prefix@lan2::1/64"],
      rtadv: { prefixes: [1], oFlag: true },
      dhcp: { mode: "server" },
    };
    const prefixInputs = (await dynamic.check("Ipv6Prefix", {}, prefixProps)).inputs as Record<
      string,
      unknown
    >;
    const lanInputs = (await dynamic.check("Ipv6Interface", {}, lanProps)).inputs as Record<string, unknown>;
    const prefix = await dynamic.create("Ipv6Prefix", prefixInputs);
    const lan = await dynamic.create("Ipv6Interface", lanInputs);
    expect([prefix.id, lan.id]).toEqual(["ipv6 prefix 1", "ipv6 lan1"]);
    await settle(sim);
    expect(sim.runningConfig()).toContain("ipv6 prefix 1 ra-prefix@lan2::/64\n");
    expect(sim.runningConfig()).toContain("ipv6 lan1 rtadv send 1 o_flag=on\n");
    const read = await dynamic.read("Ipv6Interface", lan.id, lan.outs);
    expect((await dynamic.diff("Ipv6Interface", lan.id, read.props as never, lanInputs)).changes).toBe(false);

    sim.clearEvents();
    const news = (
      await dynamic.check(
        "Ipv6Interface",
        {},
        { ...lanProps, rtadv: { prefixes: [1], oFlag: true, mFlag: true } },
      )
    ).inputs as never;
    await dynamic.update("Ipv6Interface", lan.id, lan.outs, news);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["ipv6 lan1 rtadv send 1 m_flag=on o_flag=on"]);

    await dynamic.delete("Ipv6Interface", lan.id, lan.outs);
    await dynamic.delete("Ipv6Prefix", prefix.id, prefix.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
