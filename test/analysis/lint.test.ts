import * as fs from "fs";
import * as path from "path";
import { lint, type Finding } from "../../provider/analysis/lint";
import { parseConfig } from "../../provider/config/parse";
import type { ConfigTree } from "../../provider/config/model";
import { OPTION121_FIXED, seedTree, type SeedConfig } from "./fixtures";

const codes = (findings: Finding[]) => findings.map((f) => f.code).sort();

describe("lint on the seed's configurations", () => {
  it.each<[SeedConfig, string[]]>([
    ["original", []],
    ["fix-a-distinct-pool", []],
    ["fix-b-pp-anonymous-nat", []],
    [
      "fix-c-twice-nat",
      [
        "DHCP_BIND_OUTSIDE_SCOPE",
        "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
        "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
      ],
    ],
    ["desc31-forward-nat", ["NAT_OUTER_ON_CONNECTED_NETWORK"]],
  ])("%s → %j", (config, expected) => {
    expect(codes(lint(seedTree(config)))).toEqual(expected);
  });

  it("points at the seed's option 121 line: 192.168.5.5 in a 192.168.11.0/24 scope", () => {
    const f = lint(seedTree("fix-c-twice-nat")).find(
      (x) => x.code === "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
    );
    expect(f).toMatchObject({ severity: "error", lines: [46] });
    expect(f?.message).toMatch(/192\.168\.4\.0\/24 via 192\.168\.5\.5/);
  });
});

interface Case {
  code: string;
  severity: "error" | "warning";
  /** A config with the pitfall, the line numbers the finding must name, and one without it. */
  positive: () => ConfigTree;
  lines: number[];
  negative: () => ConfigTree;
  options?: { model?: string };
  /** How many findings of the code the positive config has (default 1). */
  count?: number;
}

