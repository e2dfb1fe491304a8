import { ConfigParseError } from "../../provider/errors";
import * as fs from "fs";
import { type ConfigTree } from "../../provider/config/model";
import { detectSource, parseConfig } from "../../provider/config/parse";
import { renderConfig } from "../../provider/config/render";

const globals = (t: ConfigTree) => t.items.flatMap((i) => (i.type === "line" ? [i.line.text] : []));
const blockOf = (t: ConfigTree, kind: "pp" | "tunnel", id: string) =>
  t.items.flatMap((i) =>
    i.type === "block" && i.block.kind === kind && i.block.id === id ? [i.block] : [],
  )[0];

function parseError(text: string, source?: "show" | "file"): ConfigParseError {
  try {
    parseConfig(text, { source });
  } catch (e) {
    if (e instanceof ConfigParseError) return e;
    throw e;
  }
  throw new Error("expected a ConfigParseError");
}

describe("parseConfig: show config output", () => {
  const show = [
    "# NVR510 Rev.15.01.21 (Fri Jun  7 10:00:00 2024)",
    "# MAC Address : 00:a0:de:00:00:01, 00:a0:de:00:00:02",
    "# Reporting Date: Nov 3 16:04:53 2024",
    "ip lan1 address 192.168.11.250/24",
    "pp select anonymous",
    " pp bind tunnel2",
    " pp enable anonymous",
    "tunnel select 2",
    " tunnel encapsulation l2tp",
    " ipsec tunnel 2",
    "  ipsec sa policy 2 2 esp aes-cbc sha-hmac",
    "  ipsec ike pre-shared-key 2 text COMMONKEY",
    " tunnel enable 2",
    "ipsec transport 2 2 udp 1701",
  ].join("\n");

  it("reads header, model and revision", () => {
    const t = parseConfig(show);
    expect(t.header.lines).toHaveLength(3);
    expect(t.header.model).toBe("NVR510");
    expect(t.header.revision).toBe("15.01.21");
  });

  it("builds select blocks from indentation, with nested IPsec lines at indent 2", () => {
    const t = parseConfig(show);
    expect(t.items.map((i) => (i.type === "line" ? i.line.text : `[${i.block.kind} ${i.block.id}]`))).toEqual(
      ["ip lan1 address 192.168.11.250/24", "[pp anonymous]", "[tunnel 2]", "ipsec transport 2 2 udp 1701"],
    );
    const tunnel = blockOf(t, "tunnel", "2");
    expect(tunnel.lines.map((l) => l.indent)).toEqual([1, 1, 2, 2, 1]);
    expect(tunnel.lines[3].tokens).toEqual(["ipsec", "ike", "pre-shared-key", "2", "text", "COMMONKEY"]);
    expect(tunnel.select.line).toBe(8);
    expect(tunnel.lines[0].line).toBe(9);
  });

  it("rejoins a 79-column hard wrap whose continuation does not start like a command", () => {
    const long = "ip filter 100 pass 192.168.100.0/24 192.168.200.0/24 tcp 1024-65535 www,https,sm";
    const physical = [long.slice(0, 79), long.slice(79), "ip filter 101 reject * *"].join("\n");
    const t = parseConfig(physical);
    expect(globals(t)).toEqual([long, "ip filter 101 reject * *"]);
    expect(t.items[1].type === "line" && t.items[1].line.line).toBe(3);
  });

  it("rejoins a wrapped block line whose continuation starts with a space", () => {
    const head = " ip pp secure filter in 200003 200020 200021 200022 200023 200024 200025 201030";
    expect(head).toHaveLength(79);
    const t = parseConfig(["pp select 1", head, " 201032", " pp enable 1"].join("\n"));
    expect(blockOf(t, "pp", "1").lines.map((l) => l.text)).toEqual([`${head.trim()} 201032`, "pp enable 1"]);
  });

  it("does not join a 79-column line with a following command", () => {
    const l79 = `ip route 10.0.0.0/8 gateway ${"1".repeat(79 - 28)}`;
    expect(l79).toHaveLength(79);
    expect(globals(parseConfig(`${l79}\nip route default gateway pp 1`))).toHaveLength(2);
  });

  it("rejoins a line wrapped twice", () => {
    const long = `schedule at 2 */* 00:00:00 * ${"x".repeat(150)}`;
    const physical = [long.slice(0, 79), long.slice(79, 158), long.slice(158)].join("\n");
    expect(globals(parseConfig(physical))).toEqual([long]);
  });

  it("rejoins the wrapped # main: header line", () => {
    const t = parseConfig(
      "# RTX1500 Rev.8.03.90 (x)\n# main:  RTX1500 MAC-Addr\ness=00:a0\n# Reporting Date: x\nip lan1 address 10.0.0.1/24",
    );
    expect(t.header.lines[1]).toBe("# main:  RTX1500 MAC-Address=00:a0");
    expect(globals(t)).toEqual(["ip lan1 address 10.0.0.1/24"]);
  });

  it("handles CRLF and trailing spaces", () => {
    const t = parseConfig("tunnel select 1\r\n ip tunnel mtu 1460   \r\n tunnel enable 1\r\n");
    expect(blockOf(t, "tunnel", "1").lines.map((l) => l.text)).toEqual([
      "ip tunnel mtu 1460",
      "tunnel enable 1",
    ]);
  });

  it("drops pager residue, including erase spaces, CR and backspaces before the next line", () => {
    const t = parseConfig(
      [
        "ip route 10.0.1.0/24 gateway 192.168.0.2",
        "---つづく---            \rip route 10.0.2.0/24 gateway 192.168.0.2",
        "---more---   \b\b\b\b\b\b\b\b\b\b\b\b\bip route 10.0.3.0/24 gateway 192.168.0.2",
        "---つづく---      ",
        "ip route 10.0.4.0/24 gateway 192.168.0.2",
      ].join("\r\n"),
    );
    expect(globals(t).map((l) => l.split(" ")[2])).toEqual([
      "10.0.1.0/24",
      "10.0.2.0/24",
      "10.0.3.0/24",
      "10.0.4.0/24",
    ]);
  });

  it("skips the echoed prompt, everything before it and a trailing prompt", () => {
    for (const echo of [
      "# show config",
      "YAMAHA-SUDOU# show config",
      "(RTX1210) > show config",
      "pp1# show config ",
    ]) {
      const t = parseConfig(
        `banner text\nsecond banner line\n${echo}\n# RTX830 Rev.15.02.17 (x)\nsyslog notice on\nYAMAHA-SUDOU#\n`,
      );
      expect(t.header.lines).toEqual(["# RTX830 Rev.15.02.17 (x)"]);
      expect(globals(t)).toEqual(["syslog notice on"]);
    }
  });

  it("reads an embedded file heredoc verbatim", () => {
    const text = [
      "embedded file script.lua <<EOF",
      "-- comment",
      "",
      "  print('x')   ",
      "ip route not a command",
      "EOF",
      "syslog notice on",
    ].join("\n");
    const t = parseConfig(text);
    expect(t.items[0].type === "line" && t.items[0].line.heredoc).toEqual({
      terminator: "EOF",
      body: ["-- comment", "", "  print('x')   ", "ip route not a command"],
    });
    expect(globals(t)).toEqual(["embedded file script.lua <<EOF", "syslog notice on"]);
    expect(renderConfig(t)).toBe(`${text}\n`);
  });

  it("ends a block at pp select none in show mode too, without keeping it", () => {
    const t = parseConfig("pp select 1\n pp enable 1\npp select none\nsyslog notice on");
    expect(t.items).toHaveLength(2);
    expect(renderConfig(t)).toBe("pp select 1\n pp enable 1\nsyslog notice on\n");
  });
});

