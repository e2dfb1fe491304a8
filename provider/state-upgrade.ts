/**
 * The state upgrade for OverlapSafeVpn's host routes (issue 18). Before 0.2 the component made one `StaticRoute`
 * child per published host (`NAME-route-HOST`); now it makes one `StaticRoutes` table (`NAME-host-routes`). An up
 * on the old state would create the table over routes the router already has and then delete the old children,
 * each removing a route the table owns. This rewrites an exported stack (`pulumi stack export`) so the old children
 * become the table they now are — its lines, router, adopt flag and the lines they took over at create, under the
 * component — for `pulumi stack import`. The router is not touched: the next up finds the table's lines in place and
 * sends nothing, and destroy removes or restores each route as its old child would have.
 */
import { StateError } from "./errors";
import { StaticRoutes, parseProperties } from "./resources";

type Props = Record<string, unknown>;

/** A resource as `pulumi stack export` writes it (fields this upgrade does not read are kept as they are). */
export interface ExportedResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  parent?: string;
  provider?: string;
  inputs?: Props;
  outputs?: Props;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  [field: string]: unknown;
}

export interface ExportedStack {
  version: number;
  deployment: {
    resources?: ExportedResource[];
    pending_operations?: { resource: ExportedResource }[];
    [field: string]: unknown;
  };
}

/** One component's host routes moved into its table. */
export interface Upgraded {
  component: string;
  /** The old children's URNs, now the table. */
  children: string[];
  table: string;
  /** The table's lines. */
  routes: string[];
}

const COMPONENT = "nvr:index:OverlapSafeVpn";
const ROUTE = "pulumi-nodejs:dynamic/nvr:StaticRoute";
const TABLE = "pulumi-nodejs:dynamic/nvr:StaticRoutes";
/** The table's name in the component's design (provider/vpn/design.ts). */
const TABLE_NAME = "host-routes";

const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * How a provider stub names its kind: a closure serialised before 0.2 captures `kind: "K",`; the first short text
 * (issue 18) passed it as its loader's first argument, `)("K", `; the text sdk/provider.ts writes now ends in
 * `.providerOf("K")`.
 */
const STUB_KIND = [
  (kind: string) => `kind: ${JSON.stringify(kind)},`,
  (kind: string) => `)(${JSON.stringify(kind)}, `,
  (kind: string) => `.providerOf(${JSON.stringify(kind)})`,
];

/** The serialised provider stub of a StaticRoute (sdk/provider.ts) as the table's: the same code for the other kind. */
function tableProvider(stub: unknown, child: string): string {
  const named = STUB_KIND.find((form) => typeof stub === "string" && stub.includes(form("StaticRoute")));
  if (typeof stub !== "string" || !named)
    throw new StateError("StaticRoute", `${child} __provider`, "is not this package's provider");
  return stub.split(named("StaticRoute")).join(named("StaticRoutes"));
}

/** A child's lines taken over at create (outputs.prior: one per text line, or a list from 0.1), as one list. */
function priorLines(prior: unknown): string[] {
  if (typeof prior === "string") return prior === "" ? [] : prior.split("\n");
  return Array.isArray(prior) ? prior.filter((l): l is string => typeof l === "string") : [];
}

