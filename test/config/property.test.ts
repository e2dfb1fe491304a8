import { ConfigParseError } from "../../provider/errors";
import fc from "fast-check";
import { parseConfig } from "../../provider/config/parse";
import { COMMAND_HEADS } from "../../provider/config/scope";
import { renderConfig } from "../../provider/config/render";
import { joinTokens } from "../../provider/config/tokenize";

/** Strings built from the characters that matter to the parser, so the interesting paths are hit often. */
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "\n",
        "\r\n",
        "\r",
        " ",
        "  ",
        "#",
        "'",
        '"',
        "\\",
        "\b",
        "<<EOF",
        "EOF",
        "---つづく---",
        "---more---",
      ),
      fc.constantFrom(
        "pp select ",
        "tunnel select ",
        "none",
        "anonymous",
        "1",
        "no ",
        "ipsec tunnel 1",
        "ip route ",
      ),
      fc.constantFrom(
        "# show config",
        "YAMAHA# ",
        "(RTX1210) > ",
        "# main:  ",
        "x".repeat(79),
        "つ".repeat(40),
      ),
      fc.string({ unit: "binary" }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

function onlyConfigParseError(text: string, source: "show" | "file") {
  try {
    parseConfig(text, { source });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigParseError);
    const err = e as ConfigParseError;
    expect(Number.isInteger(err.line) && err.line >= 0).toBe(true);
    expect(err.reason.length).toBeGreaterThan(0);
  }
}

describe("parseConfig on arbitrary input", () => {
  it("never throws anything but ConfigParseError (show mode)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), nasty), (text) =>
        onlyConfigParseError(text, "show"),
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws anything but ConfigParseError (file mode)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), nasty), (text) =>
        onlyConfigParseError(text, "file"),
      ),
      { numRuns: 2000 },
    );
  });
});

const word = fc.stringMatching(/^[a-z0-9./=:*-]{1,12}$/);
const arg = fc.oneof(
  word,
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.stringMatching(/^[a-z0-9 ]{20,90}$/),
);
const globalLine = fc
  .tuple(
    fc.constantFrom("ip route", "nat descriptor static", "dhcp scope", "syslog", "schedule at"),
    fc.array(arg, { minLength: 1, maxLength: 5 }),
  )
  .map(([head, args]) => `${head} ${joinTokens(args)}`);
const ppLine = fc
  .tuple(
    fc.constantFrom("pp auth username", "ppp ipcp msext", "ip pp mtu", "pp bind"),
    fc.array(arg, { minLength: 1, maxLength: 3 }),
  )
  .map(([head, args]) => ({ indent: 1, text: `${head} ${joinTokens(args)}` }));
const tunnelLines = fc
  .tuple(
    fc.integer({ min: 1, max: 99 }),
    fc.array(fc.tuple(fc.constantFrom("sa policy", "ike remote address"), arg), { maxLength: 3 }),
  )
  .map(([gw, nested]) => [
    { indent: 1, text: "tunnel encapsulation l2tp" },
    { indent: 1, text: `ipsec tunnel ${gw}` },
    ...nested.map(([k, v]) => ({ indent: 2, text: `ipsec ${k} ${gw} ${joinTokens([v])}` })),
    { indent: 1, text: `tunnel enable ${gw}` },
  ]);
const item = fc.oneof(
  globalLine.map((l) => [l]),
  fc
    .tuple(
      fc.oneof(fc.constant("anonymous"), fc.integer({ min: 1, max: 30 }).map(String)),
      fc.array(ppLine, { maxLength: 4 }),
    )
    .map(([id, lines]) => [`pp select ${id}`, ...lines.map((l) => ` ${l.text}`)]),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), tunnelLines)
    .map(([id, lines]) => [`tunnel select ${id}`, ...lines.map((l) => `${" ".repeat(l.indent)}${l.text}`)]),
);
const config = fc
  .tuple(fc.constantFrom("NVR510 Rev.15.01.21", "NVR500 Rev.11.00.41"), fc.array(item, { maxLength: 12 }))
  .map(([model, items]) => [`# ${model} (Fri Jun  7 10:00:00 2024)`, ...items.flat()].join("\n"));

describe("parse → render → parse", () => {
  it("is stable on generated valid configs", () => {
    fc.assert(
      fc.property(config, (text) => {
        const once = renderConfig(parseConfig(text));
        expect(renderConfig(parseConfig(once))).toBe(once);
        expect(parseConfig(once).items.length).toBe(parseConfig(text).items.length);
      }),
      { numRuns: 500 },
    );
  });

  it("a generated config survives the console's 79-column hard wrap", () => {
    // A continuation that happens to begin with a command word or `#` is ambiguous in a capture too (it reads as a
    // new command or a comment); those are not wrapped here.
    const startsLikeCommand = (s: string) =>
      COMMAND_HEADS.has(s.trimStart().split(" ")[0]) || s.trimStart().startsWith("#") || s.trim() === "";
    const wrap = (line: string): string[] => {
      if (line.length <= 79 || startsLikeCommand(line.slice(79))) return [line];
      return [line.slice(0, 79), ...wrap(line.slice(79))];
    };
    let wrappedLines = 0;
    fc.assert(
      fc.property(config, (text) => {
        const once = renderConfig(parseConfig(text));
        const physical = once.split("\n").flatMap(wrap);
        wrappedLines += physical.length - once.split("\n").length;
        expect(renderConfig(parseConfig(physical.join("\n")))).toBe(once);
      }),
      { numRuns: 300 },
    );
    expect(wrappedLines).toBeGreaterThan(50);
  });
});
