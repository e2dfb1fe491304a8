// Shared pieces of the e2e tests that drive test/e2e/fixtures/lab (the seed's fix built from the SDK's resources)
// with the real Pulumi CLI against nvr-sim: the starting network, credentials that must never leak, a stack
// wrapper that fails loudly, and views of the simulator's event log.
import * as fs from "fs";
import * as path from "path";
import { routerStackConfig } from "../../scripts/pulumi-toolchain";
import { startSimulator, type SimEvent, type Simulator, type SimulatorOptions } from "../../simulator";
import { Shell } from "../simulator/helpers";
import {
  makeTmpDir,
  pulumiEnv,
  REPO_ROOT,
  removeStackConfig,
  runPulumi,
  uniqueStackName,
  type PulumiResult,
} from "./harness";

export const LAB_PROJECT = path.join(__dirname, "fixtures", "lab");

/** The seed's section (1): the network before any fix. */
export const SEED_START = fs.readFileSync(
  path.join(REPO_ROOT, "simulator", "fixtures", "seed-start.conf"),
  "utf8",
);

/** Every secret a lab stack holds; none of them may show up in output, logs or state. */
export const SECRETS = {
  password: "login-Pw-e2e-7741",
  adminPassword: "admin-Pw-e2e-3390",
  preSharedKey: "psk-e2e-9d1c2b",
  users: [
    { name: "someone", password: "vpn-Pw-e2e-a1" },
    { name: "someone2", password: "vpn-Pw-e2e-b2" },
  ],
} as const;

export const EXTRA_USER = { name: "someone3", password: "vpn-Pw-e2e-c3" } as const;

export function secretValues(): string[] {
  return [
    SECRETS.password,
    SECRETS.adminPassword,
    SECRETS.preSharedKey,
    ...SECRETS.users.map((u) => u.password),
    EXTRA_USER.password,
  ];
}

/** An NVR510 simulator holding the starting network, logging in with the lab's credentials. */
export function startSeedRouter(opts: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({
    config: SEED_START,
    password: SECRETS.password,
    adminPassword: SECRETS.adminPassword,
    ...opts,
  });
}

/** A hand edit at the router's console, as an operator would make it. */
export async function handEdit(sim: Simulator, lines: string[]): Promise<void> {
  const shell = await Shell.open(sim, { password: SECRETS.password });
  try {
    await shell.login();
    await shell.unpaged();
    await shell.administrator(SECRETS.adminPassword);
    for (const line of lines) await shell.run(line);
    await shell.run("save");
  } finally {
    shell.close();
  }
}

/** One stack of a Pulumi project in the repository, with its own backend and home in a temporary directory. */
export class Stack {
  readonly tmp: string;
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly project: string,
    prefix: string,
  ) {
    this.tmp = makeTmpDir(prefix);
    this.name = uniqueStackName(prefix);
    this.env = pulumiEnv(this.tmp);
  }

  /** `pulumi <args> --stack NAME`; the result whatever the exit code. */
  attempt(...args: string[]): Promise<PulumiResult> {
    return runPulumi([...args, "--stack", this.name], { cwd: this.project, env: this.env });
  }

  /** `pulumi <args> --stack NAME`, failing with the engine's output on a non-zero exit. */
  async run(...args: string[]): Promise<PulumiResult> {
    const r = await this.attempt(...args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  async init(settings: Record<string, string>, secrets: Record<string, string>): Promise<void> {
    const init = await runPulumi(["stack", "init", this.name], { cwd: this.project, env: this.env });
    if (init.code !== 0) throw new Error(`pulumi stack init failed\n${init.stdout}\n${init.stderr}`);
    for (const [key, value] of Object.entries(settings)) await this.run("config", "set", key, value);
    for (const [key, value] of Object.entries(secrets))
      await this.run("config", "set", "--secret", key, value);
  }

  /** Sets the lab's own inputs: VPN users and the pre-shared key, both secret. */
  setLabSecrets(users: readonly { name: string; password: string }[]): Promise<PulumiResult> {
    return this.run("config", "set", "--secret", "users", JSON.stringify(users));
  }

  /** Everything the stack persisted: `pulumi stack export` and every file of the backend and PULUMI_HOME. */
  async persisted(): Promise<string> {
    const exported = (await this.run("stack", "export")).stdout;
    const files = fs
      .readdirSync(this.tmp, { recursive: true, encoding: "utf8" })
      .map((f) => path.join(this.tmp, f))
      .filter((f) => fs.statSync(f).isFile());
    return [exported, ...files.map((f) => fs.readFileSync(f, "utf8"))].join("\n");
  }

  /** Deletes the stack if it still exists, then its config file and temporary directory. */
  async remove(): Promise<void> {
    await runPulumi(["stack", "rm", this.name, "--yes", "--force"], { cwd: this.project, env: this.env });
    removeStackConfig(this.project, this.name);
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** Stack config for one simulated router: `nvr:*` settings and secrets. */
export function routerConfig(sim: Simulator): {
  settings: Record<string, string>;
  secrets: Record<string, string>;
} {
  const { settings, secrets } = routerStackConfig(sim, {
    user: "user",
    password: SECRETS.password,
    adminPassword: SECRETS.adminPassword,
  });
  return {
    settings,
    secrets: {
      ...secrets,
      "lab:preSharedKey": SECRETS.preSharedKey,
      "lab:users": JSON.stringify(SECRETS.users),
    },
  };
}

/**
 * A stack of the upgrade fixture (test/e2e/fixtures/upgrade: OverlapSafeVpn "office" publishing two hosts) on `sim`,
 * in `shape` "new" (as the component is) or "old" (its children before 0.2), with its secrets set; nothing run yet.
 */
export async function upgradeFixtureStack(
  sim: Simulator,
  prefix: string,
  shape: "new" | "old",
): Promise<Stack> {
  const stack = new Stack(path.join(__dirname, "fixtures", "upgrade"), prefix);
  const { settings, secrets } = routerConfig(sim);
  await stack.init(
    { ...settings, "upgrade:shape": shape },
    {
      "nvr:password": secrets["nvr:password"],
      "nvr:adminPassword": secrets["nvr:adminPassword"],
      "upgrade:password": `pw-e2e-${prefix}`,
      "upgrade:preSharedKey": `psk-e2e-${prefix}-long`,
    },
  );
  return stack;
}

export function eventsOf(sim: Simulator, type: SimEvent["type"]): SimEvent[] {
  return sim.events().filter((e) => e.type === type);
}

/** The lines that change config, as the router received them (no show, mode or save commands, and none of the
 * session's own console settings). */
export function configCommands(sim: Simulator): string[] {
  return eventsOf(sim, "command")
    .map((e) => String(e.text))
    .filter(
      (t) =>
        !/^(show |administrator|save$|(no )?console |exit$|quit$|help$|\*|pp select |tunnel select )/.test(t),
    );
}
