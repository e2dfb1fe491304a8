/**
 * `nvr trace --config FILE --in IFACE --src IP --dst IP [--proto P] [--dport N] [--json]`: how the router forwards one
 * packet and its reply, offline. Exit 0 when the packet and its reply get through, 1 when either is dropped, 2 on
 * bad input.
 */
import { Option } from "commander";
import { buildNetwork, trace, type Hop, type TraceResult } from "../../provider/analysis";
import { analyse, CliError, Exit, type CliCommand } from "../shared";

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

function formatTrace(result: TraceResult): string {
  const lines = describe("", result);
  if (result.reply) lines.push(...describe("reply: ", result.reply));
  return `${lines.join("\n")}\n`;
}

export const traceCommand: CliCommand<TraceOptions> = {
  define: (program) =>
    program
      .command("trace")
      .description("trace one IPv4 packet (and its reply) through the router described by a config")
      .requiredOption("--config <file>", "show config dump or config file")
      .requiredOption(
        "--in <iface>",
        "where the packet arrives: lan1, lan2, pp:anonymous, pp:1, tunnel:1, ...",
      )
      .requiredOption("--src <ip>", "source address")
      .requiredOption("--dst <ip>", "destination address")
      .addOption(new Option("--proto <proto>", "protocol").choices(["tcp", "udp", "icmp"]))
      .option("--dport <port>", "destination port")
      .option("--model <model>", "router model (default: the config header's)")
      .option("--json", "print the result as JSON"),
  errorPrefix: "",
  async run(_args, opts, io) {
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
    io.out(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatTrace(result));
    const dropped = result.verdict === "dropped" || result.reply?.verdict === "dropped";
    return dropped ? Exit.negative : Exit.ok;
  },
};
