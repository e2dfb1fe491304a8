/**
 * StaticRoutes: a table of `ip route NETWORK gateway ...` lines owned as one resource. Identity "static routes
 * NAME". For many routes on one router (an OverlapSafeVpn's host routes, a site's prefix list): one engine
 * operation and one plan for all of them, diffed entry by entry, so adding one route sends one line and removing one
 * sends one `no ip route`. Each entry is a StaticRoute: its shape, rules, router check and reader (`readRouteLine`,
 * through `StaticRoute.read`) are that resource's. The router has no table object: which routes the table owns is
 * the list in its state (`stored`), so read and delete go by that list.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { RefusedError } from "../errors";
import type { CheckFailure, ResourceKind } from "./contract";
import { checkedSchema, failuresOf, propertyPath } from "./kind";
import { type Line, fromConfig, planLines, priorLines, recordPrior, routerName } from "./lines";
import { StaticRoute, type StaticRouteModel, ownAddresses, routeAgainst } from "./static-route";

/** The most entries one table takes: about what an NVR510 holds in its routing table (seed write-up, issue 18). */
export const MAX_TABLE_ROUTES = 10_000;

const shape = z
  .object({
    /** The table's name: its identity, nothing on the router (the SDK gives the resource's name by default). */
    name: routerName(64).optional(),
    routes: z
      .array(StaticRoute.shape)
      .min(1, "must list at least one route")
      .max(MAX_TABLE_ROUTES, `must list at most ${MAX_TABLE_ROUTES} routes`),
  })
  .strict();

export type StaticRoutesModel = z.output<typeof shape>;

const identityOf = (network: string) => StaticRoute.identity({ network, gateways: [] });

/** The router's order of routes (`show config` prints them by address, then prefix length; default first). */
function routeOrder(a: StaticRouteModel, b: StaticRouteModel): number {
  const rank = (n: string): [number, number] => {
    if (n === "default") return [-1, 0];
    const [address, bits] = n.split("/");
    return [address.split(".").reduce((x, o) => x * 256 + Number(o), 0), Number(bits)];
  };
  const [x, y] = [rank(a.network), rank(b.network)];
  return x[0] - y[0] || x[1] - y[1];
}

/** An entry as the line the router holds for it, keyed by its network in normal form. */
function entryLine(m: StaticRouteModel): Line {
  return {
    context: GLOBAL,
    key: identityOf(m.network),
    text: StaticRoute.commands(m, { mask: false })[0].command,
  };
}

/** The router's routes for these networks, each read by StaticRoute's reader into its normal form. */
function onRouter(config: ConfigIndex, networks: Iterable<string>): Line[] {
  return [...networks].flatMap((n) => {
    const route = StaticRoute.read(config, identityOf(n));
    return route === undefined ? [] : [entryLine(route)];
  });
}

/** The `ip route` lines of the router for the table's entries, as it prints them. */
function printed(config: ConfigIndex, routes: readonly StaticRouteModel[]): Line[] {
  return routes.flatMap((r) => StaticRoute.conflicts(config, r).map((l) => fromConfig(GLOBAL, l)));
}

const schema = checkedSchema<StaticRoutesModel, z.input<typeof shape>>({
  shape,
  secretProperties: [],
  rules(m, fail) {
    if (m.name === undefined) fail(["name"], "must be given: it names the table (its identity)");
    const first = new Map<string, number>();
    m.routes.forEach((route, i) => {
      // Each entry obeys StaticRoute's own rules (gateways once each, the router's keyword limit).
      const entry = StaticRoute.schema.safeParse(route);
      if (!entry.success)
        for (const f of failuresOf(entry.error)) fail(["routes", i, ...f.property.split(".")], f.reason);
      const earlier = first.get(route.network);
      if (earlier !== undefined)
        fail(["routes", i, "network"], `duplicate network ${route.network} (also routes[${earlier}])`);
      else first.set(route.network, i);
    });
  },
  normalise: (m) => ({ ...m, routes: [...m.routes].sort(routeOrder) }),
  lines: (m) => m.routes.map(entryLine),
});

/** Refuses entries whose gateway is the router's own address, naming each (`routes[3].gateways[0]`). */
function refuseOwnGateways(m: StaticRoutesModel, config: ConfigIndex): void {
  const own = ownAddresses(config);
  const refused: CheckFailure[] = [];
  m.routes.forEach((r, i) =>
    routeAgainst(r, own, (path, reason) =>
      refused.push({ property: propertyPath(["routes", i, ...path]), reason }),
    ),
  );
  if (refused.length > 0) throw new RefusedError("StaticRoutes", identity(m), refused);
}

const identity = (m: StaticRoutesModel) => `static routes ${m.name}`;

/**
 * Routes added to a table whose network the router already routes: another resource's route (or one set by hand).
 * Two owners of one line would remove it from under each other, so the update is refused, naming the entries.
 */
function refuseForeign(m: StaticRoutesModel, config: ConfigIndex, stored: StaticRoutesModel): void {
  const mine = new Set(stored.routes.map((r) => r.network));
  const refused: CheckFailure[] = [];
  m.routes.forEach((r, i) => {
    if (mine.has(r.network)) return;
    const there = StaticRoute.conflicts(config, r);
    if (there.length > 0)
      refused.push({
        property: `routes[${i}].network`,
        reason: `the router already has "${there[0].text}" (line ${there[0].line}), owned by another resource or set by hand: remove it there first, or list it in a new table created with adopt: true`,
      });
  });
  if (refused.length > 0) throw new RefusedError("StaticRoutes", identity(m), refused);
}

export const StaticRoutes: ResourceKind<StaticRoutesModel, z.input<typeof shape>> = {
  kind: "StaticRoutes",
  shape,
  schema,
  identity,
  stage: StaticRoute.stage,
  replaceOnChange: ["name"],
  secretProperties: [],
  alwaysExists: false,
  appliesOnRestart: () => false,
  commands: (m, { mask }) => m.routes.flatMap((r) => StaticRoute.commands(r, { mask })),
  read(config, _identity, stored) {
    const routes = (stored?.routes ?? []).flatMap(
      (r) => StaticRoute.read(config, identityOf(r.network)) ?? [],
    );
    return routes.length === 0 || stored === undefined ? undefined : { name: stored.name, routes };
  },
  plan(config, desired, prior, _identity, stored) {
    const kept = stored?.routes ?? [];
    // A delete puts back what create took over (adopted routes) and removes the rest.
    if (desired === undefined) return planLines(printed(config, kept), priorLines(prior));
    refuseOwnGateways(desired, config);
    if (stored !== undefined) refuseForeign(desired, config, stored);
    // Entry by entry: one `no ip route` per dropped entry the router has, one line per new or changed entry.
    const networks = new Set([...kept, ...desired.routes].map((r) => r.network));
    return planLines(onRouter(config, networks), desired.routes.map(entryLine));
  },
  prior: (config, m) => recordPrior(printed(config, m.routes)),
  conflicts: (config, m) => m.routes.flatMap((r) => StaticRoute.conflicts(config, r)),
};
