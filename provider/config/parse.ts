/**
 * Router text (`show config` output captured over a console, or a config file) → ConfigTree.
 *
 * Pipeline per physical line: strip CR and pager residue → skip an echoed `show config` prompt and what came before
 * it → rejoin 79-column hard wraps → header / comment / blank / select / command line. Only ConfigParseError escapes.
 */
import { ConfigParseError } from "../errors";
import {
  type ConfigHeader,
  type ConfigItem,
  type ConfigLine,
  type ConfigTree,
  type SelectBlock,
} from "./model";
import { COMMAND_HEADS, commandScope, isNestedIpsec } from "./scope";
import { tokenize } from "./tokenize";

export interface ParseOptions {
  /**
   * "show" (default): `show config` output — indentation defines the blocks, a prompt line echoing `show config` and
   * anything before it (login banner) is dropped. "file": a config file or typed script — blocks are not indented, so
   * a block lasts until `pp select none` / `tunnel select none` (or another select) and holds the commands of its
   * scope, while global commands entered inside it stay global.
   */
  source?: "show" | "file";
  /**
   * The `console columns` setting of the capture (default 80): the console hard-wraps output after columns − 1
   * characters (measured at 80; assumed for other widths).
   */
  columns?: number;
}

interface Physical {
  text: string;
  line: number;
}

const DEFAULT_COLUMNS = 80;

/** `---つづく---` / `---more---`, then whatever the terminal used to erase it before the next line. */
const PAGER = /^-{3}\s*(?:つづく|more)\s*-{3}[ \t\b\r]*/i;
/** A prompt alone on a line: `#`, `>`, `YAMAHA-SUDOU#`, `pp1#`, `(RTX1210) >`. */
const PROMPT_ONLY = /^(?:\([^)]*\)\s*|[\w.-]*)[#>]$/;
/** A prompt followed by the echoed `show config` command. */
const ECHOED_SHOW_CONFIG = /^(?:\([^)]*\)\s*>|[\w.-]*[#>])\s*show\s+config\b/;
const HEADER_MODEL = /^#\s+(\S+)\s+Rev\.(\S+)/;
const HEREDOC = /^<<(\S+)$/;

export function parseConfig(text: string, opts: ParseOptions = {}): ConfigTree {
  const source = opts.source ?? "show";
  const wrapAt = (opts.columns ?? DEFAULT_COLUMNS) - 1;
  let physical = text.split("\n").map((raw, i): Physical => ({ text: cleanPhysical(raw), line: i + 1 }));
  if (source === "show") {
    const echo = physical.findIndex((p) => ECHOED_SHOW_CONFIG.test(p.text.trim()));
    if (echo >= 0) physical = physical.slice(echo + 1);
  }

  const header: ConfigHeader = { lines: [] };
  const items: ConfigItem[] = [];
  const blocks = new Map<string, SelectBlock>();
  let current: SelectBlock | undefined;
  let bodyStarted = false;

  for (let i = 0; i < physical.length;) {
    const first = physical[i++];
    let joined = first.text;
    let segment = first.text;
    while (i < physical.length && isContinuation(segment, physical[i].text, wrapAt, !bodyStarted)) {
      segment = physical[i++].text;
      joined += segment;
    }
    const trimmed = joined.trimEnd();
    const body = trimmed.trimStart();
    if (body === "" || PROMPT_ONLY.test(body)) continue;
    if (body.startsWith("#")) {
      // Leading `#` lines are the header; later ones are config-file comments, which the router does not keep.
      if (!bodyStarted && trimmed === body) header.lines.push(trimmed);
      continue;
    }
    bodyStarted = true;

    const lineNo = first.line;
    const indentWidth = trimmed.length - body.length;
    const tokens = tokenize(body, lineNo);
    const selectKind = selectOf(tokens);
    if (selectKind) {
      if (indentWidth > 0 && source === "show") {
        throw new ConfigParseError(lineNo, "indented select line: select lines start in column 0");
      }
      const id = selectId(selectKind, tokens, lineNo, body);
      if (id === undefined) {
        if (current?.kind === selectKind) current = undefined;
        continue;
      }
      const key = `${selectKind} ${id}`;
      current = blocks.get(key);
      if (!current) {
        current = {
          kind: selectKind,
          id,
          select: { text: body, tokens, line: lineNo, indent: 0 },
          lines: [],
        };
        blocks.set(key, current);
        items.push({ type: "block", block: current });
      }
      continue;
    }

    const line: ConfigLine = { text: body, tokens, line: lineNo, indent: 0 };
    // Only `embedded file` takes a heredoc; elsewhere `<<X` is an ordinary argument.
    const heredoc = tokens[0] === "embedded" ? HEREDOC.exec(tokens[tokens.length - 1]) : null;
    if (heredoc && body.endsWith(heredoc[0])) {
      const terminator = heredoc[1];
      const lines: string[] = [];
      for (;;) {
        if (i >= physical.length) {
          throw new ConfigParseError(lineNo, `unterminated heredoc: no "${terminator}" line follows`);
        }
        const p = physical[i++].text;
        if (p.trim() === terminator) break;
        lines.push(p);
      }
      line.heredoc = { terminator, body: lines };
    }

    if (indentWidth > 0) {
      // Config files allow leading spaces anywhere (yamaha-cli.md §7.2); outside a block they mean nothing.
      if (!current && source === "file") {
        items.push({ type: "line", line });
        continue;
      }
      if (!current) {
        // The line itself is not quoted: it may hold a pre-shared key or password.
        throw new ConfigParseError(lineNo, "indented line, but no pp select / tunnel select block is open");
      }
      line.indent = source === "show" ? (indentWidth >= 2 ? 2 : 1) : blockIndent(current, tokens);
      current.lines.push(line);
    } else if (source === "file" && current && commandScope(tokens) === current.kind) {
      line.indent = blockIndent(current, tokens);
      current.lines.push(line);
    } else {
      if (source === "show") current = undefined;
      items.push({ type: "line", line });
    }
  }

  const model = header.lines.map((l) => HEADER_MODEL.exec(l)).find((m) => m !== null);
  if (model) {
    header.model = model[1];
    header.revision = model[2];
  }
  return { header, items };
}

/**
 * Guesses the source of a text: "file" when a select line is followed directly by an unindented command of that
 * block's scope (typed-script style, as in the seed) or a block is closed with `pp select none` / `tunnel select
 * none` (which `show config` never prints: a saved or hand-written config file, indented or not), else "show".
 */
export function detectSource(text: string): "show" | "file" {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (lines.some((l) => /^\s*(pp|tunnel) select none\s*$/.test(l))) return "file";
  for (let i = 0; i + 1 < lines.length; i++) {
    const kind = /^(pp|tunnel) select (?!none\b)\S/.exec(lines[i])?.[1];
    const next = lines[i + 1];
    if (kind && !/^\s/.test(next) && commandScope(next.split(/\s+/)) === kind) return "file";
  }
  return "show";
}

/** Removes the CR of CRLF, pager residue, and text a CR or backspace overwrote on the terminal. */
function cleanPhysical(raw: string): string {
  let s = raw.replace(PAGER, "");
  const cr = s.lastIndexOf("\r", s.length - 2);
  s = (cr >= 0 ? s.slice(cr + 1) : s).replace(/\r$/, "");
  if (s.includes("\b")) {
    const out: string[] = [];
    for (const c of s) {
      if (c === "\b") out.pop();
      else out.push(c);
    }
    s = out.join("");
  }
  return s;
}

/**
 * Whether `next` continues the hard-wrapped physical line `prev`: `prev` filled the console width (or is the `# main:`
 * header line, which authors often mask to a shorter length) and `next` does not start like a command or comment.
 */
function isContinuation(prev: string, next: string, wrapAt: number, inHeader: boolean): boolean {
  const filled = columns(prev) === wrapAt || (inHeader && prev.startsWith("# main:"));
  if (next.trim() === "" || !filled) return false;
  const word = next.trimStart().split(/[ \t]/, 1)[0];
  return !word.startsWith("#") && !COMMAND_HEADS.has(word) && !PROMPT_ONLY.test(next.trim());
}

/** Display columns: East Asian wide characters take two (as in the Japanese pager text). */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    n += wide ? 2 : 1;
  }
  return n;
}

