/**
 * Sections 1, 2 and 4: real `pulumi up` / `pulumi refresh` runs against simulated routers under a latency profile,
 * counted from the simulators' event logs, next to the physical floor and the naive per-resource baseline.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { indexConfig, parseConfig, type ContextCommand } from "../provider/config";
import { COMMON_PROPERTIES, resourceKinds, stateInputs, type ResourceKind } from "../provider/resources";
import { toModel } from "../provider/resources/names";
import { startSimulator, type SimEvent, type Simulator } from "../simulator";
import { floorMs, minimalCommands } from "./floor";
import { naiveApply } from "./naive";
import { type Profile, PROFILES, simulatorLatency } from "./profiles";
import { routerStackConfig } from "../scripts/pulumi-toolchain";
import { BenchStack, REPO_ROOT } from "./pulumi";

// The registry holds kinds of different model types; the bench treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

const HOME_LAB = path.join(REPO_ROOT, "Pulumi.yaml");
const FIXTURES = path.join(REPO_ROOT, "bench", "fixtures");
const SEED_START = fs.readFileSync(path.join(REPO_ROOT, "simulator", "fixtures", "seed-start.conf"), "utf8");

/** Bench-only credentials for throwaway simulators. */
const LOGIN = { user: "user", password: "bench-login-pw", adminPassword: "bench-admin-pw" };
const HOME_LAB_SECRETS: Record<string, string> = {
  vpnPreSharedKey: "bench-psk",
  ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`vpnPassword${i}`, `bench-vpn-pw-${i}`])),
};

const NVR_TYPE = /^pulumi-nodejs:dynamic\/nvr:(\w+)$/;
/** How `pulumi stack export --show-secrets` marks a secret value. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

function startRouter(profile: Profile, config?: string): Promise<Simulator> {
  return startSimulator({ config, ...LOGIN, ...simulatorLatency(profile) });
}

function routerSettings(sim: Simulator): ReturnType<typeof routerStackConfig> {
  return routerStackConfig(sim, LOGIN);
}

export interface WireCounts {
  handshakes: number;
  commands: number;
  saves: number;
  /** `show config` reads (full config, not the partial views). */
  configReads: number;
  /** Bytes the router sent in reply to `show config` and `show config N` (the saved config). */
  showConfigBytes: number;
  /** Commands by what they are for, to show where the time beyond the floor goes. */
  mix: Record<CommandClass, number>;
}

type CommandClass = "showConfig" | "otherShow" | "console" | "select" | "mode" | "save" | "config";

function classOf(text: string): CommandClass {
  if (text === "show config") return "showConfig";
  if (text.startsWith("show ")) return "otherShow";
  if (/^(no )?console /.test(text)) return "console";
  if (/^(pp|tunnel) select /.test(text)) return "select";
  if (/^(administrator|exit|quit)\b/.test(text)) return "mode";
  if (text === "save") return "save";
  return "config";
}

export function countEvents(events: readonly SimEvent[]): WireCounts {
  const commands = events.filter((e) => e.type === "command");
  const mix: WireCounts["mix"] = {
    showConfig: 0,
    otherShow: 0,
    console: 0,
    select: 0,
    mode: 0,
    save: 0,
    config: 0,
  };
  for (const e of commands) mix[classOf(String(e.text).trim())]++;
  // A reply follows its command on the same login; only `show config` ones are counted.
  const lastCommand = new Map<unknown, string>();
  let showConfigBytes = 0;
  for (const e of events) {
    if (e.type === "command") lastCommand.set(e.session, String(e.text).trim());
    if (e.type === "reply" && /^show config\b/.test(lastCommand.get(e.session) ?? ""))
      showConfigBytes += Number(e.bytes);
  }
  return {
    showConfigBytes,
    handshakes: events.filter((e) => e.type === "connect").length,
    commands: commands.length,
    saves: events.filter((e) => e.type === "save").length,
    configReads: mix.showConfig,
    mix,
  };
}

/**
 * How long the router was busy with the run, from its own log: from the start of the first login (the simulator
 * logs `connect` once the handshake delay has passed) to the reply to the last command or the end of the last
 * flash write. Gaps inside, where the router waits for the engine, count too, and nothing before the first login
 * does: this is the part of the wall time a faster provider could shorten, and it cannot be below the floor.
 */
