/**
 * The impure edge of `nvr plan`: runs a Pulumi program in this process under Pulumi's mocks (no CLI, backend or
 * credentials) and collects the NVR resources it declares. The SDK registers each resource as the dynamic type
 * `pulumi-nodejs:dynamic/nvr:<Kind>` with its model among the inputs; everything else a program declares is
 * answered by the mocks and ignored.
 */
import { COMMON_PROPERTIES } from "../resources";
import { ProgramError } from "../errors";
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { MASK } from "../secrets";
import type { DeclaredResource } from "./review";

export interface ProgramOptions {
  /** The program directory (holds Pulumi.yaml, or an index.ts / index.js). */
  dir: string;
  /** Stack whose `Pulumi.<stack>.yaml` supplies config (default "dev"). */
  stack?: string;
  /** `key=value` config on top of the stack file; a key without `namespace:` belongs to the project. */
  config?: Record<string, string>;
}

export interface ProgramRun {
  project: string;
  /** The directory of the program's entry file (Pulumi.yaml `main` may point below the project directory). */
  mainDir: string;
  stack: string;
  resources: DeclaredResource[];
  /** The stack config the program saw (secret values masked): for `--router`, the `nvr:*` connection keys. */
  config: Record<string, string>;
  /** Secrets the program required but no config gave: planned as `********`. */
  maskedSecrets: string[];
}

const TYPE = /^pulumi-nodejs:dynamic\/nvr:(\w+)$/;
/** Pulumi's marker for a secret value in mock inputs. */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Inputs with Pulumi's secret envelopes removed (the model is checked in clear; output masks it). */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) return unwrap(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrap(v)]));
}

