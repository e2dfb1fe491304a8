/**
 * An independent client against nvr-sim: netmiko's `yamaha` driver (PyPI, pinned in scripts/netmiko-requirements.txt)
 * run by scripts/netmiko-client.py from the venv scripts/netmiko-venv.sh makes (.ci/run does it and exports
 * NVR_NETMIKO_PYTHON). netmiko takes its base prompt from the prompt with its last character cut, so the router has a
 * `console prompt` as the driver's users set one (yamaha-cli.md §2).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "../../simulator/index";
import { SEED, eventually } from "./helpers";

const ROOT = join(__dirname, "../..");
const CLIENT = join(ROOT, "scripts/netmiko-client.py");
const PYTHON =
  process.env.NVR_NETMIKO_PYTHON ??
  join(
    process.env.NVR_TOOLS_CACHE ??
      join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-yamaha-nvr"),
    "netmiko-venv/bin/python",
  );

const USER = "netops";
const PASSWORD = "login-pw-7Qz";
const ADMIN_PASSWORD = "admin-pw-K3v";
const CONFIG = [
  "ip route 10.1.4.0/24 gateway 192.168.1.1",
  "dhcp scope 2 192.168.12.2-192.168.12.63/24",
  "dns server 192.168.1.1",
];

interface NetmikoResult {
  error?: string;
  base_prompt: string;
  enable: string;
  enable_mode: boolean;
  config_set: string;
  show_config: string;
  save?: string;
  exit_enable: string;
  enable_mode_after_exit: boolean;
  prompt_after_exit: string;
}

/** Runs the client with the request on stdin; resolves with its JSON answer whatever its exit status. */
function netmiko(sim: Simulator, save: boolean): Promise<NetmikoResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [CLIENT], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        resolve(JSON.parse(out) as NetmikoResult);
      } catch {
        reject(new Error(`netmiko client exited ${String(code)}: ${out}${err}`));
      }
    });
    child.stdin.end(
      JSON.stringify({
        host: sim.host,
        port: sim.port,
        username: USER,
        password: PASSWORD,
        secret: ADMIN_PASSWORD,
        config: CONFIG,
        save,
      }),
    );
  });
}

const lines = (text: string): string[] => text.split("\n").map((l) => l.trimEnd());

describe("netmiko's yamaha driver against nvr-sim", () => {
  let sim: Simulator;

  beforeAll(() => {
    if (!existsSync(PYTHON))
      throw new Error(
        `no netmiko venv at ${PYTHON}: run .ci/run or scripts/netmiko-venv.sh, which make it there ` +
          "(NVR_NETMIKO_PYTHON names another python)",
      );
  });

  beforeEach(async () => {
    sim = await startSimulator({
      config: `console prompt yamaha\n${SEED}`,
      user: USER,
      password: PASSWORD,
      adminPassword: ADMIN_PASSWORD,
    });
  });

  afterEach(async () => {
    await sim.stop();
  });

  test("connects, enters administrator mode, sends a config set, reads show config, saves and exits", async () => {
    const r = await netmiko(sim, true);
    expect(r.error).toBeUndefined();
    expect(r.base_prompt).toBe("yamaha");
    expect(r.enable).toContain("Password:");
    expect(r.enable_mode).toBe(true);
    expect(r.config_set).not.toMatch(/Error|エラー/);

    // The client's show config, the router's running and its saved config all hold the lines.
    for (const line of CONFIG) {
      expect(lines(r.show_config)).toContain(line);
      expect(lines(sim.runningConfig())).toContain(line);
      expect(lines(sim.savedConfig())).toContain(line);
    }
    expect(r.save).toMatch(/CONFIG0/);

    // Nothing was left unsaved, so leaving administrator mode asked nothing and the login ended with the client.
    expect(r.exit_enable).not.toContain("(Y/N)");
    expect(r.enable_mode_after_exit).toBe(false);
    expect(r.prompt_after_exit).toBe("yamaha>");
    await eventually(() =>
      expect(sim.events().filter((e) => e.type === "disconnect")).toEqual([
        expect.objectContaining({ reason: "channel closed" }),
      ]),
    );
    const commands = sim.events().flatMap((e) => (e.type === "command" ? [e.text] : []));
    expect(commands).toEqual([
      "console lines infinity",
      "administrator",
      ...CONFIG,
      "show config",
      "save",
      "exit",
    ]);
    const events = JSON.stringify(sim.events());
    expect(events).not.toContain(ADMIN_PASSWORD);
    expect(events).not.toContain(PASSWORD);
  });

  test("leaving administrator mode unsaved: the router asks, the driver's single N keeps the saved config", async () => {
    const saved = sim.savedConfig();
    const r = await netmiko(sim, false);
    expect(r.error).toBeUndefined();
    expect(r.exit_enable).toContain("(Y/N)");
    expect(r.enable_mode_after_exit).toBe(false);
    expect(r.prompt_after_exit).toBe("yamaha>");
    for (const line of CONFIG) expect(lines(sim.runningConfig())).toContain(line);
    expect(sim.savedConfig()).toBe(saved);
    expect(sim.events().some((e) => e.type === "save")).toBe(false);
  });
});
