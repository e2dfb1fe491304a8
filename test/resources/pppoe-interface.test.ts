import * as fs from "fs";
import * as dynamic from "../../provider/dynamic";
import { indexConfig, parseConfig } from "../../provider/config";
import { PppoeInterface, type PppoeInterfaceModel } from "../../provider/resources";
import { settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores, updateCommands } from "./lifecycle";

const PASSWORD = "pppoe-Secr3t";

/** The RTX1100 dump's PPPoE block (../shared/configs), as the model that writes it. */
const RTX1100 = PppoeInterface.schema.parse({
  model: "rtx1100",
  peer: 1,
  interface: "lan3",
  authAccept: ["chap"],
  myname: { name: "sudou@caos.local", password: "sudou@pass" },
  lcpMru: 1454,
  ipcpAddress: true,
  msext: true,
  ccpType: "none",
  mtu: 1454,
});

const FULL = PppoeInterface.schema.parse({
  peer: 1,
  interface: "lan2",
  authAccept: ["pap", "chap"],
  myname: { name: "user@isp.example", password: PASSWORD },
  lcpMru: "off",
  ipcpAddress: true,
  msext: true,
  ccpType: "none",
  mtu: 1454,
  natDescriptors: { forward: [1000] },
  alwaysOn: true,
  reconnectTime: 120,
});

const pp1 = { kind: "pp", peer: "1" };
const text = (model: PppoeInterfaceModel, mask = false) =>
  PppoeInterface.commands(model, { mask }).map((c) => c.command);

