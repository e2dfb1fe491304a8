/**
 * Transactional apply over one router link: type the plan line by line, stop at the first error and undo exactly
 * what was applied, finish or undo a plan cut short by a drop, and verify the result by re-reading the config —
 * at once, or for a whole batch with one read (`verifyBatch`). Nothing here saves: the Router decides when a save
 * covers an operation.
 */
import { CommandError, ConnectionLostError, RouterError, TimeoutError, VerifyError } from "../errors";
import type { ConfigIndex } from "../config/index";
import type { ContextCommand } from "../config/model";
import {
  refuseControlCharacters,
  restoreCommands,
  rollbackCommands,
  scriptFor,
  lastWrites,
  unmetCommands,
  verifyProblems,
} from "./plan";

/**
 * One login as the apply logic uses it (session/shell.ts implements it): type a line and get its output, the
 * first error thrown as CommandError; the select context the login is in; back to the top level.
 */
export interface RouterConsole {
  readonly context: string;
  run(line: string, timeoutMs?: number): Promise<string>;
  toGlobal(): Promise<void>;
}

/** What the apply logic needs from a Router (implemented in session/router.ts). */
export interface Link {
  readonly name: string;
  /** The primary session, connecting if needed. */
  shell(): Promise<RouterConsole>;
  /** Drops the primary session (its state is unknown) so the next shell() reconnects. */
  discard(): void;
  /**
   * The running config as the session knows it: read from the router, then kept up to date with every line it
   * accepted (`accepted`). An index once returned never changes: it stays a snapshot of that moment.
   */
  config(): Promise<ConfigIndex>;
  /** The router accepted a plan command (its output is `output`): the known config takes the line. */
  accepted(cmd: ContextCommand, output: string): void;
  /** The known config is in doubt (an error, a drop, a line typed outside `accepted`): the next config() reads. */
  invalidate(): void;
  log(line: string): void;
  /**
   * Records, before they are typed, the settings a plan is about to change, so a session cut before its save can
   * be told from someone else's unsaved work by the next session (custody.ts).
   */
  journal(plan: readonly ContextCommand[]): void;
  /** A plan cut short by a connection that could not be re-established: settled before the next plan. */
  pending?: { snapshot: ConfigIndex; plan: readonly ContextCommand[] };
}

/** A failure that ended with the router back in its state from before the plan. */
export function markRolledBack<E extends RouterError>(e: E): E {
  e.rolledBack = true;
  return e;
}

const RECONNECT_ATTEMPTS = 3;

function lost(e: unknown): boolean {
  return e instanceof ConnectionLostError || e instanceof TimeoutError;
}

/**
 * The console back at the top level. When the router refuses `pp select none` / `tunnel select none`, the login is
 * given up for a fresh one, which starts at the top level: undoing a plan must never hinge on leaving a block.
 */
async function atTop(link: Link, shell: RouterConsole): Promise<RouterConsole> {
  try {
    await shell.toGlobal();
    return shell;
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    link.log(`cannot leave ${shell.context} (${e.message}); logging in again`);
    link.discard();
    return link.shell();
  }
}

/** Types commands with their context lines; `applied` collects the plan commands the router accepted. */
async function type(
  link: Link,
  from: RouterConsole,
  cmds: readonly ContextCommand[],
  applied?: ContextCommand[],
): Promise<void> {
  let shell = await atTop(link, from);
  for (const step of scriptFor(cmds)) {
    if (step.index === undefined && / select none$/.test(step.line)) shell = await atTop(link, shell);
    else {
      const output = await shell.run(step.line);
      if (step.index !== undefined) link.accepted(cmds[step.index], output);
    }
    if (step.index !== undefined) applied?.push(cmds[step.index]);
  }
}

/**
 * Reconnects (a drop or timeout leaves the old session's state unknown) and returns a fresh config read, which the
 * lines typed next keep up to date.
 */
async function reconnect(link: Link): Promise<{ shell: RouterConsole; current: ConfigIndex }> {
  link.discard();
  link.invalidate();
  const shell = await link.shell();
  const current = await link.config();
  return { shell, current };
}

/** Runs `step` on a fresh session, retrying across further drops. */
async function withReconnects<T>(
  link: Link,
  step: (shell: RouterConsole, current: ConfigIndex) => Promise<T>,
): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < RECONNECT_ATTEMPTS; attempt++) {
    try {
      const { shell, current } = await reconnect(link);
      return await step(shell, current);
    } catch (e) {
      if (!lost(e)) throw e;
      link.log(`connection lost again (${(e as Error).message}); retrying`);
      last = e;
    }
  }
  throw last;
}

/** Puts every setting the plan touched back to `snapshot`, reading the router's current state first. */
async function restore(link: Link, snapshot: ConfigIndex, plan: readonly ContextCommand[]): Promise<void> {
  await withReconnects(link, (shell, current) => type(link, shell, restoreCommands(snapshot, current, plan)));
}

