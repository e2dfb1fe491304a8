/**
 * `nvr import`'s pure core: a router config → a TypeScript Pulumi program that adopts all of it. Objects of a typed
 * kind become typed resources where the kind reads them and its commands reproduce their lines (objects.ts, the
 * answer ConfigLines uses too); every other line goes into a ConfigLines resource of its block or, at the top level,
 * of its first word. So the program's plan against the same config is empty. No secret value is copied into the
 * program: typed secrets and secret-bearing lines read stack config (`pulumi config set --secret` hints), and a
 * secret the router printed as `*` stays unmanaged. Output is deterministic: typed resources in a fixed kind order,
 * each kind in config order, then the ConfigLines in config order.
 */
import { contextName, indexConfig } from "../config/index";
import type { ConfigLine, ConfigTree, Context } from "../config/model";
import { ConfigLines } from "../resources";
import { failuresOf, isSecretPath } from "../resources/kind";
import { fromModel } from "../resources/names";
import { type TypedObject, expressedBy, lineKey } from "../resources/objects";
import { MASK, redact, secretIn } from "../secrets";

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
  /** Why no resource holds it. */
  reason: string;
}

/** An object of a typed kind its kind cannot read (its lines go to ConfigLines where they can). */
export interface Unreadable {
  identity: string;
  reason: string;
}

export interface ImportedResource {
  kind: string;
  name: string;
  identity: string;
}

/** A stack config key the program reads with `requireSecret`, and the config line that holds its value. */
export interface SecretSource {
  key: string;
  /** 1-based line of the source config. */
  line: number;
  /** What it is, without the value (a property path and owner, or the masked line). */
  hint: string;
}

export interface ImportResult {
  program: string;
  resources: ImportedResource[];
  unexpressed: Unexpressed[];
  unreadable: Unreadable[];
  /** Stack config keys the program reads with `requireSecret`, in program order. */
  secrets: string[];
  secretSources: SecretSource[];
  /** Config lines in all, and how many typed resources and ConfigLines resources own. */
  counts: { lines: number; typed: number; configLines: number };
}