const CASES: Case[] = [
  {
    code: "NAT_OUTER_ON_CONNECTED_NETWORK",
    severity: "error",
    positive: () => seedTree("desc31-forward-nat"),
    lines: [7, 37, 39],
    negative: () =>
      seedTree("desc31-forward-nat", [
        "ip lan1 nat descriptor 31 reverse 30",
        "ip lan1 nat descriptor reverse 30",
      ]),
  },
  {
    code: "ROUTE_GATEWAY_IS_ROUTER",
    severity: "error",
    positive: () => seedTree("fix-c-twice-nat", ["gateway 192.168.11.240", "gateway 192.168.11.250"]),
    lines: [4],
    negative: () => seedTree("fix-c-twice-nat"),
  },
  {
    code: "ROUTE_GATEWAY_NOT_CONNECTED",
    severity: "warning",
    positive: () => seedTree("fix-c-twice-nat", ["gateway 192.168.11.240", "gateway 10.9.9.9"]),
    lines: [4],
    negative: () => seedTree("fix-c-twice-nat"),
  },
  {
    code: "DHCP_SERVER_BEHIND_REVERSE_NAT",
    severity: "error",
    positive: () =>
      seedTree("fix-c-twice-nat", ["ip lan1 dhcp service relay 192.168.1.51", "ip lan1 dhcp service server"]),
    lines: [6, 7, 33, 34],
    negative: () => seedTree("fix-c-twice-nat"),
  },
  {
    code: "PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT",
    severity: "error",
    positive: () => seedTree("fix-b-pp-anonymous-nat", ["nat descriptor backward-compatibility 1\n", ""]),
    lines: [16],
    negative: () => seedTree("fix-b-pp-anonymous-nat"),
  },
  {
    code: "TUNNELS_EXCEED_MODEL_LIMIT",
    severity: "error",
    positive: () => seedTree("fix-a-distinct-pool", [" tunnel template 3-4", " tunnel template 3-6"]),
    lines: [17],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
  {
    code: "POOL_SMALLER_THAN_TUNNELS",
    severity: "warning",
    positive: () =>
      seedTree("fix-a-distinct-pool", ["192.168.254.1-192.168.254.3", "192.168.254.1-192.168.254.2"]),
    lines: [14],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
  {
    code: "DHCP_OPTION121_GATEWAY_OUTSIDE_SCOPE",
    severity: "error",
    positive: () => seedTree("fix-c-twice-nat"),
    lines: [46],
    count: 2, // 192.168.4.0/24 via 192.168.5.5 and the default route via 192.168.5.1
    negative: () => seedTree("fix-c-twice-nat", OPTION121_FIXED),
  },
  {
    code: "DHCP_BIND_OUTSIDE_SCOPE",
    severity: "warning",
    positive: () => seedTree("fix-c-twice-nat"),
    lines: [45],
    negative: () => seedTree("fix-c-twice-nat", ["bind 1 192.168.5.5", "bind 1 192.168.11.251"]),
  },
  {
    code: "VPN_POOL_OVERLAPS_LAN_WITHOUT_PROXYARP",
    severity: "error",
    positive: () => seedTree("original", ["ip lan1 proxyarp on", "ip lan1 proxyarp off"]),
    lines: [3, 4, 13],
    negative: () => seedTree("original"),
  },
  {
    code: "ALIAS_NETWORK_OVERLAPS",
    severity: "error",
    positive: () =>
      seedTree(
        "fix-b-pp-anonymous-nat",
        ["address outer 20 192.168.254.240", "address outer 20 192.168.254.2"],
        ["static 20 1 192.168.254.240=", "static 20 1 192.168.254.2="],
      ),
    lines: [14, 32],
    negative: () => seedTree("fix-b-pp-anonymous-nat"),
  },
  {
    code: "NAT_DESCRIPTOR_UNDEFINED",
    severity: "error",
    positive: () => seedTree("fix-c-twice-nat", ["nat descriptor type 40 nat\n", ""]),
    lines: [9, 35, 36, 37],
    negative: () => seedTree("fix-c-twice-nat"),
  },
  {
    code: "NAT_STATIC_WITHOUT_ADDRESS_OUTER",
    severity: "warning",
    positive: () =>
      seedTree("fix-b-pp-anonymous-nat", ["nat descriptor address outer 20 192.168.254.240\n", ""]),
    lines: [29, 31],
    negative: () => seedTree("fix-b-pp-anonymous-nat"),
  },
  {
    code: "NAT_STATIC_INNER_AUTO",
    severity: "warning",
    positive: () =>
      seedTree("fix-b-pp-anonymous-nat", ["nat descriptor address inner 20 192.168.11.240\n", ""]),
    lines: [29, 31],
    negative: () => seedTree("fix-b-pp-anonymous-nat"),
  },
  {
    code: "TUNNEL_TEMPLATE_WITHOUT_TRANSPORT_TEMPLATE",
    severity: "error",
    positive: () => seedTree("fix-a-distinct-pool", ["ipsec transport template 2 3-4\n", ""]),
    lines: [17, 28],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
  {
    code: "L2TP_TUNNEL_WITHOUT_TRANSPORT",
    severity: "error",
    positive: () => seedTree("fix-a-distinct-pool", ["ipsec transport 2 2 udp 1701\n", ""]),
    lines: [17],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
  {
    code: "L2TP_SERVICE_OFF",
    severity: "error",
    positive: () => seedTree("fix-a-distinct-pool", ["l2tp service on", "l2tp service on l2tpv3"]),
    lines: [17, 32],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
  {
    code: "PP_BIND_UNKNOWN_TUNNEL",
    severity: "error",
    positive: () => seedTree("fix-a-distinct-pool", ["pp bind tunnel2-tunnel4", "pp bind tunnel2-tunnel5"]),
    lines: [7],
    negative: () => seedTree("fix-a-distinct-pool"),
  },
];

describe.each(CASES)("$code", ({ code, severity, positive, lines, negative, options, count = 1 }) => {
  it("is reported with its severity and lines", () => {
    const found = lint(positive(), options).filter((f) => f.code === code);
    expect(found).toHaveLength(count);
    for (const f of found) expect(f).toMatchObject({ severity, lines });
    expect(found[0].message).toMatch(/\S+ \S+ \S+/);
  });

  it("is not reported when the pitfall is absent", () => {
    expect(codes(lint(negative(), options))).not.toContain(code);
  });
});

describe("model from the header or the option", () => {
  const bare = () => seedTree("fix-b-pp-anonymous-nat", ["nat descriptor backward-compatibility 1\n", ""]);

  it("an NVR500 needs no backward-compatibility for NAT on pp anonymous", () => {
    expect(codes(lint(bare(), { model: "NVR500" }))).not.toContain("PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT");
  });

  it("the option overrides the header, in either direction", () => {
    const headerless = parseConfig(
      "ip lan1 address 192.168.11.250/24\npp select anonymous\nip pp remote address pool 192.168.254.1-192.168.254.3\nip pp nat descriptor 20\npp select none\nnat descriptor type 20 nat\n",
      { source: "file" },
    );
    expect(codes(lint(headerless))).not.toContain("PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT");
    expect(codes(lint(headerless, { model: "nvr510" }))).toContain("PP_ANONYMOUS_NAT_NEEDS_BACKWARD_COMPAT");
  });

  it("five tunnels are fine on an RTX1210", () => {
    const five = seedTree("fix-a-distinct-pool", [" tunnel template 3-4", " tunnel template 3-6"]);
    expect(codes(lint(five, { model: "RTX1210" }))).not.toContain("TUNNELS_EXCEED_MODEL_LIMIT");
  });
});

describe("bad input", () => {
  it("names the line of a malformed address", () => {
    expect(() =>
      lint(seedTree("fix-c-twice-nat", ["outer 30 192.168.253.254", "outer 30 192.168.253.300"])),
    ).toThrow(/line 32: nat descriptor address outer: "192\.168\.253\.300"/);
  });
});

describe("real routers' dumps (/work/shared/configs)", () => {
  const dir = "/work/shared/configs";
  const dumps = fs.readdirSync(dir).filter((f) => f.endsWith(".txt"));

  it.each(dumps)("%s has no error finding", (name) => {
    // Line 1 of each file is a source note, not router output.
    const text = fs.readFileSync(path.join(dir, name), "utf8").split("\n").slice(1).join("\n");
    expect(lint(parseConfig(text)).filter((f) => f.severity === "error")).toEqual([]);
  });
});
