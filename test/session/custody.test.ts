/**
 * What a session does before it writes and across processes (provider/session/custody.ts, router.ts): it never
 * types a control character, never saves unsaved lines that are not its own, puts back what an interrupted session
 * of ours left behind (plan lines and console settings), and takes turns with other clients of the same router.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RouterError, routerFor, type RouterConnection } from "../../provider/session";
import { WriterLock } from "../../provider/session/custody";
import { Shell as Scripted } from "../simulator/helpers";
import { BASE_CONFIG, commandsOf, g, harness, pp } from "./helpers";

/** A second login name, so a second Router in this process stands for another process (one Router per login). */
const WITH_SECOND_USER = BASE_CONFIG.replace(
  "login password *\n",
  "login password *\nlogin user other otherpw\n",
);
const secondProcess = (conn: RouterConnection, logs: string[] = []) =>
  routerFor({ ...conn, username: "other", password: "otherpw", name: "second", log: (l) => logs.push(l) });

/** A second person at the router: logs in, enters administrator mode, types lines and leaves them unsaved. */
async function typeUnsaved(port: number, lines: string[], leave: "quit" | "drop"): Promise<Scripted> {
  const other = await Scripted.open({ port });
  await other.login();
  await other.administrator();
  for (const line of lines) await other.run(line);
  if (leave === "drop") {
    other.close();
    await other.closedWithin();
  } else {
    other.send("quit\r");
    await other.expect("(Y/N)");
    other.send("N");
    await other.expect(/> $/);
  }
  return other;
}

