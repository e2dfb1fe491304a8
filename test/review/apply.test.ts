import { readFileSync } from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import { renderConfig } from "../../provider/config/render";
import type { ConfigTree, Context, ContextCommand } from "../../provider/config/model";
import { commandKey } from "../../provider/config/keys";
import { applyCommands } from "../../provider/review";

const SEED = join(__dirname, "..", "fixtures", "seed");
const seed = (name: string) => parseConfig(readFileSync(join(SEED, `${name}.conf`), "utf8"));
const body = (tree: ConfigTree) => renderConfig(tree, { header: false });
const g = (command: string): ContextCommand => ({ context: { kind: "global" }, command });
const pp = (command: string): ContextCommand => ({ context: { kind: "pp", peer: "anonymous" }, command });
const tunnel = (n: number, command: string): ContextCommand => ({
  context: { kind: "tunnel", tunnel: n },
  command,
});

/** Every (context, line) of a tree. */
function lines(tree: ConfigTree): { context: Context; text: string }[] {
  return tree.items.flatMap((i) =>
    i.type === "line"
      ? [{ context: { kind: "global" } as Context, text: i.line.text }]
      : i.block.lines.map((l) => ({
          context: (i.block.kind === "pp"
            ? { kind: "pp", peer: i.block.id }
            : { kind: "tunnel", tunnel: Number(i.block.id) }) as Context,
          text: l.text,
        })),
  );
}

/** The commands a router needs to go from `a` to `b`: `no` for settings only in a, then b's new lines. */
function transition(a: ConfigTree, b: ConfigTree): ContextCommand[] {
  const id = (c: Context, t: string) => `${JSON.stringify(c)} ${commandKey(t.split(" ")).join(" ")}`;
  const inB = new Set(lines(b).map((l) => id(l.context, l.text)));
  const inA = new Set(lines(a).map((l) => `${JSON.stringify(l.context)} ${l.text}`));
  return [
    ...lines(a)
      .filter((l) => !inB.has(id(l.context, l.text)))
      .map((l) => ({ context: l.context, command: `no ${l.text}` })),
    ...lines(b)
      .filter((l) => !inA.has(`${JSON.stringify(l.context)} ${l.text}`))
      .map((l) => ({ context: l.context, command: l.text })),
  ];
}

