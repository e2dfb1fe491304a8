/**
 * Steps of the resources' create → read → update → delete runs against nvr-sim through the dynamic provider, each
 * with the assertion every such run makes.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as dynamic from "../../provider/dynamic";
import type { Simulator } from "../../simulator";
import { configCommands, settle } from "../provider/harness";

type Created = pulumi.dynamic.CreateResult;

/** Read back right after create, the resource diffs clean against the inputs it was created from. */
export async function expectReadsBack(
  kind: string,
  created: Created,
  inputs: Record<string, unknown>,
): Promise<void> {
  const read = await dynamic.read(kind, created.id, created.outs);
  expect((await dynamic.diff(kind, created.id, read.props as never, inputs)).changes).toBe(false);
}

/** Updates the resource to `props` (as check passes them on) and returns the config lines the router received. */
export async function updateCommands(
  sim: Simulator,
  kind: string,
  created: Created,
  props: Record<string, unknown>,
): Promise<string[]> {
  sim.clearEvents();
  const news = (await dynamic.check(kind, {}, props)).inputs as never;
  await dynamic.update(kind, created.id, created.outs, news);
  await settle(sim);
  return configCommands(sim);
}

/** Deletes the resource; the router's config is `before` again. */
export async function expectDeleteRestores(
  sim: Simulator,
  kind: string,
  created: Created,
  before: string,
): Promise<void> {
  await dynamic.delete(kind, created.id, created.outs);
  await settle(sim);
  expect(sim.runningConfig()).toBe(before);
}
