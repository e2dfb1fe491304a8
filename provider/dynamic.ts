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
import { STAGES, planCreate, type CheckFailure, type Prior, type ResourceKind } from "./resources/contract";
import {
  COMMON_PROPERTIES,
  labelOf,
  listedObjects,
  parseProperties,
  resourceKinds,
  stateInputs,
  type ResourceKindName,
} from "./resources";
import { escapeControls } from "./resources/lines";
import { routeIdentityOf } from "./resources/static-route";
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
import { alreadyThere, leaveWithTheEngine, livePlan, oncePerRouter, progress, warnOnce } from "./live-plan";
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

/**
 * What a resource carries from inputs to outputs unchanged: its flags, and its URN as the SDK passed it, so that its
 * delete knows which claimant it is (`declaredByAnother`).
 */
function flagsOf(props: Props): Props {
  const flags: Props = {};
  if (props.adopt !== undefined) flags.adopt = props.adopt;
  if (props.restartToApply !== undefined) flags.restartToApply = props.restartToApply;
  const urn = urnOf(props);
  if (urn !== undefined) flags.__urn = urn;
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
  announced: string | undefined,
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
      // Its check announced it under its claimant (`announce`); a delete is never announced.
      announced: deleting ? undefined : announced,
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
 * (session/batch.ts). The key is the resource's claimant (`claimantOf`: its URN, else its label), as applyPlan
 * passes it. A resource whose router is not set announces nothing (its operation fails without reaching a router).
 */
function announce(
  key: string,
  router: RouterInput,
  coming: boolean,
  writes?: (config: ConfigIndex) => boolean,
): void {
  let conn: RouterConnection;
  try {
    conn = connectionOf(router);
  } catch {
    return;
  }
  if (coming) routerFor(conn).announce(key, writes);
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
  // Outside a preview the engine sends this resource's create or update (or its diff finds nothing) next. A create
  // that finds nothing to write against the router as known (an interface already as wanted, lines there without
  // adopt) needs no save: a batch does not wait for it (session/batch.ts).
  if (news.livePlan !== true) {
    const creating = Object.keys(olds).length === 0;
    const writes = (config: ConfigIndex) => {
      const planned = planCreate(kind, config, model.data, news.adopt === true);
      return "lines" in planned && planned.lines.length > 0;
    };
    announce(
      claimantOf(kind, kind.identity(model.data), news),
      router.data,
      true,
      creating ? writes : undefined,
    );
  }
  // The URN goes on to create and update, which are refused by it when an incumbent took their object (claim).
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
  if (!changes && newRouter) announce(claimantOf(kind, id, news), newRouter, false);
  const deleteBeforeReplace = replaces.length > 0 && identityKept();
  if (replaces.length > 0)
    replacements.set(objectKey(routerOf(olds), labelOf(kind, id)), deleteBeforeReplace ? "first" : "later");
  return { changes, replaces, deleteBeforeReplace };
}

/**
 * The objects (router and label, `objectKey`) whose resource this run replaces, and when the engine deletes the old
 * one: `first`, before its replacement of the same identity is created (deleteBeforeReplace), or `later`, after the
 * replacement (another identity) was created. Either way the replacement's claims are under the old one's URN.
 */
const replacements = new Map<string, "first" | "later">();

const objectKey = (router: string, label: string) => `${router}\u0000${label}`;

/**
 * Who else in this run declares an object that a delete of `self` (its claimant; undefined: any claimant is another)
 * would remove, or undefined. A resource renamed without an alias is created (adopting its lines) before the engine
 * deletes the old one, which the program no longer declares; that delete would remove what the new one holds, so
 * the object (or a table's route) is left to it.
 */
function declaredByAnother(router: string, label: string, self: string | undefined): string | undefined {
  const holder = claims.get(router)?.get(label);
  return holder === undefined || holder.claimant === self ? undefined : holder.name;
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
 * Who the resources checked in this run say owns each router object, by router (`host:port`) → the object (as
 * labelOf names it: `NatDescriptor nat descriptor 30`, `StaticRoute ip route N/32` with the network in normal form,
 * so `10.0.0.1` and `10.0.0.1/32` are one route) → the claimant. Every resource claims its own object (its kind and
 * identity); a StaticRoutes table also claims each of its routes. Two claimants of one object would each rewrite it
 * and remove it from under the other, so the second is refused (`claim`). Claimants are told apart by their URN (the
 * SDK passes it as `__urn`): the same resource checked again (a preview before the up in one process) is the same
 * claimant, while a second resource of one kind and identity (two tables of one name, two descriptors of one
 * number) is another. This is the program's view, not the state's: a resource whose check this process has not seen
 * (a `--target`ed up checks only its targets; another `pulumi up`; the old resource of a replacement, or one the
 * program dropped, which the engine deletes without a check) claims nothing here, and the router check of create
 * (a line already there needs `adopt`) and update (`refuseForeign`) is then all that guards.
 */
const claims = new Map<string, Map<string, Claim>>();

interface Claim {
  /** The resource: its URN, else (a caller that passes none) its label, which is then one claimant per object. */
  claimant: string;
  /** The resource as labelOf names it. */
  label: string;
  /** The resource as a refusal of its object names it: its URN, else its label. */
  name: string;
  /** The claimant's property naming the object (`routes[2].network`, `network`, `name`), found when a message needs it. */
  property: () => string;
  /** Whether the claimant's state already holds the object (its olds): the incumbent wins over a newcomer. */
  held: boolean;
  /** A route a table lists, rather than the resource's own object. */
  entry: boolean;
}

/** Why a route has one owner, in each refusal of a route a table lists. */
const ONE_OWNER =
  "a route has one owner, or deleting either would remove it from under the other; list it in one of them only";

/** Why a router object is one resource, in each refusal of a second resource of one kind and identity. */
const ONE_RESOURCE =
  "one router object is one resource, or each would rewrite it and deleting either would remove it from under the other";

/**
 * Why `refused` cannot claim `object`, which `other` claims: it is `also` claimed by a resource checked before, was
 * `taken` in this run by a newcomer that already sent its lines, or `belongs` to an incumbent checked after it.
 */
function refusal(
  why: "also" | "taken" | "belongs",
  object: string,
  refused: Claim,
  other: Claim,
  router: string,
): CheckFailure {
  const property = refused.property();
  if (refused.entry || other.entry) {
    const network = object.replace(/^StaticRoute ip route /, "");
    const reason = {
      also: `${network} is also listed by ${other.label} (${other.property()}) of this stack on ${router}: ${ONE_OWNER}`,
      taken: `${network} was also taken in this run by ${other.label} (${other.property()}) of this stack on ${router}, before this check: both now list it; ${ONE_OWNER}`,
      belongs: `${network} belongs to ${other.label} (${other.property()}; its state lists it) on ${router}: ${ONE_OWNER}`,
    }[why];
    return { property, reason };
  }
  const second = {
    also: `by ${refused.name} and by ${other.name}, checked before it`,
    taken: `by ${refused.name}, whose state holds it, and by ${other.name}, which this run already sent`,
    belongs: `by ${refused.name}, new, and by ${other.name}, whose state holds it`,
  }[why];
  const fix =
    property === "" ? "declare it once" : `declare it once, or give one of them another ${property}`;
  return { property, reason: `${object} is declared twice on ${router}: ${second}; ${ONE_RESOURCE}: ${fix}` };
}

/** Operations refused after their check passed: an incumbent checked later took their object (claimant → why). */
const superseded = new Map<string, CheckFailure[]>();

/** The claimants of this run's creates and updates that planned against the router: too late to refuse (see claim). */
const planned = new Set<string>();

/** The resource's URN as the SDK passes it; undefined from a caller that passes none (or while it is unknown). */
const urnOf = (props: Props): string | undefined =>
  typeof props.__urn === "string" && props.__urn !== UNKNOWN ? props.__urn : undefined;

/** The claimant of a resource (see Claim.claimant). */
const claimantOf = (kind: AnyKind, identity: string, props: Props): string =>
  urnOf(props) ?? labelOf(kind, identity);

/** The routes a table lists in `props`, as claims name them; unreadable: none. */
function entriesOf(kind: AnyKind, props: Props): string[] {
  if (Object.keys(props).length === 0) return [];
  try {
    return listedObjects(kind, props);
  } catch {
    return [];
  }
}

/** The object a resource's state (`olds`) holds, as claims name it; none or unreadable: undefined. */
function heldObject(kind: AnyKind, olds: Props): string | undefined {
  if (Object.keys(olds).length === 0) return undefined;
  try {
    return labelOf(kind, kind.identity(modelOf(kind, olds)));
  } catch {
    return undefined;
  }
}

/**
 * The property of a program's inputs naming each route of a table: the entry as the program lists it
 * (`routes[2].network`, its position before the table sorts it). The entries are read once, at the first route a
 * message names.
 */
function entryProperties(news: Props): (object: string) => string {
  let index: Map<string, number> | undefined;
  return (object) => {
    if (index === undefined) {
      const route = kindOf("StaticRoute");
      const entries = Array.isArray(news.routes) ? (news.routes as unknown[]) : [];
      const found = new Map<string, number>();
      entries.forEach((entry, i) => {
        const parsed = parseProperties("StaticRoute", entry as Props);
        const id = parsed.success ? labelOf(route, route.identity(parsed.data)) : undefined;
        if (id !== undefined && !found.has(id)) found.set(id, i);
      });
      index = found;
    }
    const i = index.get(object);
    return i === undefined ? "routes" : `routes[${i}].network`;
  };
}

/**
 * Records the objects a checked resource claims (its own object, a table's routes: `inputs`, valid as `model`) on
 * its router, or returns a failure per object another resource of this run already claims (then it claims nothing).
 * An incumbent (its state, `olds`, holds the object) takes it from a newcomer checked before it; the newcomer's
 * create or update is then refused before anything is typed (`superseded`; a preview warns of it). A second
 * resource of one kind and identity is told that alone: its routes clash only because of it.
 */
function claim(
  kind: AnyKind,
  model: unknown,
  checked: { news: Props; inputs: Props; olds: Props; router: string; preview: boolean },
): CheckFailure[] {
  const { news, inputs, olds, router, preview } = checked;
  const identity = kind.identity(model);
  const label = labelOf(kind, identity);
  const claimant = claimantOf(kind, identity, news);
  const name = escapeControls(urnOf(news) ?? label);
  const objects = [label, ...entriesOf(kind, inputs)];
  const heldEntries = new Set(entriesOf(kind, olds));
  const entryProperty = entryProperties(news);
  const identityProperty =
    kind.replaceOnChange.length > 0 ? propertyName(kind.kind, kind.replaceOnChange[0]) : "";
  // Whether the state holds this resource's own object: read from the state only when another claimant asks (a
  // table's state is 10,000 routes to parse).
  let holdsOwn: boolean | undefined;
  const mine = (object: string): Claim => {
    if (object === label)
      return {
        claimant,
        label,
        name,
        property: () => identityProperty,
        get held() {
          return (holdsOwn ??= heldObject(kind, olds) === label);
        },
        entry: false,
      };
    return {
      claimant,
      label,
      name,
      property: () => entryProperty(object),
      held: heldEntries.has(object),
      entry: true,
    };
  };
  const onRouter = claims.get(router) ?? new Map<string, Claim>();
  claims.set(router, onRouter);
  const failures: CheckFailure[] = [];
  const taken: Claim[] = [];
  for (const object of objects) {
    const other = onRouter.get(object);
    if (other === undefined || other.claimant === claimant) continue;
    const ours = mine(object);
    if (ours.held && !other.held && !planned.has(other.claimant)) taken.push(other);
    else failures.push(refusal(ours.held && !other.held ? "taken" : "also", object, ours, other, router));
    if (object === label && failures.length > 0) break;
  }
  if (failures.length > 0) return failures;
  // What this resource claimed in an earlier check of this process (a preview before the update) is replaced.
  for (const [object, c] of onRouter) if (c.claimant === claimant) onRouter.delete(object);
  superseded.delete(claimant);
  // A newcomer of this kind and identity is told that alone: its routes clash only because of it.
  const toldTwice = new Set<string>();
  for (const object of objects) {
    const other = onRouter.get(object);
    const ours = mine(object);
    if (other === undefined || taken.includes(other)) onRouter.set(object, ours);
    if (other === undefined || !taken.includes(other) || toldTwice.has(other.claimant)) continue;
    const refused = refusal("belongs", object, other, ours, router);
    if (object === label && !other.entry) {
      toldTwice.add(other.claimant);
      superseded.set(other.claimant, [refused]);
    } else superseded.set(other.claimant, [...(superseded.get(other.claimant) ?? []), refused]);
    // A preview runs no create or update to refuse: it tells what the up will refuse.
    if (preview) warnOnce(`${other.name} will be refused: ${refused.property}: ${refused.reason}`);
  }
  return [];
}

/**
 * Refuses an operation whose objects an incumbent claimed after its check (see claim), before anything is typed;
 * else notes that it planned.
 */
function refuseSuperseded(kind: AnyKind, identity: string, props: Props): void {
  const claimant = claimantOf(kind, identity, props);
  const refused = superseded.get(claimant);
  if (refused) throw new RefusedError(kind.kind, identity, refused);
  planned.add(claimant);
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
      refuseSuperseded(kind, identity, inputs);
      const planned = planCreate(kind, config, model, inputs.adopt === true);
      if ("conflicts" in planned)
        throw new Error(
          `${labelOf(kind, identity)}: ${alreadyThere(conn.host, planned.conflicts, kind.stateForm !== undefined)}`,
        );
      // What this resource takes over (an interface's settings, an adopted block), restored on delete.
      prior = planned.prior;
      return planned.lines;
    },
    { model, props: inputs },
    claimantOf(kind, identity, inputs),
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
      refuseSuperseded(kind, kind.identity(model), news);
      return kind.plan(config, model, priorOf(olds), undefined, olds);
    },
    { model, props: news },
    claimantOf(kind, kind.identity(model), news),
  );
  const flags = flagsOf({ adopt: olds.adopt, ...flagsOf(news) });
  const outs = outputsOf(kind, propertiesOf(kind, model), own, flags, olds.prior);
  noteOwned(kind, id, outs);
  return { outs };
}

