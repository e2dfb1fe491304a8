/**
 * The dynamic provider tells the router which operations the engine is about to send (provider/dynamic.ts
 * `announce`, session/batch.ts): a check announces its resource's operation, the create or update consumes it, a
 * diff with nothing to change withdraws it, and a preview's check announces nothing.
 */
import * as dynamic from "../../provider/dynamic";
import { routerOf, settle, withSeedRouter } from "./harness";

type Props = Record<string, unknown>;

const route = (n: number) => ({ network: `10.${n}.0.0/16`, gateways: ["192.168.11.1"] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const savesOf = (sim: ReturnType<ReturnType<typeof withSeedRouter>>) =>
  sim.events().filter((e) => e.type === "save").length;

async function checked(raw: Props, olds: Props = {}): Promise<Props> {
  const r = await dynamic.check("StaticRoute", olds, raw);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Props;
}

describe("operations the engine checked join the batch before its save", () => {
  const router = withSeedRouter();

  test("creates sent one by one after their checks share one save, each reported after it", async () => {
    const sim = router();
    sim.clearEvents();
    // The engine checks each resource just before it sends it; with slots free it checks the next meanwhile.
    const inputs = await Promise.all([1, 2, 3, 4].map((n) => checked(route(20 + n))));
    const creates: Promise<string>[] = [];
    for (const props of inputs) {
      creates.push(dynamic.create("StaticRoute", props).then(() => sim.savedConfig()));
      await sleep(40);
    }
    const savedWhenReported = await Promise.all(creates);
    savedWhenReported.forEach((saved, i) => expect(saved).toContain(`ip route 10.${21 + i}.0.0/16`));
    expect(savesOf(sim)).toBe(1);
    await settle(sim);
  });

  test("a diff with nothing to change withdraws its check's announcement: no batch waits for it", async () => {
    const sim = router();
    const a = await dynamic.create("StaticRoute", await checked(route(31)));
    const b = await dynamic.create("StaticRoute", await checked(route(32)));
    sim.clearEvents();
    const waitsBefore = routerOf(sim).stats().unansweredWaits;
    const aNews = await checked({ ...route(31), gateways: ["192.168.11.2"] }, a.outs);
    const bNews = await checked(route(32), b.outs);
    const c = await checked(route(33));
    // b is unchanged: its diff finds nothing, and the engine sends nothing for it.
    expect((await dynamic.diff("StaticRoute", b.id, b.outs, bNews)).changes).toBe(false);
    const update = dynamic.update("StaticRoute", a.id, a.outs, aNews).then(() => sim.savedConfig());
    await sleep(40);
    const create = dynamic.create("StaticRoute", c).then(() => sim.savedConfig());
    expect(await update).toContain("ip route 10.31.0.0/16 gateway 192.168.11.2");
    expect(await create).toContain("ip route 10.33.0.0/16");
    expect(savesOf(sim)).toBe(1);
    expect(routerOf(sim).stats().unansweredWaits).toBe(waitsBefore);
    await settle(sim);
  });

  test("a preview's check announces nothing; a check whose operation never comes is waited for once", async () => {
    const sim = router();
    sim.clearEvents();
    const waitsBefore = routerOf(sim).stats().unansweredWaits;
    const preview = await dynamic.check("StaticRoute", {}, { ...route(43), livePlan: true });
    expect(preview.failures ?? []).toEqual([]);
    await dynamic.create("StaticRoute", await checked(route(41)));
    expect(routerOf(sim).stats().unansweredWaits).toBe(waitsBefore);
    // The same resource checked outside a preview, and never sent.
    await checked(route(43));
    await dynamic.create("StaticRoute", await checked(route(44)));
    expect(routerOf(sim).stats().unansweredWaits).toBe(waitsBefore + 1);
    expect(sim.savedConfig()).toContain("ip route 10.44.0.0/16");
    expect(savesOf(sim)).toBe(2);
    await settle(sim);
  });
});

describe("a create that finds nothing to write is not waited for", () => {
  const router = withSeedRouter();

  test("the batch saves without waiting for it; it comes after the save and reports without one of its own", async () => {
    const sim = router();
    // The router then has 10.60.0.0/16 as the adopting resource wants it: adopting it writes nothing.
    await dynamic.create("StaticRoute", await checked(route(60)));
    sim.clearEvents();
    const waitsBefore = routerOf(sim).stats().unansweredWaits;
    // Checked (announced) together, as the engine checks what it will send next; only one is sent before the save.
    const adopting = await checked({ ...route(60), adopt: true });
    const writing = await checked(route(61));
    const savedWhenReported = await dynamic.create("StaticRoute", writing).then(() => sim.savedConfig());
    expect(savedWhenReported).toContain("ip route 10.61.0.0/16");
    // Not waited for: no batch timed out waiting for the announced create.
    expect(routerOf(sim).stats().unansweredWaits).toBe(waitsBefore);
    const adopted = await dynamic.create("StaticRoute", adopting);
    expect(adopted.id).toBe("ip route 10.60.0.0/16");
    expect(savesOf(sim)).toBe(1);
    expect(sim.savedConfig()).toContain("ip route 10.60.0.0/16");
    await settle(sim);
  });

  test("a create that would write is still waited for", async () => {
    const sim = router();
    sim.clearEvents();
    const [first, second] = [await checked(route(62)), await checked(route(63))];
    const create = dynamic.create("StaticRoute", first).then(() => sim.savedConfig());
    await sleep(40);
    const joined = dynamic.create("StaticRoute", second).then(() => sim.savedConfig());
    expect(await create).toContain("ip route 10.63.0.0/16");
    expect(await joined).toContain("ip route 10.62.0.0/16");
    expect(savesOf(sim)).toBe(1);
    await settle(sim);
  });
});
