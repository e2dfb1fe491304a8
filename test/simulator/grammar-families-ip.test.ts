/**
 * Grammar rows of IP and IPv6 (per link, globals, routes), filters (IP, Ethernet, URL, DPI), NAT, NAT46, DNS, DHCP and
 * NetVolante DNS (CR ch. 8-10, 12, 23-25, 30, 34, 52): valid lines print back in their canonical form, `no` forms
 * address the same key, invalid ones get the device's error class, a command the model lacks is unknown there (the
 * shared shape: grammar-families.ts).
 */
import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";
import {
  type Bad,
  type Good,
  invalidLines,
  lackedCommands,
  noForms,
  none,
  pp1,
  tunnel1,
  validLines,
} from "./grammar-families";

const GOOD: Good[] = [
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
  // IPIP / L2TPv3 (ch. 14, 16, 18)
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
  // netvolante-dns (ch. 34)
  ["netvolante-dns use pp on", none, "nvr510"],
  ["netvolante-dns hostname host pp server=1 office.aa0.netvolante.jp", none, "nvr510"],
  ["netvolante-dns timeout lan2 90", none, "rtx1210"],
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
  ["ip filter source-route on", none, "rtx1210"],
  ["ip filter directed-broadcast on", none, "rtx1210"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1", none, "rtx1210"],
  // URL filter, PPTP, RADIUS, mail, heartbeat (ch. 10, 17, 22, 32, 39-40)
  ["url filter 1 reject www.example.com", none, "rtx1210"],
  ["url lan1 filter out 1 2", none, "rtx1210"],
  ["url filter reject redirect", none, "rtx1210"],
  // storage, DPI, flexible ports, OSPFv3 (ch. 36, 42, 52, 53, 31)
  ["dpi use on", none, "rtx830"],
  ["ip lan2 dpi filter in 1 2", none, "rtx830"],
  // cloud services, NAT46, L2MS (ch. 19, 25, 48, 49, 54)
  ["nat46 static 1 192.168.0.10 2001:db8::10", none, "rtx1210"],
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
  // filter- and DPI-selected IPv6 routes (§30.4.1)
  ["ipv6 route default gateway pp 1 filter 1 gateway tunnel 1", none, "rtx1220"],
  ["ipv6 route default gateway dhcp lan2 dpi 1 2 gateway tunnel 1", none, "rtx1300"],
  ["ipv6 route 2001:db8::/32 gateway pp 1 metric 2 filter 1 hide gateway null", none, "rtx1300"],
  ["ipv6 route default gateway fe80::1%lan2 gateway loopback1", none, "rtx1210"],
  ["ip route default gateway pp 1 dpi 1 gateway tunnel 1", none, "rtx830"],
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
  // IP/IPv6 globals (§8.1.27, §8.1.34, §8.5.8, §8.6, §30.2.1, §30.3.5, §30.5, §30.8.1)
  ["ip tos supersede 1 min-delay precedence=5 1 2", none, "rtx1210"],
  ["ip dscp supersede 65535 af41 1", none, "rtx1210"],
  ["ipv6 dscp supersede 2 46 1 2 3", none, "rtx1210"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1 dhcp lan2 log=on upwait=10 ipsec-refresh=1,3", none, "rtx1210"],
  ["ip forward filter 1 1 gateway tunnel 1 filter 100 101 keepalive 1", none, "rtx1210"],
  ["ip forward filter 1 2 gateway 192.168.0.1 filter 100", none, "rtx1210"],
  ["ipv6 source address selection rule lifetime", none, "rtx1210"],
  ["ipv6 dhcp prefix 2 dhcp-prefix@lan2 ::1:0:0:0:0/64", none, "rtx1210"],
  ["ipv6 nd ra-dnssl 1 example.jp example.com lifetime=infinity", none, "rtx1210"],
  ["ipv6 nd ra-rdnss 21474836 dhcpv6 2001:db8::53 lifetime=infinity", none, "rtx1210"],
  ["ipv6 lan1 mld router version=1,2 robust-variable=10", none, "rtx1210"],
  // DNS (§24.3, §24.10, §24.11)
  ["dns domain .", none, "rtx1210"],
  ["dns server select 2 pp 1 edns=on default-server any example.jp original-sender", none, "rtx1210"],
  ["dns server select 3 dhcp lan2 nat46=1 aaaa . restrict pp 1", none, "rtx1220"],
  ["dns server select 4 10.0.0.53 edns=off 10.0.0.54 ptr 192.168.0.0/16", none, "rtx1210"],
  ["dns server select 5 reject *.example.jp", none, "rtx1210"],
  ["dns static aaaa v6.example.jp 2001:db8::1 ttl=60", none, "rtx1210"],
  ["dns static ptr 133.176.200.2 pc2.yamaha.co.jp", none, "rtx1210"],
  // DHCP client, NetVolante, LAN backup and keepalive, VRRP triggers (§12.2.5, ch. 34, §8.4.2, §8.5.3-8.5.5)
  ["dhcp client option lan2 primary 60=79,61,6d,61,68,61", none, "rtx1210"],
  ["netvolante-dns hostname host lan2 server=2 host.aa0.netvolante.jp ipv6 prefix", none, "rtx1210"],
  ["netvolante-dns auto hostname pp ipv6 address 2001:db8::1", none, "rtx1210"],
  ["netvolante-dns set hostname pp serial", none, "rtx1210"],
  ["ip lan1 vrrp shutdown trigger 1 pp 1 dlci=16", none, "rtx1210"],
  ["ip lan1 vrrp shutdown trigger 2 route 10.0.0.0/8 192.168.0.1", none, "rtx1210"],
  // ipv6 prefix (§30.3.1), L2TP names (§16.8, §16.11), pp auth username myname lengths
  [
    "ipv6 prefix 1 2001:db8:1::/64 preferred_lifetime=0 valid_lifetime=2079-12-31,23:59:59 l_flag=off",
    none,
    "rtx1210",
  ],
  ["ipv6 prefix 2 dhcp-prefix@lan2::1:0:0:0:0/64 a_flag=on", none, "rtx1210"],
  // external memory (§42.4-42.5, §42.9-42.10, §42.13, §42.15)
  ["dpi signature directory sd1:/dpi/signature", none, "rtx830"],
  // SNMPv3 views (§21.15), URL filter database (§10.7-10.10)
  ["url filter external-database use reputation trendmicro category digitalarts2", none, "rtx5000"],
  ["url filter external-database server db.example.jp 8080", none, "rtx5000"],
  ["url filter external-database category 1 reject-log 1,3,5 192.168.0.0/24", none, "rtx5000"],
  ["url filter external-database category 2 pass *", none, "rtx5000"],
];

validLines(GOOD);

noForms([
  ["ip lan2 intrusion detection in on", "no ip lan2 intrusion detection in"],
  ["ip lan2 intrusion detection in fragment off", "no ip lan2 intrusion detection in fragment"],
  ["ethernet filter 1 pass-log * *", "no ethernet filter 1"],
  ["dns static a router.example.jp 192.168.100.1", "no dns static a router.example.jp"],
  ["nat descriptor timer 1 tcpfin 10", "no nat descriptor timer 1 tcpfin"],
  ["ipv6 route default gateway pp 1 gateway tunnel 1", "no ipv6 route default"],
]);

const BAD: Bad[] = [
  ["ip lan2 intrusion detection sideways on", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 intrusion detection in on reject=maybe", none, "rtx1210", "illegal-keyword"],
  // `port-scan` is no attack type of §8.1.17; a type needs its switch.
  ["ip lan2 intrusion detection in port-scan reject=on", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 intrusion detection in tcp reject=on", none, "rtx1210", "illegal-keyword"],
  ["ethernet filter 513 pass-log * *", none, "rtx1210", "out-of-range"],
  ["ethernet filter 1 pass 00:11:22:33:44:55", none, "rtx1210", "illegal-keyword"],
  ["ethernet filter 1 pass-log 00:11:22:33:44", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan2 mtu 1279", none, "rtx1210", "out-of-range"],
  ["dns cache max entry 0", none, "rtx1210", "out-of-range"],
  ["ip filter directed-broadcast on 5", none, "rtx1210", "parameters"],
  ["ip filter directed-broadcast filter", none, "rtx1210", "parameters"],
  ["ethernet filter 1 pass-log dhcp-bind 1 00:11:22:33:44:55", none, "rtx1210", "illegal-keyword"],
  ["url filter reject off now", none, "rtx1210", "parameters"],
  ["nat descriptor timer 1 0", none, "rtx1210", "out-of-range"],
  ["nat descriptor masquerade port range 1 1-2 3-4 5-6 7-8 9-10", none, "rtx1210", "parameters"],
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
  // IP/IPv6 globals
  ["ip tos supersede 1 16 1", none, "rtx1210", "out-of-range"],
  ["ip tos supersede 1 fastest 1", none, "rtx1210", "illegal-keyword"],
  ["ip tos supersede 65536 normal 1", none, "rtx1210", "out-of-range"],
  ["ip dscp supersede 1 af44 1", none, "rtx1210", "illegal-keyword"],
  ["ip dscp supersede 1 64 1", none, "rtx1210", "out-of-range"],
  ["ipv6 dscp supersede 1 ef", none, "rtx1210", "parameters"],
  ["ip keepalive 1 arp-echo 10 3 192.168.0.1", none, "rtx1210", "illegal-keyword"],
  ["ip keepalive 1 icmp-echo 10 2 192.168.0.1", none, "rtx1210", "out-of-range"],
  ["ip keepalive 1 icmp-echo 65536 3 192.168.0.1", none, "rtx1210", "out-of-range"],
  ["ip keepalive 3001 icmp-echo 10 3 192.168.0.1", none, "rtx1210", "out-of-range"],
  ["ip keepalive 1 icmp-echo 10 3 lan2", none, "rtx1210", "illegal-keyword"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1 dhcp", none, "rtx1210", "parameters"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1 length=63", none, "rtx1210", "out-of-range"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1 colour=red", none, "rtx1210", "illegal-keyword"],
  [`ip keepalive 1 icmp-echo 10 3 ${"10.0.0.1 ".repeat(11).trim()}`, none, "rtx1210", "parameters"],
  ["ip keepalive 1 icmp-echo 10 3 192.168.0.1;reboot", none, "rtx1210", "illegal-keyword"],
  ["ip forward filter 1 1 gateway router1 filter 100", none, "rtx1210", "bad-ip"],
  ["ip forward filter 256 1 gateway pp 1 filter 100", none, "rtx1210", "out-of-range"],
  ["ip forward filter 1 1 gateway pp 101 filter 100", none, "rtx1210", "out-of-range"],
  ["ipv6 source address selection rule newest", none, "rtx1210", "illegal-keyword"],
  ["ipv6 dhcp prefix 2 ra-prefix@lan2", none, "rtx1210", "illegal-keyword"],
  ["ipv6 dhcp prefix 2 dhcp-prefix@wan9", none, "rtx1210", "illegal-keyword"],
  ["ipv6 nd ra-dnssl 1 a.jp b.jp c.jp d.jp", none, "rtx1210", "illegal-keyword"],
  ["ipv6 nd ra-dnssl 1 a.jp lifetime=4294967295", none, "rtx1210", "out-of-range"],
  ["ipv6 nd ra-dnssl 1 exa$mple.jp", none, "rtx1210", "illegal-keyword"],
  ["ipv6 nd ra-rdnss 1 2001:db8::1 2001:db8::2 2001:db8::3 2001:db8::4", none, "rtx1210", "illegal-keyword"],
  ["ipv6 nd ra-rdnss 1 2001:db8::1 lifetime=4294967295", none, "rtx1210", "out-of-range"],
  ["ipv6 nd ra-rdnss 1 dns.example.jp", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 mld router version=3", none, "rtx1210", "illegal-keyword"],
  ["ipv6 lan1 mld router robust-variable=11", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 mld proxy", none, "rtx1210", "illegal-keyword"],
  // DNS
  ["dns domain exa$mple.jp", none, "rtx1210", "illegal-keyword"],
  ["dns domain a.jp b.jp", none, "rtx1210", "parameters"],
  ["dns server select 1 pp 1 edns=maybe any .", none, "rtx1210", "illegal-keyword"],
  ["dns server select 1 10.0.0.1 txt .", none, "rtx1210", "illegal-keyword"],
  ["dns server select 1 10.0.0.1 ptr 10.0.0.0/33", none, "rtx1210", "out-of-range"],
  ["dns server select 1 reject . restrict pp 1", none, "rtx1210", "illegal-keyword"],
  ["dns server select 1 pp 1 . restrict pp 31", none, "rtx830", "out-of-range"],
  ["dns server select 1 10.0.0.1 exa$mple.jp", none, "rtx1210", "bad-ip"],
  ["dns server select 65536 10.0.0.1 .", none, "rtx1210", "out-of-range"],
  ["dns static a router.example.jp 2001:db8::1", none, "rtx1210", "bad-ip"],
  ["dns static aaaa router.example.jp 192.168.0.1", none, "rtx1210", "bad-ip"],
  ["dns static cname mail.example.jp 10.0.0.1/8", none, "rtx1210", "illegal-keyword"],
  ["dns static a router.example.jp 192.168.0.1 ttl=0", none, "rtx1210", "out-of-range"],
  ["dns static txt router.example.jp hello", none, "rtx1210", "illegal-keyword"],
  ["dns static a router.example.jp 192.168.0.1\u0007", none, "rtx1210", "illegal-keyword"],
  // DHCP client, NetVolante, LAN backup and keepalive, VRRP triggers
  ["dhcp client option lan2 primary 255=01", none, "rtx1210", "out-of-range"],
  ["dhcp client option lan2 primary 60=xyz", none, "rtx1210", "illegal-keyword"],
  ["dhcp client option lan2 primary 60", none, "rtx1210", "illegal-keyword"],
  [
    "netvolante-dns hostname host lan2 host.aa0.netvolante.jp ipv6 subnet",
    none,
    "rtx1210",
    "illegal-keyword",
  ],
  ["netvolante-dns hostname host lan2 host.jp ipv6 address 192.168.0.1", none, "rtx1210", "bad-ip"],
  ["netvolante-dns auto hostname lan2 maybe", none, "rtx1210", "illegal-keyword"],
  ["netvolante-dns set hostname lan2 custom", none, "rtx1210", "illegal-keyword"],
  ["ip lan1 vrrp shutdown trigger 1 pp 1 dlci=15", none, "rtx1210", "out-of-range"],
  ["ip lan1 vrrp shutdown trigger 1 route 10.0.0.0/33", none, "rtx1210", "out-of-range"],
  ["ip lan1 vrrp shutdown trigger 1 modem", none, "rtx1210", "illegal-keyword"],
  // ipv6 prefix, L2TP names, pp auth username
  ["ipv6 prefix 1 2001:db8:1::/64 valid_lifetime=4294967296", none, "rtx1210", "out-of-range"],
  ["ipv6 prefix 1 2001:db8:1::/64 valid_lifetime=2080-01-01", none, "rtx1210", "out-of-range"],
  ["ipv6 prefix 1 2001:db8:1::/64 valid_lifetime=2030-13-01", none, "rtx1210", "out-of-range"],
  ["ipv6 prefix 1 2001:db8:1::/64 valid_lifetime=forever", none, "rtx1210", "illegal-keyword"],
  ["ipv6 prefix 1 2001:db8:1::/64 m_flag=on", none, "rtx1210", "illegal-keyword"],
  ["ipv6 prefix 1 2001:db8:1::/64 l_flag=on l_flag=off", none, "rtx1210", "illegal-keyword"],
  ["ipv6 prefix 1 2001:db8:1::/64 extra", none, "rtx1210", "illegal-keyword"],
  // external memory
  [`dpi signature directory /${"d".repeat(99)}`, none, "rtx830", "out-of-range"],
  ["dpi signature directory /dpi signature", none, "rtx830", "parameters"],
  // SNMPv3 views, URL filter database
  ["url filter external-database use category google", none, "rtx5000", "illegal-keyword"],
  ["url filter external-database server db.example.jp 65536", none, "rtx5000", "out-of-range"],
  ["url filter external-database category 1 block 1", none, "rtx5000", "illegal-keyword"],
  ["url filter external-database category 1 pass 1,x", none, "rtx5000", "illegal-keyword"],
  ["url filter external-database category 1 pass * 10.0.0.256", none, "rtx5000", "bad-ip"],
  ["url filter external-database category 21474837 pass *", none, "rtx5000", "out-of-range"],
  // heads once kept verbatim: a sub-command the CR does not have is unknown
  ["ip tunnel intrusion detection sideways on", tunnel1, "rtx1210", "illegal-keyword"],
];

invalidLines(BAD);

lackedCommands([
  // [line, a model that has it, one that does not]
  ["dpi use on", "rtx830", "rtx1210"],
  ["dpi group set 1000 name=file-sharing winmx", "rtx830", "rtx1210"],
  ["ip dpi filter 1 pass * * @game", "rtx1300", "rtx5000"],
  // interfaces the model does not have
  ["ip lan3 address 192.168.3.1/24", "rtx1210", "nvr510"],
  ["ip onu1 address dhcp", "nvr510", "rtx830"],
]);

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
