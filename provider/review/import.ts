/**
 * `nvr import`'s pure core: a router config → a TypeScript Pulumi program that adopts what the resource kinds can
 * express, plus the config lines it could not. Each object is read back with its kind's own `read`, and a line
 * counts as expressed only when that model's `commands` reproduce it, so the program's plan against the same
 * config is empty. Output is deterministic: resources in a fixed kind order, each kind in config order.
 */
import { type ConfigIndex, contextName, indexConfig } from "../config/index";
import type { ConfigLine, ConfigTree, Context } from "../config/model";
import {
  GLOBAL_SWITCHES,
  ReadError,
  check,
  resourceKinds,
  type ResourceKind,
  type ResourceKindName,
} from "../resources";
import { redact } from "../secrets";
import { fromModel } from "../resources/names";

// The registry holds kinds of different model types; import treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

export interface ImportOptions {
  /** The module the program imports the SDK classes from (default "pulumi-yamaha-nvr"). */
  sdk?: string;
  /** Where the config came from, for the program's first comment. */
  source?: string;
}

export interface Unexpressed {
  /** 1-based line of the source config. */
  line: number;
  /** The line, secrets masked; block lines carry their `pp select` / `tunnel select` context. */
  text: string;
}

/** An object of a supported kind whose lines its kind cannot read (so they stay unexpressed). */
export interface Unreadable {
  identity: string;
  reason: string;
}

export interface ImportedResource {
  kind: string;
  name: string;
  identity: string;
}

export interface ImportResult {
  program: string;
  resources: ImportedResource[];
  unexpressed: Unexpressed[];
  unreadable: Unreadable[];
  /** Stack config keys the program reads with `requireSecret`, in program order. */
  secrets: string[];
}

interface Found {
  kind: AnyKind;
  identity: string;
}

const lineKey = (c: Context, text: string) => `${contextName(c)}\u0000${text.trim().split(/\s+/).join(" ")}`;

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/** Every object of a supported kind the config holds, in kind order then config order. */
function identities(config: ConfigIndex): Found[] {
  const global = config.tree.items.flatMap((i) => (i.type === "line" ? [i.line.tokens] : []));
  const k = resourceKinds;
  const found = (kind: AnyKind, ids: string[]) => uniq(ids).map((identity) => ({ kind, identity }));
  return [
    ...found(
      k.NatDescriptor,
      global
        .filter((t) => t[0] === "nat" && t[1] === "descriptor" && t[2] === "type")
        .map((t) => `nat descriptor ${t[3]}`),
    ),
    ...found(
      k.LanInterface,
      global.filter((t) => t[0] === "ip" && /^lan\d+$/.test(t[1] ?? "")).map((t) => t[1]),
    ),
    ...found(
      k.StaticRoute,
      global.filter((t) => t[0] === "ip" && t[1] === "route" && t[2]).map((t) => `ip route ${t[2]}`),
    ),
    ...found(
      k.DhcpScope,
      global
        .filter((t) => t[0] === "dhcp" && t[1] === "scope" && /^\d+$/.test(t[2] ?? ""))
        .map((t) => `dhcp scope ${t[2]}`),
    ),
    ...(config.block("pp", "anonymous")
      ? [{ kind: k.L2tpAnonymousPool as AnyKind, identity: "pp anonymous" }]
      : []),
    ...found(
      k.GlobalSwitch,
      Object.keys(GLOBAL_SWITCHES).filter((s) => config.byKey(s.split(" ")) !== undefined),
    ),
  ];
}

const NAME_PREFIX: Readonly<Record<string, string>> = {
  NatDescriptor: "nat-descriptor",
  StaticRoute: "route",
  DhcpScope: "dhcp-scope",
};

/** The Pulumi resource name: the identity in words, e.g. "nat-descriptor-30", "route-192-168-253-240-32". */
function resourceName(kind: string, identity: string): string {
  const last = identity.split(" ").pop() ?? identity;
  const base = NAME_PREFIX[kind] ? `${NAME_PREFIX[kind]}-${last}` : identity;
  return base.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "");
}

const camel = (name: string) =>
  name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^(\d)/, "_$1");

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Secret leaves under a secret property that is a list or object (`users[].password`, not the user names). */
const SECRET_LEAF = /password|secret|key/i;

/**
 * A JS literal for `value`. Under a secret property, string leaves become `config.requireSecret(KEY)` references:
 * the property itself when it is a string, else its password/key-like leaves (`secretKey` names the config key).
 */
function literal(
  value: unknown,
  path: string,
  secretKey: (path: string) => string | undefined,
  indent: string,
): string {
  const ref = secretKey(path);
  if (ref !== undefined) return `config.requireSecret(${JSON.stringify(ref)})`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => literal(v, `${path}[${i}]`, secretKey, inner));
    const flat = `[${items.join(", ")}]`;
    return !flat.includes("\n") && flat.length <= 72
      ? flat
      : `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const items = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(
        ([k, v]) =>
          `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v, path === "" ? k : `${path}.${k}`, secretKey, inner)}`,
      );
    if (items.length === 0) return "{}";
    const flat = `{ ${items.join(", ")} }`;
    return path !== "" && !flat.includes("\n") && flat.length <= 72
      ? flat
      : `{\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The value at a model path such as "users[1].password". */
function valueAt(model: unknown, path: string): unknown {
  return path
    .split(/[.[\]]/)
    .filter((p) => p !== "")
    .reduce<unknown>(
      (v, p) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[p] : undefined),
      model,
    );
}