/** The same JSON value (the router input of every child of one component). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function tableOf(component: ExportedResource, children: ExportedResource[]): ExportedResource {
  const [first] = children;
  const routes = children.map((c) => {
    const parsed = parseProperties("StaticRoute", c.outputs ?? {});
    if (!parsed.success)
      throw new StateError(
        "StaticRoute",
        `${c.urn} outputs`,
        parsed.error.issues.map((i) => i.message).join("; "),
      );
    return parsed.data;
  });
  const model = StaticRoutes.schema.parse({ name: TABLE_NAME, routes });
  for (const c of children)
    for (const side of ["inputs", "outputs"] as const)
      if (!same(c[side]?.router, first[side]?.router) || !same(c[side]?.adopt, first[side]?.adopt))
        throw new StateError(
          "StaticRoute",
          `${c.urn} ${side}`,
          `router or adopt differs from ${first.urn}'s`,
        );
  const flags = (props: Props | undefined): Props =>
    props?.adopt === undefined ? {} : { adopt: props.adopt };
  const state = StaticRoutes.stateForm!.toState(model);
  const provider = tableProvider(first.inputs?.__provider, first.urn);
  const prior = children.flatMap((c) => priorLines(c.outputs?.prior));
  // The child's URN with the table's type and name: the same stack, project and parent chain.
  const types = first.urn
    .slice(0, first.urn.lastIndexOf("::"))
    .replace(/nvr:StaticRoute$/, "nvr:StaticRoutes");
  const urn = `${types}::${nameOf(component.urn)}-${TABLE_NAME}`;
  const {
    inputs: _i,
    outputs: _o,
    propertyDependencies: _p,
    sourcePosition: _s,
    stackTrace: _t,
    ...kept
  } = first;
  return {
    ...kept,
    urn,
    type: TABLE,
    id: StaticRoutes.identity(model),
    inputs: { __provider: provider, ...state, router: first.inputs?.router, ...flags(first.inputs) },
    outputs: {
      __provider: provider,
      ...state,
      router: first.outputs?.router,
      ...flags(first.outputs),
      ...(prior.length > 0 ? { prior: prior.join("\n") } : {}),
    },
    dependencies: [...new Set(children.flatMap((c) => c.dependencies ?? []))],
  };
}

/**
 * The exported stack with each OverlapSafeVpn's per-host StaticRoute children replaced by its StaticRoutes table,
 * and what moved. A stack without such children comes back unchanged. Refuses (StateError) state it cannot move
 * exactly: a component that already has its table, a pending operation on a child, children of one component on
 * different routers, outputs that are not routes.
 */
export function upgradeHostRoutes(stack: ExportedStack): { stack: ExportedStack; upgraded: Upgraded[] } {
  const resources = stack.deployment.resources ?? [];
  const pending = new Set((stack.deployment.pending_operations ?? []).map((p) => p.resource.urn));
  const upgraded: Upgraded[] = [];
  const replaced = new Map<string, string>();
  const tables = new Map<string, ExportedResource>();
  for (const component of resources.filter((r) => r.type === COMPONENT)) {
    const prefix = `${nameOf(component.urn)}-route-`;
    const children = resources.filter(
      (r) => r.parent === component.urn && r.type === ROUTE && nameOf(r.urn).startsWith(prefix),
    );
    if (children.length === 0) continue;
    const table = tableOf(component, children);
    if (resources.some((r) => r.urn === table.urn))
      throw new StateError("StaticRoutes", table.urn, "is already in the stack: this component was upgraded");
    for (const c of children) {
      if (pending.has(c.urn))
        throw new StateError("StaticRoute", c.urn, "has a pending operation: run `pulumi refresh` first");
      replaced.set(c.urn, table.urn);
    }
    tables.set(children[0].urn, table);
    upgraded.push({
      component: component.urn,
      children: children.map((c) => c.urn),
      table: table.urn,
      routes: String(table.outputs?.routes).trimEnd().split("\n"),
    });
  }
  if (upgraded.length === 0) return { stack, upgraded };
  // The table takes the first child's place (the engine's dependency order); references to a child name the table.
  const renamed = (urns: readonly string[] = []) => [...new Set(urns.map((u) => replaced.get(u) ?? u))];
  const rewritten = resources.flatMap((r): ExportedResource[] => {
    const table = tables.get(r.urn);
    if (table) return [table];
    if (replaced.has(r.urn)) return [];
    const deps = r.propertyDependencies;
    return [
      {
        ...r,
        ...(r.dependencies ? { dependencies: renamed(r.dependencies) } : {}),
        ...(deps
          ? {
              propertyDependencies: Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, renamed(v)])),
            }
          : {}),
      },
    ];
  });
  return { stack: { ...stack, deployment: { ...stack.deployment, resources: rewritten } }, upgraded };
}
