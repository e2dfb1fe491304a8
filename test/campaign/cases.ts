// The campaign's fault cases. Each case gets its own simulator (seed start config, zero latency), temporary
// directory and stack, breaks one run in one way, and returns every problem it saw instead of throwing, so the
// campaign can report X/Y per family and list what went wrong in each case.
import * as fs from "fs";
import * as path from "path";
import type { Fault, Simulator } from "../../simulator";
import { eventsOf } from "../e2e/lab";
import { descendants, providerPids, running, signalPid, waitFor, type Run, type Started } from "./procs";
import {
  CAMPAIGN_SECRETS,
  caseRouter,
  labCommandParts,
  labParts,
  LabStack,
  nvrApply,
  oldSecretLines,
} from "./targets";
import {
  APPLY_STYLE,
  consoleLeftovers,
  convergedProblems,
  diffSummary,
  lastLines,
  leakProblems,
  maskSecrets,
  partAsBefore,
  partOf,
  PULUMI_STYLE,
  reportProblems,
  routerProblems,
  type Expected,
  type Problem,
  type ReportStyle,
  type RouterState,
} from "./verdict";

export interface CaseResult {
  family: string;
  id: string;
  problems: Problem[];
  ms: number;
  /** What the case did that its id does not say (where a kill landed, the exit codes). */
  note: string;
}

/** What the fault-free run of a target gives: the configs a case may end in and the commands the router got. */
export interface Calibration {
  expected: Expected;
  /** Command texts as the simulator logged them (secrets masked), in order. */
  commands: string[];
  oldSecretLines: string[];
  ms: number;
  /** From starting the client to its SSH connection: how long a client may take before it is seen waiting. */
  connectMs: number;
}

const stateOf = (sim: Simulator): RouterState => ({ running: sim.runningConfig(), saved: sim.savedConfig() });
const commandTexts = (sim: Simulator): string[] => eventsOf(sim, "command").map((e) => String(e.text));

/** One case's findings, and the texts (outputs, logs, state) its secrets check covers. */
class Case {
  readonly problems: Problem[] = [];

  /** `family-serial`: unique in this process, for stack names (with Stack's pid and time) and log files. */
  constructor(readonly name: string) {}

  readonly texts: Record<string, string> = {};
  readonly notes: string[] = [];

  add(problems: Problem[], prefix = ""): void {
    for (const p of problems) this.problems.push({ kind: `${prefix}${p.kind}`, detail: p.detail });
  }

  problem(kind: string, detail: string): void {
    this.problems.push({ kind, detail: maskSecrets(detail, CAMPAIGN_SECRETS) });
  }

  async run(label: string, started: Started): Promise<Run> {
    const run = await started.done;
    this.texts[`${label} stdout`] = run.stdout;
    this.texts[`${label} stderr`] = run.stderr;
    this.notes.push(`${label} exit ${run.code}`);
    return run;
  }

  /**
   * The invariants after a faulted run: the router's and the report's. A console setting the router refuses to put
   * back (`no console KEY` answered with an error) cannot go: that one line may stay, provided the run failed and
   * named it; the rerun must still remove it.
   */
  judge(run: Run, sim: Simulator, cal: Calibration, style: ReportStyle, refused?: Refused): void {
    let state = stateOf(sim);
    const kept = refused === undefined ? undefined : /^no console (\w+)$/.exec(refused.line)?.[1];
    if (kept !== undefined) {
      if (run.code === 0 || !(run.stdout + run.stderr).includes(refused!.line))
        this.problem("refused console restore not reported", `exit ${run.code}, ${refused!.line} not named`);
      state = { ...state, running: state.running.replace(new RegExp(`^console ${kept} \\S+\\n`, "m"), "") };
    }
    this.add(routerProblems(state, cal.expected, CAMPAIGN_SECRETS));
    this.add(reportProblems(run, state, cal.expected, style, CAMPAIGN_SECRETS, cal.oldSecretLines));
  }

  /** A fault-free run after the faulted one must exit 0 and leave running == saved == intended, no console lines. */
  converged(run: Run, sim: Simulator, cal: Calibration): void {
    if (run.code !== 0 || run.timedOut)
      this.problem(
        "rerun failed",
        `exit ${run.code}: ${lastLines(run.stdout + run.stderr, CAMPAIGN_SECRETS)}`,
      );
    this.add(convergedProblems(stateOf(sim), cal.expected, CAMPAIGN_SECRETS), "rerun: ");
  }
}

