import { indexConfig, parseConfig } from "../../provider/config";
import { L2tpAnonymousPool, type L2tpAnonymousPoolModel } from "../../provider/resources";
import { apply, index, render, store } from "./router";
import { SEED_L2TP, SEED_TEMPLATE_ADDITIONS, script } from "./seed";

const seedModel = L2tpAnonymousPool.schema.parse({
  tunnels: { from: 2, to: 2 },
  users: [{ name: "someone@somewhere", password: "xxxxxxxx" }],
  pool: "dhcp",
  preSharedKey: "COMMONKEY",
});

const templated = L2tpAnonymousPool.schema.parse({
  tunnels: { from: 2, to: 4 },
  users: [1, 2, 3, 4, 5].map((n) => ({
    name: n === 1 ? "someone@somewhere" : `someone${n}@somewhere${n}`,
    password: "xxxxxxxx",
  })),
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: "COMMONKEY",
});

const others =
  "ip lan1 address 192.168.11.250/24\nipsec auto refresh on\nl2tp service on\nnat descriptor type 20 nat";

const fromScript = (text: string) => indexConfig(parseConfig(text, { source: "file" }));

describe("L2tpAnonymousPool", () => {
  test("commands for the seed's values are the seed's pp anonymous, tunnel 2 and transport lines", () => {
    expect(script(L2tpAnonymousPool.commands(seedModel, { mask: false }))).toBe(SEED_L2TP);
    expect(L2tpAnonymousPool.identity(seedModel)).toBe("pp anonymous");
  });

  test("read of the seed's script is the model, with the seed defaults filled in", () => {
    expect(L2tpAnonymousPool.read(fromScript(SEED_L2TP), "pp anonymous")).toEqual(seedModel);
    expect(seedModel).toMatchObject({
      authRequest: "mschap-v2",
      mtu: 1280,
      ipsec: { saPolicy: "esp aes-cbc sha-hmac" },
    });
  });

  test("with templates the first tunnel is written out and the rest copied, as the seed does", () => {
    const text = script(L2tpAnonymousPool.commands(templated, { mask: false }));
    expect(text).toContain("pp bind tunnel2-tunnel4");
    expect(text).toContain("ip pp remote address pool 192.168.254.1-192.168.254.3");
    expect(text).toMatch(
      /tunnel select 2\n(.+\n)*tunnel enable 2\ntunnel template 3-4\nipsec transport 2 2 udp 1701\nipsec transport template 2 3-4$/,
    );
    expect(text).not.toContain("tunnel select 3");
    const seedLines = SEED_TEMPLATE_ADDITIONS.split("\n").filter((l) => !l.startsWith("no "));
    expect(seedLines.filter((l) => !text.split("\n").includes(l))).toEqual([]);
    expect(L2tpAnonymousPool.read(fromScript(text), "pp anonymous")).toEqual(templated);
  });

  test("without templates every tunnel gets its own block and transport", () => {
    const explicit = { ...templated, templates: false };
    const commands = L2tpAnonymousPool.commands(explicit, { mask: false });
    for (const t of [2, 3, 4]) {
      expect(commands).toContainEqual({
        context: { kind: "tunnel", tunnel: t },
        command: `ipsec tunnel ${t}`,
      });
      expect(commands).toContainEqual({
        context: { kind: "global" },
        command: `ipsec transport ${t} ${t} udp 1701`,
      });
    }
    expect(commands.some((c) => c.command.includes("template"))).toBe(false);
    expect(L2tpAnonymousPool.read(fromScript(script(commands)), "pp anonymous")).toEqual(explicit);
  });

  test.each([
    ["seed", seedModel],
    ["templated", templated],
  ])("plan from empty is the commands and converges (%s)", (_n, model) => {
    const before = store(others);
    const plan = L2tpAnonymousPool.plan(index(before), model);
    expect(plan).toEqual(L2tpAnonymousPool.commands(model, { mask: false }));
    const after = apply(before, plan);
    expect(L2tpAnonymousPool.read(index(after), "pp anonymous")).toEqual(model);
    expect(L2tpAnonymousPool.plan(index(after), model)).toEqual([]);
  });

  const pp = { kind: "pp", peer: "anonymous" };
  const changes: [string, Partial<L2tpAnonymousPoolModel>, { context: object; command: string }[]][] = [
    ["pool", { pool: "dhcp" }, [{ context: pp, command: "ip pp remote address pool dhcp" }]],
    ["mtu", { mtu: 1400 }, [{ context: pp, command: "ip pp mtu 1400" }]],
    ["authRequest", { authRequest: "chap" }, [{ context: pp, command: "pp auth request chap" }]],
    ["msext", { msext: false }, [{ context: pp, command: "no ppp ipcp msext" }]],
    [
      "preSharedKey",
      { preSharedKey: "NEWKEY" },
      [{ context: { kind: "tunnel", tunnel: 2 }, command: "ipsec ike pre-shared-key 2 text NEWKEY" }],
    ],
    [
      "a user's password",
      { users: templated.users.map((u, i) => (i === 2 ? { ...u, password: "changed1" } : u)) },
      [{ context: pp, command: "pp auth username someone3@somewhere3 changed1" }],
    ],
    [
      "a user removed",
      { users: templated.users.slice(0, 4) },
      [{ context: pp, command: "no pp auth username someone5@somewhere5" }],
    ],
    [
      "natDescriptors added",
      { natDescriptors: { forward: [20], reverse: [] } },
      [{ context: pp, command: "ip pp nat descriptor 20" }],
    ],
    [
      "tunnels 2-4 to 2-3",
      { tunnels: [2, 3], pool: { range: "192.168.254.1-192.168.254.3" } },
      [
        { context: pp, command: "pp bind tunnel2-tunnel3" },
        { context: { kind: "tunnel", tunnel: 2 }, command: "tunnel template 3" },
        { context: { kind: "global" }, command: "ipsec transport template 2 3" },
      ],
    ],
  ];
  test.each(changes)("a change of %s touches only its lines", (_n, change, expected) => {
    const before = apply(store(others), L2tpAnonymousPool.commands(templated, { mask: false }));
    const desired = { ...templated, ...change };
    const plan = L2tpAnonymousPool.plan(index(before), desired);
    expect(plan).toEqual(expected);
    expect(L2tpAnonymousPool.read(index(apply(before, plan)), "pp anonymous")).toEqual(desired);
  });

  test("delete removes every line it wrote, transports first and pp enable before the pp settings", () => {
    const before = store(others);
    const created = apply(before, L2tpAnonymousPool.commands(templated, { mask: false }));
    const plan = L2tpAnonymousPool.plan(index(created), undefined, undefined, "pp anonymous");
    expect(plan[0].command).toBe("no ipsec transport template 2");
    const ppRemovals = plan.filter((c) => c.context.kind === "pp").map((c) => c.command);
    expect(ppRemovals[0]).toBe("no pp enable anonymous");
    const after = apply(created, plan);
    expect(render(after)).toBe(render(before));
    expect(L2tpAnonymousPool.read(index(after), "pp anonymous")).toBeUndefined();
  });

  test("masked commands hide every password and the pre-shared key, and only them", () => {
    const masked = script(L2tpAnonymousPool.commands(templated, { mask: true }));
    expect(masked).not.toContain("xxxxxxxx");
    expect(masked).not.toContain("COMMONKEY");
    expect(masked).toContain("pp auth username someone2@somewhere2 ********");
    expect(masked).toContain("ipsec ike pre-shared-key 2 text ********");
    expect(masked.split("\n")).toHaveLength(
      script(L2tpAnonymousPool.commands(templated, { mask: false })).split("\n").length,
    );
    expect(L2tpAnonymousPool.secretProperties).toEqual(["users[].password", "preSharedKey"]);
  });

  const natted = { ...templated, natDescriptors: { forward: [20], reverse: [] } };

  test("natDescriptors bind on pp anonymous before pp enable, as the router lays them out, and read back", () => {
    const text = script(L2tpAnonymousPool.commands(natted, { mask: false }));
    expect(text).toContain("ip pp mtu 1280\nip pp nat descriptor 20\npp enable anonymous\n");
    const both = { ...templated, natDescriptors: { forward: [20, 21], reverse: [30] } };
    const commands = L2tpAnonymousPool.commands(both, { mask: false });
    expect(commands).toContainEqual({ context: pp, command: "ip pp nat descriptor 20 21 reverse 30" });
    expect(L2tpAnonymousPool.read(fromScript(script(commands)), "pp anonymous")).toEqual(both);
    // none bound: no line, and the read of a block without one is the empty binding, not drift
    expect(script(L2tpAnonymousPool.commands(templated, { mask: false }))).not.toContain("nat descriptor");
    expect(
      L2tpAnonymousPool.read(fromScript(text.replace(/ip pp nat descriptor 20\n/, "")), "pp anonymous"),
    ).toEqual(templated);
    expect(templated.natDescriptors).toEqual({ forward: [], reverse: [] });
  });

  test.each([
    ["changed", { forward: [21], reverse: [] }, ["ip pp nat descriptor 21"]],
    ["reverse added", { forward: [20], reverse: [30] }, ["ip pp nat descriptor 20 reverse 30"]],
    ["removed", { forward: [], reverse: [] }, ["no ip pp nat descriptor"]],
  ])("natDescriptors %s: only the binding line changes", (_n, natDescriptors, expected) => {
    const before = apply(store(others), L2tpAnonymousPool.commands(natted, { mask: false }));
    const desired = { ...natted, natDescriptors };
    const plan = L2tpAnonymousPool.plan(index(before), desired);
    expect(plan).toEqual(expected.map((command) => ({ context: pp, command })));
    expect(L2tpAnonymousPool.read(index(apply(before, plan)), "pp anonymous")).toEqual(desired);
  });

  test("delete unbinds the descriptors and leaves the descriptor itself", () => {
    const before = store(others);
    const created = apply(before, L2tpAnonymousPool.commands(natted, { mask: false }));
    const plan = L2tpAnonymousPool.plan(index(created), undefined, undefined, "pp anonymous");
    expect(plan).toContainEqual({ context: pp, command: "no ip pp nat descriptor" });
    expect(render(apply(created, plan))).toBe(render(before));
  });

  test("the model comes from the config header, so a declared RTX model is not drift", () => {
    const rtx = { ...templated, model: "rtx1210" as const };
    const config = indexConfig(
      parseConfig(
        `# RTX1210 Rev.14.01.42 (Fri Jan 1 00:00:00 2021)\n${script(L2tpAnonymousPool.commands(rtx, { mask: false }))}`,
        { source: "file" },
      ),
    );
    expect(L2tpAnonymousPool.read(config, "pp anonymous")).toEqual(rtx);
  });
});