export function routerBusyMs(events: readonly SimEvent[], profile: Profile): number {
  const first = events.find((e) => e.type === "connect");
  const last = events.filter((e) => e.type === "command" || e.type === "save").at(-1);
  if (!first || !last) return 0;
  const end = Date.parse(last.ts) + (last.type === "command" ? profile.roundTripMs : 0);
  return end - (Date.parse(first.ts) - profile.handshakeMs);
}

/** Secrets as `--show-secrets` exports them, back to plain values. */
function reveal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reveal);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o[SECRET_SIG] !== undefined && typeof o.plaintext === "string")
      return reveal(JSON.parse(o.plaintext));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

interface StackResource {
  urn: string;
  kind: AnyKind;
  model: unknown;
  dependencies: string[];
}

/** The stack's NVR resources with their models, in the engine's dependency order. */
async function nvrResources(
  stack: BenchStack,
): Promise<{ resources: StackResource[]; parents: Map<string, string> }> {
  const parents = new Map<string, string>();
  const resources: StackResource[] = [];
  for (const r of await stack.resources()) {
    if (r.parent) parents.set(r.urn, r.parent);
    const m = NVR_TYPE.exec(r.type);
    if (!m) continue;
    const kind = (resourceKinds as Record<string, AnyKind | undefined>)[m[1]];
    if (!kind) throw new Error(`bench: the stack holds an unknown kind ${m[1]}`);
    const outputs = reveal(r.outputs ?? {}) as Record<string, unknown>;
    const props = Object.fromEntries(Object.entries(outputs).filter(([k]) => !COMMON_PROPERTIES.has(k)));
    resources.push({
      urn: r.urn,
      kind,
      model: kind.schema.parse(toModel(kind.kind, stateInputs(kind, props))),
      dependencies: r.dependencies ?? [],
    });
  }
  return { resources, parents };
}

/** The engine's `--parallel` when none is given: PULUMI_PARALLEL, else 4 × CPUs (pulumi/cmd/pulumi/operations/up.go). */
export function engineParallel(): number {
  const fromEnv = Number(process.env.PULUMI_PARALLEL);
  return fromEnv > 0 ? fromEnv : 4 * os.availableParallelism();
}

/** The `--parallel` of the second home-lab up: the engine's default on an 8-core machine. */
export const WIDE_PARALLEL = 32;

/**
 * Dependency waves, as the number of NVR resources in each: wave k holds the resources whose longest chain of
 * resources waiting on each other has length k (a dependency on a component stands for every NVR resource under it).
 */
function dependencyWaves(
  resources: readonly StackResource[],
  parents: ReadonlyMap<string, string>,
): number[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const under = (ancestor: string) =>
    resources.filter((r) => {
      for (let p = parents.get(r.urn); p !== undefined; p = parents.get(p)) if (p === ancestor) return true;
      return false;
    });
  const depth = new Map<string, number>();
  const depthOf = (r: StackResource): number => {
    const known = depth.get(r.urn);
    if (known !== undefined) return known;
    depth.set(r.urn, 1); // cycles cannot occur in a Pulumi state; this only guards the recursion
    const deps = r.dependencies.flatMap((u) => {
      const direct = byUrn.get(u);
      return direct ? [direct] : under(u);
    });
    const d = 1 + Math.max(0, ...deps.map(depthOf));
    depth.set(r.urn, d);
    return d;
  };
  const widths: number[] = [];
  for (const r of resources) {
    const wave = depthOf(r) - 1;
    widths[wave] = (widths[wave] ?? 0) + 1;
  }
  return widths;
}

/** The engine starts at most `parallel` operations at once and the next only when one reports: ceil(n / parallel) rounds per wave. */
function engineRounds(waveWidths: readonly number[], parallel: number): number {
  return waveWidths.reduce((n, w) => n + Math.ceil(w / parallel), 0);
}