/** Every line of the config with its context, in config order. */
function allLines(tree: ConfigTree): { context: Context; line: ConfigLine }[] {
  return tree.items.flatMap((item) => {
    if (item.type === "line") return [{ context: { kind: "global" } as Context, line: item.line }];
    const b = item.block;
    const context: Context =
      b.kind === "pp" ? { kind: "pp", peer: b.id } : { kind: "tunnel", tunnel: Number(b.id) };
    return b.lines.map((line) => ({ context, line }));
  });
}

export function generateProgram(tree: ConfigTree, opts: ImportOptions = {}): ImportResult {
  const config = indexConfig(tree);
  const expressed = new Set<string>();
  const unreadable: Unreadable[] = [];
  const resources: (ImportedResource & { model: Record<string, unknown>; kindDef: AnyKind })[] = [];
  for (const { kind, identity } of identities(config)) {
    let model: Record<string, unknown> | undefined;
    try {
      model = kind.read(config, identity) as Record<string, unknown> | undefined;
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      unreadable.push({ identity, reason: redact(e.message) });
      continue;
    }
    if (model === undefined) continue;
    // The router may hold what the resource refuses (the seed's option 121 gateway outside its scope): such an
    // object stays unexpressed rather than giving a program whose check fails.
    const checked = check(kind.kind as ResourceKindName, model);
    if ("failures" in checked) {
      const f = checked.failures[0];
      unreadable.push({ identity, reason: redact(`${f.property}: ${f.reason}`) });
      continue;
    }
    const commands = kind.commands(model, { mask: false });
    // An interface with only lines no kind models (`ip lan1 mtu`) reads as an empty model: nothing to adopt.
    if (commands.length === 0) continue;
    for (const c of commands) expressed.add(lineKey(c.context, c.command));
    resources.push({
      kind: kind.kind,
      name: resourceName(kind.kind, identity),
      identity,
      model,
      kindDef: kind,
    });
  }

  const unexpressed: Unexpressed[] = allLines(tree)
    .filter(({ context, line }) => !expressed.has(lineKey(context, line.text)))
    .map(({ context, line }) => {
      const where = contextName(context);
      // Masked before the context prefix: redact recognises a command only at the start of a line.
      return { line: line.line, text: `${where === "" ? "" : `[${where}] `}${redact(line.text)}` };
    });

  const secrets: { key: string; hint: string }[] = [];
  const blocks = resources.map((r) => {
    const secretTops = new Set(r.kindDef.secretProperties.map((p) => p.split(/[.[]/)[0]));
    const secretKey = (path: string) => {
      const top = path.split(/[.[]/)[0];
      if (!secretTops.has(top)) return undefined;
      const value = valueAt(r.model, path);
      if (typeof value !== "string" || (path !== top && !SECRET_LEAF.test(path.split(/[.\]]/).pop() ?? "")))
        return undefined;
      const key = camel(`${r.name}-${path.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-")}`);
      // Name the owner of a nested secret (users[1].password → the user's name) so the user knows which it is.
      const owner = valueAt(r.model, path.replace(/\.[^.]+$/, ".name"));
      secrets.push({ key, hint: path !== top && typeof owner === "string" ? `${top}: ${owner}` : path });
      return key;
    };
    const props = { adopt: true, ...fromModel(r.kind, r.model) };
    // No dependsOn between resources: the provider defines before it binds and unbinds before it deletes.
    return `new nvr.${r.kind}(${JSON.stringify(r.name)}, ${literal(props, "", secretKey, "")});`;
  });

  const header = [
    `// Generated by \`nvr import\`${opts.source ? ` from ${opts.source}` : ""}${tree.header.model ? ` (${tree.header.model}${tree.header.revision ? ` Rev.${tree.header.revision}` : ""})` : ""}.`,
    "// Every resource adopts the router's existing lines (adopt: true).",
    ...(secrets.length > 0
      ? [
          "// Secrets come from stack config:",
          ...secrets.map((s) => `//   pulumi config set --secret ${s.key} <value>  (${s.hint})`),
        ]
      : []),
    ...(unexpressed.length > 0
      ? [
          "// Config lines not expressed as resources (left on the router, not managed):",
          ...unreadable.map((u) => `//   ${u.identity}: ${u.reason}`),
          ...unexpressed.map((u) => `//   line ${u.line}: ${u.text}`),
        ]
      : ["// Every config line is expressed as a resource."]),
  ];
  const program = [
    ...header,
    ...(secrets.length > 0 ? ['import * as pulumi from "@pulumi/pulumi";'] : []),
    `import * as nvr from ${JSON.stringify(opts.sdk ?? "pulumi-yamaha-nvr")};`,
    "",
    ...(secrets.length > 0 ? ["const config = new pulumi.Config();", ""] : []),
    ...blocks.flatMap((b) => [b, ""]),
  ].join("\n");
  return {
    program,
    resources: resources.map(({ kind, name, identity }) => ({ kind, name, identity })),
    unexpressed,
    unreadable,
    secrets: secrets.map((s) => s.key),
  };
}
