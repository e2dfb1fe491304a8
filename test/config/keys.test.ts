import * as fs from "fs";
import { commandKey, keyPattern, noForm, sameKey } from "../../provider/config/keys";
import { parseConfig } from "../../provider/config/parse";
import { tokenize } from "../../provider/config/tokenize";

const key = (line: string) => commandKey(tokenize(line)).join(" ");
const no = (line: string) => noForm(tokenize(line));

describe("commandKey / noForm per command family", () => {
  it.each([
    // routes
    ["ip route 192.168.4.0/24 gateway 192.168.11.251", "no ip route 192.168.4.0/24"],
    ["ip route default gateway pp 1", "no ip route default"],
    // NAT
    ["nat descriptor static 30 1 192.168.253.2=192.168.11.2 253", "no nat descriptor static 30 1"],
    ["nat descriptor type 20 nat", "no nat descriptor type 20"],
    ["nat descriptor address outer 40 192.168.11.254", "no nat descriptor address outer 40"],
    ["nat descriptor address inner 1 auto", "no nat descriptor address inner 1"],
    ["nat descriptor masquerade static 1 2 192.168.1.1 esp", "no nat descriptor masquerade static 1 2"],
    ["nat descriptor backward-compatibility 1", "no nat descriptor backward-compatibility"],
    // interfaces
    ["ip lan1 address 192.168.11.250/24", "no ip lan1 address"],
    ["ip lan1 nat descriptor reverse 30", "no ip lan1 nat descriptor"],
    ["ip lan1 nat descriptor 31 reverse 30", "no ip lan1 nat descriptor"],
    ["ip lan1 proxyarp on", "no ip lan1 proxyarp"],
    ["ip lan1 dhcp service relay 192.168.1.51", "no ip lan1 dhcp service"],
    ["ip lan1/3 address 192.168.254.253/24", "no ip lan1/3 address"],
    ["ip tunnel secure filter out 200099 dynamic 200080", "no ip tunnel secure filter out"],
    ["ip pp remote address pool 192.168.254.1-192.168.254.3", "no ip pp remote address pool"],
    ["ip pp remote address 192.168.254.10", "no ip pp remote address"],
    ["ip pp mtu 1280", "no ip pp mtu"],
    ["switch control use lan2 on terminal=on", "no switch control use lan2"],
    // intrusion detection: per direction, and per attack type when one is given (CR §8.1.17)
    ["ip lan2 intrusion detection in on", "no ip lan2 intrusion detection in"],
    ["ip lan2 intrusion detection in on reject=on", "no ip lan2 intrusion detection in"],
    ["ip lan2 intrusion detection in tcp on reject=on", "no ip lan2 intrusion detection in tcp"],
    ["ip lan2 intrusion detection out ip-option off", "no ip lan2 intrusion detection out ip-option"],
    ["ip pp intrusion detection in reject on", "no ip pp intrusion detection in reject"],
    ["ip tunnel intrusion detection out default on", "no ip tunnel intrusion detection out default"],
    ["ip lan2 intrusion detection notice-interval 10", "no ip lan2 intrusion detection notice-interval"],
    ["vlan lan1/2 802.1q vid=20 name=VLAN20", "no vlan lan1/2 802.1q"],
    // DHCP and DNS
    ["dhcp service server", "no dhcp service"],
    ["dhcp scope 1 192.168.11.2-192.168.11.63/24", "no dhcp scope 1"],
    ["dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE", "no dhcp scope bind 1 192.168.5.5"],
    ["dhcp scope option 1 classless_static_route=18,c0,a8,04", "no dhcp scope option 1"],
    ["dhcp server rfc2131 compliant except remain-silent", "no dhcp server rfc2131 compliant"],
    ["dns server dhcp lan2", "no dns server dhcp"],
    ["dns server 1.1.1.1", "no dns server"],
    // PP
    ["pp auth username someone@somewhere xxxxxxxx", "no pp auth username someone@somewhere"],
    ["pp auth request mschap-v2", "no pp auth request"],
    ["pp bind tunnel2-tunnel4", "no pp bind"],
    ["pp enable anonymous", "no pp enable anonymous"],
    ["ppp ipcp msext on", "no ppp ipcp msext"],
    // tunnel, IPsec, L2TP
    ["tunnel template 3-4", "no tunnel template"],
    ["tunnel encapsulation l2tp", "no tunnel encapsulation"],
    ["tunnel enable 2", "no tunnel enable 2"],
    ["ipsec tunnel 2", "no ipsec tunnel"],
    ["ipsec sa policy 2 2 esp aes-cbc sha-hmac", "no ipsec sa policy 2"],
    ["ipsec ike pre-shared-key 2 text COMMONKEY", "no ipsec ike pre-shared-key 2"],
    ["ipsec ike remote address 2 any", "no ipsec ike remote address 2"],
    ["ipsec ike remote name 4 special-host", "no ipsec ike remote name 4"],
    ["ipsec ike keepalive use 1 on heartbeat 10 6", "no ipsec ike keepalive use 1"],
    ["ipsec ike nat-traversal 2 on", "no ipsec ike nat-traversal 2"],
    ["ipsec transport 2 2 udp 1701", "no ipsec transport 2"],
    ["ipsec transport template 2 3-4", "no ipsec transport template 2"],
    ["ipsec auto refresh on", "no ipsec auto refresh"],
    ["ipsec auto refresh 1 on", "no ipsec auto refresh 1"],
    ["l2tp service on l2tpv3", "no l2tp service"],
    ["l2tp tunnel disconnect time off", "no l2tp tunnel disconnect time"],
    ["ipsec ike local id 1 192.168.0.0/24", "no ipsec ike local id 1"],
    ["ipsec ike duration isakmp-sa 1 28800", "no ipsec ike duration isakmp-sa 1"],
    ["ipsec ike log 1 key-info message-info payload-info", "no ipsec ike log 1"],
    // system
    ["console lines infinity", "no console lines"],
    ["console prompt YAMAHA-SUDOU", "no console prompt"],
    ["schedule at 1 */Wed 00:00:00 * ntpdate ntp.nict.jp syslog", "no schedule at 1"],
    ["ip filter 200030 pass * 192.168.100.0/24 icmp * *", "no ip filter 200030"],
    ["ip filter dynamic 200080 * * ftp", "no ip filter dynamic 200080"],
    ["ipv6 filter dynamic 200081 * * domain", "no ipv6 filter dynamic 200081"],
    ["syslog notice on", "no syslog notice"],
  ])("%s → %s", (line, expected) => {
    expect(no(line)).toBe(expected);
  });

  it("ignores a leading no: the key of a no line is the key of what it removes", () => {
    expect(key("no ip route 192.168.4.0/24 gateway 192.168.11.251")).toBe("ip route 192.168.4.0/24");
    expect(sameKey(tokenize("no ip lan1 proxyarp on"), tokenize("ip lan1 proxyarp off"))).toBe(true);
  });

  it("re-entering a keyed command is the same key, a different key argument is not", () => {
    expect(
      sameKey(tokenize("ip route 10.0.0.0/8 gateway 1.1.1.1"), tokenize("ip route 10.0.0.0/8 gateway null")),
    ).toBe(true);
    expect(
      sameKey(
        tokenize("ip route 10.0.0.0/8 gateway 1.1.1.1"),
        tokenize("ip route 10.0.0.0/9 gateway 1.1.1.1"),
      ),
    ).toBe(false);
    expect(sameKey(tokenize("pp auth username a x"), tokenize("pp auth username b x"))).toBe(false);
  });

  it("intrusion detection of one attack type is a different setting from the whole direction's", () => {
    const whole = tokenize("ip lan2 intrusion detection in on");
    expect(sameKey(whole, tokenize("ip lan2 intrusion detection in tcp on reject=on"))).toBe(false);
    expect(sameKey(whole, tokenize("ip lan2 intrusion detection in off reject=on"))).toBe(true);
    expect(
      sameKey(
        tokenize("ip lan2 intrusion detection in tcp on"),
        tokenize("ip lan2 intrusion detection in udp on"),
      ),
    ).toBe(false);
    expect(sameKey(whole, tokenize("ip lan2 intrusion detection out on"))).toBe(false);
    // a literal alternative matches only as a whole word
    expect(key("ip lan2 intrusion detection in tc on")).toBe("ip lan2 intrusion detection in");
  });

  it("an unkeyed command is keyed by its whole line", () => {
    expect(key("bogus-command a b c")).toBe("bogus-command a b c");
    expect(no("dashboard accumulate traffic on")).toBe("no dashboard accumulate traffic");
  });

  it("quotes a key argument that needs it", () => {
    expect(no('pp auth username "two words" pass')).toBe('no pp auth username "two words"');
  });

  it("every command in the seed and the dumps is in the key table", () => {
    const dumps = fs
      .readdirSync("/work/shared/configs")
      .filter((f) => f.endsWith(".txt"))
      .map((f) => fs.readFileSync(`/work/shared/configs/${f}`, "utf8").split("\n").slice(1).join("\n"));
    const seedDir = "/work/shared/seed";
    // The seed is prose with config snippets: take the ASCII lines that start like a command.
    const seedCommands = fs
      .readdirSync(seedDir)
      .flatMap((f) => fs.readFileSync(`${seedDir}/${f}`, "utf8").split("\n"))
      .filter((l) => /^(no )?(ip|ipv6|pp|ppp|tunnel|ipsec|l2tp|nat|dhcp|dns) [ -~]*$/.test(l.trim()))
      // a section title in the prose, not a command
      .filter((l) => l.trim() !== "nat descriptor type");
    expect(seedCommands.length).toBeGreaterThan(80);
    const lines = [
      ...dumps.flatMap((d) => {
        const tree = parseConfig(d);
        return tree.items.flatMap((i) =>
          i.type === "line" ? [i.line.tokens] : i.block.lines.map((l) => l.tokens),
        );
      }),
      ...seedCommands.map((l) => tokenize(l.trim())),
    ].filter((t) => !(t[1] === "select" || (t[0] === "no" && t[2] === "select")));
    const missing = lines.filter((t) => keyPattern(t) === undefined).map((t) => t.join(" "));
    expect(missing).toEqual([]);
  });
});
