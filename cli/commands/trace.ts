/**
 * `nvr trace --config FILE --in IFACE --src IP --dst IP [--proto P] [--dport N] [--json]`: how the router forwards one
 * packet and its reply, offline. Also the shared plumbing of the analysis commands (reach, lint).
 */
import { Command, Option } from "commander";
import { AnalysisError, buildNetwork, trace, type Hop, type TraceResult } from "../../provider/analysis";
import type { ConfigTree } from "../../provider/config/model";
import { CliError, readConfig, runAction } from "./config";

/** Runs an analysis on FILE; an AnalysisError becomes `FILE:LINE: reason` (or `nvr: reason` for a bad option). */
export function analyse<T>(file: string, run: (tree: ConfigTree) => T): T {
  const tree = readConfig(file);
  try {
    return run(tree);
  } catch (e) {
    if (e instanceof AnalysisError)
      throw new CliError(e.line > 0 ? `${file}:${e.line}: ${e.reason}` : e.reason);
    throw e;
  }
}

export interface TraceOptions {
  config: string;
  in: string;
  src: string;
  dst: string;
  proto?: "tcp" | "udp" | "icmp";
  dport?: string;
  model?: string;
  json?: boolean;
}

function describe(label: string, hop: Hop): string[] {
  const where = hop.verdict === "delivered" ? ` via ${hop.egress}: ${hop.src} → ${hop.dst}` : "";
  return [`${label}${hop.verdict}${where}`, ...hop.steps.map((s) => `  ${s}`)];
}

export function formatTrace(result: TraceResult): string {
  const lines = describe("", result);
  if (result.reply) lines.push(...describe("reply: ", result.reply));
  return `${lines.join("\n")}\n`;
}

/** The output of `nvr trace`. */
export function traceCommand(opts: TraceOptions): string {
  const dport = opts.dport === undefined ? undefined : Number(opts.dport);
  if (dport !== undefined && !(Number.isInteger(dport) && dport >= 0 && dport <= 65535))
    throw new CliError(`--dport: "${opts.dport}" is not a port number 0-65535`);
  const result = analyse(opts.config, (tree) =>
    trace(buildNetwork(tree, opts.model), {
      in: opts.in,
      src: opts.src,
      dst: opts.dst,
      proto: opts.proto,
      dport,
    }),
  );
  return opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatTrace(result);
}

export function register(program: Command): void {
  program
    .command("trace")
    .description("trace one IPv4 packet (and its reply) through the router described by a config")
    .requiredOption("--config <file>", "show config dump or config file")
    .requiredOption("--in <iface>", "where the packet arrives: lan1, lan2, pp:anonymous, pp:1, tunnel:1, ...")
    .requiredOption("--src <ip>", "source address")
    .requiredOption("--dst <ip>", "destination address")
    .addOption(new Option("--proto <proto>", "protocol").choices(["tcp", "udp", "icmp"]))
    .option("--dport <port>", "destination port")
    .option("--model <model>", "router model (default: the config header's)")
    .option("--json", "print the result as JSON")
    .action((opts: TraceOptions) => runAction(() => traceCommand(opts)));
}
