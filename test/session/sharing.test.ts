import { routerFor } from "../../provider/session";
import { harness, g, pp } from "./helpers";

describe("one shared session per router", () => {
  test("many operations use one SSH connection; one save covers them, each resolves only after it", async () => {
    const h = await harness({ saveDelayMs: 200 });
    try {
      const ops = Array.from({ length: 6 }, (_, i) => [
        g(`ip route 10.${i + 10}.0.0/16 gateway 192.168.100.254`),
        pp("1", `pp auth myname user${i} secret${i}`),
      ]);
      // the same router from another call site (another copy of the module would share it through globalThis)
      expect(routerFor({ ...h.conn })).toBe(h.router);
      const savedWhenResolved: string[] = [];
      await Promise.all(
        ops.map((plan) => h.router.apply(plan).then(() => savedWhenResolved.push(h.sim.savedConfig()))),
      );
      savedWhenResolved.forEach((saved, i) => {
        expect(saved).toContain(`ip route 10.${i + 10}.0.0/16 gateway 192.168.100.254\n`);
      });
      const readsBefore = h.router.stats().configReads;
      const reads = await Promise.all([h.router.config(), h.router.showConfig(), h.router.showConfig()]);
      // served from the config read that verified the last operation: nothing was written since
      expect(h.router.stats().configReads).toBe(readsBefore);
      expect(reads[0].find(["ip", "route", "10.15.0.0/16"])).toHaveLength(1);
      const events = h.sim.events();
      expect(events.filter((e) => e.type === "connect")).toHaveLength(1);
      // all six were queued while the first ran: the queue drained once, so one save covers all of them
      expect(events.filter((e) => e.type === "save")).toHaveLength(1);
      expect(h.router.stats()).toMatchObject({ handshakes: 1, saves: 1 });
    } finally {
      await h.done();
    }
  });

  test("a batch lands in stage order, each plan made against what the router has when its turn comes", async () => {
    const h = await harness({ handshakeDelayMs: 300 });
    try {
      const route = (n: number) => g(`ip route 10.${n}.0.0/16 gateway 192.168.100.254`);
      const seen: number[] = [];
      // Sent in reverse: a binding stage first, a definition last, all while the login is under way.
      const ops = [
        h.router.apply([route(42)], { stage: 2 }),
        h.router.apply(
          (config) => {
            seen.push(config.find(["ip", "route"]).length);
            return [route(41)];
          },
          { stage: 1 },
        ),
        h.router.apply([route(40)], { stage: 0 }),
      ];
      await Promise.all(ops);
      const sent = h.sim
        .events()
        .flatMap((e) =>
          e.type === "command" && String(e.text).startsWith("ip route 10.4") ? [String(e.text)] : [],
        );
      expect(sent.map((c) => c.split(" ")[2])).toEqual(["10.40.0.0/16", "10.41.0.0/16", "10.42.0.0/16"]);
      // The stage-1 plan was made after the stage-0 route was applied.
      const routesBefore = (await h.router.config()).find(["ip", "route"]).length - 3;
      expect(seen).toEqual([routesBefore + 1]);
      expect(h.sim.events().filter((e) => e.type === "save")).toHaveLength(1);
    } finally {
      await h.done();
    }
  });

  test("an operation with nothing to write reports before the batch's save; the last report waits until clean", async () => {
    const h = await harness({ handshakeDelayMs: 300, saveDelayMs: 300 });
    try {
      const consoleLines = (text: string) => text.split("\n").filter((l) => l.startsWith("console "));
      const before = consoleLines(h.sim.runningConfig());
      const saves = () => h.sim.events().filter((e) => e.type === "save").length;
      const write = h.router
        .apply([g("ip route 10.50.0.0/16 gateway 192.168.100.254")])
        .then(() => ({ saves: saves(), console: consoleLines(h.sim.runningConfig()) }));
      const read = h.router.config().then(saves);
      const nothing = h.router.apply(() => [], { stage: 1 }).then(saves);
      // While the write was still to report, the read and the empty plan went out before the save.
      expect(await read).toBe(0);
      expect(await nothing).toBe(0);
      // The write reports last: after its save, with the session's console settings already put back.
      expect(await write).toEqual({ saves: 1, console: before });
    } finally {
      await h.done();
    }
  });

  test("a plan function's refusal reaches the caller as it is, and nothing is sent or saved", async () => {
    const h = await harness();
    try {
      const refusal = new Error("lan1 already has these lines; set adopt: true to take them over");
      const err = await h.router
        .apply(() => {
          throw refusal;
        })
        .catch((e: unknown) => e);
      expect(err).toBe(refusal);
      const events = h.sim.events();
      expect(events.filter((e) => e.type === "command").map((e) => String(e.text))).not.toContainEqual(
        expect.stringMatching(/^ip /),
      );
      expect(events.filter((e) => e.type === "save")).toHaveLength(0);
      // An empty plan is no change: nothing to save either.
      expect(await h.router.apply(() => [])).toEqual({ applied: [], saved: false, rolledBack: false });
      expect(h.sim.events().filter((e) => e.type === "save")).toHaveLength(0);
    } finally {
      await h.done();
    }
  });

  test("console settings are restored when the session ends, and never saved", async () => {
    const h = await harness();
    try {
      const before = h.sim.runningConfig();
      await h.router.apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")]);
      // while the session is open and after the save, the saved config has the original console lines
      const consoleLines = (text: string) => text.split("\n").filter((l) => l.startsWith("console "));
      expect(consoleLines(h.sim.savedConfig())).toEqual(consoleLines(before));
      // the cached show config reads as the router's own config, not the session's console values
      expect(consoleLines(await h.router.showConfig())).toEqual(consoleLines(before));
      await h.router.close();
      expect(consoleLines(h.sim.runningConfig())).toEqual(consoleLines(before));
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
      // leaving administrator mode answered the save question with N, so the only save is ours
      expect(h.sim.events().filter((e) => e.type === "save")).toHaveLength(1);
    } finally {
      await h.done();
    }
  });

  test("logs and errors carry no secret", async () => {
    const h = await harness(
      {
        faults: [{ type: "error-on", match: "^l2tp tunnel auth" }],
        password: "login-secret-5",
        adminPassword: "adm-secret-4",
      },
      { password: "login-secret-5", adminPassword: "adm-secret-4" },
    );
    try {
      await h.router.apply([pp("1", "pp auth myname someone pp-secret-1")]);
      const err = await h.router
        .apply([
          g("ipsec ike pre-shared-key 1 text psk-secret-2"),
          { context: { kind: "tunnel", tunnel: 1 }, command: "l2tp tunnel auth on l2tp-secret-3" },
        ])
        .catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      const captured = [...h.logs, String(err), JSON.stringify(err)].join("\n");
      expect(captured).toContain("pp auth myname someone ********");
      for (const secret of [
        "pp-secret-1",
        "psk-secret-2",
        "l2tp-secret-3",
        "adm-secret-4",
        "login-secret-5",
      ]) {
        expect(captured).not.toContain(secret);
      }
    } finally {
      await h.done();
    }
  });
});

