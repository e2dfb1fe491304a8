// The two things the campaign breaks: the lab stack's `pulumi up` (test/e2e/fixtures/lab, the real Pulumi CLI and
// the built provider) and `nvr apply` of a mixed command file (the built CLI, dist/cli/nvr.js). Both run as real
// processes, as a user runs them: a killed or stopped client is a process, and two clients share nothing but the
// router.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Fault, Simulator } from "../../simulator";
import { pulumiBinDir, REPO_ROOT, removeStackConfig, runPulumi } from "../e2e/harness";
import { LAB_PROJECT, routerConfig, SECRETS, SEED_START, Stack, startSeedRouter } from "../e2e/lab";
import { start, type Started } from "./procs";
import type { Secrets } from "./verdict";

/** Long enough for a slow `pulumi up` on a loaded 2-core machine; a hung run still ends the case. */
export const UP_TIMEOUT_MS = 120_000;
export const APPLY_TIMEOUT_MS = 60_000;

/** A secret of the seed's start config (its placeholder credentials): the router's secrets before any run. */
function seedSecret(pattern: RegExp): RegExpExecArray {
  const found = pattern.exec(SEED_START);
  // An empty "secret" would be found everywhere: fail here instead.
  if (!found) throw new Error(`simulator/fixtures/seed-start.conf has no line matching ${pattern.source}`);
  return found;
}
const SEED_PSK = seedSecret(/pre-shared-key \d+ text (\S+)/)[1];
const SEED_USER = seedSecret(/pp auth username (\S+) (\S+)/);

/** `nvr apply`'s mixed file: global lines, the pp anonymous block with a changed password and a new user, the
 * tunnel block with a changed pre-shared key. */
export const APPLY_SECRETS = {
  psk: "apply-psk-rot-8f3e",
  changedPassword: "apply-Pw-rot-5e1d",
  newPassword: "apply-Pw-new-3c9a",
} as const;

export const APPLY_FILE_TEXT = [
  "ip route 192.168.253.240/32 gateway 192.168.11.240",
  "dhcp server rfc2131 compliant except remain-silent",
  "no ip lan1 proxyarp",
  "pp select anonymous",
  ` pp auth username ${SEED_USER[1]} ${APPLY_SECRETS.changedPassword}`,
  ` pp auth username apply-user ${APPLY_SECRETS.newPassword}`,
  " ip pp remote address pool 192.168.254.1-192.168.254.3",
  "pp select none",
  "tunnel select 2",
  ` ipsec ike pre-shared-key 2 text ${APPLY_SECRETS.psk}`,
  " ipsec ike keepalive use 2 on",
  "tunnel select none",
  "ipsec transport 3 3 udp 1701",
  "",
].join("\n");

/** Every secret a case may hold, by a printable name: none may show up in output, logs, state or the event log. */
export const CAMPAIGN_SECRETS: Secrets = {
  "login password": SECRETS.password,
  "administrator password": SECRETS.adminPassword,
  "lab pre-shared key": SECRETS.preSharedKey,
  ...Object.fromEntries(SECRETS.users.map((u) => [`lab password of ${u.name}`, u.password])),
  "seed pre-shared key": SEED_PSK,
  [`seed password of ${SEED_USER[1]}`]: SEED_USER[2],
  "apply pre-shared key": APPLY_SECRETS.psk,
  [`apply password of ${SEED_USER[1]}`]: APPLY_SECRETS.changedPassword,
  "apply password of apply-user": APPLY_SECRETS.newPassword,
};

/** Lines of `start` holding one of the seed's secrets that the intended config changes: still there after a run
 * that reported success means the change was taken as done without being made. */
export function oldSecretLines(startConfig: string, intended: string): string[] {
  const seedSecrets = [SEED_PSK, SEED_USER[2]];
  const kept = new Set(intended.split("\n"));
  return startConfig
    .split("\n")
    .filter((l) => l !== "" && seedSecrets.some((s) => l.includes(s)) && !kept.has(l))
    .map((l) => l.trim());
}

/** A lab stack of its own (temporary backend, home and stack name) pointed at one simulator. */
export class LabStack {
  private constructor(
    readonly sim: Simulator,
    readonly stack: Stack,
  ) {}

