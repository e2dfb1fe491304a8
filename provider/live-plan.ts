/**
 * What the provider tells the user while the engine runs, beside its results: the live plan a preview shows per
 * resource, problems that concern a whole router (said once per router, not once per resource), and progress.
 *
 * The engine shows what a dynamic provider writes to stdout and stderr under the stack, as it arrives (a dynamic
 * provider has no connection to the engine's log service, so `pulumi.log` from here reaches nobody): that is the
 * channel for warnings and progress.
 */
import { VPN_FILTER_CHECKS } from "./analysis/filter-lint";
import { buildNetwork } from "./analysis/network";
import type { ConfigIndex } from "./config/index";
import { applyCommands } from "./config/write";
import type { ContextCommand } from "./config/model";
import { previewLines } from "./config/render";
import { connectionProblem } from "./connection";
import { planCreate, type Prior, type ResourceKind, type StoredState } from "./resources/contract";
import { redact } from "./secrets";
import { routerAddress, routerKey, type RouterConnection } from "./session";
import { peekConfig } from "./session/peek";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

/** Per provider process (one per engine run): what has been read or said about each router. */
interface Memory {
  reads: Map<string, Promise<ConfigIndex>>;
  /** Router → the resource that reported its connection problem first. */
  reported: Map<string, string>;
  warned: Set<string>;
}

const MEMORY = Symbol.for("pulumi-yamaha-nvr.live-plan");

function memory(): Memory {
  const g = globalThis as { [MEMORY]?: Memory };
  return (g[MEMORY] ??= { reads: new Map(), reported: new Map(), warned: new Set() });
}

const LEAVING = Symbol.for("pulumi-yamaha-nvr.leave-with-the-engine");

/**
 * In the engine's provider process: leave when the engine is gone. A killed engine leaves its pipes broken, and a
 * write to them fails (EPIPE); Pulumi's provider host reports that failure on the same pipes, which fails again,
 * without end (an orphaned provider spun on a core and grew to gigabytes). The provider exits instead, as when the
 * engine ends it: what it typed and did not save is in the unsaved journal, and the next run puts it back.
 */
export function leaveWithTheEngine(): void {
  const g = globalThis as { [LEAVING]?: true };
  if (g[LEAVING]) return;
  g[LEAVING] = true;
  for (const pipe of [process.stdout, process.stderr]) pipe.on("error", () => process.exit(1));
}

/** A warning under the stack, once per text per process. */
export function warnOnce(text: string): void {
  const m = memory();
  if (m.warned.has(text)) return;
  m.warned.add(text);
  process.stderr.write(`warning: ${redact(text)}\n`);
}

/** A progress line under the stack: `nvr: <resource>: <what it is doing>`. */
export function progress(resource: string, what: string): void {
  process.stdout.write(`nvr: ${redact(`${resource}: ${what}`)}\n`);
}

/**
 * A failure to reach or log in to a router as the error of one resource: the first resource of that router gets the
 * whole story with the config key to set; every other one a one-line pointer to it (the engine prints each).
 * Other errors come back as they are.
 */
export function oncePerRouter(e: unknown, conn: RouterConnection, resource: string): unknown {
  const problem = connectionProblem(e, conn);
  if (problem === undefined) return e;
  const m = memory();
  const key = routerKey(conn);
  const first = m.reported.get(key);
  if (first === undefined || first === resource) {
    m.reported.set(key, resource);
    return new Error(problem);
  }
  return new Error(`not attempted: ${routerAddress(conn)} could not be used (see the error of ${first})`);
}

/** The router's config, read once per router per process and shared by every resource of that router. */
function sharedRead(conn: RouterConnection): Promise<ConfigIndex> {
  const m = memory();
  const key = routerKey(conn);
  let read = m.reads.get(key);
  if (!read) {
    read = peekConfig(conn);
    m.reads.set(key, read);
  }
  return read;
}

/**
 * The router lines an adopted create takes over and does not keep, as `# replaces: LINE` notes after the plan: what
 * its `no` forms remove and what its new lines overwrite (`ip lan1 dhcp service server` by `... relay`). Masked.
 */
