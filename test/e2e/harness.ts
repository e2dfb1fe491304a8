// Helpers for end-to-end tests that drive the real Pulumi CLI, fully offline.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePulumi, offlinePulumiEnv } from "../../scripts/pulumi-toolchain";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The directory holding `pulumi` and its Node.js plugins, from scripts/ensure-pulumi.sh (its last line). */
export function pulumiBinDir(): string {
  return ensurePulumi(REPO_ROOT);
}

/** The passphrase of every e2e stack; tests may assert that it never shows up either. */
export const E2E_PASSPHRASE = "e2e-passphrase-not-a-secret";

/** Environment for running `pulumi` offline (offlinePulumiEnv): state and home under `tmpDir`, the e2e passphrase. */
export function pulumiEnv(tmpDir: string): NodeJS.ProcessEnv {
  return offlinePulumiEnv(pulumiBinDir(), tmpDir, E2E_PASSPHRASE);
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
