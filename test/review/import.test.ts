import * as fs from "fs";
import { join } from "path";
import { detectSource, parseConfig } from "../../provider/config/parse";
import { secretIn } from "../../provider/secrets";
import { secretConfig, secretsOfLine } from "./import-secrets";
import { generateProgram, review } from "../../provider/review";
import { runProgram, type ProgramRun } from "../../provider/review/program";

// Generated programs import the SDK by package name; inside jest that name must reach this repository's SDK.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"), { virtual: true });

const FINAL = join(__dirname, "..", "fixtures", "seed", "fix-c-twice-nat.conf");
const final = () => parseConfig(fs.readFileSync(FINAL, "utf8"));
/** As `nvr import --from` reads a file: its source (show config or config file) detected. */
const readConfigText = (text: string) => parseConfig(text, { source: detectSource(text) });
// Inside the repository so the program resolves @pulumi/pulumi from its node_modules.
const tmp = fs.mkdtempSync(join(__dirname, "fixtures", ".import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("generateProgram", () => {
  const result = generateProgram(final(), { source: "fix-c-twice-nat.conf" });

  it("adopts one resource per supported object, in a fixed order, then ConfigLines for the rest", () => {
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
      'ConfigLines config lines: ["dhcp scope 1","dhcp scope bind 1 192.168.5.5","dhcp scope option 1"]',
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

  it("puts what the typed kinds cannot read into ConfigLines: the seed's DHCP scope with its option 121 gateway outside", () => {
    expect(result.unreadable).toEqual([
      {
        identity: "dhcp scope 1",
        reason: expect.stringMatching(/gateway: 192\.168\.5\.5 .*outside the scope/),
      },
    ]);
    expect(result.unexpressed).toEqual([]);
    expect(result.program).toContain('    "dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:cc:dd:ee",\n');
    expect(result.counts).toEqual({ lines: 42, typed: 39, configLines: 3 });
    expect(result.program).toContain(
      "// 42 config lines: 39 in typed resources, 3 in ConfigLines, 0 not expressed.",
    );
  });

  it("is deterministic", () => {
    expect(generateProgram(final(), { source: "fix-c-twice-nat.conf" }).program).toBe(result.program);
  });

  it("adopts no interface that holds only lines no kind models: the line goes to ConfigLines", () => {
    const tree = parseConfig("ip lan1 address 192.168.11.1/24\nip lan3 mtu 1400\n");
    const generated = generateProgram(tree);
    expect(generated.resources.map((r) => r.identity)).toEqual(["lan1", 'config lines: ["ip lan3 mtu"]']);
    expect(generated.unexpressed).toEqual([]);
  });
});

const DUMPS = "/work/shared/configs";
/** A shared dump without its source note, which is not router output. */
const dump = (name: string) => fs.readFileSync(join(DUMPS, name), "utf8").split("\n").slice(1).join("\n");

describe("nvr import on the real dumps", () => {
  const names = fs.readdirSync(DUMPS).filter((f) => f.endsWith(".txt"));

  it.each(names)("%s: no secret value of the config is in the program; each has a config key", (name) => {
    const tree = parseConfig(dump(name));
    const generated = generateProgram(tree);
    const all = tree.items.flatMap((i) => (i.type === "line" ? [i.line] : i.block.lines));
    // A value the config also prints as a plain word elsewhere (the RTX830's PSK is also its L2TP end-id) is not
    // a secret there.
    const plain = new Set(all.filter((l) => secretIn(l.text) === undefined).flatMap((l) => l.tokens));
    const values = all
      .filter((l) => secretIn(l.text) === "clear")
      .flatMap((l) => secretsOfLine(l.text))
      .filter((v) => !plain.has(v.trim()));
    expect(values.length).toBeGreaterThanOrEqual(0);
    for (const v of values) expect(generated.program).not.toContain(v.trim());
    expect(Object.keys(secretConfig(tree, generated.secretSources)).sort()).toEqual(
      [...generated.secrets].sort(),
    );
    expect(generated.counts.typed + generated.counts.configLines + generated.unexpressed.length).toBe(
      generated.counts.lines,
    );
  });

  it("writes a secret line of ConfigLines (environment variable, RADIUS secret, SNMP community) as a template over stack config, with a masked hint", () => {
    const tree = parseConfig(
      "ip lan1 address 192.168.100.1/24\nset PP1=user:s3cret-value\nradius secret r4dius-Secret\nsnmp community read-write c0mmunity-Rw\n",
    );
    const generated = generateProgram(tree);
    expect(generated.program).toContain(
      'secretLines: [pulumi.interpolate`set PP1=${config.requireSecret("linesSetSecret1")}`],',
    );
    expect(generated.program).toContain(
      "//   pulumi config set --secret linesSetSecret1 <value>  (set PP1=********)",
    );
    expect(generated.program).toContain(
      'pulumi.interpolate`radius secret ${config.requireSecret("linesRadiusSecret1")}`',
    );
    expect(generated.program).toContain(
      'pulumi.interpolate`snmp community read-write ${config.requireSecret("linesSnmpSecret1")}`',
    );
    expect(generated.program).not.toMatch(/s3cret-value|r4dius-Secret|user:s3cret|c0mmunity-Rw/);
    expect(secretConfig(tree, generated.secretSources)).toEqual({
      linesSetSecret1: "user:s3cret-value",
      linesRadiusSecret1: "r4dius-Secret",
      linesSnmpSecret1: "c0mmunity-Rw",
    });
  });

  it("leaves a secret the router printed as * unmanaged, saying why", () => {
    const generated = generateProgram(parseConfig(dump("rtx1500-nat-dhcp-serial.txt")));
    expect(generated.unexpressed).toEqual([
      expect.objectContaining({
        text: "login password encrypted *",
        reason: expect.stringMatching(/prints this secret as \*/),
      }),
      expect.objectContaining({ text: "administrator password encrypted *" }),
    ]);
  });

  it("reads a saved config file with its own indentation and select none lines (RTX1300 style)", () => {
    const file = [
      "# RTX1300 Rev.23.00.05 (Fri Jun 30 10:00:00 2023)",
      "ip lan1 address 192.168.100.1/24",
      "  ip lan1 proxyarp on",
      "tunnel select 1",
      " tunnel encapsulation ipip",
      " tunnel endpoint address 192.0.2.1 198.51.100.1",
      " tunnel enable 1",
      "tunnel select none",
      "  ip route default gateway tunnel 1",
      "dns server 192.168.100.1",
      "embedded file 1 <<EOF",
      "  local x = 1",
      "EOF",
    ].join("\n");
    const generated = generateProgram(readConfigText(file));
    // A heredoc is more than one line: it stays unmanaged, said why.
    expect(generated.unexpressed).toEqual([
      { line: 11, text: "embedded file 1 <<EOF", reason: expect.stringMatching(/heredoc/) },
    ]);
    expect(generated.resources.map((r) => `${r.kind} ${r.identity}`)).toEqual(
      expect.arrayContaining([
        "LanInterface lan1",
        "StaticRoute ip route default",
        "IpsecSiteTunnel tunnel 1",
      ]),
    );
    expect(generated.counts).toMatchObject({ lines: 8 });
  });

  it("rejoins a line the console wrapped at 79 columns", () => {
    const long = `ip filter 10 pass 192.168.100.0/24,192.168.101.0/24,192.168.102.0/24 * tcp * www,443,8080`;
    const shown = `${long.slice(0, 79)}\n${long.slice(79)}\nip lan1 address 192.168.100.1/24\n`;
    const generated = generateProgram(readConfigText(shown));
    expect(generated.resources.map((r) => r.identity)).toEqual(["lan1", "ip filter 10"]);
    expect(generated.program).toContain('destinationPort: "www,443,8080"');
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
    expect(report.resources).toHaveLength(11);
    expect(report.problems).toEqual([]);
    expect(report.resources.filter((r) => r.commands.length > 0)).toEqual([]);
    expect(report.diff.text).toBe("");
  });
});
