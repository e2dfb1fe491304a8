/**
 * Section 3: parse and index a generated `show config` holding N `ip route` lines (an NVR510 can hold about
 * 10,000), at several sizes, to show the cost per line stays flat; then read one route back from the index and
 * count how often the config's item list is walked (a lookup must not rescan).
 */
import * as v8 from "v8";
import * as vm from "vm";
import { indexConfig, parseConfig, type ConfigTree } from "../provider/config";
import { StaticRoute } from "../provider/resources";

/** `ip route` lines for N distinct /24 networks, numbered from 0 (N ≤ 65,536). */
export function routeNetwork(i: number): string {
  return `10.${(i >> 8) & 255}.${i & 255}.0/24`;
}

/** A `show config` dump as an NVR510 prints it, with `routes` static routes after a small LAN setup. */
export function generatedConfig(routes: number): string {
  const head = [
    "# NVR510 Rev.15.01.21 (Fri Nov 27 12:00:00 2026)",
    "# MAC Address : 00:a0:de:00:00:01, 00:a0:de:00:00:02, 00:a0:de:00:00:03",
    "# Memory 256Mbytes, 3LAN, 1BRI",
    "# main:  NVR510 ver=00 serial=S00000000 MAC-Address=00:a0:de:00:00:01",
    "# Reporting Date: Nov 27 12:00:00 2026",
    "ip lan1 address 192.168.11.250/24",
    "ip lan2 address 192.168.1.51/24",
  ];
  const body: string[] = [];
  for (let i = 0; i < routes; i++) body.push(`ip route ${routeNetwork(i)} gateway 192.168.1.1`);
  return [...head, ...body, "dns server 192.168.1.1", ""].join("\n");
}

export interface ParsePoint {
  routes: number;
  /** Median wall time of parse + index. */
  ms: number;
  /** Heap retained by the parsed tree and its index (after a full GC). */
  heapBytes: number;
  usPerLine: number;
  bytesPerLine: number;
}

export interface ParseScaling {
  points: ParsePoint[];
  parse10kMs: number;
  parse10kHeapBytes: number;
  /** Cost per line at the largest size over the smallest: ~1 means linear. */
  perLineCostRatio: number;
  /** How often a one-route read walked the config's item list (0: the index answered). */
  readOneScans: number;
  /** Time of one read from the index at the smallest and largest size. */
  readOneUsSmall: number;
  readOneUsLarge: number;
}

/** A full garbage collection, so heap deltas measure what is retained. */
const collect: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function parseAndIndex(text: string) {
  return indexConfig(parseConfig(text));
}

function measure(routes: number, repeats: number): ParsePoint {
  const text = generatedConfig(routes);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    parseAndIndex(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = parseAndIndex(text);
  collect();
  const heapBytes = Math.max(0, process.memoryUsage().heapUsed - before);
  // Keep the index alive until after the second measurement.
  if (kept.tree.items.length === 0) throw new Error("generated config parsed to nothing");
  const ms = median(times);
  return { routes, ms, heapBytes, usPerLine: (ms * 1000) / routes, bytesPerLine: heapBytes / routes };
}

/** Reads the last route through the index while counting accesses to the tree's item list. */
function readOne(routes: number): { scans: number; us: number } {
  const index = parseAndIndex(generatedConfig(routes));
  const tree: ConfigTree = index.tree;
  const items = tree.items;
  let scans = 0;
  Object.defineProperty(tree, "items", {
    get: () => {
      scans++;
      return items;
    },
  });
  const identity = `ip route ${routeNetwork(routes - 1)}`;
  const t0 = process.hrtime.bigint();
  const model = StaticRoute.read(index, identity);
  const us = Number(process.hrtime.bigint() - t0) / 1e3;
  if (model?.network !== routeNetwork(routes - 1))
    throw new Error(`${identity} did not read back from the index`);
  return { scans, us };
}

export function parseScaling(sizes: readonly number[], repeats: number): ParseScaling {
  // Warm the JIT so the first size is not charged for compilation.
  parseAndIndex(generatedConfig(Math.min(...sizes)));
  const points = sizes.map((n) => measure(n, repeats));
  const at10k = points.find((p) => p.routes === 10_000) ?? points[points.length - 1];
  readOne(Math.min(...sizes)); // warm the read path as well
  const small = readOne(Math.min(...sizes));
  const large = readOne(Math.max(...sizes));
  return {
    points,
    parse10kMs: at10k.ms,
    parse10kHeapBytes: at10k.heapBytes,
    perLineCostRatio: points[points.length - 1].usPerLine / points[0].usPerLine,
    readOneScans: small.scans + large.scans,
    readOneUsSmall: small.us,
    readOneUsLarge: large.us,
  };
}
