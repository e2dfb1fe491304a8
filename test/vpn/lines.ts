/**
 * Line-set helpers for the VPN design tests: scripts are compared as the config they leave on a router
 * (the resources tests' keyed store: `no` removes, re-entering a key overwrites), independent of order.
 */
import { parseConfig } from "../../provider/config/parse";
import { GLOBAL, type ContextCommand } from "../../provider/config/model";
import { resourceKinds, type ResourceKindName } from "../../provider/resources";
import { STAGES } from "../../provider/resources/contract";
import { apply, lineSet as storeLines, store } from "../resources/router";

/** A typed script (blocks closed by `... select none` / `no tunnel select`) as context-tagged commands. */
export function commandsOf(script: string): ContextCommand[] {
  return parseConfig(script, { source: "file" }).items.flatMap((item): ContextCommand[] =>
    item.type === "line"
      ? [{ context: GLOBAL, command: item.line.text }]
      : item.block.lines.map((l) => ({
          context:
            item.block.kind === "pp"
              ? { kind: "pp", peer: item.block.id }
              : { kind: "tunnel", tunnel: Number(item.block.id) },
          command: l.text,
        })),
  );
}

/** The config the commands leave on an empty router, one entry per line, block lines as "tunnel 2: LINE", sorted. */
export function lineSet(commands: readonly ContextCommand[]): string[] {
  return storeLines(apply(store(""), commands));
}

/** Lines only in `a`, and lines only in `b`. */
export function difference(
  a: readonly string[],
  b: readonly string[],
): { removed: string[]; added: string[] } {
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

/** Where a child's kind goes in a batch on the router (define 0, enable 1, bind 2): a larger stage is applied later. */
export function stageOf(kind: ResourceKindName): number {
  return STAGES.indexOf(resourceKinds[kind].stage);
}
