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
