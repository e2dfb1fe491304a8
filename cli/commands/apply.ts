/**
 * `nvr apply --host H --port P --user U --host-key SHA256:... [--model M] FILE`: applies a file of command lines
 * (with `pp select` / `tunnel select` context lines) transactionally, printing the plan and the result. Passwords
 * come from NVR_PASSWORD / NVR_ADMIN_PASSWORD only, never from argv (argv is visible to every local user).
 * Exit 0 applied (and saved unless --no-save), 1 failed (rolled back when it says so), 2 bad input.
 */
import { planFromTree } from "../../provider/apply/plan";
import { isOperation } from "../../provider/config/keys";
import type { ContextCommand } from "../../provider/config/model";
import { renderCommands } from "../../provider/config/render";
import { hasControlCharacter } from "../../provider/resources/lines";
import { redact } from "../../provider/secrets";
import { RouterError, routerAddress } from "../../provider/session";
import {
  addRouterOptions,
  CliError,
  connectionFrom,
  Exit,
  readConfig,
  withRouter,
  type CliCommand,
  type RouterCliOptions,
} from "../shared";

export interface ApplyCliOptions extends RouterCliOptions {
  save?: boolean;
  commitConfirmed?: boolean;
  confirmTimeout?: string;
  allowOperations?: boolean;
  takeOverUnsaved?: boolean;
}

/**
 * The file's lines as a plan, refusing what must never be typed from a file: control characters (Ctrl-U clears
 * the router's input line, so `x\x15restart` runs `restart`) and, unless explicitly allowed, operation commands.
 */
function planOfFile(file: string, allowOperations: boolean): ContextCommand[] {
  const tree = readConfig(file, { source: "file" });
  const lines = tree.items.flatMap((i) => (i.type === "line" ? [i.line] : i.block.lines));
  for (const line of lines) {
    if (hasControlCharacter(line.text))
      throw new CliError(`${file}:${line.line}: a control character in a command line is never sent`);
    if (!allowOperations && isOperation(line.tokens))
      throw new CliError(
        `${file}:${line.line}: "${line.tokens.slice(0, 2).join(" ")}" is an operation, not configuration; nothing was sent (pass --allow-operations to send it anyway)`,
      );
  }
  return planFromTree(tree);
}

export const applyCommand: CliCommand<ApplyCliOptions, [file: string]> = {
  define: (program) =>
    addRouterOptions(
      program
        .command("apply")
        .description(
          "apply a file of command lines to a router transactionally (rollback on error, then save)",
        )
        .argument("<file>", "command lines, with pp select / tunnel select context lines"),
      "required",
    )
      .option("--no-save", "apply and verify, but do not save")
      .option("--commit-confirmed", "arm a restart first and verify from a fresh login before saving")
      .option("--confirm-timeout <sec>", "seconds until the armed restart (default 300)")
      .option(
        "--allow-operations",
        "send operation commands in the file too (restart, delete, load, clear, ...)",
      )
      .option(
        "--take-over-unsaved",
        "save unsaved changes someone else left in the running config together with this file's (default: refuse)",
      ),
  errorPrefix: "nvr apply: ",
  async run([file], opts, io) {
    const conn = connectionFrom(opts, io);
    const plan = planOfFile(file, opts.allowOperations === true);
    io.out(`plan for ${routerAddress(conn)} (${plan.length} command(s)):\n${redact(renderCommands(plan))}`);
    if (plan.length === 0) {
      io.out("nothing to apply\n");
      return Exit.ok;
    }
    const session = { ...conn, takeOverUnsaved: opts.takeOverUnsaved === true, client: "nvr apply" };
    return withRouter(session, async (router) => {
      try {
        const result = await router.apply(plan, {
          save: opts.save,
          commitConfirmed: opts.commitConfirmed ? true : "auto",
          confirmTimeoutSec: opts.confirmTimeout === undefined ? undefined : Number(opts.confirmTimeout),
          label: file,
        });
        io.out(
          `applied ${result.applied.length} command(s)${result.saved ? ", saved" : ", NOT saved (--no-save)"}\n`,
        );
        return Exit.ok;
      } catch (e) {
        // The one failure with more to say than its message: whether the router is as it was.
        if (!(e instanceof RouterError && e.rolledBack)) throw e;
        io.err(`nvr apply: ${redact(e.message)}\nrolled back: the router is as before; nothing saved\n`);
        return Exit.negative;
      }
    });
  },
};
