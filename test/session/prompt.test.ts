import {
  decode,
  endsWithPager,
  findError,
  learnPrefix,
  promptMatcher,
  removePagerLines,
  stripEcho,
} from "../../provider/session/prompt";

describe("prompt detection on recorded streams", () => {
  const bare = promptMatcher("");
  const named = promptMatcher("YAMAHA-SUDOU");

  test("the prompt at the end of the buffer ends a command; its state is read from it", () => {
    expect(bare("show environment\r\nRTX1210 BootROM Ver. 1.03\r\n# ")).toMatchObject({
      admin: true,
      context: "",
    });
    expect(bare("pp select 1\r\npp1# ")).toMatchObject({ admin: true, context: "pp1" });
    expect(bare("pp select anonymous\r\nanonymous# ")).toMatchObject({ context: "anonymous" });
    expect(bare("tunnel select 10\r\ntunnel10# ")).toMatchObject({ context: "tunnel10" });
    expect(bare("quit\r\n> ")).toMatchObject({ admin: false });
    expect(named("\r\nYAMAHA-SUDOUtunnel2# ")).toMatchObject({ admin: true, context: "tunnel2" });
  });

  test("comment lines of show config, echoed input and other prompts' lines do not end a command", () => {
    // header comment line in flight
    expect(bare("show config\r\n# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)")).toBeUndefined();
    // an echoed context prompt with its command, still waiting for the reply
    expect(bare("pp1# pp auth myname u p\r\n")).toBeUndefined();
    // with a prompt prefix, a bare `# ` is not the prompt
    expect(named("show config\r\n# ")).toBeUndefined();
    expect(named("show config\r\nYAMAHA-SUDOU# ")).toBeDefined();
    // the prompt must be a whole line
    expect(bare("ip filter 1 pass * * # ")).toBeUndefined();
  });

  test("the start index splits output from the prompt", () => {
    const buf = "show config\r\nip route default gateway pp 1\r\npp1# ";
    const p = bare(buf);
    expect(buf.slice(0, p?.start)).toBe("show config\r\nip route default gateway pp 1\r\n");
  });

  test("learnPrefix reads the console prompt from the banner", () => {
    expect(learnPrefix("\r\nNVR510 Rev.15.01.21\r\nMemory 256Mbytes, 2LAN, 1ONU\r\n\r\n> ")).toBe("");
    expect(learnPrefix("\r\nbanner\r\n[RTX1210] > ")).toBe("[RTX1210] ");
    expect(learnPrefix("no prompt yet")).toBeUndefined();
  });

  test("stripEcho removes an echo hard-wrapped by the router and keeps non-echo output", () => {
    const cmd = "ip route 10.0.0.0/8 gateway 192.168.100.254 metric 5";
    expect(stripEcho(`${cmd.slice(0, 20)}\r\n${cmd.slice(20)}\r\nok\r\n`, cmd)).toBe("ok\r\n");
    expect(stripEcho(`${cmd}\r\n`, cmd)).toBe("");
    expect(stripEcho("Error: Invalid command name\r\n", "secret-password")).toBe(
      "Error: Invalid command name\r\n",
    );
  });

  test("findError finds ASCII and Japanese error lines", () => {
    expect(findError("\r\nError: Parameter out of range\r\n")).toBe("Error: Parameter out of range");
    expect(findError("エラー: パラメータの数が不適当です\r\n")).toBe("エラー: パラメータの数が不適当です");
    expect(findError("# Reporting Date: ...\r\nip route default gateway pp 1\r\n")).toBeUndefined();
  });

  test("pager lines are recognised and removed", () => {
    expect(endsWithPager("line 23\r\n---つづく---")).toBe(true);
    expect(endsWithPager("line 23\r\n---more---")).toBe(true);
    expect(endsWithPager("line 23\r\n")).toBe(false);
    // the session matches on a latin1 view of the raw bytes, in UTF-8 or Shift_JIS
    expect(endsWithPager(Buffer.from("x\r\n---つづく---", "utf8").toString("latin1"))).toBe(true);
    expect(
      endsWithPager(`x\r\n---${Buffer.from([0x82, 0xc2, 0x82, 0xc3, 0x82, 0xad]).toString("latin1")}---`),
    ).toBe(true);
    expect(removePagerLines("a\r\n---つづく---            b\r\n")).toBe("a\r\nb\r\n");
    // Blanked in place, then an indented block line: its indentation is kept.
    expect(removePagerLines(" a\r\n---more---\r                    \r  ipsec ike x\r\n")).toBe(
      " a\r\n  ipsec ike x\r\n",
    );
    expect(removePagerLines("---more---\b\b\b\b\b\b\b\b\b\b \b\b tunnel enable 2")).toBe(" tunnel enable 2");
  });

  test("decode: UTF-8 when valid, else the console character set", () => {
    const sjisError = Buffer.from([0x83, 0x47, 0x83, 0x89, 0x81, 0x5b, 0x3a]); // エラー: in Shift_JIS
    expect(decode(sjisError, "ja.sjis")).toBe("エラー:");
    expect(decode(Buffer.from("エラー:", "utf8"), "ja.sjis")).toBe("エラー:");
    expect(decode(Buffer.from("Error: x", "latin1"), "en.ascii")).toBe("Error: x");
  });
});
