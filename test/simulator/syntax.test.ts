/**
 * The pattern notation of engine/grammar/syntax.ts on its own: each construct accepts what it describes, emits the
 * canonical words, and refuses the rest with the error class of the word furthest in.
 */
import type { GrammarError } from "../../simulator/engine/grammar-contract";
import { Reader } from "../../simulator/engine/grammar/reader";
import type { Env } from "../../simulator/engine/grammar/spec";
import { keySyntax, syntax } from "../../simulator/engine/grammar/syntax";
import { tokenize } from "../../simulator/engine/grammar/tokenizer";
import { Failure } from "../../simulator/engine/grammar/values";
import { MODELS } from "../../simulator/engine/models";

const env: Env = { model: MODELS.rtx830, context: { kind: "none" } };

/** The canonical words, or the error class. */
function run(pattern: string, line: string): string[] | GrammarError {
  const reader = new Reader(tokenize(line));
  try {
    syntax(pattern)(reader, env);
    return reader.out;
  } catch (e) {
    if (e instanceof Failure) return e.error;
    throw e;
  }
}

describe("syntax patterns", () => {
  test.each([
    // [pattern, line, canonical words or error]
    ["on|off", "on", ["on"]],
    ["on|off", "maybe", "illegal-keyword"],
    ["on|off", "", "parameters"],
    ["on|off", "on off", "parameters"],
    ["<int:1-10>", "10", ["10"]],
    ["<int:1-10>", "11", "out-of-range"],
    ["<int:1-10>", "ten", "not-integer"],
    ["<int:1-$tunnel>", "20", ["20"]],
    ["<int:1-$tunnel>", "21", "out-of-range"],
    ["<ip>", "192.168.0.256", "bad-ip"],
    ["<text:4>", "abcde", "out-of-range"],
    ["<text:4>", '"a b"', ['"a b"']],
    ["on|off [version 1|2]", "on version 2", ["on", "version", "2"]],
    ["on|off [version 1|2]", "on version 3", "out-of-range"],
    ["on|off [version 1|2]", "on version", "parameters"],
    ["<int:1-9>...", "1 2 3", ["1", "2", "3"]],
    ["<int:1-9>...2", "1 2 3", "parameters"],
    ["<int:1-9>...", "1 2 x", "not-integer"],
    ["mtu=<int:64-1500>", "mtu=1500", ["mtu=1500"]],
    ["mtu=<int:64-1500>", "mtu=63", "out-of-range"],
    ["mode=on/off/<int:1-5>", "mode=3", ["mode=3"]],
    ["{a=on/off b=on/off}", "b=on a=off", ["b=on", "a=off"]],
    // A repeated option is not one of the set's remaining ones [U: the class].
    ["{a=on/off b=on/off}", "a=on a=off", "illegal-keyword"],
    ["( on|off | filter <int:1-9>... )", "filter 1 2", ["filter", "1", "2"]],
    ["( on|off | filter <int:1-9>... )", "on 1", "parameters"],
    ["( on|off | filter <int:1-9>... )", "filter", "parameters"],
    ["jst|utc|<utc-offset>", "+25:00", "out-of-range"],
    ["<mac>", "00:A0:DE:01:02:03", ["00:a0:de:01:02:03"]],
  ] as [string, string, string[] | GrammarError][])("%s ← %j", (pattern, line, expected) => {
    expect(run(pattern, line)).toEqual(expected);
  });

  test("a key pattern takes only its words and leaves the rest to the arguments", () => {
    const reader = new Reader(tokenize("in fragment on reject=on"));
    expect(keySyntax("in|out [fragment|icmp]")(reader, env)).toEqual(["in", "fragment"]);
    syntax("on|off [reject=on/off]")(reader, env);
    expect(reader.out).toEqual(["in", "fragment", "on", "reject=on"]);
  });

  test("an unknown value type in a pattern is a programming error, found when the pattern is declared", () => {
    expect(() => syntax("<colour>")).toThrow("unknown value type colour");
    expect(() => syntax("[on")).toThrow("missing ]");
  });
});
