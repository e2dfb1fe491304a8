/**
 * Commit-confirmed for plans that can cut the management path (the device has no native commit): arm a relative
 * `schedule at ID +SEC * restart` first, apply without saving, verify from a fresh login, then cancel the schedule
 * and save. If the fresh login fails, the router restarts into its saved config, which has neither the change nor
 * the schedule (CR §37.1; yamaha-cli.md §14.2).
 */
import { RouterError } from "../errors";
import type { ConfigIndex } from "../config/index";
import type { ContextCommand } from "../config/model";
import { parseConfig } from "../config/parse";
import { indexConfig } from "../config/index";
import { readScheduleLine } from "../resources/schedule";
import { verifyProblems } from "./plan";
import { applyPlan, type Link, type RouterConsole } from "./transaction";

export interface ConfirmLink extends Link {
  /** A second, independent login (closed by the caller). */
  freshSession(): Promise<RouterConsole & { close(): Promise<void> }>;
  /** `save` with the session's console settings taken out. */
  save(): Promise<void>;
}

/** A schedule id not used by the config (schedule ids are global). */
export function freeScheduleId(config: ConfigIndex): number {
  const used = new Set(config.find(["schedule", "at"]).map((l) => readScheduleLine(l)?.id));
  let id = 99;
  while (used.has(id)) id++;
  return id;
}

export async function applyConfirmed(
  link: ConfirmLink,
  plan: readonly ContextCommand[],
  confirmTimeoutSec: number,
): Promise<void> {
  const snapshot = await link.config();
  const id = freeScheduleId(snapshot);
  const shell = await link.shell();
  await shell.toGlobal();
  link.invalidate();
  const arm = {
    context: { kind: "global" as const },
    command: `schedule at ${id} +${confirmTimeoutSec} * restart`,
  };
  link.journal([arm]);
  await shell.run(arm.command);
  const cancel = async () => {
    const s = await link.shell();
    await s.toGlobal();
    await s.run(`no schedule at ${id}`);
    link.invalidate();
  };
  try {
    await applyPlan(link, plan);
  } catch (e) {
    // The plan was rolled back (or the router is unreachable and will restart): disarm if we still can.
    await cancel().catch(() => undefined);
    throw e;
  }
  let fresh: (RouterConsole & { close(): Promise<void> }) | undefined;
  try {
    fresh = await link.freshSession();
    const text = await fresh.run("show config", 120_000);
    const problems = verifyProblems(indexConfig(parseConfig(text)), plan);
    if (problems.length > 0) throw new Error(problems.join("; "));
  } catch (e) {
    link.discard();
    link.invalidate();
    // Not rolled back yet: the change stays live until the armed restart fires and boots the saved config.
    throw new RouterError(
      link.name,
      `verification from a fresh login failed (${(e as Error).message}); not saving. The change is still live: the router restarts into its saved configuration (without it) within ${confirmTimeoutSec} s (schedule at ${id})`,
    );
  } finally {
    await fresh?.close().catch(() => undefined);
  }
  await cancel();
  await link.save();
}
