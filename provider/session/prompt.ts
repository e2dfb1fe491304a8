/**
 * Pure reading of the router's byte stream: prompts, echoed input, pager lines, error lines, character sets.
 * Kept free of I/O so recorded streams can be tested directly.
 */

/** What the prompt says about the session's state. */
export interface Prompt {
  admin: boolean;
  /** "pp1", "anonymous", "tunnel2", or "" at the top level. */
  context: string;
  /** Index in the buffer where the prompt line starts (output before it belongs to the command). */
  start: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Matches the exact prompt of a session whose `console prompt` is `prefix`, only at the very end of the buffer and
 * only as a whole line: a `# RTX830 Rev...` comment line of `show config` never ends the buffer with `# ` alone,
 * and an echoed `pp1# ...` line is followed by its line break.
 */
export function promptMatcher(prefix: string): (buffer: string) => Prompt | undefined {
  const re = new RegExp(`(?:^|\\n)(${escapeRegExp(prefix)}((?:pp\\d+|anonymous|tunnel\\d+)?)([#>]) )$`);
  return (buffer) => {
    const m = re.exec(buffer);
    if (!m) return undefined;
    return { admin: m[3] === "#", context: m[2], start: buffer.length - m[1].length };
  };
}

/**
 * The `console prompt` prefix, learnt from the first prompt after login (the banner ends with `PREFIX> ` or,
 * for a user with administrator=on-login setups, `PREFIX# `).
 */
export function learnPrefix(banner: string): string | undefined {
  const m = /(?:^|\n)([^\r\n]*?)[#>] $/.exec(banner);
  return m ? m[1] : undefined;
}

/**
 * `つづく` as text and as the latin1 view of its UTF-8 and Shift_JIS bytes: the session matches prompts on a
 * byte-for-byte latin1 view of the stream, before it knows how to decode it.
 */
const CONTINUE = ["つづく", Buffer.from("つづく", "utf8").toString("latin1"), "\x82\xc2\x82\xc3\x82\xad"]
  .map((s) => s.replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`))
  .join("|");
const PAGER_AT_END = new RegExp(`---\\s*(?:${CONTINUE}|more)\\s*---\\s*$`, "i");

/** The pager line the router prints when output exceeds `console lines` (Japanese and ASCII forms). */
export function endsWithPager(buffer: string): boolean {
  return PAGER_AT_END.test(buffer);
}

/**
 * Removes pager lines (and the spaces the router overwrites them with) from collected output. Blanking that ends
 * with a carriage return or backspace is removed up to that character only: the spaces after it are the next
 * line's indentation (a block line such as `  ipsec ike ...`).
 */
export function removePagerLines(text: string): string {
  return text.replace(/---\s*(?:つづく|more)\s*---(?:[ \b\r]*[\b\r]| *)/gi, "");
}

/**
 * Drops the echo of `command` from the start of `raw`. The echo may be hard-wrapped by the router (line breaks
 * inserted after `console columns`-1 characters), so characters are matched one by one, skipping line breaks.
 */
export function stripEcho(raw: string, command: string): string {
  let i = 0;
  let j = 0;
  while (j < command.length && i < raw.length) {
    const c = raw[i];
    if (c === "\r" || c === "\n") {
      i++;
      continue;
    }
    if (c !== command[j]) return raw; // not an echo (e.g. a password): keep everything
    i++;
    j++;
  }
  if (j < command.length) return raw.slice(i);
  if (raw.startsWith("\r\n", i)) return raw.slice(i + 2);
  if (raw[i] === "\n") return raw.slice(i + 1);
  return raw.slice(i);
}

/** The router's error message in a command's output (`Error: ...` or `エラー: ...`), if any. */
export function findError(output: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const t = line.trim();
    if (/^(?:Error:|エラー:|エラー：)/.test(t)) return t;
  }
  return undefined;
}

/** Node decoder name for a `console character` value (old firmware spells them without the `ja.` / `en.` prefix). */
export function decoderFor(character: string | undefined): string {
  switch (character?.replace(/^(?:ja|en)\./, "")) {
    case "ascii":
    case "utf8":
      return "utf-8"; // ASCII is a subset; tolerates UTF-8 descriptions
    case "euc":
      return "euc-jp";
    default:
      return "shift_jis"; // the hardware default
  }
}

/**
 * Decodes output in the console's character set. Valid UTF-8 is taken as UTF-8 first: ASCII is a subset, and
 * Shift_JIS/EUC text with Japanese in it is practically never valid UTF-8.
 */
export function decode(bytes: Buffer, character: string | undefined): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(decoderFor(character)).decode(bytes);
  }
}