export interface HomeLabResult {
  upWallMs: number;
  engineOverheadMs: number;
  floorMs: number;
  minimalCommands: number;
  resources: number;
  waves: number;
  /** The engine's default `--parallel` on this machine, and the rounds it needs for the stack's waves. */
  engineParallel: number;
  engineRounds: number;
  handshakes: number;
  commands: number;
  saves: number;
  /** routerBusyMs of the up. */
  busyMs: number;
  upConfigReads: number;
  upShowConfigBytes: number;
  upCommandMix: WireCounts["mix"];
  naiveWallMs: number;
  naiveHandshakes: number;
  naiveCommands: number;
  naiveSaves: number;
  refreshWallMs: number;
  refreshHandshakes: number;
  refreshConfigReads: number;
  /** The same up with `--parallel` WIDE_PARALLEL, on a fresh router and stack. */
  wideParallel: number;
  wideRounds: number;
  wideUpWallMs: number;
  wideBusyMs: number;
  wideHandshakes: number;
  wideCommands: number;
  wideSaves: number;
}

async function homeLabStack(sim: Simulator): Promise<BenchStack> {
  const stack = new BenchStack(HOME_LAB);
  const { settings, secrets } = routerSettings(sim);
  await stack.init(settings, { ...secrets, ...HOME_LAB_SECRETS });
  return stack;
}

/** The home-lab up from an empty stack on a fresh starting router, with the engine's `--parallel` if given. */
async function freshUp(
  profile: Profile,
  parallel?: number,
): Promise<{ wallMs: number; busyMs: number } & WireCounts> {
  const sim = await startRouter(profile, SEED_START);
  const stack = await homeLabStack(sim);
  try {
    sim.clearEvents();
    const { wallMs } = await stack.up(parallel);
    const events = sim.events();
    return { wallMs, busyMs: routerBusyMs(events, profile), ...countEvents(events) };
  } finally {
    await stack.remove();
    await sim.stop();
  }
}

/** `pulumi up` of the home-lab example against a zero-latency router: what the engine costs by itself. */
async function engineOverhead(runs: number): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) fastest = Math.min(fastest, (await freshUp(PROFILES.zero)).wallMs);
  return fastest;
}

/** Sections 1 and 2: the home-lab example from an empty stack, then a refresh; floor and naive baseline alongside. */
export async function homeLab(profile: Profile, overheadRuns: number): Promise<HomeLabResult> {
  const engineOverheadMs = await engineOverhead(overheadRuns);
  const sim = await startRouter(profile, SEED_START);
  const start = indexConfig(parseConfig(sim.runningConfig()));
  const stack = await homeLabStack(sim);
  try {
    sim.clearEvents();
    const up = await stack.up();
    const ours = countEvents(sim.events());
    const busyMs = routerBusyMs(sim.events(), profile);
    const { resources, parents } = await nvrResources(stack);
    const plan: ContextCommand[] = resources.flatMap((r) => r.kind.plan(start, r.model));
    const minimal = minimalCommands(plan);

    sim.clearEvents();
    const refresh = await stack.refresh();
    const refreshed = countEvents(sim.events());

    const wide = await freshUp(profile, WIDE_PARALLEL);
    const parallel = engineParallel();
    const waveWidths = dependencyWaves(resources, parents);
    const naive = await naiveBaseline(
      profile,
      resources.map((r) => ({
        label: r.urn.split("::").pop() ?? r.urn,
        commands: r.kind.commands(r.model, { mask: false }),
      })),
    );
    return {
      upWallMs: up.wallMs,
      engineOverheadMs,
      floorMs: floorMs(profile, minimal),
      minimalCommands: minimal,
      resources: resources.length,
      waves: waveWidths.length,
      engineParallel: parallel,
      engineRounds: engineRounds(waveWidths, parallel),
      wideParallel: WIDE_PARALLEL,
      wideRounds: engineRounds(waveWidths, WIDE_PARALLEL),
      wideUpWallMs: wide.wallMs,
      wideBusyMs: wide.busyMs,
      wideHandshakes: wide.handshakes,
      wideCommands: wide.commands,
      wideSaves: wide.saves,
      handshakes: ours.handshakes,
      commands: ours.commands,
      saves: ours.saves,
      busyMs,
      upConfigReads: ours.configReads,
      upShowConfigBytes: ours.showConfigBytes,
      upCommandMix: ours.mix,
      naiveWallMs: naive.wallMs,
      naiveHandshakes: naive.handshakes,
      naiveCommands: naive.commands,
      naiveSaves: naive.saves,
      refreshWallMs: refresh.wallMs,
      refreshHandshakes: refreshed.handshakes,
      refreshConfigReads: refreshed.configReads,
    };
  } finally {
    await stack.remove();
    await sim.stop();
  }
}

