import * as fs from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import { generateProgram, review } from "../../provider/review";
import { runProgram, type ProgramRun } from "../../provider/review/program";

// Generated programs import the SDK by package name; inside jest that name must reach this repository's SDK.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"), { virtual: true });

const FINAL = join(__dirname, "..", "fixtures", "seed", "fix-c-twice-nat.conf");
const final = () => parseConfig(fs.readFileSync(FINAL, "utf8"));
// Inside the repository so the program resolves @pulumi/pulumi from its node_modules.
const tmp = fs.mkdtempSync(join(__dirname, "fixtures", ".import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("generateProgram", () => {
  const result = generateProgram(final(), { source: "fix-c-twice-nat.conf" });

  it("adopts one resource per supported object, in a fixed order", () => {
    expect(result.resources.map((r) => `${r.kind} ${r.identity}`)).toEqual([
      "NatDescriptor nat descriptor 30",
      "NatDescriptor nat descriptor 40",
      "LanInterface lan1",
      "LanInterface lan2",
      "StaticRoute ip route 192.168.253.240/32",
      "L2tpAnonymousPool pp anonymous",
      "GlobalSwitch dhcp service",
      "GlobalSwitch dhcp server rfc2131 compliant",
      "GlobalSwitch l2tp service",
      "GlobalSwitch ipsec auto refresh",
    ]);
    expect(result.program.match(/^\s*adopt: true,$/gm)).toHaveLength(result.resources.length);
    expect(result.program).toContain('import * as nvr from "pulumi-yamaha-nvr";');
    expect(result.program).toContain('new nvr.NatDescriptor("nat-descriptor-30", {');
    // The provider orders a batch by stage, so the generated program waits on nothing (one save per up).
    expect(result.program).not.toContain("dependsOn");
  });

  it("replaces secrets with requireSecret references and never prints them", () => {
    expect(result.secrets).toEqual([
      "ppAnonymousUsers0Password",
      "ppAnonymousUsers1Password",
      "ppAnonymousUsers2Password",
      "ppAnonymousPreSharedKey",
    ]);
    expect(result.program).toContain(
      '      name: "someone@somewhere",\n      password: config.requireSecret("ppAnonymousUsers0Password"),\n',
    );
    expect(result.program).toContain(
      "//   pulumi config set --secret ppAnonymousUsers0Password <value>  (users: someone@somewhere)\n",
    );
    expect(result.program).toContain('preSharedKey: config.requireSecret("ppAnonymousPreSharedKey"),');
    expect(result.program).not.toMatch(/placeholder-(password|key)/);
  });

  it("lists the lines it cannot express: the seed's DHCP scope, whose option 121 gateway the resource refuses", () => {
    expect(result.unreadable).toEqual([
      {
        identity: "dhcp scope 1",
        reason: expect.stringMatching(/gateway: 192\.168\.5\.5 .*outside the scope/),
      },
    ]);
    expect(result.unexpressed.map((u) => u.text)).toEqual([
      "dhcp scope 1 192.168.11.2-192.168.11.63/24",
      "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:cc:dd:ee",
      "dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
    ]);
    expect(result.program).toMatch(
      /^\/\/ {3}line 45: dhcp scope bind 1 192\.168\.5\.5 ethernet 00:30:f5:cc:dd:ee$/m,
    );
  });

  it("is deterministic", () => {
    expect(generateProgram(final(), { source: "fix-c-twice-nat.conf" }).program).toBe(result.program);
  });

  it("lists unsupported lines of another router with their context, secrets masked", () => {
    const dump = fs.readFileSync("/work/shared/configs/rtx830-l2tpv3-ipsec-initiator.txt", "utf8");
    const other = generateProgram(parseConfig(dump.split("\n").slice(1).join("\n")));
    const texts = other.unexpressed.map((u) => u.text);
    expect(texts).toContain("[tunnel 1] ipsec ike pre-shared-key 1 text ********");
    expect(texts).toEqual(
      expect.arrayContaining(["console character ja.utf8", "bridge member bridge1 lan1 tunnel1"]),
    );
    expect(other.program).toMatch(/^\/\/ {3}line \d+: bridge member bridge1 lan1 tunnel1$/m);
    expect(other.program).not.toMatch(/pre-shared-key 1 text yamaha/);
    expect(other.unexpressed.every((u) => Number.isInteger(u.line) && u.line > 0)).toBe(true);
  });

  it("adopts no interface that holds only lines no kind models", () => {
    const tree = parseConfig("ip lan1 address 192.168.11.1/24\nip lan3 mtu 1400\n");
    const generated = generateProgram(tree);
    expect(generated.resources.map((r) => r.identity)).toEqual(["lan1"]);
    expect(generated.unexpressed).toEqual([{ line: 2, text: "ip lan3 mtu 1400" }]);
  });
});

describe("import → plan round trip", () => {
  let run: ProgramRun;
  beforeAll(async () => {
    fs.writeFileSync(join(tmp, "index.ts"), generateProgram(final()).program);
    run = await runProgram({
      dir: tmp,
      config: {
        ppAnonymousUsers0Password: "placeholder-password",
        ppAnonymousUsers1Password: "placeholder-password",
        ppAnonymousUsers2Password: "placeholder-password",
        ppAnonymousPreSharedKey: "placeholder-key",
      },
    });
  });

  it("the regenerated program's plan against the same config is empty", () => {
    const report = review({ before: final(), resources: run.resources });
    expect(report.resources).toHaveLength(10);
    expect(report.problems).toEqual([]);
    expect(report.resources.filter((r) => r.commands.length > 0)).toEqual([]);
    expect(report.diff.text).toBe("");
  });
});
