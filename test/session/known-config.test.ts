/**
 * The running config the session knows (provider/session/router.ts, KnownConfig): read once per batch, kept up to
 * date with every accepted line, read again whenever in doubt, and the batch verified with one real read before
 * its save. Faults on this path: a drop after each command, an error mid-batch, a line the router shows otherwise,
 * a second client changing the config between batches.
 */
import { type ContextCommand } from "../../provider/config";
import { RouterError, type Router } from "../../provider/session";
import type { SimEvent } from "../../simulator";
import { Shell as Scripted } from "../simulator/helpers";
import { BASE_CONFIG, commandsOf, dropAfterEachCommand, g, harness, pp } from "./helpers";

const route = (n: number) => g(`ip route 10.${n}.0.0/16 gateway 192.168.100.254`);
const configReads = (events: readonly SimEvent[]) => commandsOf(events).filter((c) => c === "show config");
/** Bytes the router sent in reply to `show config` (the running config). */
function configBytes(events: readonly SimEvent[]): number {
  let last = "";
  let bytes = 0;
  for (const e of events) {
    if (e.type === "command") last = String(e.text);
    if (e.type === "reply" && last === "show config") bytes += Number(e.bytes);
  }
  return bytes;
}

/** Sends `plans` at once (one batch); each result as "ok" or the error. */
function batch(router: Router, plans: readonly (ContextCommand[] | ((c: never) => ContextCommand[]))[]) {
  return Promise.all(
    plans.map((p) =>
      router.apply(p as ContextCommand[]).then(
        () => "ok" as const,
        (e: unknown) => e as RouterError,
      ),
    ),
  );
}

describe("one read plans a batch, one verifies it", () => {
  test.each([6, 24])(
    "%i operations in one batch: two `show config` reads, each plan made on the lines before it",
    async (n) => {
      const h = await harness();
      try {
        const seen: number[] = [];
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            h.router.apply((config) => {
              seen.push(config.find(["ip", "route"]).length);
              return [route(20 + i)];
            }),
          ),
        );
        expect(results.every((r) => r.saved)).toBe(true);
        const events = h.sim.events();
        // the checks' read (running vs saved) and the batch's verification
        expect(configReads(events)).toHaveLength(2);
        expect(events.filter((e) => e.type === "save")).toHaveLength(1);
        // the base config's route, then one more for each operation before
        expect(seen).toEqual(Array.from({ length: n }, (_, i) => 1 + i));
        for (let i = 0; i < n; i++) expect(h.sim.savedConfig()).toContain(`ip route 10.${20 + i}.0.0/16`);
        // bytes read: the config before and after the batch, not once per write
        const before = BASE_CONFIG.length;
        const after = h.sim.runningConfig().length;
        expect(configBytes(events)).toBeLessThan(2 * (before + after) + 2_000);
      } finally {
        await h.done();
      }
    },
  );

  test("a line the router accepts but shows otherwise is caught by the batch's read: that operation is put back, the others saved", async () => {
    const h = await harness();
    try {
      const [a, b, c] = await batch(h.router, [
        [route(65)],
        [g("ip lan1 address 192.168.100.1/255.255.255.0")],
        [route(67)],
      ]);
      expect(a).toBe("ok");
      expect(c).toBe("ok");
      expect(b).toBeInstanceOf(RouterError);
      expect((b as RouterError).name).toBe("VerifyError");
      expect((b as RouterError).rolledBack).toBe(true);
      await h.router.close();
      const saved = h.sim.savedConfig();
      expect(saved).toContain("ip route 10.65.0.0/16");
      expect(saved).toContain("ip route 10.67.0.0/16");
      expect(saved).toContain("ip lan1 address 192.168.100.1/24");
      expect(h.sim.runningConfig()).toBe(saved);
    } finally {
      await h.done();
    }
  });
});