/** After the router rejected a command: undo the accepted prefix, then rethrow the router's error. */
async function rollback(
  link: Link,
  snapshot: ConfigIndex,
  plan: readonly ContextCommand[],
  applied: readonly ContextCommand[],
  cause: RouterError,
): Promise<never> {
  link.log(`rolling back ${applied.length} applied command(s)`);
  try {
    await type(link, await link.shell(), rollbackCommands(snapshot, applied));
  } catch (e) {
    if (lost(e)) await restore(link, snapshot, plan).catch((r) => rollbackFailed(link, cause, r));
    else rollbackFailed(link, cause, e);
  }
  throw markRolledBack(cause);
}

function rollbackFailed(link: Link, cause: RouterError, e: unknown): never {
  throw new RouterError(
    link.name,
    `rollback failed after "${cause.routerMessage ?? cause.message}": ${(e as Error).message}; the running config is partly changed and NOT saved`,
    { command: cause.command, routerMessage: cause.routerMessage },
  );
}

/** After a drop mid-plan: complete what is missing; if the router now rejects something, restore the snapshot. */
async function converge(link: Link, snapshot: ConfigIndex, plan: readonly ContextCommand[]): Promise<void> {
  link.log("connection lost mid-plan; reconnecting to complete it");
  await withReconnects(link, async (shell, current) => {
    const missing = unmetCommands(current, plan);
    try {
      await type(link, shell, missing);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      await restore(link, snapshot, plan);
      throw markRolledBack(e);
    }
  });
}

/**
 * A plan that an earlier call could not finish because the router stayed unreachable is undone before anything
 * else is applied: its settings go back to that plan's snapshot, so no half of it remains.
 */
async function settlePending(link: Link): Promise<void> {
  const pending = link.pending;
  if (!pending) return;
  link.log("restoring the settings of a plan interrupted by a lost connection");
  await restore(link, pending.snapshot, pending.plan);
  link.pending = undefined;
}

/** A plan typed and accepted, with the config it was typed on, awaiting verification. */
export interface Applied {
  snapshot: ConfigIndex;
  plan: readonly ContextCommand[];
}

/**
 * Applies `plan` so that it lands whole or not at all (in the running config; saving is the caller's).
 * Throws the router's error after restoring every setting the plan touched. With `verify: "batch"` the read that
 * verifies it is left to `verifyBatch`, once for every plan applied before the save that covers them; the plan is
 * then typed on the config the session knows (its read of the batch, kept up to date line by line).
 */
export async function applyPlan(
  link: Link,
  plan: readonly ContextCommand[],
  opts: { verify: "now" | "batch" } = { verify: "now" },
): Promise<Applied> {
  // Refused whole before the first line is typed, so a bad line never leaves a plan half-applied.
  for (const step of scriptFor(plan)) refuseControlCharacters(link.name, step.line);
  await settlePending(link);
  const snapshot = await link.config();
  link.journal(plan);
  const applied: ContextCommand[] = [];
  const convergeAfterDrop = () =>
    converge(link, snapshot, plan).catch((c: unknown) => {
      if (lost(c)) link.pending = { snapshot, plan };
      throw c;
    });
  try {
    await type(link, await link.shell(), plan, applied);
    await atTop(link, await link.shell());
  } catch (e) {
    // Whatever failed, what the router holds now is read, not assumed.
    link.invalidate();
    if (e instanceof CommandError) await rollback(link, snapshot, plan, applied, e);
    if (!lost(e)) throw e;
    await convergeAfterDrop();
  }
  if (opts.verify === "batch") return { snapshot, plan };
  link.invalidate();
  // Cut while reading the result: the next login reads it, completing whatever the router does not show.
  const after = await link.config().catch(async (e: unknown) => {
    if (!lost(e)) throw e;
    await convergeAfterDrop();
    return link.config();
  });
  const problems = verifyProblems(after, plan);
  if (problems.length > 0) {
    link.invalidate();
    await restore(link, snapshot, plan);
    throw markRolledBack(
      new VerifyError(link.name, `the router's config does not show the plan: ${problems.join("; ")}`),
    );
  }
  return { snapshot, plan };
}

/**
 * Verifies every plan of a batch with one read of the router's config. A plan the config does not show is put back
 * to its snapshot (only the settings no later plan of the batch wrote) and gets its error, marked rolled back; the
 * others get undefined and may be saved. A drop while reading is logged into again and the read repeated.
 */
export async function verifyBatch(
  link: Link,
  batch: readonly Applied[],
): Promise<(RouterError | undefined)[]> {
  link.invalidate();
  const after = await link.config().catch(async (e: unknown) => {
    if (!lost(e)) throw e;
    return withReconnects(link, async (_shell, current) => current);
  });
  const owned = lastWrites(batch.map((b) => b.plan));
  const failures: (RouterError | undefined)[] = [];
  for (const [i, { snapshot }] of batch.entries()) {
    const problems = verifyProblems(after, owned[i]);
    if (problems.length === 0) {
      failures.push(undefined);
      continue;
    }
    const failure = new VerifyError(
      link.name,
      `the router's config does not show the plan: ${problems.join("; ")}`,
    );
    failures.push(
      await restore(link, snapshot, owned[i]).then(
        () => markRolledBack(failure),
        (r: unknown) =>
          new RouterError(
            link.name,
            `${failure.message}; putting it back failed (${(r as Error).message}): the running config is partly changed and NOT saved`,
          ),
      ),
    );
  }
  return failures;
}
