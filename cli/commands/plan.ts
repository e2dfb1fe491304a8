/**
 * `nvr plan [PROGRAM_DIR] (--from FILE | --router) [--format text|markdown] [--stack NAME] [--config K=V ...]`:
 * what a Pulumi program would do to the router, for code review — the NVR-line diff, lint on the result and the
 * program's checks.yaml claims. `--from FILE` needs no Pulumi CLI, backend or credentials (secrets not given are
 * planned as `********`); `--router` reads the selected stack's config, secrets decrypted, through the Pulumi CLI
 * and connects with it, so nothing is planned with a masked value. Exit 0 when all is well, 1 when a check fails,
 * lint finds an error, a resource would be refused or the router cannot be read; 2 on bad input.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Option } from "commander";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ConfigTree } from "../../provider/config/model";
import { ProgramError } from "../../provider/errors";
import { formatReview, review, type Claim, type ReviewFormat } from "../../provider/review";
import { runProgram } from "../../provider/review/program";
import { MASK, redact } from "../../provider/secrets";
import {
  addRouterOptions,
  CliError,
  connectionFrom,
  Exit,
  parseService,
  readConfig,
  readText,
  STACK_CONFIG_KEYS,
  withRouter,
  type CliCommand,
  type CliIo,
  type RouterCliOptions,
} from "../shared";

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

/** Runs the Pulumi CLI in the program's directory: its output, or why it could not. */
function pulumiCli(dir: string, args: string[], io: CliIo): { out: string } | { failed: string } {
  try {
    const out = execFileSync("pulumi", [...args, "--non-interactive"], {
      cwd: dir,
      env: io.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { out };
  } catch (e) {
    const said = String((e as { stderr?: string }).stderr || (e as Error).message).trim();
    return { failed: `\`pulumi ${args.join(" ")}\` failed: ${redact(said.split("\n").pop() ?? said)}` };
  }
}

/**
 * The stack's config with its secrets decrypted (`pulumi config --show-secrets --json`), so the plan is made with
 * the real values; or why the Pulumi CLI could not give it (then only the stack file's plain values are known).
 */
function stackSecrets(
  dir: string,
  stack: string,
  io: CliIo,
): { values: Record<string, string> } | { failed: string } {
  const r = pulumiCli(dir, ["config", "--show-secrets", "--json", "--stack", stack], io);
  if ("failed" in r) return r;
  const parsed = JSON.parse(r.out) as Record<string, { value?: unknown; objectValue?: unknown }>;
  return {
    values: Object.fromEntries(
      Object.entries(parsed)
        .filter(([, v]) => v.value !== undefined || v.objectValue !== undefined)
        .map(([k, v]) => [
          k,
          typeof v.value === "string" ? v.value : JSON.stringify(v.objectValue ?? v.value),
        ]),
    ),
  };
}

/** Environment variables that stand in for the stack's connection secrets. */
const SECRET_ENV: Record<string, string> = {
  "nvr:password": "NVR_PASSWORD",
  "nvr:adminPassword": "NVR_ADMIN_PASSWORD",
  "nvr:loginPassword": "NVR_LOGIN_PASSWORD",
};

function withoutMasked(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== MASK));
}

/** The live router's config, reached with `--host`/... flags over the stack's decrypted `nvr:*` config. */
async function liveConfig(
  opts: PlanCliOptions,
  stack: Record<string, string>,
  io: CliIo,
): Promise<ConfigTree> {
  const known = (key: string) => stack[`nvr:${key}`];
  const fromStack = Object.fromEntries(
    Object.entries(STACK_CONFIG_KEYS).map(([flag, key]) => [
      flag,
      opts[flag as keyof typeof STACK_CONFIG_KEYS] ?? known(key),
    ]),
  );
  const conn = connectionFrom(
    {
      ...opts,
      ...fromStack,
      knownHosts: opts.knownHosts ?? known("knownHosts"),
      trustOnFirstUse: opts.trustOnFirstUse ?? known("trustOnFirstUse") === "true",
    },
    {
      ...io,
      env: {
        ...io.env,
        NVR_PASSWORD: io.env.NVR_PASSWORD ?? known("password"),
        NVR_ADMIN_PASSWORD: io.env.NVR_ADMIN_PASSWORD ?? known("adminPassword"),
        NVR_LOGIN_PASSWORD: io.env.NVR_LOGIN_PASSWORD ?? known("loginPassword"),
      },
    },
  );
  return withRouter(conn, async (router) => (await router.config()).tree);
}

/** The Pulumi program's resources and stack config; a program that cannot be run is bad input. */
async function programRun(
  dir: string,
  opts: PlanCliOptions,
  stack: string,
  decrypted: Record<string, string>,
): ReturnType<typeof runProgram> {
  try {
    return await runProgram({ dir, stack, config: { ...decrypted, ...configPairs(opts.config) } });
  } catch (e) {
    if (e instanceof ProgramError) throw new CliError(e.message);
    throw e;
  }
}

