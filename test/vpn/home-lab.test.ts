import * as fs from "fs";
import { toModel } from "../../provider/resources/names";
import * as path from "path";
import { parseChecks } from "../../cli/commands/plan";
import { parseConfig } from "../../provider/config/parse";
import { type DeclaredResource, review } from "../../provider/review";
import { runProgram } from "../../provider/review/program";
import { designOverlapSafeVpn } from "../../provider/vpn";
import { SEED_INPUTS } from "./seed-inputs";

// Jest resolves modules itself, past runProgram's alias to the SDK source; point the package name there too
// (the real SDK, not a stand-in: otherwise the program would load whatever dist/ was last built).
jest.mock("pulumi-yamaha-nvr", () => jest.requireActual("../../sdk"));

const REPO = path.join(__dirname, "..", "..");
const HOME_LAB = path.join(REPO, "examples", "home-lab");
const ORIGINAL = fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed", "original.conf"), "utf8");

/** Stack config for the example: placeholder secrets, as `pulumi config set --secret` would hold them. */
const CONFIG = {
  ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`vpnPassword${n}`, `placeholder-${n}`])),
  vpnPreSharedKey: "placeholder-pre-shared-key",
};

describe("examples/home-lab run through the root Pulumi.yaml, planned against the seed's original router", () => {
  let resources: DeclaredResource[];
  let report: ReturnType<typeof review>;
  const claims = parseChecks(fs.readFileSync(path.join(HOME_LAB, "checks.yaml"), "utf8"), "checks.yaml");

  beforeAll(async () => {
    const run = await runProgram({ dir: REPO, config: CONFIG });
    expect(run.project).toBe("home-lab");
    resources = run.resources;
    report = review({ before: parseConfig(ORIGINAL), resources, claims, model: "NVR510" });
  });

  it("declares exactly the design for the seed's network", () => {
    const design = designOverlapSafeVpn(SEED_INPUTS).resources;
    expect(resources.map((r) => r.name).sort()).toEqual(design.map((r) => `home-lab-${r.name}`).sort());
    for (const r of design) {
      const declared = resources.find((d) => d.name === `home-lab-${r.name}`)!;
      expect(declared.adopt).toBe(true);
      // The program reads the secrets from stack config; everything else is the design's.
      const secrets =
        r.kind === "L2tpAnonymousPool"
          ? {
              users: (r.args.users as { name: string }[]).map((u, i) => ({
                name: u.name,
                password: `placeholder-${i + 1}`,
              })),
              preSharedKey: "placeholder-pre-shared-key",
            }
          : {};
      expect(toModel(r.kind, declared.inputs)).toEqual({ ...r.args, ...secrets });
    }
  });

  it("has every checks.yaml claim hold on the result", () => {
    expect(claims.length).toBeGreaterThanOrEqual(5);
    expect(report.claims.filter((c) => !c.passed)).toEqual([]);
  });

  it("plans without problems or lint errors", () => {
    expect(report.problems).toEqual([]);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.failed).toBe(false);
  });

  it("removes the original design's proxy ARP and DHCP pool, serving lan1 by relay", () => {
    const removed = report.diff.removed.map((l) => l.trim());
    expect(removed).toEqual(
      expect.arrayContaining(["ip lan1 proxyarp on", "ip pp remote address pool dhcp"]),
    );
    expect(report.diff.added.map((l) => l.trim())).toEqual(
      expect.arrayContaining([
        "ip lan1 dhcp service relay 192.168.1.51",
        "ip lan1 nat descriptor reverse 30",
      ]),
    );
  });

  it("refuses to take over the seed's existing pp anonymous and scope without adopt", () => {
    const refused = review({
      before: parseConfig(ORIGINAL),
      resources: resources.map((r) => ({ ...r, adopt: false })),
    });
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^L2tpAnonymousPool home-lab-pp-anonymous: the router already has pp anonymous/,
        ),
        expect.stringMatching(/^DhcpScope home-lab-dhcp-scope-1: the router already has dhcp scope 1/),
      ]),
    );
  });
});
