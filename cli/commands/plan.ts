/**
 * `nvr plan [PROGRAM_DIR] (--from FILE | --router) [--format text|markdown] [--stack NAME] [--config K=V ...]`:
 * what a Pulumi program would do to the router, for code review — the NVR-line diff, lint on the result and the
 * program's checks.yaml claims — without Pulumi's CLI, backend or credentials. Exit 1 when a check fails, lint
 * finds an error or a resource would be refused; 2 on bad input.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, Option } from "commander";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ConfigTree } from "../../provider/config/model";
import { formatReview, review, type Claim, type ReviewFormat } from "../../provider/review";
import { runProgram } from "../../provider/review/program";
import { ProgramError } from "../../provider/errors";
import { MASK, redact } from "../../provider/secrets";
import { routerFor } from "../../provider/session";
import { connectionFrom, type CliIo, processIo, type RouterCliOptions } from "./apply";
import { CliError, readConfig } from "./config";
import { parseService } from "./reach";

export interface PlanCliOptions extends RouterCliOptions {
  from?: string;
  router?: boolean;
  format?: ReviewFormat;
  stack?: string;
  config?: string[];
  checks?: string;
}

const reachEntry = z
  .object({
    name: z.string().optional(),
    "client-lan": z.string(),
    service: z.string(),
    expect: z.enum(["reachable", "unreachable"]).default("reachable"),
    via: z.string().optional(),
  })
  .strict();

const traceEntry = z
  .object({
    name: z.string().optional(),
    in: z.string(),
    src: z.string(),
    dst: z.string(),
    proto: z.enum(["tcp", "udp", "icmp"]).optional(),
    dport: z.number().int().min(1).max(65535).optional(),
    expect: z.enum(["delivered", "dropped", "router"]),
    egress: z.string().optional(),
  })
  .strict();

/** checks.yaml: a list of reachability claims (`client-lan`, `service`) and packet traces (`in`, `src`, `dst`). */
export function parseChecks(text: string, file: string): Claim[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new CliError(`${file}: expected a list of checks`);
  return doc.map((entry: unknown, i): Claim => {
    const where = `${file}: check ${i + 1}`;
    const isReach = typeof entry === "object" && entry !== null && "client-lan" in entry;
    const parsed = (isReach ? reachEntry : traceEntry).safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${where}: ${issue.path.join(".") || "entry"}: ${issue.message}`);
    }
    const c = parsed.data;
    if ("client-lan" in c) {
      let service;
      try {
        service = parseService(c.service);
      } catch (e) {
        throw new CliError(`${where}: ${(e as Error).message.replace(/^--service/, "service")}`);
      }
      return {
        type: "reach",
        name: c.name ?? `client on ${c["client-lan"]} reaches ${c.service}`,
        clientLan: c["client-lan"],
        service,
        expect: c.expect,
        ...(c.via === undefined ? {} : { via: c.via }),
      };
    }
    return {
      type: "trace",
      name:
        c.name ?? `${c.in} ${c.src} → ${c.dst}${c.proto ? ` ${c.proto}` : ""}${c.dport ? `/${c.dport}` : ""}`,
      query: { in: c.in, src: c.src, dst: c.dst, proto: c.proto, dport: c.dport },
      expect: c.expect,
      ...(c.egress === undefined ? {} : { egress: c.egress }),
    };
  });
}

/** `--config key=value` (repeatable). */
function configPairs(list: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    list.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new CliError(`--config: "${pair}" is not KEY=VALUE`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** The live router's config, reached with `--host`/... flags over the stack's `nvr:*` config. */
async function liveConfig(
  opts: PlanCliOptions,
  stack: Record<string, string>,
  io: CliIo,
): Promise<ConfigTree> {
  const known = (key: string) => (stack[`nvr:${key}`] === MASK ? undefined : stack[`nvr:${key}`]);
  const conn = connectionFrom(
    {
      ...opts,
      host: opts.host ?? known("host"),
      port: opts.port ?? known("port"),
      user: opts.user ?? known("username"),
      hostKey: opts.hostKey ?? known("hostKey"),
      model: opts.model ?? known("model"),
    },
    {
      ...io.env,
      NVR_PASSWORD: io.env.NVR_PASSWORD ?? known("password"),
      NVR_ADMIN_PASSWORD: io.env.NVR_ADMIN_PASSWORD ?? known("adminPassword"),
    },
    opts.verbose ? (l) => io.err(`${l}\n`) : undefined,
  );
  const router = routerFor(conn);
  try {
    return (await router.config()).tree;
  } finally {
    await router.close().catch(() => undefined);
  }
}

/** Runs `nvr plan`; returns the exit status. */
export async function planCommand(dir: string, opts: PlanCliOptions, io: CliIo): Promise<number> {
  try {
    if ((opts.from === undefined) === (opts.router !== true))
      throw new CliError("give exactly one of --from FILE or --router");
    const run = await runProgram({ dir, stack: opts.stack, config: configPairs(opts.config) });
    if (run.maskedSecrets.length > 0)
      io.err(`nvr plan: secrets not given, planned as ********: ${run.maskedSecrets.join(", ")}\n`);
    // Default: checks.yaml next to Pulumi.yaml, else next to the program its `main` names.
    const checksFile =
      opts.checks ??
      [path.join(dir, "checks.yaml"), path.join(run.mainDir, "checks.yaml")].find((f) => fs.existsSync(f));
    const claims = checksFile === undefined ? [] : parseChecks(readText(checksFile), checksFile);
    const before = opts.from !== undefined ? readConfig(opts.from) : await liveConfig(opts, run.config, io);
    const report = review({ before, resources: run.resources, claims, model: opts.model });
    io.out(formatReview(report, opts.format ?? "text"));
    return report.failed ? 1 : 0;
  } catch (e) {
    if (e instanceof CliError || e instanceof ProgramError) {
      io.err(`nvr plan: ${redact(e.message)}\n`);
      return 2;
    }
    io.err(`nvr plan: ${redact(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

export function register(program: Command): void {
  program
    .command("plan")
    .description("show what a Pulumi program would change on the router: NVR-line diff, lint, checks")
    .argument("[program-dir]", "the Pulumi program's directory", ".")
    .option("--from <file>", "the router's current config (show config dump or config file)")
    .option("--router", "read the current config from the live router (stack config nvr:* or --host flags)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown"]).default("text"))
    .option("--stack <name>", "stack whose Pulumi.<stack>.yaml supplies config", "dev")
    .option(
      "--config <key=value...>",
      "stack config values (repeatable); key without namespace: the project's",
    )
    .option(
      "--checks <file>",
      "claims to verify on the result (default: checks.yaml by Pulumi.yaml or the program)",
    )
    .option("--model <model>", "router model for lint, e.g. NVR510 (default: the config header's)")
    .option("--host <host>", "router address (default stack config nvr:host)")
    .option("--port <port>", "SSH port (default nvr:port or 22)")
    .option("--user <user>", "login user (default nvr:username)")
    .option("--host-key <fingerprint>", "pinned host key SHA256:... (default nvr:hostKey)")
    .option("--known-hosts <file>", "known_hosts file to check the host key against")
    .option("--private-key <file>", "private key file for public-key login")
    .option("--timeout <ms>", "per-command timeout in milliseconds")
    .option("--verbose", "print the session log (secrets masked) to stderr")
    .action(async (dir: string, opts: PlanCliOptions) => {
      process.exitCode = await planCommand(dir, opts, processIo);
    });
}
