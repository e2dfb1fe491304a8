import { startSimulator } from "../../simulator/index";
import { PROMPT, Shell, seedSimulatorPerTest } from "./helpers";

describe("console behaviour: pager, hard wrap, message language", () => {
  const seed = seedSimulatorPerTest();
  const { open } = seed;

  test("default console lines 24: 23 lines, the pager line, Enter = one line, space = a page, q quits", async () => {
    const sh = await open();
    await sh.run("console columns 200");
    sh.send("show config\r");
    const first = await sh.expect("---つづく---");
    const firstLines = first.split("\r\n");
    expect(firstLines[0]).toBe("show config");
    expect(firstLines).toHaveLength(1 + 23 + 1);
    expect(firstLines[1]).toMatch(/^# NVR510 Rev\./);
    sh.send("\r");
    const one = await sh.expect("---つづく---");
    expect(one.split("\r\n").filter((l) => l.trim() !== "")).toHaveLength(2);
    sh.send("q");
    const rest = await sh.expect(PROMPT);
    expect(rest.trim()).toBe(">");
    // Nothing after q was printed: the next command still works.
    expect(await sh.run("show environment")).toContain("NVR510 Rev.15.01.21");
  });

  test("space pages through to the end; English pager text under en.ascii; infinity turns it off", async () => {
    const sh = await open();
    await sh.run("console character en.ascii");
    await sh.run("console columns 200");
    sh.send("show config\r");
    await sh.expect("---more---");
    sh.send(" ");
    const tail = await sh.expect(PROMPT);
    expect(tail).toContain("l2tp service on\r\n");
    await sh.run("console lines infinity");
    const all = await sh.run("show config");
    expect(all).not.toContain("---more---");
    expect(all.split("\n").at(-1)).toBe("l2tp service on");
    // Settings typed at `>` belong to the login only, not to the configuration.
    expect(seed.sim.runningConfig()).not.toContain("console");
  });

  test("output lines hard-wrap after columns-1 characters, also for other widths", async () => {
    const sh = await open();
    await sh.run("console lines infinity");
    const at80 = (await sh.run("show config")).split("\n");
    const main = at80.findIndex((l) => l.startsWith("# main:"));
    expect(at80[main]).toHaveLength(79);
    expect(at80[main + 1]).toMatch(/^[^#]/);
    expect(at80[main] + at80[main + 1]).toBe(
      "# main:  NVR510 ver=00 serial=S5N000001 MAC-Address=00:a0:de:51:00:01 MAC-Address=00:a0:de:51:00:02",
    );
    await sh.run("console columns 90");
    const at90 = (await sh.run("show config")).split("\n");
    expect(at90.find((l) => l.startsWith("# main:"))).toHaveLength(89);
  });

  test("the echoed input line wraps at column 79 too, prompt included", async () => {
    const sh = await open();
    await sh.administrator();
    const command = `ip route 10.20.30.0/24 gateway 192.168.11.1 metric 1 gateway 192.168.11.2 metric 2`;
    sh.send(`${command}\r`);
    const echoed = await sh.expect(PROMPT);
    const [row1, row2] = echoed.split("\r\n");
    expect(`# ${row1}`).toHaveLength(79);
    expect(`${row1}${row2}`).toBe(command);
    expect(seed.sim.runningConfig()).toContain(command);
  });

  test("errors are Japanese by default and English under console character en.ascii", async () => {
    const sh = await open();
    await sh.administrator();
    expect(await sh.run("frobnicate")).toBe("エラー: コマンド名を確認してください");
    expect(await sh.run("console lines 0")).toBe("エラー: パラメータが範囲を越えています");
    await sh.run("console character en.ascii");
    expect(await sh.run("frobnicate")).toBe("Error: Invalid command name");
    expect(await sh.run("console lines 0")).toBe("Error: Parameter out of range");
    expect(await sh.run("tunnel select 99")).toBe("Error: Parameter out of range");
    expect(await sh.run("pp bind tunnel2")).toBe("Error: Execute pp select command beforehand");
    await sh.run("console character ja.utf8");
    expect(await sh.run("frobnicate")).toBe("エラー: コマンド名を確認してください");
    // In administrator mode the console settings are configuration (CR §4.21 note).
    expect(seed.sim.runningConfig()).toContain("console character ja.utf8\n");
  });

  test("show config at > is allowed by default and refused with showConfigAdminOnly", async () => {
    const sh = await open();
    await sh.run("console lines infinity");
    expect(await sh.run("show config")).toContain("l2tp service on");
    const strict = await startSimulator({ showConfigAdminOnly: true });
    try {
      const s2 = await Shell.open(strict);
      seed.closeAfter(s2);
      await s2.login();
      expect(await s2.run("show config")).toBe("エラー: このコマンドは管理レベルでのみ使用できます");
      await s2.administrator();
      expect(await s2.run("show config")).toMatch(/^# NVR510 Rev\./);
    } finally {
      await strict.stop();
    }
  });
});
