import { readFileSync } from "fs";
import { join } from "path";
import { parseConfig } from "../../provider/config/parse";
import type { ConfigTree } from "../../provider/config/model";
import { buildNetwork, type NetworkModel } from "../../provider/analysis/network";

export const SEED_DIR = join(__dirname, "..", "fixtures", "seed");

export type SeedConfig =
  "original" | "fix-a-distinct-pool" | "fix-b-pp-anonymous-nat" | "fix-c-twice-nat" | "desc31-forward-nat";

export function seedText(name: SeedConfig): string {
  return readFileSync(join(SEED_DIR, `${name}.conf`), "utf8");
}

export function seedTree(name: SeedConfig): ConfigTree {
  return parseConfig(seedText(name));
}

/** A seed config with some lines replaced or added, for the negative and positive variants of a scenario. */
export function variant(name: SeedConfig, edit: (text: string) => string): ConfigTree {
  return parseConfig(edit(seedText(name)));
}

export function seedNetwork(name: SeedConfig): NetworkModel {
  return buildNetwork(seedTree(name));
}
