import * as fs from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import { generateProgram, review } from "../../provider/review";
import { runProgram } from "../../provider/review/program";
import { secretConfig } from "./import-secrets";

// Generated programs import the SDK by package name; inside jest that name must reach this repository's SDK.
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"), { virtual: true });

const SEED = join(__dirname, "..", "fixtures", "seed");
// Inside the repository so the programs resolve @pulumi/pulumi from its node_modules.
const tmp = fs.mkdtempSync(join(__dirname, "fixtures", ".roundtrip-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The seed's final config with its DHCP reservation and option 121 route inside the scope (the resource's rules). */
const FIXED_SCOPE: [string, string][] = [
  ["dhcp scope bind 1 192.168.5.5", "dhcp scope bind 1 192.168.11.60"],
  ["c0,a8,05,05,00,c0,a8,05,01", "c0,a8,0b,fb,00,c0,a8,0b,fa"],
];

function seed(name: string, edits: [string, string][] = []): string {
  let text = fs.readFileSync(join(SEED, `${name}.conf`), "utf8");
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${name}.conf has no "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

describe("nvr import → nvr plan round trip on every seed config", () => {
  it.each([
    ["original", []],
    ["fix-a-distinct-pool", []],
    ["fix-b-pp-anonymous-nat", []],
    ["fix-c-twice-nat", []],
    ["fix-c-twice-nat with the scope fixed", FIXED_SCOPE],
    ["desc31-forward-nat", []],
  ] as [string, [string, string][]][])(
    "%s: the regenerated program plans no change",
    async (label, edits) => {
      const tree = parseConfig(seed(label.split(" ")[0], edits));
      const generated = generateProgram(tree);
      const dir = join(tmp, label.replace(/\W+/g, "-"));
      fs.mkdirSync(dir);
      fs.writeFileSync(join(dir, "index.ts"), generated.program);
      // The seed's secrets are placeholders; the program reads them from stack config as a user's would.
      const config = Object.fromEntries(
        generated.secrets.map((k) => [
          k,
          k.endsWith("PreSharedKey") ? "placeholder-key" : "placeholder-password",
        ]),
      );
      const run = await runProgram({ dir, config });
      expect(run.resources).toHaveLength(generated.resources.length);
      const report = review({ before: tree, resources: run.resources });
      expect(report.problems).toEqual([]);
      expect(report.resources.filter((r) => r.commands.length > 0)).toEqual([]);
      expect(report.diff.text).toBe("");
    },
  );

  it("with the scope inside its network every line of the seed's final config is expressed", () => {
    const generated = generateProgram(parseConfig(seed("fix-c-twice-nat", FIXED_SCOPE)));
    expect(generated.unexpressed).toEqual([]);
    expect(generated.unreadable).toEqual([]);
    expect(generated.program).toContain("// Every config line is expressed as a resource.");
  });

  it("expresses NAT on pp anonymous in fix B as the pool's natDescriptors", () => {
    const generated = generateProgram(parseConfig(seed("fix-b-pp-anonymous-nat")));
    expect(generated.unexpressed).toEqual([]);
    const start = generated.program.indexOf("new nvr.L2tpAnonymousPool(");
    const pool = generated.program.slice(start, generated.program.indexOf("});", start) + 3);
    expect(pool).toContain("natDescriptors: { forward: [20], reverse: [] },");
    expect(pool).not.toContain("dependsOn");
  });
});

describe("nvr import → nvr plan round trip on every real dump", () => {
  const DUMPS = "/work/shared/configs";
  it.each(fs.readdirSync(DUMPS).filter((f) => f.endsWith(".txt")))(
    "%s: typed resources and ConfigLines plan no change",
    async (name) => {
      // Line 1 is a source note, not router output.
      const text = fs.readFileSync(join(DUMPS, name), "utf8").split("\n").slice(1).join("\n");
      const tree = parseConfig(text);
      const generated = generateProgram(tree);
      const dir = join(tmp, name.replace(/\W+/g, "-"));
      fs.mkdirSync(dir);
      fs.writeFileSync(join(dir, "index.ts"), generated.program);
      // The user's `pulumi config set --secret` values: the config's own.
      const run = await runProgram({ dir, config: secretConfig(tree, generated.secretSources) });
      expect(run.maskedSecrets).toEqual([]);
      expect(run.resources).toHaveLength(generated.resources.length);
      const report = review({ before: tree, resources: run.resources });
      expect(report.problems).toEqual([]);
      expect(report.resources.filter((r) => r.commands.length > 0)).toEqual([]);
      expect(report.diff.text).toBe("");
    },
  );
});
