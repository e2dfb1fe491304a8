import { GLOBAL, type ContextCommand } from "../../provider/config/model";
import { parseConfig } from "../../provider/config/parse";
import { renderCommands, renderConfig } from "../../provider/config/render";

describe("renderConfig", () => {
  const text = [
    "# NVR510 Rev.15.01.21 (x)",
    "# Reporting Date: Nov 3 16:04:53 2024",
    "ip lan1 address 192.168.11.250/24",
    "tunnel select 2",
    " ipsec tunnel 2",
    "  ipsec ike remote address 2 any",
    " tunnel enable 2",
  ].join("\n");

  it("renders header, one-space block lines and two-space nested IPsec lines with LF endings", () => {
    expect(renderConfig(parseConfig(text.replace(/\n/g, "\r\n")))).toBe(`${text}\n`);
  });

  it("omits the header when asked", () => {
    expect(renderConfig(parseConfig(text), { header: false })).toBe(
      `${text.split("\n").slice(2).join("\n")}\n`,
    );
  });

  it("renders an unindented config file in the router's indentation", () => {
    const file =
      "tunnel select 2\nipsec tunnel 2\nipsec ike remote address 2 any\ntunnel enable 2\ntunnel select none\n";
    expect(renderConfig(parseConfig(file, { source: "file" }))).toBe(
      "tunnel select 2\n ipsec tunnel 2\n  ipsec ike remote address 2 any\n tunnel enable 2\n",
    );
  });

  it("renders an empty tree as empty text", () => {
    expect(renderConfig(parseConfig(""))).toBe("");
  });
});

describe("renderCommands", () => {
  const pp: ContextCommand["context"] = { kind: "pp", peer: "anonymous" };
  const tunnel: ContextCommand["context"] = { kind: "tunnel", tunnel: 2 };

  it("selects and closes contexts around block commands", () => {
    const script = renderCommands([
      { context: GLOBAL, command: "ip lan1 proxyarp on" },
      { context: pp, command: "no ip pp remote address pool" },
      { context: pp, command: "ip pp remote address pool 192.168.254.1-192.168.254.3" },
      { context: tunnel, command: "tunnel enable 2" },
      { context: GLOBAL, command: "ipsec transport 2 2 udp 1701" },
      { context: { kind: "pp", peer: "1" }, command: "pp enable 1" },
    ]);
    expect(script.split("\n")).toEqual([
      "ip lan1 proxyarp on",
      "pp select anonymous",
      "no ip pp remote address pool",
      "ip pp remote address pool 192.168.254.1-192.168.254.3",
      "pp select none",
      "tunnel select 2",
      "tunnel enable 2",
      "tunnel select none",
      "ipsec transport 2 2 udp 1701",
      "pp select 1",
      "pp enable 1",
      "pp select none",
      "",
    ]);
  });

  it("produces a script that parses back into the same contexts", () => {
    const cmds: ContextCommand[] = [
      { context: tunnel, command: "ipsec tunnel 2" },
      { context: GLOBAL, command: "l2tp service on" },
      { context: pp, command: "pp bind tunnel2" },
    ];
    const tree = parseConfig(renderCommands(cmds), { source: "file" });
    expect(renderConfig(tree)).toBe(
      "tunnel select 2\n ipsec tunnel 2\nl2tp service on\npp select anonymous\n pp bind tunnel2\n",
    );
  });

  it("renders no commands as an empty script", () => {
    expect(renderCommands([])).toBe("");
  });
});
