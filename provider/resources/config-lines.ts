/**
 * ConfigLines: any other router lines, exactly as the router prints them, in one context — the top level,
 * `pp select N` or `tunnel select N`. For the settings no typed resource models, so a whole router can be under
 * review: read and drift per line, adopt (the usual way in, from `nvr import`), and delete writes back what create
 * took over. Identity `config lines [pp 1]: ["KEY","KEY"]` (the lines' setting keys from config/keys.ts, sorted, secrets
 * masked): what read and delete look for. Any change replaces the resource, delete first, which restores the lines
 * create took over before the new ones are written.
 *
 * It refuses a line a typed resource expresses (objects.ts): one way to express each line. A line that carries a
 * secret (`pp auth myname`, `ipsec ike pre-shared-key`, `set NAME=...`) goes in `secretLines`, a Pulumi secret masked
 * in `commands`; a secret the router printed as `*` (`login password *`) cannot be managed from its print and is
 * refused.
 */
import { z } from "zod";
import { type ConfigIndex, indexConfig, parseConfig, renderCommands } from "../config/index";
import { isOperation } from "../config/keys";
import type { ConfigLine, Context } from "../config/model";
import { redact, secretIn } from "../secrets";
import { defineKind } from "./kind";
import { type Line, keyOf, line, typedTextProblem } from "./lines";
import { MAX_PEER_NUMBER, MAX_TUNNEL_NUMBER } from "./models";
import { expressedBy, lineKey } from "./objects";

const CONTEXT = /^(pp ([1-9]\d*|anonymous)|tunnel ([1-9]\d*))$/;