/** One case, ready to run: the family runs it through its pool, or reports it not run past its deadline. */
export interface FaultCase {
  id: string;
  run(): Promise<CaseResult>;
  notRun(why: string): CaseResult;
}

let serial = 0;

function faultCase(family: string, id: string, body: (c: Case) => Promise<void>): FaultCase {
  const name = `${family}-${++serial}`;
  return {
    id,
    run: () => runCase(new Case(name), family, id, body),
    notRun: (why) => ({ family, id, problems: [{ kind: "not run", detail: why }], ms: 0, note: "" }),
  };
}

async function runCase(
  c: Case,
  family: string,
  id: string,
  body: (c: Case) => Promise<void>,
): Promise<CaseResult> {
  const began = Date.now();
  try {
    await body(c);
  } catch (e) {
    c.problem("harness error", e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  c.add(leakProblems(c.texts, CAMPAIGN_SECRETS));
  if (process.env.CAMPAIGN_LOGS) keepLogs(process.env.CAMPAIGN_LOGS, id, c);
  return { family, id, problems: c.problems, ms: Date.now() - began, note: c.notes.join(", ") };
}

/** Each run's output and the router's event log of one case, for reading a failure (CAMPAIGN_LOGS=dir). */
function keepLogs(dir: string, id: string, c: Case): void {
  const texts = Object.entries(c.texts).filter(([where]) => !where.includes("stack file"));
  const body = texts.map(([where, text]) => `==== ${where}\n${text}\n`).join("");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${c.name}.log`), `${id}: ${c.notes.join(", ")}\n${body}`);
}

/** A fresh router and a lab stack on it for one case; the event log and the stack's files join the secrets check. */
async function withLab(
  c: Case,
  body: (lab: LabStack, sim: Simulator) => Promise<void>,
  faults: Fault[] = [],
): Promise<void> {
  const sim = await caseRouter(faults);
  let lab: LabStack | undefined;
  try {
    lab = await LabStack.open(sim, `camp-${c.name}`);
    await body(lab, sim);
  } finally {
    c.texts["simulator event log"] = JSON.stringify(sim.events());
    if (lab) Object.assign(c.texts, lab.persisted());
    lab?.close();
    await sim.stop();
  }
}

async function withRouter(
  c: Case,
  body: (sim: Simulator) => Promise<void>,
  faults: Fault[] = [],
): Promise<void> {
  const sim = await caseRouter(faults);
  try {
    await body(sim);
  } finally {
    c.texts["simulator event log"] = JSON.stringify(sim.events());
    await sim.stop();
  }
}

/** The fault-free run every family compares against; fails loudly, since no case means anything without it. */
async function calibrate(
  label: string,
  go: (sim: Simulator) => Promise<Run>,
  parts?: Expected["parts"],
): Promise<Calibration> {
  const sim = await caseRouter();
  try {
    const start = sim.runningConfig();
    const began = Date.now();
    const run = await go(sim);
    const state = stateOf(sim);
    const leftovers = consoleLeftovers(state.running, start);
    if (run.code !== 0 || state.running !== state.saved || leftovers.length > 0) {
      const how = run.timedOut ? `killed after ${Math.round(run.ms / 1000)} s` : `exit ${run.code}`;
      const same = state.running === state.saved ? "==" : "!=";
      // The router's side too: a hang shows as the last commands it got.
      const tail = sim
        .events()
        .slice(-12)
        .map(
          (e) =>
            `  ${e.ts.slice(11, 23)} session ${e.session ?? "-"} ${e.type} ${String(e.text ?? e.reason ?? "")}`,
        );
      throw new Error(
        maskSecrets(
          `the fault-free ${label} did not apply cleanly (${how}, running ${same} saved, console leftovers ${
            leftovers.join(", ") || "none"
          }):\n${run.stdout}${run.stderr}\nthe router's last events:\n${tail.join("\n")}`,
          CAMPAIGN_SECRETS,
        ),
      );
    }
    const intended = state.running;
    return {
      expected: { start, intended, parts },
      commands: commandTexts(sim),
      oldSecretLines: oldSecretLines(start, intended),
      ms: run.ms,
      connectMs: Date.parse(eventsOf(sim, "connect")[0]?.ts ?? "") - began,
    };
  } finally {
    await sim.stop();
  }
}