async function remove(kindName: string, id: string, props: Props): Promise<void> {
  const kind = kindOf(kindName);
  const conn = withProgress(connectionOf((props.router ?? {}) as RouterInput));
  const label = labelOf(kind, id);
  if (ownedByAnother(id, props)) {
    progress(label, "left on the router: a StaticRoutes table of this stack lists it");
    return;
  }
  const router = routerOf(props);
  const key = objectKey(router, label);
  const replaced = replacements.get(key);
  replacements.delete(key);
  // Its claimant as its state names it (see flagsOf; state without one is taken for another resource's). The old
  // resource of a replacement created first claims nothing: what its URN claims is its replacement's.
  const self = replaced === "later" ? undefined : claimantOf(kind, id, props);
  // A replacement of one identity created after this delete holds nothing yet: the object goes, then comes back.
  const holder = replaced === "first" ? undefined : declaredByAnother(router, label, self);
  if (holder !== undefined) {
    progress(label, `left on the router: ${holder} of this stack declares it`);
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
    // A table's route another resource of this run declares is left to it, as its own object would be.
    (config) =>
      kind.plan(config, undefined, priorOf(props), id, props).filter((c) => {
        const route = routeIdentityOf(c.command);
        return (
          route === undefined ||
          declaredByAnother(router, labelOf(resourceKinds.StaticRoute, route), self) === undefined
        );
      }),
    restart,
    undefined,
    true,
  );
  ownedByOthers.get(router)?.delete(id);
  // What it claimed is no longer held (a replacement's claims are kept): a later delete of it is not left to it.
  const onRouter = claims.get(router);
  if (replaced === undefined)
    for (const [object, c] of onRouter ?? []) if (c.claimant === self) onRouter?.delete(object);
}
export { remove as delete };

/**
 * The provider of one kind, as the dynamic-provider host calls it: what the `__provider` text in state
 * (sdk/provider.ts) returns, so state holds no method table, only the kind and where to load this module.
 */
export function providerOf(kindName: string): pulumi.dynamic.ResourceProvider {
  leaveWithTheEngine();
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
