/**
 * The `commands` preview: a resource's NVR lines as text, computed the same way in the program (for
 * `pulumi preview --diff`) and in the provider (from the same `commands` function whose unmasked
 * output it applies), so the two cannot disagree.
 */
import type { ContextCommand } from "../provider/config/model";
import { renderCommands } from "../provider/config/render";

/** The commands as the lines one would type, one list element per line (so the CLI diffs them line by line). */
export function previewLines(commands: readonly ContextCommand[]): string[] {
  const text = renderCommands(commands);
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}
