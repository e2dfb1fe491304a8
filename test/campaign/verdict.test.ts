// The campaign's judgement, checked on hand-made router states: a wrong verdict there would make every figure of
// the campaign wrong, and the campaign itself takes minutes.
import { exactLine, isSessionLine } from "./cases";
import { labCommandParts, labParts } from "./targets";
import {
  APPLY_STYLE,
  diagnosticsByResource,
  leakProblems,
  maskSecrets,
  PULUMI_STYLE,
  reportProblems,
  routerProblems,
  type Expected,
} from "./verdict";
import type { Run } from "./procs";

const START = [
  "ip lan1 address 192.168.11.250/24",
  "ip lan1 proxyarp on",
  "pp select anonymous",
  " pp auth username vpnuser1 old-pw",
  "tunnel select 2",
  " ipsec ike pre-shared-key 2 text old-psk",
  "",
].join("\n");
const INTENDED = [
  "ip route 10.1.0.0/16 gateway 192.168.11.1",
  "ip lan1 address 192.168.11.250/24",
  "pp select anonymous",
  " pp auth username someone new-pw",
  "tunnel select 2",
  " ipsec ike pre-shared-key 2 text new-psk",
  "nat descriptor type 30 nat",
  "nat descriptor address outer 30 192.168.253.254",
  "",
].join("\n");
const SECRETS = {
  "old password": "old-pw",
  "new password": "new-pw",
  "old key": "old-psk",
  "new key": "new-psk",
};
const whole: Expected = { start: START, intended: INTENDED };
const perResource: Expected = { ...whole, parts: labParts };

const kinds = (problems: { kind: string }[]) => problems.map((p) => p.kind);
const same = (config: string) => ({ running: config, saved: config });
const run = (code: number, output = ""): Run => ({
  code,
  stdout: output,
  stderr: "",
  timedOut: false,
  ms: 1,
});
/** START with `lines` added at the top (global lines sort anywhere; only the line set matters to a part). */
const startWith = (...lines: string[]) => `${lines.join("\n")}\n${START}`;

describe("router invariants", () => {
  test("as before or as intended, saved, is no problem; running != saved is", () => {
    expect(routerProblems(same(START), whole, SECRETS)).toEqual([]);
    expect(routerProblems(same(INTENDED), whole, SECRETS)).toEqual([]);
    expect(kinds(routerProblems({ running: INTENDED, saved: START }, whole, SECRETS))).toEqual([
      "running != saved",
    ]);
  });

  test("nvr apply is one transaction: any mix of before and intended is half-applied", () => {
    const mixed = startWith("ip route 10.1.0.0/16 gateway 192.168.11.1");
    expect(kinds(routerProblems(same(mixed), whole, SECRETS))).toEqual([
      "half-applied: neither as before nor as intended",
    ]);
  });

  test("pulumi up is judged per resource: whole resources applied are fine, half of one is not", () => {
    const routeOnly = startWith("ip route 10.1.0.0/16 gateway 192.168.11.1");
    expect(routerProblems(same(routeOnly), perResource, SECRETS)).toEqual([]);
    const halfNat = startWith("nat descriptor type 30 nat");
    const problems = routerProblems(same(halfNat), perResource, SECRETS);
    expect(kinds(problems)).toEqual(["half-applied: neither as before nor as intended"]);
    expect(problems[0].detail).toMatch(/^nat30 vs /);
  });

  test("the session's console lines left behind are reported, and whether they were saved", () => {
    const left = startWith("console lines infinity");
    expect(routerProblems({ running: left, saved: START }, whole, SECRETS)).toEqual([
      { kind: "running != saved", detail: "running vs saved: +console lines infinity" },
      { kind: "console leftover", detail: "console lines infinity" },
    ]);
    expect(routerProblems(same(left), whole, SECRETS)).toEqual([
      { kind: "console leftover", detail: "console lines infinity (saved)" },
    ]);
  });

  test("problem details name secrets instead of showing them", () => {
    const [p] = routerProblems({ running: INTENDED, saved: START }, whole, SECRETS);
    expect(p.detail).not.toMatch(/old-pw|new-pw|old-psk|new-psk/);
    expect(p.detail).toContain("<new password>");
  });
});

