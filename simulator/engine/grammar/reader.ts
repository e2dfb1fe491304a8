/** The argument reader a spec works through: consumes tokens, validates them and collects the canonical text. */
import type { Token } from "./tokenizer";
import { fail, integer, ipv4, keyword } from "./values";

export class Reader {
  private i = 0;
  /** The canonical arguments so far, as `show config` prints them. */
  readonly out: string[] = [];
  /** The words read so far that hold a secret (by token index), and what of each stays readable (an option's
   * `key=`); the event log masks the rest (grammar/index.ts maskSecrets). */
  readonly secrets: { index: number; keep: string }[] = [];
  /** Index of the first word of a command nested in this one (`schedule at`'s), which is masked as a line. */
  nested?: number;
  constructor(private readonly tokens: Token[]) {}

  get remaining(): number {
    return this.tokens.length - this.i;
  }
  peek(): string | undefined {
    return this.tokens[this.i]?.value;
  }
  /** Next token's value (wrong arity when missing); its raw text is echoed unless `emit` is false. */
  next(emit = true): string {
    const token = this.tokens[this.i] ?? fail("parameters");
    this.i++;
    if (emit) this.out.push(token.raw);
    return token.value;
  }
  /** Consumes a token and emits `text` (the canonical form) instead of what was typed. */
  /** Next token's value, a password or key: echoed as typed, masked in the event log. */
  secret(): string {
    const value = this.next();
    this.secrets.push({ index: this.i - 1, keep: "" });
    return value;
  }
  /** Marks the token `offset` words ahead as a secret, keeping `keep` of it readable. */
  markSecret(offset: number, keep: string): void {
    this.secrets.push({ index: this.i + offset, keep });
  }
  replace(map: (value: string) => string): string {
    const value = map(this.next(false));
    this.out.push(value);
    return value;
  }
  int(min: number, max: number): number {
    const n = integer(this.next(false), min, max);
    this.out.push(String(n));
    return n;
  }
  kw<T extends string>(allowed: readonly T[]): T {
    return this.replace((v) => keyword(v, allowed)) as T;
  }
  ip(): string {
    return this.replace(ipv4);
  }
  /** The tokens not read yet (for the pattern matcher of syntax.ts). */
  pending(): Token[] {
    return this.tokens.slice(this.i);
  }
  /** Consumes `count` tokens, emitting `canonical` for them. */
  skip(count: number, canonical: string[]): void {
    this.i += count;
    this.out.push(...canonical);
  }
  /** All remaining tokens verbatim: a command line of its own (a schedule's), masked as one. */
  command(): void {
    this.nested = this.i;
    while (this.remaining > 0) this.next();
  }
  end(): void {
    if (this.remaining > 0) fail("parameters");
  }
}