export function calibrateUp(): Promise<Calibration> {
  return calibrate(
    "pulumi up",
    async (sim) => {
      const lab = await LabStack.open(sim, "camp-cal");
      try {
        return await lab.up().done;
      } finally {
        lab.close();
      }
    },
    labParts,
  );
}

export function calibrateApply(file: string): Promise<Calibration> {
  return calibrate("nvr apply", (sim) => nvrApply(sim, file).done);
}

/** Lines that only serve the session (reading, console settings, save, logout, leaving a block, which a new login
 * also does): an error on one of them may be worked around, so only the general invariants apply. Any other line is part of the change: refused, the run
 * must fail and leave the router as before. */
export function isSessionLine(line: string): boolean {
  return /^(show |(no )?console |save$|quit$|exit$|(pp|tunnel) select none$)/.test(line);
}

/** An exact, anchored regex for a logged command; a masked secret (`********`) stands for any word. */
export function exactLine(logged: string): string {
  const escaped = logged.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `^${escaped.replace(/\\\*\\\*\\\*\\\*\\\*\\\*\\\*\\\*/g, "\\S+")}$`;
}

// ---- pulumi up of the lab stack ----

async function rerunUp(c: Case, lab: LabStack, sim: Simulator, cal: Calibration): Promise<void> {
  sim.setFaults([]);
  c.converged(await c.run("rerun", lab.up()), sim, cal);
}

export function upDrop(cal: Calibration, n: number): FaultCase {
  return faultCase("up-drop", `N=${n}`, (c) =>
    withLab(c, async (lab, sim) => {
      sim.setFaults([{ type: "drop-after-commands", count: n }]);
      c.judge(await c.run("fault run", lab.up()), sim, cal, PULUMI_STYLE);
      await rerunUp(c, lab, sim, cal);
    }),
  );
}

/** A line the router refuses in an error case, and the part of the change it belongs to (`session` for the
 * session's own lines, `config` for nvr apply's single transaction, else a lab resource). */
export interface Refused {
  line: string;
  part: string;
}

/** The distinct commands of a calibration, in first-sent order, with their parts. */
export function refusedLines(cal: Calibration): Refused[] {
  const parts = cal.expected.parts ? labCommandParts(cal.commands) : cal.commands.map(() => "config");
  const seen = new Map<string, string>();
  cal.commands.forEach((line, i) => {
    if (!seen.has(line)) seen.set(line, isSessionLine(line) ? "session" : parts[i]);
  });
  return [...seen].map(([line, part]) => ({ line, part }));
}

/** The strict rule for a refused line of the change: the run fails and its part is exactly as before. */
function refusedLine(c: Case, refused: Refused, run: Run, sim: Simulator, cal: Calibration): void {
  if (refused.part === "session") return;
  if (run.code === 0) c.problem("refused line reported as success", `exit 0 although the router refused it`);
  const running = sim.runningConfig();
  if (!partAsBefore(running, refused.part, cal.expected)) {
    const [now, before] = [running, cal.expected.start].map((cfg) => partOf(cal.expected, cfg, refused.part));
    c.problem("not as before after a refused line", `${refused.part}: ${diffSummary(now, before)}`);
  }
}

export function upError(cal: Calibration, refused: Refused): FaultCase {
  return faultCase("up-error", refused.line, (c) =>
    withLab(c, async (lab, sim) => {
      sim.setFaults([{ type: "error-on", match: exactLine(refused.line) }]);
      const run = await c.run("fault run", lab.up());
      c.judge(run, sim, cal, PULUMI_STYLE, refused);
      refusedLine(c, refused, run, sim, cal);
      await rerunUp(c, lab, sim, cal);
    }),
  );
}

/**
 * A `pulumi up` followed until the router has received `k` commands, with its dynamic provider processes at that
 * moment: none, noted as a harness problem, when the run ended or had no provider before command `k`.
 */
async function upUntilCommand(
  c: Case,
  lab: LabStack,
  sim: Simulator,
  k: number,
): Promise<{ up: Started; providers: number[] }> {
  const up = lab.up();
  let ended = false;
  void up.done.then(() => (ended = true));
  const reached = await waitFor(
    () => (ended || commandTexts(sim).length >= k ? true : undefined),
    120_000,
    () => commandTexts(sim).length >= k - 3,
  );
  const providers = up.child.pid === undefined || ended ? [] : providerPids(up.child.pid);
  if (!reached || providers.length === 0)
    c.problem("harness: not killed", `the run ${ended ? "ended" : "had no provider"} before command ${k}`);
  return { up, providers };
}