describe("the report matches the outcome", () => {
  const oldLines = [" pp auth username vpnuser1 old-pw", " ipsec ike pre-shared-key 2 text old-psk"].map(
    (l) => l.trim(),
  );
  const judge = (r: Run, config: string, expected = whole, style = APPLY_STYLE) =>
    kinds(reportProblems(r, same(config), expected, style, SECRETS, oldLines));

  test("exit 0 only with the intended config saved", () => {
    expect(judge(run(0), INTENDED)).toEqual([]);
    expect(judge(run(0), START)).toEqual(["success reported with the old secret"]);
    const oldKeyOnly = INTENDED.replace("new-psk", "old-psk");
    expect(judge(run(0), oldKeyOnly)).toEqual(["success reported with the old secret"]);
    expect(
      judge(run(0), startWith("ip route 10.1.0.0/16 gateway 192.168.11.1").replace(/old/g, "new")),
    ).toEqual(["success reported but not applied and saved"]);
  });

  test("a failure needs a message of our own, and a claim of 'as before' must be true", () => {
    expect(judge(run(1, "nvr apply: 127.0.0.1:2222: connection lost"), START)).toEqual([]);
    expect(judge(run(1, "Segmentation fault"), START)).toEqual(["failure without a message"]);
    const claim =
      "nvr apply: 127.0.0.1:2222: router said: Error\nrolled back: the router is as before; nothing saved";
    expect(judge(run(1, claim), START)).toEqual([]);
    expect(judge(run(1, claim), INTENDED)).toEqual(["claims as before but changed"]);
  });

  test("pulumi's claims are read per resource from the Diagnostics section", () => {
    const output = [
      "Diagnostics:",
      "  pulumi-nodejs:dynamic/nvr:NatDescriptor (nat30):",
      "    error: 127.0.0.1:2222: rolled back, nothing saved",
      "",
      "  pulumi:pulumi:Stack (lab-x):",
      "    error: update failed",
      "",
    ].join("\n");
    expect([...diagnosticsByResource(output).keys()]).toEqual(["nat30", "lab-x"]);
    const routeOnly = startWith("ip route 10.1.0.0/16 gateway 192.168.11.1");
    expect(judge(run(1, output), routeOnly, perResource, PULUMI_STYLE)).toEqual([]);
    const natApplied = startWith(
      "nat descriptor type 30 nat",
      "nat descriptor address outer 30 192.168.253.254",
    );
    expect(judge(run(1, output), natApplied, perResource, PULUMI_STYLE)).toEqual([
      "claims as before but changed",
    ]);
  });
});

describe("secrets", () => {
  test("a leak names the secret and where it was, never the value", () => {
    const problems = leakProblems({ "fault run stderr": "typed new-psk", "event log": "********" }, SECRETS);
    expect(problems).toEqual([{ kind: "secret leak", detail: "new key in fault run stderr" }]);
  });

  test("a secret containing another is masked whole", () => {
    expect(maskSecrets("pw-1-long", { short: "pw-1", long: "pw-1-long" })).toBe("<long>");
  });
});

describe("error cases", () => {
  test("each logged line becomes an exact, anchored regex; a masked secret matches any word", () => {
    const grep = new RegExp(exactLine("show config | grep console"));
    expect(grep.test("show config | grep console")).toBe(true);
    expect(grep.test("show config")).toBe(false);
    const user = new RegExp(exactLine("pp auth username someone ********"));
    expect(user.test("pp auth username someone vpn-Pw-1")).toBe(true);
    expect(user.test("pp auth username someone2 vpn-Pw-1")).toBe(false);
    expect(new RegExp(exactLine("show config")).test("show config | grep console")).toBe(false);
  });

  test("lines are attributed to the lab resource that sends them, select lines to the VPN", () => {
    const commands = [
      "nat descriptor type 40 nat",
      "pp select anonymous",
      "pp auth username someone ********",
      "pp select none",
      "tunnel select 2",
      "tunnel template 3-4",
      "tunnel select none",
      "ipsec transport template 2 3-4",
      "no ip lan1 proxyarp",
      "ip route 192.168.253.240/32 gateway 192.168.11.240",
    ];
    expect(labCommandParts(commands)).toEqual([
      "nat40",
      "vpn",
      "vpn",
      "vpn",
      "vpn",
      "vpn",
      "vpn",
      "vpn",
      "lan1",
      "fileserver",
    ]);
    expect(
      [
        "show config",
        "console lines infinity",
        "no console lines",
        "save",
        "quit",
        "pp select none",
        "tunnel select none",
      ].every(isSessionLine),
    ).toBe(true);
    expect(isSessionLine("administrator")).toBe(false);
  });
});
