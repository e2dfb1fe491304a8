import { PROMPT, Shell, seedSimulatorPerTest } from "./helpers";

/** The seed's pp anonymous block as `show config pp anonymous` prints it. */
const SEED_PP_ANONYMOUS = [
  "pp select anonymous",
  " pp bind tunnel2",
  " pp auth request mschap-v2",
  " pp auth username vpnuser1 vpnpass1",
  " ppp ipcp ipaddress on",
  " ppp ipcp msext on",
  " ip pp remote address pool dhcp",
  " ip pp mtu 1280",
  " pp enable anonymous",
];

describe("nvr-sim over ssh2: login, administrator, change, save, restart", () => {
  const seed = seedSimulatorPerTest((s) => s.unpaged());
  const { open } = seed;

  test("the seed config loads cleanly and show config prints it in the router's layout", async () => {
    expect(seed.sim.loadWarnings).toEqual([]);
    const sh = await open();
    const text = await sh.run("show config");
    const lines = text.split("\n");
    expect(lines[0]).toBe("# NVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)");
    expect(lines[4]).toMatch(/^# Reporting Date: [A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d \d{4}$/);
    expect(`${lines.slice(5).join("\n")}\n`).toBe(seed.sim.runningConfig());
    expect(seed.sim.runningConfig()).toContain(
      "tunnel select 2\n tunnel encapsulation l2tp\n ipsec tunnel 2\n  ipsec sa policy",
    );
    expect(seed.sim.runningConfig()).toContain("pp select anonymous\n pp bind tunnel2\n");
  });

  test("banner, > prompt, CRLF line endings", async () => {
    const sh = await Shell.open(seed.sim);
    seed.closeAfter(sh);
    const banner = await sh.expect(PROMPT);
    expect(banner).toContain("\r\nNVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)\r\n");
    expect(banner).toContain("Yamaha Corporation. All Rights Reserved.\r\n");
    expect(banner).toContain("Memory 256Mbytes, 2LAN, 1ONU\r\n");
    expect(banner.endsWith("\r\n> ")).toBe(true);
  });

  test("configuration at > is refused, administrator with the right password gets #", async () => {
    const sh = await open();
    expect(await sh.run("ip route default gateway pp 1")).toBe(
      "エラー: このコマンドは管理レベルでのみ使用できます",
    );
    sh.send("administrator\r");
    await sh.expect("Password: ");
    sh.send("wrong\r");
    const refused = await sh.expect(PROMPT);
    expect(refused).not.toContain("wrong");
    expect(refused).toContain("エラー: パスワードが間違っています");
    expect(refused.endsWith("> ")).toBe(true);
    await sh.administrator();
    expect(sh.output.endsWith("\r\n# ")).toBe(true);
    expect(sh.output).not.toContain("admin\r\n#");
  });

  test("a change shows in show config, exit asks the save question and takes one keystroke", async () => {
    const sh = await open();
    await sh.administrator();
    expect(await sh.run("console character en.ascii")).toBe("");
    expect(await sh.run("ip route default gateway pp 1")).toBe("");
    expect(await sh.run("show config")).toContain("\nip route default gateway pp 1\n");
    expect(seed.sim.savedConfig()).not.toContain("ip route default");
    sh.send("exit\r");
    await sh.expect("Save new configuration ? (Y/N)");
    sh.send("Y");
    const after = await sh.expect(PROMPT);
    expect(after).toBe("YSaving ... CONFIG0 Done .\r\n> ");
    expect(seed.sim.savedConfig()).toContain("ip route default gateway pp 1\n");
    expect(seed.sim.savedConfig()).toBe(seed.sim.runningConfig());
  });

  test("answering N keeps the change unsaved; without changes exit asks nothing", async () => {
    const sh = await open();
    await sh.administrator();
    await sh.run("ip lan2 address 192.168.1.52/24");
    sh.send("quit\r");
    await sh.expect("(Y/N)");
    sh.send("N");
    expect(await sh.expect(PROMPT)).toBe("N\r\n> ");
    expect(seed.sim.runningConfig()).toContain("ip lan2 address 192.168.1.52/24");
    expect(seed.sim.savedConfig()).toContain("ip lan2 address 192.168.1.51/24");
    await sh.administrator();
    await sh.run("ip lan2 address 192.168.1.53/24");
    // `quit save` saves without asking.
    sh.send("quit save\r");
    expect((await sh.expect(PROMPT)).split("\r\n").slice(1)).toEqual(["セーブ中... CONFIG0 終了", "> "]);
    expect(seed.sim.savedConfig()).toContain("ip lan2 address 192.168.1.53/24");
    await sh.administrator();
    expect(await sh.run("exit")).toBe("");
    expect(sh.output.endsWith("\r\n> ")).toBe(true);
  });

  test("save prints the device message; restart reloads the saved config and drops every session", async () => {
    const a = await open();
    const b = await open();
    await a.administrator();
    expect(await a.run("save")).toBe("セーブ中... CONFIG0 終了");
    await a.run("ip route 10.0.0.0/8 gateway 192.168.11.1");
    expect(seed.sim.runningConfig()).toContain("ip route 10.0.0.0/8");
    a.send("restart\r");
    await a.closedWithin();
    await b.closedWithin();
    expect(seed.sim.runningConfig()).not.toContain("ip route 10.0.0.0/8");
    expect(seed.sim.runningConfig()).toBe(seed.sim.savedConfig());
    expect(seed.sim.events().some((e) => e.type === "restart")).toBe(true);
    const c = await open();
    expect(await c.run("show config")).not.toContain("10.0.0.0/8");
  });

  test("context prompts for pp and tunnel select, and console prompt prefix", async () => {
    const sh = await open();
    // General users may select too (CR §56.1); the prompt keeps `>`.
    sh.send("pp select 1\r");
    await sh.expect("\r\npp1> ");
    sh.send("tunnel select 3\r");
    await sh.expect("\r\ntunnel3> ");
    sh.send("tunnel select none\r");
    await sh.expect("\r\n> ");
    await sh.administrator();
    sh.send("pp select 1\r");
    await sh.expect("pp1# ");
    sh.send("pp select anonymous\r");
    await sh.expect("anonymous# ");
    sh.send("tunnel select 2\r");
    await sh.expect("tunnel2# ");
    sh.send("no tunnel select\r");
    await sh.expect("\r\n# ");
    await sh.run("console prompt NVR");
    sh.send("pp select 2\r");
    await sh.expect("NVRpp2# ");
    sh.send("pp select none\r");
    await sh.expect("NVR# ");
    expect(seed.sim.runningConfig()).toContain("console prompt NVR\n");
  });

  test("show config pp anonymous and show config tunnel N expand with templates", async () => {
    const sh = await open();
    await sh.administrator();
    expect(await sh.run("show config pp anonymous")).toBe(SEED_PP_ANONYMOUS.join("\n"));
    await sh.run("tunnel select 2");
    await sh.run("tunnel template 3-4");
    await sh.run("no tunnel select");
    await sh.run("ipsec transport template 2 3-4");
    expect(await sh.run("show config tunnel 3")).toBe("");
    expect(await sh.run("show config tunnel 3 expand")).toBe(
      [
        "tunnel select 3",
        " tunnel encapsulation l2tp",
        " ipsec tunnel 3",
        "  ipsec sa policy 3 3 esp aes-cbc sha-hmac",
        "  ipsec ike keepalive use 3 off",
        "  ipsec ike nat-traversal 3 on",
        "  ipsec ike pre-shared-key 3 text example-psk",
        "  ipsec ike remote address 3 any",
        " tunnel enable 3",
        "ipsec transport 3 3 udp 1701",
      ].join("\n"),
    );
    // The target's own setting wins over the template's.
    await sh.run("tunnel select 4");
    await sh.run("ipsec ike pre-shared-key 4 text own-key");
    await sh.run("tunnel select none");
    const t4 = await sh.run("show config tunnel 4 expand");
    expect(t4).toContain("  ipsec ike pre-shared-key 4 text own-key");
    expect(t4).not.toContain("example-psk");
  });

  test("show ... | grep filters the output (CR §2.5.1)", async () => {
    const sh = await open();
    expect(await sh.run("show config | grep lan1")).toBe(
      [
        "Searching ...",
        "ip lan1 address 192.168.11.250/24",
        "ip lan1 proxyarp on",
        "ip lan1 dhcp service server",
      ].join("\n"),
    );
    expect(await sh.run("show config | grep -v ^ip | grep -w on")).toBe(
      [
        "Searching ...",
        " ppp ipcp ipaddress on",
        " ppp ipcp msext on",
        "  ipsec ike nat-traversal 2 on",
        "l2tp service on",
      ].join("\n"),
    );
    expect(await sh.run("show config | grep -i L2TP | grep -v ipsec")).toBe(
      ["Searching ...", " tunnel encapsulation l2tp", "l2tp service on"].join("\n"),
    );
    expect(await sh.run("show config | grep")).toBe("エラー: パラメータの数が不適当です");
  });

  test("a shell without a PTY works too, with the same prompts", async () => {
    const sh = await open({ pty: false });
    expect(await sh.run("show environment")).toContain("NVR510 Rev.15.01.21");
  });

  test("an exec channel runs one command and closes", async () => {
    const shell = await open();
    const output = await new Promise<string>((resolve, reject) => {
      shell.client.exec("show config pp anonymous", (err, stream) => {
        if (err) return reject(err);
        let out = "";
        stream.on("data", (d: Buffer) => (out += d.toString("utf8")));
        stream.on("close", () => resolve(out));
      });
    });
    expect(output.split("\r\n")).toEqual([...SEED_PP_ANONYMOUS, ""]);
    // The login on the same connection is still there.
    expect(await shell.run("show environment")).toContain("NVR510");
  });

  test("whole lines with LF or CRLF, and backspace editing", async () => {
    const sh = await open();
    sh.send("administrator\nadmin\n");
    await sh.expect("# ");
    sh.send("ip lan2 address 192.168.1.99/24\r\n");
    await sh.expect("# ");
    sh.send("ip route 10.1.0.0/16 gateway 192.168.11.9x\x7f\r");
    await sh.expect("# ");
    expect(seed.sim.runningConfig()).toContain("ip lan2 address 192.168.1.99/24");
    expect(seed.sim.runningConfig()).toContain("ip route 10.1.0.0/16 gateway 192.168.11.9\n");
  });
});
