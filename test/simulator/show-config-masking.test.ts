/**
 * `show config` over SSH masks the stored login and administrator passwords as the device does (yamaha-cli.md §7.2,
 * CR §4.1-4.5) and hard-wraps long lines at the console's columns (yamaha-cli.md §5).
 */
import { startSimulator, type Simulator } from "../../simulator/index";
import { PROMPT, Shell } from "./helpers";

const CONFIG = [
  "login password encrypted 8d7f1a2b3c4d5e6f",
  "administrator password encrypted 0f1e2d3c4b5a6978",
  "login user ops Ops-Secret9",
  "ip filter 100 pass 10.0.0.0/8,172.16.0.0/12 192.168.100.0/24 tcp 1024-65535 20,21,22,23,25,53,80,110,143,443",
  "",
].join("\n");

describe("show config: masked passwords and the console's width", () => {
  let sim: Simulator;
  let sh: Shell;
  beforeEach(async () => {
    sim = await startSimulator({ model: "rtx1210", config: CONFIG });
    sh = await Shell.open(sim);
    await sh.login();
    await sh.run("console character en.ascii");
    await sh.run("console lines infinity");
    await sh.administrator();
  });
  afterEach(async () => {
    sh.close();
    await sim.stop();
  });

  test("stored passwords print as `*`, the encrypted text and the user's password never", async () => {
    const shown = (await sh.run("show config")).split("\n");
    expect(shown).toEqual(
      expect.arrayContaining([
        "login password encrypted *",
        "administrator password encrypted *",
        "login user ops *",
      ]),
    );
    for (const secret of ["8d7f1a2b3c4d5e6f", "0f1e2d3c4b5a6978", "Ops-Secret9"])
      expect(sh.output).not.toContain(secret);
  });

  test("a password typed interactively is stored in the form its command names", async () => {
    for (const [command, printed] of [
      ["login password", "login password *"],
      ["administrator password encrypted", "administrator password encrypted *"],
    ]) {
      sh.send(`${command}\r`);
      await sh.expect("Old_Password: ");
      // The old administrator password is the option's ("admin"); the clear text of a loaded encrypted login
      // password is unknown, so the simulator takes it as none [U].
      sh.send(command.startsWith("login") ? "\r" : "admin\r");
      await sh.expect("New_Password: ");
      sh.send("Typed-Pw4\r");
      await sh.expect("New_Password(Confirm): ");
      sh.send("Typed-Pw4\r");
      await sh.expect(PROMPT);
      const shown = (await sh.run("show config")).split("\n");
      expect(shown).toContain(printed);
    }
    expect(sh.output).not.toContain("Typed-Pw4");
  });

  test("a line longer than the console is cut after columns-1 characters; at 200 columns it is whole", async () => {
    const long = CONFIG.split("\n")[3];
    const narrow = (await sh.run("show config")).split("\n");
    const at = narrow.findIndex((l) => l.startsWith("ip filter 100 "));
    expect(narrow[at]).toHaveLength(79);
    expect(narrow[at] + narrow[at + 1]).toBe(long);
    await sh.run("console columns 200");
    expect((await sh.run("show config")).split("\n")).toContain(long);
  });
});
