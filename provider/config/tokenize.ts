/**
 * Argument splitting as the RT command line does it (command reference §1.5): spaces separate parameters, and a
 * parameter containing a space, `?`, `#`, `|`, `>`, `\`, `'` or `"` must be quoted (`'...'` / `"..."`) or escaped
 * with a backslash (`\?`, `\#`, `\\`, `\ `).
 */
import { ConfigParseError } from "../errors";

const SEPARATOR = /[ \t]/;

/**
 * Splits a command line into its parameters, removing quotes and resolving `\x` escapes. Inside quotes a backslash is
 * literal (quoting is the documented alternative to escaping). A trailing lone backslash is kept as a literal.
 * @param line the 1-based source line named in the error for an unterminated quote.
 */
export function tokenize(text: string, line = 0): string[] {
  const tokens: string[] = [];
  let current = "";
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new ConfigParseError(line, `unterminated ${c} quote`);
      current += text.slice(i + 1, end);
      inToken = true;
      i = end;
    } else if (c === "\\") {
      current += i + 1 < text.length ? text[++i] : c;
      inToken = true;
    } else if (SEPARATOR.test(c)) {
      if (inToken) tokens.push(current);
      current = "";
      inToken = false;
    } else {
      current += c;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}

const NEEDS_QUOTING = /[ \t?#|>\\'"]/;

/** The inverse of `tokenize` for one parameter: returns it bare when safe, else quoted, else escaped. */
export function quoteToken(s: string): string {
  if (s === "") return '""';
  if (!NEEDS_QUOTING.test(s)) return s;
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return s.replace(/[ \t?#|>\\'"]/g, (c) => `\\${c}`);
}

/** Joins parameters back into a command line that `tokenize` splits into the same parameters. */
export function joinTokens(tokens: readonly string[]): string {
  return tokens.map(quoteToken).join(" ");
}
