/** For tests of the `nvr` CLI: a command run in-process with an in-memory CliIo, and cli/nvr.ts run as a process. */
import { spawnSync } from "child_process";
import * as path from "path";
import { runCommand, type CliCommand } from "../cli/shared";

const ROOT = path.join(__dirname, "..");

/** One command as `nvr` runs it, with `env` as the whole environment: its exit code and what it printed. */
export async function runIn<Opts, Args extends unknown[]>(
  command: CliCommand<Opts, Args>,
  args: Args,
  opts: Opts,
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), env };
  const status = await runCommand(command, args, opts, io);
  return { status, stdout, stderr };
}

// Loads cli/nvr.ts through a transpile-only require hook from the installed TypeScript (no build needed) and
// exits with main's code.
const RUN = `const ts=require("typescript");require.extensions[".ts"]=(m,f)=>m._compile(ts.transpileModule(require("fs").readFileSync(f,"utf8"),{compilerOptions:{module:ts.ModuleKind.CommonJS,target:ts.ScriptTarget.ES2022,esModuleInterop:true}}).outputText,f);require(process.argv[1]).main(process.argv.slice(2)).then(c=>{process.exitCode=c});`;

/** `nvr ARGS...` in a real node process, from the repository root. */
export function nvr(...args: string[]) {
  return spawnSync(process.execPath, ["-e", RUN, path.join(ROOT, "cli/nvr.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
}