export const planCommand: CliCommand<PlanCliOptions, [programDir: string]> = {
  define: (program) =>
    addRouterOptions(
      program
        .command("plan")
        .description("show what a Pulumi program would change on the router: NVR-line diff, lint, checks")
        .argument("[program-dir]", "the Pulumi program's directory", ".")
        .option("--from <file>", "the router's current config (show config dump or config file)")
        .option(
          "--router",
          "read the current config from the live router (stack config nvr:* or --host flags)",
        )
        .addOption(
          new Option("--format <format>", "output format").choices(["text", "markdown"]).default("text"),
        )
        .option(
          "--stack <name>",
          "stack whose config the program gets (default: with --router the selected stack, else dev)",
        )
        .option(
          "--config <key=value...>",
          "stack config values (repeatable); key without namespace: the project's",
        )
        .option(
          "--checks <file>",
          "claims to verify on the result (default: checks.yaml by Pulumi.yaml or the program)",
        ),
      "stack",
    ),
  errorPrefix: "nvr plan: ",
  async run([dir], opts, io) {
    if ((opts.from === undefined) === (opts.router !== true))
      throw new CliError("give exactly one of --from FILE or --router");
    // With --router the plan is made against the live router with the stack's real config, secrets decrypted
    // through the Pulumi CLI: a masked secret would plan phantom changes (and warn of a short key).
    const selected =
      opts.stack === undefined && opts.router === true
        ? pulumiCli(dir, ["stack", "--show-name"], io)
        : undefined;
    const stack = opts.stack ?? (selected !== undefined && "out" in selected ? selected.out.trim() : "dev");
    const fromCli = opts.router === true ? stackSecrets(dir, stack, io) : undefined;
    const decrypted = fromCli !== undefined && "values" in fromCli ? fromCli.values : {};
    const undecrypted = fromCli !== undefined && "failed" in fromCli ? ` (${fromCli.failed})` : "";
    const run = await programRun(dir, opts, stack, decrypted).catch((e: unknown) => {
      // A program that cannot use a masked secret (a JSON object, say) fails here: say why it was masked.
      throw e instanceof CliError && undecrypted !== "" ? new CliError(`${e.message}${undecrypted}`) : e;
    });
    if (opts.router === true) {
      // Never plan a masked value: a secret neither decrypted, nor given with --config or its environment variable.
      const namespaced = (k: string) => (k.includes(":") ? k : `${run.project}:${k}`);
      const given = new Set(
        [...Object.keys(decrypted), ...Object.keys(configPairs(opts.config))].map(namespaced),
      );
      const masked = [
        ...run.maskedSecrets,
        ...Object.entries(run.config)
          .filter(([k, v]) => v === MASK && !given.has(k) && !(k in SECRET_ENV && io.env[SECRET_ENV[k]]))
          .map(([k]) => k),
      ];
      if (masked.length > 0)
        throw new CliError(
          `stack ${stack}: no value for ${[...new Set(masked)].join(", ")}${undecrypted}. --router plans with the stack's real secrets, decrypted through the Pulumi CLI (on PATH, logged in to the stack's backend, with PULUMI_CONFIG_PASSPHRASE for a passphrase stack); or give them with --config KEY=VALUE or NVR_PASSWORD / NVR_ADMIN_PASSWORD / NVR_LOGIN_PASSWORD`,
        );
    } else if (run.maskedSecrets.length > 0)
      io.err(`nvr plan: secrets not given, planned as ********: ${run.maskedSecrets.join(", ")}\n`);
    // Default: checks.yaml next to Pulumi.yaml, else next to the program its `main` names, or next to that
    // program's source when `main` names its build (dist/examples/home-lab → examples/home-lab).
    const built = path.relative(path.resolve(dir, "dist"), run.mainDir);
    const source = built.startsWith("..") ? [] : [path.join(dir, built, "checks.yaml")];
    const checksFile =
      opts.checks ??
      [path.join(dir, "checks.yaml"), path.join(run.mainDir, "checks.yaml"), ...source].find((f) =>
        fs.existsSync(f),
      );
    const claims = checksFile === undefined ? [] : parseChecks(readText(checksFile), checksFile);
    const before =
      opts.from !== undefined
        ? readConfig(opts.from)
        : await liveConfig(opts, { ...withoutMasked(run.config), ...decrypted }, io);
    const report = review({ before, resources: run.resources, claims, model: opts.model });
    io.out(formatReview(report, opts.format ?? "text"));
    return report.failed ? Exit.negative : Exit.ok;
  },
};
