/**
 * A VPN component's optional `filters` input: the router's IP filter lines, so the design warns before anything is
 * applied when those filters would drop the VPN or the published hosts (docs/analysis.md). The lines are only
 * analysed, never sent. Each is read by its family's one reader; a line of another family is refused.
 */
import { z } from "zod";
import { FILTER_CHECKS } from "../analysis/filter-lint";
import { buildNetwork } from "../analysis/network";
import { reach } from "../analysis/reach";
import type { ConfigItem, ConfigLine, ConfigTree, Context } from "../config/model";
import { parseConfig } from "../config/parse";
import { AnalysisError, ReadError } from "../errors";
import { isIpFilterLine, readIpFilterLine } from "../resources/ip-filter";
import { isIpFilterDynamicLine, readIpFilterDynamicLine } from "../resources/ip-filter-dynamic";
import { isSecureFilterLine, readSecureFilterLine } from "../resources/secure-filter";
import { isRouteLine, readRouteLine } from "../resources/static-route";
import { typedTextProblem } from "../resources/lines";
import type { Fail } from "./shared";

/** At most this many lines: a few thousand filters is already more than any router holds. */
const MAX_FILTER_LINES = 5000;

export const filterLines = z
  .array(
    z
      .string()
      .max(1000, "must be at most 1000 characters")
      .superRefine((s, ctx) => {
        const why = typedTextProblem(s);
        if (why) ctx.addIssue({ code: "custom", message: why });
      }),
  )
  .max(MAX_FILTER_LINES, `must list at most ${MAX_FILTER_LINES} lines`)
  .optional();

/** Why a line is not one the input takes, or undefined. */
function problem(line: ConfigLine, context: Context): string | undefined {
  const t = line.tokens;
  try {
    if (context.kind === "global" && isIpFilterLine(t)) readIpFilterLine(line);
    else if (context.kind === "global" && isIpFilterDynamicLine(t)) readIpFilterDynamicLine(line);
    else if (isSecureFilterLine(t, "ip")) readSecureFilterLine(line, context);
    else if (context.kind === "global" && isRouteLine(t, "default")) readRouteLine(line);
    else
      return "must be an ip filter, ip filter dynamic, ip IF secure filter or ip route default line (pp and tunnel lists inside their pp select / tunnel select)";
  } catch (e) {
    if (e instanceof ReadError) return e.reason;
    throw e;
  }
  return undefined;
}

/** Checks every line, naming it as `filters[i]`. */
export function checkFilterLines(lines: readonly string[] | undefined, fail: Fail): void {
  if (!lines) return;
  const tree = parseConfig(lines.join("\n"), { source: "file" });
  for (const item of tree.items) {
    const [context, body]: [Context, ConfigLine[]] =
      item.type === "line"
        ? [{ kind: "global" }, [item.line]]
        : [
            item.block.kind === "pp"
              ? { kind: "pp", peer: item.block.id }
              : { kind: "tunnel", tunnel: Number(item.block.id) },
            item.block.lines,
          ];
    for (const l of body) {
      const why = problem(l, context);
      if (why) fail(`filters[${l.line - 1}]`, why);
    }
  }
}

/** `pp select` / `tunnel select` blocks of one id merged into the first, so the filters' lists join the design's block. */
function mergeBlocks(tree: ConfigTree): ConfigTree {
  const first = new Map<string, ConfigItem & { type: "block" }>();
  const items: ConfigItem[] = [];
  for (const item of tree.items) {
    if (item.type === "line") {
      items.push(item);
      continue;
    }
    const key = `${item.block.kind} ${item.block.id}`;
    const seen = first.get(key);
    if (seen) seen.block.lines.push(...item.block.lines);
    else {
      const copy = { type: "block" as const, block: { ...item.block, lines: [...item.block.lines] } };
      first.set(key, copy);
      items.push(copy);
    }
  }
  return { ...tree, items };
}

/**
 * Warnings for what the filters would drop: the filter lint over the design's script with the filters, and each
 * published host's alias traced from a VPN client whose home LAN is the LAN itself (tcp/445 and ping). Line numbers
 * are rewritten as `filters[i]` or the script's own line.
 */
export function filterWarnings(
  lines: readonly string[] | undefined,
  script: string,
  model: string,
  clientLan: string,
  hosts: readonly { name: string; address: string }[],
): string[] {
  if (!lines || lines.length === 0) return [];
  const n = lines.length;
  const where = (text: string) =>
    text.replace(/\bline (\d+)/g, (_, d: string) =>
      Number(d) <= n ? `filters[${Number(d) - 1}]` : `script line ${Number(d) - n}`,
    );
  const tree = mergeBlocks(parseConfig(`${lines.join("\n")}\n${script}`, { source: "file" }));
  let network;
  try {
    network = buildNetwork(tree, model);
  } catch (e) {
    if (e instanceof AnalysisError) return [`filters: not analysed: ${where(e.message)}`];
    throw e;
  }
  const findings = FILTER_CHECKS.flatMap((check) => check(network)).map(
    (f) => `filters: ${f.code}: ${where(f.message)}${f.hint ? `; fix: ${f.hint}` : ""}`,
  );
  const blocked = hosts.flatMap((h) =>
    (
      [
        { proto: "tcp", port: 445 },
        { proto: "icmp", port: undefined },
      ] as const
    ).flatMap((service) => {
      const r = reach(network, { clientLan, service: { ip: h.address, ...service } });
      if (r.reachable || !r.blockedBy) return [];
      const what = service.proto === "tcp" ? `tcp/${service.port}` : "ping";
      return [`publishedHosts.${h.name}: a VPN client cannot reach it (${what}): ${where(r.blockedBy.step)}`];
    }),
  );
  return [...findings, ...blocked];
}