describe("applyCommands", () => {
  const start = seed("original");

  it("overwrites a keyed setting in place and leaves the input tree alone", () => {
    const before = body(start);
    const after = applyCommands(start, [g("ip lan1 address 192.168.11.1/24")]);
    expect(body(after)).toBe(
      before.replace("ip lan1 address 192.168.11.250/24", "ip lan1 address 192.168.11.1/24"),
    );
    expect(body(start)).toBe(before);
  });

  it("removes a setting with its no form, extra arguments ignored as on the router", () => {
    const after = applyCommands(start, [g("no ip lan1 proxyarp on"), g("no dhcp scope 1")]);
    expect(body(after)).not.toMatch(/proxyarp|dhcp scope 1/);
    expect(body(after)).toMatch(/^ip lan1 dhcp service server$/m);
  });

  it("a no form for a missing setting changes nothing", () => {
    expect(body(applyCommands(start, [g("no ip route 10.0.0.0/8"), pp("no ip pp nat descriptor")]))).toBe(
      body(start),
    );
  });

  it("writes block lines in their context, before the block's enable line, and nests IPsec lines", () => {
    const after = body(
      applyCommands(start, [
        pp("ip pp nat descriptor 20"),
        tunnel(2, "ipsec ike local address 2 192.168.1.51"),
      ]),
    );
    expect(after).toContain(" ip pp mtu 1280\n ip pp nat descriptor 20\n pp enable anonymous\n");
    expect(after).toMatch(/^ {2}ipsec ike local address 2 192\.168\.1\.51$/m);
    expect(after.indexOf("ipsec ike local address")).toBeLessThan(after.indexOf(" tunnel enable 2"));
    // a global command is never written into a block
    expect(body(applyCommands(start, [g("ip pp mtu 1000")]))).toMatch(/^ip pp mtu 1000$/m);
  });

  it("creates a new tunnel block after the existing ones and removes a block whose last line goes", () => {
    const added = applyCommands(start, [tunnel(3, "tunnel encapsulation l2tp"), tunnel(3, "ipsec tunnel 3")]);
    const text = body(added);
    expect(text).toContain(
      "tunnel select 3\n tunnel encapsulation l2tp\n ipsec tunnel 3\nipsec auto refresh on",
    );
    expect(text.indexOf("tunnel select 2")).toBeLessThan(text.indexOf("tunnel select 3"));
    const removed = applyCommands(added, [
      tunnel(3, "no ipsec tunnel"),
      tunnel(3, "no tunnel encapsulation"),
    ]);
    expect(body(removed)).toBe(body(start));
  });

  it("writes intrusion detection per direction and per attack type as separate lines (CR §8.1.17)", () => {
    const lines = (tree: ConfigTree) =>
      body(tree)
        .split("\n")
        .filter((l) => l.includes("intrusion"));
    const typed = applyCommands(start, [
      g("ip lan2 intrusion detection in on"),
      g("ip lan2 intrusion detection in tcp on reject=on"),
      pp("ip pp intrusion detection in on"),
      pp("ip pp intrusion detection in reject on"),
    ]);
    expect(lines(typed).sort()).toEqual([
      " ip pp intrusion detection in on",
      " ip pp intrusion detection in reject on",
      "ip lan2 intrusion detection in on",
      "ip lan2 intrusion detection in tcp on reject=on",
    ]);
    // Re-entering the typed setting replaces it alone; removing the whole direction leaves the typed one.
    const replaced = applyCommands(typed, [
      g("ip lan2 intrusion detection in tcp off"),
      g("no ip lan2 intrusion detection in on"),
      pp("no ip pp intrusion detection in reject on"),
    ]);
    expect(lines(replaced).sort()).toEqual([
      " ip pp intrusion detection in on",
      "ip lan2 intrusion detection in tcp off",
    ]);
  });

  it("places new global lines where show config prints them", () => {
    const after = body(
      applyCommands(start, [
        g("nat descriptor type 40 nat"),
        g("nat descriptor static 40 1 192.168.11.2=192.168.253.2 253"),
        g("nat descriptor type 30 nat"),
        g("nat descriptor address outer 30 192.168.253.254"),
        g("ip route 192.168.253.240/32 gateway 192.168.11.240"),
        g("ip route default gateway 192.168.1.1"),
        g("dhcp scope bind 1 192.168.11.5 ethernet 00:30:f5:cc:dd:ee"),
        g("ip lan2 nat descriptor 40"),
      ]),
    ).split("\n");
    const at = (l: string) => {
      expect(after).toContain(l);
      return after.indexOf(l);
    };
    expect(at("ip route default gateway 192.168.1.1")).toBe(0);
    expect(at("ip route 192.168.253.240/32 gateway 192.168.11.240")).toBe(1);
    expect(at("ip lan2 nat descriptor 40")).toBe(at("ip lan2 address 192.168.1.51/24") + 1);
    expect(at("nat descriptor type 30 nat")).toBeGreaterThan(at(" tunnel enable 2"));
    expect(at("nat descriptor address outer 30 192.168.253.254")).toBe(at("nat descriptor type 30 nat") + 1);
    expect(at("nat descriptor type 40 nat")).toBe(at("nat descriptor address outer 30 192.168.253.254") + 1);
    expect(at("ipsec auto refresh on")).toBe(
      at("nat descriptor static 40 1 192.168.11.2=192.168.253.2 253") + 1,
    );
    expect(at("dhcp scope bind 1 192.168.11.5 ethernet 00:30:f5:cc:dd:ee")).toBe(
      at("dhcp scope 1 192.168.11.2-192.168.11.63/24") + 1,
    );
  });

  it.each([
    ["original", "fix-a-distinct-pool"],
    ["original", "fix-b-pp-anonymous-nat"],
    ["original", "fix-c-twice-nat"],
    ["fix-a-distinct-pool", "desc31-forward-nat"],
    ["fix-c-twice-nat", "original"],
  ])("going from the seed's %s to %s yields that config in the router's own layout", (from, to) => {
    const a = seed(from);
    const b = seed(to);
    expect(body(applyCommands(a, transition(a, b)))).toBe(body(b));
  });
});
