import { ConfigParseError } from "../../provider/errors";
import fc from "fast-check";
import { joinTokens, quoteToken, tokenize } from "../../provider/config/tokenize";

describe("tokenize", () => {
  it("splits on runs of spaces", () => {
    expect(tokenize("ip  route default   gateway pp 1")).toEqual([
      "ip",
      "route",
      "default",
      "gateway",
      "pp",
      "1",
    ]);
  });

  it("removes single and double quotes, also inside a word", () => {
    expect(tokenize(`description 1 "Main office" 'a "b"' x"y z"w`)).toEqual([
      "description",
      "1",
      "Main office",
      'a "b"',
      "xy zw",
    ]);
  });

  it("resolves backslash escapes outside quotes", () => {
    expect(tokenize("login password a\\?b\\#c\\\\d\\ e")).toEqual(["login", "password", "a?b#c\\d e"]);
  });

  it("keeps a backslash inside quotes literal", () => {
    expect(tokenize('x "a\\b"')).toEqual(["x", "a\\b"]);
  });

  it("keeps an empty quoted argument", () => {
    expect(tokenize('set x ""')).toEqual(["set", "x", ""]);
  });

  it("reports an unterminated quote with the line number", () => {
    expect(() => tokenize('description 1 "open', 7)).toThrow(ConfigParseError);
    expect(() => tokenize('description 1 "open', 7)).toThrow(/line 7: unterminated " quote/);
  });
});

describe("quoteToken", () => {
  it("leaves plain arguments bare", () => {
    expect(quoteToken("192.168.1.0/24")).toBe("192.168.1.0/24");
  });

  it("quotes arguments with spaces or special characters", () => {
    expect(quoteToken("a b")).toBe('"a b"');
    expect(quoteToken("a?")).toBe('"a?"');
    expect(quoteToken('say "hi"')).toBe(`'say "hi"'`);
    expect(quoteToken(`it's "x"`)).toBe(`it\\'s\\ \\"x\\"`);
  });

  it("is the inverse of tokenize for any single argument without a line break", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[\r\n]/.test(s)),
        (s) => {
          expect(tokenize(quoteToken(s))).toEqual([s]);
        },
      ),
    );
  });

  it("joinTokens round-trips any argument list", () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !/[\r\n]/.test(s))), (tokens) => {
        expect(tokenize(joinTokens(tokens))).toEqual(tokens);
      }),
    );
  });
});
