/** Splits a command line into words the way the router does (CR §1.5). */

export interface Token {
  /** As typed, including any quotes or escapes (canonical text keeps the user's quoting). */
  raw: string;
  /** With quotes and escapes removed (what validation sees). */
  value: string;
  /** Where `raw` starts and ends in the text tokenised (to mask a word in place). */
  start: number;
  end: number;
}

/** Splits on blanks; `"..."`, `'...'` and `\x` protect blanks (CR §1.5). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let raw = "";
    let value = "";
    while (i < text.length && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        const close = end < 0 ? text.length : end;
        raw += text.slice(i, close + 1);
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (c === "\\" && i + 1 < text.length) {
        raw += text.slice(i, i + 2);
        value += text[i + 1];
        i += 2;
      } else {
        raw += c;
        value += c;
        i++;
      }
    }
    tokens.push({ raw, value, start, end: i });
  }
  return tokens;
}
