/**
 * Bad input gets the device's error class: arity, range, address, keyword and select-context errors.
 */
import type { GrammarError, SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const none: SimContext = { kind: "none" };
const anonymous: SimContext = { kind: "pp", peer: "anonymous" };
const pp2: SimContext = { kind: "pp", peer: "2" };
const tunnel2: SimContext = { kind: "tunnel", tunnel: 2 };

const BAD: [string, SimContext, GrammarError][] = [
  // wrong number of arguments
  ["ip lan1 address", none, "parameters"],
  ["ip lan1 proxyarp on off", none, "parameters"],
  ["nat descriptor type 20", none, "parameters"],
  ["nat descriptor static 20 1 192.168.254.240", none, "parameters"],
  ["ip route 10.0.0.0/8", none, "parameters"],
  ["ip lan1 dhcp service relay 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5", none, "parameters"],
  ["pp bind tunnel2-tunnel4", pp2, "parameters"],
  ["pp bind tunnel1 tunnel2", pp2, "parameters"],
  ["ipsec sa policy 2 2", tunnel2, "parameters"],
  ["administrator password secret", none, "parameters"],
  // a description with blanks must be quoted [V] yamaha-cli.md §6 (`description` inside `tunnel select`)
  ["description tunnel L2TP VPN", tunnel2, "parameters"],
  ["dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05", none, "parameters"],
  ["no nat descriptor static 30", none, "parameters"],
  // numbers out of range
  ["nat descriptor type 0 nat", none, "out-of-range"],
  ["nat descriptor type 2147483648 nat", none, "out-of-range"],
  ["dhcp scope 65536 192.168.11.2-192.168.11.63/24", none, "out-of-range"],
  ["console lines 0", none, "out-of-range"],
  ["console lines 101", none, "out-of-range"],
  ["console columns 79", none, "out-of-range"],
  ["console columns 201", none, "out-of-range"],
  ["login timer 119", none, "out-of-range"],
  ["ip route 10.0.0.0/8 gateway 192.168.11.1 metric 16", none, "out-of-range"],
  ["ip route default gateway tunnel 5", none, "out-of-range"],
  ["ip pp mtu 1501", anonymous, "out-of-range"],
  ["pp bind tunnel2-tunnel5", anonymous, "out-of-range"],
  ["schedule at 1 +3601 * restart", none, "out-of-range"],
  ["schedule at 1 25:00 * restart", none, "out-of-range"],
  ["ipsec ike remote address 5 any", tunnel2, "out-of-range"],
  ["dhcp scope option 1 121=21,c0,a8,04,c0,a8,05,05", none, "out-of-range"],
  ["nat descriptor static 20 1 192.168.254.0=192.168.11.0/8", none, "out-of-range"],
  ["ipsec ike keepalive use 2 on heartbeat 10 51", tunnel2, "out-of-range"],
  ["ipsec ike nat-traversal 2 on keepalive=10", tunnel2, "out-of-range"],
  ["l2tp tunnel auth on 123456789012345678901234567890123", tunnel2, "out-of-range"],
  ["nat descriptor static 1 1 10.0.0.0=192.168.0.0/255.0.0.0", none, "out-of-range"],
  ["ppp lcp mru on 1279", anonymous, "out-of-range"],
  ["dhcp scope 3 192.168.11.2-192.168.12.63/24", none, "out-of-range"],
  // not an integer
  ["console lines many", none, "not-integer"],
  ["nat descriptor type x nat", none, "not-integer"],
  // bad addresses
  ["ip lan1 address 192.168.11.256/24", none, "bad-ip"],
  ["ip route 192.168.4.0/24 gateway 192.168.11", none, "bad-ip"],
  ["nat descriptor address outer 20 192.168.254.x", none, "bad-ip"],
  ["dhcp scope bind 1 192.168.5.500 ethernet 00:30:f5:cc:dd:ee", none, "bad-ip"],
  ["ip pp remote address pool 192.168.254.1-192.168.254", anonymous, "bad-ip"],
  ["ipsec ike remote address 2 192.168.11.300", tunnel2, "bad-ip"],
  ["dhcp scope option 1 dns=192.168.11.", none, "bad-ip"],
  // bad keywords
  ["ip lan1 proxyarp yes", none, "illegal-keyword"],
  ["nat descriptor type 20 bogus", none, "illegal-keyword"],
  ["ip route 10.0.0.0/8 gateway 192.168.11.1 priority 1", none, "illegal-keyword"],
  ["pp auth request md5", anonymous, "illegal-keyword"],
  ["tunnel encapsulation gre", tunnel2, "illegal-keyword"],
  ["l2tp service on l2tpv4", none, "illegal-keyword"],
  ["dhcp scope option 1 nonsense=1", none, "illegal-keyword"],
  ["dhcp scope option 1 classless_static_route=18,zz", none, "illegal-keyword"],
  ["dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:cc:dd", none, "illegal-keyword"],
  ["nat descriptor masquerade static 1 1 192.168.1.1 tcp nosuchport", none, "illegal-keyword"],
  ["console character klingon", none, "illegal-keyword"],
  ["login user bad!name secret", none, "illegal-keyword"],
  ["ipsec sa policy 2 2 esp blowfish-cbc", tunnel2, "illegal-keyword"],
  ["ip route default gateway pp anonymous", none, "parameters"],
  // select context
  ["pp auth request mschap-v2", none, "need-pp-select"],
  ["ip pp mtu 1280", tunnel2, "need-pp-select"],
  ["no ip pp remote address pool dhcp", none, "need-pp-select"],
  ["ipsec ike pre-shared-key 2 text KEY", none, "need-tunnel-select"],
  ["tunnel encapsulation l2tp", anonymous, "need-tunnel-select"],
  ["l2tp hostname RT2", none, "need-tunnel-select"],
  // unknown commands
  ["ip lan1 frobnicate on", none, "invalid-command"],
  ["nat descriptor bogus 1", none, "invalid-command"],
  ["login password secret", none, "invalid-command"],
];

/** Documented forms that must pass (CR syntax sections), with what `show config` prints for them. */
const GOOD: [string, SimContext, string][] = [
  ["ipsec sa policy 2 2 esp", tunnel2, "ipsec sa policy 2 2 esp"],
  ["ipsec sa policy 2 2 ah sha256-hmac", tunnel2, "ipsec sa policy 2 2 ah sha256-hmac"],
  ["ipsec ike keepalive use 2 on dpd 30 5 100", tunnel2, "ipsec ike keepalive use 2 on dpd 30 5 100"],
  [
    "ipsec ike keepalive use 2 on icmp-echo 10.0.0.1 length=100",
    tunnel2,
    "ipsec ike keepalive use 2 on icmp-echo 10.0.0.1 length=100",
  ],
  [
    "ipsec ike nat-traversal 2 on keepalive=030 force=on",
    tunnel2,
    "ipsec ike nat-traversal 2 on keepalive=30 force=on",
  ],
  [
    "ipsec ike remote address 2 vpnsv.xx.netvolante.jp",
    tunnel2,
    "ipsec ike remote address 2 vpnsv.xx.netvolante.jp",
  ],
  ["ipsec ike remote name 2 special-host key-id", tunnel2, "ipsec ike remote name 2 special-host key-id"],
  ["dhcp server rfc2131 compliant remain-silent", none, "dhcp server rfc2131 compliant remain-silent"],
  ["dhcp server rfc2131 compliant off", none, "dhcp server rfc2131 compliant off"],
  [
    "dhcp scope bind 1 192.168.11.9 01 00 A0 de 01 02 03",
    none,
    "dhcp scope bind 1 192.168.11.9 01 00 a0 de 01 02 03",
  ],
  ["dhcp scope bind 1 * 00:a0:de:*:*:*", none, "dhcp scope bind 1 * 00:a0:de:*:*:*"],
  [
    "dhcp scope 2 192.168.12.2-192.168.12.63/24 except 192.168.12.10 gateway 192.168.12.1 expire 12:00",
    none,
    "dhcp scope 2 192.168.12.2-192.168.12.63/24 except 192.168.12.10 gateway 192.168.12.1 expire 12:00",
  ],
  [
    "nat descriptor static 1 1 10.0.0.0=192.168.0.0/255.255.0.0",
    none,
    "nat descriptor static 1 1 10.0.0.0=192.168.0.0/255.255.0.0",
  ],
  [
    "nat descriptor masquerade static 1 3 192.168.11.240 tcp 8080=www",
    none,
    "nat descriptor masquerade static 1 3 192.168.11.240 tcp 8080=www",
  ],
  [
    "nat descriptor masquerade incoming 30 forward 192.168.11.240",
    none,
    "nat descriptor masquerade incoming 30 forward 192.168.11.240",
  ],
  [
    "ip route default gateway pp anonymous name=someone gateway tunnel 1 weight 0 hide",
    none,
    "ip route default gateway pp anonymous name=someone gateway tunnel 1 weight 0 hide",
  ],
  ["ip route 10.0.0.0/8 gateway null", none, "ip route 10.0.0.0/8 gateway null"],
  [
    "ip route 10.0.0.0/8 gateway dhcp lan2 filter 1 2 3 metric 2 keepalive 1",
    none,
    "ip route 10.0.0.0/8 gateway dhcp lan2 filter 1 2 3 metric 2 keepalive 1",
  ],
  ["ip lan1 secondary address 192.168.254.5/24", none, "ip lan1 secondary address 192.168.254.5/24"],
  ["security class 1 on", none, "security class 1 on"],
  ["syslog facility local3", none, "syslog facility local3"],
  ["syslog host 192.168.11.5", none, "syslog host 192.168.11.5"],
  ["sshd host lan", none, "sshd host lan"],
  ["schedule at 5 */Mon-Fri 17:05 pp 1 restart", none, "schedule at 5 */Mon-Fri 17:05:00 pp 1 restart"],
  ["tunnel map-e type ipv6option", tunnel2, "tunnel map-e type ipv6option"],
  ['description tunnel "L2TP VPN"', tunnel2, 'description tunnel "L2TP VPN"'],
  ["description 1 NVR510-office", none, "description 1 NVR510-office"],
  // dotted and hex masks print as bit counts; event-time schedules take no date
  ["ip lan1 address 192.168.11.250/255.255.255.0", none, "ip lan1 address 192.168.11.250/24"],
  ["dhcp scope 3 10.0.0.2-10.0.0.50/0xffffff00", none, "dhcp scope 3 10.0.0.2-10.0.0.50/24"],
  ["schedule at 7 startup * restart", none, "schedule at 7 startup * restart"],
];

describe("documented forms", () => {
  it.each(GOOD)("%s", (line, context, shown) => {
    const result = parseConfigCommand(line, context, MODELS.nvr510);
    expect(result?.ok && !result.negate ? result.command.canonical : result).toBe(shown);
  });
});

describe("error classes", () => {
  it("covers a table of at least thirty bad lines", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD)("%s (%j) → %s", (line, context, error) => {
    expect(parseConfigCommand(line, context, MODELS.nvr510)).toEqual({ ok: false, error });
  });

  it("has no nat descriptor backward-compatibility on the NVR500, in either form", () => {
    expect(parseConfigCommand("nat descriptor backward-compatibility 1", none, MODELS.nvr500)).toEqual({
      ok: false,
      error: "invalid-command",
    });
    expect(parseConfigCommand("no nat descriptor backward-compatibility 1", none, MODELS.nvr500)).toEqual({
      ok: false,
      error: "invalid-command",
    });
    expect(parseConfigCommand("nat descriptor backward-compatibility 1", none, MODELS.nvr510)).toMatchObject({
      ok: true,
    });
  });

  it("has no MAP-E on the NVR500", () => {
    const nvr500 = MODELS.nvr500;
    expect(parseConfigCommand("tunnel map-e type v6plus", tunnel2, nvr500)).toEqual({
      ok: false,
      error: "invalid-command",
    });
    expect(parseConfigCommand("tunnel encapsulation map-e", tunnel2, nvr500)).toEqual({
      ok: false,
      error: "illegal-keyword",
    });
    expect(parseConfigCommand("nat descriptor address outer 1 map-e", none, nvr500)).toEqual({
      ok: false,
      error: "illegal-keyword",
    });
    expect(parseConfigCommand("tunnel map-e type v6plus", tunnel2, MODELS.nvr510)).toMatchObject({
      ok: true,
    });
  });

  it("takes tunnel limits from the model", () => {
    const line = "ip route 10.0.0.0/8 gateway tunnel 20";
    expect(parseConfigCommand(line, none, MODELS.nvr510)).toEqual({ ok: false, error: "out-of-range" });
    expect(parseConfigCommand(line, none, MODELS.rtx830)).toMatchObject({ ok: true });
    expect(parseConfigCommand("console columns 1000", none, MODELS.rtx1210)).toMatchObject({ ok: true });
  });

  it("leaves operational commands to the runtime", () => {
    for (const line of [
      "show config",
      "save",
      "administrator",
      "pp select anonymous",
      "no tunnel select",
      "quit",
    ]) {
      expect({ line, result: parseConfigCommand(line, none, MODELS.nvr510) }).toEqual({
        line,
        result: undefined,
      });
    }
  });

  it("rejects words after a pre-shared key", () => {
    const result = parseConfigCommand(
      "ipsec ike pre-shared-key 2 text COMMONKEY extra",
      tunnel2,
      MODELS.nvr510,
    );
    expect(result).toEqual({ ok: false, error: "parameters" });
  });
});
