/**
 * `npm run bench [-- --profile nvr500|zero] [--json] [--smoke]`: the benchmarks of issue 8 on nvr-sim.
 * Prints a table for people, or one JSON object. `--smoke` is the CI size: zero latency, tiny stacks.
 */
import * as os from "os";
import { Command } from "commander";
import { parseScaling } from "./parse-scale";
import { type Profile, PROFILES, profileNamed } from "./profiles";
import {
  fleet,
  homeLab,
  manyRoutes,
  publishedHosts,
  refreshScale,
  routesParallel,
  routesTable,
  type ScaleRun,
} from "./stacks";

interface Sizes {
  parse: number[];
  parseRepeats: number;
  routes: number;
  /** Routes in the table whose refresh is measured for the provider's peak RSS. */
  refreshRoutes: number;
  fleet: number;
  /** Zero-latency runs of the example; the fastest is the engine's own overhead. */
  overheadRuns: number;
}

const FULL: Sizes = {
  parse: [1_000, 5_000, 10_000, 20_000],
  parseRepeats: 5,
  routes: 1_000,
  refreshRoutes: 10_000,
  fleet: 20,
  overheadRuns: 2,
};
const SMOKE: Sizes = {
  parse: [250, 500, 1_000],
  parseRepeats: 1,
  routes: 10,
  refreshRoutes: 200,
  fleet: 3,
  overheadRuns: 1,
};

/** The `--parallel` the separate-routes stack is measured at besides the engine's default. */
const WIDE_ROUTES_PARALLEL = 64;

const mb = (bytes: number) => round(bytes / 1048576, 1);

/** A scale run's keys under `name`: wall, router busy, floor, both ratios, the router's counts. */
function scaleKeys<N extends string>(name: N, run: ScaleRun) {
  return {
    [`${name}WallMs`]: run.wallMs,
    [`${name}BusyMs`]: run.busyMs,
    [`${name}FloorMs`]: run.floorMs,
    [`${name}OverFloor`]: ratio(run.wallMs, run.floorMs),
    [`${name}BusyOverFloor`]: ratio(run.busyMs, run.floorMs),
    [`${name}Handshakes`]: run.handshakes,
    [`${name}Commands`]: run.commands,
    [`${name}Saves`]: run.saves,
    [`${name}ConfigReads`]: run.configReads,
    [`${name}RoutesOnRouter`]: run.routesOnRouter,
  } as Record<
    `${N}${"WallMs" | "BusyMs" | "FloorMs" | "Handshakes" | "Commands" | "Saves" | "ConfigReads" | "RoutesOnRouter"}`,
    number
  > &
    Record<`${N}${"OverFloor" | "BusyOverFloor"}`, number | null>;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));
/** A ratio, or null when the denominator is not positive (the zero profile's floor is 0 ms). */
const ratio = (n: number, d: number) => (d > 0 ? round(n / d) : null);

