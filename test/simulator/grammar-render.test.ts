/**
 * Grammar plus the simulator's config store: the commands of each real dump, entered in reverse order, come back
 * out of `show config` rendering exactly as the router printed them (order, blocks, indentation).
 */
import * as fs from "fs";
import * as path from "path";
import type { SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";
import { type Block, emptyConfig, putSetting, renderBody } from "../../simulator/engine/state";

const CONFIGS = "/work/shared/configs";
const dumps = fs.readdirSync(CONFIGS).filter((f) => f.endsWith(".txt"));

/** Body lines after `# Reporting Date:`, without prompt lines, right-trimmed. */
function body(file: string): string[] {
  const lines = fs.readFileSync(path.join(CONFIGS, file), "utf8").split("\n").slice(1);
  const start = lines.findIndex((l) => l.startsWith("# Reporting Date:")) + 1;
  return lines
    .slice(start)
    .map((l) => l.trimEnd())
    .filter((l) => l !== "" && !/^\S*[#>]$/.test(l));
}

describe.each(dumps)("%s rendered from its commands entered backwards", (file) => {
  it("prints the dump's body", () => {
    const model = file.startsWith("rtx830") ? MODELS.rtx830 : MODELS.rtx1210;
    const entries: { line: string; context: SimContext }[] = [];
    let context: SimContext = { kind: "none" };
    for (const line of body(file)) {
      const select = /^(pp|tunnel) select (\S+)$/.exec(line);
      if (select) {
        const [, kind, id] = select;
        context = kind === "pp" ? { kind: "pp", peer: id } : { kind: "tunnel", tunnel: Number(id) };
      } else {
        if (!line.startsWith(" ")) context = { kind: "none" };
        entries.push({ line: line.trim(), context });
      }
    }
    const config = emptyConfig();
    for (const { line, context } of entries.reverse()) {
      const result = parseConfigCommand(line, context, model);
      if (!result?.ok || result.negate) throw new Error(`${line}: ${JSON.stringify(result)}`);
      const block: Block =
        result.command.scope === "pp" && context.kind === "pp"
          ? { scope: "pp", peer: context.peer }
          : result.command.scope === "tunnel" && context.kind === "tunnel"
            ? { scope: "tunnel", tunnel: context.tunnel }
            : { scope: "global" };
      putSetting(config, block, result.command);
    }
    expect(renderBody(config)).toEqual(body(file));
  });
});