/** Program text to put into a literal as it is (a template over secrets). */
class Code {
  constructor(readonly text: string) {}
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

/**
 * A JS literal for `value`. A string at a secret path becomes a `config.requireSecret(KEY)` reference (`secretKey`
 * names the config key); `Code` is written as it is.
 */
function literal(
  value: unknown,
  path: string,
  secretKey: (path: string) => string | undefined,
  indent: string,
): string {
  const ref = secretKey(path);
  if (ref !== undefined) return `config.requireSecret(${JSON.stringify(ref)})`;
  if (value instanceof Code) return value.text;
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

/**
 * The config line that holds the secret at `path` of a typed object: the object's command written with a marker in
 * its place, found in the config with the value back (two secrets of one value stay apart).
 */
function holderLine(
  o: TypedObject,
  path: (string | number)[],
  value: string,
  lines: { context: Context; line: ConfigLine }[],
): number {
  const marker = "\u0000secret\u0000";
  const copy = structuredClone(o.model);
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((v, p) => v[p] as Record<string | number, unknown>, copy);
  parent[path[path.length - 1]] = marker;
  const command = o.kind.commands(copy, { mask: false }).find((c) => c.command.includes(marker));
  const key = command && lineKey(command.context, command.command.replace(marker, value));
  return lines.find(({ context, line }) => lineKey(context, line.text) === key)?.line.line ?? 0;
}

/** A context as a resource name part: "pp-1", "tunnel-2". */
const contextWords = (c: Context) => contextName(c).replace(/ /g, "-");

interface Group {
  name: string;
  context: Context;
  lines: { line: ConfigLine; secret: boolean }[];
}

/**
 * The unexpressed lines as ConfigLines groups: one per block, one per first word at the top level. A line the
 * resource refuses (a masked secret, a second line of one setting, characters the CLI cannot take, a line that
 * alone forms a typed object) is taken out with the resource's reason, until the group checks.
 */
function groupLines(
  rest: { context: Context; line: ConfigLine }[],
  unexpressed: Unexpressed[],
): { group: Group; model: Record<string, unknown> }[] {
  const groups = new Map<string, Group>();
  const where = (c: Context, l: ConfigLine) => {
    const name = contextName(c);
    return `${name === "" ? "" : `[${name}] `}${redact(l.text)}`;
  };
  for (const { context, line } of rest) {
    const secret = secretIn(line.text);
    if (secret === "masked") {
      unexpressed.push({
        line: line.line,
        text: where(context, line),
        reason: "the router prints this secret as *, so its value cannot be read",
      });
      continue;
    }
    const name = context.kind === "global" ? `lines-${line.tokens[0]}` : `lines-${contextWords(context)}`;
    const group = groups.get(name) ?? { name, context, lines: [] };
    group.lines.push({ line, secret: secret === "clear" });
    groups.set(name, group);
  }
  const checked: { group: Group; model: Record<string, unknown> }[] = [];
  for (const group of groups.values()) {
    for (;;) {
      if (group.lines.length === 0) break;
      const model = {
        ...(group.context.kind === "global" ? {} : { context: contextName(group.context) }),
        lines: group.lines.filter((l) => !l.secret).map((l) => l.line.text),
        secretLines: group.lines.filter((l) => l.secret).map((l) => l.line.text),
      };
      const result = ConfigLines.schema.safeParse(model);
      if (result.success) {
        checked.push({ group, model });
        break;
      }
      // Take out the lines the failures name (by list and index); a failure naming no line drops the group.
      const [first] = result.error.issues;
      const [property, index] = first.path;
      const list = group.lines.filter((l) => l.secret === (property === "secretLines"));
      const bad = typeof index === "number" ? list[index] : undefined;
      const out = bad ? [bad] : group.lines;
      const reason = failuresOf(result.error)[0].reason;
      for (const l of out)
        unexpressed.push({ line: l.line.line, text: where(group.context, l.line), reason });
      group.lines = group.lines.filter((l) => !out.includes(l));
    }
  }
  return checked;
}

/** A template literal of `text` with each secret a `config.requireSecret` reference (`keys` in order). */
function secretTemplate(masked: string, keys: string[]): Code {
  const escape = (s: string) => s.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, "\\${");
  const parts = masked.split(MASK);
  const body = parts
    .map(
      (p, i) => escape(p) + (i < keys.length ? `\${config.requireSecret(${JSON.stringify(keys[i])})}` : ""),
    )
    .join("");
  return new Code(`pulumi.interpolate\`${body}\``);
}

export function generateProgram(tree: ConfigTree, opts: ImportOptions = {}): ImportResult {
  const config = indexConfig(tree);
  const typed = expressedBy(config);
  const lines = allLines(tree);
  const rest = lines.filter(({ context, line }) => !typed.lines.has(lineKey(context, line.text)));
  const unexpressed: Unexpressed[] = [];
  const groups = groupLines(rest, unexpressed);
  unexpressed.sort((a, b) => a.line - b.line);

  const secrets: SecretSource[] = [];
  const typedBlocks = typed.objects.map((o) => {
    const name = resourceName(o.kind.kind, o.identity);
    const secretKey = (path: string) => {
      const parts = path
        .split(/[.[\]]/)
        .filter((p) => p !== "")
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const value = valueAt(o.model, path);
      // Exactly the kind's secret properties (a hex key's `hex`, each user's password), never a guess by name.
      if (typeof value !== "string" || !isSecretPath(o.kind.secretProperties, parts)) return undefined;
      const top = path.split(/[.[]/)[0];
      const key = camel(`${name}-${path.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-")}`);
      // Name the owner of a nested secret (users[1].password → the user's name) so the user knows which it is.
      const owner = valueAt(o.model, path.replace(/\.[^.]+$/, ".name"));
      const hint = path !== top && typeof owner === "string" ? `${top}: ${owner}` : path;
      secrets.push({ key, line: holderLine(o, parts, value, lines), hint });
      return key;
    };
    const props = { adopt: true, ...fromModel(o.kind.kind, o.model) };
    // No dependsOn between resources: the provider defines before it binds and unbinds before it deletes.
    return `new nvr.${o.kind.kind}(${JSON.stringify(name)}, ${literal(props, "", secretKey, "")});`;
  });

  const linesBlocks = groups.map(({ group, model }) => {
    let n = 0;
    const secretLines = group.lines
      .filter((l) => l.secret)
      .map((l) => {
        const masked = redact(l.line.text);
        const keys = masked
          .split(MASK)
          .slice(1)
          .map(() => camel(`${group.name}-secret-${++n}`));
        const hint = `${contextName(group.context) === "" ? "" : `[${contextName(group.context)}] `}${masked}`;
        keys.forEach((key) => secrets.push({ key, line: l.line.line, hint }));
        return secretTemplate(masked, keys);
      });
    const props = {
      adopt: true,
      ...model,
      ...(secretLines.length > 0 ? { secretLines } : { secretLines: undefined }),
    };
    if ((model.lines as string[]).length === 0) delete (props as Record<string, unknown>).lines;
    return `new nvr.ConfigLines(${JSON.stringify(group.name)}, ${literal(props, "", () => undefined, "")});`;
  });

  const typedCount = lines.length - rest.length;
  const configLinesCount = groups.reduce((n, g) => n + g.group.lines.length, 0);
  const header = [
    `// Generated by \`nvr import\`${opts.source ? ` from ${opts.source}` : ""}${tree.header.model ? ` (${tree.header.model}${tree.header.revision ? ` Rev.${tree.header.revision}` : ""})` : ""}.`,
    "// Every resource adopts the router's existing lines (adopt: true).",
    `// ${lines.length} config lines: ${typedCount} in typed resources, ${configLinesCount} in ConfigLines, ${unexpressed.length} not expressed.`,
    ...(secrets.length > 0
      ? [
          "// Secrets come from stack config:",
          ...secrets.map((s) => `//   pulumi config set --secret ${s.key} <value>  (${s.hint})`),
        ]
      : []),
    ...(typed.unreadable.length > 0
      ? [
          "// Objects of a typed kind it cannot read (their lines are in ConfigLines where it can hold them):",
          ...typed.unreadable.map((u) => `//   ${u.identity}: ${redact(u.reason)}`),
        ]
      : []),
    ...(unexpressed.length > 0
      ? [
          "// Config lines not expressed as resources (left on the router, not managed):",
          ...unexpressed.map((u) => `//   line ${u.line}: ${u.text} (${redact(u.reason)})`),
        ]
      : ["// Every config line is expressed as a resource."]),
  ];
  const program = [
    ...header,
    ...(secrets.length > 0 ? ['import * as pulumi from "@pulumi/pulumi";'] : []),
    `import * as nvr from ${JSON.stringify(opts.sdk ?? "pulumi-yamaha-nvr")};`,
    "",
    ...(secrets.length > 0 ? ["const config = new pulumi.Config();", ""] : []),
    ...[...typedBlocks, ...linesBlocks].flatMap((b) => [b, ""]),
  ].join("\n");
  return {
    program,
    resources: [
      ...typed.objects.map((o) => ({
        kind: o.kind.kind,
        name: resourceName(o.kind.kind, o.identity),
        identity: o.identity,
      })),
      ...groups.map(({ group, model }) => ({
        kind: "ConfigLines",
        name: group.name,
        identity: ConfigLines.identity(ConfigLines.schema.parse(model)),
      })),
    ],
    unexpressed,
    unreadable: typed.unreadable.map((u) => ({ identity: u.identity, reason: redact(u.reason) })),
    secrets: secrets.map((s) => s.key),
    secretSources: secrets,
    counts: { lines: lines.length, typed: typedCount, configLines: configLinesCount },
  };
}
