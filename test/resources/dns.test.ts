import * as fs from "fs";
import * as dynamic from "../../provider/dynamic";
import { indexConfig, parseConfig } from "../../provider/config";
import { Dns } from "../../provider/resources";
import { settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores, expectReadsBack, updateCommands } from "./lifecycle";

const dump = (file: string) =>
  indexConfig(
    parseConfig(fs.readFileSync(`/work/shared/configs/${file}`, "utf8").split("\n").slice(1).join("\n")),
  );

const FULL = {
  service: "recursive",
  fallback: true,
  hosts: ["lan1", "192.168.100.10-192.168.100.20"],
  servers: ["1.1.1.1", "2606:4700:4700::1111"],
  selects: [
    { id: 2, servers: ["10.0.0.53"], recordType: "any", query: "corp.example.jp", restrictPp: 1 },
    { id: 1, servers: ["192.168.1.1", "192.168.1.2"], query: "." },
  ],
  domain: "example.jp",
  statics: [
    { type: "a", name: "nas.example.jp", value: "192.168.100.5", ttl: 300 },
    { type: "ptr", name: "192.168.100.5", value: "nas.example.jp" },
  ],
  privateAddressSpoof: true,
  privateName: "setup.netvolante.jp",
};

describe("Dns", () => {
  test.each([
    ["rtx1210-factory-default.txt", { hosts: ["lan1"], privateAddressSpoof: true }],
    ["rtx1210-v6plus-mape.txt", { hosts: ["lan1"], fallback: true, serverDhcp: "lan2" }],
    ["rtx1500-nat-dhcp-serial.txt", { servers: ["1.1.1.1"] }],
  ])("%s: the dns lines read as the model and plan to nothing", (file, raw) => {
    const config = dump(file);
    const model = Dns.schema.parse(raw);
    expect(Dns.read(config, "dns")).toEqual(model);
    expect(Dns.plan(config, model)).toEqual([]);
  });

  test("every setting is one global line; selects by id, records by type and name", () => {
    const model = Dns.schema.parse(FULL);
    expect(Dns.commands(model, { mask: false }).map((c) => c.command)).toEqual([
      "dns service recursive",
      "dns service fallback on",
      "dns host lan1 192.168.100.10-192.168.100.20",
      "dns server 1.1.1.1 2606:4700:4700::1111",
      "dns server select 1 192.168.1.1 192.168.1.2 .",
      "dns server select 2 10.0.0.53 any corp.example.jp restrict pp 1",
      "dns domain example.jp",
      "dns static a nas.example.jp 192.168.100.5 ttl=300",
      "dns static ptr 192.168.100.5 nas.example.jp",
      "dns private address spoof on",
      "dns private name setup.netvolante.jp",
    ]);
    expect(Dns.identity(model)).toBe("dns");
  });

  test("plan from the factory default converges; a dropped select is one `no`; delete restores the prior lines", () => {
    const before = store("ip lan1 address 192.168.100.1/24\ndns host lan1\ndns private address spoof on");
    const model = Dns.schema.parse(FULL);
    const prior = Dns.prior(index(before), model);
    expect(prior).toEqual(["dns host lan1", "dns private address spoof on"]);
    const after = apply(before, Dns.plan(index(before), model));
    expect(Dns.read(index(after), "dns")).toEqual(model);
    expect(Dns.plan(index(after), model)).toEqual([]);

    const fewer = Dns.schema.parse({ ...FULL, selects: FULL.selects.slice(1) });
    expect(Dns.plan(index(after), fewer).map((c) => c.command)).toEqual(["no dns server select 2"]);

    const restored = apply(after, Dns.plan(index(after), undefined, prior, "dns"));
    expect(render(restored)).toBe(render(before));
  });

  test.each([
    [{ servers: ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"] }, "servers", /1\.\.4/],
    [{ servers: ["dns.example.jp"] }, "servers.0", /IPv4 or IPv6/],
    [{ hosts: ["any", "lan1"] }, "hosts", /any stands alone/],
    [{ hosts: ["lan1;restart"] }, "hosts.0", /interface/],
    [{ serverDhcp: "pp1" }, "serverDhcp", /interface/],
    [
      {
        selects: [
          { id: 1, servers: ["1.1.1.1"], query: "." },
          { id: 1, servers: ["1.1.1.1"], query: "x" },
        ],
      },
      "selects.1.id",
      /duplicate/,
    ],
    [{ selects: [{ id: 1, servers: [], query: "." }] }, "selects.0.servers", /one or two/],
    [{ statics: [{ type: "a", name: "nas.example.jp", value: "::1" }] }, "statics.0.value", /IPv4/],
    [
      { statics: [{ type: "ptr", name: "nas.example.jp", value: "nas.example.jp" }] },
      "statics.0.name",
      /IPv4/,
    ],
    [{ domain: "-x.example.jp" }, "domain", /host name/],
    [{ service: "on" }, "service", /Invalid enum/],
  ])("refuses %j naming %s", (raw, property, reason) => {
    expectRefused(Dns.schema, raw, property, reason);
  });
});

describe("Dns against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("create takes the settings over → read equals inputs → update one line → delete restores", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const checked = await dynamic.check("Dns", {}, FULL);
    expect(checked.failures ?? []).toEqual([]);
    const inputs = checked.inputs as Record<string, unknown>;

    const created = await dynamic.create("Dns", inputs);
    expect(created.id).toBe("dns");
    await settle(sim);
    for (const c of Dns.commands(Dns.schema.parse(FULL), { mask: false }))
      expect(sim.runningConfig()).toContain(`${c.command}\n`);
    await expectReadsBack("Dns", created, inputs);

    expect(await updateCommands(sim, "Dns", created, { ...FULL, servers: ["9.9.9.9"] })).toEqual([
      "dns server 9.9.9.9",
    ]);

    await expectDeleteRestores(sim, "Dns", created, before);
  });
});
