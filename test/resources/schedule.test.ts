import * as dynamic from "../../provider/dynamic";
import { Schedule } from "../../provider/resources";
import { settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores, expectReadsBack, updateCommands } from "./lifecycle";

const NTP = { id: 1, date: "*/wed", time: "0:00", command: "ntpdate ntp.nict.jp syslog" };

describe("Schedule", () => {
  test("the RTX1210 default's schedule reads as the model; date and time in the router's spelling", () => {
    const config = index(store("schedule at 1 */Wed 00:00:00 * ntpdate ntp.nict.jp syslog"));
    const model = Schedule.schema.parse(NTP);
    expect(model).toEqual({ ...NTP, date: "*/Wed", time: "00:00:00", target: "*" });
    expect(Schedule.read(config, "schedule at 1")).toEqual(model);
    expect(Schedule.plan(config, model)).toEqual([]);
  });

  test("an every-day schedule is written with */* and read without it; an event takes no date", () => {
    const daily = Schedule.schema.parse({ id: 2, time: "3:30", target: "pp 1", command: "pp disable 1" });
    expect(Schedule.commands(daily, { mask: false }).map((c) => c.command)).toEqual([
      "schedule at 2 */* 03:30:00 pp 1 pp disable 1",
    ]);
    const after = apply(store(""), Schedule.plan(index(store("")), daily));
    expect(Schedule.read(index(after), "schedule at 2")).toEqual(daily);
    const boot = Schedule.schema.parse({ id: 3, time: "startup", command: "ntpdate ntp.nict.jp" });
    expect(Schedule.commands(boot, { mask: false })[0].command).toBe(
      "schedule at 3 startup * ntpdate ntp.nict.jp",
    );
    const removal = Schedule.plan(index(after), undefined, undefined, "schedule at 2");
    expect(render(apply(after, removal))).toBe("");
  });

  test("commit-confirmed's timer schedule is not read as a resource", () => {
    expect(Schedule.read(index(store("schedule at 99 +300 * restart")), "schedule at 99")).toBeUndefined();
  });

  test.each([
    [{ time: "25:00" }, "time", /hh:mm/],
    [{ time: "*:*:*" }, "time", /seconds a number/],
    [{ date: "13" }, "date", /MONTH\/DAY/],
    [{ date: "*/funday" }, "date", /weekdays/],
    [{ time: "startup" }, "date", /takes no date/],
    [{ target: "pp 0" }, "target", /pp N/],
    [{ target: "tunnel 101" }, "target", /1\.\.100/],
    [{ command: "save" }, "command", /may not run save/],
    [{ command: "show config" }, "command", /may not run show/],
    [{ command: "login password" }, "command", /may not run login/],
    [{ command: "pp auth myname user secretpw" }, "command", /password or key/],
    [{ command: "ntpdate  ntp.nict.jp" }, "command", /word 2 is empty/],
    [{ command: "ntpdate ntp.nict.jp\rrestart" }, "command", /control character/],
    [{ command: "lua x.lua | restart" }, "command", /word 3 character 1 is \|/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(Schedule.schema, { ...NTP, ...change }, property, reason);
  });
});

describe("Schedule against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("create → the router prints it as the model → change the time → delete", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const props = { schedule: 1, date: "*/wed", time: "0:00", command: "ntpdate ntp.nict.jp syslog" };
    const inputs = (await dynamic.check("Schedule", {}, props)).inputs as Record<string, unknown>;
    const created = await dynamic.create("Schedule", inputs);
    expect(created.id).toBe("schedule at 1");
    await settle(sim);
    expect(sim.runningConfig()).toContain("schedule at 1 */Wed 00:00:00 * ntpdate ntp.nict.jp syslog\n");
    await expectReadsBack("Schedule", created, inputs);

    expect(await updateCommands(sim, "Schedule", created, { ...props, time: "4:15" })).toEqual([
      "schedule at 1 */Wed 04:15:00 * ntpdate ntp.nict.jp syslog",
    ]);

    await expectDeleteRestores(sim, "Schedule", created, before);
  });
});
