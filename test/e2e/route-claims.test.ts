// One route, one owner, with the real Pulumi CLI against nvr-sim: a program whose own StaticRoutes table lists a host
// route its OverlapSafeVpn's table already holds (fixture upgrade, upgrade:duplicate) is refused at preview and at
// up, naming the route and the component's table (named host-routes), and no route line reaches the router. So is a
// table of the program's own named host-routes (upgrade:sameName): a second resource of that identity on the router,
// refused naming both resources by URN.
import { configCommands, startSeedRouter, upgradeFixtureStack } from "./lab";

jest.setTimeout(600_000);

test("a second table listing the component's host route, or named as its table, is refused at preview and up; the router keeps one owner's line", async () => {
  const sim = await startSeedRouter();
  const stack = await upgradeFixtureStack(sim, "claims", "new");
  try {
    await stack.run("up", "--yes", "--skip-preview");
    const held = sim.savedConfig();

    await stack.run("config", "set", "upgrade:duplicate", "true");
    // Either the new table's check is refused (the component's table was checked first), or, checked before it,
    // its create is refused at its turn because the component's table holds the route: both name the route and it.
    const refusal =
      /192\.168\.253\.240\/32 (is also listed by StaticRoutes static routes host-routes|belongs to StaticRoutes static routes host-routes)/;
    // The preview fails in the first case; in the second it runs no create to refuse, and warns that the up will.
    const preview = await stack.attempt("preview");
    expect(preview.stdout + preview.stderr).toMatch(refusal);

    sim.clearEvents();
    const up = await stack.attempt("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(refusal);
    expect(configCommands(sim).filter((c) => c.includes("ip route"))).toEqual([]);
    expect(sim.savedConfig()).toBe(held);

    // Without the second claimant the stack is whole again: nothing to change.
    await stack.run("config", "rm", "upgrade:duplicate");
    await stack.run("preview", "--expect-no-changes");

    // A table of the program's own with the component's table's name, listing another route: refused the same ways,
    // naming the object, the router and both tables by URN.
    await stack.run("config", "set", "upgrade:sameName", "true");
    // The stack's name (its URNs' second part) is made unique per run.
    const urn = (type: string) => `urn:pulumi:claims-[^:]+::upgrade::${type.replace(/[$.]/g, "\\$&")}`;
    const own = urn("pulumi-nodejs:dynamic/nvr:StaticRoutes::extra-host-routes");
    const component = urn(
      "nvr:index:OverlapSafeVpn$pulumi-nodejs:dynamic/nvr:StaticRoutes::office-host-routes",
    );
    const twice = new RegExp(
      `StaticRoutes static routes host-routes is declared twice on 127\\.0\\.0\\.1:${sim.port}: by ${own}(, new,)? and by ${component}`,
    );
    const previewed = await stack.attempt("preview");
    expect(previewed.stdout + previewed.stderr).toMatch(twice);
    sim.clearEvents();
    const refused = await stack.attempt("up", "--yes", "--skip-preview");
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(twice);
    expect(configCommands(sim).filter((c) => c.includes("ip route"))).toEqual([]);
    expect(sim.savedConfig()).toBe(held);

    // Whole again; destroy removes the route.
    await stack.run("config", "rm", "upgrade:sameName");
    await stack.run("preview", "--expect-no-changes");
    await stack.run("destroy", "--yes", "--skip-preview");
    expect(sim.savedConfig()).not.toContain("ip route 192.168.253.240");
  } finally {
    await stack.remove();
    await sim.stop();
  }
});
