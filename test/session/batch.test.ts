/**
 * When a batch stops taking operations and is saved (provider/session/batch.ts): operations the engine announced
 * join the batch before its save, whatever order and spacing they arrive in, and every safety property of a batch
 * holds for such a gathered batch too — each operation reports only after the save that covers it, an error or a
 * drop puts back exactly what is not saved, a second client never gets its lines saved with ours.
 */
import { indexConfig, parseConfig, type ConfigIndex, type ContextCommand } from "../../provider/config";
import { RouterError, routerFor, type Router, type RouterConnection } from "../../provider/session";
import {
  Batching,
  FREE_SLOT_WAIT_MS,
  MAX_WAIT_MS,
  MIN_WAIT_MS,
  PACED_WAIT_MS,
  REPORTS_AHEAD,
} from "../../provider/session/batch";
import type { SimEvent } from "../../simulator";
import { BASE_CONFIG, dropAfterEachCommand, g, harness, type Cut, type Harness } from "./helpers";

const route = (n: number) => g(`ip route 10.${n}.0.0/16 gateway 192.168.100.254`);
const key = (n: number) => `StaticRoute 10.${n}.0.0/16`;
const saves = (events: readonly SimEvent[]) => events.filter((e) => e.type === "save").length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = { saved: string } | RouterError;

/**
 * The engine's way of sending: every operation announced first (its check, when `announce`), then each one sent
 * `gapMs` after the previous one's turn came (or it ended), as slots free and state is written. Each result is "ok"
 * with the saved config when it reported, or its error.
 */
async function engineSends(
  router: Router,
  plans: readonly ContextCommand[][],
  opts: { gapMs: number; announce: boolean; saved: () => string },
): Promise<Result[]> {
  const keys = plans.map((_, i) => `plan ${i}`);
  if (opts.announce) keys.forEach((k) => router.announce(k));
  const results: Promise<Result>[] = [];
  await new Promise<void>((allSent) => {
    const send = (i: number) => {
      let sentNext = false;
      const next = () => {
        if (sentNext) return;
        sentNext = true;
        if (i + 1 < plans.length) setTimeout(() => send(i + 1), opts.gapMs);
        else allSent();
      };
      const plan = () => {
        next();
        return plans[i];
      };
      results.push(
        router.apply(plan, { announced: opts.announce ? keys[i] : undefined }).then(
          () => ({ saved: opts.saved() }),
          (e: unknown) => e as RouterError,
        ),
      );
      void results[i].finally(next);
    };
    send(0);
  });
  return Promise.all(results);
}

/** A router with a second login user, and that user's own client of it (another process's session). */
async function withSecondClient(
  opts: { saveDelayMs?: number } = {},
): Promise<{ h: Awaited<ReturnType<typeof harness>>; other: Router }> {
  const h = await harness({
    ...opts,
    config: BASE_CONFIG.replace("login password *\n", "login password *\nlogin user other otherpw\n"),
  });
  const other = routerFor({
    ...h.conn,
    username: "other",
    password: "otherpw",
    name: "second",
  } as RouterConnection);
  return { h, other };
}