/** SIGKILL of the dynamic provider when the router has received `k` commands; then a fresh up must converge. A
 * killed provider cannot clean up, so only the report of the killed run and the next run are judged. */
export function upKill(cal: Calibration, k: number): FaultCase {
  return faultCase("up-kill", `k=${k}`, (c) =>
    withLab(c, async (lab, sim) => {
      const { up, providers: pids } = await upUntilCommand(c, lab, sim, k);
      for (const pid of pids) signalPid(pid, "SIGKILL");
      const at = commandTexts(sim).length;
      const run = await c.run("killed run", up);
      // Commands already on their way when the kill landed still reach the router.
      c.notes.push(
        `killed ${pids.length} provider process(es) after command ${at} (${commandTexts(sim).length} arrived)`,
      );
      const state = stateOf(sim);
      if (
        run.code === 0 &&
        (state.running !== cal.expected.intended || state.saved !== cal.expected.intended)
      )
        c.problem("success reported but not applied and saved", "exit 0 after the provider was killed");
      await rerunUp(c, lab, sim, cal);
    }),
  );
}

/** How long a provider may outlive its engine: it ends its batch (a save at most) and its next progress line meets
 * the broken pipe. */
const ORPHAN_GRACE_MS = 30_000;

/**
 * SIGKILL of the engine (the `pulumi` CLI) when the router has received `k` commands. The provider it started must
 * leave within ORPHAN_GRACE_MS: Pulumi's provider host, writing to the dead engine's pipes, reported each failure
 * on those pipes again, without end, on a core and gigabytes of memory. What it leaves on the router is a killed
 * provider's, judged by up-kill; the stack is left locked with operations pending, so there is no rerun here.
 */
export function upEngineKill(cal: Calibration, k: number): FaultCase {
  return faultCase("up-engine-kill", `k=${k}`, (c) =>
    withLab(c, async (lab, sim) => {
      const { up, providers } = await upUntilCommand(c, lab, sim, k);
      const engine = up.child.pid;
      const below = engine === undefined || providers.length === 0 ? [] : descendants(engine);
      if (engine !== undefined) signalPid(engine, "SIGKILL");
      const at = commandTexts(sim).length;
      const left = await waitFor(() => (providers.some(running) ? undefined : true), ORPHAN_GRACE_MS);
      if (!left)
        c.problem(
          "provider outlived its engine",
          `${providers.filter(running).length} provider process(es) still running ${ORPHAN_GRACE_MS / 1000} s after the engine was killed`,
        );
      // Pulumi's language host and the program are orphaned too: none may outlive the case.
      for (const pid of below) signalPid(pid, "SIGKILL");
      await c.run("killed engine", up);
      c.notes.push(`killed the engine after command ${at}, above ${providers.length} provider process(es)`);
    }),
  );
}

// ---- nvr apply of the mixed file ----

async function rerunApply(c: Case, sim: Simulator, file: string, cal: Calibration): Promise<void> {
  sim.setFaults([]);
  c.converged(await c.run("rerun", nvrApply(sim, file)), sim, cal);
}

export function applyDrop(cal: Calibration, file: string, n: number): FaultCase {
  return faultCase("apply-drop", `N=${n}`, (c) =>
    withRouter(
      c,
      async (sim) => {
        c.judge(await c.run("fault run", nvrApply(sim, file)), sim, cal, APPLY_STYLE);
        await rerunApply(c, sim, file, cal);
      },
      [{ type: "drop-after-commands", count: n }],
    ),
  );
}

export function applyError(cal: Calibration, file: string, refused: Refused): FaultCase {
  return faultCase("apply-error", refused.line, (c) =>
    withRouter(
      c,
      async (sim) => {
        const run = await c.run("fault run", nvrApply(sim, file));
        c.judge(run, sim, cal, APPLY_STYLE, refused);
        refusedLine(c, refused, run, sim, cal);
        await rerunApply(c, sim, file, cal);
      },
      [{ type: "error-on", match: exactLine(refused.line) }],
    ),
  );
}

// ---- two clients on one router ----