export async function runBench(profile: Profile, sizes: Sizes, progress: (s: string) => void) {
  const startedAt = new Date().toISOString();
  progress("parse scaling");
  const parse = parseScaling(sizes.parse, sizes.parseRepeats);
  progress("home-lab: engine overhead, up, refresh, naive baseline");
  const lab = await homeLab(profile, sizes.overheadRuns);
  progress(`${sizes.routes} static routes on one router`);
  const routes = await manyRoutes(profile, sizes.routes);
  progress(`${sizes.routes} static routes as one table`);
  const table = await routesTable(profile, sizes.routes);
  progress(`${sizes.routes} static routes at --parallel ${WIDE_ROUTES_PARALLEL}`);
  const wideRoutes = await routesParallel(profile, sizes.routes, WIDE_ROUTES_PARALLEL);
  progress(`${sizes.routes} static routes at --parallel ${WIDE_ROUTES_PARALLEL}, against an instant router`);
  const instantRoutes =
    profile.name === PROFILES.zero.name
      ? wideRoutes
      : await routesParallel(PROFILES.zero, sizes.routes, WIDE_ROUTES_PARALLEL);
  progress("OverlapSafeVpn publishing 253 hosts");
  const hosts = await publishedHosts(profile);
  progress(`refresh of a table of ${sizes.refreshRoutes} routes`);
  const refreshed = await refreshScale(profile, sizes.refreshRoutes);
  progress("fleet of 1");
  const fleet1 = await fleet(profile, 1);
  progress(`fleet of ${sizes.fleet}`);
  const fleetN = await fleet(profile, sizes.fleet);
  const oursMs = lab.upWallMs - lab.engineOverheadMs;
  const wideOursMs = lab.wideUpWallMs - lab.engineOverheadMs;
  return {
    profile: profile.name,
    startedAt,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version },
    // Section 1: home-lab `pulumi up` from an empty stack.
    upWallMs: lab.upWallMs,
    engineOverheadMs: lab.engineOverheadMs,
    oursMs,
    floorMs: lab.floorMs,
    minimalCommands: lab.minimalCommands,
    oursOverFloor: ratio(oursMs, lab.floorMs),
    // The router's own account: first login to last reply (engine gaps inside included).
    routerBusyMs: lab.busyMs,
    busyOverFloor: ratio(lab.busyMs, lab.floorMs),
    resources: lab.resources,
    waves: lab.waves,
    engineParallel: lab.engineParallel,
    engineRounds: lab.engineRounds,
    handshakes: lab.handshakes,
    commands: lab.commands,
    saves: lab.saves,
    upConfigReads: lab.upConfigReads,
    upCommandMix: lab.upCommandMix,
    // The same up with a --parallel that covers the stack: what the engine sends at once is one batch.
    wideParallel: lab.wideParallel,
    wideRounds: lab.wideRounds,
    wideUpWallMs: lab.wideUpWallMs,
    wideOursMs,
    wideOursOverFloor: ratio(wideOursMs, lab.floorMs),
    wideRouterBusyMs: lab.wideBusyMs,
    wideBusyOverFloor: ratio(lab.wideBusyMs, lab.floorMs),
    wideHandshakes: lab.wideHandshakes,
    wideCommands: lab.wideCommands,
    wideSaves: lab.wideSaves,
    naiveWallMs: lab.naiveWallMs,
    naiveHandshakes: lab.naiveHandshakes,
    naiveCommands: lab.naiveCommands,
    naiveSaves: lab.naiveSaves,
    naiveOverOurs: ratio(lab.naiveWallMs, oursMs),
    naiveOverUpWall: ratio(lab.naiveWallMs, lab.upWallMs),
    // Section 2: refresh.
    refreshWallMs: lab.refreshWallMs,
    refreshHandshakes: lab.refreshHandshakes,
    refreshConfigReads: lab.refreshConfigReads,
    // Section 3: parsing.
    parse10kMs: round(parse.parse10kMs),
    parse10kHeapBytes: parse.parse10kHeapBytes,
    parsePoints: parse.points.map((p) => ({
      routes: p.routes,
      ms: round(p.ms),
      heapBytes: p.heapBytes,
      usPerLine: round(p.usPerLine),
      bytesPerLine: round(p.bytesPerLine, 0),
    })),
    parsePerLineCostRatio: round(parse.perLineCostRatio),
    readOneScans: parse.readOneScans,
    readOneUsSmall: round(parse.readOneUsSmall),
    readOneUsLarge: round(parse.readOneUsLarge),
    // Section 4: scale.
    routesCount: routes.routesCount,
    routes1000WallMs: routes.routesWallMs,
    routesHandshakes: routes.routesHandshakes,
    routesCommands: routes.routesCommands,
    routesSaves: routes.routesSaves,
    routesConfigReads: routes.routesConfigReads,
    routesOnRouter: routes.routesOnRouter,
    providerPeakRssBytes: routes.providerPeakRssBytes,
    // Issue 18: the same routes as one table, separately at a wide --parallel, 253 published hosts, a big refresh.
    routesEngineRounds: Math.ceil(sizes.routes / lab.engineParallel),
    routes1000FloorMs: wideRoutes.floorMs,
    routes1000ShowConfigBytes: routes.routesShowConfigBytes,
    ...scaleKeys("routesTable1000", table),
    routesTable1000ShowConfigBytes: table.showConfigBytes,
    ...scaleKeys("routes1000Parallel64", wideRoutes),
    routes1000Parallel64Rounds: Math.ceil(sizes.routes / WIDE_ROUTES_PARALLEL),
    routes1000Parallel64ShowConfigBytes: wideRoutes.showConfigBytes,
    // The same up against a router that answers at once: the engine's, the program's and the provider's own time.
    routes1000Parallel64InstantRouterWallMs: instantRoutes.wallMs,
    // No engine work overlaps a save (every slot waits for it) or the login: the least the wide up can take.
    routes1000Parallel64LeastMs:
      instantRoutes.wallMs + wideRoutes.saves * profile.saveMs + wideRoutes.handshakes * profile.handshakeMs,
    ...scaleKeys("hosts253", hosts),
    showConfigBytesRead: {
      homeLab: lab.upShowConfigBytes,
      routes1000: routes.routesShowConfigBytes,
      routes1000Parallel64: wideRoutes.showConfigBytes,
      routesTable1000: table.showConfigBytes,
      hosts253: hosts.showConfigBytes,
    },
    refresh10kRoutes: refreshed.routes,
    refresh10kConfigLines: refreshed.configLines,
    refresh10kWallMs: refreshed.refreshWallMs,
    refresh10kConfigReads: refreshed.refreshConfigReads,
    providerPeakRssMb10k: mb(refreshed.providerPeakRssBytes),
    benchPeakRssBytes: process.resourceUsage().maxRSS * 1024,
    fleetSize: fleetN.routers,
    fleet1WallMs: fleet1.wallMs,
    fleet1Handshakes: fleet1.handshakes,
    fleet1Saves: fleet1.saves,
    fleet20WallMs: fleetN.wallMs,
    fleetHandshakes: fleetN.handshakes,
    fleetSaves: fleetN.saves,
    fleetGrowth: ratio(fleetN.wallMs, fleet1.wallMs),
  };
}

