import * as fs from "fs";
import * as dynamic from "../../provider/dynamic";
import { indexConfig, parseConfig } from "../../provider/config";
import { IpsecSiteTunnel } from "../../provider/resources";
import { configCommands, settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";
import { expectDeleteRestores } from "./lifecycle";

const dump = (file: string) =>
  indexConfig(
    parseConfig(fs.readFileSync(`/work/shared/configs/${file}`, "utf8").split("\n").slice(1).join("\n")),
  );

const KEY = "site-Secr3t-key";

/** The RTX1100 dump's tunnel 1: IPsec with a heartbeat keepalive. */
const RTX1100 = {
  model: "rtx1100",
  tunnel: 1,
  ipsec: {
    policy: 101,
    preSharedKey: "ciscodaisuk1",
    keepaliveLog: false,
    keepalive: { use: "on", method: "heartbeat", interval: 10, count: 6 },
    localAddress: "100.1.1.1",
    remoteAddress: "200.1.1.1",
  },
  tcpMssLimit: "auto",
};

/** The RTX830 dump's tunnel 1: L2TPv3 over IPsec. */
const RTX830 = {
  model: "rtx830",
  tunnel: 1,
  encapsulation: "l2tpv3",
  endpoint: { local: "192.168.100.254", remote: "10.10.10.138" },
  ipsec: {
    policy: 101,
    preSharedKey: "yamaha",
    keepaliveLog: true,
    keepalive: { use: "on" },
    localAddress: "192.168.100.254",
    localName: { name: "l2tpv3" },
    natTraversal: true,
    remoteAddress: "10.10.10.138",
    log: ["key-info", "message-info", "payload-info"],
    transport: { protocol: "udp", port: 1701 },
  },
  l2tp: {
    alwaysOn: true,
    hostname: "RT2",
    tunnelAuth: { use: true, password: "yamaha" },
    disconnectTime: "off",
    keepalive: { use: true, interval: 60, count: 3 },
    keepaliveLog: true,
    syslog: true,
    localRouterId: "192.168.100.254",
    remoteRouterId: "192.168.100.1",
    remoteEndId: "yamaha",
  },
  tcpMssLimit: "auto",
};

const t1 = { kind: "tunnel", tunnel: 1 };
const parse = (raw: unknown) => IpsecSiteTunnel.schema.parse(raw);

describe("IpsecSiteTunnel", () => {
  test.each([
    ["rtx1100-ipsec-pppoe-rt1.txt", RTX1100],
    ["rtx830-l2tpv3-ipsec-initiator.txt", RTX830],
  ])("%s: tunnel 1 reads as the model, writes the printed lines and plans to nothing", (file, raw) => {
    const config = dump(file);
    const model = parse(raw);
    expect(IpsecSiteTunnel.read(config, "tunnel 1")).toEqual(model);
    const printed = [
      ...config.block("tunnel", "1")!.lines.map((l) => l.text),
      ...config.find(["ipsec", "transport"]).map((l) => l.text),
    ];
    const written = IpsecSiteTunnel.commands(model, { mask: false }).map((c) => c.command);
    expect(written.filter((w) => !printed.includes(w))).toEqual([]);
    expect(IpsecSiteTunnel.plan(config, model)).toEqual([]);
  });

  test("the keys are masked, text and hex, and nothing else", () => {
    const model = parse({ ...RTX830, ipsec: { ...RTX830.ipsec, preSharedKey: { hex: "0xCDEEEDC0CDEDCD" } } });
    const masked = IpsecSiteTunnel.commands(model, { mask: true }).map((c) => c.command);
    expect(masked).toContain("ipsec ike pre-shared-key 1 ********");
    expect(masked).toContain("l2tp tunnel auth on ********");
    expect(masked.join("\n")).not.toMatch(/cdeeedc0|auth on yamaha/i);
    const clear = IpsecSiteTunnel.commands(model, { mask: false }).map((c) => c.command);
    // One spelling of a hex key, so a case change is no drift.
    expect(clear).toContain("ipsec ike pre-shared-key 1 0xcdeeedc0cdedcd");
    expect(masked.length).toBe(clear.length);
    expect(IpsecSiteTunnel.secretProperties).toEqual(["ipsec.preSharedKey", "l2tp.tunnelAuth.password"]);
    const text = IpsecSiteTunnel.commands(parse(RTX1100), { mask: true }).map((c) => c.command);
    expect(text).toContain("ipsec ike pre-shared-key 1 text ********");
  });

  test("a hex key reads back as hex; the gateway follows the SA policy, not the tunnel number", () => {
    const config = index(
      store(
        "tunnel select 3\n ipsec tunnel 7\n  ipsec sa policy 7 2 esp aes256-cbc sha256-hmac\n  ipsec ike pre-shared-key 2 0xABCD\n  ipsec ike remote address 2 vpn.example.jp\n tunnel enable 3",
      ),
    );
    expect(IpsecSiteTunnel.read(config, "tunnel 3")).toEqual(
      parse({
        tunnel: 3,
        ipsec: {
          policy: 7,
          gateway: 2,
          saPolicy: "esp aes256-cbc sha256-hmac",
          preSharedKey: { hex: "0xabcd" },
          remoteAddress: "vpn.example.jp",
        },
      }),
    );
  });

  test("plan from empty converges; a key change is one line; delete leaves the config as before", () => {
    // The header names the model, as a router's does.
    const before = store(
      "# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)\nip lan1 address 192.168.100.1/24",
    );
    const model = parse(RTX830);
    const plan = IpsecSiteTunnel.plan(index(before), model);
    expect(plan).toEqual(IpsecSiteTunnel.commands(model, { mask: false }));
    const after = apply(before, plan);
    expect(IpsecSiteTunnel.read(index(after), "tunnel 1")).toEqual(model);
    expect(IpsecSiteTunnel.plan(index(after), model)).toEqual([]);

    const rekeyed = parse({ ...RTX830, ipsec: { ...RTX830.ipsec, preSharedKey: "rotated" } });
    expect(IpsecSiteTunnel.plan(index(after), rekeyed)).toEqual([
      { context: t1, command: "ipsec ike pre-shared-key 1 text rotated" },
    ]);

    const removal = IpsecSiteTunnel.plan(index(after), undefined, undefined, "tunnel 1");
    // The transport goes first (it names the policy), then the tunnel is disabled before its settings go.
    expect(removal.slice(0, 2)).toEqual([
      { context: { kind: "global" }, command: "no ipsec transport 1" },
      { context: t1, command: "no tunnel enable 1" },
    ]);
    expect(render(apply(after, removal))).toBe(render(before));
  });

  test.each([
    [{ tunnel: 31 }, "tunnel", /past the rtx1100.s tunnels 1\.\.30/],
    [{ ipsec: undefined }, "ipsec", /needs its ipsec settings/],
    [{ l2tp: { hostname: "x" } }, "l2tp", /encapsulation: l2tpv3/],
    [{ encapsulation: "ipip" }, "endpoint", /needs the tunnel's endpoint/],
    [{ endpoint: { remote: "10.0.0.1" } }, "endpoint", /ipsec\.localAddress/],
    [
      { ipsec: { ...RTX1100.ipsec, keepalive: { use: "on", method: "icmp-echo" } } },
      "ipsec.keepalive.address",
      /icmp-echo/,
    ],
    [
      { ipsec: { ...RTX1100.ipsec, keepalive: { use: "on", count: 3 } } },
      "ipsec.keepalive.count",
      /interval/,
    ],
    [{ ipsec: { ...RTX1100.ipsec, remoteAddress: "1.2.3" } }, "ipsec.remoteAddress", /host name/],
    [
      { ipsec: { ...RTX1100.ipsec, preSharedKey: { hex: "0xABC" } } },
      "ipsec.preSharedKey.hex",
      /digit pairs/,
    ],
    [{ ipsec: { ...RTX1100.ipsec, policy: 0 } }, "ipsec.policy", /1\.\.2147483647/],
    [{ tcpMssLimit: 1461 }, "tcpMssLimit", /1\.\.1460/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(IpsecSiteTunnel.schema, { ...RTX1100, ...change }, property, reason);
  });
});

describe("IpsecSiteTunnel against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("create → read equals inputs → rekey sends one line → delete restores; commands mask the key", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const props = {
      tunnel: 1,
      ipsec: { ...RTX1100.ipsec, preSharedKey: KEY, natTraversal: true },
      tcpMssLimit: "auto",
    };
    const checked = await dynamic.check("IpsecSiteTunnel", {}, props);
    expect(checked.failures ?? []).toEqual([]);
    const inputs = checked.inputs as Record<string, unknown>;

    const created = await dynamic.create("IpsecSiteTunnel", inputs);
    expect(created.id).toBe("tunnel 1");
    expect(JSON.stringify(created.outs.commands)).not.toContain(KEY);
    await settle(sim);
    expect(sim.runningConfig()).toContain(
      `tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike keepalive log 1 off\n  ipsec ike keepalive use 1 on heartbeat 10 6\n`,
    );
    expect(sim.runningConfig()).toContain(`  ipsec ike pre-shared-key 1 text ${KEY}\n`);

    const read = await dynamic.read("IpsecSiteTunnel", created.id, created.outs);
    expect((await dynamic.diff("IpsecSiteTunnel", created.id, read.props as never, inputs)).changes).toBe(
      false,
    );

    sim.clearEvents();
    const news = (
      await dynamic.check(
        "IpsecSiteTunnel",
        {},
        { ...props, ipsec: { ...props.ipsec, preSharedKey: { hex: "0x0a0b" } } },
      )
    ).inputs as never;
    await dynamic.update("IpsecSiteTunnel", created.id, created.outs, news);
    await settle(sim);
    // The simulator's event log masks secrets as the router's own log would not: the line is the key's.
    expect(configCommands(sim)).toEqual(["tunnel select 1", "ipsec ike pre-shared-key 1 ********"]);
    expect(sim.runningConfig()).toContain("  ipsec ike pre-shared-key 1 0x0a0b\n");

    await expectDeleteRestores(sim, "IpsecSiteTunnel", created, before);
  });
});
