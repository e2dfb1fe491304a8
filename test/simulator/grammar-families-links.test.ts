/**
 * Grammar rows of PPP/PPPoE, tunnels, IPsec/IKE, L2TP, PPTP, IPIP, ISDN, mobile, and the LAN side:
 * LAN/VLAN/switch/link aggregation, flexible ports, bridge (CR §4.47-4.51, ch. 6, 11, 14-18, 38, 44, 45, 53): valid
 * lines print back in their canonical form, `no` forms address the same key, invalid ones get the device's error
 * class, a command the model lacks is unknown there (the shared shape: grammar-families.ts).
 */
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
  ["ipsec ike duration ipsec-sa 1 28800", tunnel1, "rtx1210"],
  ["ipsec use on", none, "rtx1210"],
  ["ipsec ike license-key use 1 on", tunnel1, "rtx1210"],
  ["auth user attribute 1 xauth=on eap-md5=off", none, "rtx1210"],
  ["auth user group 2 1-20 30", none, "rtx1210"],
  // IPIP / L2TPv3 (ch. 14, 16, 18)
  ["ipip keepalive use on 10 3", tunnel1, "rtx1210"],
  ["tunnel endpoint name vpn.example.jp fqdn", tunnel1, "rtx1210"],
  // VLAN, switch, lan type, link aggregation (§4.47-4.51, ch. 38)
  ["lan type lan1 port-based-option=divide-network", none, "rtx1210"],
  ["lan type lan1 1000-fdx 1 100-fdx 2 macaddress-aging=off", none, "rtx1210"],
  ["lan type lan1 port-based-option=split-into-12:34", none, "rtx1210"],
  ["lan link-aggregation static 1 lan1:1 lan1:5", none, "rtx1210"],
  ["lan shutdown lan1 3 4", none, "rtx1210"],
  ["vlan port mapping lan1.1 vlan1", none, "rtx1210"],
  ["lan keepalive use lan2 icmp-echo 192.168.0.1", none, "rtx1210"],
  // bridge, Lua, dashboard, statistics (ch. 45, 46, 51, 55)
  ["bridge learning bridge1 off", none, "rtx1210"],
  ["bridge learning bridge1 timer 300", none, "rtx1210"],
  // URL filter, PPTP, RADIUS, mail, heartbeat (ch. 10, 17, 22, 32, 39-40)
  ["pptp service on", none, "rtx1210"],
  ["pptp keepalive interval 30 6", tunnel1, "rtx1210"],
  // storage, DPI, flexible ports, OSPFv3 (ch. 36, 42, 52, 53, 31)
  ["lan flexible-port lan1=1-7 lan2=9 lan3=10 lan8=8", none, "rtx1300"],
  ["lan port type 9 10g-fdx energy-saving=on", none, "rtx1300"],
  ["switching-hub macaddress-aging 819", none, "rtx1300"],
  ["lan port shutdown 3", none, "rtx1300"],
  // cloud services, NAT46, L2MS (ch. 19, 25, 48, 49, 54)
  ["switch control mode master", none, "rtx1210"],
  // NVR telephony and mobile
  ["mobile use usb1 on", none, "rtx1210"],
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
  // pp and tunnel blocks (§8.2.4, §8.5.1, §14.3, §14.10-14.11, §14.15, §15.49.5)
  ["pp keepalive use lcp-echo icmp-echo 10.0.0.1 upwait=100 10.0.0.2 length=100", pp1, "rtx1210"],
  ["pp keepalive use icmp-echo 10.0.0.1 disconnect=70", pp1, "rtx1210"],
  ["pp backup pp 2 ipsec-fast-recovery=on", pp1, "rtx1210"],
  ["pp backup lan2 192.168.0.1", pp1, "rtx1210"],
  ["tunnel backup tunnel 2 switch-interface=off", tunnel1, "rtx1210"],
  ["tunnel backup pp 1 switch-router=on", tunnel1, "rtx1210"],
  ["tunnel type multipoint server", tunnel1, "rtx1210"],
  ["tunnel endpoint name a.example.jp b.example.jp fqdn", tunnel1, "rtx1210"],
  ["tunnel multipoint server 3 hub.example.jp", tunnel1, "rtx1210"],
  ["tunnel translation nat46", tunnel1, "rtx830"],
  // DHCP client, NetVolante, LAN backup and keepalive, VRRP triggers (§12.2.5, ch. 34, §8.4.2, §8.5.3-8.5.5)
  ["lan backup lan2 pp 1", none, "rtx1210"],
  ["lan backup lan2 lan3 192.168.3.1", none, "rtx1210"],
  ["lan keepalive use lan2 icmp-echo 10.0.0.1 upwait=500 10.0.0.2 arp 10.0.0.3 10.0.0.4", none, "rtx1210"],
  // IKE (§15.38, §15.48.1)
  ["ipsec ike duration isakmp-sa 1 28800 off rekey off", tunnel1, "rtx1210"],
  ["ipsec ike duration child-sa 1 3600 2147483647 rekey 90% forced-reduction=60", tunnel1, "rtx1210"],
  ["ipsec ike mode-cfg method 1 set openswan", tunnel1, "rtx1210"],
  // IPsec SA policy options (§15.48.2)
  [
    "ipsec sa policy 101 1 ah sha256-hmac local-id=192.168.0.0/24 remote-id=2001:db8::/48",
    tunnel1,
    "rtx1210",
  ],
  ["ipsec sa policy 102 1 esp aes-cbc sha-hmac anti-replay-check=off", tunnel1, "rtx1210"],
  // ipv6 prefix (§30.3.1), L2TP names (§16.8, §16.11), pp auth username myname lengths
  ["l2tp hostname RT2", tunnel1, "rtx830"],
  ["l2tp remote end-id abcdefghijabcdefghijabcdefghijab", tunnel1, "rtx830"],
  // VLAN interconnect (§38.3-38.4), HTTP upload file (§43.1)
  ["vlan interconnect group lan1 lan1/1,lan1/2 lan1/3-5 lan1$ vlan1-3", none, "rtx1210"],
  ["vlan interconnect log lan1 pass reject", none, "rtx1210"],
  // mobile (§44.3, §44.13-44.14, §44.26, §44.31)
  ["mobile carrier mode usb1 2", none, "rtx830"],
  ["mobile signal-strength on syslog=trans interval=600,infinity", none, "rtx830"],
  ["mobile access limit length 50M alert=80%,70%", pp1, "rtx830"],
  ["mobile access limit time 3600 alert=3000 unit=minute", pp1, "rtx830"],
  ["mobile call type 2", pp1, "rtx830"],
  // ISDN (§6.1.1-6.1.5, §6.2.2)
  ["line type bri1 isdn-ntt 1b", none, "rtx1210"],
  ["isdn local address bri1 0312345678/12", none, "rtx1210"],
  ["isdn local address bri1 /12", none, "rtx1210"],
  ["account threshold bri1 5000", none, "rtx1210"],
  ["isdn remote address call 0312345678 0312345679/2", pp1, "rtx1210"],
];

