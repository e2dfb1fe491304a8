/**
 * The grammar against real text: every body line of the published `show config` dumps and every configuration
 * line of the seed notes must parse, print back unchanged, and sort into the router's own order.
 */
import * as fs from "fs";
import * as path from "path";
import type { ConfigCommand, SimContext } from "../../simulator/engine/grammar-contract";
import { BLOCKS_SECTION, compareOrder, parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS, type SimModel } from "../../simulator/engine/models";

const CONFIGS = "/work/shared/configs";
const SEED = "/work/shared/seed";

/** Each dump is checked against its own model (the file name starts with it). */
function modelFor(file: string): SimModel {
  return MODELS[file.split("-")[0]];
}

interface BodyLine {
  text: string;
  indent: number;
  context: SimContext;
}

/** The config body of a dump: after `# Reporting Date:`, up to a trailing prompt line; contexts from indentation. */
function dumpBody(file: string): BodyLine[] {
  const lines = fs.readFileSync(path.join(CONFIGS, file), "utf8").split("\n").slice(1);
  const start = lines.findIndex((l) => l.startsWith("# Reporting Date:")) + 1;
  const body: BodyLine[] = [];
  let context: SimContext = { kind: "none" };
  for (const raw of lines.slice(start)) {
    const line = raw.trimEnd();
    if (line === "" || /^\S*[#>]$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      const select = /^(pp|tunnel) select (\S+)$/.exec(line);
      context = !select
        ? { kind: "none" }
        : select[1] === "pp"
          ? { kind: "pp", peer: select[2] }
          : { kind: "tunnel", tunnel: Number(select[2]) };
      if (select) continue;
    }
    body.push({ text: line.trimStart(), indent, context });
  }
  return body;
}

const dumps = fs.readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));

function parseOk(line: string, context: SimContext, model: SimModel): ConfigCommand {
  const result = parseConfigCommand(line, context, model);
  if (!result?.ok || result.negate) throw new Error(`${line}: ${JSON.stringify(result)}`);
  return result.command;
}

describe("real show config dumps", () => {
  it("has the five dumps to check", () => {
    expect(dumps.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(dumps)("%s", (file) => {
    const body = dumpBody(file);
    const model = modelFor(file);

    it("parses every body line into its own canonical text, scope and nesting", () => {
      for (const line of body) {
        const command = parseOk(line.text, line.context, model);
        expect({ line: line.text, canonical: command.canonical }).toEqual({
          line: line.text,
          canonical: line.text,
        });
        expect({ line: line.text, scope: command.scope }).toEqual({
          line: line.text,
          scope: line.indent === 0 ? "global" : line.context.kind,
        });
        expect({ line: line.text, nested: command.nested }).toEqual({
          line: line.text,
          nested: line.indent === 2,
        });
      }
    });

    it("sorts each block and the global lines into the dump's own order", () => {
      const groups = new Map<string, { text: string; order: ConfigCommand["order"] }[]>();
      const globalSide: { text: string; afterBlocks: boolean; order: ConfigCommand["order"] }[] = [];
      let seenBlock = false;
      for (const line of body) {
        const command = parseOk(line.text, line.context, model);
        const group = line.indent === 0 ? "global" : JSON.stringify(line.context);
        if (line.indent > 0) seenBlock = true;
        else globalSide.push({ text: line.text, afterBlocks: seenBlock, order: command.order });
        groups.set(group, [...(groups.get(group) ?? []), { text: line.text, order: command.order }]);
      }
      for (const entries of groups.values()) {
        const sorted = [...entries].reverse().sort((a, b) => compareOrder(a.order, b.order));
        expect(sorted.map((e) => e.text)).toEqual(entries.map((e) => e.text));
      }
      // Without blocks nothing tells where they would go.
      for (const line of seenBlock ? globalSide : []) {
        expect({ line: line.text, afterBlocks: Number(line.order[0]) >= BLOCKS_SECTION }).toEqual({
          line: line.text,
          afterBlocks: line.afterBlocks,
        });
      }
    });
  });
});

/** The seed's configuration lines: ASCII lines whose first word starts a command, replayed with their selects. */
function seedLines(): { text: string; context: SimContext }[] {
  const commandStart =
    /^(no )?(ip|ipv6|pp|ppp|tunnel|ipsec|l2tp|nat|dhcp|dns|schedule|console|login|syslog|sshd|telnetd|statistics)\b/;
  const text = fs
    .readdirSync(SEED)
    .map((f) => fs.readFileSync(path.join(SEED, f), "utf8"))
    .join("\n");
  const out: { text: string; context: SimContext }[] = [];
  let context: SimContext = { kind: "none" };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    // `nat descriptor type` alone heads a results list in the notes' prose.
    if (!/^[\x20-\x7e]+$/.test(line) || !commandStart.test(line) || line === "nat descriptor type") continue;
    const select = /^(pp|tunnel) select (\S+)$/.exec(line);
    if (select) {
      context =
        select[1] === "pp" ? { kind: "pp", peer: select[2] } : { kind: "tunnel", tunnel: Number(select[2]) };
    } else if (/^no (pp|tunnel) select$/.test(line)) context = { kind: "none" };
    else out.push({ text: line, context });
  }
  return out;
}

describe("seed configuration lines (NVR510)", () => {
  const lines = seedLines();

  it("finds the seed's configuration lines", () => {
    expect(lines.length).toBeGreaterThan(80);
  });

  it("accepts every line, and prints every setting exactly as written", () => {
    for (const { text, context } of lines) {
      const result = parseConfigCommand(text, context, MODELS.nvr510);
      expect({ text, ok: result?.ok }).toEqual({ text, ok: true });
      if (result?.ok && !result.negate) expect(result.command.canonical).toBe(text);
    }
  });

  it("stores pp and tunnel commands in the selected block and global ones globally", () => {
    const scopes = new Map(
      lines.map(({ text, context }) => [text, parseConfigCommand(text, context, MODELS.nvr510)]),
    );
    const scopeOf = (text: string): string | undefined => {
      const r = scopes.get(text);
      return r?.ok ? (r.negate ? r.scope : r.command.scope) : undefined;
    };
    expect(scopeOf("pp bind tunnel2-tunnel4")).toBe("pp");
    expect(scopeOf("ipsec ike pre-shared-key 2 text COMMONKEY")).toBe("tunnel");
    expect(scopeOf("nat descriptor backward-compatibility 1")).toBe("global");
    expect(scopeOf("no ip pp remote address pool dhcp")).toBe("pp");
    expect(scopeOf("ipsec auto refresh on")).toBe("global");
  });
});
