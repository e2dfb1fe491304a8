import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "../../simulator/index";

const SEED = join(__dirname, "../../simulator/fixtures/seed-start.conf");

/** Drives the system OpenSSH client as a person would: characters typed with CR, pager answered with space. */
function expectScript(port: number): string {
  return `
set timeout 20
spawn ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -p ${port} user@127.0.0.1
expect "password:"
send "password\\r"
expect "> "
send "administrator\\r"
expect "Password: "
send "admin\\r"
expect "# "
send "ip route 10.9.0.0/16 gateway 192.168.11.1\\r"
expect "# "
send "show config\\r"
expect {
  -re {---[^-\r\n]+---} { send " "; exp_continue }
  "l2tp service on" {}
}
expect "# "
send "exit\\r"
expect "(Y/N)"
send "Y"
expect "> "
send "quit\\r"
expect eof
`;
}

describe("the system OpenSSH client through expect", () => {
  let sim: Simulator;
  beforeEach(async () => {
    const { readFileSync } = await import("node:fs");
    sim = await startSimulator({ config: readFileSync(SEED, "utf8") });
  });
  afterEach(() => sim.stop());

  test("login, administrator, a change, paged show config, exit with the save prompt", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-expect-"));
    const script = join(dir, "session.exp");
    writeFileSync(script, expectScript(sim.port));
    const transcript = await new Promise<string>((resolve, reject) => {
      const child = spawn("expect", [script], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      child.on("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`expect exited ${code}:\n${out}`)),
      );
    });
    expect(transcript).toContain("NVR510 Rev.15.01.21");
    expect(transcript).toContain("---つづく---");
    expect(transcript).toContain("新しい設定を保存しますか? (Y/N)Yセーブ中... CONFIG0 終了");
    expect(transcript).not.toContain("admin\r\n#");
    expect(sim.savedConfig()).toContain("ip route 10.9.0.0/16 gateway 192.168.11.1\n");
    const auth = sim.events().find((e) => e.type === "auth");
    expect(auth).toMatchObject({ result: "ok", user: "user", method: "password" });
  });

  test("the printed fingerprint is what ssh-keygen -lf computes", () => {
    const dir = mkdtempSync(join(tmpdir(), "nvr-sim-key-"));
    const file = join(dir, "host.pub");
    writeFileSync(file, `${sim.hostKey}\n`);
    const line = execFileSync("ssh-keygen", ["-lf", file], { encoding: "utf8" });
    expect(line.split(" ")[1]).toBe(sim.fingerprint);
    expect(sim.hostKey).toMatch(/^ssh-rsa AAAA/);
  });
});
