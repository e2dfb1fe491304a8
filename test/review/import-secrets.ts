/**
 * The values an imported program's secret keys stand for, taken from the config the program was imported from —
 * what a user types into `pulumi config set --secret`. The import itself never prints them.
 */
import type { ConfigTree } from "../../provider/config/model";
import type { SecretSource } from "../../provider/review";
import { MASK, redact } from "../../provider/secrets";

/** The secret arguments of one line, in order: the text where `redact` puts the mask. */
export function secretsOfLine(text: string): string[] {
  const parts = redact(text).split(MASK);
  const values: string[] = [];
  let at = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    // The next fixed text after this secret, or the line's end.
    const next = parts[i] === "" ? text.length : text.indexOf(parts[i], at);
    values.push(text.slice(at, next));
    at = next + parts[i].length;
  }
  return values;
}

/** Stack config for every key of `sources`, keys of one line taking its secrets in order. */
export function secretConfig(tree: ConfigTree, sources: readonly SecretSource[]): Record<string, string> {
  const lines = new Map(
    tree.items
      .flatMap((i) => (i.type === "line" ? [i.line] : i.block.lines))
      .map((l) => [l.line, l.text] as const),
  );
  const used = new Map<number, number>();
  return Object.fromEntries(
    sources.map((s) => {
      const n = used.get(s.line) ?? 0;
      used.set(s.line, n + 1);
      const value = secretsOfLine(lines.get(s.line) ?? "")[n];
      if (value === undefined) throw new Error(`no secret on line ${s.line} for ${s.key}`);
      return [s.key, value];
    }),
  );
}
