/**
 * Grammar rows of RIP, OSPF, OSPFv3 and BGP (CR §8.3, ch. 28, 29, 31): valid lines print back in their canonical form,
 * `no` forms address the same key, invalid ones get the device's error class, a command the model lacks is unknown
 * there (the shared shape: grammar-families.ts).
 */
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
  // IPv6 (ch. 30)
  ["ipv6 pp rip hold routing on", pp1, "rtx1210"],
  ["ip lan2 rip auth key 01 02 ff", none, "rtx1210"],
  ["ip lan1 rip auth key text testing123", none, "rtx1210"],
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
  // Areas: `backbone`, 1..4294967295 or dotted other than 0.0.0.0 (§28.9-28.13, §31.3-31.7)
  ["ospf area 4294967295 stub", none, "rtx1210"],
  ["ospf area 0.0.0.1", none, "rtx1210"],
  ["ospf area network 255.255.255.255 10.0.0.0/8", none, "rtx1210"],
  ["ospf area stubhost 2 10.0.0.9 cost 3", none, "rtx1210"],
  ["ospf virtual-link 10.0.0.1 0.0.0.2", none, "rtx1210"],
  ["ipv6 ospf area 10.0.0.0 stub cost=0", none, "rtx1210"],
  ["ipv6 ospf router id 10.0.0.1", none, "rtx1210"],
  ["ip pp ospf area 0.0.1.0", pp1, "rtx1210"],
  ["ipv6 tunnel ospf area 7", tunnel1, "rtx1210"],
  ["bgp export filter 2 reject equal 192.168.0.0/24 preference=10", none, "rtx1210"],
  ["bgp import filter 1 include all metric=5 preference=100", none, "rtx1210"],
  ["bgp aggregate filter 1 bgp reject refines 10.0.0.0/8", none, "rtx1210"],
  ["bgp import 65002 bgp 65003 filter 1 2", none, "rtx1210"],
  ["bgp force-to-advertise 65002 default preference=50", none, "rtx1210"],
  // AS numbers 1..65535 (§29.4, §29.7, §29.9, §29.12, §29.15)
  ["bgp autonomous-system 65535", none, "rtx1210"],
  ["bgp autonomous-system 1", none, "rtx1210"],
  ["bgp default med 2147483647", none, "rtx1210"],
  ["bgp neighbor 3 65535 10.0.0.4", none, "rtx1210"],
  ["bgp export 65535 filter 1", none, "rtx1210"],
  ["bgp import 1 bgp 65535 filter 1", none, "rtx1210"],
  ["bgp force-to-advertise 65535 10.0.0.0/8", none, "rtx1210"],
  // storage, DPI, flexible ports, OSPFv3 (ch. 36, 42, 52, 53, 31)
  ["ipv6 ospf use on", none, "rtx1210"],
  ["ipv6 lan1 ospf area backbone", none, "rtx1210"],
  // cloud VPN, YNO, heartbeat, BGP (ch. 19, §49.3-49.4, ch. 39-40, §29.18)
  ["bgp export route selection rule all", none, "rtx1210"],
];

validLines(GOOD);

noForms([
  ["ip lan2 rip send on version 2", "no ip lan2 rip send"],
  ["ospf area backbone auth=md5", "no ospf area backbone"],
  ['bgp export aspath 10 ".*" filter 1', "no bgp export aspath 10"],
  ["ospf import from static filter 1", "no ospf import from static"],
  ["bgp import 65002 bgp 65003 filter 1", "no bgp import 65002 bgp 65003"],
  ["bgp force-to-advertise 65002 10.0.0.0/8 metric=5", "no bgp force-to-advertise 65002 10.0.0.0/255.0.0.0"],
]);

