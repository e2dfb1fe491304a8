/**
 * ConfigTree → the router's canonical text, and context-tagged commands → a replayable script.
 */
import type { ConfigLine, ConfigTree, Context, ContextCommand } from "./model";

export interface RenderOptions {
  /** Print the header comment lines (default true). */
  header?: boolean;
}

/** `show config` layout: LF endings, one-space block indentation, two spaces for nested IPsec lines, no terminators. */
export function renderConfig(tree: ConfigTree, opts: RenderOptions = {}): string {
  const out: string[] = opts.header === false ? [] : [...tree.header.lines];
  for (const item of tree.items) {
    if (item.type === "line") {
      out.push(...renderLine(item.line));
    } else {
      out.push(item.block.select.text);
      for (const line of item.block.lines) out.push(...renderLine(line));
    }
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

function renderLine(line: ConfigLine): string[] {
  const first = " ".repeat(line.indent) + line.text;
  return line.heredoc ? [first, ...line.heredoc.body, line.heredoc.terminator] : [first];
}

function sameContext(a: Context, b: Context): boolean {
  if (a.kind === "pp" && b.kind === "pp") return a.peer === b.peer;
  if (a.kind === "tunnel" && b.kind === "tunnel") return a.tunnel === b.tunnel;
  return a.kind === b.kind;
}

/**
 * A script that enters each command in its context: `pp select X` / `tunnel select N` before a block's commands and
 * `pp select none` / `tunnel select none` after them (show config omits these, a replay needs them). Commands are not
 * indented, so the script can be typed or loaded as a config file.
 */
export function renderCommands(cmds: readonly ContextCommand[]): string {
  const out: string[] = [];
  let open: Context = { kind: "global" };
  const close = () => {
    if (open.kind !== "global") out.push(`${open.kind} select none`);
  };
  for (const { context, command } of cmds) {
    if (!sameContext(open, context)) {
      close();
      if (context.kind === "pp") out.push(`pp select ${context.peer}`);
      if (context.kind === "tunnel") out.push(`tunnel select ${context.tunnel}`);
      open = context;
    }
    out.push(command);
  }
  close();
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/**
 * The `commands` preview: a resource's NVR lines, one list element per line (so the engine diffs them line by line),
 * computed the same way in the program (for `pulumi preview --diff`) and in the provider (from the same `commands`
 * function whose unmasked output it applies), so the two cannot disagree.
 */
export function previewLines(commands: readonly ContextCommand[]): string[] {
  const text = renderCommands(commands);
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}