const contextInput = z
  .string()
  .optional()
  .superRefine((s, ctx) => {
    if (s === undefined) return;
    const m = CONTEXT.exec(s);
    const problem = !m
      ? "must be pp N, pp anonymous or tunnel N (absent: the top level)"
      : m[2] !== undefined && m[2] !== "anonymous" && Number(m[2]) > MAX_PEER_NUMBER
        ? `pp numbers run 1..${MAX_PEER_NUMBER}`
        : m[3] !== undefined && Number(m[3]) > MAX_TUNNEL_NUMBER
          ? `tunnel numbers run 1..${MAX_TUNNEL_NUMBER}`
          : undefined;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const normalSpaces = (s: string) => s.trim().split(/\s+/).join(" ");

/** A line as typed: no control character (checked before spaces are normalised, which would hide CR or LF). */
const lineText = (secret: boolean) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = typedTextProblem(s, secret);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform(normalSpaces);

const shape = z
  .object({
    /** `pp 1`, `pp anonymous`, `tunnel 2`; absent for the top level. */
    context: contextInput,
    /** Lines as the router prints them, without a secret. */
    lines: z.array(lineText(false)).default([]),
    /** Lines that carry a secret; stored as a Pulumi secret, masked in `commands`. */
    secretLines: z.array(lineText(true)).default([]),
  })
  .strict();

export type ConfigLinesModel = z.output<typeof shape>;

function contextOf(name: string | undefined): Context {
  if (name === undefined) return { kind: "global" };
  const [kind, id] = name.split(" ");
  return kind === "pp" ? { kind: "pp", peer: id } : { kind: "tunnel", tunnel: Number(id) };
}

/** A line's setting key with any secret masked: what the identity lists and what `owned` looks for. */
const maskedKey = (text: string) => redact(keyOf(text.split(" ")));

function lines(m: ConfigLinesModel): Line[] {
  const context = contextOf(m.context);
  return [...m.lines.map((t) => line(context, t)), ...m.secretLines.map((t) => line(context, t, redact(t)))];
}

const PREFIX = "config lines";

function identity(m: ConfigLinesModel): string {
  const keys = [...new Set([...m.lines, ...m.secretLines].map(maskedKey))].sort();
  // JSON, so no character a key may hold (a quoted argument can hold anything printable) can split it.
  return `${PREFIX}${m.context === undefined ? "" : ` [${m.context}]`}: ${JSON.stringify(keys)}`;
}

function parseIdentity(id: string): { context: string | undefined; keys: Set<string> } {
  const m = /^config lines(?: \[([^\]]+)\])?: (\[.*\])$/s.exec(id);
  const keys: unknown = m ? JSON.parse(m[2]) : undefined;
  if (!m || !Array.isArray(keys) || !keys.every((k) => typeof k === "string"))
    throw new Error(`ConfigLines: "${id}" is not a ConfigLines identity`);
  return { context: m[1], keys: new Set(keys) };
}

/** The config's lines in a context. */
function contextLines(config: ConfigIndex, context: Context): ConfigLine[] {
  if (context.kind === "global") return config.tree.items.flatMap((i) => (i.type === "line" ? [i.line] : []));
  const block = config.block(context.kind, context.kind === "pp" ? context.peer : String(context.tunnel));
  return block?.lines ?? [];
}

function owned(config: ConfigIndex, id: string): Line[] {
  const { context: name, keys } = parseIdentity(id);
  const context = contextOf(name);
  // The text as printed (quotes kept), so a quoted argument compares equal with the line the model writes.
  return contextLines(config, context)
    .filter((l) => keys.has(maskedKey(normalSpaces(l.text))))
    .map((l) => ({ context, key: keyOf(l.tokens), text: normalSpaces(l.text), source: l }));
}

function parse(owned: Line[], id: string): unknown {
  const { context } = parseIdentity(id);
  return {
    ...(context === undefined ? {} : { context }),
    lines: owned.filter((l) => secretIn(l.text) === undefined).map((l) => l.text),
    secretLines: owned.filter((l) => secretIn(l.text) !== undefined).map((l) => l.text),
  };
}

/** Why one line cannot be a ConfigLines line, or undefined. */
function lineProblem(text: string): string | undefined {
  if (text === "") return "must not be empty";
  // `?` shows the CLI's help instead of entering the line (CR §1.5).
  if (text.includes("?")) return "must not contain ?, which the CLI answers with help";
  const tokens = text.split(" ");
  if (isOperation(tokens) || (tokens[0] === "no" && isOperation(tokens.slice(1))))
    return "is an operation command, not configuration";
  if (/^(no )?(pp|tunnel) select /.test(text)) return "selects a block: give the block as context";
  if (/^no /.test(text)) return "is a `no` command: list the lines the router keeps, not how to remove them";
  // The lines after it would be read as the file's body, not as commands.
  if (tokens[0] === "embedded" && /<<\S+$/.test(text))
    return "starts a heredoc (embedded file), which takes more than one line";
  return undefined;
}

/** Fails each line of `m` a typed resource expresses in `config`, naming the resource. */
function typedOwners(
  m: ConfigLinesModel,
  config: ConfigIndex,
  fail: (path: (string | number)[], reason: string) => void,
): void {
  const context = contextOf(m.context);
  const { lines: expressed, objects } = expressedBy(config);
  const owners = new Map(
    objects.flatMap((o) =>
      o.kind.commands(o.model, { mask: false }).map((c) => [lineKey(c.context, c.command), o] as const),
    ),
  );
  for (const property of ["lines", "secretLines"] as const)
    m[property].forEach((text, i) => {
      const key = lineKey(context, text);
      if (!expressed.has(key)) return;
      const o = owners.get(key)!;
      fail(
        [property, i],
        `is written by the typed resource ${o.kind.kind} "${o.identity}": express it there`,
      );
    });
}

/** The model's lines alone as a config, to find typed objects they would form by themselves. */
function configOf(m: ConfigLinesModel): ConfigIndex {
  return indexConfig(
    parseConfig(renderCommands(lines(m).map((l) => ({ context: l.context, command: l.text }))), {
      source: "file",
    }),
  );
}

export const ConfigLines = defineKind<ConfigLinesModel, z.input<typeof shape>>({
  kind: "ConfigLines",
  shape,
  rules(m, check) {
    let failed = false;
    const fail = (path: (string | number)[], reason: string) => {
      failed = true;
      check(path, reason);
    };
    if (m.lines.length + m.secretLines.length === 0) fail(["lines"], "must hold at least one line");
    const seen = new Map<string, string>();
    for (const property of ["lines", "secretLines"] as const)
      m[property].forEach((text, i) => {
        const secret = property === "secretLines";
        const problem = lineProblem(text);
        if (problem) return fail([property, i], problem);
        const holds = secretIn(text);
        if (holds === "masked")
          return fail(
            [property, i],
            "holds a secret the router printed as *: its value is unknown, so it cannot be managed",
          );
        if (!secret && holds === "clear")
          return fail([property, i], `holds a secret (${redact(text)}): give it in secretLines`);
        if (secret && holds === undefined) return fail([property, i], "holds no secret: give it in lines");
        // Two lines with one key write the same setting: the later would overwrite the earlier.
        const key = `${maskedKey(text)}`;
        const other = seen.get(key);
        if (other !== undefined) fail([property, i], `writes the same setting (${key}) as ${other}`);
        seen.set(key, `${property}[${i}]`);
      });
    // Only lines that are each sound can be read together as a config.
    if (!failed) typedOwners(m, configOf(m), fail);
  },
  // The router's config can complete an object the lines only part of (a descriptor's type line is already there).
  against: typedOwners,
  identity,
  stage: "enable",
  // Any change replaces, deleting first (the SDK sets deleteBeforeReplace): two resources with overlapping keys
  // would otherwise fight over the lines between the create and the delete.
  replaceOnChange: ["context", "lines", "secretLines"],
  secretProperties: ["secretLines"],
  lines,
  owned,
  parse,
});
