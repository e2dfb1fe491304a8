/**
 * The dynamic provider: Pulumi's CRUD calls over the resource registry and the session layer.
 *
 * Loaded at call time by the stub in sdk/provider.ts, so this module (and the session registry it
 * holds through `routerFor`) is one per provider process, and state made by older versions runs
 * this code.
 *
 * Property layout, inputs and outputs alike: the resource's normalised model at the top level (in its kind's state
 * form when it has one: a table's entries as their lines), plus `commands` (the masked NVR lines, one per text line,
 * for review; not kept when the state form lists the lines), `router` (connection overrides; in outputs also
 * the resolved host/port, so refresh and destroy reach the same router), `adopt`, `restartToApply` (consent to
 * restart the router after saving a line it applies only at boot), and in outputs `prior` (the router lines an
 * adopted resource took over, one per text line, restored on delete).
 */
import type { z } from "zod";
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigIndex } from "./config/index";
import type { ContextCommand } from "./config/model";
import { STAGES, type CheckFailure, type Prior, type ResourceKind } from "./resources/contract";
import {
  COMMON_PROPERTIES,
  parseProperties,
  resourceKinds,
  stateInputs,
  type ResourceKindName,
} from "./resources";
import { escapeControls } from "./resources/lines";
import { RefusedError } from "./errors";
import {
  CREDENTIALS,
  configureStack,
  connectionOf,
  resolve,
  routerSchema,
  storedRouter,
  type RouterInput,
} from "./connection";
import { routerAddress, routerFor, sshPort, type RouterConnection } from "./session";
import { livePlan, oncePerRouter, progress, warnOnce } from "./live-plan";
import { redact } from "./secrets";
import { previewLines } from "./config/render";
import { fromModel, propertyName, toModel } from "./resources/names";

/** The engine's placeholder for a value not yet known during preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

type Props = Record<string, unknown>;
// The registry holds kinds of different model types; the provider treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

function kindOf(name: string): AnyKind {
  const kind = (resourceKinds as Record<string, AnyKind | undefined>)[name];
  if (!kind) throw new Error(`unknown resource kind "${name}"`);
  return kind;
}

/** A JSON-safe copy (Struct values cannot hold undefined). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** JSON with sorted object keys, for order-insensitive equality of property values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The model fields of inputs or outputs: without the common properties, `id` under its model name. */
function modelInputs(kind: AnyKind, props: Props): Props {
  return toModel(
    kind.kind,
    Object.fromEntries(Object.entries(props).filter(([k]) => !COMMON_PROPERTIES.has(k))),
  );
}

function issuePath(prefix: string, path: readonly (string | number)[]): string {
  const rest = path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
  return prefix ? `${prefix}${rest}` : rest.replace(/^\./, "");
}

function failuresOf(error: z.ZodError, prefix = "", kind?: AnyKind): CheckFailure[] {
  const named = (path: (string | number)[], reason: string): CheckFailure => {
    const property = escapeControls(issuePath(prefix, path)) || prefix || "(resource)";
    return { property: kind ? propertyName(kind.kind, property) : property, reason: redact(reason) };
  };
  // A misspelt property is named itself, not its parent object (the resource schemas already do this).
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => named([...issue.path, key], "unknown property"))
      : [named(issue.path, issue.message)],
  );
}

/** The model from checked inputs or stored outputs; throws naming the properties if they do not validate. */
function modelOf(kind: AnyKind, props: Props): unknown {
  const parsed = parseProperties(kind.kind as ResourceKindName, stateInputs(kind, props));
  if (!parsed.success) {
    const list = failuresOf(parsed.error, "", kind).map((f) => `${f.property}: ${f.reason}`);
    throw new Error(`${kind.kind}: invalid properties: ${list.join("; ")}`);
  }
  return parsed.data;
}

function routerInput(props: Props): RouterInput {
  const parsed = routerSchema.safeParse(props.router ?? {});
  if (!parsed.success) {
    throw new Error(
      failuresOf(parsed.error, "router")
        .map((f) => `${f.property}: ${f.reason}`)
        .join("; "),
    );
  }
  return parsed.data;
}

