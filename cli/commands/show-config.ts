/**
 * `nvr show-config --host ...`: prints the router's live `show config` (secrets masked unless --show-secrets).
 * Exit 0 printed, 1 the router could not be read, 2 bad input.
 */
import { redact } from "../../provider/secrets";
import {
  addRouterOptions,
  connectionFrom,
  Exit,
  withRouter,
  type CliCommand,
  type RouterCliOptions,
} from "../shared";

export interface ShowConfigCliOptions extends RouterCliOptions {
  showSecrets?: boolean;
}

export const showConfigCommand: CliCommand<ShowConfigCliOptions> = {
  define: (program) =>
    addRouterOptions(
      program.command("show-config").description("print the router's live configuration"),
      "required",
    ).option("--show-secrets", "print pre-shared keys and PPP passwords in clear"),
  errorPrefix: "nvr show-config: ",
  async run(_args, opts, io) {
    const text = await withRouter(connectionFrom(opts, io), (router) => router.showConfig());
    io.out(opts.showSecrets ? text : redact(text));
    return Exit.ok;
  },
};
