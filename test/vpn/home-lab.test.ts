import * as fs from "fs";
import * as path from "path";
import { parseChecks } from "../../cli/commands/plan";
import { parseConfig } from "../../provider/config/parse";
import { review } from "../../provider/review";
import { designOverlapSafeVpn } from "../../provider/vpn";
import { SEED_INPUTS } from "./seed-inputs";

const HOME_LAB = path.join(__dirname, "..", "..", "examples", "home-lab");
const ORIGINAL = fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed", "original.conf"), "utf8");

describe("home-lab: the design planned against the seed's original router", () => {
  const claims = parseChecks(fs.readFileSync(path.join(HOME_LAB, "checks.yaml"), "utf8"), "checks.yaml");
  const report = review({
    before: parseConfig(ORIGINAL),
    resources: designOverlapSafeVpn(SEED_INPUTS).resources.map((r) => ({
      kind: r.kind,
      name: r.name,
      inputs: r.args,
      adopt: true,
    })),
    claims,
    model: "NVR510",
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
      resources: designOverlapSafeVpn(SEED_INPUTS).resources.map((r) => ({
        kind: r.kind,
        name: r.name,
        inputs: r.args,
        adopt: false,
      })),
    });
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^L2tpAnonymousPool pp-anonymous: the router already has pp anonymous/),
        expect.stringMatching(/^DhcpScope dhcp-scope-1: the router already has dhcp scope 1/),
      ]),
    );
  });
});