/**
 * A list of router lines as one property: one line per text line. Pulumi shows a change to a multi-line string as a
 * line diff (one inserted line is one `+` line), where a list would show every line after an insertion as changed.
 */
export function linesText(lines: readonly string[]): string {
  return lines.join("\n");
}

/** The lines an adopted resource took over, as stored in its outputs (a list in state written by 0.1 versions). */
function priorOf(props: Props): Prior | undefined {
  const prior = props.prior;
  if (typeof prior === "string") return prior === "" ? [] : prior.split("\n");
  return Array.isArray(prior) && prior.every((l) => typeof l === "string") ? prior : undefined;
}

function previewOf(kind: AnyKind, model: unknown): string {
  return linesText(previewLines(kind.commands(model, { mask: true })));
}

/** The flags a resource carries from inputs to outputs unchanged. */
function flagsOf(props: Props): Props {
  const flags: Props = {};
  if (props.adopt !== undefined) flags.adopt = props.adopt;
  if (props.restartToApply !== undefined) flags.restartToApply = props.restartToApply;
  return flags;
}

/** The model as state keeps it: in its kind's state form, else its fields with its lines for review (`commands`). */
function propertiesOf(kind: AnyKind, model: unknown): Props {
  return kind.stateForm
    ? kind.stateForm.toState(model)
    : { ...fromModel(kind.kind, plain(model as Props)), commands: previewOf(kind, model) };
}

/** Outputs: the model's properties (`propertiesOf`) with the router, the flags and the lines taken over. */
function outputsOf(kind: AnyKind, properties: Props, own: RouterInput, flags: Props, prior: unknown): Props {
  const outs: Props = {
    ...properties,
    router: storedRouter(own),
    ...flags,
  };
  const lines = priorOf({ prior });
  if (lines !== undefined) outs.prior = linesText(lines);
  return outs;
}

/** How progress lines and a batch's announcements name one resource's operation: its kind and identity. */
const labelOf = (kind: AnyKind, identity: string): string => `${kind.kind} ${identity}`;

/**
 * Plans against the router's config when the operation's turn comes and sends the plan (transactional and saved
 * by the session layer); an empty plan sends nothing and saves nothing. Creates and updates go in their kind's
 * stage, deletes in the reverse order after them. When the router applies the lines only at boot and the
 * resource consents (`restartToApply`), restarts it after the save and waits until it takes a login again.
 */
async function applyPlan(
  conn: RouterConnection,
  kind: AnyKind,
  identity: string,
  plan: (config: ConfigIndex) => readonly ContextCommand[],
  restart: { model: unknown; props: Props } | undefined,
  deleting = false,
): Promise<void> {
  const router = routerFor(conn);
  const at = STAGES.indexOf(kind.stage);
  const label = labelOf(kind, identity);
  progress(label, `waiting for its turn on ${router.name}`);
  const planned = (config: ConfigIndex) => {
    const lines = plan(config);
    progress(label, lines.length === 0 ? "nothing to send" : `applying ${lines.length} line(s)`);
    return lines;
  };
  try {
    const result = await router.apply(planned, {
      stage: deleting ? 2 * STAGES.length - 1 - at : at,
      // Its check announced it under its label (`announce`); a delete is never announced.
      announced: deleting ? undefined : label,
    });
    if (result.applied.length === 0) return;
    progress(label, "saved");
    if (restart && restart.props.restartToApply === true && kind.appliesOnRestart(restart.model)) {
      progress(label, "restarting the router to apply it");
      await router.restart();
    }
  } catch (e) {
    throw oncePerRouter(e, conn, label);
  }
}

/**
 * Tells the router that the engine checked an operation of this resource and is about to send it, or (`coming`
 * false: its diff found nothing to change) that it will not: a batch waits for announced operations before its save
 * (session/batch.ts). The key is the operation's label (`labelOf`), as applyPlan passes it. A resource whose router is not set announces
 * nothing (its operation fails without reaching a router).
 */