describe("L2tpAnonymousPool read from `show config` output", () => {
  test("nested IPsec lines (two-space indent) and a header are read like the typed script", () => {
    const shown = [
      "# NVR510 Rev.15.01.21 (Wed Jun 15 10:39:05 2022)",
      "ip lan1 address 192.168.11.250/24",
      "pp select anonymous",
      " pp bind tunnel2",
      " pp auth request mschap-v2",
      " pp auth username someone@somewhere xxxxxxxx",
      " ppp ipcp ipaddress on",
      " ppp ipcp msext on",
      " ip pp remote address pool dhcp",
      " ip pp mtu 1280",
      " pp enable anonymous",
      "tunnel select 2",
      " tunnel encapsulation l2tp",
      " ipsec tunnel 2",
      "  ipsec sa policy 2 2 esp aes-cbc sha-hmac",
      "  ipsec ike keepalive use 2 off",
      "  ipsec ike nat-traversal 2 on",
      "  ipsec ike pre-shared-key 2 text COMMONKEY",
      "  ipsec ike remote address 2 any",
      " tunnel enable 2",
      "ipsec auto refresh on",
      "ipsec transport 2 2 udp 1701",
      "l2tp service on",
    ].join("\n");
    const config = indexConfig(parseConfig(shown));
    expect(L2tpAnonymousPool.read(config, "pp anonymous")).toEqual(seedModel);
    expect(L2tpAnonymousPool.plan(config, seedModel)).toEqual([]);
  });
});

