/**
 * Secrets in logged command lines: the grammar marks the words that are passwords or keys, and the event log masks
 * those (grammar/index.ts maskSecrets); `show config` still prints them as the device does (yamaha-cli.md §7).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { maskSecrets } from "../../simulator/engine/grammar";
import type { SimContext } from "../../simulator/engine/grammar-contract";
import { MODELS } from "../../simulator/engine/models";
import { startSimulator } from "../../simulator/index";
import { Shell } from "./helpers";

const none: SimContext = { kind: "none" };
const pp1: SimContext = { kind: "pp", peer: "1" };
const tunnel1: SimContext = { kind: "tunnel", tunnel: 1 };
const mask = (line: string, context: SimContext = none, model = MODELS.rtx1210): string =>
  maskSecrets(line, context, model);

describe("secrets in logged command lines", () => {
  test.each([
    // Hand-written readers (Reader.secret).
    [
      "pp auth username alice s3cret myname bob b0b",
      pp1,
      "pp auth username alice ******** myname bob ********",
    ],
    [" pp auth myname bob b0b", pp1, " pp auth myname bob ********"],
    ["ipsec ike pre-shared-key 2 text COMMONKEY", tunnel1, "ipsec ike pre-shared-key 2 text ********"],
    ["ipsec ike pre-shared-key 2 0x0123abcd", tunnel1, "ipsec ike pre-shared-key 2 ********"],
    ["login user ops p4ss", none, "login user ops ********"],
    ["login user ops encrypted 0a1b2c", none, "login user ops encrypted ********"],
    ["login password inline", none, "login password ********"],
    ["administrator password encrypted abc", none, "administrator password encrypted ********"],
    ["l2tp tunnel auth on p4ss", tunnel1, "l2tp tunnel auth on ********"],
    // Pattern slots (`<secret:...>`).
    [
      "cloud vpn parameter 1 AKIAID wJalrXUtn vpn-0123",
      none,
      "cloud vpn parameter 1 ******** ******** ********",
    ],
    [
      "heartbeat2 transmit 7 crypto cRypt0 auth aUth0 192.0.2.1 hb.example",
      none,
      "heartbeat2 transmit 7 crypto ******** auth ******** 192.0.2.1 hb.example",
    ],
    ["heartbeat2 receive 7 auth aUth0", none, "heartbeat2 receive 7 auth ********"],
    ["heartbeat pre-shared-key hbKey1", none, "heartbeat pre-shared-key ********"],
    ["bgp neighbor pre-shared-key 1 text bgpKey", none, "bgp neighbor pre-shared-key 1 text ********"],
    ["radius secret rAdius", none, "radius secret ********"],
    ["snmp community read-only pub1ic", none, "snmp community read-only ********"],
    [
      "snmpv3 usm user 1 admin group 1 auth sha authPw12 priv aes128-cfb privPw12",
      none,
      "snmpv3 usm user 1 admin group 1 auth sha ******** priv aes128-cfb ********",
    ],
    [
      "ip lan1 vrrp 1 192.168.0.1 priority=200 auth=vrrpPw",
      none,
      "ip lan1 vrrp 1 192.168.0.1 priority=200 auth=********",
    ],
    [
      "ip lan1 ospf area backbone authkey=ospfK md5key=1,md5Key",
      none,
      "ip lan1 ospf area backbone authkey=******** md5key=********",
    ],
    ["ip lan1 rip auth key text ripKey", none, "ip lan1 rip auth key text ********"],
    ["ip lan1 rip auth key 0a0b 0c0d", none, "ip lan1 rip auth key ******** ********"],
    [
      "mail server smtp 1 smtp.example smtp-auth bob mailPw plain",
      none,
      "mail server smtp 1 smtp.example smtp-auth bob ******** plain",
    ],
    ["mail server pop 1 pop.example pop3 bob popPw", none, "mail server pop 1 pop.example pop3 bob ********"],
    ["mobile pin code usb1 1234", none, "mobile pin code usb1 ********"],
    ["yno access code operator accessCode1", none, "yno access code operator ********"],
    ["auth user 1 carol carolPw", none, "auth user 1 carol ********"],
    ["ipsec ike xauth myname 1 dave davePw", tunnel1, "ipsec ike xauth myname 1 dave ********"],
    ["ipsec ike license-key 1 LICENSE-KEY", none, "ipsec ike license-key 1 ********"],
    [
      "syslog file crypto aes128 syslogPw name=log.txt",
      none,
      "syslog file crypto aes128 ******** name=log.txt",
    ],
    [
      "external-memory config filename usb1:a.txt 0 fileCfgPw",
      none,
      "external-memory config filename usb1:a.txt 0 ********",
    ],
    // A scheduled command is masked as a line of its own.
    [
      "schedule at 1 */* 12:00 pp 1 pp auth myname erin erinPw",
      none,
      "schedule at 1 */* 12:00 pp 1 pp auth myname erin ********",
    ],
  ])("%s", (line, context, masked) => {
    expect(mask(line, context)).toBe(masked);
  });

  test.each([
    // Quoted with blanks, a backslash-escaped blank, `*` and quotes inside: one word, one mask.
    ['pp auth myname bob "two words"', "pp auth myname bob ********"],
    ["pp auth myname bob 'single quoted *'", "pp auth myname bob ********"],
    ["pp auth myname bob two\\ words", "pp auth myname bob ********"],
    ["pp auth myname bob *p*w*", "pp auth myname bob ********"],
    ['cloud vpn parameter 1 "AK ID" "sec ret*" vpn', "cloud vpn parameter 1 ******** ******** ********"],
    // The secret a prefix of the user name, and the user name a prefix of the secret: masked by position.
    ["pp auth username Pw1x Pw1", "pp auth username Pw1x ********"],
    ["pp auth myname ab abc", "pp auth myname ab ********"],
    // Blanks and tabs between words are kept.
    ["pp\tauth  myname   bob \t b0b", "pp\tauth  myname   bob \t ********"],
    // Secrets spelt like the keywords around them.
    [
      "heartbeat2 transmit 1 crypto auth auth crypto 192.0.2.1",
      "heartbeat2 transmit 1 crypto ******** auth ******** 192.0.2.1",
    ],
    ["pp auth username myname myname myname x myname", "pp auth username myname ******** myname x ********"],
    // An unterminated quote runs to the end of the line.
    ['pp auth myname bob "open quote', "pp auth myname bob ********"],
  ])("hostile: %s", (line, masked) => {
    expect(mask(line, pp1)).toBe(masked);
  });

  test.each([
    // Refused lines still carry their secret: everything after the key is masked.
    ["the model lacks the command", "cloud vpn parameter 1 AKIAID wJalrXUtn", MODELS.nvr510, none],
    ["outside its select", "pp auth myname bob wJalrXUtn", MODELS.rtx1210, none],
    ["the secret is too long", `heartbeat2 receive 7 auth wJalrXUtn${"x".repeat(40)}`, MODELS.rtx1210, none],
    [
      "a word the grammar refuses",
      "heartbeat2 transmit 7 crypto wJalrXUtn auth bad 999.1.1.1",
      MODELS.rtx1210,
      none,
    ],
    ["a control character", "pp auth myname bob wJalrXUtn\u0007", MODELS.rtx1210, pp1],
    ["upper case", "PP AUTH MYNAME bob wJalrXUtn", MODELS.rtx1210, pp1],
    ["a `no` form with the old value", "no cloud vpn parameter 1 AKIAID wJalrXUtn", MODELS.rtx1210, none],
    [
      "a scheduled refused line",
      "schedule at 1 */* 12:00 * heartbeat2 receive x auth wJalrXUtn",
      MODELS.rtx1210,
      none,
    ],
    ["a line over 4095 characters", `radius secret wJalrXUtn ${"y".repeat(5000)}`, MODELS.rtx1210, none],
  ])("refused, %s: the secret is masked", (_, line, model, context) => {
    const logged = maskSecrets(line, context, model);
    expect(logged).not.toContain("wJalrXUtn");
    expect(logged).toContain("********");
  });

  test.each([
    "pp auth username alice",
    "no pp auth username alice",
    "ipsec ike pre-shared-key 2 text",
    "l2tp tunnel auth on",
    "login password",
    "login password *",
    "no heartbeat2 transmit 7",
    "cloud vpn name 1 office",
    "ip route default gateway pp 1",
    "ip lan1 rip auth type text",
    "ip route 10.0.0.0/33 gateway 192.0.2.1",
  ])("%s has nothing to mask", (line) => {
    expect(mask(line, pp1)).toBe(line);
  });
});