/** Client A's command file: routes no one else writes, the last one refused by the router. */
export const A_ROUTES = 12;
export const A_FILE_TEXT = Array.from(
  { length: A_ROUTES },
  (_, i) => `ip route 10.77.${i + 1}.0/24 gateway 192.168.11.1\n`,
).join("");
const A_LINE = /^ip route 10\.77\./;
const A_REFUSED = `^ip route 10\\.77\\.${A_ROUTES}\\.0/24 `;
/** Client B's command file: three routes of its own. */
export const B_FILE_TEXT = [1, 2, 3].map((i) => `ip route 10.88.${i}.0/24 gateway 192.168.11.1\n`).join("");
const B_LINE = /^ip route 10\.88\./;
/** The lab's up fails in its VPN operation: the router refuses that operation's last line. */
const UP_REFUSED = "^ipsec transport template 2 3-4$";

export interface ConcurrentSpec {
  id: string;
  /** The client that fails (its last line is refused) and is stopped (SIGSTOP) mid-change. */
  a: "apply" | "up";
  /** The second client, started while A is stopped. */
  b: "apply" | "up";
  /** A is stopped once the router has received a command matching this. */
  stopAfter: RegExp;
}

/** The lab's VPN part: what a failed VPN operation must leave as it found. */
const vpnPart = (config: string): string => labParts(config).get("vpn") ?? "";

/** Waits until the router has received a command matching `stopAfter`, then SIGSTOPs `pids()` (the client's
 * process or, for pulumi, its provider); the pids stopped, none if the client ended first. */
async function stopAt(
  sim: Simulator,
  client: Started,
  pids: () => number[],
  stopAfter: RegExp,
): Promise<number[]> {
  let ended = false;
  void client.done.then(() => (ended = true));
  // From login on, check every turn: the stop point is a few commands away at most.
  await waitFor(
    () => (ended || commandTexts(sim).some((t) => stopAfter.test(t)) ? true : undefined),
    120_000,
    () => commandTexts(sim).length > 0,
  );
  const stopped = ended ? [] : pids();
  for (const pid of stopped) signalPid(pid, "SIGSTOP");
  return stopped;
}

/**
 * Waits until `client` is done or is seen waiting (for a lock): logged in and quiet for 1.5 s, or not connected
 * long after a client of its kind connects (a lock held off the router). True if it is done.
 */
async function doneOrWaiting(
  sim: Simulator,
  client: Started,
  since: number,
  connectMs: number,
): Promise<boolean> {
  let ended = false;
  void client.done.then(() => (ended = true));
  const began = Date.now();
  await waitFor(() => {
    if (ended) return true;
    const events = sim.events().slice(since);
    const connect = events.find((e) => e.type === "connect");
    if (!connect) return Date.now() - began > 3 * connectMs + 2000 ? true : undefined;
    const last = events.filter((e) => e.type === "command").pop() ?? connect;
    return Date.now() - Date.parse(last.ts) > 1500 ? true : undefined;
  }, 30_000);
  return ended;
}

/** A's refused change, if `saved` holds any of it: A's routes, or for a lab A its VPN part changed. */
function refusedChangeIn(spec: ConcurrentSpec, saved: string, start: string): string | undefined {
  if (spec.a === "up")
    return vpnPart(saved) === vpnPart(start) ? undefined : diffSummary(vpnPart(saved), vpnPart(start));
  const n = saved.split("\n").filter((l) => A_LINE.test(l)).length;
  return n === 0 ? undefined : `${n} of A's ${A_ROUTES} routes`;
}

/** The two clients' reports and the router after both: A failed and said so, A's change saved by no one, B's
 * success only with its change saved, running == saved, no console leftovers. */
