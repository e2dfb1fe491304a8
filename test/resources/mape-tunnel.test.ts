import * as fs from "fs";
import * as dynamic from "../../provider/dynamic";
import { indexConfig, parseConfig } from "../../provider/config";
import { IpsecSiteTunnel, MapeTunnel } from "../../provider/resources";
import { SEED, settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores, expectReadsBack, updateCommands } from "./lifecycle";

const V6PLUS = indexConfig(
  parseConfig(
    fs.readFileSync("/work/shared/configs/rtx1210-v6plus-mape.txt", "utf8").split("\n").slice(1).join("\n"),
  ),
);

describe("MapeTunnel", () => {
  test("the v6plus dump's tunnel 1 reads as the model, writes its lines and plans to nothing", () => {
    const model = MapeTunnel.schema.parse({
      model: "rtx1210",
      tunnel: 1,
      type: "v6plus",
      mtu: 1460,
      natDescriptors: { forward: [1000] },
    });
    expect(MapeTunnel.read(V6PLUS, "tunnel 1")).toEqual(model);
    expect(MapeTunnel.commands(model, { mask: false }).map((c) => c.command)).toEqual([
      "tunnel encapsulation map-e",
      "tunnel map-e type v6plus",
      "ip tunnel mtu 1460",
      "ip tunnel nat descriptor 1000",
      "tunnel enable 1",
    ]);
    expect(MapeTunnel.plan(V6PLUS, model)).toEqual([]);
    // The same block is not an IPsec tunnel.
    expect(IpsecSiteTunnel.read(V6PLUS, "tunnel 1")).toBeUndefined();
  });

  test("an IPsec tunnel is not read as MAP-E; delete leaves the rest of the block (secure filters) alone", () => {
    expect(
      MapeTunnel.read(index(store("tunnel select 2\n ipsec tunnel 101\n tunnel enable 2")), "tunnel 2"),
    ).toBe(undefined);
    const before = store("tunnel select 1\n ip tunnel secure filter in 200030");
    const model = MapeTunnel.schema.parse({ tunnel: 1, mtu: 1460 });
    const after = apply(before, MapeTunnel.plan(index(before), model));
    expect(MapeTunnel.read(index(after), "tunnel 1")).toEqual(model);
    expect(render(apply(after, MapeTunnel.plan(index(after), undefined, undefined, "tunnel 1")))).toBe(
      render(before),
    );
  });

  test.each([
    [{ tunnel: 5 }, "tunnel", /nvr510's tunnels 1\.\.4/],
    [{ type: "dslite" }, "type", /Invalid enum/],
    [{ mtu: 1501 }, "mtu", /64\.\.1500/],
    [{ natDescriptors: { forward: [1, 1] } }, "natDescriptors.forward.1", /duplicate/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(MapeTunnel.schema, { tunnel: 1, ...change }, property, reason);
  });
});

describe("MapeTunnel against nvr-sim over SSH", () => {
  const router = withSeedRouter(
    `${SEED}nat descriptor type 1000 masquerade\nnat descriptor address outer 1000 map-e\n`,
  );

  test("create → read equals inputs → MTU changed in place → delete restores", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const props = { tunnel: 1, type: "v6plus", mtu: 1460, natDescriptors: { forward: [1000] } };
    const inputs = (await dynamic.check("MapeTunnel", {}, props)).inputs as Record<string, unknown>;
    const created = await dynamic.create("MapeTunnel", inputs);
    expect(created.id).toBe("tunnel 1");
    await settle(sim);
    expect(sim.runningConfig()).toContain(
      "tunnel select 1\n tunnel encapsulation map-e\n tunnel map-e type v6plus\n",
    );
    await expectReadsBack("MapeTunnel", created, inputs);

    expect(await updateCommands(sim, "MapeTunnel", created, { ...props, mtu: 1454 })).toEqual([
      "tunnel select 1",
      "ip tunnel mtu 1454",
    ]);

    await expectDeleteRestores(sim, "MapeTunnel", created, before);
  });
});
