import { startSimulator, type Simulator, type SimulatorModel } from "../../simulator/index";
import { eventually, PROMPT, Shell } from "./helpers";

describe("per-model transcripts", () => {
  let sim: Simulator | undefined;
  const shells: Shell[] = [];
  const open = async (s: Simulator): Promise<Shell> => {
    const sh = await Shell.open(s);
    shells.push(sh);
    await sh.login();
    await sh.run("console character en.ascii");
    return sh;
  };
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await sim?.stop();
    sim = undefined;
  });

  const transcript = async (model: SimulatorModel): Promise<{ banner: string; sh: Shell; s: Simulator }> => {
    const s = await startSimulator({ model });
    sim = s;
    const sh = await Shell.open(s);
    shells.push(sh);
    const banner = await sh.expect(PROMPT);
    await sh.run("console character en.ascii");
    return { banner, sh, s };
  };

  test("nvr510: banner, prompts, backward-compatibility accepted and effective only after restart", async () => {
    const { banner, sh, s } = await transcript("nvr510");
    expect(banner.split("\r\n")).toEqual([
      "",
      "NVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)",
      "Copyright (c) 1994-2022 Yamaha Corporation. All Rights Reserved.",
      "To display the software copyright statement, use 'show copyright' command.",
      "00:a0:de:51:00:01, 00:a0:de:51:00:02",
      "Memory 256Mbytes, 2LAN, 1ONU",
      "",
      "The login password is factory default setting. Please request an administrator to change the password by the 'login password' command.",
      "> ",
    ]);
    await sh.administrator();
    sh.send("pp select anonymous\r");
    await sh.expect("\r\nanonymous# ");
    sh.send("no pp select\r");
    await sh.expect("\r\n# ");
    expect(await sh.run("nat descriptor backward-compatibility 1")).toBe("");
    const env = await sh.run("show environment");
    expect(env).toContain("NVR510 Rev.15.01.21");
    expect(env).toContain("NAT backward-compatibility: 2 (configured 1, restart to apply)");
    await sh.run("save");
    sh.send("restart\r");
    await sh.closedWithin();
    const after = await open(s);
    expect(await after.run("show environment")).toMatch(/^NAT backward-compatibility: 1$/m);
  });

  test("nvr500: its own banner, no backward-compatibility command", async () => {
    const { banner, sh } = await transcript("nvr500");
    expect(banner).toContain("\r\nNVR500 Rev.11.00.41 (");
    expect(banner).toContain("\r\nMemory 128Mbytes, 2LAN, 1BRI\r\n");
    await sh.administrator();
    sh.send("tunnel select 1\r");
    await sh.expect("\r\ntunnel1# ");
    sh.send("tunnel select none\r");
    await sh.expect("\r\n# ");
    expect(await sh.run("nat descriptor backward-compatibility 1")).toMatch(/^Error: /);
    expect(await sh.run("show environment")).not.toContain("backward-compatibility");
    expect(await sh.run("show config")).toMatch(/^# NVR500 Rev\.11\.00\.41/);
  });

  test.each(["rtx830", "rtx1210"] as const)("%s: header names the model", async (model) => {
    const { sh } = await transcript(model);
    await sh.run("console lines infinity");
    expect(await sh.run("show config")).toMatch(new RegExp(`^# ${model.toUpperCase()} Rev\\.`));
  });

  test("schedule at +N restart fires: unsaved changes are gone and sessions dropped", async () => {
    const s = await startSimulator({});
    sim = s;
    const sh = await open(s);
    await sh.administrator();
    await sh.run("ip route 10.7.0.0/16 gateway 192.168.11.1");
    await sh.run("schedule at 9 +1 * restart");
    expect(s.runningConfig()).toContain("schedule at 9 +1 * restart");
    await sh.closedWithin(8000);
    await eventually(() => expect(s.events().some((e) => e.type === "restart")).toBe(true));
    expect(s.runningConfig()).toBe(s.savedConfig());
    expect(s.runningConfig()).not.toContain("10.7.0.0");
  });

  test("schedule at cancelled with no schedule at: nothing happens", async () => {
    const s = await startSimulator({});
    sim = s;
    const sh = await open(s);
    await sh.administrator();
    await sh.run("ip route 10.8.0.0/16 gateway 192.168.11.1");
    await sh.run("schedule at 9 +1 * restart");
    await sh.run("no schedule at 9");
    await new Promise((r) => setTimeout(r, 2000));
    expect(await sh.run("show config")).toContain("ip route 10.8.0.0/16");
    expect(s.events().some((e) => e.type === "restart")).toBe(false);
    expect(s.runningConfig()).not.toContain("schedule at");
  });
});