describe("read again whenever in doubt", () => {
  test("an error on a line mid-batch: that operation is rolled back, the next is planned on a fresh read", async () => {
    const h = await harness({ faults: [{ type: "error-on", match: "^ip route 10\\.66\\." }] });
    try {
      let seen: string[] = [];
      const results = await batch(h.router, [
        [route(65)],
        [route(66), pp("1", "pp auth myname u66 pw66")],
        (config: { find(p: string[]): { text: string }[] }) => {
          seen = config.find(["ip", "route"]).map((l) => l.text);
          return [route(67)];
        },
      ]);
      expect(results[0]).toBe("ok");
      expect((results[1] as RouterError).rolledBack).toBe(true);
      expect(results[2]).toBe("ok");
      expect(seen.some((l) => l.startsWith("ip route 10.65."))).toBe(true);
      expect(seen.some((l) => l.startsWith("ip route 10.66."))).toBe(false);
      // check, after the error, verification
      expect(configReads(h.sim.events())).toHaveLength(3);
      await h.router.close();
      const saved = h.sim.savedConfig();
      expect(saved).not.toContain("10.66.");
      expect(saved).toContain("pp auth myname olduser oldsecret");
      expect(saved).toContain("ip route 10.67.0.0/16");
      expect(h.sim.runningConfig()).toBe(saved);
    } finally {
      await h.done();
    }
  });

  test("a second client changes and saves the config between batches: the next batch's read sees it", async () => {
    const h = await harness();
    try {
      await h.router.apply([route(65)]);
      const other = await Scripted.open({ port: h.sim.port });
      await other.login();
      await other.administrator();
      await other.run("no ip route 10.65.0.0/16");
      await other.run("ip route 10.0.0.0/8 gateway 192.168.100.253");
      other.send("save\r");
      await other.expect(/# $/);
      other.close();
      await other.closedWithin();
      let seen: string[] = [];
      await h.router.apply((config) => {
        seen = config.find(["ip", "route"]).map((l) => l.text);
        return seen.some((l) => l.startsWith("ip route 10.65.")) ? [] : [route(65)];
      });
      expect(seen).toEqual(["ip route 10.0.0.0/8 gateway 192.168.100.253"]);
      await h.router.close();
      expect(h.sim.savedConfig()).toContain("ip route 10.65.0.0/16");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });
});

describe("a drop after each command of a batch, with the known config in use", () => {
  /** Routes added, a route removed, a pp line changed, and a plan that depends on the routes before it. */
  const plans = () => [
    [route(65)],
    [g("no ip route 10.0.0.0/8")],
    [pp("1", "pp auth myname newuser newsecret")],
    (config: { find(p: string[]): unknown[] }) => [route(70 + config.find(["ip", "route"]).length)],
    [route(66)],
  ];

  test("every cut: each operation reports what the router saved, running == saved, nothing of the session left", async () => {
    const { clean, cuts } = await dropAfterEachCommand((h) => batch(h.router, plans()));
    expect(clean.every((r) => r === "ok")).toBe(true);
    for (const { where, outcome: results, running, saved } of cuts) {
      expect(`${where}: ${running}`).toBe(`${where}: ${saved}`);
      expect(saved).not.toMatch(/console (lines|columns|english)/);
      const has = (text: string) => saved.includes(text);
      const ok = (i: number) => results[i] === "ok";
      expect(`${where}: op 0 ${ok(0)}`).toBe(`${where}: op 0 ${has("ip route 10.65.0.0/16")}`);
      expect(`${where}: op 1 ${ok(1)}`).toBe(`${where}: op 1 ${!has("ip route 10.0.0.0/8")}`);
      expect(`${where}: op 2 ${ok(2)}`).toBe(`${where}: op 2 ${has("pp auth myname newuser newsecret")}`);
      expect(`${where}: op 4 ${ok(4)}`).toBe(`${where}: op 4 ${has("ip route 10.66.0.0/16")}`);
      for (const r of results)
        if (r !== "ok")
          expect(`${where}: ${r.name} ${r.message}`).toMatch(/rolled back|lost|not saved|NOT saved|save/i);
    }
  }, 300_000);
});
