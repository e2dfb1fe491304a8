/**
 * The typed tree of a YAMAHA RT-family configuration (`show config` output or a config file).
 *
 * Vendor text → this tree → resource models and analyses (Batfish's split). The parser in this folder is the
 * only code that turns router text into this tree; the simulator deliberately has its own parser.
 */

/** Where a command line lives: at the top level or inside a `pp select` / `tunnel select` block. */
export type Context =
  | { kind: "global" }
  | { kind: "pp"; peer: string } // "1", "2", ... or "anonymous"
  | { kind: "tunnel"; tunnel: number };

export const GLOBAL: Context = { kind: "global" };

/** One command line as the router prints it. */
export interface ConfigLine {
  /** Command text without indentation, right-trimmed, wrapped continuations rejoined. */
  text: string;
  /** Arguments split on spaces with quotes removed and `\x` escapes resolved. */
  tokens: string[];
  /** 1-based number of the (first) physical source line, for error messages and lint findings. */
  line: number;
  /** Indentation in the router's rendering: 0 global, 1 inside a select block, 2 for IPsec lines nested under `ipsec tunnel`. */
  indent: 0 | 1 | 2;
  /** Body lines of an `embedded file NAME <<TERM` heredoc, with its terminator. */
  heredoc?: { terminator: string; body: string[] };
}

/** A `pp select X` or `tunnel select N` block. `show config` prints no terminator: the block ends at the next unindented line. */
export interface SelectBlock {
  kind: "pp" | "tunnel";
  /** "1", "anonymous" for pp; "2" for tunnel. */
  id: string;
  /** The `pp select ...` / `tunnel select ...` line itself. */
  select: ConfigLine;
  /** The lines inside the block, in order (indent 1 or 2). */
  lines: ConfigLine[];
}

export type ConfigItem = { type: "line"; line: ConfigLine } | { type: "block"; block: SelectBlock };

/** The `# ...` comment lines the router prints before the body. */
export interface ConfigHeader {
  /** The header comment lines verbatim (wrapped lines rejoined), `# Reporting Date:` included. */
  lines: string[];
  /** From `# NVR510 Rev.15.01.21 (...)`: "NVR510". */
  model?: string;
  /** From the same line: "15.01.21". */
  revision?: string;
}

export interface ConfigTree {
  header: ConfigHeader;
  /** Global lines and select blocks in router order. Comments and blank lines of config files are not kept. */
  items: ConfigItem[];
}

/** A command to send to a router, with the context it must be entered in. */
export interface ContextCommand {
  context: Context;
  /** The command text as typed (secrets in clear when `secret` is set: the session layer redacts it in every log). */
  command: string;
}