describe("secrets over SSH: the event file never holds them, show config prints them as the device does", () => {
  test("cloud vpn parameter, heartbeat2 keys and a refused line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "nvr-sim-mask-")), "events.jsonl");
    const sim = await startSimulator({ model: "rtx1210", events: file });
    const sh = await Shell.open(sim);
    try {
      await sh.login();
      await sh.unpaged();
      await sh.administrator();
      const lines = [
        'cloud vpn parameter 1 AKIAEXAMPLE "wJalr XUtnFEMI*K7MDENG" vpn-0a1b2c3d',
        "heartbeat2 transmit 1 crypto Cry-Pto1 auth Au-th2 192.0.2.1",
        "heartbeat2 receive 1 crypto Cry-Pto1 auth Au-th2",
        // Refused (outside pp select) but logged.
        "pp auth myname bob Pp-Pass3",
      ];
      for (const line of lines) await sh.run(line);
      const shown = await sh.run("show config");
      // yamaha-cli.md §7: only login/administrator passwords print masked; these keys print as typed.
      expect(shown).toContain('cloud vpn parameter 1 AKIAEXAMPLE "wJalr XUtnFEMI*K7MDENG" vpn-0a1b2c3d');
      expect(shown).toContain("heartbeat2 transmit 1 crypto Cry-Pto1 auth Au-th2 192.0.2.1");
    } finally {
      sh.close();
      await sim.stop();
    }
    const logged = readFileSync(file, "utf8");
    for (const secret of ["AKIAEXAMPLE", "wJalr", "XUtnFEMI", "Cry-Pto1", "Au-th2", "Pp-Pass3"])
      expect(logged).not.toContain(secret);
    const commands = sim
      .events()
      .filter((e) => e.type === "command")
      .map((e) => e.text);
    expect(commands).toEqual(
      expect.arrayContaining([
        "cloud vpn parameter 1 ******** ******** ********",
        "heartbeat2 transmit 1 crypto ******** auth ******** 192.0.2.1",
        "heartbeat2 receive 1 crypto ******** auth ********",
        "pp auth myname bob ********",
      ]),
    );
  });
});