function replaced(kind: AnyKind, model: unknown, prior: Prior | undefined): string[] {
  if (prior === undefined) return [];
  const kept = new Set(previewLines(kind.commands(model, { mask: false })).map((l) => l.trim()));
  return prior.filter((l) => !kept.has(l.trim())).map((l) => `# replaces: ${redact(l.trim())}`);
}

export type LivePlan = { lines: string[] } | { refused: string };

/**
 * The router's secure filters against the VPN a preview sets up (docs/analysis.md): a warning for each filter that
 * would drop IKE, NAT traversal, ESP or L2TP on the upstream interface, or the pool's traffic into a LAN.
 */
function warnVpnFilters(
  conn: RouterConnection,
  config: ConfigIndex,
  planned: readonly ContextCommand[],
): void {
  const router = routerAddress(conn);
  try {
    const network = buildNetwork(applyCommands(config.tree, planned));
    for (const f of VPN_FILTER_CHECKS.flatMap((check) => check(network)))
      warnOnce(`${router}: ${f.code}: ${f.message}${f.hint ? `; fix: ${f.hint}` : ""}`);
  } catch (e) {
    // An auxiliary check: what it cannot read is told, and the plan itself stands.
    warnOnce(
      `${router}: the VPN's path through the router's filters is not checked: ${(e as Error).message}`,
    );
  }
}

/**
 * The lines a create (no `olds`) or an update of `model` would send to the router as it is now, secrets masked:
 * additions, `no` forms, and what an adopted create removes or overwrites. A create that would find the lines
 * already there without `adopt` is refused, as `up` would. When the router cannot be read, one warning per router
 * says so and the offline lines (the whole block) stand in; a router that refuses the login or the host key is a
 * refusal, told once per router with the key to set.
 */
export async function livePlan(
  kind: AnyKind,
  model: unknown,
  conn: RouterConnection,
  opts: { creating: boolean; adopt: boolean; resource: string; stored?: StoredState },
): Promise<LivePlan> {
  const offline = () => previewLines(kind.commands(model, { mask: true }));
  let config: ConfigIndex;
  try {
    config = await sharedRead(conn);
  } catch (e) {
    const problem = connectionProblem(e, conn);
    const unreachable = problem === undefined || /cannot be reached/.test(problem);
    if (unreachable) {
      warnOnce(
        `${routerAddress(conn)} could not be read at preview (${problem ?? (e as Error).message}): the preview shows each resource's whole block, not the lines it will send`,
      );
      return { lines: offline() };
    }
    const told = oncePerRouter(e, conn, opts.resource) as Error;
    // Only the first resource fails the preview; the others show their offline lines.
    return /^not attempted/.test(told.message) ? { lines: offline() } : { refused: told.message };
  }
  try {
    const create = opts.creating ? planCreate(kind, config, model, opts.adopt) : undefined;
    if (create && "conflicts" in create)
      return { refused: alreadyThere(routerAddress(conn), create.conflicts, kind.stateForm !== undefined) };
    const prior = create?.prior;
    const planned = create?.lines ?? kind.plan(config, model, undefined, undefined, opts.stored);
    if (kind.kind === "L2tpAnonymousPool") warnVpnFilters(conn, config, planned);
    const lines = previewLines(planned).map(redact);
    return { lines: [...lines, ...replaced(kind, model, prior)] };
  } catch (e) {
    // The router's config rules the model out (a RefusedError names why): `up` would refuse it the same way.
    return { refused: redact((e as Error).message) };
  }
}

/**
 * Why a create is refused, in its preview and at its turn alike: the router (`where`) already has lines of its object
 * and it does not adopt them. Secrets masked.
 */
export function alreadyThere(
  where: string,
  conflicts: readonly { line: number; text: string }[],
  table: boolean,
): string {
  const lines = conflicts.map((l) => `line ${l.line}: ${l.text}`).join("; ");
  // A table's own lines already there are most likely routes another resource of this stack made.
  const moved = table
    ? "; if resources of this stack made them (an OverlapSafeVpn's host routes before 0.2), move them into the table with `nvr upgrade-state` instead (docs/upgrading.md)"
    : "";
  return redact(
    `${where} already has these lines (${lines}); set adopt: true to take them over, or, if this resource was renamed, give it \`aliases\` with its old name so Pulumi keeps it${moved}`,
  );
}
