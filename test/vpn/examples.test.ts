import * as fs from "fs";
import * as path from "path";
import { type ResourceKind, type ResourceKindName, check, resourceKinds } from "../../provider/resources";
import { runProgram } from "../../provider/review/program";

// As in home-lab.test.ts: Jest's resolver bypasses runProgram's alias, so name the real SDK source here too.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"));

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const CONFIG = {
  vpnPassword: "placeholder-password",
  vpnPreSharedKey: "placeholder-pre-shared-key",
  pppoePassword: "placeholder-pppoe-password",
  siteKey: "placeholder-site-key",
  radiusSecret: "placeholder-radius-secret",
};

/** Each per-resource example: what it declares, by kind, and one line its commands must show. */
const CASES: [string, ResourceKindName[], string][] = [
  ["nat-descriptor", ["NatDescriptor"], "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253"],
  ["lan-interface", ["LanInterface", "NatDescriptor"], "ip lan1 nat descriptor reverse 30"],
  ["l2tp-anonymous-pool", ["GlobalSwitch", "GlobalSwitch", "L2tpAnonymousPool"], "tunnel template 3-4"],
  [
    "dhcp-scope",
    ["DhcpScope"],
    "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,0b,fb,00,c0,a8,0b,fa",
  ],
  ["static-route", ["StaticRoute"], "ip route 192.168.253.240/32 gateway 192.168.11.240"],
  ["static-routes", ["StaticRoutes"], "ip route 10.22.0.0/16 gateway 192.168.11.251 gateway tunnel 1 hide"],
  ["global-switch", ["GlobalSwitch"], "dhcp server rfc2131 compliant except remain-silent"],
  [
    "pppoe-interface",
    ["NatDescriptor", "PppoeInterface", "StaticRoute"],
    "pp auth myname user@isp.example ********",
  ],
  ["ipsec-site-tunnel", ["IpsecSiteTunnel", "StaticRoute"], "ipsec ike pre-shared-key 1 text ********"],
  ["dns", ["Dns"], "dns server select 1 10.0.0.53 corp.example.jp"],
  ["schedule", ["Schedule"], "schedule at 1 */Wed 00:00:00 * ntpdate ntp.nict.jp syslog"],
  ["ipv6", ["Ipv6Interface", "Ipv6Interface", "Ipv6Prefix"], "ipv6 lan1 rtadv send 1 o_flag=on"],
  ["mape-tunnel", ["MapeTunnel", "NatDescriptor", "StaticRoute"], "tunnel map-e type v6plus"],
  ["syslog", ["Syslog"], "syslog host 192.168.100.10"],
  ["service-hosts", ["ServiceHosts"], "sshd host lan1 192.168.254.1-192.168.254.3"],
  ["config-lines", ["ConfigLines", "ConfigLines", "ConfigLines", "ConfigLines"], "radius secret ********"],
  [
    "ip-filter",
    [...Array<ResourceKindName>(4).fill("IpFilter"), ...Array<ResourceKindName>(5).fill("IpFilterDynamic")],
    "ip filter 200100 pass-log * 192.168.100.10 tcp * www,443,8000-8080",
  ],
  [
    "ipv6-filter",
    [
      ...Array<ResourceKindName>(5).fill("Ipv6Filter"),
      ...Array<ResourceKindName>(2).fill("Ipv6FilterDynamic"),
      "Ipv6SecureFilter",
    ],
    "ipv6 lan2 secure filter out 200099 dynamic 200098 200097",
  ],
  [
    "secure-filter",
    ["IpFilter", "IpFilter", "IpFilter", "IpFilterDynamic", "SecureFilter", "SecureFilter"],
    "ip lan1 secure filter out 200099 dynamic 200098",
  ],
];

describe("per-resource examples", () => {
  it("covers every example directory but home-lab", () => {
    const dirs = fs.readdirSync(EXAMPLES).filter((d) => fs.statSync(path.join(EXAMPLES, d)).isDirectory());
    expect(dirs.filter((d) => d !== "home-lab").sort()).toEqual(CASES.map(([d]) => d).sort());
  });

  it.each(CASES)("%s declares valid resources showing its line", async (dir, kinds, line) => {
    const run = await runProgram({ dir: path.join(EXAMPLES, dir), config: CONFIG });
    expect(run.project).toBe(dir);
    expect(run.resources.map((r) => r.kind).sort()).toEqual(kinds);
    const commands = run.resources.flatMap((r) => {
      const result = check(r.kind as ResourceKindName, r.inputs);
      if ("failures" in result)
        throw new Error(`${r.name}: ${result.failures.map((f) => f.property).join(", ")}`);
      const kind = resourceKinds[r.kind as ResourceKindName] as ResourceKind<unknown>;
      return kind.commands(result.model, { mask: true }).map((c) => c.command);
    });
    expect(commands).toContain(line);
  });
});