const BAD: Bad[] = [
  ["ip lan2 rip send maybe", none, "rtx1210", "illegal-keyword"],
  ["ip lan2 rip send on version 3", none, "rtx1210", "out-of-range"],
  ["ip lan2 rip send on version", none, "rtx1210", "parameters"],
  ["ip lan2 rip hop in 16", none, "rtx1210", "out-of-range"],
  ["ip lan2 rip hop sideways 1", none, "rtx1210", "illegal-keyword"],
  ["ospf router id 10.0.0", none, "rtx1210", "bad-ip"],
  ["bgp autonomous-system x", none, "rtx1210", "not-integer"],
  ["ip lan2 rip auth key 01 zz", none, "rtx1210", "illegal-keyword"],
  ["ipv6 pp rip connect interval 29", pp1, "rtx1210", "out-of-range"],
  // BGP AS-path filters and neighbor parameters (§29.7, §29.12)
  ['bgp export aspath 65536 ".*" filter 1', none, "rtx1210", "out-of-range"],
  ['bgp export aspath 5 "(" filter 1', none, "rtx1210", "illegal-keyword"],
  ['bgp export aspath 5 ".*"', none, "rtx1210", "parameters"],
  ['bgp export aspath 5 ".*" filtre 1', none, "rtx1210", "illegal-keyword"],
  ['bgp export aspath 5 ".*\u001b" filter 1', none, "rtx1210", "illegal-keyword"],
  // No 4-byte AS numbers: the CR gives 1..65535 for every model (§29.4, §29.7, §29.9, §29.12, §29.15).
  ["bgp autonomous-system 65536", none, "rtx1210", "out-of-range"],
  ["bgp autonomous-system 4200000000", none, "rtx1210", "out-of-range"],
  ["bgp autonomous-system 0", none, "rtx1210", "out-of-range"],
  ["bgp autonomous-system 1.10", none, "rtx1210", "not-integer"],
  ["bgp autonomous-system 65536", none, "rtx5000", "out-of-range"],
  ["bgp neighbor 1 65536 10.0.0.2", none, "rtx1210", "out-of-range"],
  ["bgp neighbor 1 4200000000 10.0.0.2", none, "rtx840", "out-of-range"],
  ["bgp export 65536 filter 1", none, "rtx1210", "out-of-range"],
  ["bgp import 65536 static filter 1", none, "rtx1210", "out-of-range"],
  ["bgp import 65001 bgp 70000 filter 1", none, "rtx1210", "out-of-range"],
  ["bgp force-to-advertise 65536 10.0.0.0/8", none, "rtx1210", "out-of-range"],
  ["bgp default med 0", none, "rtx1210", "out-of-range"],
  ["bgp default med 2147483648", none, "rtx1210", "out-of-range"],
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
  // 0 and 0.0.0.0 are no area: the backbone is spelt `backbone` (§28.9-28.13, §31.4-31.7) [U: the error class].
  ["ospf area 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["ospf area 4294967296", none, "rtx1210", "out-of-range"],
  ["ospf area 0.0.0.256", none, "rtx1210", "bad-ip"],
  ["ospf area Backbone", none, "rtx1210", "illegal-keyword"],
  ["ospf area network 0.0.0.0 10.0.0.0/8", none, "rtx1210", "out-of-range"],
  ["ospf area stubhost 0 10.0.0.9", none, "rtx1210", "out-of-range"],
  ["ospf virtual-link 10.0.0.1 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["ip lan1 ospf area 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["ip pp ospf area 0", pp1, "rtx1210", "out-of-range"],
  ["ipv6 ospf area 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["ipv6 lan1 ospf area 0", none, "rtx1210", "out-of-range"],
  ["ipv6 ospf virtual-link 10.0.0.1 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["ipv6 ospf virtual-link 10.0.0.1 backbone", none, "rtx1210", "bad-ip"],
  ["ipv6 ospf router id 0.0.0.0", none, "rtx1210", "out-of-range"],
  ["no ospf area 0.0.0.0", none, "rtx1210", "out-of-range"],
  // route filters (§28.6-28.8, §29.3-29.15, §31.10-31.12)
  ["ospf import filter 3 exclude 0.0.0.0/0", none, "rtx1210", "illegal-keyword"],
  ["ospf import filter 3 nr include 0.0.0.0/0", none, "rtx1210", "illegal-keyword"],
  ["ospf import from ospf", none, "rtx1210", "illegal-keyword"],
  ["ipv6 ospf virtual-link 10.0.0.1 1 hello-interval=65536", none, "rtx1210", "out-of-range"],
  ["bgp export filter 2 exclude 192.168.0.0/24", none, "rtx1210", "illegal-keyword"],
  ["bgp import filter 1 include 10.0.0.0/16 preference=256", none, "rtx1210", "out-of-range"],
  ["bgp import 65002 bgp filter 1", none, "rtx1210", "not-integer"],
  ["bgp force-to-advertise 65002 10.0.0.0/8 colour=red", none, "rtx1210", "illegal-keyword"],
  // cloud VPN, YNO, heartbeat, BGP
  ["bgp export route selection rule ibgp-only", none, "rtx1210", "illegal-keyword"],
];

invalidLines(BAD);

lackedCommands([
  // [line, a model that has it, one that does not]
  ["ospf use on", "rtx1210", "nvr510"],
  ["bgp use on", "rtx830", "nvr500"],
  ['bgp export aspath 10 ".*" filter 1', "rtx1210", "nvr500"],
  // interfaces the model does not have
  ["ip vlan1 rip receive on version 2", "rtx1210", "rtx1300"],
]);
