// The fault campaign of issue 12: does every promise of README's safety model hold when the connection drops after
// any command, the router refuses any line, the provider is killed, or a second client works on the same router?
// For the lab stack's `pulumi up` and for `nvr apply` of a mixed command file, against nvr-sim at zero latency.
//
//   CAMPAIGN_FAMILIES=up-drop,apply-error   run only these families
//   CAMPAIGN_ONLY=1-5 (or 3,7,10-12)        run only these cases of each family (1-based; for drops: N)
//   CAMPAIGN_CONCURRENCY=3                  cases at once, each with its own simulator, directory and stack
//   CAMPAIGN_REPORT=file.json               also write the figures as JSON
//   CAMPAIGN_LOGS=dir                       keep each case's outputs and the router's event log there
import * as fs from "fs";
import {
  applyDrop,
  applyError,
  A_FILE_TEXT,
  B_FILE_TEXT,
  calibrateApply,
  calibrateUp,
  concurrent,
  refusedLines,
  upDrop,
  upError,
  upEngineKill,
  upKill,
  type ConcurrentSpec,
  type FaultCase,
} from "./cases";
import { pool } from "./procs";
import { formatFailures, formatReport, Tally, writeReport } from "./report";
import { APPLY_FILE_TEXT, NVR_CLI, removeCampaignDir, UP_TIMEOUT_MS, writeFiles } from "./targets";
import { pulumiBinDir } from "../e2e/harness";

/** Per family: the whole N range of pulumi up takes minutes on a loaded 2-core machine. No case starts after the
 * deadline, so a family whose runs hang (each is killed after UP_TIMEOUT_MS) still ends with its report. */
const FAMILY_TIMEOUT_MS = 20 * 60_000;
const FAMILY_DEADLINE_MS = FAMILY_TIMEOUT_MS - 2 * UP_TIMEOUT_MS - 60_000;
const CONCURRENCY = Number(process.env.CAMPAIGN_CONCURRENCY ?? 3);

/** 1-based case numbers from CAMPAIGN_ONLY ("1-5", "3,7,10-12"); undefined: every case. */
function onlyCases(): Set<number> | undefined {
  const spec = process.env.CAMPAIGN_ONLY;
  if (!spec) return undefined;
  const picked = new Set<number>();
  for (const part of spec.split(",")) {
    const [from, to = from] = part.split("-").map(Number);
    for (let i = from; i <= to; i++) picked.add(i);
  }
  return picked;
}

const selected = <T>(items: readonly T[]): T[] => {
  const only = onlyCases();
  return only ? items.filter((_, i) => only.has(i + 1)) : [...items];
};

const familyEnabled = (name: string): boolean =>
  !process.env.CAMPAIGN_FAMILIES || process.env.CAMPAIGN_FAMILIES.split(",").includes(name);

/** Calibrations run once, when the first family that needs them starts. */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("fault campaign (issue 12): the safety model under faults", () => {
  const tally = new Tally(CONCURRENCY);
  const paths = writeFiles({ mixed: APPLY_FILE_TEXT, a: A_FILE_TEXT, b: B_FILE_TEXT });
  const up = once(calibrateUp);
  const apply = once(() => calibrateApply(paths.mixed));

  beforeAll(() => {
    // The lab stack loads the built SDK and provider, nvr apply is the built CLI.
    if (!fs.existsSync(NVR_CLI)) throw new Error(`${NVR_CLI} is missing: run npm run build first`);
    pulumiBinDir();
  });

  afterAll(() => {
    removeCampaignDir();
    const figures = tally.figures();
    if (Object.keys(figures.families).length === 0) return;
    process.stdout.write(`\n${formatReport(figures)}`);
    writeReport(process.env.CAMPAIGN_REPORT, figures);
  });

  /** One family as one test: its cases through the pool, failing with every unsurvived case listed. */
  function family<C>(
    name: string,
    title: string,
    calibration: () => Promise<C>,
    cases: (cal: C) => FaultCase[],
  ): void {
    (familyEnabled(name) ? test : test.skip)(
      `${name}: ${title}`,
      async () => {
        const began = Date.now();
        let cal: C;
        try {
          cal = await calibration();
        } catch (e) {
          tally.broken(name, (e as Error).message, Date.now() - began);
          throw e;
        }
        const results = await pool(selected(cases(cal)), CONCURRENCY, (c) =>
          Date.now() - began > FAMILY_DEADLINE_MS
            ? Promise.resolve(c.notRun(`the family's ${FAMILY_DEADLINE_MS / 60_000} min deadline passed`))
            : c.run(),
        );
        const figures = tally.add(name, results, Date.now() - began);
        if (figures.failed.length > 0) throw new Error(formatFailures(name, figures));
      },
      FAMILY_TIMEOUT_MS,
    );
  }

  family("up-drop", "pulumi up cut after command N, for every N, then a fault-free up converges", up, (cal) =>
    range(1, cal.commands.length).map((n) => upDrop(cal, n)),
  );

  family(
    "up-error",
    "pulumi up with the router refusing each distinct line it sends, then a fault-free up converges",
    up,
    (cal) => refusedLines(cal).map((refused) => upError(cal, refused)),
  );

  family(
    "up-kill",
    "SIGKILL of the dynamic provider at six points of pulumi up, then a fresh up converges",
    up,
    // Spread over the run: console setup, the first batch, around its save, the second batch, its save.
    (cal) =>
      [...new Set([1, 2, 3, 4, 5, 6].map((i) => Math.ceil((cal.commands.length * i) / 7)))].map((k) =>
        upKill(cal, k),
      ),
  );

  family(
    "up-engine-kill",
    "SIGKILL of the engine (the pulumi CLI) in the first and the second batch: its provider leaves with it",
    up,
    (cal) => [2, 5].map((i) => upEngineKill(cal, Math.ceil((cal.commands.length * i) / 7))),
  );

  family(
    "apply-drop",
    "nvr apply of a mixed file cut after command N, for every N, then a fault-free apply converges",
    apply,
    (cal) => range(1, cal.commands.length).map((n) => applyDrop(cal, paths.mixed, n)),
  );

  family(
    "apply-error",
    "nvr apply of a mixed file with the router refusing each distinct line, then a fault-free apply converges",
    apply,
    (cal) => refusedLines(cal).map((refused) => applyError(cal, paths.mixed, refused)),
  );

  const stopAt = (k: number) => new RegExp(`^ip route 10\\.77\\.${k}\\.0/24 `);
  const twoClients: ConcurrentSpec[] = [
    ...[1, 4, 7].map(
      (k) => ({ id: `apply+apply k=${k}`, a: "apply", b: "apply", stopAfter: stopAt(k) }) as const,
    ),
    ...[1, 7].map((k) => ({ id: `apply+up k=${k}`, a: "apply", b: "up", stopAfter: stopAt(k) }) as const),
    ...["pp bind tunnel2-tunnel4", "pp auth username someone2 "].map(
      (line) =>
        ({
          id: `up+apply at ${line.trim()}`,
          a: "up",
          b: "apply",
          stopAfter: new RegExp(`^${line}`),
        }) as const,
    ),
  ];
  family(
    "concurrent",
    "two clients on one router, the one the router refuses stopped mid-change: its lines are never saved",
    async () => ({ up: await up(), apply: await apply() }),
    (cals) => twoClients.map((spec) => concurrent(spec, { a: paths.a, b: paths.b }, cals)),
  );
});