describe("parseConfig: config files", () => {
  // The seed's unindented script: blocks last until another select or select none; global commands stay global.
  const seed = [
    "# NVR510.config",
    "ip lan1 address 192.168.11.250/24",
    "",
    "pp select anonymous",
    "pp bind tunnel2",
    "pp auth username someone@somewhere xxxxxxxx",
    "ip pp nat descriptor 20",
    "nat descriptor backward-compatibility 1",
    "# a comment inside the block",
    "pp enable anonymous",
    "tunnel select 2",
    "tunnel encapsulation l2tp",
    "ipsec tunnel 2",
    "ipsec sa policy 2 2 esp aes-cbc sha-hmac",
    "ipsec ike pre-shared-key 2 text COMMONKEY",
    "tunnel enable 2",
    "ipsec auto refresh on",
    "ipsec transport 2 2 udp 1701",
    "no tunnel select",
    "l2tp service on",
    "pp select anonymous",
    "pp auth username someone2@somewhere2 yyyy",
    "pp select none",
    "tunnel select 2",
    "tunnel template 3-4",
  ].join("\n");

  it("assigns scoped commands to the open block and global ones to the top level", () => {
    const t = parseConfig(seed, { source: "file" });
    expect(globals(t)).toEqual([
      "ip lan1 address 192.168.11.250/24",
      "nat descriptor backward-compatibility 1",
      "ipsec auto refresh on",
      "ipsec transport 2 2 udp 1701",
      "l2tp service on",
    ]);
    expect(blockOf(t, "pp", "anonymous").lines.map((l) => l.text)).toEqual([
      "pp bind tunnel2",
      "pp auth username someone@somewhere xxxxxxxx",
      "ip pp nat descriptor 20",
      "pp enable anonymous",
      "pp auth username someone2@somewhere2 yyyy",
    ]);
    const tunnel = blockOf(t, "tunnel", "2");
    expect(tunnel.lines.map((l) => `${l.indent}${l.text}`)).toEqual([
      "1tunnel encapsulation l2tp",
      "1ipsec tunnel 2",
      "2ipsec sa policy 2 2 esp aes-cbc sha-hmac",
      "2ipsec ike pre-shared-key 2 text COMMONKEY",
      "1tunnel enable 2",
      "1tunnel template 3-4",
    ]);
  });

  it("keeps leading comments as the header and drops later comments and blank lines", () => {
    const t = parseConfig(seed, { source: "file" });
    expect(t.header.lines).toEqual(["# NVR510.config"]);
    expect(renderConfig(t)).not.toMatch(/a comment/);
  });

  it("does not treat a line after a body comment as a wrapped header", () => {
    const t = parseConfig("syslog notice on\n# main: note\nfoo-command 1\n", { source: "file" });
    expect(globals(t)).toEqual(["syslog notice on", "foo-command 1"]);
  });

  it("accepts show-config indentation in a file", () => {
    const t = parseConfig("tunnel select 1\n ipsec tunnel 1\n  ipsec ike remote address 1 any\n", {
      source: "file",
    });
    expect(blockOf(t, "tunnel", "1").lines.map((l) => l.indent)).toEqual([1, 2]);
  });
});