/** The naive tool on a fresh copy of the starting router; its counts come from that router's event log too. */
async function naiveBaseline(
  profile: Profile,
  blocks: { label: string; commands: ContextCommand[] }[],
): Promise<{ wallMs: number } & WireCounts> {
  const sim = await startRouter(profile, SEED_START);
  try {
    const { wallMs } = await naiveApply(
      { host: sim.host, port: sim.port, username: LOGIN.user, ...LOGIN },
      blocks,
    );
    return { wallMs, ...countEvents(sim.events()) };
  } finally {
    await sim.stop();
  }
}

export interface RoutesResult {
  routesCount: number;
  routesWallMs: number;
  routesHandshakes: number;
  routesCommands: number;
  routesSaves: number;
  routesConfigReads: number;
  routesShowConfigBytes: number;
  /** `ip route` lines on the router afterwards (all of them must have landed). */
  routesOnRouter: number;
  /** Peak RSS of the dynamic-provider process (0 if it could not be sampled). */
  providerPeakRssBytes: number;
}

/** Section 4a: one router, `count` StaticRoutes in one stack. */
export async function manyRoutes(profile: Profile, count: number): Promise<RoutesResult> {
  const sim = await startRouter(profile);
  const stack = new BenchStack(path.join(FIXTURES, "routes", "Pulumi.yaml"));
  try {
    const { settings, secrets } = routerSettings(sim);
    await stack.init({ ...settings, routes: String(count) }, secrets);
    sim.clearEvents();
    const up = await stack.up();
    const counts = countEvents(sim.events());
    return {
      routesCount: count,
      routesWallMs: up.wallMs,
      routesHandshakes: counts.handshakes,
      routesCommands: counts.commands,
      routesSaves: counts.saves,
      routesConfigReads: counts.configReads,
      routesShowConfigBytes: counts.showConfigBytes,
      routesOnRouter: sim
        .runningConfig()
        .split("\n")
        .filter((l) => l.startsWith("ip route ")).length,
      providerPeakRssBytes: up.providerPeakRssBytes,
    };
  } finally {
    await stack.remove();
    await sim.stop();
  }
}

/** One measured `pulumi up` at scale, counted from the router's log, with its floor (as the home-lab's). */
export interface ScaleRun {
  wallMs: number;
  /** routerBusyMs of the up. */
  busyMs: number;
  floorMs: number;
  minimalCommands: number;
  handshakes: number;
  commands: number;
  saves: number;
  configReads: number;
  showConfigBytes: number;
  /** `ip route` lines on the router afterwards. */
  routesOnRouter: number;
  providerPeakRssBytes: number;
}

const ipRoutes = (config: string) => config.split("\n").filter((l) => l.startsWith("ip route ")).length;

/**
 * `pulumi up` of a fixture on a fresh router holding `startConfig`, with the engine's `--parallel` if given; the
 * floor is that of the stack's plan against the starting config (every resource planned as a create).
 */
async function scaleUp(
  profile: Profile,
  project: string,
  opts: {
    config?: string;
    settings: Record<string, string>;
    secrets?: Record<string, string>;
    parallel?: number;
  },
): Promise<ScaleRun> {
  const sim = await startRouter(profile, opts.config);
  const start = indexConfig(parseConfig(sim.runningConfig()));
  const stack = new BenchStack(path.join(FIXTURES, project, "Pulumi.yaml"));
  try {
    const { settings, secrets } = routerSettings(sim);
    await stack.init({ ...settings, ...opts.settings }, { ...secrets, ...opts.secrets });
    sim.clearEvents();
    const up = await stack.up(opts.parallel);
    const events = sim.events();
    const counts = countEvents(events);
    const { resources } = await nvrResources(stack);
    const minimal = minimalCommands(resources.flatMap((r) => r.kind.plan(start, r.model)));
    return {
      wallMs: up.wallMs,
      busyMs: routerBusyMs(events, profile),
      floorMs: floorMs(profile, minimal),
      minimalCommands: minimal,
      handshakes: counts.handshakes,
      commands: counts.commands,
      saves: counts.saves,
      configReads: counts.configReads,
      showConfigBytes: counts.showConfigBytes,
      routesOnRouter: ipRoutes(sim.runningConfig()),
      providerPeakRssBytes: up.providerPeakRssBytes,
    };
  } finally {
    await stack.remove();
    await sim.stop();
  }
}

