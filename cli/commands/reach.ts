/** `nvr reach --config FILE --client-lan CIDR --service IP:PROTO/PORT [--json]`: can an overlapping VPN client get there? */
import { Command } from "commander";
import { buildNetwork, reach, type ReachResult } from "../../provider/analysis";
import { CliError, runAction } from "./config";
import { analyse } from "./trace";

export interface ReachOptions {
  config: string;
  clientLan: string;
  service: string;
  model?: string;
  json?: boolean;
}

/** `192.168.11.240:tcp/445`, `192.168.11.250:udp/53`, `192.168.11.1:icmp`. */
export function parseService(text: string): { ip: string; proto: "tcp" | "udp" | "icmp"; port?: number } {
  const m = /^([\d.]+):(tcp|udp|icmp)(?:\/(\d{1,5}))?$/.exec(text);
  const port = m?.[3] === undefined ? undefined : Number(m[3]);
  if (
    !m ||
    (m[2] !== "icmp" && (port === undefined || port > 65535)) ||
    (m[2] === "icmp" && port !== undefined)
  )
    throw new CliError(`--service: "${text}" is not IP:tcp/PORT, IP:udp/PORT or IP:icmp`);
  return { ip: m[1], proto: m[2] as "tcp" | "udp" | "icmp", port };
}

/** The output of `nvr reach`. */
export function reachCommand(opts: ReachOptions): string {
  const service = parseService(opts.service);
  const result: ReachResult = analyse(opts.config, (tree) =>
    reach(buildNetwork(tree, opts.model), { clientLan: opts.clientLan, service }),
  );
  if (opts.json)
    return `${JSON.stringify({ reachable: result.reachable, via: result.via, reason: result.reason }, null, 2)}\n`;
  const head = result.reachable ? `reachable via ${result.via}` : "not reachable";
  return `${head}: ${result.reason}\n`;
}

export function register(program: Command): void {
  program
    .command("reach")
    .description("whether a VPN client with the given home LAN reaches a service, and at which address")
    .requiredOption("--config <file>", "show config dump or config file")
    .requiredOption("--client-lan <cidr>", "the VPN client's own home network, e.g. 192.168.11.0/24")
    .requiredOption("--service <ip:proto/port>", "the service, e.g. 192.168.11.240:tcp/445")
    .option("--model <model>", "router model (default: the config header's)")
    .option("--json", "print the result as JSON")
    .action((opts: ReachOptions) => runAction(() => reachCommand(opts)));
}
