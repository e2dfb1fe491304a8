// Helpers for end-to-end tests that drive the real Pulumi CLI, fully offline.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

let binDir: string | undefined;

/** The directory holding `pulumi` and its Node.js plugins, from scripts/ensure-pulumi.sh (its last line). */
export function pulumiBinDir(): string {
  if (binDir === undefined) {
    const out = execFileSync(path.join(REPO_ROOT, "scripts", "ensure-pulumi.sh"), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const last = out.trim().split("\n").pop() ?? "";
    if (!fs.existsSync(path.join(last, "pulumi"))) {
      throw new Error(
        `scripts/ensure-pulumi.sh did not print a directory holding pulumi: ${JSON.stringify(last)}`,
      );
    }
    binDir = last;
  }
  return binDir;
}

/** The passphrase of every e2e stack; tests may assert that it never shows up either. */
export const E2E_PASSPHRASE = "e2e-passphrase-not-a-secret";

/**
 * Environment for running `pulumi` offline: state in `<tmpDir>/state`, an isolated PULUMI_HOME in
 * `<tmpDir>/home`, a fixed passphrase, no update check, no plugin download, no registry calls, and the
 * toolchain directory first on PATH so the engine finds the language host and dynamic-provider launcher.
 */
export function pulumiEnv(tmpDir: string): NodeJS.ProcessEnv {
  const state = path.join(tmpDir, "state");
  const home = path.join(tmpDir, "home");
  fs.mkdirSync(state, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    PATH: `${pulumiBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_HOME: home,
    PULUMI_CONFIG_PASSPHRASE: E2E_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
  };
}

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pulumi <args> --non-interactive --color never` and resolves with its exit code and output; a
 * non-zero exit is a result, not a rejection, so tests can assert on failures.
 */
export function runPulumi(
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<PulumiResult> {
  const pulumi = path.join(pulumiBinDir(), "pulumi");
  return new Promise((resolve, reject) => {
    const child = spawn(pulumi, [...args, "--non-interactive", "--color", "never"], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** A fresh temporary directory for one test file's state, home and outputs. */
export function makeTmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `nvr-e2e-${prefix}-`));
}

/**
 * A stack name unique to this run. Stack config (Pulumi.<stack>.yaml) lives next to Pulumi.yaml, so a
 * unique name keeps concurrent runs on the same project apart; `pulumi stack rm` deletes the file.
 */
export function uniqueStackName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}`;
}

/** Removes what a test run may have left in a project directory if it failed before `stack rm`. */
export function removeStackConfig(projectDir: string, stack: string): void {
  fs.rmSync(path.join(projectDir, `Pulumi.${stack}.yaml`), { force: true });
}
