import fc from "fast-check";
import type { ContextCommand } from "../../provider/config/model";
import { routerFor } from "../../provider/session";
import { startSimulator } from "../../simulator";
import { BASE_CONFIG, connectionTo, g, pp, tunnel } from "../session/helpers";

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

/**
 * The session log in send order: each operation starts with its "apply opN" line. A context is never still open
 * (`pp select X` / `tunnel select N` without its `... select none`) when another operation starts.
 */
function interleavings(log: string[]): string[] {
  const found: string[] = [];
  let open: string | undefined;
  for (const line of log) {
    const command = /\] > (.*)$/.exec(line)?.[1];
    const start = /\] apply (op\d+):/.exec(line)?.[1];
    if (start && open) found.push(`${start} started inside "${open}"`);
    if (command === undefined) continue;
    if (/^(pp|tunnel) select none$/.test(command)) open = undefined;
    else if (/^(pp|tunnel) select /.test(command)) open = command;
  }
  return found;
}

test("N plans applied concurrently end as applied one by one, and their contexts never interleave", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }),
      async (plans) => {
        const [a, b] = await Promise.all([simulator(), simulator()]);
        const log: string[] = [];
        const ra = routerFor({ ...connectionTo(a), log: (l: string) => log.push(l) });
        const rb = routerFor(connectionTo(b));
        try {
          const concurrent = await Promise.allSettled(plans.map((p, i) => ra.apply(p, { label: `op${i}` })));
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
          expect(log.filter((l) => / apply op\d+:/.test(l))).toHaveLength(plans.length);
          expect(interleavings(log)).toEqual([]);
        } finally {
          await Promise.all([a.stop(), b.stop()]);
        }
      },
    ),
    { numRuns: 4 },
  );
});