  static async open(sim: Simulator, prefix: string): Promise<LabStack> {
    const stack = new Stack(LAB_PROJECT, prefix);
    const lab = new LabStack(sim, stack);
    try {
      const where = { cwd: stack.project, env: stack.env };
      const init = await runPulumi(["stack", "init", stack.name], where);
      if (init.code !== 0) throw new Error(`pulumi stack init: ${init.stderr}`);
      // One `config set-all` instead of Stack.init's one process per key: stack setup is per case here.
      const { settings, secrets } = routerConfig(sim);
      const pairs = [
        ...Object.entries(settings).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]),
        ...Object.entries(secrets).flatMap(([k, v]) => ["--secret", `${k}=${v}`]),
      ];
      const set = await runPulumi(["config", "set-all", "--stack", stack.name, ...pairs], where);
      if (set.code !== 0) throw new Error(`pulumi config set-all: ${set.stderr}`);
    } catch (e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  /** `pulumi up`, with the engine's log on stderr so the secrets check covers it (at the default level: from -v=3
   * Pulumi's own RPC logging prints secret inputs, README). */
  up(): Started {
    const args = ["up", "--yes", "--skip-preview", "--logtostderr"];
    return start(
      path.join(pulumiBinDir(), "pulumi"),
      [...args, "--stack", this.stack.name, "--non-interactive", "--color", "never"],
      { cwd: this.stack.project, env: this.stack.env, timeoutMs: UP_TIMEOUT_MS },
    );
  }

  /** Everything the stack persisted: its backend and home under the temporary directory, and its config file. */
  persisted(): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const f of fs.readdirSync(this.stack.tmp, { recursive: true, encoding: "utf8" })) {
      const file = path.join(this.stack.tmp, f);
      if (fs.statSync(file).isFile()) texts[`stack file ${f}`] = fs.readFileSync(file, "utf8");
    }
    const config = path.join(this.stack.project, `Pulumi.${this.stack.name}.yaml`);
    if (fs.existsSync(config)) texts["stack config file"] = fs.readFileSync(config, "utf8");
    return texts;
  }

  /** Removes the stack's files; no `pulumi stack rm`, the backend goes with the temporary directory. */
  close(): void {
    removeStackConfig(this.stack.project, this.stack.name);
    fs.rmSync(this.stack.tmp, { recursive: true, force: true });
  }
}

/**
 * The lab resource (test/e2e/fixtures/lab/index.js) a config line or command belongs to, given the `pp select` /
 * `tunnel select` block it is in: a `pulumi up` that fails in one resource leaves that resource as before while
 * the engine creates the others, so the lab is judged resource by resource.
 */
export function labPart(line: string, block: string | undefined): string {
  const text = line.trim().replace(/^no /, "");
  // The lab's only blocks are the VPN's (pp anonymous, tunnel 2), and it owns the transport template.
  if (block !== undefined || /^(pp|tunnel) select |^ipsec transport /.test(text)) return "vpn";
  const lan = /^ip (lan\d) /.exec(text);
  if (lan) return lan[1];
  if (/^ip route /.test(text)) return "fileserver";
  const nat = /^nat descriptor \D*(\d+)/.exec(text);
  if (nat) return `nat${nat[1]}`;
  return "other";
}

/** A config split by lab resource. */
export function labParts(config: string): Map<string, string> {
  const parts = new Map<string, string>();
  let block: string | undefined;
  for (const line of config.split("\n")) {
    if (line === "") continue;
    if (!line.startsWith(" ")) block = /^(pp|tunnel) select /.test(line) ? line : undefined;
    const part = labPart(line, block);
    parts.set(part, `${parts.get(part) ?? ""}${line}\n`);
  }
  return parts;
}

/** The lab resource of each command of a run, following the `... select` context it was typed in. */
export function labCommandParts(commands: readonly string[]): string[] {
  let block: string | undefined;
  return commands.map((cmd) => {
    if (/^(pp|tunnel) select /.test(cmd)) block = / none$/.test(cmd) ? undefined : cmd;
    return labPart(cmd, /^(pp|tunnel) select /.test(cmd) ? cmd : block);
  });
}

/** The built `nvr` CLI: `nvr apply` runs as its own process, as two concurrent clients would. */
export const NVR_CLI = path.join(REPO_ROOT, "dist", "cli", "nvr.js");

/** `nvr apply FILE --verbose` against the simulator (the session log on stderr, so the secrets check covers it). */
export function nvrApply(sim: Simulator, file: string): Started {
  return start(
    process.execPath,
    [
      NVR_CLI,
      "apply",
      file,
      ...["--host", sim.host, "--port", String(sim.port), "--user", "user", "--host-key", sim.fingerprint],
      "--verbose",
    ],
    {
      env: { ...process.env, NVR_PASSWORD: SECRETS.password, NVR_ADMIN_PASSWORD: SECRETS.adminPassword },
      timeoutMs: APPLY_TIMEOUT_MS,
    },
  );
}

let campaignDir: string | undefined;

/** The campaign's temporary directory: its command files and the simulators' shared host key. */
function dir(): string {
  return (campaignDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "nvr-campaign-")));
}

export function removeCampaignDir(): void {
  if (campaignDir) fs.rmSync(campaignDir, { recursive: true, force: true });
  campaignDir = undefined;
}

/** A fresh seed router for one case. All share one host key: generating an RSA key per case would block the
 * event loop every other case's simulator runs on. */
export function caseRouter(faults: Fault[] = []): Promise<Simulator> {
  return startSeedRouter({ faults, stateDir: dir() });
}

/** The campaign's command files, written once. */
export function writeFiles<K extends string>(files: Record<K, string>): Record<K, string> {
  const paths = {} as Record<K, string>;
  for (const name of Object.keys(files) as K[]) {
    paths[name] = path.join(dir(), `${name}.txt`);
    fs.writeFileSync(paths[name], files[name]);
  }
  return paths;
}
