/**
 * The `commands` preview: a resource's NVR lines as text, computed the same way in the program (for
 * `pulumi preview --diff`) and in the provider (for what is applied), so the two cannot disagree.
 */
import type { ContextCommand, Context } from "../provider/config/model";

function selectLine(context: Context): string | undefined {
  switch (context.kind) {
    case "global":
      return undefined;
    case "pp":
      return `pp select ${context.peer}`;
    case "tunnel":
      return `tunnel select ${context.tunnel}`;
  }
}

/**
 * Renders commands the way `show config` lays them out: a `pp select` / `tunnel select` line opens a
 * block whose lines are indented by one space, and a global line returns to column 0 (the router
 * prints no block terminator).
 */
export function renderCommands(commands: readonly ContextCommand[]): string[] {
  const out: string[] = [];
  let open: string | undefined;
  for (const { context, command } of commands) {
    const select = selectLine(context);
    if (select !== open) {
      if (select !== undefined) out.push(select);
      open = select;
    }
    out.push(select === undefined ? command : ` ${command}`);
  }
  return out;
}
