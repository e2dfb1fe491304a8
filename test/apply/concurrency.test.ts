import fc from "fast-check";
import type { ContextCommand } from "../../provider/config/model";
import { redact } from "../../provider/secrets";
import { routerFor } from "../../provider/session";
import { startSimulator } from "../../simulator";
import { BASE_CONFIG, g, pp, tunnel } from "../session/helpers";

const command: fc.Arbitrary<ContextCommand> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .map(([n, gw]) => g(`ip route 10.${n}.0.0/16 gateway 192.168.100.${250 + gw}`)),
  fc
    .tuple(fc.constantFrom("1", "2"), fc.integer({ min: 1, max: 3 }))
    .map(([peer, n]) => pp(peer, `pp auth myname user${n} pass${n}`)),
  fc
    .tuple(fc.constantFrom("1", "2"), fc.integer({ min: 1200, max: 1500 }))
    .map(([peer, mru]) => pp(peer, `ppp lcp mru on ${mru}`)),
  fc.integer({ min: 1, max: 2 }).map((n) => tunnel(n, "tunnel encapsulation l2tp")),
  fc.constantFrom("server", "relay").map((s) => g(`dhcp service ${s}`)),
);

async function simulator() {
  return startSimulator({ config: BASE_CONFIG });
}

const connOf = (sim: { host: string; port: number; fingerprint: string }) => ({
  host: sim.host,
  port: sim.port,
  username: "user",
  password: "password",
  adminPassword: "admin",
  hostKey: sim.fingerprint,
  idleCloseMs: 60_000,
});

/** Each `pp select` / `tunnel select` run in the command log holds commands of one operation only. */
function contextRuns(texts: string[]): string[][] {
  const runs: string[][] = [];
  let open: string[] | undefined;
  for (const t of texts) {
    if (/^(pp|tunnel) select none$/.test(t)) {
      if (open) runs.push(open);
      open = undefined;
    } else if (/^(pp|tunnel) select /.test(t)) open = [t];
    else open?.push(t);
  }
  return runs;
}

test("N plans applied concurrently end as applied one by one, and their contexts never interleave", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }),
      async (plans) => {
        const [a, b] = await Promise.all([simulator(), simulator()]);
        const ra = routerFor(connOf(a));
        const rb = routerFor(connOf(b));
        try {
          const concurrent = await Promise.allSettled(plans.map((p) => ra.apply(p)));
          const sequential: PromiseSettledResult<unknown>[] = [];
          for (const p of plans)
            sequential.push(
              await rb.apply(p).then(
                (v) => ({ status: "fulfilled" as const, value: v }),
                (e: unknown) => ({ status: "rejected" as const, reason: e }),
              ),
            );
          await Promise.all([ra.close(), rb.close()]);
          expect(concurrent.map((r) => r.status)).toEqual(sequential.map((r) => r.status));
          expect(a.runningConfig()).toBe(b.runningConfig());
          expect(a.savedConfig()).toBe(a.runningConfig());
          const texts = a.events().flatMap((e) => (e.type === "command" ? [String(e.text)] : []));
          for (const run of contextRuns(texts)) {
            const select = run[0];
            const owners = plans
              .map((p) => p.map((c) => redact(c.command))) // the simulator logs commands with secrets masked
              .filter((cmds) => run.slice(1).every((t) => cmds.includes(t)));
            expect({ select, run, owners: owners.length > 0 }).toEqual({ select, run, owners: true });
          }
        } finally {
          await Promise.all([a.stop(), b.stop()]);
        }
      },
    ),
    { numRuns: 4 },
  );
});