function judgeTwoClients(
  c: Case,
  spec: ConcurrentSpec,
  runs: { a: Run; b: Run },
  saved: { byB?: string; end: RouterState },
  lab: Expected,
): void {
  const { start } = lab;
  const output = (r: Run) => r.stdout + r.stderr;
  const style = (who: "apply" | "up") => (who === "up" ? PULUMI_STYLE : APPLY_STYLE);
  if (runs.a.code === 0)
    c.problem("failed client reported success", "client A exit 0 though a line was refused");
  else if (!style(spec.a).message.test(output(runs.a)))
    c.problem("failure without a message", `client A: ${lastLines(output(runs.a), CAMPAIGN_SECRETS)}`);
  if (runs.b.code !== 0 && !style(spec.b).message.test(output(runs.b)))
    c.problem("failure without a message", `client B: ${lastLines(output(runs.b), CAMPAIGN_SECRETS)}`);

  const end = saved.end;
  if (end.running !== end.saved) c.problem("running != saved", diffSummary(end.running, end.saved));
  for (const [when, config] of [
    ["saved by B while A was stopped", saved.byB],
    ["saved at the end", end.saved],
    ["running at the end", end.running],
  ] as const) {
    if (config === undefined) continue;
    const leftovers = consoleLeftovers(config, start);
    if (leftovers.length > 0) c.problem("console leftover", `${when}: ${leftovers.join(", ")}`);
    const refused = when === "running at the end" ? undefined : refusedChangeIn(spec, config, start);
    if (refused !== undefined) c.problem("failed client's lines saved", `${when}: ${refused}`);
  }

  // B reported success: its change is saved (against a lab B, exactly the lab's intended config).
  if (runs.b.code === 0) {
    const routes = end.saved.split("\n").filter((l) => B_LINE.test(l)).length;
    if (spec.b === "apply" && routes !== 3)
      c.problem(
        "success reported but not applied and saved",
        `client B exit 0 with ${routes}/3 routes saved`,
      );
    if (spec.b === "up" && end.saved !== lab.intended)
      c.problem(
        "success reported but not applied and saved",
        `client B exit 0, saved vs intended: ${diffSummary(end.saved, lab.intended)}`,
      );
  }
  if (spec.a === "apply" && spec.b === "apply") {
    const rest = end.saved
      .split("\n")
      .filter((l) => !B_LINE.test(l))
      .join("\n");
    if (rest !== start)
      c.problem("half-applied: neither as before nor as intended", diffSummary(rest, start));
  }
}

/**
 * Client A applies a change the router refuses at its end; while A's lines are on the router (A stopped after
 * `stopAfter`), client B runs. B either waits for A (a router lock) or runs through; either way A's lines must
 * never end up saved, and each client reports what happened to it.
 */
export function concurrent(
  spec: ConcurrentSpec,
  files: { a: string; b: string },
  cals: { up: Calibration; apply: Calibration },
): FaultCase {
  const lab = cals.up;
  const refused = spec.a === "apply" ? A_REFUSED : UP_REFUSED;
  return faultCase("concurrent", spec.id, (c) =>
    withRouter(
      c,
      async (sim) => {
        const stacks: [string, LabStack][] = [];
        let stopped: number[] = [];
        try {
          // Stacks first: their setup is slow and must not widen the window being tested.
          const stackFor = async (who: string) => {
            const s = await LabStack.open(sim, `camp-${c.name}-${who}`);
            stacks.push([who, s]);
            return s;
          };
          const labA = spec.a === "up" ? await stackFor("a") : undefined;
          const labB = spec.b === "up" ? await stackFor("b") : undefined;

          const a = labA ? labA.up() : nvrApply(sim, files.a);
          const pidA = a.child.pid ?? -1;
          stopped = await stopAt(sim, a, () => (labA ? providerPids(pidA) : [pidA]), spec.stopAfter);
          if (stopped.length === 0)
            c.problem(
              "harness: not stopped",
              `client A ended or was not found before ${spec.stopAfter.source}`,
            );
          c.notes.push(`A stopped at command ${commandTexts(sim).length}`);

          const since = sim.events().length;
          const b = labB ? labB.up() : nvrApply(sim, files.b);
          // Without a lock B has saved by now, while A's lines were on the router: what it saved counts too.
          const waited = await doneOrWaiting(sim, b, since, cals[spec.b].connectMs);
          const byB = waited ? sim.savedConfig() : undefined;
          for (const pid of stopped.splice(0)) signalPid(pid, "SIGCONT");

          const runs = { a: await c.run("client A", a), b: await c.run("client B", b) };
          judgeTwoClients(c, spec, runs, { byB, end: stateOf(sim) }, lab.expected);
        } finally {
          for (const pid of stopped) signalPid(pid, "SIGCONT");
          for (const [who, s] of stacks) {
            for (const [where, text] of Object.entries(s.persisted()))
              c.texts[`client ${who} ${where}`] = text;
            s.close();
          }
        }
      },
      [{ type: "error-on", match: refused }],
    ),
  );
}
