/**
 * `nvr reach --config FILE --client-lan CIDR --service IP:PROTO/PORT [--json]`: can an overlapping VPN client get
 * there? Exit 0 reachable, 1 not reachable, 2 on bad input.
 */
import { buildNetwork, reach } from "../../provider/analysis";
import { analyse, Exit, parseService, type CliCommand } from "../shared";

export interface ReachOptions {
  config: string;
  clientLan: string;
  service: string;
  model?: string;
  json?: boolean;
}

export const reachCommand: CliCommand<ReachOptions> = {
  define: (program) =>
    program
      .command("reach")
      .description("whether a VPN client with the given home LAN reaches a service, and at which address")
      .requiredOption("--config <file>", "show config dump or config file")
      .requiredOption("--client-lan <cidr>", "the VPN client's own home network, e.g. 192.168.11.0/24")
      .requiredOption("--service <ip:proto/port>", "the service, e.g. 192.168.11.240:tcp/445")
      .option("--model <model>", "router model (default: the config header's)")
      .option("--json", "print the result as JSON"),
  errorPrefix: "",
  async run(_args, opts, io) {
    const service = parseService(opts.service);
    const result = analyse(opts.config, (tree) =>
      reach(buildNetwork(tree, opts.model), { clientLan: opts.clientLan, service }),
    );
    if (opts.json)
      io.out(
        `${JSON.stringify({ reachable: result.reachable, via: result.via, reason: result.reason, blockedBy: result.blockedBy }, null, 2)}\n`,
      );
    else io.out(`${result.reachable ? `reachable via ${result.via}` : "not reachable"}: ${result.reason}\n`);
    return result.reachable ? Exit.ok : Exit.negative;
  },
};
