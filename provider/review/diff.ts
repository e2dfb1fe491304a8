/**
 * The reviewer's view of a change: a unified diff of the NVR lines before and after, in the router's canonical
 * rendering (body only, so the header's `# Reporting Date` never shows as a change) with every secret masked.
 */
import { structuredPatch } from "diff";
import { renderConfig } from "../config/render";
import type { ConfigTree } from "../config/model";
import { redact } from "../secrets";

export interface ConfigDiff {
  /** The unified diff (`--- before`, `+++ after`, hunks), or "" when nothing changes. */
  text: string;
  /** Lines only in the after config, as rendered (indentation kept), in order. */
  added: string[];
  /** Lines only in the before config. */
  removed: string[];
}

/** The config body as a reviewer reads it: canonical layout, secrets as `********`. */
export function reviewText(tree: ConfigTree): string {
  return redact(renderConfig(tree, { header: false }));
}

export function configDiff(before: ConfigTree, after: ConfigTree, context = 3): ConfigDiff {
  const patch = structuredPatch("before", "after", reviewText(before), reviewText(after), "", "", {
    context,
  });
  const out: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const h of patch.hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const l of h.lines) {
      out.push(l);
      if (l.startsWith("+")) added.push(l.slice(1));
      if (l.startsWith("-")) removed.push(l.slice(1));
    }
  }
  const text = out.length === 0 ? "" : ["--- before", "+++ after", ...out, ""].join("\n");
  return { text, added, removed };
}