/** `count` routes as one StaticRoutes table (bench/fixtures/routes-table). */
export function routesTable(profile: Profile, count: number): Promise<ScaleRun> {
  return scaleUp(profile, "routes-table", { settings: { routes: String(count) } });
}

/** `count` separate StaticRoutes (bench/fixtures/routes) at the engine's `--parallel` given. */
export function routesParallel(profile: Profile, count: number, parallel: number): Promise<ScaleRun> {
  return scaleUp(profile, "routes", { settings: { routes: String(count) }, parallel });
}

/** An OverlapSafeVpn publishing every host of its /24 (bench/fixtures/hosts) on the seed's starting router. */
export function publishedHosts(profile: Profile): Promise<ScaleRun> {
  return scaleUp(profile, "hosts", { config: SEED_START, settings: {}, secrets: HOME_LAB_SECRETS });
}

export interface RefreshScale {
  routes: number;
  configLines: number;
  refreshWallMs: number;
  refreshConfigReads: number;
  /** Peak RSS of the dynamic provider during the refresh (VmHWM). */
  providerPeakRssBytes: number;
}

/**
 * `pulumi refresh` of one StaticRoutes table of `count` routes on a router whose config holds those `count` routes:
 * the table is created with adopt (nothing to write), then refreshed, and the provider's peak RSS taken.
 */
export async function refreshScale(profile: Profile, count: number): Promise<RefreshScale> {
  const lines = Array.from(
    { length: count },
    (_, i) => `ip route 10.${(i >> 8) & 255}.${i & 255}.0/24 gateway 192.168.1.1`,
  );
  const sim = await startRouter(profile, `${lines.join("\n")}\n`);
  const stack = new BenchStack(path.join(FIXTURES, "routes-table", "Pulumi.yaml"));
  try {
    const { settings, secrets } = routerSettings(sim);
    await stack.init({ ...settings, routes: String(count), adopt: "true" }, secrets);
    await stack.up();
    sim.clearEvents();
    const refresh = await stack.refresh();
    return {
      routes: ipRoutes(sim.runningConfig()),
      configLines: sim
        .runningConfig()
        .split("\n")
        .filter((l) => l.trim() !== "").length,
      refreshWallMs: refresh.wallMs,
      refreshConfigReads: countEvents(sim.events()).configReads,
      providerPeakRssBytes: refresh.providerPeakRssBytes,
    };
  } finally {
    await stack.remove();
    await sim.stop();
  }
}

export interface FleetResult {
  routers: number;
  wallMs: number;
  handshakes: number;
  saves: number;
}

/** Section 4b: the fleet program over `size` simulated routers at once. */
export async function fleet(profile: Profile, size: number): Promise<FleetResult> {
  const sims = await Promise.all(Array.from({ length: size }, () => startRouter(profile)));
  const stack = new BenchStack(path.join(FIXTURES, "fleet", "Pulumi.yaml"));
  try {
    const { settings, secrets } = routerSettings(sims[0]);
    const routers = sims.map((s) => ({ host: s.host, port: s.port, hostKey: s.fingerprint }));
    await stack.init({ "nvr:username": settings["nvr:username"], routers: JSON.stringify(routers) }, secrets);
    sims.forEach((s) => s.clearEvents());
    const up = await stack.up();
    const counts = sims.map((s) => countEvents(s.events()));
    return {
      routers: size,
      wallMs: up.wallMs,
      handshakes: counts.reduce((n, c) => n + c.handshakes, 0),
      saves: counts.reduce((n, c) => n + c.saves, 0),
    };
  } finally {
    await stack.remove();
    await Promise.all(sims.map((s) => s.stop()));
  }
}