function selectOf(tokens: readonly string[]): "pp" | "tunnel" | undefined {
  const t = tokens[0] === "no" ? tokens.slice(1) : tokens;
  return (t[0] === "pp" || t[0] === "tunnel") && t[1] === "select" ? t[0] : undefined;
}

/** The selected id, or undefined for `... select none` / `no ... select`, which close the block. */
function selectId(
  kind: "pp" | "tunnel",
  tokens: readonly string[],
  line: number,
  text: string,
): string | undefined {
  if (tokens[0] === "no") return undefined;
  const id = tokens[2];
  if (tokens.length === 3 && id === "none") return undefined;
  const valid = kind === "pp" ? /^(?:[1-9]\d*|anonymous)$/ : /^[1-9]\d*$/;
  if (tokens.length !== 3 || !valid.test(id)) {
    const expected = kind === "pp" ? "pp select N|anonymous|none" : "tunnel select N|none";
    throw new ConfigParseError(line, `malformed select line "${text}": expected "${expected}"`);
  }
  return id;
}

/** Indentation the router gives a block line: two spaces for IPsec lines after the tunnel's `ipsec tunnel`. */
function blockIndent(block: SelectBlock, tokens: readonly string[]): 1 | 2 {
  const nested =
    block.kind === "tunnel" &&
    isNestedIpsec(tokens) &&
    block.lines.some((l) => l.tokens[0] === "ipsec" && l.tokens[1] === "tunnel");
  return nested ? 2 : 1;
}
