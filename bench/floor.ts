/**
 * The physical floor of a change: what the wire alone costs, with no tool overhead at all. One login, one
 * `administrator`, one `show config` (a change must be planned against the router's config), every line of the
 * plan typed once with its context selects, and one `save`.
 */
import type { ContextCommand } from "../provider/config";
import { scriptFor } from "../provider/apply/plan";
import type { Profile } from "./profiles";

/** Commands beyond the plan's own lines: `administrator`, `show config`, `save`. */
const FIXED_COMMANDS = 3;

/** The fewest commands that carry `plan` to the router (its lines plus the context selects between them). */
export function minimalCommands(plan: readonly ContextCommand[]): number {
  return scriptFor(plan).length + FIXED_COMMANDS;
}

export function floorMs(profile: Profile, commands: number): number {
  return profile.handshakeMs + commands * profile.roundTripMs + profile.saveMs;
}
