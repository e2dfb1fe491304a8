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
  sport?: string;
  down?: string;
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
      .option("--sport <port>", "source port (default: 49152, an ephemeral port)")
      .option(
        "--down <ifaces>",
        "pp/tunnel lines that are down, comma-separated: restrict filters reject there",
      )
      .option("--model <model>", "router model (default: the config header's)")
      .option("--json", "print the result as JSON"),
  errorPrefix: "",
  async run(_args, opts, io) {
    const port = (name: string, text: string | undefined) => {
      const n = text === undefined ? undefined : Number(text);
      if (n !== undefined && !(/^\d+$/.test(text ?? "") && n <= 65535))
        throw new CliError(`--${name}: "${text}" is not a port number 0-65535`);
      return n;
    };
    const dport = port("dport", opts.dport);
    const sport = port("sport", opts.sport);
    const result = analyse(opts.config, (tree) =>
      trace(buildNetwork(tree, opts.model), {
        in: opts.in,
        src: opts.src,
        dst: opts.dst,
        proto: opts.proto,
        dport,
        sport,
        down: opts.down?.split(","),
      }),
    );
    io.out(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatTrace(result));
    const dropped = result.verdict === "dropped" || result.reply?.verdict === "dropped";
    return dropped ? Exit.negative : Exit.ok;
  },
};
