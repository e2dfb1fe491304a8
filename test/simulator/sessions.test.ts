import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { utils } from "ssh2";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator/index";
import { eventually, Shell } from "./helpers";

describe("sessions, host key, authentication, event log", () => {
  let sims: Simulator[] = [];
  const shells: Shell[] = [];
  const start = async (opts: SimulatorOptions = {}): Promise<Simulator> => {
    const s = await startSimulator(opts);
    sims.push(s);
    return s;
  };
  const open = async (s: Simulator, opts?: Parameters<typeof Shell.open>[1]): Promise<Shell> => {
    const sh = await Shell.open(s, opts);
    shells.push(sh);
    await sh.login();
    return sh;
  };
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await Promise.all(sims.map((s) => s.stop()));
    sims = [];
  });

  test("at most 8 concurrent logins: the 9th is refused, a freed slot is usable again", async () => {
    const s = await start();
    const eight = await Promise.all(Array.from({ length: 8 }, () => open(s)));
    await expect(Shell.open(s)).rejects.toThrow();
    eight[0].close();
    await eight[0].closedWithin();
    // The server frees the slot when it sees the TCP close, a moment after the client does.
    await eventually(() => expect(s.events().filter((e) => e.type === "disconnect")).toHaveLength(1));
    const again = await open(s);
    expect(await again.run("show environment")).toContain("NVR510");
  });

  test("the idle login timer disconnects a silent session", async () => {
    const s = await start({ loginTimerSec: 1 });
    const sh = await open(s);
    await sh.closedWithin(5000);
    await eventually(() =>
      expect(s.events().find((e) => e.type === "disconnect")).toMatchObject({ reason: "login timer" }),
    );
  });

  test("the host key is kept in the state directory and reused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-state-"));
    const first = await start({ stateDir: dir });
    const { fingerprint, hostKey } = first;
    await first.stop();
    sims = [];
    const second = await start({ stateDir: dir });
    expect(second.fingerprint).toBe(fingerprint);
    expect(second.hostKey).toBe(hostKey);
    expect(readFileSync(join(dir, "ssh_host_rsa_key"), "utf8")).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const other = await start({ stateDir: mkdtempSync(join(tmpdir(), "nvr-sim-state-")) });
    expect(other.fingerprint).not.toBe(fingerprint);
  });

  test("wrong login password is refused and logged as a failed auth without the password", async () => {
    const s = await start();
    await expect(Shell.open(s, { password: "nope-guess" })).rejects.toThrow();
    const auth = s.events().find((e) => e.type === "auth");
    expect(auth).toMatchObject({ result: "fail", user: "user", method: "password" });
    expect(JSON.stringify(s.events())).not.toContain("nope-guess");
  });

  test("a login user added with `login user` can log in once it is in the running config", async () => {
    const s = await start();
    await expect(Shell.open(s, { user: "ops", password: "ops-Pw7" })).rejects.toThrow();
    const sh = await open(s);
    await sh.administrator();
    await sh.run("login user ops ops-Pw7");
    expect(s.runningConfig()).toContain("login user ops *\n");
    const ops = await open(s, { user: "ops", password: "ops-Pw7" });
    expect(await ops.run("show environment")).toContain("NVR510");
    await expect(Shell.open(s, { user: "ops", password: "wrong" })).rejects.toThrow();
  });

  test("administrator password changes interactively, shows masked, and is lost by a restart without save", async () => {
    const s = await start();
    const sh = await open(s);
    await sh.run("console character en.ascii");
    await sh.administrator();
    sh.send("administrator password\r");
    await sh.expect("Old_Password: ");
    sh.send("admin\r");
    await sh.expect("New_Password: ");
    sh.send("adm-New8\r");
    await sh.expect("New_Password(Confirm): ");
    sh.send("adm-New8\r");
    const end = await sh.expect("# ");
    expect(end).not.toContain("adm-New8");
    expect(s.runningConfig()).toContain("administrator password *\n");
    const other = await open(s);
    await other.run("console character en.ascii");
    other.send("administrator\r");
    await other.expect("Password: ");
    other.send("admin\r");
    expect(await other.expect("> ")).toContain("Error: Incorrect password");
    await other.administrator("adm-New8");
    // A mistyped confirmation changes nothing.
    other.send("administrator password\r");
    await other.expect("Old_Password: ");
    other.send("adm-New8\rx1\rx2\r");
    expect(await other.expect("# ")).toContain("Error: Password mismatch");
    expect(JSON.stringify(s.events())).not.toContain("adm-New8");
    other.send("restart\r");
    await other.closedWithin();
    const after = await open(s);
    await after.administrator("admin");
    expect(after.output.endsWith("# ")).toBe(true);
  });

  test("public-key login on nvr510; nvr500 offers password only", async () => {
    const pem = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "pkcs1", format: "pem" },
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
    }).privateKey;
    const parsed = utils.parseKey(pem);
    if (parsed instanceof Error) throw parsed;
    const line = `ssh-rsa ${parsed.getPublicSSH().toString("base64")} test@host`;
    const nvr510 = await start({ authorizedKeys: [line] });
    const sh = await open(nvr510, { privateKey: pem });
    expect(await sh.run("show environment")).toContain("NVR510");
    expect(nvr510.events().find((e) => e.type === "auth")).toMatchObject({
      result: "ok",
      method: "publickey",
    });
    const nvr500 = await start({ model: "nvr500", authorizedKeys: [line] });
    await expect(Shell.open(nvr500, { privateKey: pem })).rejects.toThrow();
  });

  test("events: connect, auth, command with secrets masked, save, disconnect — in memory and in the JSONL file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "nvr-sim-events-")), "events.jsonl");
    const s = await start({ events: file, password: "login-Pw6", adminPassword: "adm-Secret9" });
    const sh = await open(s, { password: "login-Pw6" });
    await sh.administrator("adm-Secret9");
    await sh.run("pp select anonymous");
    await sh.run("pp auth username alice pw-Alice1");
    await sh.run("pp auth myname bob pw-Bob2");
    await sh.run("pp select none");
    await sh.run("tunnel select 1");
    await sh.run("ipsec ike pre-shared-key 1 text psk-Key3");
    await sh.run("l2tp tunnel auth on pw-L2tp4");
    await sh.run("tunnel select none");
    await sh.run("login user carol pw-Carol5");
    await sh.run("save");
    sh.send("quit\r");
    await sh.expect("> ");
    sh.send("quit\r");
    await sh.closedWithin();
    await eventually(() => expect(s.events().at(-1)?.type).toBe("disconnect"));
    const events = s.events();
    const commands = events.filter((e) => e.type === "command").map((e) => e.text);
    expect(commands).toEqual([
      "administrator",
      "pp select anonymous",
      "pp auth username alice ********",
      "pp auth myname bob ********",
      "pp select none",
      "tunnel select 1",
      "ipsec ike pre-shared-key 1 text ********",
      "l2tp tunnel auth on ********",
      "tunnel select none",
      "login user carol ********",
      "save",
      "quit",
      "quit",
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "connect",
      "auth",
      ...Array(11).fill("command"),
      // The save message is the only output of the session: its bytes are logged as it is written.
      "reply",
      "save",
      "command",
      "command",
      "disconnect",
    ]);
    expect(new Set(events.map((e) => e.session))).toEqual(new Set([events[0].session]));
    const text = readFileSync(file, "utf8");
    expect(
      text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(events);
    for (const secret of [
      "pw-Alice1",
      "pw-Bob2",
      "psk-Key3",
      "pw-L2tp4",
      "pw-Carol5",
      "adm-Secret9",
      "login-Pw6",
    ]) {
      expect(text).not.toContain(secret);
    }
    s.clearEvents();
    expect(s.events()).toEqual([]);
  });

  test("an events file that cannot be written is refused at start, naming the option", async () => {
    await expect(startSimulator({ events: "/nonexistent-dir/events.jsonl" })).rejects.toThrow(
      /^events: cannot write/,
    );
  });
});
