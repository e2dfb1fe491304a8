/** `schedule at`: commands run at a date and time, at an event, or (`+SEC`) after a timer. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { type Env, type Family, hasFeature } from "../spec";
import { fail, integer, MAX_FILTER } from "../values";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Schedule DATE: weekday names print capitalised (`*\/Wed` [V] dump for input styles such as `*\/wed`) [U]. */
function scheduleDate(text: string): string {
  if (!/^[0-9*,-]+\/[0-9a-z*,-]+$/i.test(text)) fail("illegal-keyword");
  return text.replace(/[a-z]+/gi, (day) => {
    const name = WEEKDAYS.find((d) => d.toLowerCase() === day.toLowerCase());
    return name ?? fail("illegal-keyword");
  });
}

const SCHEDULE_EVENTS = ["startup", "usb-attached", "sd-attached"];

/** Schedule TIME `hh:mm[:ss]` prints as `hh:mm:ss` with two-digit fields [V] (`0:00` → `00:00:00`). */
function scheduleTime(text: string): string {
  if (SCHEDULE_EVENTS.includes(text)) return text;
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) fail("illegal-keyword");
  const limits = [23, 59, 59];
  return [...parts, ...(parts.length === 2 ? ["00"] : [])]
    .map((p, i) => {
      if (p === "*" || /[-,]/.test(p)) return p;
      return String(integer(p, 0, limits[i])).padStart(2, "0");
    })
    .join(":");
}

/** A switch as `switch select` names it (CR §48.2.1): its MAC address, or the route to it from a LAN port. */
function switchName(text: string): string {
  if (/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(text)) return text.toLowerCase();
  const route = /^lan\d+:(\d+(-\d+)*)$/.exec(text) ?? fail("illegal-keyword");
  route[1].split("-").forEach((port) => integer(port, 1, 64));
  return text;
}

function scheduleArgs(r: Reader, env: Env): void {
  const first = r.peek() ?? fail("parameters");
  if (first.startsWith("+")) {
    if (env.model.hasScheduleTimer === false) fail("illegal-keyword");
    r.replace((v) => `+${integer(v.slice(1), 1, 3600)}`);
  } else {
    // The device fills in the every-day date [V] yamaha-cli.md §7.2; event times take none [U].
    if (first.includes("/")) r.replace(scheduleDate);
    else if (!SCHEDULE_EVENTS.includes(first)) r.out.push("*/*");
    r.replace(scheduleTime);
  }
  const target = r.next();
  if (target === "pp") {
    const peer = r.next();
    if (peer !== "anonymous") integer(peer, 1, env.model.maxPp);
  } else if (target === "tunnel") integer(r.next(), 1, env.model.maxTunnel);
  else if (target === "switch") {
    // The 4th/8th forms (CR §37.1): a switch under L2MS (ch. 48), by MAC address or by route `lanN:PORT[-PORT...]`.
    if (!hasFeature(env.model, "l2ms")) fail("illegal-keyword");
    r.replace(switchName);
  } else if (target !== "*") fail("illegal-keyword");
  if (r.remaining === 0) fail("parameters");
  r.command();
}

export const schedule: Family = {
  specs: [
    {
      head: "schedule at",
      scope: "global",
      key: (r) => [String(r.int(1, MAX_FILTER))],
      args: scheduleArgs,
      order: (key) => [SECTION.SCHEDULE, Number(key[0])],
      // The scheduled command may itself carry one (`pp auth myname ...`).
      holdsSecrets: true,
    },
  ],
};
