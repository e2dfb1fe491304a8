import { GlobalSwitch, RESTART_REQUIRED } from "../../provider/resources";
import { apply, index, render, store } from "./router";

const others = "ip lan1 address 192.168.11.250/24\nipsec auto refresh 5 on";

describe("GlobalSwitch", () => {
  test.each([
    [{ setting: "l2tp service", value: "on" }, "l2tp service on"],
    [{ setting: "ipsec auto refresh", value: "on" }, "ipsec auto refresh on"],
    [{ setting: "dhcp service", value: "server" }, "dhcp service server"],
    [
      { setting: "dhcp server rfc2131 compliant", value: "except remain-silent" },
      "dhcp server rfc2131 compliant except remain-silent",
    ],
    [
      { setting: "nat descriptor backward-compatibility", value: 1 },
      "nat descriptor backward-compatibility 1",
    ],
  ])("%o is the seed's line %s and reads back", (input, text) => {
    const model = GlobalSwitch.schema.parse(input);
    expect(GlobalSwitch.commands(model, { mask: false }).map((c) => c.command)).toEqual([text]);
    expect(GlobalSwitch.read(index(store(`${others}\n${text}`)), model.setting)).toEqual(model);
  });

  test("the per-gateway `ipsec auto refresh 5 on` is not the global switch", () => {
    expect(GlobalSwitch.read(index(store(others)), "ipsec auto refresh")).toBeUndefined();
  });

  test("backward-compatibility is flagged as needing a restart", () => {
    expect(RESTART_REQUIRED).toContain("nat descriptor backward-compatibility");
  });

  test("delete restores the value it replaced, or removes the line when there was none", () => {
    const model = GlobalSwitch.schema.parse({ setting: "dhcp service", value: "relay" });
    const before = store(`${others}\ndhcp service server`);
    const prior = GlobalSwitch.conflicts(index(before), model).map((l) => l.text);
    const created = apply(before, GlobalSwitch.plan(index(before), model, prior));
    expect(GlobalSwitch.read(index(created), "dhcp service")).toEqual(model);
    const restore = GlobalSwitch.plan(index(created), undefined, prior, "dhcp service");
    expect(restore.map((c) => c.command)).toEqual(["dhcp service server"]);
    expect(render(apply(created, restore))).toBe(render(before));

    const fresh = store(others);
    const made = apply(fresh, GlobalSwitch.plan(index(fresh), model, []));
    const removal = GlobalSwitch.plan(index(made), undefined, [], "dhcp service");
    expect(removal.map((c) => c.command)).toEqual(["no dhcp service"]);
    expect(render(apply(made, removal))).toBe(render(fresh));
  });
});