describe("before the first write", () => {
  test("a control character in a plan line is refused whole: nothing typed, nothing saved", async () => {
    const h = await harness();
    try {
      const before = h.sim.runningConfig();
      const err = await h.router
        .apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254"), pp("1", "pp auth myname u pw\x15restart")])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RouterError);
      expect(String((err as Error).message)).toMatch(/control character/);
      expect(String((err as Error).message)).not.toContain("pw");
      expect(commandsOf(h.sim.events()).some((c) => c.includes("10.9.0.0") || c.includes("restart"))).toBe(
        false,
      );
      expect(h.sim.events().some((e) => e.type === "restart" || e.type === "save")).toBe(false);
      expect(h.sim.runningConfig()).toBe(before);
    } finally {
      await h.done();
    }
  });

  test("unsaved lines someone else typed stop the run, named, with nothing of the plan sent", async () => {
    const h = await harness();
    try {
      await typeUnsaved(h.sim.port, ["ip route 10.77.0.0/16 gateway 192.168.100.254"], "quit");
      const err = (await h.router
        .apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")])
        .catch((e: unknown) => e)) as RouterError;
      expect(err.name).toBe("UnsavedChangesError");
      expect(err.message).toContain("+ ip route 10.77.0.0/16 gateway 192.168.100.254");
      expect(err.message).toMatch(/takeOverUnsaved/);
      expect(commandsOf(h.sim.events())).not.toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      expect(h.sim.events().filter((e) => e.type === "save")).toHaveLength(0);
      expect(h.sim.runningConfig()).toContain("ip route 10.77.0.0/16");
      expect(h.sim.savedConfig()).not.toContain("ip route 10.77.0.0/16");
    } finally {
      await h.done();
    }
  });

  test("with takeOverUnsaved, someone else's unsaved lines are saved together with the plan", async () => {
    const h = await harness({}, { takeOverUnsaved: true });
    try {
      await typeUnsaved(h.sim.port, ["ip route 10.77.0.0/16 gateway 192.168.100.254"], "quit");
      await h.router.apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")]);
      await h.router.close();
      expect(h.sim.savedConfig()).toContain("ip route 10.77.0.0/16 gateway 192.168.100.254");
      expect(h.sim.savedConfig()).toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      expect(h.logs.join("\n")).toMatch(/taking over unsaved changes/);
    } finally {
      await h.done();
    }
  });

  test("a router that refuses `save`: the batch is put back to the saved config and the failure says so", async () => {
    const h = await harness({ faults: [{ type: "error-on", match: "^save$" }] });
    try {
      const saved = h.sim.savedConfig();
      const err = (await h.router
        .apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254"), pp("1", "pp auth myname u2 pw2")])
        .catch((e: unknown) => e)) as RouterError;
      expect(err).toBeInstanceOf(RouterError);
      expect(err.message).toMatch(/save failed .*put back to the saved config/);
      expect(err.rolledBack).toBe(true);
      await h.router.close();
      expect(h.sim.runningConfig()).toBe(saved);
      expect(h.sim.savedConfig()).toBe(saved);
    } finally {
      await h.done();
    }
  });

  test("a save cut by a dropped connection is done on a fresh login: reported saved only once it is", async () => {
    const h = await harness();
    try {
      // The first `save` is cut; the fault is lifted as soon as it fires, so the next login can save.
      h.sim.setFaults([{ type: "drop-on", match: "^save$" }]);
      const lift = setInterval(() => {
        if (h.sim.events().some((e) => e.type === "disconnect" && String(e.reason).startsWith("fault")))
          h.sim.setFaults([]);
      }, 2);
      const result = await h.router
        .apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")])
        .finally(() => clearInterval(lift));
      expect(result.saved).toBe(true);
      await h.router.close();
      expect(h.sim.savedConfig()).toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
      expect(h.sim.events().filter((e) => e.type === "connect").length).toBe(2);
    } finally {
      await h.done();
    }
  });

  test("a run cut before its save that cannot even log in again: the next session puts the leftovers back", async () => {
    const h = await harness({ config: WITH_SECOND_USER, maxSessions: 8 });
    try {
      const saved = h.sim.savedConfig();
      let plans = 0;
      const cut = await h.router
        .apply(() => {
          // After the checks: every save and every login from now on is cut.
          if (++plans === 1)
            h.sim.setFaults([
              { type: "drop-on", match: "^save$" },
              { type: "drop-on", match: "^show config 0$" },
              { type: "drop-on", match: "^console " },
            ]);
          return [g("ip route 10.9.0.0/16 gateway 192.168.100.254"), pp("1", "pp auth myname u2 pw2")];
        })
        .catch((e: unknown) => e);
      expect(cut).toBeInstanceOf(RouterError);
      expect((cut as RouterError).rolledBack).toBe(false);
      expect(h.sim.runningConfig()).toContain("ip route 10.9.0.0/16");
      expect(h.sim.savedConfig()).toBe(saved);
      // The next run, in another process: it shares nothing with the cut one but the journal on disk.
      h.sim.setFaults([]);
      const logs: string[] = [];
      const next = secondProcess(h.conn, logs);
      // Its first operation wants the leftover route itself: found only unsaved, it is not "already there" (which
      // would report done what the checks then put back) but written and saved.
      const route = g("ip route 10.9.0.0/16 gateway 192.168.100.254");
      await next.apply((config) => (config.find(["ip", "route", "10.9.0.0/16"]).length > 0 ? [] : [route]));
      // Another creates a route, refusing (as a create without adopt does) if the leftover were still unsaved there.
      await next.apply((config) => {
        if (
          config.find(["ip", "route", "10.9.0.0/16"]).length > 0 &&
          !h.sim.savedConfig().includes("10.9.0.0/16")
        )
          throw new Error("already has these lines");
        return [g("ip route 10.8.0.0/16 gateway 192.168.100.254")];
      });
      await next.close();
      const running = h.sim.runningConfig();
      expect(running).toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      expect(running).toContain(" pp auth myname olduser oldsecret");
      expect(running).toContain("ip route 10.8.0.0/16 gateway 192.168.100.254");
      expect(h.sim.savedConfig()).toBe(running);
      expect(logs.join("\n")).toMatch(/putting back 2 setting\(s\)/);
    } finally {
      await h.done();
    }
  });

  test("console settings a cut session left in the running config are put back, never saved", async () => {
    const h = await harness();
    try {
      const saved = h.sim.savedConfig();
      // What a session of this tool types at login, cut off before it could put them back.
      await typeUnsaved(
        h.sim.port,
        ["console lines infinity", "console columns 200", "console character en.ascii"],
        "drop",
      );
      expect(h.sim.runningConfig()).toContain("console lines infinity");
      await h.router.apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")]);
      await h.router.close();
      const running = h.sim.runningConfig();
      expect(running).not.toMatch(/console lines infinity|console columns 200|console character en\.ascii/);
      expect(running).toContain("console character ja.sjis");
      expect(h.sim.savedConfig()).toBe(running);
      expect(running.replace("ip route 10.9.0.0/16 gateway 192.168.100.254\n", "")).toBe(saved);
    } finally {
      await h.done();
    }
  });

  test("another login in administrator mode: the session waits for it, then refuses naming it", async () => {
    const h = await harness({}, { lockWaitMs: 1500 });
    try {
      const other = await Scripted.open({ port: h.sim.port });
      await other.login();
      await other.administrator();
      const err = (await h.router
        .apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")])
        .catch((e: unknown) => e)) as RouterError;
      expect(err).toBeInstanceOf(RouterError);
      expect(err.message).toMatch(/another login is in administrator mode: user \(ssh/);
      expect(commandsOf(h.sim.events())).not.toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      // once it leaves administrator mode, the write goes through
      other.send("quit\r");
      await other.expect(/> $/);
      await h.router.apply([g("ip route 10.9.0.0/16 gateway 192.168.100.254")]);
      expect(h.sim.savedConfig()).toContain("ip route 10.9.0.0/16 gateway 192.168.100.254");
      other.close();
    } finally {
      await h.done();
    }
  });
});

describe("the writer lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-lock-"));

  test("a second holder waits until the first releases; a timeout names the holder", async () => {
    const a = new WriterLock("127.0.0.1", 1, "client A", dir);
    const b = new WriterLock("127.0.0.1", 1, "client B", dir);
    await a.acquire(1000);
    await expect(b.acquire(300)).rejects.toThrow(/client A \(pid \d+/);
    const waiting: string[] = [];
    const taken = b.acquire(5000, (who) => waiting.push(who));
    setTimeout(() => a.release(), 300);
    await expect(taken).resolves.toBe(true);
    expect(waiting).toHaveLength(1);
    b.release();
  });

  test("tells a holder whether another client held the lock since its own hold", async () => {
    const a = new WriterLock("127.0.0.1", 2, "client A", dir);
    const b = new WriterLock("127.0.0.1", 2, "client B", dir);
    await a.acquire(1000);
    a.release();
    await expect(a.acquire(1000)).resolves.toBe(false);
    a.release();
    await b.acquire(1000);
    b.release();
    await expect(a.acquire(1000)).resolves.toBe(true);
    a.release();
  });

  test("a lock left by a process that is gone (SIGKILL) is taken over", async () => {
    const file = path.join(dir, "127.0.0.1_3.lock");
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    fs.writeFileSync(file, JSON.stringify({ pid: dead, host: os.hostname(), what: "killed", since: "then" }));
    const a = new WriterLock("127.0.0.1", 3, "client A", dir);
    await a.acquire(500);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    a.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  test("two routers of one router take turns: a failed plan's lines are never saved by the other", async () => {
    const h = await harness({
      config: WITH_SECOND_USER,
      faults: [{ type: "error-on", match: "^ip route 10\\.66\\." }],
    });
    try {
      const other = secondProcess(h.conn);
      const failing = h.router
        .apply([
          g("ip route 10.65.0.0/16 gateway 192.168.100.254"),
          g("ip route 10.66.0.0/16 gateway 192.168.100.254"),
        ])
        .catch((e: unknown) => e);
      const passing = other.apply([g("ip route 10.67.0.0/16 gateway 192.168.100.254")]);
      expect(await failing).toBeInstanceOf(RouterError);
      await passing;
      await other.close();
      const saved = h.sim.savedConfig();
      expect(saved).toContain("ip route 10.67.0.0/16");
      expect(saved).not.toContain("ip route 10.65.0.0/16");
      expect(h.sim.runningConfig()).toBe(saved);
    } finally {
      await h.done();
    }
  });
});
