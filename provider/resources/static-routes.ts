/**
 * StaticRoutes: a table of `ip route NETWORK gateway ...` lines owned as one resource. Identity "static routes
 * NAME". For many routes on one router (an OverlapSafeVpn's host routes, a site's prefix list): one engine
 * operation and one plan for all of them, diffed entry by entry, so adding one route sends one line and removing one
 * sends one `no ip route`. Each entry is a StaticRoute: its shape, rules, router check and reader (`readRouteLine`,
 * through `StaticRoute.read`) are that resource's. The router has no table object: which routes the table owns is
 * the list in its state (`stored`), so read and delete go by that list.
 *
 * State keeps the entries as their lines, one `ip route` line per text line (`stateForm`): 10,000 routes are one
 * string of about 430 KB rather than 10,000 objects in every Pulumi call, a change shows as the lines it adds and
 * removes, and a refresh takes each line the router still prints as state has it without reading it again.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError, RefusedError, StateError } from "../errors";
import type { CheckFailure, ResourceKind, StateForm, StoredState } from "./contract";
import { checkedSchema, propertyPath } from "./kind";
import {
  type Line,
  escapeControls,
  fromConfig,
  hasControlCharacter,
  planLines,
  priorLines,
  recordPrior,
  routerName,
} from "./lines";
import {
  StaticRoute,
  type StaticRouteModel,
  isRouteLine,
  ownAddresses,
  parseRoute,
  routeAgainst,
  routeRules,
} from "./static-route";

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

/**
 * The router's route for a network as the line of its normal form, or undefined. A line the router prints exactly
 * as `expected` (the entry's line in state or in the plan) is that line: what the reader would make of it, without
 * running 10,000 entries through it on each refresh. Any other spelling goes through StaticRoute's reader.
 */
function routerLine(config: ConfigIndex, network: string, expected?: string): Line | undefined {
  const printed = StaticRoute.conflicts(config, { network, gateways: [] });
  if (printed.length === 0) return undefined;
  if (printed.length === 1 && printed[0].text === expected)
    return { context: GLOBAL, key: identityOf(network), text: expected };
  const route = StaticRoute.read(config, identityOf(network));
  return route === undefined ? undefined : entryLine(route);
}

/** The router's routes for these networks (network → the line expected), each as the line of its normal form. */
function onRouter(config: ConfigIndex, networks: ReadonlyMap<string, string | undefined>): Line[] {
  return [...networks].flatMap(([n, expected]) => routerLine(config, n, expected) ?? []);
}

/**
 * Lines as the table's state keeps them: each ended by a newline, so Pulumi's line diff of an appended route is that
 * one line (without it, the old last line would show as removed and added again).
 */
const stateText = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join("");

/** An entry the table's state lists: the network it owns on the router and, in state written as lines, its line. */
interface StoredEntry {
  network: string;
  text?: string;
}

/** A line of the table's state: an `ip route` line, or a StateError naming it. */
function stateLine(text: string, i: number): string[] {
  const tokens = text.split(" ");
  if (!isRouteLine(tokens) || hasControlCharacter(text))
    throw new StateError(
      "StaticRoutes",
      `routes (line ${i + 1})`,
      `"${escapeControls(text)}" is not an ip route line`,
    );
  return tokens;
}

/**
 * The entries a table's state lists: its route lines, or the route objects of state written before the lines
 * (0.1). Only the networks and lines are taken, to find the router's lines; nothing in them is sent.
 */
function storedEntries(stored: StoredState | undefined): StoredEntry[] {
  const routes = stored?.routes;
  if (routes === undefined) return [];
  if (typeof routes === "string")
    return routes === ""
      ? []
      : routes
          .replace(/\n$/, "")
          .split("\n")
          .map((text, i) => ({ network: stateLine(text, i)[2], text }));
  if (!Array.isArray(routes))
    throw new StateError("StaticRoutes", "routes", "is neither route lines nor a list");
  return routes.map((r: unknown, i) => {
    const network = (r as { network?: unknown } | null)?.network;
    if (typeof network !== "string")
      throw new StateError("StaticRoutes", `routes[${i}].network`, "is not a string");
    return { network };
  });
}

/** The `ip route` lines of the router for these networks, as it prints them. */
function printed(config: ConfigIndex, networks: readonly string[]): Line[] {
  return networks.flatMap((network) =>
    StaticRoute.conflicts(config, { network, gateways: [] }).map((l) => fromConfig(GLOBAL, l)),
  );
}

const schema = checkedSchema<StaticRoutesModel, z.input<typeof shape>>({
  shape,
  secretProperties: [],
  rules(m, fail) {
    if (m.name === undefined) fail(["name"], "must be given: it names the table (its identity)");
    const first = new Map<string, number>();
    m.routes.forEach((route, i) => {
      // Each entry (already through StaticRoute's shape) obeys StaticRoute's rules: gateways once each, the keyword
      // limit. Its line's length is checked with the table's lines.
      routeRules(route, (path, reason) => fail(["routes", i, ...path], reason));
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
function refuseForeign(m: StaticRoutesModel, config: ConfigIndex, mine: ReadonlySet<string>): void {
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

/** The table's state: its name and its entries as the lines the router holds for them, in the router's order. */
const stateForm: StateForm<StaticRoutesModel> = {
  toState: (m) => ({ name: m.name, routes: stateText(m.routes.map((r) => entryLine(r).text)) }),
  inState: (props) => typeof props.routes === "string",
  fromState(props) {
    // Each line as StaticRoute's reader splits it; `schema` then checks the table as it checks a program's inputs.
    const routes = storedEntries(props).map(({ text }, i) => {
      try {
        return parseRoute((text as string).split(" "));
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        throw new StateError("StaticRoutes", `routes (line ${i + 1})`, escapeControls(e.message));
      }
    });
    return { ...props, routes };
  },
  owns: (stored) => storedEntries(stored).map((e) => identityOf(e.network)),
  readState(config, _identity, stored) {
    const lines = storedEntries(stored).flatMap(
      ({ network, text }) => routerLine(config, network, text)?.text ?? [],
    );
    return lines.length === 0 ? undefined : { name: stored.name, routes: stateText(lines) };
  },
};

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
  read(config, identity, stored) {
    const state = stored === undefined ? undefined : stateForm.readState(config, identity, stored);
    return state === undefined ? undefined : schema.parse(stateForm.fromState(state));
  },
  plan(config, desired, prior, _identity, stored) {
    const kept = storedEntries(stored);
    // A delete puts back what create took over (adopted routes) and removes the rest.
    if (desired === undefined)
      return planLines(
        printed(
          config,
          kept.map((e) => e.network),
        ),
        priorLines(prior),
      );
    refuseOwnGateways(desired, config);
    if (stored !== undefined) refuseForeign(desired, config, new Set(kept.map((e) => e.network)));
    // Entry by entry: one `no ip route` per dropped entry the router has, one line per new or changed entry.
    const wanted = desired.routes.map(entryLine);
    const networks = new Map(kept.map((e) => [e.network, e.text]));
    desired.routes.forEach((r, i) => networks.set(r.network, wanted[i].text));
    return planLines(onRouter(config, networks), wanted);
  },
  prior: (config, m) =>
    recordPrior(
      printed(
        config,
        m.routes.map((r) => r.network),
      ),
    ),
  conflicts: (config, m) => m.routes.flatMap((r) => StaticRoute.conflicts(config, r)),
  stateForm,
};
