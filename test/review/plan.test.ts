import { readFileSync } from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import type { ConfigTree } from "../../provider/config/model";
import { formatReview, review, type Claim, type DeclaredResource } from "../../provider/review";
import { runProgram, type ProgramRun } from "../../provider/review/program";
import { SEED_FINAL_ADDED } from "./seed-final-lines";

// The fixture imports the SDK by package name as a user's program does; inside jest that name must reach this
// repository's SDK sources (the CLI does the same with a resolver alias), not an unbuilt dist/.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"), { virtual: true });

const PROGRAM = join(__dirname, "fixtures", "seed-final");
const START = join(__dirname, "..", "..", "simulator", "fixtures", "seed-start.conf");
const start = (): ConfigTree => parseConfig(readFileSync(START, "utf8"), { source: "show" });

const reachClaim = (expect: "reachable" | "unreachable", via?: string): Claim => ({
  type: "reach",
  name: `file server ${expect}`,
  clientLan: "192.168.11.0/24",
  service: { ip: "192.168.11.240", proto: "tcp", port: 445 },
  expect,
  ...(via ? { via } : {}),
});

let run: ProgramRun;
beforeAll(async () => {
  // Real secret values through --config: the plan compares them, the output must never show them.
  run = await runProgram({
    dir: PROGRAM,
    stack: "dev",
    config: { userPassword: "s3cret-user-pw", preSharedKey: "example-psk" },
  });
});

describe("runProgram (Pulumi program under mocks)", () => {
  it("collects every NVR resource with its kind, model inputs and adopt flag", () => {
    expect(run.project).toBe("seed-final");
    const names = run.resources.map((r) => `${r.kind}:${r.name}`).sort();
    expect(names).toEqual(
      [
        "DhcpScope:scope1",
        "GlobalSwitch:dhcp-service",
        "GlobalSwitch:ipsec-refresh",
        "GlobalSwitch:l2tp-service",
        "GlobalSwitch:rfc2131",
        "L2tpAnonymousPool:vpn",
        "LanInterface:lan1",
        "LanInterface:lan2",
        "NatDescriptor:nat30",
        "NatDescriptor:nat40",
        "StaticRoute:file-server-alias",
      ].sort(),
    );
    const nat30 = run.resources.find((r) => r.name === "nat30")!;
    // The SDK's `descriptor` is the model's `id`; the SDK's own inputs (commands, router, __provider) are dropped.
    expect(nat30.inputs).toMatchObject({ descriptor: 30, type: "nat", outer: ["192.168.253.254"] });
    expect(Object.keys(nat30.inputs)).not.toEqual(
      expect.arrayContaining(["commands", "__provider", "descriptor"]),
    );
    const vpn = run.resources.find((r) => r.name === "vpn")!;
    expect(vpn.adopt).toBe(true);
    expect(nat30.adopt).toBe(false);
    // Secrets arrive unwrapped for planning.
    expect(vpn.inputs.preSharedKey).toBe("example-psk");
  });

  it("reads stack config from Pulumi.<stack>.yaml, masking secure values it cannot decrypt", () => {
    expect(run.config["nvr:model"]).toBe("NVR510");
    // A secure value stays masked in what is shown, though the program got the --config value.
    expect(run.config["seed-final:userPassword"]).toBe("********");
    const vpn = run.resources.find((r) => r.name === "vpn")!;
    expect(vpn.inputs.users).toEqual([
      { name: "someone@somewhere", password: "s3cret-user-pw" },
      { name: "someone2@somewhere2", password: "s3cret-user-pw" },
      { name: "someone3@somewhere3", password: "s3cret-user-pw" },
    ]);
  });
});

