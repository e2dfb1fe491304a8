import { startSimulator, type Simulator } from "../../simulator/index";
import { eventually, Shell } from "./helpers";

const DASHES = "-".repeat(79);
/** A row's fixed columns: flags(3) name(16) connection(11) login time(13) idle(11), then the IP address. */
const row = (flags: string, user: string, via: string): RegExp =>
  new RegExp(
    `^${flags.replace("*", "\\*").replace("+", "\\+")} ${user.padEnd(16)}${via.padEnd(11)}\\d\\d/\\d\\d \\d\\d:\\d\\d  (\\d+:\\d\\d:\\d\\d) +127\\.0\\.0\\.1$`,
  );

describe("show status user (CR §58.47)", () => {
  let sim: Simulator;
  const shells: Shell[] = [];
  const open = async (english = true): Promise<Shell> => {
    const sh = await Shell.open(sim);
    shells.push(sh);
    await sh.login();
    if (english) await sh.run("console character en.ascii");
    await sh.unpaged();
    return sh;
  };
  beforeEach(async () => {
    sim = await startSimulator({});
  });
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await sim.stop();
  });

  test("lists every login with * for the asking one and + for administrator mode, login time, idle, address", async () => {
    const a = await open();
    await a.administrator();
    const b = await open();
    const shown = (await b.run("show status user")).split("\n");
    expect(shown.slice(0, 3)).toEqual([
      "   (*: current user, +: administrator mode, @: authenticated via RADIUS)",
      "   username        connection login time   idle       IP address",
      DASHES,
    ]);
    expect(shown).toHaveLength(5);
    expect(shown[3]).toMatch(row(" +", "user", "ssh1"));
    expect(shown[4]).toMatch(row("* ", "user", "ssh2"));
    expect(shown[4]).toContain("  0:00:00    127.0.0.1");
    // The login time is the local time of the login.
    const now = new Date();
    const two = (n: number): string => String(n).padStart(2, "0");
    expect(shown[4].slice(30, 35)).toBe(`${two(now.getMonth() + 1)}/${two(now.getDate())}`);

    // Idle time counts from the last keystroke; leaving administrator mode drops the +.
    await new Promise((r) => setTimeout(r, 1100));
    const idle = (await b.run("show status user")).split("\n")[3];
    expect(Number(row(" +", "user", "ssh1").exec(idle)?.[1].split(":")[2])).toBeGreaterThanOrEqual(1);
    await a.run("exit");
    const afterExit = (await a.run("show status user")).split("\n");
    expect(afterExit[3]).toMatch(row("* ", "user", "ssh1"));
    expect(afterExit[3]).toContain("  0:00:00    127.0.0.1");
    expect(afterExit[4]).toMatch(row("  ", "user", "ssh2"));
  });

  test("a closed login leaves the list and frees its slot; Japanese consoles get Japanese headings", async () => {
    const a = await open();
    const b = await open();
    a.close();
    await eventually(() => expect(sim.events().filter((e) => e.type === "disconnect")).toHaveLength(1));
    expect((await b.run("show status user")).split("\n").slice(3)).toEqual([
      expect.stringMatching(row("* ", "user", "ssh2")),
    ]);
    const c = await open(false);
    const shown = (await c.run("show status user")).split("\n");
    expect(shown.slice(0, 3)).toEqual([
      "   (*: 自分自身のユーザー情報, +: 管理者モード, @: RADIUSでの認証)",
      // Full-width characters take two columns, so the titles line up with the English layout.
      "   ユーザー名      接続種別   ログイン     アイドル   IPアドレス",
      DASHES,
    ]);
    // In login order: the new login took the freed slot 1.
    expect(shown.slice(3)).toEqual([
      expect.stringMatching(row("  ", "user", "ssh2")),
      expect.stringMatching(row("* ", "user", "ssh1")),
    ]);
  });
});
