// Upgrading a stack made before 0.2 (OverlapSafeVpn's host routes as one StaticRoute child per host) to the
// StaticRoutes table, with the real Pulumi CLI against nvr-sim, as docs/upgrading.md tells it: export the stack,
// `nvr upgrade-state`, import it, `pulumi up`. The routes stay on the router throughout, the up sends nothing, and
// destroy still returns the router to where the stack started. Without the upgrade, an up keeps the routes too.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Simulator } from "../../simulator";
import { REPO_ROOT } from "./harness";
import { configCommands, handEdit, Stack, startSeedRouter, upgradeFixtureStack } from "./lab";

jest.setTimeout(600_000);

const ROUTES = [
  "ip route 192.168.253.240/32 gateway 192.168.11.240",
  "ip route 192.168.253.241/32 gateway 192.168.11.241",
];

interface Exported {
  deployment: { resources: { urn: string; type: string; outputs?: Record<string, unknown> }[] };
}

const routeLines = (config: string) =>
  config.split("\n").filter((l) => l.startsWith("ip route 192.168.253."));

/** An old-shape stack up on a fresh seed router: the routes are there, as StaticRoute children. */
async function oldStack(prefix: string): Promise<{ sim: Simulator; stack: Stack; start: string }> {
  const sim = await startSeedRouter();
  const start = sim.runningConfig();
  const stack = await upgradeFixtureStack(sim, prefix, "old");
  await stack.run("up", "--yes", "--skip-preview");
  expect(routeLines(sim.savedConfig())).toEqual(ROUTES);
  const types = (JSON.parse((await stack.run("stack", "export")).stdout) as Exported).deployment.resources
    .filter((r) => r.urn.includes("::office-route-") || r.urn.endsWith("::office-host-routes"))
    .map((r) => r.type.replace("pulumi-nodejs:dynamic/", ""));
  expect(types).toEqual(["nvr:StaticRoute", "nvr:StaticRoute"]);
  return { sim, stack, start };
}

describe("upgrading OverlapSafeVpn's host routes from StaticRoute children to the StaticRoutes table", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  test("export → nvr upgrade-state → import → up sends nothing; then a drift and one more host each show and send one line; destroy restores", async () => {
    const { sim, stack, start } = await oldStack("upgrade");
    cleanup.push(async () => {
      await stack.remove();
      await sim.stop();
    });
    const exported = path.join(stack.tmp, "before.json");
    const upgraded = path.join(stack.tmp, "after.json");
    await stack.run("stack", "export", "--file", exported);
    const report = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, "dist", "cli", "nvr.js"), "upgrade-state", exported, "--out", upgraded],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(report).toBe("");
    const table = (JSON.parse(fs.readFileSync(upgraded, "utf8")) as Exported).deployment.resources.filter(
      (r) => r.urn.includes("::office-route-") || r.urn.endsWith("::office-host-routes"),
    );
    expect(table.map((r) => r.type)).toEqual(["pulumi-nodejs:dynamic/nvr:StaticRoutes"]);
    expect(table[0].outputs?.routes).toBe(`${ROUTES.join("\n")}\n`);
    await stack.run("stack", "import", "--file", upgraded);

    await stack.run("config", "set", "upgrade:shape", "new");
    await stack.run("preview", "--expect-no-changes");
    sim.clearEvents();
    const up = await stack.run("up", "--yes", "--skip-preview");
    expect(configCommands(sim)).toEqual([]);
    expect(up.stdout).not.toMatch(/[+-] \d+ to (create|delete)|\d+ (created|deleted)/);
    expect(routeLines(sim.runningConfig())).toEqual(ROUTES);
    expect(routeLines(sim.savedConfig())).toEqual(ROUTES);
    await stack.run("refresh", "--yes", "--skip-preview", "--expect-no-changes");

    // A hand edit of one route: refresh takes it, and the preview shows that line going back.
    await handEdit(sim, ["ip route 192.168.253.241/32 gateway 192.168.11.9"]);
    await stack.run("refresh", "--yes", "--skip-preview");
    const drift = (await stack.run("preview", "--diff")).stdout;
    expect(drift).toMatch(
      /^\s+- ip route 192\.168\.253\.241\/32 gateway 192\.168\.11\.9\n\s+\+ ip route 192\.168\.253\.241\/32 gateway 192\.168\.11\.241$/m,
    );
    sim.clearEvents();
    await stack.run("up", "--yes", "--skip-preview");
    expect(configCommands(sim)).toEqual([ROUTES[1]]);

    // Publishing one more host: the preview shows that route's line alone, and the up sends it alone.
    await stack.run("config", "set", "upgrade:scanner", "true");
    const preview = (await stack.run("preview", "--diff")).stdout;
    const scanner = "ip route 192.168.253.242/32 gateway 192.168.11.242";
    const changed = preview.split("\n").filter((l) => /^\s+[-+] /.test(l) && l.includes("ip route"));
    // `plan` (the lines to send) and `routes` (the table's lines) each show the new route, and nothing else changes.
    expect(changed.map((l) => l.replace(/^\s+[-+] +(\[0\]: )?/, "").replace(/"/g, ""))).toEqual([
      scanner,
      scanner,
    ]);
    sim.clearEvents();
    await stack.run("up", "--yes", "--skip-preview");
    expect(configCommands(sim)).toEqual([scanner]);

    await stack.run("destroy", "--yes", "--skip-preview");
    expect(sim.runningConfig()).toBe(start);
    expect(sim.savedConfig()).toBe(start);
  });

  test("an up without the upgrade never removes the routes: the old children's deletes leave them to the table", async () => {
    const { sim, stack } = await oldStack("noupgrade");
    cleanup.push(async () => {
      await stack.remove();
      await sim.stop();
    });
    await stack.run("config", "set", "upgrade:shape", "new");
    sim.clearEvents();
    // The component takes lines over (adopt), so the table's create adopts the routes its old children made.
    await stack.run("up", "--yes", "--skip-preview");
    expect(configCommands(sim).filter((c) => c.startsWith("no ip route"))).toEqual([]);
    expect(routeLines(sim.runningConfig())).toEqual(ROUTES);
    expect(routeLines(sim.savedConfig())).toEqual(ROUTES);
    await stack.run("refresh", "--yes", "--skip-preview", "--expect-no-changes");
  });

  test("an up without the upgrade and without adopt stops at the table's create, naming the upgrade; no route is removed", async () => {
    const { sim, stack } = await oldStack("refused");
    cleanup.push(async () => {
      await stack.remove();
      await sim.stop();
    });
    await stack.run("config", "set", "upgrade:shape", "new");
    await stack.run("config", "set", "upgrade:adopt", "false");
    sim.clearEvents();
    const up = await stack.attempt("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(
      /office-host-routes[\s\S]*already has these lines[\s\S]*nvr upgrade-state/,
    );
    expect(configCommands(sim).filter((c) => c.includes("ip route"))).toEqual([]);
    expect(routeLines(sim.savedConfig())).toEqual(ROUTES);
    const children = (
      JSON.parse((await stack.run("stack", "export")).stdout) as Exported
    ).deployment.resources.filter((r) => r.urn.includes("::office-route-"));
    expect(children).toHaveLength(2);
  });
});
