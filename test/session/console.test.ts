import { consoleSettingsOf, originalConsole, withConsoleOriginals } from "../../provider/session/shell";

describe("console settings bookkeeping", () => {
  test("consoleSettingsOf reads the three settings; absent lines stay undefined", () => {
    expect(consoleSettingsOf("login timer 300\nconsole character ja.sjis\nconsole lines 50\n")).toEqual({
      character: "ja.sjis",
      lines: "50",
    });
  });

  test("withConsoleOriginals shows the router's own values instead of the session's", () => {
    const during =
      "console character en.ascii\nconsole columns 200\nconsole lines infinity\nip route default gateway pp 1";
    expect(withConsoleOriginals(during, { character: "ja.sjis" })).toBe(
      "console character ja.sjis\nip route default gateway pp 1",
    );
    // lines that are not the session's values are the router's and stay
    expect(withConsoleOriginals("console lines 50", { lines: "50" })).toBe("console lines 50");
  });

  test("originalConsole: remembered values only where the session's value was left behind", () => {
    const leftOver = { character: "en.ascii", columns: "200", lines: "infinity" };
    expect(originalConsole(leftOver, { character: "ja.sjis" })).toEqual({ character: "ja.sjis" });
    // a human set console lines 50 between our sessions: that is the original now
    expect(originalConsole({ ...leftOver, lines: "50" }, { character: "ja.sjis" })).toEqual({
      character: "ja.sjis",
      lines: "50",
    });
    expect(originalConsole({ lines: "30" }, undefined)).toEqual({ lines: "30" });
  });
});