function announce(kind: AnyKind, identity: string, router: RouterInput, coming: boolean): void {
  let conn: RouterConnection;
  try {
    conn = connectionOf(router);
  } catch {
    return;
  }
  const key = labelOf(kind, identity);
  if (coming) routerFor(conn).announce(key);
  else routerFor(conn).withdraw(key);
}

/**
 * The connection with the provider's log: the router's progress (waiting for the lock, logging in, saving) and a
 * host key trusted on first use, reported under the stack with the command that pins it.
 */
function withProgress(conn: RouterConnection): RouterConnection {
  return {
    ...conn,
    log: (line) => {
      const tofu = /trusting host key (\S+) on first use/.exec(line);
      if (tofu)
        warnOnce(
          `${routerAddress(conn)}: trusted the host key ${tofu[1]} on first use (nvr:trustOnFirstUse); pin it with \`pulumi config set nvr:hostKey ${tofu[1]}\``,
        );
      // The router's own steps, shared by every resource waiting on it, are told under the router's name.
      const router = routerAddress(conn);
      const wait = /waiting for the router lock: (.*)$/.exec(line);
      if (wait) progress(router, `waiting for the router lock (${wait[1]})`);
      else if (/\] logging in$/.test(line)) progress(router, "logging in");
      else if (/\] saving$/.test(line)) progress(router, "saving");
    },
  };
}

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  const error = configureStack((key) => {
    const v = req.config.get(`nvr:${key}`);
    return v === undefined || v === "" ? undefined : String(v);
  });
  if (error) {
    const list = failuresOf(error).map((f) => `nvr:${f.property}: ${f.reason}`);
    throw new Error(`stack config: ${list.join("; ")}`);
  }
}

/**
 * A check failure as the engine is to get it. The engine prints a failure's property with the value it finds under
 * that exact input name (`property 'x' value {...}`), secret or not, so a failure on an input holding a secret
 * ("users" for "users[].password") names it in the reason and leaves the property empty.
 */