export type BenchReport = Awaited<ReturnType<typeof runBench>>;

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (x: number | null) => (x === null ? "n/a x" : `${x} x`);
const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;

function table(r: BenchReport): string {
  const rows: [string, string, string][] = [
    [
      "home-lab up: wall",
      secs(r.upWallMs),
      `${r.resources} resources, ${r.waves} dependency wave(s); engine --parallel ${r.engineParallel}: ${r.engineRounds} round(s)`,
    ],
    ["  engine overhead (zero-latency up)", secs(r.engineOverheadMs), "measured apart, subtracted below"],
    ["  ours (wall - engine)", secs(r.oursMs), `${times(r.oursOverFloor)} floor (target <= 1.3)`],
    [
      "  router busy (first login to last reply)",
      secs(r.routerBusyMs),
      `${times(r.busyOverFloor)} floor (target <= 1.3)`,
    ],
    ["  physical floor", secs(r.floorMs), `1 handshake + ${r.minimalCommands} commands + 1 save`],
    [
      "  handshakes / commands / saves",
      `${r.handshakes} / ${r.commands} / ${r.saves}`,
      `targets: 1 handshake, saves <= ${r.waves}; ${r.upConfigReads} show config reads`,
    ],
    ["  command mix", Object.values(r.upCommandMix).join(" / "), Object.keys(r.upCommandMix).join(" / ")],
    [
      `home-lab up --parallel ${r.wideParallel}: wall`,
      secs(r.wideUpWallMs),
      `${r.wideRounds} round(s); router busy ${secs(r.wideRouterBusyMs)} = ${times(r.wideBusyOverFloor)} floor; wall - engine ${times(r.wideOursOverFloor)}`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.wideHandshakes} / ${r.wideCommands} / ${r.wideSaves}`,
      `targets: 1 handshake, saves <= ${r.waves}`,
    ],
    [
      "naive per-resource tool",
      secs(r.naiveWallMs),
      `${times(r.naiveOverOurs)} ours (target >= 3); ${times(r.naiveOverUpWall)} full wall`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.naiveHandshakes} / ${r.naiveCommands} / ${r.naiveSaves}`,
      "one login and one save per resource",
    ],
    ["refresh: wall", secs(r.refreshWallMs), `${r.refreshHandshakes} handshake(s)`],
    ["  show config reads", String(r.refreshConfigReads), "target: 1 per router"],
    ...r.parsePoints.map((p): [string, string, string] => [
      `parse+index ${p.routes} routes`,
      `${p.ms} ms`,
      `${p.usPerLine} us/line, ${mib(p.heapBytes)} heap (${p.bytesPerLine} B/line)`,
    ]),
    ["  per-line cost, largest / smallest", String(r.parsePerLineCostRatio), "~1 = linear"],
    [
      "  read one route from the index",
      `${r.readOneUsLarge} us`,
      `${r.readOneScans} rescans of the config (small: ${r.readOneUsSmall} us)`,
    ],
    [
      `${r.routesCount} static routes, one router`,
      secs(r.routes1000WallMs),
      `${r.routesOnRouter} on the router`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.routesHandshakes} / ${r.routesCommands} / ${r.routesSaves}`,
      `${r.routesConfigReads} show config reads`,
    ],
    ["  peak RSS provider / bench", `${mib(r.providerPeakRssBytes)} / ${mib(r.benchPeakRssBytes)}`, ""],
    [
      "  engine rounds at its default --parallel",
      String(r.routesEngineRounds),
      `${r.routesCount} / ${r.engineParallel}: each round waits for its save; ${r.routesSaves} saves`,
    ],
    [
      `${r.routesCount} routes as one StaticRoutes table`,
      secs(r.routesTable1000WallMs),
      `${times(r.routesTable1000OverFloor)} floor ${secs(r.routesTable1000FloorMs)} (target <= 1.5); router busy ${times(r.routesTable1000BusyOverFloor)}`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.routesTable1000Handshakes} / ${r.routesTable1000Commands} / ${r.routesTable1000Saves}`,
      `${r.routesTable1000ConfigReads} show config reads; ${r.routesTable1000RoutesOnRouter} routes on the router`,
    ],
    [
      `${r.routesCount} StaticRoutes, --parallel 64`,
      secs(r.routes1000Parallel64WallMs),
      `${times(r.routes1000Parallel64OverFloor)} floor ${secs(r.routes1000FloorMs)} (target <= 2.5); router busy ${times(r.routes1000Parallel64BusyOverFloor)}; ${r.routes1000Parallel64Rounds} rounds`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.routes1000Parallel64Handshakes} / ${r.routes1000Parallel64Commands} / ${r.routes1000Parallel64Saves}`,
      `${r.routes1000Parallel64ConfigReads} show config reads; ${r.routes1000Parallel64RoutesOnRouter} routes on the router`,
    ],
    [
      "  the same against an instant router",
      secs(r.routes1000Parallel64InstantRouterWallMs),
      `+ its saves and login = at least ${secs(r.routes1000Parallel64LeastMs)} = ${times(ratio(r.routes1000Parallel64LeastMs, r.routes1000FloorMs))} floor`,
    ],
    [
      "OverlapSafeVpn, 253 published hosts",
      secs(r.hosts253WallMs),
      `${times(r.hosts253OverFloor)} floor ${secs(r.hosts253FloorMs)} (target <= 1.5); router busy ${times(r.hosts253BusyOverFloor)}`,
    ],
    [
      "  handshakes / commands / saves",
      `${r.hosts253Handshakes} / ${r.hosts253Commands} / ${r.hosts253Saves}`,
      `${r.hosts253ConfigReads} show config reads; ${r.hosts253RoutesOnRouter} routes on the router`,
    ],
    [
      "show config bytes read",
      Object.values(r.showConfigBytesRead).join(" / "),
      Object.keys(r.showConfigBytesRead).join(" / "),
    ],
    [
      `refresh, table of ${r.refresh10kRoutes} routes`,
      secs(r.refresh10kWallMs),
      `${r.refresh10kConfigLines}-line config, ${r.refresh10kConfigReads} show config; provider peak RSS ${r.providerPeakRssMb10k} MiB (target <= 300)`,
    ],
    ["fleet of 1 router", secs(r.fleet1WallMs), `${r.fleet1Handshakes} handshakes, ${r.fleet1Saves} saves`],
    [
      `fleet of ${r.fleetSize} routers`,
      secs(r.fleet20WallMs),
      `${times(r.fleetGrowth)} fleet of 1; ${r.fleetHandshakes} handshakes, ${r.fleetSaves} saves`,
    ],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const head = `pulumi-yamaha-nvr bench, profile ${r.profile}, ${r.startedAt}, ${r.machine.cpus} CPUs (${r.machine.cpuModel}), node ${r.machine.node}`;
  return [head, ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd())].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const opts = new Command("bench")
    .description(
      "Benchmarks on nvr-sim: pulumi up/refresh vs the physical floor and a naive tool, parsing, scale",
    )
    .option("--profile <name>", `latency profile: ${Object.keys(PROFILES).join(", ")}`, "nvr500")
    .option("--json", "print one JSON object instead of a table")
    .option("--smoke", "CI size: zero latency, tiny stacks (implies --profile zero)")
    .parse(argv)
    .opts<{ profile: string; json?: boolean; smoke?: boolean }>();
  const profile = profileNamed(opts.smoke ? "zero" : opts.profile);
  const report = await runBench(profile, opts.smoke ? SMOKE : FULL, (s) =>
    process.stderr.write(`bench: ${s}\n`),
  );
  process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${table(report)}\n`);
}

if (require.main === module) {
  main(process.argv).catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