describe("PppoeInterface", () => {
  test("the RTX1100 dump's pp select 1 block reads as the model and plans to nothing", () => {
    const dump = fs.readFileSync("/work/shared/configs/rtx1100-ipsec-pppoe-rt1.txt", "utf8");
    const config = indexConfig(parseConfig(dump.split("\n").slice(1).join("\n")));
    // The header names the model, whose lan3 the session uses.
    expect(PppoeInterface.read(config, "pp 1")).toEqual(RTX1100);
    expect(text(RTX1100)).toEqual([
      "pppoe use lan3",
      "pp auth accept chap",
      "pp auth myname sudou@caos.local sudou@pass",
      "ppp lcp mru on 1454",
      "ppp ipcp ipaddress on",
      "ppp ipcp msext on",
      "ppp ccp type none",
      "ip pp mtu 1454",
      "pp enable 1",
    ]);
  });

  test("every line is in pp 1; always-on first, pp enable last; the password masked and only it", () => {
    const commands = PppoeInterface.commands(FULL, { mask: true });
    expect(commands.every((c) => JSON.stringify(c.context) === JSON.stringify(pp1))).toBe(true);
    expect(commands.map((c) => c.command)).toEqual([
      "pp always-on on 120",
      "pppoe use lan2",
      "pp auth accept pap chap",
      "pp auth myname user@isp.example ********",
      "ppp lcp mru off",
      "ppp ipcp ipaddress on",
      "ppp ipcp msext on",
      "ppp ccp type none",
      "ip pp mtu 1454",
      "ip pp nat descriptor 1000",
      "pp enable 1",
    ]);
    expect(PppoeInterface.identity(FULL)).toBe("pp 1");
    expect(PppoeInterface.secretProperties).toEqual(["myname.password"]);
  });

  test("plan from empty is the commands, converges, and a change touches only its line", () => {
    const before = store("ip lan1 address 192.168.100.1/24\nnat descriptor type 1000 masquerade");
    const plan = PppoeInterface.plan(index(before), FULL);
    expect(plan).toEqual(PppoeInterface.commands(FULL, { mask: false }));
    const after = apply(before, plan);
    expect(PppoeInterface.read(index(after), "pp 1")).toEqual(FULL);
    expect(PppoeInterface.plan(index(after), FULL)).toEqual([]);

    const changed = { ...FULL, myname: { name: "user@isp.example", password: "rotated-pw" }, mtu: undefined };
    const update = PppoeInterface.plan(index(after), changed);
    expect(update).toEqual([
      { context: pp1, command: "no ip pp mtu" },
      { context: pp1, command: "pp auth myname user@isp.example rotated-pw" },
    ]);
    expect(PppoeInterface.read(index(apply(after, update)), "pp 1")).toEqual(changed);
  });

  test("delete removes pp enable first and leaves the config as before", () => {
    const before = store("ip lan1 address 192.168.100.1/24");
    const created = apply(before, PppoeInterface.commands(FULL, { mask: false }));
    const plan = PppoeInterface.plan(index(created), undefined, undefined, "pp 1");
    expect(plan[0]).toEqual({ context: pp1, command: "no pp enable 1" });
    expect(render(apply(created, plan))).toBe(render(before));
  });

  test("a pp block without pppoe use is not a PPPoE session: read is undefined, create sees it as a conflict", () => {
    const config = index(store("pp select 2\n pp auth myname a b\n pp enable 2"));
    expect(PppoeInterface.read(config, "pp 2")).toBeUndefined();
    expect(PppoeInterface.conflicts(config, { ...FULL, peer: 2 }).map((l) => l.text)).toEqual([
      "pp auth myname a b",
      "pp enable 2",
    ]);
  });

  test.each([
    [{ peer: 31 }, "peer", /past the nvr510's pp 1\.\.30/],
    [{ peer: 0 }, "peer", /from 1/],
    [{ interface: "lan3" }, "interface", /nvr510 has lan1\.\.lan2/],
    [{ authAccept: ["chap", "chap"] }, "authAccept", /twice/],
    [{ authAccept: ["pap", "chap", "mschap"] }, "authAccept", /one or two/],
    [{ lcpMru: 1279 }, "lcpMru", /1280\.\.1792/],
    [{ mtu: 1501 }, "mtu", /64\.\.1500/],
    [{ alwaysOn: false, reconnectTime: 60 }, "reconnectTime", /alwaysOn: true/],
    [{ reconnectTime: 59, alwaysOn: true }, "reconnectTime", /60\.\.21474836/],
    [{ ccpType: "zip" }, "ccpType", /Invalid enum/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(PppoeInterface.schema, { peer: 1, interface: "lan2", ...change }, property, reason);
  });
});

describe("PppoeInterface against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("create → read equals inputs → update one line → delete restores; commands mask the password", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const props = {
      peer: 1,
      interface: "lan2",
      authAccept: ["pap", "chap"],
      myname: { name: "user@isp.example", password: PASSWORD },
      lcpMru: 1454,
      ipcpAddress: true,
      msext: true,
      ccpType: "none",
      mtu: 1454,
      alwaysOn: true,
    };
    const checked = await dynamic.check("PppoeInterface", {}, props);
    expect(checked.failures ?? []).toEqual([]);
    const inputs = checked.inputs as Record<string, unknown>;
    expect(JSON.stringify(inputs.commands)).not.toContain(PASSWORD);

    const created = await dynamic.create("PppoeInterface", inputs);
    expect(created.id).toBe("pp 1");
    expect(created.outs.commands).toContain("pp auth myname user@isp.example ********");
    expect(JSON.stringify(created.outs.commands)).not.toContain(PASSWORD);
    await settle(sim);
    expect(sim.runningConfig()).toContain(
      `pp select 1\n pp always-on on\n pppoe use lan2\n pp auth accept pap chap\n pp auth myname user@isp.example ${PASSWORD}\n`,
    );
    expect(sim.savedConfig()).toBe(sim.runningConfig());

    const read = await dynamic.read("PppoeInterface", created.id, created.outs);
    const { router: _r, commands: _c, prior: _p, ...model } = read.inputs as Record<string, unknown>;
    expect(model).toMatchObject({ ...props, model: "nvr510", enabled: true });
    expect((await dynamic.diff("PppoeInterface", created.id, read.props as never, inputs)).changes).toBe(
      false,
    );

    expect(await updateCommands(sim, "PppoeInterface", created, { ...props, mtu: 1400 })).toEqual([
      "pp select 1",
      "ip pp mtu 1400",
    ]);

    await expectDeleteRestores(sim, "PppoeInterface", created, before);
  });
});