function forEngine(kind: AnyKind): (f: CheckFailure) => CheckFailure {
  const hidden = kind.secretProperties.map((p) => p.split(/[.[]/)[0]);
  return (f) => (hidden.includes(f.property) ? { property: "", reason: `${f.property}: ${f.reason}` } : f);
}

export async function check(kindName: string, olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const kind = kindOf(kindName);
  // During preview some inputs may be unknown; they are validated once known, at `up`.
  if (containsUnknown(modelInputs(kind, news)) || containsUnknown(news.router)) return { inputs: news };
  const router = routerSchema.safeParse(news.router ?? {});
  // A kind with model limits takes the router's model when it names none (the resource's router, else nvr:model).
  const model = parseProperties(
    kind.kind as ResourceKindName,
    news,
    resolve(router.success ? router.data : {}).model,
  );
  const failures = [
    ...(model.success ? [] : failuresOf(model.error, "", kind).map(forEngine(kind))),
    ...(router.success ? [] : failuresOf(router.error, "router")),
  ];
  if (news.adopt !== undefined && typeof news.adopt !== "boolean") {
    failures.push({ property: "adopt", reason: "must be true or false" });
  }
  if (news.restartToApply !== undefined && typeof news.restartToApply !== "boolean") {
    failures.push({ property: "restartToApply", reason: "must be true or false" });
  } else if (news.restartToApply === true && model.success && !kind.appliesOnRestart(model.data)) {
    failures.push({
      property: "restartToApply",
      reason:
        "the router applies these lines at once; only a setting it applies after a restart takes restartToApply",
    });
  }
  if (!model.success || failures.length > 0 || !router.success) return { inputs: news, failures };
  // The resolved target, as outputs store it: the same shape on both sides, so preview shows no `router` change
  // unless the router does change.
  const inputs: Props = { ...propertiesOf(kind, model.data), router: storedRouter(router.data) };
  // Before the preview reads the router: a route another resource of this run lists is refused here, at preview already.
  const taken = claim(kind, model.data, {
    news,
    inputs,
    olds,
    router: routerOf(inputs),
    preview: news.livePlan === true,
  });
  if (taken.length > 0) return { inputs: news, failures: taken };
  if (news.livePlan === true) {
    // A preview (the SDK asks only then): the lines this resource will send to the router as it is now. Shown as
    // a list, which the engine prints in full (a new multi-line string is cut to its first lines).
    const creating = Object.keys(olds).length === 0;
    const label = labelOf(kind, kind.identity(model.data));
    let conn: RouterConnection | undefined;
    try {
      conn = connectionOf(router.data);
    } catch (e) {
      warnOnce(`${(e as Error).message}; the preview shows each resource's whole block`);
    }
    if (conn !== undefined) {
      const live = await livePlan(kind, model.data, withProgress(conn), {
        creating,
        adopt: news.adopt === true,
        resource: label,
        stored: creating ? undefined : olds,
      });
      if ("refused" in live) return { inputs: news, failures: [{ property: "", reason: live.refused }] };
      inputs.plan = live.lines;
    }
  }
  // What a table is to own counts from its check on: should its create fail, a delete later in the run (of a
  // resource the program dropped for it, under --continue-on-error) still leaves those routes on the router.
  noteOwned(kind, kind.identity(model.data), inputs);
  // Outside a preview the engine sends this resource's create or update (or its diff finds nothing) next.
  if (news.livePlan !== true) announce(kind, kind.identity(model.data), router.data, true);
  return { inputs: { ...inputs, ...flagsOf(news) } };
}

export async function diff(
  kindName: string,
  id: string,
  olds: Props,
  news: Props,
): Promise<pulumi.dynamic.DiffResult> {
  const kind = kindOf(kindName);
  // Both sides as state keeps them: a state form is compared as it is (a table of 10,000 lines is not read again).
  const normalise = (props: Props): Props => {
    if (kind.stateForm?.inState(props)) return modelInputs(kind, props);
    const parsed = parseProperties(kind.kind as ResourceKindName, props);
    if (!parsed.success) return modelInputs(kind, props);
    return kind.stateForm ? kind.stateForm.toState(parsed.data) : plain(parsed.data as Props);
  };
  noteOwned(kind, id, olds);
  const before = normalise(olds);
  const after = containsUnknown(news) ? modelInputs(kind, news) : normalise(news);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((k) => canonical(before[k]) !== canonical(after[k]));
  const replaces = changed
    .filter((k) =>
      kind.replaceOnChange.some((p) => p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`)),
    )
    .map((k) => propertyName(kind.kind, k));

  const oldRouter = (olds.router ?? {}) as RouterInput;
  const newRouter = containsUnknown(news.router) ? undefined : resolve(routerInput(news));
  if (
    !newRouter ||
    (newRouter.host ?? "") !== (oldRouter.host ?? "") ||
    sshPort(newRouter) !== sshPort(oldRouter)
  ) {
    // Another router is another object: never move config between devices in place.
    replaces.push("router");
  }
  // Credentials given on the resource are kept (secret) in outputs so destroy can log in: a change
  // is an update that sends no lines, never a replace.
  const own = (news.router ?? {}) as RouterInput;
  const credentialsChanged = CREDENTIALS.some((k) => own[k] !== oldRouter[k]);

  const identityKept = () => {
    try {
      return kind.identity(modelOf(kind, olds)) === kind.identity(modelOf(kind, news));
    } catch {
      return false;
    }
  };
  const changes = changed.length > 0 || replaces.length > 0 || credentialsChanged;
  // Nothing to change: the operation its check announced does not come.
  if (!changes && newRouter) announce(kind, id, newRouter, false);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && identityKept() };
}

/**
 * Objects of other kinds that resources of this run list as their own, by router (`host:port`) → the resource's
 * identity → what it lists: a StaticRoutes table's routes. A route that moves from a StaticRoute into a table in one
 * up (OverlapSafeVpn's host routes before 0.2, a program that moved it) is created by the table first (the engine
 * deletes removed resources last), and the StaticRoute's delete then leaves the line to the table instead of
 * removing a route the table owns.
 */
const ownedByOthers = new Map<string, Map<string, Set<string>>>();

const routerOf = (props: Props) => {
  const r = resolve((props.router ?? {}) as RouterInput);
  return routerAddress({ host: r.host ?? "", port: r.port });
};

/**
 * Notes what a resource's state lists as its own (see ownedByOthers), replacing what it listed before; state it
 * cannot read notes nothing.
 */
function noteOwned(kind: AnyKind, id: string, props: Props): void {
  if (!kind.stateForm) return;
  let identities: string[];
  try {
    identities = kind.stateForm.owns(props);
  } catch {
    return;
  }
  const router = routerOf(props);
  const owners = ownedByOthers.get(router) ?? new Map<string, Set<string>>();
  owners.set(id, new Set(identities));
  ownedByOthers.set(router, owners);
}

/** Whether another resource of this run lists the object `id` on this resource's router as its own. */
const ownedByAnother = (id: string, props: Props) =>
  [...(ownedByOthers.get(routerOf(props))?.entries() ?? [])].some(
    ([owner, owned]) => owner !== id && owned.has(id),
  );

/**
 * Who the resources checked in this run say owns each route, by router (`host:port`) → identity (`ip route N/32`, a
 * network in normal form, so `10.0.0.1` and `10.0.0.1/32` are one route) → the claimant. A StaticRoutes table claims
 * each of its routes, a StaticRoute its own. Two claimants of one route would each remove it from under the other, so
 * the second is refused (`claim`). This is the program's view, not the state's: a resource whose check this process
 * has not seen (a `--target`ed up checks only its targets; another `pulumi up`) claims nothing here, and the router
 * check of create (a line already there needs `adopt`) and update (`refuseForeign`) is then all that guards.
 */
const claims = new Map<string, Map<string, Claim>>();

interface Claim {
  /** The claimant, as labelOf names it. */
  label: string;
  /** The claimant's property naming the route (`routes[2].network`, `network`), found when a message needs it. */
  property: () => string;
  /** Whether the claimant's state already lists the route (its olds): the incumbent wins over a newcomer. */
  held: boolean;
  /** A table's claim: only a table shares route identities with another resource. */
  table: boolean;
}

/** Why a route has one owner, in each refusal. */
const ONE_OWNER =
  "a route has one owner, or deleting either would remove it from under the other; list it in one of them only";

/** Operations refused after their check passed: an incumbent checked later took their route (label → reasons). */
const superseded = new Map<string, CheckFailure[]>();

/** Creates and updates of this run that planned against the router: too late to refuse (see claim). */
const planned = new Set<string>();

/** The identities a route resource lists in `props` (a table's routes, a StaticRoute's own); unreadable: none. */
function routesOf(kind: AnyKind, props: Props): string[] {
  if (Object.keys(props).length === 0) return [];
  try {
    if (kind.stateForm) return kind.stateForm.owns(props);
    return kind.kind === "StaticRoute" ? [kind.identity(modelOf(kind, props))] : [];
  } catch {
    return [];
  }
}

/**
 * The property of a program's inputs naming each route: a table's entry as the program lists it
 * (`routes[2].network`, its position before the table sorts it), a StaticRoute's `network`. The entries are read
 * once, at the first route a message names.
 */
function claimedProperties(kind: AnyKind, news: Props): (identity: string) => string {
  if (!kind.stateForm) return () => "network";
  let index: Map<string, number> | undefined;
  return (identity) => {
    if (index === undefined) {
      const route = kindOf("StaticRoute");
      const entries = Array.isArray(news.routes) ? (news.routes as unknown[]) : [];
      const found = new Map<string, number>();
      entries.forEach((entry, i) => {
        const parsed = parseProperties("StaticRoute", entry as Props);
        const id = parsed.success ? route.identity(parsed.data) : undefined;
        if (id !== undefined && !found.has(id)) found.set(id, i);
      });
      index = found;
    }
    const i = index.get(identity);
    return i === undefined ? "routes" : `routes[${i}].network`;
  };
}

/**
 * Records the routes a checked resource lists (`news`, valid as `model`) as its claims on its router, or returns a
 * failure per route another resource of this run already claims (then it claims nothing). An incumbent (its state,
 * `olds`, lists the route) takes the route from a newcomer checked before it; the newcomer's create or update is
 * then refused before anything is typed (`superseded`; a preview warns of it). Only a claim involving a table is
 * compared: two StaticRoutes of one network are one identity, which the router check of create already refuses.
 */
function claim(
  kind: AnyKind,
  model: unknown,
  checked: { news: Props; inputs: Props; olds: Props; router: string; preview: boolean },
): CheckFailure[] {
  const { news, inputs, olds, router, preview } = checked;
  const label = labelOf(kind, kind.identity(model));
  const table = kind.stateForm !== undefined;
  const wanted = routesOf(kind, inputs);
  if (wanted.length === 0) return [];
  const held = new Set(routesOf(kind, olds));
  const onRouter = claims.get(router) ?? new Map<string, Claim>();
  claims.set(router, onRouter);
  const propertyOf = claimedProperties(kind, news);
  const failures: CheckFailure[] = [];
  const taken: Claim[] = [];
  for (const route of wanted) {
    const other = onRouter.get(route);
    if (other === undefined || other.label === label || !(other.table || table)) continue;
    const property = propertyOf(route);
    const network = route.replace(/^ip route /, "");
    if (held.has(route) && !other.held && !planned.has(other.label)) taken.push(other);
    else if (held.has(route) && !other.held)
      failures.push({
        property,
        reason: `${network} was also taken in this run by ${other.label} (${other.property()}) of this stack on ${router}, before this check: both now list it; ${ONE_OWNER}`,
      });
    else
      failures.push({
        property,
        reason: `${network} is also listed by ${other.label} (${other.property()}) of this stack on ${router}: ${ONE_OWNER}`,
      });
  }
  if (failures.length > 0) return failures;
  // What this resource claimed in an earlier check of this process (a preview before the update) is replaced.
  for (const [route, c] of onRouter) if (c.label === label) onRouter.delete(route);
  superseded.delete(label);
  for (const route of wanted) {
    const other = onRouter.get(route);
    const mine = { label, property: () => propertyOf(route), held: held.has(route), table };
    if (other === undefined || taken.includes(other)) onRouter.set(route, mine);
    if (other && taken.includes(other)) {
      const network = route.replace(/^ip route /, "");
      const refusal = {
        property: other.property(),
        reason: `${network} belongs to ${label} (${mine.property()}; its state lists it) on ${router}: ${ONE_OWNER}`,
      };
      superseded.set(other.label, [...(superseded.get(other.label) ?? []), refusal]);
      // A preview runs no create or update to refuse: it tells what the up will refuse.
      if (preview) warnOnce(`${other.label} will be refused: ${refusal.property}: ${refusal.reason}`);
    }
  }
  return [];
}

/**
 * Refuses an operation whose routes an incumbent claimed after its check (see claim), before anything is typed; else
 * notes that it planned.
 */
function refuseSuperseded(kind: AnyKind, identity: string): void {
  const label = labelOf(kind, identity);
  const refused = superseded.get(label);
  if (refused) throw new RefusedError(kind.kind, identity, refused);
  planned.add(label);
}

/** Where create and update start: the kind, the model from `props` and its router. */
function target(kindName: string, props: Props) {
  const kind = kindOf(kindName);
  const model = modelOf(kind, props);
  const own = routerInput(props);
  return { kind, model, own, conn: withProgress(connectionOf(own)) };
}

export async function create(kindName: string, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const { kind, model, own, conn } = target(kindName, inputs);
  const identity = kind.identity(model);
  let prior: Prior | undefined;
  await applyPlan(
    conn,
    kind,
    identity,
    (config) => {
      refuseSuperseded(kind, identity);
      const conflicts = kind.conflicts(config, model);
      if (conflicts.length > 0 && inputs.adopt !== true && !kind.alwaysExists) {
        const lines = conflicts.map((l) => `  line ${l.line}: ${l.text}`).join("\n");
        // A table's own lines already there are most likely routes another resource of this stack made.
        const moved = kind.stateForm
          ? "; if resources of this stack made them (an OverlapSafeVpn's host routes before 0.2), move them into the table with `nvr upgrade-state` instead (docs/upgrading.md)"
          : "";
        throw new Error(
          redact(
            `${labelOf(kind, identity)}: ${conn.host} already has these lines; set adopt: true to take them over${moved}:\n${lines}`,
          ),
        );
      }
      // What this resource takes over (an interface's settings, an adopted block), restored on delete.
      prior = conflicts.length > 0 ? kind.prior(config, model) : undefined;
      return kind.plan(config, model, prior);
    },
    { model, props: inputs },
  );
  const outs = outputsOf(kind, propertiesOf(kind, model), own, flagsOf(inputs), prior);
  noteOwned(kind, identity, outs);
  return { id: identity, outs };
}

export async function read(kindName: string, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  const kind = kindOf(kindName);
  const own = (props.router ?? {}) as RouterInput;
  // A transport or parse error throws: only a router that positively lacks the object means "gone".
  const conn = withProgress(connectionOf(own));
  const config = await routerFor(conn)
    .config()
    .catch((e: unknown) => {
      throw oncePerRouter(e, conn, labelOf(kind, id));
    });
  const read = (): Props | undefined => {
    if (kind.stateForm) return kind.stateForm.readState(config, id, props);
    const model = kind.read(config, id, props);
    return model === undefined ? undefined : propertiesOf(kind, model);
  };
  const properties = read();
  if (properties === undefined) return { id: "", props: {} };
  const outs = outputsOf(kind, properties, own, flagsOf(props), props.prior);
  noteOwned(kind, id, outs);
  return { id, props: outs, inputs: { ...properties, router: outs.router, ...flagsOf(props) } };
}

export async function update(
  kindName: string,
  id: string,
  olds: Props,
  news: Props,
): Promise<pulumi.dynamic.UpdateResult> {
  const { kind, model, own, conn } = target(kindName, news);
  await applyPlan(
    conn,
    kind,
    kind.identity(model),
    (config) => {
      refuseSuperseded(kind, kind.identity(model));
      return kind.plan(config, model, priorOf(olds), undefined, olds);
    },
    {
      model,
      props: news,
    },
  );
  const flags = flagsOf({ adopt: olds.adopt, ...flagsOf(news) });
  const outs = outputsOf(kind, propertiesOf(kind, model), own, flags, olds.prior);
  noteOwned(kind, id, outs);
  return { outs };
}

async function remove(kindName: string, id: string, props: Props): Promise<void> {
  const kind = kindOf(kindName);
  const conn = withProgress(connectionOf((props.router ?? {}) as RouterInput));
  if (ownedByAnother(id, props)) {
    progress(labelOf(kind, id), "left on the router: a StaticRoutes table of this stack lists it");
    return;
  }
  // What a delete writes back (a switch's prior value) also applies only after a restart.
  const stored =
    props.restartToApply === true
      ? parseProperties(kind.kind as ResourceKindName, stateInputs(kind, props))
      : undefined;
  const restart = stored?.success ? { model: stored.data, props } : undefined;
  await applyPlan(
    conn,
    kind,
    id,
    (config) => kind.plan(config, undefined, priorOf(props), id, props),
    restart,
    true,
  );
  ownedByOthers.get(routerOf(props))?.delete(id);
}
export { remove as delete };

/**
 * The provider of one kind, as the dynamic-provider host calls it: what the `__provider` text in state
 * (sdk/provider.ts) returns, so state holds no method table, only the kind and where to load this module.
 */
export function providerOf(kindName: string): pulumi.dynamic.ResourceProvider {
  return {
    configure,
    check: (olds, news) => check(kindName, olds, news),
    diff: (id, olds, news) => diff(kindName, id, olds, news),
    create: (inputs) => create(kindName, inputs),
    read: (id, props) => read(kindName, id, props),
    update: (id, olds, news) => update(kindName, id, olds, news),
    delete: (id, props) => remove(kindName, id, props),
  };
}