test("close right after apply: the pending save happens on the same session before it ends", async () => {
  const h = await harness();
  try {
    const applied = h.router.apply([g("ip route 10.77.0.0/16 gateway 192.168.100.254")]);
    await h.router.close();
    await expect(applied).resolves.toMatchObject({ saved: true });
    expect(h.sim.savedConfig()).toContain("ip route 10.77.0.0/16 gateway 192.168.100.254\n");
    expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(1);
  } finally {
    await h.done();
  }
});

test("after the router logs an idle session out, the next operation reconnects; the console was already put back when it went idle", async () => {
  const h = await harness({ loginTimerSec: 1 });
  try {
    const consoleLines = (text: string) => text.split("\n").filter((l) => l.startsWith("console "));
    const before = consoleLines(h.sim.runningConfig());
    await h.router.apply([g("ip route 10.81.0.0/16 gateway 192.168.100.254")]);
    while (!h.sim.events().some((e) => e.type === "disconnect")) await new Promise((r) => setTimeout(r, 100));
    // the session was idle before the router dropped it, so its console values were already put back
    expect(consoleLines(h.sim.runningConfig())).toEqual(before);
    await h.router.apply([g("ip route 10.82.0.0/16 gateway 192.168.100.254")]);
    await h.router.close();
    expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(2);
    expect(consoleLines(h.sim.runningConfig())).toEqual(before);
    expect(consoleLines(h.sim.savedConfig())).toEqual(before);
    expect(h.sim.savedConfig()).toContain("ip route 10.82.0.0/16 gateway 192.168.100.254\n");
  } finally {
    await h.done();
  }
});

test("a later routerFor without credentials keeps the stored ones; one that gives new credentials updates them", async () => {
  const h = await harness();
  try {
    const { password, adminPassword: _admin, ...bare } = h.conn;
    // e.g. a refresh whose state holds no credentials: the same router, still able to log in
    expect(routerFor({ ...bare, password: undefined })).toBe(h.router);
    await h.router.close();
    await h.router.apply([g("ip route 10.91.0.0/16 gateway 192.168.100.254")]);
    expect(h.sim.savedConfig()).toContain("ip route 10.91.0.0/16 gateway 192.168.100.254\n");
    // given credentials replace the stored ones: a wrong password now fails the next login ...
    routerFor({ ...bare, password: "rotated-away" });
    await h.router.close();
    await expect(h.router.apply([g("ip route 10.92.0.0/16 gateway 192.168.100.254")])).rejects.toThrow();
    // ... and the right ones, given again, work without losing the admin password given only at first
    routerFor({ ...bare, password });
    await h.router.apply([g("ip route 10.93.0.0/16 gateway 192.168.100.254")]);
    expect(h.sim.savedConfig()).toContain("ip route 10.93.0.0/16 gateway 192.168.100.254\n");
    expect(h.sim.savedConfig()).not.toContain("10.92.0.0/16");
  } finally {
    await h.done();
  }
});

test("an operation that arrives while a batch is ending (leaving administrator mode) starts a new batch at once", async () => {
  // A slow router makes the batch's end (`quit` out of administrator mode) last long enough to arrive during it.
  const h = await harness({ latencyMs: 300 }, { idleCloseMs: 120_000 });
  try {
    const first = h.router.apply([g("ip route 10.94.0.0/16 gateway 192.168.100.254")]);
    while (!h.sim.events().some((e) => e.type === "command" && e.text === "quit")) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const started = Date.now();
    await Promise.all([first, h.router.apply([g("ip route 10.95.0.0/16 gateway 192.168.100.254")])]);
    // A few commands at 300 ms each, not the idle logout two minutes away.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(h.sim.savedConfig()).toContain("ip route 10.95.0.0/16 gateway 192.168.100.254\n");
  } finally {
    await h.done();
  }
});