validLines(GOOD);

noForms([
  ["lan link-aggregation static 1 lan1:1 lan1:5", "no lan link-aggregation static 1"],
  ["ipsec ike mode-cfg address pool 1 172.16.0.1-172.16.0.20/32", "no ipsec ike mode-cfg address pool 1"],
  ["lan port-mirroring lan1 4 in 1", "no lan port-mirroring lan1 4"],
]);

const BAD: Bad[] = [
  ["lan type lan1 port-based-option=halves", none, "rtx1210", "illegal-keyword"],
  ["lan type lan1 mtu=63", none, "rtx1210", "out-of-range"],
  ["lan link-aggregation static 1 lan1:1", none, "rtx1210", "parameters"],
  ["lan link-aggregation static 1 lan1:1 lan1:9", none, "rtx1210", "out-of-range"],
  ["lan link-aggregation static 1 lan1 lan2", none, "rtx1210", "illegal-keyword"],
  ["ipsec ike encryption 1 rot13", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike encryption 101 aes-cbc", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec ike license-key 501 abc", none, "rtx1210", "out-of-range"],
  ["auth user attribute 1 xauth=maybe", none, "rtx1210", "illegal-keyword"],
  ["ipsec ike encryption 1 aes-cbc", none, "rtx1210", "need-tunnel-select"],
  ["pppoe auto disconnect off", none, "rtx1210", "need-pp-select"],
  ["pptp service type both", tunnel1, "rtx1210", "illegal-keyword"],
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
  // pp and tunnel blocks
  ["pp keepalive use icmp-echo", pp1, "rtx1210", "parameters"],
  ["pp keepalive use icmp-echo 10.0.0.1 upwait=10001", pp1, "rtx1210", "out-of-range"],
  ["pp keepalive use icmp-echo 10.0.0.1 length=63", pp1, "rtx1210", "out-of-range"],
  ["pp keepalive use icmp-echo 10.0.0.1 retry=3", pp1, "rtx1210", "bad-ip"],
  ["pp keepalive use icmp-echo router1", pp1, "rtx1210", "bad-ip"],
  ["pp keepalive use off lcp-echo", pp1, "rtx1210", "parameters"],
  ["pp keepalive use arp-echo", pp1, "rtx1210", "illegal-keyword"],
  ["pp backup pp 31", pp1, "rtx830", "out-of-range"],
  ["pp backup pp 2 ipsec-fast-recovery=maybe", pp1, "rtx1210", "illegal-keyword"],
  ["pp backup lan2", pp1, "rtx1210", "parameters"],
  ["pp backup interface 192.168.0.1", pp1, "rtx1210", "illegal-keyword"],
  ["pp backup tunnel 2 switch-interface=on", pp1, "rtx1210", "parameters"],
  ["tunnel backup pp 1 switch-interface=on", tunnel1, "rtx1210", "illegal-keyword"],
  ["tunnel backup tunnel 101", tunnel1, "rtx1210", "out-of-range"],
  ["tunnel type hub", tunnel1, "rtx1210", "illegal-keyword"],
  ["tunnel type point-to-point server", tunnel1, "rtx1210", "parameters"],
  ["tunnel endpoint name a.example.jp b.example.jp sip", tunnel1, "rtx1210", "illegal-keyword"],
  ["tunnel multipoint server 4 hub.example.jp", tunnel1, "rtx1210", "out-of-range"],
  ["tunnel translation nat64", tunnel1, "rtx830", "illegal-keyword"],
  // DHCP client, NetVolante, LAN backup and keepalive, VRRP triggers
  ["lan backup lan2 pp", none, "rtx1210", "parameters"],
  ["lan backup lan2 lan3", none, "rtx1210", "parameters"],
  ["lan backup lan2 tunnel 101", none, "rtx1210", "out-of-range"],
  ["lan backup recovery time lan2 0", none, "rtx1210", "out-of-range"],
  ["lan keepalive use lan2 icmp-echo", none, "rtx1210", "parameters"],
  ["lan keepalive use lan2 arp 10.0.0.1 upwait=10", none, "rtx1210", "bad-ip"],
  ["lan keepalive use lan2 arp 10.0.0.1 icmp-echo 10.0.0.2", none, "rtx1210", "bad-ip"],
  ["lan keepalive use lan2 icmp-echo 10.0.0.1 downwait=10001", none, "rtx1210", "out-of-range"],
  ["lan keepalive use lan2 ping 10.0.0.1", none, "rtx1210", "illegal-keyword"],
  // IKE
  ["ipsec ike duration sa 1 28800", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike duration ipsec-sa 1 28800 rekey off", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike duration ipsec-sa 1 28800 rekey 91%", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec ike duration ipsec-sa 1 28800 rekey 75", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike duration ipsec-sa 1 28800 99", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec ike duration ipsec-sa 1 299", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec ike mode-cfg method 1 get", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec ike mode-cfg method 1 set strongswan", tunnel1, "rtx1210", "illegal-keyword"],
  // IPsec SA policy options
  ["ipsec sa policy 101 1 esp aes-cbc local-id=192.168.0.0/24", tunnel1, "rtx1210", "illegal-keyword"],
  ["ipsec sa policy 101 1 ah local-id=192.168.0.0", tunnel1, "rtx1210", "bad-ip"],
  ["ipsec sa policy 101 1 ah remote-id=10.0.0.0/33", tunnel1, "rtx1210", "out-of-range"],
  ["ipsec sa policy 101 1 esp aes-cbc anti-replay-check=maybe", tunnel1, "rtx1210", "illegal-keyword"],
  [
    "ipsec sa policy 101 1 esp aes-cbc anti-replay-check=on anti-replay-check=off",
    tunnel1,
    "rtx1210",
    "parameters",
  ],
  // ipv6 prefix, L2TP names, pp auth username
  ["l2tp hostname abcdefghijabcdefghijabcdefghijabc", tunnel1, "rtx830", "out-of-range"],
  ["l2tp remote end-id a b", tunnel1, "rtx830", "parameters"],
  [`pp auth username user pass myname ${"n".repeat(65)} pass`, pp1, "rtx1210", "out-of-range"],
  // VLAN interconnect, HTTP upload file
  ["vlan interconnect group lan1 lan1/1,pp1", none, "rtx1210", "illegal-keyword"],
  ["vlan interconnect group lan1 lan1/1;reboot", none, "rtx1210", "illegal-keyword"],
  ["vlan interconnect log lan1 drop", none, "rtx1210", "illegal-keyword"],
  ["vlan interconnect log lan1 pass reject pass", none, "rtx1210", "parameters"],
  // mobile
  ["mobile use usb2 on", none, "rtx830", "illegal-keyword"],
  ["mobile carrier mode usb1 4", none, "rtx830", "out-of-range"],
  ["mobile signal-strength on interval=3601,1", none, "rtx830", "out-of-range"],
  ["mobile signal-strength on syslog=maybe", none, "rtx830", "illegal-keyword"],
  ["mobile access limit length 50X", pp1, "rtx830", "illegal-keyword"],
  ["mobile access limit length 50M alert=101%", pp1, "rtx830", "illegal-keyword"],
  ["mobile access limit time 3600 unit=hour", pp1, "rtx830", "illegal-keyword"],
  ["mobile call type 3", pp1, "rtx830", "illegal-keyword"],
  // ISDN
  ["line type bri1 l64 2b", none, "rtx1210", "parameters"],
  ["line type bri1 isdn 2", none, "rtx1210", "illegal-keyword"],
  ["line type bri1 pri", none, "rtx1210", "illegal-keyword"],
  ["isdn local address bri1 03-1234-5678", none, "rtx1210", "illegal-keyword"],
  ["account threshold bri1 0", none, "rtx1210", "out-of-range"],
  ["account threshold bri1 lots", none, "rtx1210", "illegal-keyword"],
  ["isdn remote address dial 0312345678", pp1, "rtx1210", "illegal-keyword"],
  ["isdn remote address call", pp1, "rtx1210", "parameters"],
  ["isdn remote address call 0312345678;x", pp1, "rtx1210", "illegal-keyword"],
  // heads once kept verbatim: a sub-command the CR does not have is unknown
  ["pp keepalive sometimes on", pp1, "rtx1210", "invalid-command"],
  ["pppoe auto reconnect on", pp1, "rtx1210", "invalid-command"],
  ["ipsec ike mode-cfg anything 1 x", tunnel1, "rtx1210", "invalid-command"],
  ["ipsec ike xauth whatever 1", tunnel1, "rtx1210", "invalid-command"],
];

invalidLines(BAD);

lackedCommands([
  // [line, a model that has it, one that does not]
  ["lan link-aggregation static 1 lan1:1 lan1:2", "rtx1210", "rtx830"],
  ["mobile use usb1 on", "rtx830", "rtx5000"],
  ["switch control mode master", "rtx830", "rtx1100"],
  ["vlan port mapping lan1.1 vlan1", "rtx1210", "rtx1300"],
  ["lan flexible-port lan1=1-8 lan2=9,10", "rtx1300", "rtx1210"],
  ["lan port shutdown 3", "rtx1300", "rtx830"],
]);

test("switching-hub macaddress-aging on is stored as the 300 seconds it stands for (CR §53.4)", () => {
  const result = parseConfigCommand("switching-hub macaddress-aging on", none, MODELS.rtx1300);
  expect(result).toMatchObject({ ok: true, command: { canonical: "switching-hub macaddress-aging 300" } });
});