function readYaml(file: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const doc: unknown = parseYaml(fs.readFileSync(file, "utf8"));
    return typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>) : {};
  } catch (e) {
    throw new ProgramError(`${file}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** The program file Pulumi would run: Pulumi.yaml `main`, package.json `main`, or index.ts / index.js. */
function entryOf(dir: string, project: Record<string, unknown> | undefined): string {
  const main = typeof project?.main === "string" ? project.main : undefined;
  const base = main ? path.resolve(dir, main) : dir;
  const pkg = readYaml(path.join(base, "package.json"));
  const candidates = [
    ...(fs.existsSync(base) && fs.statSync(base).isFile() ? [base] : []),
    ...(typeof pkg?.main === "string" ? [path.resolve(base, pkg.main)] : []),
    path.join(base, "index.ts"),
    path.join(base, "index.js"),
  ];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!found) throw new ProgramError(`${dir}: no Pulumi program (Pulumi.yaml main, index.ts or index.js)`);
  return found;
}

/** Stack config as Pulumi stores it: `ns:key` → string; `secure:` values cannot be decrypted here and are masked. */
function stackConfig(
  file: string,
  project: string,
  extra: Record<string, string>,
): { values: Record<string, string>; secrets: string[] } {
  const raw = (readYaml(file)?.config ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  const full = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
  for (const [key, value] of Object.entries(raw)) {
    const secure = typeof value === "object" && value !== null && "secure" in value;
    if (secure) secrets.push(full(key));
    values[full(key)] = secure ? MASK : typeof value === "string" ? value : JSON.stringify(value);
  }
  for (const [key, value] of Object.entries(extra)) values[full(key)] = value;
  return { values, secrets };
}

/**
 * The Pulumi runtime the program itself loads: mocks set on another copy (a globally installed `nvr` next to a
 * program's own node_modules) would see no resources.
 */
function libraryFor(dir: string): typeof pulumi {
  try {
    return require(require.resolve("@pulumi/pulumi", { paths: [dir] })) as typeof pulumi;
  } catch {
    return pulumi;
  }
}

/**
 * Planning needs no secret: a secret the program requires but nobody gave is `********` (lines carrying it are
 * masked in every output anyway). Returns the undo.
 */
function maskMissingSecrets(lib: typeof pulumi, masked: string[]): () => void {
  const proto = lib.Config.prototype;
  const original = proto.requireSecret;
  proto.requireSecret = function (this: pulumi.Config, key: string) {
    if (this.get(key) !== undefined) return original.call(this, key);
    masked.push(`${this.name}:${key}`);
    return lib.secret(MASK);
  } as typeof original;
  return () => {
    proto.requireSecret = original;
  };
}

/** Whether the program's directory resolves the SDK package itself (installed, or this repository built). */
function sdkInstalled(dir: string): boolean {
  try {
    require.resolve("pulumi-yamaha-nvr", { paths: [dir] });
    return true;
  } catch {
    return false;
  }
}

/** Makes `require("pulumi-yamaha-nvr")` in the program load this SDK (a program inside this repository, unbuilt). */
function withSdkAlias<T>(run: () => T): T {
  const sdk = path.resolve(__dirname, "../../sdk");
  type Resolve = (request: string, ...rest: unknown[]) => string;
  const mod = Module as unknown as { _resolveFilename: Resolve };
  const original = mod._resolveFilename;
  mod._resolveFilename = (request, ...rest) =>
    original.call(Module, request === "pulumi-yamaha-nvr" ? sdk : request, ...rest);
  try {
    return run();
  } finally {
    mod._resolveFilename = original;
  }
}

/** Node cannot load TypeScript: transpile on require with the installed compiler (as Pulumi's runtime does). */
function ensureTypeScript(dir: string): void {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (extensions[".ts"]) return;
  let ts: typeof import("typescript");
  try {
    ts = require(require.resolve("typescript", { paths: [dir, __dirname] })) as typeof import("typescript");
  } catch {
    throw new ProgramError(`${dir}: a TypeScript program needs the typescript package installed`);
  }
  extensions[".ts"] = (m: { _compile(code: string, file: string): void }, file: string) => {
    const source = fs.readFileSync(file, "utf8");
    const out = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    m._compile(out.outputText, file);
  };
}

export async function runProgram(opts: ProgramOptions): Promise<ProgramRun> {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new ProgramError(`${opts.dir}: not a directory`);
  const projectFile = readYaml(path.join(dir, "Pulumi.yaml"));
  const project = typeof projectFile?.name === "string" ? projectFile.name : path.basename(dir);
  const stack = opts.stack ?? "dev";
  const entry = entryOf(dir, projectFile);
  const { values, secrets } = stackConfig(path.join(dir, `Pulumi.${stack}.yaml`), project, opts.config ?? {});

  const resources: DeclaredResource[] = [];
  const lib = libraryFor(dir);
  const runtime = lib.runtime;
  await runtime.setMocks(
    {
      newResource(args) {
        const kind = TYPE.exec(args.type)?.[1];
        if (kind !== undefined) {
          const inputs = unwrap(args.inputs) as Record<string, unknown>;
          const properties = Object.fromEntries(
            Object.entries(inputs).filter(([k]) => !COMMON_PROPERTIES.has(k)),
          );
          resources.push({ kind, name: args.name, inputs: properties, adopt: inputs.adopt === true });
        }
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    stack,
    false,
  );
  runtime.setAllConfig(values, secrets);

  const maskedSecrets: string[] = [];
  const unmask = maskMissingSecrets(lib, maskedSecrets);
  try {
    if (entry.endsWith(".ts")) ensureTypeScript(dir);
    const load = () => require(entry) as unknown;
    const exported = sdkInstalled(dir) ? load() : withSdkAlias(load);
    const main =
      typeof exported === "function" ? exported : (exported as { default?: unknown } | undefined)?.default;
    if (typeof main === "function") await (main as () => unknown)();
    // Registrations finish asynchronously once each resource's inputs resolve.
    await (runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  } catch (e) {
    throw new ProgramError(
      `${path.relative(process.cwd(), entry) || entry}: ${(e as Error).message ?? String(e)}`,
    );
  } finally {
    unmask();
  }
  const shown = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, secrets.includes(k) ? MASK : v]),
  );
  return { project, mainDir: path.dirname(entry), stack, resources, config: shown, maskedSecrets };
}
