import * as dynamic from "../../provider/dynamic";
import { Syslog } from "../../provider/resources";
import { settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores, expectReadsBack, updateCommands } from "./lifecycle";

const FULL = {
  hosts: ["192.168.100.10", "syslog.example.jp"],
  facility: "local3",
  notice: true,
  info: false,
  debug: true,
};

describe("Syslog", () => {
  test("the RTX830 dump's lines read as the model and plan to nothing", () => {
    const config = index(store("syslog notice on\nsyslog debug on\ntelnetd host lan"));
    const model = Syslog.schema.parse({ notice: true, debug: true });
    expect(Syslog.read(config, "syslog")).toEqual(model);
    expect(Syslog.plan(config, model)).toEqual([]);
  });

  test("one line per host; a dropped host is one `no`; delete writes back the prior lines", () => {
    const before = store("syslog host 192.168.100.9\nsyslog notice on");
    const model = Syslog.schema.parse(FULL);
    expect(Syslog.commands(model, { mask: false }).map((c) => c.command)).toEqual([
      "syslog host 192.168.100.10",
      "syslog host syslog.example.jp",
      "syslog facility local3",
      "syslog notice on",
      "syslog info off",
      "syslog debug on",
    ]);
    const prior = Syslog.prior(index(before), model);
    const after = apply(before, Syslog.plan(index(before), model));
    expect(Syslog.read(index(after), "syslog")).toEqual(model);
    const fewer = Syslog.schema.parse({ ...FULL, hosts: ["192.168.100.10"] });
    expect(Syslog.plan(index(after), fewer).map((c) => c.command)).toEqual([
      "no syslog host syslog.example.jp",
    ]);
    expect(render(apply(after, Syslog.plan(index(after), undefined, prior, "syslog")))).toBe(render(before));
  });

  test.each([
    [{ hosts: ["1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5"] }, "hosts", /at most 4/],
    [{ hosts: ["1.1.1.1", "1.1.1.1"] }, "hosts.1", /duplicate/],
    [{ hosts: ["999.1.1.1"] }, "hosts.0", /address or a host name/],
    [{ facility: 24 }, "facility", /0\.\.23/],
    [{ facility: "local8" }, "facility", /Invalid/],
  ])("refuses %j naming %s", (raw, property, reason) => {
    expectRefused(Syslog.schema, raw, property, reason);
  });
});

describe("Syslog against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("create → read equals inputs → drop a host → delete restores", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const inputs = (await dynamic.check("Syslog", {}, FULL)).inputs as Record<string, unknown>;
    const created = await dynamic.create("Syslog", inputs);
    expect(created.id).toBe("syslog");
    await settle(sim);
    expect(sim.runningConfig()).toContain("syslog host 192.168.100.10\n");
    await expectReadsBack("Syslog", created, inputs);

    expect(await updateCommands(sim, "Syslog", created, { ...FULL, hosts: ["192.168.100.10"] })).toEqual([
      "no syslog host syslog.example.jp",
    ]);

    await expectDeleteRestores(sim, "Syslog", created, before);
  });
});