describe("a batch waits for the operations the engine announced", () => {
  test("announced operations arriving one by one after the queue drained share one save, each reported after it", async () => {
    const h = await harness({ saveDelayMs: 150 });
    try {
      const plans = [1, 2, 3, 4, 5].map((n) => [route(40 + n)]);
      const results = await engineSends(h.router, plans, {
        gapMs: 30,
        announce: true,
        saved: h.sim.savedConfig,
      });
      results.forEach((r, i) => {
        expect(r).not.toBeInstanceOf(Error);
        expect((r as { saved: string }).saved).toContain(`ip route 10.4${i + 1}.0.0/16`);
      });
      expect(saves(h.sim.events())).toBe(1);
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });

  test("operations nobody announced are saved as soon as the queue drains, as before", async () => {
    const h = await harness({ saveDelayMs: 150 });
    try {
      const results = await engineSends(
        h.router,
        [1, 2, 3].map((n) => [route(50 + n)]),
        { gapMs: 30, announce: false, saved: h.sim.savedConfig },
      );
      expect(results.every((r) => !(r instanceof Error))).toBe(true);
      expect(saves(h.sim.events())).toBeGreaterThan(1);
    } finally {
      await h.done();
    }
  });

  test("an announced operation that never comes delays the save by the wait only, then the batch is saved", async () => {
    const h = await harness();
    try {
      h.router.announce(key(60));
      h.router.announce(key(61));
      await h.router.apply([route(60)], { announced: key(60) });
      const events = h.sim.events();
      const typed = events.find((e) => e.type === "command" && String(e.text).startsWith("ip route 10.60."));
      const saved = events.find((e) => e.type === "save");
      const waited = Date.parse(saved!.ts) - Date.parse(typed!.ts);
      expect(waited).toBeGreaterThanOrEqual(MIN_WAIT_MS - 5);
      expect(waited).toBeLessThan(MAX_WAIT_MS + 2000);
      expect(h.sim.savedConfig()).toContain("ip route 10.60.0.0/16");
    } finally {
      await h.done();
    }
  });

  test("an error on a line of an operation that joined during the wait: it is rolled back, the rest saved once", async () => {
    const h = await harness({ faults: [{ type: "error-on", match: "^ip route 10\\.72\\." }] });
    try {
      const plans = [
        [route(71)],
        [route(72), g("ip route 10.73.0.0/16 gateway 192.168.100.254")],
        [route(74)],
      ];
      const [first, failed, last] = await engineSends(h.router, plans, {
        gapMs: 30,
        announce: true,
        saved: h.sim.savedConfig,
      });
      expect(failed).toBeInstanceOf(RouterError);
      expect((failed as RouterError).rolledBack).toBe(true);
      expect((first as { saved: string }).saved).toContain("ip route 10.71.0.0/16");
      expect((last as { saved: string }).saved).toContain("ip route 10.74.0.0/16");
      const saved = h.sim.savedConfig();
      expect(saved).not.toContain("ip route 10.72.0.0/16");
      expect(saved).not.toContain("ip route 10.73.0.0/16");
      expect(saves(h.sim.events())).toBe(1);
      expect(h.sim.runningConfig()).toBe(saved);
    } finally {
      await h.done();
    }
  });

  test("a second client waits for the gathered batch: its lines are never saved with ours", async () => {
    const { h, other } = await withSecondClient();
    try {
      const done = engineSends(h.router, [[route(81)], [route(82)]], {
        gapMs: 30,
        announce: true,
        saved: h.sim.savedConfig,
      });
      // The other client asks while our batch waits for its second operation.
      await sleep(10);
      const theirs = other.apply([route(83)]);
      const ours = await done;
      for (const r of ours) expect((r as { saved: string }).saved).not.toContain("ip route 10.83.0.0/16");
      await theirs;
      expect(h.sim.savedConfig()).toContain("ip route 10.83.0.0/16");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await other.close();
      await h.done();
    }
  });
});

describe("a drop after each command of a gathered batch", () => {
  const plans = () => [[route(91)], [route(92)], [g("no ip route 10.0.0.0/8")], [route(93)]];

  test("every cut: each operation reports ok exactly when the router saved it, running == saved", async () => {
    const { clean, cuts } = await dropAfterEachCommand((h) =>
      engineSends(h.router, plans(), { gapMs: 20, announce: true, saved: h.sim.savedConfig }),
    );
    expect(clean.every((r) => !(r instanceof Error))).toBe(true);
    for (const { where, outcome: results, running, saved } of cuts) {
      expect(`${where}: ${running}`).toBe(`${where}: ${saved}`);
      const ok = (i: number) => !(results[i] instanceof Error);
      expect(`${where}: 0 ${ok(0)}`).toBe(`${where}: 0 ${saved.includes("ip route 10.91.0.0/16")}`);
      expect(`${where}: 1 ${ok(1)}`).toBe(`${where}: 1 ${saved.includes("ip route 10.92.0.0/16")}`);
      expect(`${where}: 2 ${ok(2)}`).toBe(`${where}: 2 ${!saved.includes("ip route 10.0.0.0/8")}`);
      expect(`${where}: 3 ${ok(3)}`).toBe(`${where}: 3 ${saved.includes("ip route 10.93.0.0/16")}`);
    }
  }, 300_000);
});

/**
 * The engine as it runs at a fixed `--parallel`: `slots` operations at once, each next one checked (announced) as
 * soon as the previous one is sent and sent `writeMs` after a report frees a slot (its state write). It stops
 * sending after `sendOnly` operations, the last of them still announced (an engine that fails midway). The `quiet`
 * ones are announced as writing nothing (an empty plan). `serial`: the engine writes one state at a time, as
 * Pulumi's does, so sends freed at once go `writeMs` apart. `log` is the order of arrivals and reports the engine saw.
 */
async function engineWithSlots(
  router: Router,
  plans: readonly ContextCommand[][],
  opts: {
    slots: number;
    writeMs: number;
    saved: () => string;
    sendOnly?: number;
    quiet?: number[];
    serial?: boolean;
  },
): Promise<{ results: Result[]; log: string[]; reportedAt: number[] }> {
  const sendable = Math.min(plans.length, opts.sendOnly ?? plans.length);
  const keys = plans.map((_, i) => `slot plan ${i}`);
  const log: string[] = [];
  const reportedAt: number[] = [];
  const results: Promise<Result>[] = [];
  let next = 0;
  let writerFree = 0;
  const afterWrite = (send: () => void) => {
    const at = (opts.serial ? Math.max(Date.now(), writerFree) : Date.now()) + opts.writeMs;
    writerFree = at;
    setTimeout(send, at - Date.now());
  };
  const announce = (i: number) => router.announce(keys[i], opts.quiet?.includes(i) ? () => false : undefined);
  announce(0);
  await new Promise<void>((allReported) => {
    let reported = 0;
    const send = () => {
      if (next >= sendable) return;
      const i = next++;
      log.push(`arrive ${i}`);
      results[i] = router.apply(plans[i], { announced: keys[i] }).then(
        () => ({ saved: opts.saved() }),
        (e: unknown) => e as RouterError,
      );
      if (i + 1 < plans.length) announce(i + 1);
      void results[i].then(() => {
        log.push(`report ${i}`);
        reportedAt[i] = Date.now();
        if (++reported === sendable) allReported();
        else if (next < sendable) afterWrite(send);
      });
    };
    for (let k = 0; k < Math.min(opts.slots, sendable); k++) send();
  });
  return { results: await Promise.all(results), log, reportedAt };
}

/** The reports the engine saw in a row right after `arrival`, before its next arrival. */
function reportsAfter(log: readonly string[], arrival: string): number {
  const rest = log.slice(log.indexOf(arrival) + 1);
  const end = rest.findIndex((e) => e.startsWith("arrive"));
  return (end < 0 ? rest : rest.slice(0, end)).filter((e) => e.startsWith("report")).length;
}

/**
 * Every cut left the router clean (running == saved), and each operation (but the `quiet` ones, which write nothing)
 * reported ok exactly when the saved config has its route, 10.(from + its index).0.0/16.
 */
function expectEachReportedExactlyWhenSaved(
  cuts: readonly Cut<{ results: Result[] }>[],
  from: number,
  quiet: readonly number[] = [],
): void {
  for (const { where, outcome, running, saved } of cuts) {
    expect(`${where}: ${running}`).toBe(`${where}: ${saved}`);
    outcome.results.forEach((r, i) => {
      if (quiet.includes(i)) return;
      const line = `ip route 10.${from + i}.0.0/16`;
      expect(`${where}: ${i} ${!(r instanceof Error)}`).toBe(`${where}: ${i} ${saved.includes(line)}`);
    });
  }
}

describe("a saved batch reports a few at a time while the engine has more to send", () => {
  const plans = (n: number, from: number) => Array.from({ length: n }, (_, i) => [route(from + i)]);

  test("REPORTS_AHEAD at once, then one per arriving operation; each only after its save; the last round at once", async () => {
    const h = await harness({ saveDelayMs: 100 });
    try {
      const { results, log } = await engineWithSlots(h.router, plans(12, 100), {
        slots: 4,
        writeMs: 20,
        saved: h.sim.savedConfig,
      });
      results.forEach((r, i) => {
        expect(r).not.toBeInstanceOf(Error);
        expect((r as { saved: string }).saved).toContain(`ip route 10.${100 + i}.0.0/16`);
      });
      // The second round (operations 4..7) was saved with operation 8 announced: its reports were paced.
      expect(reportsAfter(log, "arrive 7")).toBe(REPORTS_AHEAD);
      const lastOfRound = Math.max(...[4, 5, 6, 7].map((i) => log.indexOf(`report ${i}`)));
      expect(lastOfRound).toBeGreaterThan(log.indexOf("arrive 8"));
      // One save per round of the engine, and the router left clean.
      expect(saves(h.sim.events())).toBe(3);
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });

  test("an engine that stops sending: the held reports come after PACED_WAIT_MS, none is lost", async () => {
    const h = await harness({ saveDelayMs: 100 });
    try {
      const { results, log, reportedAt } = await engineWithSlots(h.router, plans(9, 120), {
        slots: 4,
        writeMs: 20,
        saved: h.sim.savedConfig,
        sendOnly: 8,
      });
      expect(results.slice(0, 8).every((r) => !(r instanceof Error))).toBe(true);
      expect(log.filter((e) => e.startsWith("arrive"))).toHaveLength(8);
      const round = reportedAt.slice(4, 8).sort((a, b) => a - b);
      const held = round[REPORTS_AHEAD] - round[REPORTS_AHEAD - 1];
      expect(held).toBeGreaterThanOrEqual(PACED_WAIT_MS - 50);
      expect(held).toBeLessThan(PACED_WAIT_MS + 2000);
      expect(h.sim.savedConfig()).toContain("ip route 10.127.0.0/16");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });

  test("every cut of a paced run: each operation reports ok exactly when the router saved it, running == saved", async () => {
    const { clean, cuts } = await dropAfterEachCommand((h) =>
      engineWithSlots(h.router, plans(9, 140), { slots: 4, writeMs: 10, saved: h.sim.savedConfig }),
    );
    expect(clean.results.every((r) => !(r instanceof Error))).toBe(true);
    // The clean run's second round was paced.
    expect(reportsAfter(clean.log, "arrive 7")).toBe(REPORTS_AHEAD);
    expectEachReportedExactlyWhenSaved(cuts, 140);
  }, 600_000);

  /** An engine writing its state one at a time, 60 ms each, 8 slots, sending 24 routes from 10.`from`: it is the slower. */
  const slowEngine = (h: Harness, from: number) =>
    engineWithSlots(h.router, plans(24, from), {
      slots: 8,
      writeMs: 60,
      saved: h.sim.savedConfig,
      serial: true,
    });

  test.each([
    { fault: "no fault", faults: [], failing: -1 },
    {
      fault: "an error on one operation's line (it alone fails and is put back)",
      faults: [{ type: "error-on" as const, match: "^ip route 10\\.190\\." }],
      failing: 10,
    },
  ])(
    "a slow engine, $fault: batches saved before its round is complete, each reported after its save",
    async (c) => {
      const h = await harness({ saveDelayMs: 150, faults: c.faults });
      try {
        const { results } = await slowEngine(h, 180);
        results.forEach((r, i) => {
          const line = `ip route 10.${180 + i}.0.0/16`;
          if (i === c.failing) {
            expect(r).toBeInstanceOf(RouterError);
            expect(h.sim.savedConfig()).not.toContain(line);
          } else expect((r as { saved: string }).saved).toContain(line);
        });
        // A whole round per save would be 3 saves.
        expect(saves(h.sim.events())).toBeGreaterThan(3);
        expect(h.router.stats().earlySaves).toBeGreaterThan(0);
        expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
      } finally {
        await h.done();
      }
    },
  );

  test("a slow engine and a second client: its lines are never saved with ours, early saves or not", async () => {
    const { h, other } = await withSecondClient({ saveDelayMs: 150 });
    try {
      const done = slowEngine(h, 60);
      // The other client asks while our batches are being saved early.
      await sleep(800);
      const theirs = other.apply([route(250)]);
      const { results } = await done;
      for (const r of results) expect((r as { saved: string }).saved).not.toContain("ip route 10.250.0.0/16");
      await theirs;
      expect(saves(h.sim.events())).toBeGreaterThan(4);
      expect(h.sim.savedConfig()).toContain("ip route 10.250.0.0/16");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await other.close();
      await h.done();
    }
  });

  test("every cut of a run saved before the engine's rounds complete: ok exactly when saved, running == saved", async () => {
    // The engine far the slower (100 ms a state write against a few ms a route) and a save short beside its round.
    // Whether a batch is saved early is judged from timings, so how many commands a run types varies with the
    // machine's load: each run is cut through to its end, and most runs saved early before their cut.
    const { clean, cuts } = await dropAfterEachCommand(
      async (h) => {
        const run = await engineWithSlots(h.router, plans(8, 200), {
          slots: 4,
          writeMs: 100,
          saved: h.sim.savedConfig,
          serial: true,
        });
        return { ...run, early: h.router.stats().earlySaves };
      },
      { saveDelayMs: 150 },
    );
    expect(clean.results.every((r) => !(r instanceof Error))).toBe(true);
    const early = cuts.filter((c) => c.outcome.early > 0).length;
    expect(early).toBeGreaterThan(cuts.length / 2);
    expectEachReportedExactlyWhenSaved(cuts, 200);
  }, 600_000);

  test("every cut of a run with operations that write nothing, not waited for: ok exactly when saved, running == saved", async () => {
    // Operations 3 and 6 write nothing: each round is saved without waiting for them.
    const quiet = [3, 6];
    const mixed = plans(9, 160).map((p, i) => (quiet.includes(i) ? [] : p));
    const { clean, cuts } = await dropAfterEachCommand((h) =>
      engineWithSlots(h.router, mixed, { slots: 4, writeMs: 10, saved: h.sim.savedConfig, quiet }),
    );
    expect(clean.results.every((r) => !(r instanceof Error))).toBe(true);
    expectEachReportedExactlyWhenSaved(cuts, 160, quiet);
  }, 600_000);
});

describe("operations with nothing to write", () => {
  test("saved operations held for pacing report at once when nothing more is announced", async () => {
    const h = await harness();
    try {
      const count = REPORTS_AHEAD + 3;
      const keys = Array.from({ length: count }, (_, i) => key(90 + i));
      keys.forEach((k) => h.router.announce(k));
      // Announced, judged to write nothing: the batch is saved without them, and its reports are paced for them.
      for (const k of ["quiet 1", "quiet 2"]) h.router.announce(k, () => false);
      const reportedAt: number[] = [];
      const batch = keys.map((k, i) =>
        h.router.apply([route(90 + i)], { announced: k }).then(() => reportedAt.push(Date.now())),
      );
      await Promise.race(batch);
      expect(saves(h.sim.events())).toBe(1);
      expect(reportedAt.length).toBe(REPORTS_AHEAD);
      // The engine sends them with the slots two reports freed, the second while the first has its turn. They write
      // nothing, and nothing more is announced: the last saved operation is not held for an arrival.
      let second: Promise<unknown> | undefined;
      await h.router.apply(
        () => {
          second = h.router.apply([], { announced: "quiet 2" });
          return [];
        },
        { announced: "quiet 1" },
      );
      await second;
      const lastSent = Date.now();
      await Promise.all(batch);
      expect(Math.max(...reportedAt) - lastSent).toBeLessThan(PACED_WAIT_MS / 2);
      expect(saves(h.sim.events())).toBe(1);
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });
});

/** `b` waits for the announced `key` (with `known` as the config): its join resolves only once `key` arrives. */
async function waitsFor(b: Batching, key: string, known: () => ConfigIndex | undefined): Promise<void> {
  let settled: boolean | undefined;
  void b.joined(known).then((v) => (settled = v));
  await jest.advanceTimersByTimeAsync(0);
  expect(settled).toBeUndefined();
  b.arrive(key);
  await jest.advanceTimersByTimeAsync(0);
  expect(settled).toBe(true);
}

describe("Batching: when to stop gathering", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("nothing announced: save at once", async () => {
    const b = new Batching();
    b.arrive();
    await expect(b.joined()).resolves.toBe(false);
  });

  test("an announced operation judged to write nothing is not waited for; unjudged, or a failed judgement, is", async () => {
    const config = indexConfig(parseConfig(BASE_CONFIG));
    let judged = 0;
    const b = new Batching();
    b.announce("quiet", () => {
      judged++;
      return false;
    });
    b.arrive();
    // No config known yet: it may write.
    await waitsFor(b, "quiet", () => undefined);
    expect(judged).toBe(0);
    b.announce("quiet again", (c) => {
      judged++;
      expect(c).toBe(config);
      return false;
    });
    await expect(b.joined(() => config)).resolves.toBe(false);
    await expect(b.joined(() => config)).resolves.toBe(false);
    // Judged once, against the config known when first asked.
    expect(judged).toBe(1);
    b.announce("failing", () => {
      throw new Error("unreadable");
    });
    await waitsFor(b, "failing", () => config);
  });

  test("an announced operation that arrives joins; one withdrawn ends the wait without it", async () => {
    const b = new Batching();
    b.announce("a");
    b.announce("b");
    b.arrive("a");
    const first = b.joined();
    b.arrive("b");
    await expect(first).resolves.toBe(true);
    b.announce("c");
    const second = b.joined();
    b.withdraw("c");
    await expect(second).resolves.toBe(false);
  });

  test("one that does not come in time: the count here is what the engine holds, later batches save at it", async () => {
    const b = new Batching();
    ["a", "b", "c"].forEach((k) => b.announce(k));
    b.arrive("a");
    b.arrive("b");
    const waiting = b.joined();
    jest.advanceTimersByTime(MIN_WAIT_MS);
    await expect(waiting).resolves.toBe(false);
    // What it announced is waited for no more: another operation is not held for it.
    b.arrive();
    await expect(b.joined()).resolves.toBe(false);
    b.reported();
    // The batch reports; the engine sends the held one and announces two more.
    b.closed();
    b.reported();
    b.reported();
    b.announce("d");
    b.arrive("c");
    b.arrive("d");
    b.announce("e");
    await expect(b.joined()).resolves.toBe(false);
  });

  test("with a slot of the engine's free, one announced is waited for while the engine writes its state", async () => {
    const b = new Batching();
    ["a", "b", "c"].forEach((k) => b.announce(k));
    b.arrive("a");
    b.arrive("b");
    const full = b.joined();
    jest.advanceTimersByTime(MIN_WAIT_MS);
    // The engine holds two at once.
    await expect(full).resolves.toBe(false);
    b.closed();
    b.reported();
    b.reported();
    // It sends the one it held back at once, then writes the state of the two reported before it sends more.
    b.arrive("c");
    b.announce("d");
    let settled: boolean | undefined;
    void b.joined().then((v) => (settled = v));
    await jest.advanceTimersByTimeAsync(MAX_WAIT_MS * 2);
    expect(settled).toBeUndefined();
    b.arrive("d");
    await jest.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    // A batch at the engine's count is saved at once; below it, an engine that stops sending is waited for only so long.
    await expect(b.joined()).resolves.toBe(false);
    b.closed();
    b.reported();
    b.reported();
    b.announce("e");
    b.arrive("e");
    b.announce("f");
    let stopped: boolean | undefined;
    void b.joined().then((v) => (stopped = v));
    await jest.advanceTimersByTimeAsync(FREE_SLOT_WAIT_MS - 1);
    expect(stopped).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(stopped).toBe(false);
  });

  test("saveEarly: before the engine's round only when the engine is the slower and a save is shorter than its round", async () => {
    /** A Batching that learned the engine holds 8 at once, then gathers a batch arriving `gapMs` apart. */
    const learned = async (typingMs: number, saveMs: number) => {
      const b = new Batching();
      for (let i = 0; i < 9; i++) b.announce(`k${i}`);
      for (let i = 0; i < 8; i++) b.arrive(`k${i}`);
      const waiting = b.joined();
      jest.advanceTimersByTime(MAX_WAIT_MS);
      await expect(waiting).resolves.toBe(false);
      b.typed(typingMs);
      // A save and the checks after it.
      b.saved(saveMs - 50);
      b.checked(50);
      b.closed();
      return b;
    };
    const gather = (b: Batching, count: number, gapMs: number) => {
      for (let i = 0; i < count; i++) {
        if (i > 0) jest.advanceTimersByTime(gapMs);
        b.arrive();
      }
    };
    // The engine sends one per 100 ms, the router types one in 40 ms and saves in 300 ms: five at most per save,
    // the other three of its round and the reports still held keep it busy through the save.
    const slowEngine = await learned(40, 300);
    gather(slowEngine, 4, 100);
    expect(slowEngine.saveEarly()).toBe(false);
    jest.advanceTimersByTime(100);
    slowEngine.arrive();
    expect(slowEngine.saveEarly()).toBe(true);
    // The router is the slower: a whole round per save.
    const slowRouter = await learned(40, 300);
    gather(slowRouter, 7, 30);
    expect(slowRouter.saveEarly()).toBe(false);
    // A save longer than the engine's round: nothing to gain, a whole round per save.
    const longSave = await learned(40, 2000);
    gather(longSave, 7, 100);
    expect(longSave.saveEarly()).toBe(false);
    // No estimate of the router's typing or saving yet, or the engine's round not known: a whole round.
    const unknown = new Batching();
    gather(unknown, 7, 100);
    expect(unknown.saveEarly()).toBe(false);
  });

  test("the wait is twice the longest gap between the batch's arrivals, within its bounds", async () => {
    const b = new Batching();
    ["a", "b", "c"].forEach((k) => b.announce(k));
    b.arrive("a");
    jest.advanceTimersByTime(300);
    b.arrive("b");
    let settled: boolean | undefined;
    void b.joined().then((v) => (settled = v));
    await jest.advanceTimersByTimeAsync(599);
    expect(settled).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toBe(false);
    // After a gap of 5 s the wait is MAX_WAIT_MS.
    const slow = new Batching();
    ["a", "b", "c"].forEach((k) => slow.announce(k));
    slow.arrive("a");
    jest.advanceTimersByTime(5000);
    slow.arrive("b");
    let capped: boolean | undefined;
    void new Batching().joined();
    void slow.joined().then((v) => (capped = v));
    await jest.advanceTimersByTimeAsync(MAX_WAIT_MS - 1);
    expect(capped).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(capped).toBe(false);
  });
});
