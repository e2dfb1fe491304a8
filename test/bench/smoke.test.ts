// The benchmark in its CI size (`--smoke`: zero latency, tiny stacks) through its real CLI: the JSON report is
// complete and its counts hang together. Timings are reported, never asserted.
import { execFile } from "child_process";
import * as path from "path";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const RUN = path.join(REPO_ROOT, "dist", "bench", "run.js");

/** Keys issue 8 requires in the JSON report. */
const REQUIRED = [
  "upWallMs",
  "floorMs",
  "naiveWallMs",
  "engineOverheadMs",
  "handshakes",
  "saves",
  "commands",
  "refreshConfigReads",
  "parse10kMs",
  "routes1000WallMs",
  "fleet20WallMs",
  "fleet1WallMs",
  // issue 18
  "routesTable1000WallMs",
  "routesTable1000FloorMs",
  "routes1000Parallel64WallMs",
  "routes1000FloorMs",
  "hosts253WallMs",
  "hosts253FloorMs",
  "providerPeakRssMb10k",
] as const;

jest.setTimeout(600_000);

describe("npm run bench -- --smoke --json", () => {
  let report: Record<string, unknown>;
  let output: string;

  beforeAll(async () => {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        [RUN, "--smoke", "--json"],
        { cwd: REPO_ROOT, maxBuffer: 16 << 20 },
        (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr }),
      ),
    );
    output = stdout + stderr;
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    report = JSON.parse(lines[0]) as Record<string, unknown>;
  });

  const num = (key: string): number => report[key] as number;

  test("has every required key as a finite number", () => {
    for (const key of REQUIRED) {
      expect({ key, type: typeof report[key] }).toEqual({ key, type: "number" });
      expect(Number.isFinite(num(key))).toBe(true);
    }
    expect(report.profile).toBe("zero");
  });

  test("home-lab up: one login to the one router, at least one save, the plan's lines sent", () => {
    expect(num("handshakes")).toBe(1);
    expect(num("saves")).toBeGreaterThanOrEqual(1);
    expect(num("resources")).toBeGreaterThan(1);
    expect(num("waves")).toBeGreaterThanOrEqual(1);
    expect(num("minimalCommands")).toBeGreaterThan(3);
    expect(num("commands")).toBeGreaterThanOrEqual(num("minimalCommands"));
  });

  test("the router's busy span is positive and inside the up's wall time", () => {
    for (const [busy, wall] of [
      ["routerBusyMs", "upWallMs"],
      ["wideRouterBusyMs", "wideUpWallMs"],
    ]) {
      expect(num(busy)).toBeGreaterThan(0);
      expect(num(busy)).toBeLessThan(num(wall));
    }
  });

  test("the wide up logs in once and saves; its --parallel covers the stack, so its rounds are the waves", () => {
    expect(num("wideHandshakes")).toBe(1);
    expect(num("wideSaves")).toBeGreaterThanOrEqual(1);
    expect(num("wideParallel")).toBeGreaterThanOrEqual(num("resources"));
    expect(num("wideRounds")).toBe(num("waves"));
    expect(num("engineRounds")).toBe(Math.ceil(num("resources") / num("engineParallel")));
  });

  test("the naive baseline logs in and saves once per resource", () => {
    expect(num("naiveHandshakes")).toBe(num("resources"));
    expect(num("naiveSaves")).toBe(num("resources"));
    expect(num("naiveHandshakes")).toBeGreaterThan(num("handshakes"));
  });

  test("refresh reads show config once per router over one login", () => {
    expect(num("refreshConfigReads")).toBe(1);
    expect(num("refreshHandshakes")).toBe(1);
  });

  test("parsing covers every size and a read from the index never rescans the config", () => {
    const points = report.parsePoints as { routes: number; ms: number }[];
    expect(points.map((p) => p.routes)).toEqual([250, 500, 1000]);
    expect(num("readOneScans")).toBe(0);
  });

  test("every static route of the scale stack lands on the router", () => {
    expect(num("routesOnRouter")).toBe(num("routesCount"));
    expect(num("routesHandshakes")).toBe(1);
  });

  test("the table lands every route with one login, one save, one read to plan and one to verify", () => {
    expect(num("routesTable1000RoutesOnRouter")).toBe(num("routesCount"));
    expect(num("routesTable1000Handshakes")).toBe(1);
    expect(num("routesTable1000Saves")).toBe(1);
    expect(num("routesTable1000ConfigReads")).toBe(2);
    // the floor of the same routes, as a table or separately, is the same lines
    expect(num("routesTable1000FloorMs")).toBe(num("routes1000FloorMs"));
    // a line per route at least, and little else: selects, console, checks
    expect(num("routesTable1000Commands")).toBeGreaterThanOrEqual(num("routesCount"));
    expect(num("routesTable1000Commands")).toBeLessThan(num("routesCount") + 30);
  });

  test("separate routes at --parallel 64: one save and two reads per engine round at most", () => {
    expect(num("routes1000Parallel64RoutesOnRouter")).toBe(num("routesCount"));
    expect(num("routes1000Parallel64Handshakes")).toBe(1);
    expect(num("routes1000Parallel64Rounds")).toBe(Math.ceil(num("routesCount") / 64));
    expect(num("routes1000Parallel64Saves")).toBeLessThanOrEqual(num("routes1000Parallel64Rounds") + 1);
    expect(num("routes1000Parallel64ConfigReads")).toBeLessThanOrEqual(2 * num("routes1000Parallel64Saves"));
    // The smoke run's router is already instant: that run is the instant-router one, and its saves and login add 0.
    expect(num("routes1000Parallel64InstantRouterWallMs")).toBe(num("routes1000Parallel64WallMs"));
    expect(num("routes1000Parallel64LeastMs")).toBe(num("routes1000Parallel64WallMs"));
    // at the engine's default --parallel the same stack needs a round (and a save) per `engineParallel` routes
    expect(num("routesEngineRounds")).toBe(Math.ceil(num("routesCount") / num("engineParallel")));
    expect(num("routesSaves")).toBeLessThanOrEqual(num("routesEngineRounds") + 1);
  });

  test("253 published hosts: every host route lands, with a save per engine round at most", () => {
    expect(num("hosts253RoutesOnRouter")).toBe(253);
    expect(num("hosts253Handshakes")).toBe(1);
    // the component's 11 children, as the home-lab's: the host routes are one of them
    expect(num("hosts253Saves")).toBeGreaterThanOrEqual(1);
    expect(num("hosts253Saves")).toBeLessThanOrEqual(num("engineRounds"));
    expect(num("hosts253FloorMs")).toBeGreaterThanOrEqual(0);
  });

  test("show config bytes: read per batch, not per write", () => {
    const bytes = report.showConfigBytesRead as Record<string, number>;
    expect(Object.keys(bytes).sort()).toEqual(
      ["homeLab", "hosts253", "routes1000", "routes1000Parallel64", "routesTable1000"].sort(),
    );
    for (const v of Object.values(bytes)) expect(v).toBeGreaterThan(0);
    expect(bytes.routes1000).toBe(num("routes1000ShowConfigBytes"));
    // the table's two reads are the config before and after: at most twice the final config per read
    expect(bytes.routesTable1000).toBeLessThanOrEqual(bytes.routes1000Parallel64);
  });

  test("the refresh of a big table reads show config once and reports the provider's peak RSS", () => {
    expect(num("refresh10kRoutes")).toBeGreaterThan(0);
    expect(num("refresh10kConfigLines")).toBeGreaterThanOrEqual(num("refresh10kRoutes"));
    expect(num("refresh10kConfigReads")).toBe(1);
    expect(num("providerPeakRssMb10k")).toBeGreaterThan(0);
  });

  test("the fleet reaches every router and saves on each", () => {
    expect(num("fleetHandshakes")).toBeGreaterThanOrEqual(num("fleetSize"));
    expect(num("fleetSaves")).toBeGreaterThanOrEqual(num("fleetSize"));
  });

  test("no credential of the benchmark's routers shows up in its output", () => {
    for (const secret of ["bench-login-pw", "bench-admin-pw", "bench-psk", "bench-vpn-pw"]) {
      expect(output).not.toContain(secret);
    }
  });
});