describe("parseConfig: errors", () => {
  it("names the line of an indented line with no open block, without quoting it", () => {
    const e = parseError("syslog notice on\n ipsec ike pre-shared-key 1 text SECRET");
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/no pp select \/ tunnel select block/);
    expect(e.message).not.toMatch(/SECRET/);
  });

  it("rejects an unterminated heredoc at its first line", () => {
    const e = parseError("syslog notice on\nembedded file a.lua <<EOF\nprint(1)\n");
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/unterminated heredoc/);
  });

  it.each(["pp select", "pp select 1 2", "pp select x", "tunnel select anonymous", "tunnel select 0"])(
    "rejects the malformed select line %s",
    (line) => {
      const e = parseError(`syslog notice on\n${line}`, "file");
      expect(e.line).toBe(2);
      expect(e.reason).toMatch(/malformed select line/);
    },
  );

  it("rejects an unterminated quote with its line", () => {
    expect(parseError('syslog notice on\n\ndescription 1 "x').line).toBe(3);
  });
});

describe("parseConfig: other console widths", () => {
  it("rejoins at columns - 1 when the capture used console columns 200", () => {
    const long = `schedule at 1 */* 00:00:00 * ${"x".repeat(250)}`;
    const physical = [long.slice(0, 199), long.slice(199)].join("\n");
    expect(long.length).toBeGreaterThan(199);
    expect(globals(parseConfig(physical, { columns: 200 }))).toEqual([long]);
    expect(globals(parseConfig(physical))).toHaveLength(2);
  });
});

describe("detectSource", () => {
  it("recognises an unindented typed script as a file", () => {
    expect(detectSource("# x\npp select anonymous\npp bind tunnel2\n")).toBe("file");
    expect(detectSource("tunnel select 2\r\ntunnel template 3-4\r\nno tunnel select\r\n")).toBe("file");
  });

  it("recognises indented show config output", () => {
    const dump = fs.readFileSync("/work/shared/configs/rtx1100-ipsec-pppoe-rt1.txt", "utf8");
    expect(detectSource(dump)).toBe("show");
    expect(detectSource("pp select 1\n pp enable 1\nip route default gateway pp 1\n")).toBe("show");
  });
});
