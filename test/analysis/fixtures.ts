import { readFileSync } from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import type { ConfigTree } from "../../provider/config/model";
import { buildNetwork, type NetworkModel } from "../../provider/analysis/network";

export const SEED_DIR = join(__dirname, "..", "fixtures", "seed");

export type SeedConfig =
  "original" | "fix-a-distinct-pool" | "fix-b-pp-anonymous-nat" | "fix-c-twice-nat" | "desc31-forward-nat";

export function seedFile(name: SeedConfig): string {
  return join(SEED_DIR, `${name}.conf`);
}

/** A seed config's text with each [from, to] replaced once; a `from` that is not there fails the test. */
export function seedText(name: SeedConfig, ...edits: [string, string][]): string {
  let text = readFileSync(seedFile(name), "utf8");
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${name}.conf has no "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

export function seedTree(name: SeedConfig, ...edits: [string, string][]): ConfigTree {
  return parseConfig(seedText(name, ...edits));
}

export function seedNetwork(name: SeedConfig, ...edits: [string, string][]): NetworkModel {
  return buildNetwork(seedTree(name, ...edits));
}

/** The seed's option 121 with the subnet router's real lan1 address (192.168.11.251) and the router as default. */
export const OPTION121_FIXED: [string, string] = [
  "classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01",
  "classless_static_route=18,c0,a8,04,c0,a8,0b,fb,00,c0,a8,0b,fa",
];
