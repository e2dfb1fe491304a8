/**
 * The offline Pulumi toolchain, for everything that drives the real Pulumi CLI (the demo, the bench, the e2e
 * tests): the CLI from scripts/ensure-pulumi.sh and an environment that keeps state and home local and never
 * reaches the network.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The repository root: the nearest directory up from here holding scripts/ensure-pulumi.sh (source or dist). */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "ensure-pulumi.sh"))) return dir;
  }
  throw new Error(`no scripts/ensure-pulumi.sh above ${__dirname}`);
})();

/** Bin directory by repository root: ensure-pulumi.sh runs once per process. */
const binDirs = new Map<string, string>();

/** The directory holding `pulumi` and its Node.js plugins: the last line scripts/ensure-pulumi.sh prints. */
export function ensurePulumi(root: string = REPO_ROOT): string {
  const known = binDirs.get(root);
  if (known !== undefined) return known;
  const out = execFileSync(path.join(root, "scripts", "ensure-pulumi.sh"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = out.trim().split("\n").pop() ?? "";
  if (!fs.existsSync(path.join(dir, "pulumi")))
    throw new Error(
      `scripts/ensure-pulumi.sh did not print a directory holding pulumi: ${JSON.stringify(dir)}`,
    );
  binDirs.set(root, dir);
  return dir;
}

/**
 * Pulumi fully offline: a file backend in `<dir>/state` and an isolated PULUMI_HOME in `<dir>/home`, a
 * passphrase, no update check, no plugin download or registry look-up, and the toolchain first on PATH so the
 * engine finds its language host and dynamic-provider launcher.
 */
export function offlinePulumiEnv(binDir: string, dir: string, passphrase: string): NodeJS.ProcessEnv {
  const state = path.join(dir, "state");
  const home = path.join(dir, "home");
  fs.mkdirSync(state, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_HOME: home,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
  };
}

/** Stack config pointing the provider at a router: the `nvr:*` connection settings and the passwords (secrets). */
export function routerStackConfig(
  router: { host: string; port: number; fingerprint: string },
  login: { user: string; password: string; adminPassword: string },
): { settings: Record<string, string>; secrets: Record<string, string> } {
  return {
    settings: {
      "nvr:host": router.host,
      "nvr:port": String(router.port),
      "nvr:username": login.user,
      "nvr:hostKey": router.fingerprint,
    },
    secrets: { "nvr:password": login.password, "nvr:adminPassword": login.adminPassword },
  };
}
