/**
 * The command families of issue 14, one row per command form: valid lines print back in their canonical form,
 * `no` forms address the same key, invalid ones get the device's error class, and a family the model lacks is an
 * unknown command there.
 */
import { Engine } from "../../simulator/engine/engine";
import type { GrammarError, SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const none: SimContext = { kind: "none" };
const pp1: SimContext = { kind: "pp", peer: "1" };
const tunnel1: SimContext = { kind: "tunnel", tunnel: 1 };

/** [line, context, model]: lines taken from the CR's syntax (§ in the comment) and its examples. */
const GOOD: [string, SimContext, string][] = [
  // filters, intrusion detection, ethernet filter (§8.1.10-8.1.17, ch. 9)
  ["ip filter set web in 1 2 3", none, "rtx1210"],
  ["ip lan2 intrusion detection in on", none, "rtx1210"],
  ["ip lan2 intrusion detection in on reject=on", none, "rtx1210"],
  ["ip lan2 intrusion detection out fragment off", none, "rtx1210"],
  ["ip pp intrusion detection in on reject=on", pp1, "rtx1210"],
  ["ip pp intrusion detection in reject on", pp1, "rtx1210"],
  ["ip tunnel intrusion detection in on", tunnel1, "rtx1210"],
  ["ethernet filter 1 pass-log 00:a0:de:*:*:* *", none, "rtx1210"],
  ["ethernet filter 2 reject-nolog dhcp-not-bind 1", none, "rtx1210"],
  ["ethernet filter 3 pass-nolog * * offset 12 08,00", none, "rtx1210"],
  ["ip filter directed-broadcast filter 1 2", none, "rtx1210"],
  ["ethernet lan1 filter in 1 2 3", none, "rtx1210"],
  // PPPoE and PPP (ch. 11, §8.2)
  ["pppoe auto disconnect off", pp1, "rtx1210"],
  ["pppoe tcp mss limit auto", pp1, "rtx1210"],
  ["pp keepalive interval 30 retry-interval=10 count=6", pp1, "rtx1210"],
  ["pp keepalive use lcp-echo", pp1, "rtx1210"],
  ["ppp lcp restart 3000", pp1, "rtx1210"],
  // IPsec (ch. 15)
  ["ipsec ike encryption 1 aes-cbc", tunnel1, "rtx1210"],
  ["ipsec ike group 1 modp1024", tunnel1, "rtx1210"],
  ["ipsec ike hash 1 sha256", tunnel1, "rtx1210"],
  ["ipsec ike version 1 2", tunnel1, "rtx1210"],
  ["ipsec ike duration sa 1 28800", tunnel1, "rtx1210"],
  ["ipsec use on", none, "rtx1210"],
  ["ipsec ike license-key use 1 on", tunnel1, "rtx1210"],
  ["auth user attribute 1 xauth=on eap-md5=off", none, "rtx1210"],
  ["auth user group 2 1-20 30", none, "rtx1210"],
  // IPIP / L2TPv3 (ch. 14, 16, 18)
  ["ipip keepalive use on 10 3", tunnel1, "rtx1210"],
  ["tunnel endpoint name vpn.example.jp fqdn", tunnel1, "rtx1210"],
  ["ip tunnel address 192.168.254.1/30", tunnel1, "rtx1210"],
  // DNS (ch. 24)
  ["dns private name setup.netvolante.jp", none, "nvr510"],
  ["dns static a router.example.jp 192.168.100.1", none, "rtx1210"],
  ["dns server select 1 192.168.0.1 any .", none, "rtx1210"],
  ["dns cache use off", none, "rtx1210"],
  ["dns notice order dhcp me server", none, "rtx1210"],
  // IPv6 (ch. 30)
  ["ipv6 routing on", none, "rtx1210"],
  ["ipv6 lan2 mtu 1454", none, "rtx1210"],
  ["ipv6 pp dhcp service client ir=on", pp1, "rtx1210"],
  ["ipv6 route default gateway pp 1", none, "rtx1210"],
  ["ipv6 nd ra-rdnss 1 2001:db8::53", none, "rtx1210"],
  ["ipv6 dhcp prefix 1 dhcp-prefix@lan2", none, "rtx1210"],
  ["ipv6 tunnel secure filter in 1 2", tunnel1, "rtx1210"],
  ["ipv6 pp rip hold routing on", pp1, "rtx1210"],
  ["ip lan2 rip auth key 01 02 ff", none, "rtx1210"],
  ["ip lan1 rip auth key text testing123", none, "rtx1210"],
  ["http upload log logs/%y%m%d.txt", none, "rtx1210"],
  ["http upload config 1 %n/config.txt", none, "rtx1210"],
  ["http upload retry interval 30 5", none, "rtx1210"],
  ["external-memory dpi signature directory sd1:/dpi", none, "rtx1210"],
  // VLAN, switch, lan type, link aggregation (§4.47-4.51, ch. 38)
  ["lan type lan1 port-based-option=divide-network", none, "rtx1210"],
  ["lan type lan1 1000-fdx 1 100-fdx 2 macaddress-aging=off", none, "rtx1210"],
  ["lan type lan1 port-based-option=split-into-12:34", none, "rtx1210"],
  ["lan link-aggregation static 1 lan1:1 lan1:5", none, "rtx1210"],
  ["lan shutdown lan1 3 4", none, "rtx1210"],
  ["vlan port mapping lan1.1 vlan1", none, "rtx1210"],
  ["lan keepalive use lan2 icmp-echo 192.168.0.1", none, "rtx1210"],
  // RIP, OSPF, BGP (§8.3, ch. 28, 29)
  ["rip use on", none, "rtx1210"],
  ["ip lan2 rip send off", none, "rtx1210"],
  ["ip vlan1 rip receive on version 2", none, "rtx1210"],
  ["ip lan1 rip send on version 2 broadcast", none, "rtx1210"],
  ["ip pp rip hold routing on", pp1, "rtx1210"],
  ["ip lan1 rip filter in 1 2", none, "rtx1210"],
  ["ospf use on", none, "rtx1210"],
  ["ospf router id 10.0.0.1", none, "rtx1210"],
  ["ospf area backbone auth=md5", none, "rtx1210"],
  ["ospf area network backbone 192.168.0.0/16", none, "rtx1210"],
  ["ip lan1 ospf area backbone passive", none, "rtx1210"],
  ["bgp use on", none, "rtx1210"],
  ["bgp autonomous-system 65001", none, "rtx1210"],
  ["bgp neighbor 1 65002 10.0.0.2 hold-time=180", none, "rtx1210"],
  ["bgp import filter 1 include 192.168.0.0/16", none, "rtx1210"],
  ['bgp export aspath 20 "^1[01]00 .*" filter 1 2', none, "rtx1210"],
  [
    "bgp neighbor 2 65003 10.0.0.3 hold-time=off passive=on gateway=lan1 local-address=10.0.0.1 metric=5 ignore-capability=on",
    none,
    "rtx1210",
  ],
  ["ospf area 1 auth=text stub cost=10", none, "rtx1210"],
  [
    "ip lan1 ospf area 0.0.0.1 type=broadcast cost=10 priority=0 hello-interval=10 dead-interval=40 md5key=1,secret md5key=2,other",
    none,
    "rtx1210",
  ],
  ["ip loopback1 ospf area backbone type=loopback cost=5", none, "rtx1210"],
  ["ospf virtual-link 10.0.0.1 1 hello-interval=10 authkey=abc", none, "rtx1210"],
  ["ipv6 lan1 ospf area backbone type=broadcast passive cost=1", none, "rtx1210"],
  ["ospf import from static filter 1 2", none, "rtx1210"],
  ["ospf import filter 3 not include 0.0.0.0/0 metric=10 type=1 tag=5", none, "rtx1210"],
  ["ospf export filter 1 reject equal 192.168.1.0/24", none, "rtx1210"],
  ["ipv6 ospf export filter 1 not equal fec0:12ab:34cd:1::/64 fec0:12ab:34cd:2::/64", none, "rtx1210"],
  ["ipv6 ospf import filter 3 include ::/0 metric=5 type=2", none, "rtx1210"],
  ["ipv6 ospf virtual-link 10.0.0.1 1 hello-interval=10 dead-interval=40", none, "rtx1210"],
  ["bgp export filter 2 reject equal 192.168.0.0/24 preference=10", none, "rtx1210"],
  ["bgp import filter 1 include all metric=5 preference=100", none, "rtx1210"],
  ["bgp aggregate filter 1 bgp reject refines 10.0.0.0/8", none, "rtx1210"],
  ["bgp import 65002 bgp 65003 filter 1 2", none, "rtx1210"],
  ["bgp force-to-advertise 65002 default preference=50", none, "rtx1210"],
  [
    "queue lan1 class control 2 except 192.168.0.1 192.168.0.10-192.168.0.20 forwarding=1 threshold=70%,30",
    none,
    "rtx1210",
  ],
  [
    "queue lan1 class control 3 watch=destination time=infinity mode=adaptive trigger=winny,share notice=off",
    none,
    "rtx1210",
  ],
  // syslog, SNMP, NTP/SNTP (ch. 4, 21, 41)
  ["syslog local address 192.168.100.1", none, "rtx1210"],
  ["syslog execute command on", none, "rtx1210"],
  ["snmp sysname router1", none, "rtx1210"],
  ["snmp host 192.168.100.10 public", none, "rtx1210"],
  ["snmpv2c community read-only public", none, "rtx1210"],
  ["snmp trap enable snmp coldstart linkdown", none, "rtx1210"],
  ["sntpd service on", none, "rtx1210"],
  ["sntpd host lan", none, "rtx1210"],
  ["ntp local address 192.168.100.1", none, "rtx1210"],
  // daemons (ch. 4, 33)
  ["httpd service on", none, "rtx1210"],
  ["httpd host lan", none, "rtx1210"],
  ["httpd timeout 30", none, "rtx1210"],
  ["sftpd host 192.168.100.2-192.168.100.9", none, "rtx1210"],
  ["telnetd listen 2323", none, "rtx1210"],
  ["sshd client alive on 60 3", none, "rtx1210"],
  // netvolante-dns (ch. 34)
  ["netvolante-dns use pp on", none, "nvr510"],
  ["netvolante-dns hostname host pp server=1 office.aa0.netvolante.jp", none, "nvr510"],
  ["netvolante-dns timeout lan2 90", none, "rtx1210"],
  // QoS (ch. 26)
  ["queue lan2 type shaping", none, "rtx1210"],
  ["queue class filter 1 2 ip * * tcp * 80", none, "rtx1210"],
  ["queue lan2 class filter list 1 2", none, "rtx1210"],
  ["speed lan2 100m", none, "rtx1210"],
  ["queue lan1 class property 1 bandwidth=10M,20M", none, "rtx1210"],
  ["queue lan1 class property 2 bandwidth=30%", none, "rtx1210"],
  ["queue lan1 class property 2 bandwidth=1G", none, "rtx1300"],
  ["queue lan1 class property 100 type=priority", none, "rtx5000"],
  ["queue pp class property 1 bandwidth=64k parent=0 borrow=off maxburst=20 packetsize=512", pp1, "rtx1210"],
  // cooperation (ch. 27)
  ["cooperation bandwidth-measuring server on", none, "rtx1210"],
  ["cooperation port 59410", none, "rtx830"],
  [
    "cooperation bandwidth-measuring remote 1 server 192.168.0.1 initial-speed=10M interval=off sensitivity=low",
    none,
    "rtx1210",
  ],
  ["cooperation bandwidth-measuring remote 2 client any port=59411 syslog=on", none, "rtx1210"],
  ["cooperation load-watch remote 1 client 10.0.0.1 trigger=1,2 register=on name=branch", none, "rtx1210"],
  ["cooperation load-watch remote 2 server any control=1", none, "rtx1300"],
  [
    "cooperation load-watch trigger 4 lan1 3 transmit high=1M,2 low=100k interval=5 syslog=on",
    none,
    "rtx1210",
  ],
  ["cooperation load-watch trigger 5 tunnel 1 receive high=10M low=1M", none, "rtx1210"],
  [
    "cooperation load-watch control 1 high=10M raise=5 low=1M lower=30 interface=lan1 class=2",
    none,
    "rtx5000",
  ],
  // system packet-scheduling (§4.94-4.95)
  ["system packet-scheduling lan-based", none, "rtx5000"],
  ["system packet-scheduling load-balance", none, "rtx1300"],
  ["system packet-scheduling filter 9 3 ip 10.0.0.0/255.255.0.0 * tcp www 1024", none, "rtx5000"],
  // bridge, Lua, dashboard, statistics (ch. 45, 46, 51, 55)
  ["bridge learning bridge1 off", none, "rtx1210"],
  ["bridge learning bridge1 timer 300", none, "rtx1210"],
  ["lua use on", none, "rtx1210"],
  ["dashboard accumulate traffic on", none, "rtx830"],
  ["statistics traffic on", none, "rtx1210"],
  // DHCP client (§12.2)
  ["dhcp client release linkdown on", none, "rtx1210"],
  ["dhcp client hostname lan2 primary router1", none, "rtx1210"],
  // NAT options (§23.7-23.18)
  ["nat descriptor timer 1 3600", none, "rtx1210"],
  ["nat descriptor timer 1 protocol=udp port=53 30", none, "rtx1210"],
  ["nat descriptor timer 1 tcpfin 10", none, "rtx1210"],
  ["nat descriptor masquerade port range 1 60000-64095", none, "rtx1210"],
  ["nat descriptor masquerade session limit 1 1 10000", none, "rtx1210"],
  ["nat descriptor log on", none, "rtx1210"],
  // device settings (ch. 4)
  ["timezone +09:00", none, "rtx1210"],
  ["user attribute ops connection=ssh,sftp gui-page=dashboard", none, "rtx1210"],
  ["set WAN_IF=lan2", none, "rtx1210"],
  ["alarm entire off", none, "rtx1210"],
  ["ip filter source-route on", none, "rtx1210"],
  ["ip filter directed-broadcast on", none, "rtx1210"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1", none, "rtx1210"],
  // URL filter, PPTP, RADIUS, mail, heartbeat (ch. 10, 17, 22, 32, 39-40)
  ["url filter 1 reject www.example.com", none, "rtx1210"],
  ["url lan1 filter out 1 2", none, "rtx1210"],
  ["url filter reject redirect", none, "rtx1210"],
  ["pptp service on", none, "rtx1210"],
  ["pptp keepalive interval 30 6", tunnel1, "rtx1210"],
  ["radius auth server 192.168.100.5 192.168.100.6", none, "rtx1210"],
  ["radius secret s3cret", none, "rtx1210"],
  ["mail server smtp 1 smtp.example.jp port=587 smtp-auth user pass plain", none, "rtx1210"],
  ["heartbeat2 transmit 1 auth key1 192.168.1.1", none, "rtx1210"],
  // storage, DPI, flexible ports, OSPFv3 (ch. 36, 42, 52, 53, 31)
  ["usbhost use on", none, "rtx1210"],
  ["sd use off", none, "rtx1210"],
  ["external-memory config filename off", none, "rtx1210"],
  ["external-memory config filename sd1:/config.txt 0", none, "rtx1210"],
  ["dpi use on", none, "rtx830"],
  ["ip lan2 dpi filter in 1 2", none, "rtx830"],
  ["lan flexible-port lan1=1-7 lan2=9 lan3=10 lan8=8", none, "rtx1300"],
  ["lan port type 9 10g-fdx energy-saving=on", none, "rtx1300"],
  ["switching-hub macaddress-aging 819", none, "rtx1300"],
  ["lan port shutdown 3", none, "rtx1300"],
  ["ipv6 ospf use on", none, "rtx1210"],
  ["ipv6 lan1 ospf area backbone", none, "rtx1210"],
  // cloud services, NAT46, L2MS (ch. 19, 25, 48, 49, 54)
  ["cloud vpn name 1 office", none, "rtx1210"],
  ["yno use on", none, "rtx1210"],
  ["lbo use off", none, "rtx840"],
  ["nat46 static 1 192.168.0.10 2001:db8::10", none, "rtx1210"],
  ["switch control mode master", none, "rtx1210"],
  ["lan-map snapshot use lan1 on terminal=on", none, "rtx1210"],
  // NVR telephony and mobile
  ['analog extension dial prefix sip prefix="9#"', none, "nvr510"],
  ["sip use on", none, "rtx1210"],
  ["mobile use usb1 on", none, "rtx1210"],
  // filter addresses (§8.1.10, §30.7.1): `*` octets, masks, domain names; LBO application names on the RTX840 only
  ["ip filter 1 pass * @m365,@windows_update * *", none, "rtx840"],
  ["ipv6 filter 1 pass * @m365,@windows_update * *", none, "rtx840"],
  ["ip filter 2 pass 192.168.*.* *.example.jp tcp * www", none, "rtx1210"],
  ["ip filter 3 reject 10.0.0.0/255.0.0.0,172.16.0.0/0xfff00000 *", none, "rtx1210"],
  ["ipv6 filter 2 pass ra-prefix@lan2::1/64,2001:db8::1-2001:db8::ff *", none, "rtx1210"],
  ["ip filter 4 pass * * tcpflag=0x0002/0x0fff,17 * 1024-65535,www", none, "rtx1210"],
  ["ip filter 5 reject * * icmp-error", none, "rtx1210"],
  ["ipv6 filter 3 pass * * icmp-nd,icmp4", none, "rtx1210"],
  ["ipv6 filter 4 pass dhcp-prefix@lan1/2::1/64 *", none, "rtx1210"],
  ["ip filter 6 pass hb46pp *", none, "rtx1220"],
  ["ip filter dynamic 1 * * filter 10 in 11 12 out 13 syslog=off timeout=60", none, "rtx1210"],
  ["ip filter dynamic 2 * * netmeeting", none, "rtx1210"],
  ["ipv6 filter dynamic 1 * * domain syslog=on timeout=30", none, "rtx1210"],
  // DPI (ch. 52): 31-bit filter numbers and group IDs, applications, categories, groups
  ["dpi group set 1000 name=file-sharing winmx winny share bittorrent", none, "rtx830"],
  ["dpi group set 2147483647 name=sw_update windows_update,apple_update", none, "rtx1300"],
  ["ip dpi filter 2147483647 reject 192.168.200.0/24 * @game", none, "rtx830"],
  ["ip dpi filter 1 pass * * @web,@mail,@webmail", none, "rtx830"],
  ["ip dpi filter 2 reject 192.168.200.0/24 * 1000", none, "rtx830"],
  ["ipv6 dpi filter 1 reject * * ftp,ftp_data", none, "rtx830"],
  ["ip pp dpi filter out 1 2 100698", pp1, "rtx830"],
  ["ipv6 lan2 dpi filter in 2147483647", none, "rtx1300"],
  // QoS class filters by DPI (§26.2)
  ["queue class filter 12 4 ip dpi * * @audio_video", none, "rtx830"],
  ["queue class filter 13 precedence mapping=1:8,4:3 cos=3 ipv6 dpi * * 1000", none, "rtx1300"],
  // filter- and DPI-selected IPv6 routes (§30.4.1)
  ["ipv6 route default gateway pp 1 filter 1 gateway tunnel 1", none, "rtx1220"],
  ["ipv6 route default gateway dhcp lan2 dpi 1 2 gateway tunnel 1", none, "rtx1300"],
  ["ipv6 route 2001:db8::/32 gateway pp 1 metric 2 filter 1 hide gateway null", none, "rtx1300"],
  ["ipv6 route default gateway fe80::1%lan2 gateway loopback1", none, "rtx1210"],
  ["ip route default gateway pp 1 dpi 1 gateway tunnel 1", none, "rtx830"],
  // schedule for an L2MS switch (§37.1)
  [
    "schedule at 1 */* 03:00:00 switch 00:a0:de:01:02:03 switch control function execute restart",
    none,
    "rtx830",
  ],
  ["schedule at 2 +60 switch lan1:4-2 switch control function execute restart", none, "rtx1210"],
  // IPsec client address pools (§15.37)
  ["ipsec ike mode-cfg address pool 1 172.16.0.1-172.16.0.20/32", none, "rtx1210"],
  ["ipsec ike mode-cfg address pool 2 2001:db8::1-2001:db8::ff/64", none, "rtx1210"],
  // ISDN timers in tenths of a second (§6.2.17-6.2.22)
  ["isdn disconnect interval time 240 6 2", pp1, "rtx1210"],
  ["isdn disconnect interval time 180.5 off 2", pp1, "rtx1210"],
  ["isdn disconnect input time 120.5", pp1, "rtx1210"],
  // port mirroring (§4.49): per LAN, or over all ports with flexible LAN/WAN ports
  ["lan port-mirroring lan1 4 in 1 out 1 2", none, "rtx1210"],
  ["lan port-mirroring 8 in 9 out 9", none, "rtx1300"],
  // parameters tightened against the CR syntax: speed (§26.1), packet buffers (§4.83), queue lengths (§26.6-26.7),
  // class filters (§26.2), LBO lists (ch. 54)
  ["speed lan2 1G", none, "rtx1300"],
  ["speed pp 128k", pp1, "rtx1210"],
  ["system packet-buffer small max-buffer=1000 max-free=500", none, "rtx1210"],
  ["system packet-buffer huge max-free=0 min-free=0 init-chunk=0", none, "rtx1210"],
  ["system packet-buffer jumbo max-buffer=5000", none, "rtx1300"],
  ["queue lan1 length 100 200 drop-threshold=75%,50%", none, "rtx1210"],
  ["queue lan1 length secondary primary=2 600 600", none, "rtx5000"],
  ["queue pp length 20 40", pp1, "rtx1210"],
  ["queue class filter 2 10/3 ip * 172.16.1.0/24 tcp telnet *", none, "rtx5000"],
  [
    "queue class filter 5 precedence mapping=1:8,4:3 cos=precedence ip 172.16.5.0/24 * tcp,udp * *",
    none,
    "rtx1210",
  ],
  ["queue class filter 7 3 ipv6 2001:db8::/32 * established", none, "rtx1210"],
  ["queue class filter 8 4 ip *.example.jp,10.0.0.1-10.0.0.9 * 6,17 1024-65535 www", none, "rtx1210"],
  ["queue class filter 11 dscp/4 cos=5 ip * 172.16.11.0/24", none, "rtx5000"],
  ["lbo list primary https://www.example.jp/lbo/address_list.xml", none, "rtx840"],
  ["lbo list secondary usb1:/lbo/list.xml", none, "rtx840"],
  ["lbo list secondary none", none, "rtx840"],
  // IPv6 per link (§30.2.2, §30.2.5, §30.3.3): address types, DHCPv6 modes, RA options
  ["ipv6 lan1 address 2001:db8::1/64 anycast", none, "rtx1210"],
  ["ipv6 lan1 address auto", none, "rtx1210"],
  ["ipv6 pp address ra-prefix@lan2::1/64 unicast", pp1, "rtx1210"],
  ["ipv6 lan1 dhcp service server prefix=1", none, "rtx1210"],
  ["ipv6 tunnel dhcp service client ir=on", tunnel1, "rtx1210"],
  [
    "ipv6 lan1 rtadv send 1 2 m_flag=on o_flag=on prf_flag=high max-rtr-adv-interval=1800 mtu=1454 rdnss=dhcpv6 dnssl=off",
    none,
    "rtx1210",
  ],
  ["ipv6 pp rtadv send 1 adv-retrans-time=4294967295 route-info=3", pp1, "rtx1210"],
];

describe("valid lines of each family", () => {
  test.each(GOOD)("%s", (line, context, model) => {
    const result = parseConfigCommand(line, context, MODELS[model]);
    expect(result).toMatchObject({ ok: true, negate: false });
    if (!result?.ok || result.negate) return;
    expect(result.command.canonical).toBe(line);
    // Re-parsing the printed form is stable (what show config prints loads back the same).
    expect(parseConfigCommand(result.command.canonical, context, MODELS[model])).toEqual(result);
  });
});

describe("no forms address the setting by its key arguments only", () => {
  test.each([
    ["ip lan2 rip send on version 2", "no ip lan2 rip send"],
    ["ip lan2 intrusion detection in on", "no ip lan2 intrusion detection in"],
    ["ip lan2 intrusion detection in fragment off", "no ip lan2 intrusion detection in fragment"],
    ["lan link-aggregation static 1 lan1:1 lan1:5", "no lan link-aggregation static 1"],
    ["ethernet filter 1 pass-log * *", "no ethernet filter 1"],
    ["dns static a router.example.jp 192.168.100.1", "no dns static a router.example.jp"],
    ["snmp host 192.168.100.10 public", "no snmp host 192.168.100.10"],
    ["ospf area backbone auth=md5", "no ospf area backbone"],
    ["nat descriptor timer 1 tcpfin 10", "no nat descriptor timer 1 tcpfin"],
    ["set WAN_IF=lan2", "no set WAN_IF"],
    ['bgp export aspath 10 ".*" filter 1', "no bgp export aspath 10"],
    ["cooperation load-watch trigger 1 cpu load high=80 low=30", "no cooperation load-watch trigger 1"],
    ["ospf import from static filter 1", "no ospf import from static"],
    ["bgp import 65002 bgp 65003 filter 1", "no bgp import 65002 bgp 65003"],
    [
      "bgp force-to-advertise 65002 10.0.0.0/8 metric=5",
      "no bgp force-to-advertise 65002 10.0.0.0/255.0.0.0",
    ],
    ["queue lan1 class control 2 threshold=70%,30", "no queue lan1 class control 2 except 192.168.0.1"],
    ["cooperation bandwidth-measuring server on", "no cooperation bandwidth-measuring server"],
    ["ipsec ike mode-cfg address pool 1 172.16.0.1-172.16.0.20/32", "no ipsec ike mode-cfg address pool 1"],
    ["lan port-mirroring lan1 4 in 1", "no lan port-mirroring lan1 4"],
    ["ipv6 route default gateway pp 1 gateway tunnel 1", "no ipv6 route default"],
  ])("%s / %s", (set, unset) => {
    const model = MODELS.rtx1210;
    const added = parseConfigCommand(set, none, model);
    const removed = parseConfigCommand(unset, none, model);
    expect(added).toMatchObject({ ok: true, negate: false });
    expect(removed).toMatchObject({ ok: true, negate: true });
    if (added?.ok && !added.negate && removed?.ok && removed.negate)
      expect(removed.key).toBe(added.command.key);
  });
});

/** [line, context, model, error]: keywords, ranges, lists and arity per the syntax. */
const BAD: [string, SimContext, string, GrammarError][] = [
  ["ip lan2 rip send maybe", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 rip send on version 3", none, "rtx1210", "out-of-range"],
  ["ip lan2 rip send on version", none, "rtx1210", "parameters"],
  ["ip lan2 rip hop in 16", none, "rtx1210", "out-of-range"],
  ["ip lan2 rip hop sideways 1", none, "rtx1210", "illegal-keyword"],
  ["lan type lan1 port-based-option=halves", none, "rtx1210", "illegal-keyword"],
  ["lan type lan1 mtu=63", none, "rtx1210", "out-of-range"],
  ["lan link-aggregation static 1 lan1:1", none, "rtx1210", "parameters"],
  ["lan link-aggregation static 1 lan1:1 lan1:9", none, "rtx1210", "out-of-range"],
  ["lan link-aggregation static 1 lan1 lan2", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 intrusion detection sideways on", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 intrusion detection in on reject=maybe", none, "rtx1210", "illegal-keyword"],
  // `port-scan` is no attack type of §8.1.17; a type needs its switch.
  ["ip lan2 intrusion detection in port-scan reject=on", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 intrusion detection in tcp reject=on", none, "rtx1210", "illegal-keyword"],
  ["ethernet filter 513 pass-log * *", none, "rtx1210", "out-of-range"],
  ["ethernet filter 1 pass 00:11:22:33:44:55", none, "rtx1210", "illegal-keyword"],
  ["ethernet filter 1 pass-log 00:11:22:33:44", none, "rtx1210", "illegal-keyword"],
  ["snmp community read-only abcdefghijklmnopq", none, "rtx1210", "out-of-range"],
  ["snmp host 192.168.100.300", none, "rtx1210", "bad-ip"],
  ["syslog srcport 65536", none, "rtx1210", "out-of-range"],
  ["sntpd service maybe", none, "rtx1210", "illegal-keyword"],
  ["ospf router id 10.0.0", none, "rtx1210", "bad-ip"],
  ["bgp autonomous-system x", none, "rtx1210", "not-integer"],
  ["ipsec ike encryption 1 rot13", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike encryption 101 aes-cbc", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec ike license-key 501 abc", none, "rtx1210", "out-of-range"],
  ["auth user attribute 1 xauth=maybe", none, "rtx1210", "illegal-keyword"],
  ["http upload timeout 181", none, "rtx1210", "out-of-range"],
  ["system packet-scheduling filter 41 0 ip *", none, "rtx5000", "out-of-range"],
  ["system packet-scheduling filter 1 4 ip *", none, "rtx5000", "out-of-range"],
  ["system packet-scheduling filter 1 0 ipx *", none, "rtx5000", "illegal-keyword"],
  ["http upload backup x.txt", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 rip auth key 01 zz", none, "rtx1210", "illegal-keyword"],
  ["ipv6 pp rip connect interval 29", pp1, "rtx1210", "out-of-range"],
  ["ipsec ike encryption 1 aes-cbc", none, "rtx1210", "need-tunnel-select"],
  ["pppoe auto disconnect off", none, "rtx1210", "need-pp-select"],
  ["ipv6 lan2 mtu 1279", none, "rtx1210", "out-of-range"],
  ["dns cache max entry 0", none, "rtx1210", "out-of-range"],
  ["httpd timeout", none, "rtx1210", "parameters"],
  ["httpd service on off", none, "rtx1210", "parameters"],
  ["timezone +25:00", none, "rtx1210", "out-of-range"],
  ["timezone mars", none, "rtx1210", "illegal-keyword"],
  ["ip filter directed-broadcast on 5", none, "rtx1210", "parameters"],
  ["ip filter directed-broadcast filter", none, "rtx1210", "parameters"],
  ["ethernet filter 1 pass-log dhcp-bind 1 00:11:22:33:44:55", none, "rtx1210", "illegal-keyword"],
  ["url filter reject off now", none, "rtx1210", "parameters"],
  ["radius retry 51 100", none, "rtx1210", "out-of-range"],
  ["pptp service type both", tunnel1, "rtx1210", "illegal-keyword"],
  ["nat descriptor timer 1 0", none, "rtx1210", "out-of-range"],
  ["nat descriptor masquerade port range 1 1-2 3-4 5-6 7-8 9-10", none, "rtx1210", "parameters"],
  // cooperation (ch. 27)
  ["cooperation load-watch trigger 101 cpu load high=80 low=30", none, "rtx1210", "out-of-range"],
  ["cooperation load-watch trigger 1 cpu load high=180 low=30", none, "rtx1210", "out-of-range"],
  ["cooperation load-watch trigger 1 cpu load low=30 high=80", none, "rtx1210", "illegal-keyword"],
  ["cooperation load-watch trigger 1 lan2 overflow high=2,101 low=0,5", none, "rtx1210", "out-of-range"],
  ["cooperation load-watch trigger 1 lan1 receive high=8x low=3", none, "rtx1210", "illegal-keyword"],
  ["cooperation bandwidth-measuring remote 1 server any", none, "rtx1210", "illegal-keyword"],
  ["cooperation bandwidth-measuring remote 1 client any apply=on", none, "rtx1210", "illegal-keyword"],
  [
    "cooperation bandwidth-measuring remote 1 server 10.0.0.1 initial-speed=63999",
    none,
    "rtx1210",
    "out-of-range",
  ],
  ["cooperation bandwidth-measuring remote 1 server 10.0.0.1 number=4", none, "rtx1210", "out-of-range"],
  ["cooperation bandwidth-measuring maybe on", none, "rtx1210", "illegal-keyword"],
  ["cooperation load-watch remote 1 client 10.0.0.1", none, "rtx1210", "parameters"],
  ["cooperation load-watch remote 1 server 10.0.0.1 trigger=1", none, "rtx1210", "illegal-keyword"],
  [
    "cooperation load-watch remote 1 server 1.2.3.4 control=1 name=abcdefghijklmnopq",
    none,
    "rtx1210",
    "out-of-range",
  ],
  ["cooperation load-watch control 1 high=10M low=1M raise=5", none, "rtx1210", "illegal-keyword"],
  ["cooperation load-watch control 1 high=10M low=1M class=17", none, "rtx1210", "out-of-range"],
  ["cooperation port 65536", none, "rtx1210", "out-of-range"],
  ["cooperation port 5941\u0007", none, "rtx1210", "illegal-keyword"],
  // BGP AS-path filters and neighbor parameters (§29.7, §29.12)
  ['bgp export aspath 65536 ".*" filter 1', none, "rtx1210", "out-of-range"],
  ['bgp export aspath 5 "(" filter 1', none, "rtx1210", "illegal-keyword"],
  ['bgp export aspath 5 ".*"', none, "rtx1210", "parameters"],
  ['bgp export aspath 5 ".*" filtre 1', none, "rtx1210", "illegal-keyword"],
  ['bgp export aspath 5 ".*\u001b" filter 1', none, "rtx1210", "illegal-keyword"],
  ["bgp neighbor 1 65002 10.0.0.2 hold-time=2", none, "rtx1210", "out-of-range"],
  ["bgp neighbor 1 65002 10.0.0.2 hold-time=28801", none, "rtx1210", "out-of-range"],
  ["bgp neighbor 1 65002 10.0.0.2 metric=21474837", none, "rtx1210", "out-of-range"],
  ["bgp neighbor 1 65002 10.0.0.2 passive=maybe", none, "rtx1210", "illegal-keyword"],
  ["bgp neighbor 1 65002 10.0.0.2 colour=blue", none, "rtx1210", "illegal-keyword"],
  ["bgp neighbor 1 65002 10.0.0.2 local-address=x", none, "rtx1210", "bad-ip"],
  // OSPF areas and link parameters (§28.9-28.13, §31.6)
  ["ospf area 0", none, "rtx1210", "out-of-range"],
  ["ospf area 1 cost=10", none, "rtx1210", "illegal-keyword"],
  ["ospf area 1 stub cost=0", none, "rtx1210", "out-of-range"],
  ["ip lan1 ospf area backbone priority=256", none, "rtx1210", "out-of-range"],
  ["ip lan1 ospf area backbone type=ring", none, "rtx1210", "illegal-keyword"],
  ["ip lan1 ospf area backbone authkey=123456789", none, "rtx1210", "out-of-range"],
  ["ip lan1 ospf area backbone md5key=256,x", none, "rtx1210", "out-of-range"],
  ["ip lan1 ospf area backbone md5key=1,a md5key=2,b md5key=3,c", none, "rtx1210", "illegal-keyword"],
  ["ip lan1 ospf area backbone bogus", none, "rtx1210", "illegal-keyword"],
  ["ip lan1 ospf area backbone passive\u0000", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 ospf area backbone type=non-broadcast", none, "rtx1210", "illegal-keyword"],
  ["ospf virtual-link 10.0.0.1 backbone", none, "rtx1210", "bad-ip"],
  // queue class properties (§26.10)
  ["queue lan1 class property 17 bandwidth=1M", none, "rtx1210", "out-of-range"],
  ["queue lan1 class property 2 bandwidth=101%", none, "rtx1210", "out-of-range"],
  ["queue lan1 class property 2 bandwidth=10X", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 class property 2 bandwidth=1G", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 class property 2 type=priority", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 class property 1 bandwidth=1M parent=0", none, "rtx1210", "parameters"],
  ["queue lan1 class property 1", none, "rtx1210", "parameters"],
  ["queue pp class property 1 bandwidth=64k maxburst=10001", pp1, "rtx1210", "out-of-range"],
  ["queue pp class property 1 bandwidth=64k", pp1, "rtx830", "invalid-command"],
  ["queue tunnel class property 1 bandwidth=64k", tunnel1, "rtx1210", "invalid-command"],
  // system packet-scheduling (§4.94-4.95)
  ["system packet-scheduling fixed", none, "rtx5000", "illegal-keyword"],
  ["system packet-scheduling lan-based", none, "rtx1300", "illegal-keyword"],
  ["system packet-scheduling filter 8 3 ip 10.0.0.256", none, "rtx5000", "bad-ip"],
  ["system packet-scheduling filter 8 3 ip * * sctp", none, "rtx5000", "illegal-keyword"],
  ["system packet-scheduling filter 8 3 ip * * tcp www 65536", none, "rtx5000", "out-of-range"],
  ["system packet-scheduling filter 8 3 ipv6 2002::/129", none, "rtx5000", "out-of-range"],
  ["system packet-scheduling filter 8 3 ip * * tcp www www www", none, "rtx5000", "parameters"],
  // route filters (§28.6-28.8, §29.3-29.15, §31.10-31.12)
  ["ospf import filter 3 exclude 0.0.0.0/0", none, "rtx1210", "illegal-keyword"],
  ["ospf import filter 3 nr include 0.0.0.0/0", none, "rtx1210", "illegal-keyword"],
  ["ospf import from ospf", none, "rtx1210", "illegal-keyword"],
  ["ipv6 ospf virtual-link 10.0.0.1 1 hello-interval=65536", none, "rtx1210", "out-of-range"],
  ["bgp export filter 2 exclude 192.168.0.0/24", none, "rtx1210", "illegal-keyword"],
  ["bgp import filter 1 include 10.0.0.0/16 preference=256", none, "rtx1210", "out-of-range"],
  ["bgp import 65002 bgp filter 1", none, "rtx1210", "not-integer"],
  ["bgp force-to-advertise 65002 10.0.0.0/8 colour=red", none, "rtx1210", "illegal-keyword"],
  // queue class control (§26.11)
  ["queue lan1 class control 17", none, "rtx1210", "out-of-range"],
  ["queue lan1 class control 2 threshold=70,30", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 class control 2 threshold=0%,30", none, "rtx1210", "out-of-range"],
  ["queue lan1 class control 2 threshold=70%,9", none, "rtx1210", "out-of-range"],
  ["queue lan1 class control 2 trigger=winny,bittorrent", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 class control 2 time=9", none, "rtx1210", "out-of-range"],
  ["queue lan1 class control 2 except 192.168.0.300", none, "rtx1210", "bad-ip"],
  ["queue lan1 class control 2 mode=lazy\u0008", none, "rtx1210", "illegal-keyword"],
  ["queue pp class control 2", pp1, "rtx1210", "invalid-command"],
  // filter addresses (§8.1.10): application names only on the RTX840, and only as names
  ["ip filter 1 pass * @m365 * *", none, "rtx1300", "illegal-keyword"],
  ["ipv6 filter 1 pass * @m365 * *", none, "rtx830", "illegal-keyword"],
  ["ip filter 1 pass * @m365;reboot * *", none, "rtx840", "illegal-keyword"],
  ["ip filter 1 pass * @abcdefghijabcdefghijabcdefghijabc * *", none, "rtx840", "illegal-keyword"],
  ["ip filter 1 pass * @m365\u0007 * *", none, "rtx840", "illegal-keyword"],
  ["ip filter 1 pass 192.168.1.256 *", none, "rtx1210", "bad-ip"],
  ["ip filter 1 pass 192.168.**.1 *", none, "rtx1210", "bad-ip"],
  ["ip filter 1 pass www.example.jp/24 *", none, "rtx1210", "bad-ip"],
  ["ip filter 1 pass 10.0.0.0/33 *", none, "rtx1210", "out-of-range"],
  ["ip filter 1 pass map-e *", none, "rtx1100", "illegal-keyword"],
  ["ip filter 1 pass * * sctp", none, "rtx1210", "illegal-keyword"],
  ["ip filter 1 pass * * 256", none, "rtx1210", "out-of-range"],
  ["ip filter 1 pass * * icmp-nd", none, "rtx1210", "illegal-keyword"],
  ["ip filter 1 pass * * tcpflag=0x10000/0x0fff", none, "rtx1210", "illegal-keyword"],
  ["ip filter 1 pass * * tcp;reboot", none, "rtx1210", "illegal-keyword"],
  ["ip filter 1 pass * * tcp * 65536", none, "rtx1210", "out-of-range"],
  ["ip filter 1 pass * * tcp * 1,2,3,4,5,6,7,8,9,10,11", none, "rtx1210", "parameters"],
  ["ip filter 1 pass * * tcp * www www", none, "rtx1210", "parameters"],
  ["ip filter 1 pass hb46pp *", none, "rtx1210", "illegal-keyword"],
  ["ipv6 filter 1 pass ra-prefix@lan2::1/129 *", none, "rtx1210", "out-of-range"],
  // dynamic filters (§8.1.14, §30.7.3): the CR's applications, filter lists, syslog/timeout options
  ["ipv6 filter dynamic 1 * * netmeeting", none, "rtx1210", "illegal-keyword"],
  ["ip filter dynamic 1 * * rtsp", none, "rtx1210", "illegal-keyword"],
  ["ip filter dynamic 1 * * ftp syslog=maybe", none, "rtx1210", "illegal-keyword"],
  ["ip filter dynamic 1 * * ftp timeout=0", none, "rtx1210", "out-of-range"],
  ["ip filter dynamic 1 * * filter", none, "rtx1210", "parameters"],
  ["ip filter dynamic 1 * * filter 21474837", none, "rtx1210", "out-of-range"],
  ["ip filter dynamic 1 * *", none, "rtx1210", "parameters"],
  // DPI (ch. 52)
  ["dpi group set 0 winmx", none, "rtx830", "out-of-range"],
  ["dpi group set 2147483648 winmx", none, "rtx830", "out-of-range"],
  ["dpi group set 1 name=file_sharing!", none, "rtx830", "illegal-keyword"],
  ["dpi group set 1 name=file-sharing", none, "rtx830", "parameters"],
  ["dpi group set 1 win$mx", none, "rtx830", "illegal-keyword"],
  ["ip dpi filter 2147483648 pass * *", none, "rtx830", "out-of-range"],
  ["ip dpi filter 1 restrict * *", none, "rtx830", "illegal-keyword"],
  ["ip dpi filter 1 pass * * a,b,c,d,e,f,g,h,i,j,k", none, "rtx830", "parameters"],
  ["ip dpi filter 1 pass * * 2147483648", none, "rtx830", "out-of-range"],
  ["ip dpi filter 1 pass 10.0.0.300 *", none, "rtx830", "bad-ip"],
  ["ip dpi filter 1 pass * @m365", none, "rtx840", "illegal-keyword"],
  ["ip pp dpi filter out 1 2147483648", pp1, "rtx830", "out-of-range"],
  ["ip lan2 dpi filter sideways 1", none, "rtx830", "illegal-keyword"],
  // QoS class filters by DPI (§26.2): DPI models only, class 1..16, the DPI filter's addresses
  ["queue class filter 12 4 ip dpi * * @audio_video", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 12 17 ip dpi * * @audio_video", none, "rtx830", "out-of-range"],
  ["queue class filter 12 precedence mapping=8:1 ip dpi *", none, "rtx830", "out-of-range"],
  ["queue class filter 12 4 ip dpi 1.2.3.400", none, "rtx830", "bad-ip"],
  ["queue class filter 12 4 ip dpi", none, "rtx830", "parameters"],
  ["queue class filter 12 4 ip dpi * * @a extra", none, "rtx830", "parameters"],
  // IPv6 routes (§30.4.1): `filter` / `dpi` where the firmware has them, their ranges, the peers' ranges
  ["ipv6 route default gateway pp 1 filter 1 gateway tunnel 1", none, "rtx1210", "illegal-keyword"],
  ["ipv6 route default gateway pp 1 filter 1 gateway tunnel 1", none, "rtx5000", "illegal-keyword"],
  ["ipv6 route default gateway dhcp lan2 dpi 1 gateway tunnel 1", none, "rtx1220", "illegal-keyword"],
  ["ipv6 route default gateway pp 1 filter 21474837", none, "rtx1220", "out-of-range"],
  ["ipv6 route default gateway pp 1 filter", none, "rtx1220", "parameters"],
  ["ipv6 route default gateway pp 1 metric 16", none, "rtx1220", "out-of-range"],
  ["ipv6 route default gateway pp 101", none, "rtx1220", "out-of-range"],
  ["ipv6 route default gateway dhcp wan9", none, "rtx1220", "illegal-keyword"],
  ["ip route default gateway pp 1 dpi 1 gateway tunnel 1", none, "rtx1210", "illegal-keyword"],
  ["ipv6 route default gateway router1", none, "rtx1220", "bad-ip"],
  ["ipv6 route default gateway fe80::1%wan1", none, "rtx1220", "illegal-keyword"],
  ["ipv6 route default gateway loopback10", none, "rtx1220", "bad-ip"],
  // schedule for a switch (§37.1): L2MS models, a MAC address or a route
  [
    "schedule at 1 */* 03:00 switch lan1:4 switch control function execute restart",
    none,
    "rtx5000",
    "illegal-keyword",
  ],
  ["schedule at 1 */* 03:00 switch lan1:0 restart", none, "rtx830", "out-of-range"],
  ["schedule at 1 */* 03:00 switch 00:a0:de:01:02 restart", none, "rtx830", "illegal-keyword"],
  ["schedule at 1 */* 03:00 switch lan1:4", none, "rtx830", "parameters"],
  // IPsec client address pools (§15.37)
  ["ipsec ike mode-cfg address pool 1 172.16.0.20-172.16.0.1/32", none, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg address pool 1 172.16.0.1-172.16.0.20/33", none, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg address pool 1 2001:db8::ff-2001:db8::1", none, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg address pool 1 2001:db8::1/129", none, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg address pool 65536 172.16.0.1", none, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg address pool 1 172.16.0.1-172.16.0.2-172.16.0.3", none, "rtx1210", "bad-ip"],
  ["ipsec ike mode-cfg address pool 1 172.16.0.1/24 extra", none, "rtx1210", "parameters"],
  // ISDN timers (§6.2.17-6.2.22): 1..21474836.0 in tenths, or off; three values for the interval
  ["isdn disconnect interval time 0.5 6 2", pp1, "rtx1210", "out-of-range"],
  ["isdn disconnect interval time 21474836.1 6 2", pp1, "rtx1210", "out-of-range"],
  ["isdn disconnect interval time 240.25 6 2", pp1, "rtx1210", "illegal-keyword"],
  ["isdn disconnect interval time never 6 2", pp1, "rtx1210", "illegal-keyword"],
  ["isdn disconnect interval time 240 6", pp1, "rtx1210", "parameters"],
  ["isdn disconnect interval time 240 6 2", none, "rtx1210", "need-pp-select"],
  ["isdn disconnect interval time 240 6 2", pp1, "rtx830", "invalid-command"],
  // port mirroring (§4.49): the form without a LAN only with flexible ports; ports of the switch
  ["lan port-mirroring 8 in 9 out 9", none, "rtx1210", "illegal-keyword"],
  ["no lan port-mirroring", none, "rtx1210", "parameters"],
  ["lan port-mirroring lan1 9 in 1", none, "rtx1210", "out-of-range"],
  ["lan port-mirroring 8 in 17", none, "rtx1300", "out-of-range"],
  ["lan port-mirroring lan1 4 sideways 1", none, "rtx1210", "illegal-keyword"],
  ["lan port-mirroring lan1 4 in 1 out 2 in 3", none, "rtx1210", "parameters"],
  // flexible LAN/WAN ports (ch. 53): each of the 10 ports in one LAN, one in lan1; speeds per port
  ["lan flexible-port lan1=1,2 lan2=3", none, "rtx1300", "parameters"],
  ["lan flexible-port lan2=1-8 lan3=9,10", none, "rtx1300", "parameters"],
  ["lan flexible-port lan1=1-8 lan2=8-10", none, "rtx1300", "parameters"],
  ["lan flexible-port lan1=1-8 lan9=9,10", none, "rtx1300", "out-of-range"],
  ["lan flexible-port lan1=1-11", none, "rtx1300", "out-of-range"],
  ["lan flexible-port wan1=1-10", none, "rtx1300", "illegal-keyword"],
  ["lan port type 1 10g-fdx", none, "rtx1300", "illegal-keyword"],
  ["lan port type 1 mtu=1500", none, "rtx1300", "illegal-keyword"],
  ["lan port type 1", none, "rtx1300", "parameters"],
  ["lan port type 11 auto", none, "rtx1300", "out-of-range"],
  ["switching-hub macaddress-aging 3", none, "rtx1300", "out-of-range"],
  ["lan port shutdown 3 4", none, "rtx1300", "parameters"],
  // speed (§26.1): a rate with k/M/G (no G on the RTX830/840/1210/1220/5000)
  ["speed lan2 fast", none, "rtx1210", "illegal-keyword"],
  ["speed lan2 1G", none, "rtx840", "illegal-keyword"],
  ["speed lan2 101G", none, "rtx1300", "out-of-range"],
  ["speed lan2 100M 200M", none, "rtx1210", "parameters"],
  ["speed lan2 100M\u0007", none, "rtx1210", "illegal-keyword"],
  ["speed pp 64k", pp1, "rtx830", "invalid-command"],
  // system packet-buffer (§4.83): the groups, the parameters, whole numbers
  ["system packet-buffer tiny max-buffer=1", none, "rtx1210", "illegal-keyword"],
  ["system packet-buffer small", none, "rtx1210", "parameters"],
  ["system packet-buffer small max-buffer=0", none, "rtx1210", "out-of-range"],
  ["system packet-buffer huge max-buffer=0", none, "rtx1210", "out-of-range"],
  ["system packet-buffer small colour=1", none, "rtx1210", "illegal-keyword"],
  ["system packet-buffer small max-free=x", none, "rtx1210", "not-integer"],
  ["system packet-buffer small max-free=2147483648", none, "rtx1210", "out-of-range"],
  ["system packet-buffer jumbo max-buffer=1", none, "rtx1210", "illegal-keyword"],
  ["system packet-buffer small max-free=500", none, "rtx1300", "illegal-keyword"],
  ["system packet-buffer small max-buffer=1;reboot", none, "rtx1210", "not-integer"],
  // queue lengths (§26.6-26.7): 1..10000 per class, thresholds in %, secondary on the RTX5000
  ["queue lan1 length 0", none, "rtx1210", "out-of-range"],
  ["queue lan1 length 10001", none, "rtx1210", "out-of-range"],
  ["queue lan1 length", none, "rtx1210", "parameters"],
  [`queue lan1 length ${"20 ".repeat(17).trim()}`, none, "rtx1210", "parameters"],
  [`queue pp length ${"20 ".repeat(17).trim()}`, pp1, "rtx5000", "parameters"],
  ["queue lan1 length 100 drop-threshold=101%", none, "rtx1210", "out-of-range"],
  ["queue lan1 length 100 drop-threshold=75%,50%,25%", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 length 100 drop-threshold=75%", none, "rtx830", "illegal-keyword"],
  ["queue lan1 length 100 drop-threshold=75% 200", none, "rtx1210", "parameters"],
  ["queue lan1 length long", none, "rtx1210", "not-integer"],
  ["queue lan1 length secondary 600", none, "rtx1210", "illegal-keyword"],
  ["queue lan1 length secondary 600 600 600 600 600", none, "rtx5000", "parameters"],
  ["queue tunnel length 20", tunnel1, "rtx1210", "invalid-command"],
  // queue class filter (§26.2): classes, second level on the RTX5000, protocols, ports, addresses
  ["queue class filter 1 17 ip *", none, "rtx1210", "out-of-range"],
  ["queue class filter 1 4/2 ip *", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4/5 ip *", none, "rtx5000", "out-of-range"],
  ["queue class filter 1 best ip *", none, "rtx1210", "not-integer"],
  ["queue class filter 1 dscp mapping=1:8 ip *", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4 cos=8 ip *", none, "rtx1210", "out-of-range"],
  ["queue class filter 1 4 ipx *", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4 ip", none, "rtx1210", "parameters"],
  ["queue class filter 1 4 ip 10.0.0.256", none, "rtx1210", "bad-ip"],
  ["queue class filter 1 4 ip * * sctp", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4 ip * * gre", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4 ip * * 1,2,3,4,5,6", none, "rtx1210", "parameters"],
  ["queue class filter 1 4 ip * * tcp 65536", none, "rtx1210", "out-of-range"],
  ["queue class filter 1 4 ip * * tcp * * extra", none, "rtx1210", "parameters"],
  ["queue class filter 1 4 ip * * tcp;reboot", none, "rtx1210", "illegal-keyword"],
  ["queue class filter 1 4 ip @m365", none, "rtx840", "illegal-keyword"],
  ["queue class filter 1 4 ipv6 2001:db8::/129", none, "rtx1210", "out-of-range"],
  // LBO lists (§54.2-54.3): none, an http(s) URL or a file path
  ["lbo list primary ftp://www.example.jp/list.xml", none, "rtx840", "illegal-keyword"],
  ["lbo list primary /lbo/a.xml /lbo/b.xml", none, "rtx840", "parameters"],
  ["lbo list primary /lbo/a\u0007.xml", none, "rtx840", "illegal-keyword"],
  ["lbo use maybe", none, "rtx840", "illegal-keyword"],
  // IPv6 per link (§30.2.2, §30.2.5, §30.3.3)
  ["ipv6 lan1 address 2001:db8::1/64 multicast", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 address auto anycast", none, "rtx1210", "parameters"],
  ["ipv6 lan1 address 2001:db8::1/129", none, "rtx1210", "out-of-range"],
  ["ipv6 pp address dhcp unicast", pp1, "rtx1210", "parameters"],
  ["ipv6 lan1 dhcp service client prefix=1", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 dhcp service server prefix=256", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 dhcp service relay", none, "rtx1210", "illegal-keyword"],
  ["ipv6 pp dhcp service server prefix=1", pp1, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 dhcp service client ir=maybe", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 rtadv send 1 x_flag=on", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 rtadv send 1 m_flag=yes", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 rtadv send 1 max-rtr-adv-interval=3", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 rtadv send 1 adv-cur-hop-limit=256", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 rtadv send 1 o_flag=on o_flag=off", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 rtadv send 256", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 rtadv send o_flag=on", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 rtadv send 1 o_flag=on\u001b", none, "rtx1210", "illegal-keyword"],
];

describe("invalid lines get the device's error class", () => {
  test.each(BAD)("%s → %s", (line, context, model, error) => {
    expect(parseConfigCommand(line, context, MODELS[model])).toEqual({ ok: false, error });
  });
});

describe("a command the model lacks is an unknown command there (Error: Invalid command name)", () => {
  test.each([
    // [line, a model that has it, one that does not]
    ["ospf use on", "rtx1210", "nvr510"],
    ["bgp use on", "rtx830", "nvr500"],
    ["lua use on", "nvr510", "rtx1100"],
    ["lan link-aggregation static 1 lan1:1 lan1:2", "rtx1210", "rtx830"],
    ['analog extension dial prefix sip prefix="9#"', "nvr510", "rtx1210"],
    ["dashboard accumulate traffic on", "rtx1210", "rtx1220"],
    ["mobile use usb1 on", "rtx830", "rtx5000"],
    ["dpi use on", "rtx830", "rtx1210"],
    ["usbhost use on", "rtx1210", "rtx1100"],
    ["sd use on", "rtx1210", "rtx830"],
    ["switch control mode master", "rtx830", "rtx1100"],
    ["vlan port mapping lan1.1 vlan1", "rtx1210", "rtx1300"],
    ["http upload permit on", "rtx1220", "rtx830"],
    ["system packet-scheduling filter 1 0 ip * * tcp", "rtx5000", "rtx1210"],
    ["system packet-scheduling hash", "rtx1300", "rtx1210"],
    ["cooperation port 59410", "rtx830", "nvr510"],
    ["cooperation load-watch trigger 1 cpu load high=80 low=30", "rtx5000", "rtx1200"],
    ['bgp export aspath 10 ".*" filter 1', "rtx1210", "nvr500"],
    ["dpi group set 1000 name=file-sharing winmx", "rtx830", "rtx1210"],
    ["ip dpi filter 1 pass * * @game", "rtx1300", "rtx5000"],
    ["lan flexible-port lan1=1-8 lan2=9,10", "rtx1300", "rtx1210"],
    ["lan port shutdown 3", "rtx1300", "rtx830"],
    ["lbo use on", "rtx840", "rtx1210"],
    ["lbo list primary none", "rtx840", "rtx830"],
    ["speed lan1 1M", "rtx1210", "rtx5000"],
    // interfaces the model does not have
    ["ip lan3 address 192.168.3.1/24", "rtx1210", "nvr510"],
    ["ip onu1 address dhcp", "nvr510", "rtx830"],
    ["ip vlan1 rip receive on version 2", "rtx1210", "rtx1300"],
  ])("%s: %s has it, %s does not", (line, has, lacks) => {
    expect(parseConfigCommand(line, none, MODELS[has])).toMatchObject({ ok: true });
    expect(parseConfigCommand(line, none, MODELS[lacks])).toEqual({ ok: false, error: "invalid-command" });
  });
});

describe("intrusion detection keeps one line per direction and attack type (CR §8.1.17)", () => {
  test("the whole direction and a typed setting print back side by side; each is replaced and removed alone", () => {
    const engine = new Engine({
      model: MODELS.rtx1210,
      parse: parseConfigCommand,
      adminPassword: "admin",
      bootTime: new Date(),
    });
    const lines = () => engine.body(engine.running).filter((l) => l.includes("intrusion"));
    expect(
      engine.load(
        [
          "ip lan2 intrusion detection in tcp on reject=on",
          "ip lan2 intrusion detection in on",
          "ip lan2 intrusion detection in udp off",
        ].join("\n"),
      ),
    ).toEqual([]);
    expect(lines()).toEqual([
      "ip lan2 intrusion detection in on",
      "ip lan2 intrusion detection in tcp on reject=on",
      "ip lan2 intrusion detection in udp off",
    ]);
    const session = engine.newSession();
    session.admin = true;
    for (const command of [
      "ip lan2 intrusion detection in tcp off",
      "no ip lan2 intrusion detection in udp on",
    ])
      expect(engine.execute(session, command, new Date()).lines).toEqual([]);
    expect(lines()).toEqual(["ip lan2 intrusion detection in on", "ip lan2 intrusion detection in tcp off"]);
    expect(engine.execute(session, "no ip lan2 intrusion detection in", new Date()).lines).toEqual([]);
    expect(lines()).toEqual(["ip lan2 intrusion detection in tcp off"]);
  });
});

describe("show config places the new lines in the router's order", () => {
  test("pp block: secure filters, then intrusion detection, then NAT (the order of YAMAHA's examples)", () => {
    const block = [
      "pp select 1",
      " ip pp nat descriptor 1000",
      " ip pp intrusion detection in reject on",
      " pppoe use lan2",
      " ip pp secure filter out 200013 dynamic 200080",
      " ip pp intrusion detection in on",
      " ip pp secure filter in 200003",
      " pp enable 1",
    ];
    const engine = new Engine({
      model: MODELS.rtx1210,
      parse: parseConfigCommand,
      adminPassword: "admin",
      bootTime: new Date(),
    });
    expect(engine.load(block.join("\n"))).toEqual([]);
    expect(engine.body(engine.running)).toEqual([
      "pp select 1",
      " pppoe use lan2",
      " ip pp secure filter in 200003",
      " ip pp secure filter out 200013 dynamic 200080",
      " ip pp intrusion detection in on",
      " ip pp intrusion detection in reject on",
      " ip pp nat descriptor 1000",
      " pp enable 1",
    ]);
  });
});

test("switching-hub macaddress-aging on is stored as the 300 seconds it stands for (CR §53.4)", () => {
  const result = parseConfigCommand("switching-hub macaddress-aging on", none, MODELS.rtx1300);
  expect(result).toMatchObject({ ok: true, command: { canonical: "switching-hub macaddress-aging 300" } });
});