describe("review of the seed's final network against its starting network", () => {
  const report = () =>
    review({
      before: start(),
      resources: run.resources,
      claims: [reachClaim("reachable", "192.168.253.240")],
    });

  it("diffs the NVR lines: the final config's lines added, proxyarp and the lan1 DHCP server removed", () => {
    const { diff } = report();
    expect(diff.added).toEqual(expect.arrayContaining(SEED_FINAL_ADDED));
    expect(diff.removed).toEqual([
      "ip lan1 proxyarp on",
      "ip lan1 dhcp service server",
      " pp bind tunnel2",
      " pp auth username vpnuser1 ********",
      " ip pp remote address pool dhcp",
    ]);
    // the pre-shared key equals the router's: no change to that line
    expect(diff.text).not.toMatch(/^[+-].*pre-shared-key/m);
    expect(diff.text.startsWith("--- before\n+++ after\n@@ -1,")).toBe(true);
  });

  it("passes: no problems, no lint errors, the overlapping client reaches the file server via its alias", () => {
    const r = report();
    expect(r.problems).toEqual([]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.claims).toEqual([expect.objectContaining({ passed: true })]);
    expect(r.failed).toBe(false);
  });

  it("never shows a secret: the user password in every format", () => {
    const r = report();
    const everything = [
      formatReview(r, "text"),
      formatReview(r, "markdown"),
      JSON.stringify(r.resources),
    ].join("\n");
    expect(everything).not.toContain("s3cret-user-pw");
    expect(everything).toContain("pp auth username someone@somewhere ********");
  });

  it("plans each resource against what the ones before it left, in a fixed order", () => {
    const first = report();
    const shuffled = review({ before: start(), resources: [...run.resources].reverse() });
    expect(shuffled.resources.map((p) => p.name)).toEqual(first.resources.map((p) => p.name));
    const lan1 = first.resources.find((p) => p.name === "lan1")!;
    expect(lan1.commands.map((c) => c.command)).toEqual([
      "no ip lan1 proxyarp",
      "ip lan1 nat descriptor reverse 30",
      "ip lan1 dhcp service relay 192.168.1.51",
    ]);
    expect(first.resources.find((p) => p.name === "dhcp-service")!.commands).toEqual([]);
  });

  it("fails when a declared check fails", () => {
    const r = review({ before: start(), resources: run.resources, claims: [reachClaim("unreachable")] });
    expect(r.claims[0]).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^reachable via 192\.168\.253\.240/),
    });
    expect(r.failed).toBe(true);
    const wrongAlias = review({
      before: start(),
      resources: run.resources,
      claims: [reachClaim("reachable", "192.168.11.240")],
    });
    expect(wrongAlias.claims[0].passed).toBe(false);
  });

  it("without the change the overlapping client cannot reach the file server", () => {
    const r = review({ before: start(), resources: [], claims: [reachClaim("reachable")] });
    expect(r.diff.text).toBe("");
    expect(r.claims[0]).toMatchObject({ passed: false, detail: expect.stringMatching(/^not reachable/) });
  });

  it("fails on a lint error in the result and marks whether the change introduced it", () => {
    const text = readFileSync(START, "utf8").replace(
      "ip lan2 address 192.168.1.51/24\n",
      "ip lan2 address 192.168.1.51/24\nip route 192.168.9.0/24 gateway 192.168.11.250\n",
    );
    const r = review({ before: parseConfig(text, { source: "show" }), resources: run.resources });
    const f = r.findings.find((x) => x.code === "ROUTE_GATEWAY_IS_ROUTER");
    expect(f).toMatchObject({
      severity: "error",
      introduced: false,
      lines: ["ip route 192.168.9.0/24 gateway 192.168.11.250"],
    });
    expect(r.failed).toBe(true);
    // Dropping lan1's reverse NAT while the DHCP server moves back to lan1 is introduced by the change.
    const lan1 = run.resources.find((x) => x.name === "lan1")!;
    const serverBehindNat: DeclaredResource = {
      ...lan1,
      inputs: { ...lan1.inputs, dhcp: { mode: "server" } },
    };
    const introduced = review({
      before: start(),
      resources: run.resources.map((x) => (x === lan1 ? serverBehindNat : x)),
    }).findings.find((x) => x.code === "DHCP_SERVER_BEHIND_REVERSE_NAT");
    expect(introduced).toMatchObject({ severity: "error", introduced: true });
  });

  it("reports a resource that would be refused (existing lines, no adopt) and invalid inputs by property", () => {
    const nat30 = run.resources.find((x) => x.name === "nat30")!;
    const before = parseConfig(`${readFileSync(START, "utf8")}nat descriptor type 30 masquerade\n`, {
      source: "show",
    });
    const r = review({
      before,
      resources: [nat30, { ...nat30, name: "bad", inputs: { ...nat30.inputs, id: 0 } }],
    });
    expect(r.problems).toEqual([
      "NatDescriptor bad: id: must be 1..2147483647",
      "NatDescriptor nat30: the router already has nat descriptor 30 (nat descriptor type 30 masquerade); set adopt: true to take it over",
    ]);
    expect(r.failed).toBe(true);
  });

  it("reports a router object two resources declare (two descriptors of one number, a route in a table and a StaticRoute), as up would refuse it", () => {
    const nat30 = run.resources.find((x) => x.name === "nat30")!;
    const alias = run.resources.find((x) => x.name === "file-server-alias")!;
    const network = String(alias.inputs.network);
    const bare = network.replace(/\/32$/, "");
    const table: DeclaredResource = {
      kind: "StaticRoutes",
      name: "hosts",
      // the same route as a bare address, and one nobody else declares
      inputs: {
        name: "hosts",
        routes: [
          { network: bare, gateways: ["192.168.11.9"] },
          { network: "192.168.99.0/24", gateways: ["192.168.11.9"] },
        ],
      },
      adopt: false,
    };
    const r = review({
      before: start(),
      resources: [...run.resources, { ...nat30, name: "nat30-again" }, table],
    });
    expect(r.problems).toEqual([
      `NatDescriptor nat30-again: NatDescriptor nat descriptor 30 is also declared by NatDescriptor nat30; pulumi up refuses the second: one router object is one resource, or deleting either would remove it from under the other`,
      `StaticRoutes hosts: StaticRoute ip route ${network} is also declared by StaticRoute file-server-alias; pulumi up refuses the second: one router object is one resource, or deleting either would remove it from under the other`,
    ]);
    expect(r.failed).toBe(true);
    // the program as written declares each object once
    expect(review({ before: start(), resources: run.resources }).problems).toEqual([]);
  });

  it("formats Markdown for a pull-request comment: fenced diff, tables for findings and checks", () => {
    const md = formatReview(report(), "markdown");
    expect(md).toMatch(/^### nvr plan: ✅ passes/);
    expect(md).toContain("```diff\n--- before\n+++ after\n");
    expect(md).toMatch(/^\+ip lan2 nat descriptor 40$/m);
    expect(md).toContain(
      "| Result | Check | Detail |\n| --- | --- | --- |\n| ✅ pass | file server reachable |",
    );
    const text = formatReview(report(), "text");
    expect(text).toMatch(/^ {2}PASS file server reachable: reachable via 192\.168\.253\.240/m);
    expect(text).toMatch(/result: ok\n$/);
  });
});
