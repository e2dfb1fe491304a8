/**
 * Schedule: one `schedule at ID [DATE] TIME TARGET COMMAND` line, a command the router runs at a date and time or
 * at an event (`startup`). Identity "schedule at 1". The timer form (`+SEC`) is the provider's own commit-confirmed
 * device and is not a resource. The router prints the time as hh:mm:ss and an every-day date as `*\/*`, weekday names
 * capitalised; the model takes the same normal form so a read is no change.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { redact } from "../secrets";
import { defineKind } from "./kind";
import {
  type Found,
  type Line,
  type SourceLine,
  findLines,
  foundOnly,
  line,
  readGlobalLines,
  sourceOf,
  tokenProblem,
} from "./lines";
import { MAX_PEER_NUMBER, MAX_TUNNEL_NUMBER } from "./models";

const EVENTS = ["startup", "usb-attached", "sd-attached"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Commands a schedule may not run (CR §37.1), by their leading words. */
const FORBIDDEN = [
  "administrator",
  "auth user",
  "cold start",
  "confirm",
  "copy",
  "date",
  "delete",
  "echo",
  "embedded file",
  "exit",
  "help",
  "http revision-up",
  "interface reset",
  "ipsec transport template",
  "less",
  "login",
  "luac",
  "macro",
  "make directory",
  "nslookup",
  "ping",
  "ping6",
  "quit",
  "remote setup",
  "rename",
  "rollback timer",
  "rtfs format",
  "save",
  "schedule at",
  "scp",
  "show",
  "ssh",
  "sshd host key generate",
  "sshd session",
  "telnet",
  "telnetd session",
  "time",
  "timezone",
  "traceroute",
  "traceroute6",
  "tunnel template",
  "user attribute",
];

/** `M/D` with each side a list of numbers, ranges or `*`; the day may be weekday names (CR §37.1). */
const DATE = /^([0-9*,-]+)\/([0-9*,-]+|[A-Za-z*,-]+)$/;

/** The date as the router prints it: weekday names capitalised. */
function normalDate(date: string): string {
  return date.replace(/[a-z]+/gi, (d) => WEEKDAYS.find((w) => w.toLowerCase() === d.toLowerCase()) ?? d);
}

/** Why a date is not one the router takes, or undefined. */
function dateProblem(date: string): string | undefined {
  const m = DATE.exec(date);
  if (!m) return "must be MONTH/DAY such as */* , 1/1 or */mon-fri";
  const names = m[2].match(/[a-z]+/gi) ?? [];
  if (names.some((n) => !WEEKDAYS.some((w) => w.toLowerCase() === n.toLowerCase())))
    return "weekdays are sun, mon, tue, wed, thu, fri, sat";
  return undefined;
}

/** A time field: a number in 0..max, `*`, or a list/range of numbers (`8-17`, `0,30`). */
function fieldOk(field: string, max: number, ranges: boolean): boolean {
  if (field === "*") return ranges;
  const parts = ranges ? field.split(/[,-]/).filter((p) => p !== "") : [field];
  return parts.length > 0 && parts.every((p) => /^\d{1,2}$/.test(p) && Number(p) <= max);
}

/** The time as the router prints it, `hh:mm:ss` with two-digit numbers, or an event as it is. */
function normalTime(time: string): string {
  if (EVENTS.includes(time)) return time;
  const parts = time.split(":");
  return [...parts, ...(parts.length === 2 ? ["00"] : [])]
    .map((p) => (/^\d+$/.test(p) ? p.padStart(2, "0") : p))
    .join(":");
}

function timeProblem(time: string): string | undefined {
  if (EVENTS.includes(time)) return undefined;
  const [h, m, s, ...rest] = time.split(":");
  const ok =
    rest.length === 0 &&
    m !== undefined &&
    fieldOk(h, 23, true) &&
    fieldOk(m, 59, true) &&
    (s === undefined || fieldOk(s, 59, false));
  return ok ? undefined : `must be hh:mm[:ss] (seconds a number) or one of ${EVENTS.join(", ")}`;
}

/** `*`, `pp N`, `pp anonymous` or `tunnel N`: what the command runs on. */
const TARGET = /^(\*|pp anonymous|pp ([1-9]\d*)|tunnel ([1-9]\d*))$/;