describe("L2tpAnonymousPool with a hex pre-shared key (CR §15.5)", () => {
  const hex = L2tpAnonymousPool.schema.parse({
    tunnels: [2],
    users: [{ name: "someone@somewhere", password: "xxxxxxxx" }],
    pool: "dhcp",
    preSharedKey: { hex: "0xCDEEEDC0CDEDCD" },
  });

  test("written in the hex form, masked whole, read back as hex, and a text key is one line's change", () => {
    expect(hex.preSharedKey).toEqual({ hex: "0xcdeeedc0cdedcd" });
    const clear = script(L2tpAnonymousPool.commands(hex, { mask: false }));
    expect(clear).toContain("ipsec ike pre-shared-key 2 0xcdeeedc0cdedcd");
    const masked = script(L2tpAnonymousPool.commands(hex, { mask: true }));
    expect(masked).toContain("ipsec ike pre-shared-key 2 ********");
    expect(masked).not.toMatch(/cdeeedc0/i);
    const after = apply(store(others), L2tpAnonymousPool.plan(index(store(others)), hex));
    expect(L2tpAnonymousPool.read(index(after), "pp anonymous")).toEqual(hex);
    expect(L2tpAnonymousPool.plan(index(after), { ...hex, preSharedKey: "COMMONKEY" })).toEqual([
      { context: { kind: "tunnel", tunnel: 2 }, command: "ipsec ike pre-shared-key 2 text COMMONKEY" },
    ]);
  });
});
