import { startSimulator, type Simulator } from "../../simulator/index";
import { PROMPT, SEED, Shell } from "./helpers";

const ADMIN = "Adm-Secret9";
const ROUTE = "ip route 10.9.0.0/16 gateway 192.168.11.1";

describe("show config FILE and save FILE (CR §57.2, §56.3.3)", () => {
  let sim: Simulator;
  const shells: Shell[] = [];
  beforeEach(async () => {
    sim = await startSimulator({ config: SEED, adminPassword: ADMIN });
  });
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await sim.stop();
  });

  /** An English, unpaged administrator login with one unsaved change. */
  const admin = async (): Promise<Shell> => {
    const sh = await Shell.open(sim);
    shells.push(sh);
    await sh.login();
    await sh.run("console character en.ascii");
    await sh.unpaged();
    await sh.administrator(ADMIN);
    await sh.run(ROUTE);
    return sh;
  };

  /** `show config FILE`, answering both password prompts; returns the printed lines. */
  const showFile = async (
    sh: Shell,
    command: string,
    login: string,
    adminPassword: string,
  ): Promise<string[]> => {
    sh.send(`${command}\r`);
    await sh.expect("\r\nLogin Password: ");
    sh.send(`${login}\r`);
    await sh.expect("\r\nAdministrator Password: ");
    sh.send(`${adminPassword}\r`);
    const text = await sh.expect(PROMPT);
    // The Enter after the hidden answer, then the output, then the prompt.
    return text.split("\r\n").slice(1, -1);
  };

  test("show config 0 asks both passwords, then prints the saved boot file in show config's layout", async () => {
    const sh = await admin();
    const shown = await showFile(sh, "show config 0", "", ADMIN);
    const running = (await sh.run("show config")).split("\n");
    // Same five header lines (the reporting date is read at each call), then the saved body, not the running one.
    expect(shown.slice(0, 4)).toEqual(running.slice(0, 4));
    expect(shown[4]).toMatch(/^# Reporting Date: /);
    expect(`${shown.slice(5).join("\n")}\n`).toBe(sim.savedConfig());
    expect(sim.runningConfig()).toContain(ROUTE);
    expect(shown).not.toContain(ROUTE);
    // The pre-shared key prints in clear as in show config; the answers are never echoed or logged.
    expect(shown).toContain("  ipsec ike pre-shared-key 2 text example-psk");
    expect(sh.output).not.toContain(ADMIN);
    expect(JSON.stringify(sim.events())).not.toContain(ADMIN);
    expect(sim.events().filter((e) => e.type === "command" && e.text === "show config 0")).toHaveLength(1);
  });

  test("a wrong password prints an error and nothing else; a set login password must be given", async () => {
    const sh = await admin();
    expect(await showFile(sh, "show config 0", "", "Wrong-Guess1")).toEqual(["Error: Incorrect password"]);
    expect(await showFile(sh, "show config 0", "Wrong-Guess1", ADMIN)).toEqual(["Error: Incorrect password"]);
    sh.send("login password\r");
    await sh.expect("Old_Password: ");
    sh.send("\rLogin-Pw7\rLogin-Pw7\r");
    await sh.expect(PROMPT);
    expect(await showFile(sh, "show config 0", "", ADMIN)).toEqual(["Error: Incorrect password"]);
    const shown = await showFile(sh, "show config 0", "Login-Pw7", ADMIN);
    expect(shown[0]).toMatch(/^# NVR510 Rev\./);
    // Only the running config has the new password, masked as show config masks it.
    expect(sim.runningConfig()).toContain("login password *\n");
    expect(shown).not.toContain("login password *");
    // Once saved, the file shows the passwords masked as show config does.
    await sh.run("login user ops Ops-Pw8");
    await sh.run("save");
    const saved = await showFile(sh, "show config 0", "Login-Pw7", ADMIN);
    expect(saved).toEqual(expect.arrayContaining(["login password *", "login user ops *"]));
    expect(saved.join("\n")).not.toContain("Ops-Pw8");
    // Answers at the hidden prompts never reach the screen.
    expect(sh.output).not.toContain("Login-Pw7");
    const log = JSON.stringify(sim.events());
    for (const secret of ["Login-Pw7", "Ops-Pw8", ADMIN, "Wrong-Guess1"]) expect(log).not.toContain(secret);
  });

  test("Ctrl-C at a password prompt abandons the command; the next line is a command again", async () => {
    const sh = await admin();
    sh.send("show config 0\r");
    await sh.expect("Login Password: ");
    sh.send("\x03");
    await sh.expect(PROMPT);
    expect(await sh.run("show config pp 1")).toBe("");
    expect(await sh.run("show environment")).toContain("Default config. file: config0");
  });

  test("save N writes file N, not the boot file; files never saved answer File not found", async () => {
    const sh = await admin();
    expect(await sh.run("save 1")).toBe("Saving ... CONFIG1 Done .");
    expect(sim.events().find((e) => e.type === "save")).toMatchObject({ file: 1 });
    expect(sim.savedConfig()).not.toContain(ROUTE);
    const one = await showFile(sh, "show config 1", "", ADMIN);
    expect(`${one.slice(5).join("\n")}\n`).toBe(sim.runningConfig());
    expect(await showFile(sh, "show config 1 | grep 10.9", "", ADMIN)).toEqual(["Searching ...", ROUTE]);
    expect(await showFile(sh, "show config 2", "", ADMIN)).toEqual(["Error: File not found"]);
    // Backup names are accepted, but the simulator makes no backups.
    expect(await showFile(sh, "show config 1.2", "", ADMIN)).toEqual(["Error: File not found"]);
    expect(await sh.run("save 5")).toBe("Error: Parameter out of range");
    expect(await sh.run("save usb1:config.txt")).toBe("Error: Illegal keyword");
    expect(await sh.run("save")).toBe("Saving ... CONFIG0 Done .");
    expect(sim.savedConfig()).toContain(ROUTE);
  });
});