const shape = z
  .object({
    id: z.number().int().min(1, "must be 1..2147483647").max(2147483647, "must be 1..2147483647"),
    /** MONTH/DAY; absent: every day (`*\/*`). Events take no date. */
    date: z
      .string()
      .superRefine((s, ctx) => {
        const problem = dateProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform(normalDate)
      .optional(),
    /** hh:mm[:ss] (hours and minutes may be `*`, lists or ranges), or startup, usb-attached, sd-attached. */
    time: z
      .string()
      .superRefine((s, ctx) => {
        const problem = timeProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform(normalTime),
    /** What the command runs on: `*` (default), `pp N`, `pp anonymous` or `tunnel N`. */
    target: z
      .string()
      .superRefine((s, ctx) => {
        const m = TARGET.exec(s);
        if (!m) ctx.addIssue({ code: "custom", message: "must be *, pp N, pp anonymous or tunnel N" });
        else if (m[2] !== undefined && Number(m[2]) > MAX_PEER_NUMBER)
          ctx.addIssue({ code: "custom", message: `pp numbers run 1..${MAX_PEER_NUMBER}` });
        else if (m[3] !== undefined && Number(m[3]) > MAX_TUNNEL_NUMBER)
          ctx.addIssue({ code: "custom", message: `tunnel numbers run 1..${MAX_TUNNEL_NUMBER}` });
      })
      .default("*"),
    /** The command to run, words separated by single spaces, e.g. "ntpdate ntp.nict.jp syslog". */
    command: z
      .string()
      .min(1, "must not be empty")
      .max(1024, "must be at most 1024 characters")
      .superRefine((s, ctx) => {
        const words = s.split(" ");
        const bad = words.findIndex((w) => w === "" || tokenProblem(w) !== undefined);
        if (bad >= 0)
          ctx.addIssue({
            code: "custom",
            message: `word ${bad + 1} ${words[bad] === "" ? "is empty (two spaces, or a space at an end)" : tokenProblem(words[bad])}`,
          });
      }),
  })
  .strict();

export type ScheduleModel = z.output<typeof shape>;

function lines(m: ScheduleModel): Line[] {
  // The router writes an every-day date in anyway; writing it keeps the line as the router prints it.
  const date = m.date ?? (EVENTS.includes(m.time) ? undefined : "*/*");
  const when = date === undefined ? m.time : `${date} ${m.time}`;
  return [line(GLOBAL, `schedule at ${m.id} ${when} ${m.target} ${m.command}`)];
}

const idOf = (identity: string) => identity.replace(/^schedule at /, "");

function owned(config: ConfigIndex, identity: string): Line[] {
  return findLines(config, `schedule at ${idOf(identity)}`);
}

/** A `schedule at ID ...` line: its id and the words after it (`+SEC` first for a timer, commit-confirmed's). */
export interface ScheduleLine {
  id: number;
  line: number;
  /** The words after the id, as written. */
  words: string[];
}

/**
 * The one reader of `schedule at` lines, for Schedule, the typed-object finder and commit-confirmed's free id;
 * undefined for other lines and for an id that is not a number.
 */
export function readScheduleLine({ tokens, line }: SourceLine): ScheduleLine | undefined {
  if (tokens[0] !== "schedule" || tokens[1] !== "at" || !/^\d+$/.test(tokens[2] ?? "")) return undefined;
  return { id: Number(tokens[2]), line, words: tokens.slice(3) };
}

function parse(owned: Line[]): unknown {
  // The command's words as written: quotes in it are the command's own.
  const read = readScheduleLine({ tokens: owned[0].text.split(" "), line: sourceOf(owned[0]).line });
  if (read === undefined) return undefined;
  const rest = [...read.words];
  // A timer schedule (`+SEC`) is commit-confirmed's, never a resource's.
  if (rest[0]?.startsWith("+")) return undefined;
  const date = rest[0]?.includes("/") ? rest.shift() : undefined;
  const time = rest.shift();
  const target = rest[0] === "pp" || rest[0] === "tunnel" ? `${rest.shift()} ${rest.shift()}` : rest.shift();
  return {
    id: read.id,
    ...(date === undefined || date === "*/*" ? {} : { date }),
    time,
    target,
    command: rest.join(" "),
  };
}

export const Schedule = defineKind<ScheduleModel, z.input<typeof shape>>({
  kind: "Schedule",
  shape,
  rules(m, fail) {
    const event = EVENTS.includes(m.time);
    if (event && m.date !== undefined) fail(["date"], `${m.time} takes no date`);
    const forbidden = FORBIDDEN.find((f) => `${m.command} `.startsWith(`${f} `));
    if (forbidden) fail(["command"], `a schedule may not run ${forbidden} (CR §37.1)`);
    // A schedule's command is printed in clear by `show config` and is no secret property.
    if (redact(m.command) !== m.command)
      fail(["command"], "carries a password or key; set it with its own resource, not a schedule");
  },
  // The router prints an every-day date as `*/*`, which the model leaves out.
  normalise: (m) => (m.date === "*/*" ? { ...m, date: undefined } : m),
  identity: (m) => `schedule at ${m.id}`,
  stage: "enable",
  replaceOnChange: ["id"],
  secretProperties: [],
  lines,
  owned,
  parse,
});

/** The schedules of a config (Schedule's objects), by the id readScheduleLine reads. */
export const scheduleIdentities = (config: ConfigIndex): Found =>
  foundOnly(readGlobalLines(config, readScheduleLine).map((l) => `schedule at ${l.id}`));
