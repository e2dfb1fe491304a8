import * as fs from "fs";
import * as path from "path";
import { parseConfig } from "../../provider/config/parse";
import { renderConfig } from "../../provider/config/render";

const DIR = "/work/shared/configs";
const dumps = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt"));

/** The capture as the router printed it: source note (line 1), banner and echoed prompt lines removed. */
function routerOutput(file: string): string {
  const lines = fs.readFileSync(path.join(DIR, file), "utf8").split("\n").slice(1);
  const echo = lines.findIndex((l) => /show config\s*$/.test(l));
  return lines
    .slice(echo + 1)
    .filter((l) => !/^\S*[#>]\s*$/.test(l))
    .join("\n");
}

/**
 * Independent of the parser's rule: in these dumps the only wrapped lines are header `# main:` lines, whose
 * continuation is the non-`#` line right after them.
 */
function rejoinAndTrim(text: string): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const prev = out[out.length - 1];
    if (prev?.startsWith("# main:") && !line.startsWith("#")) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out
    .map((l) => l.trimEnd())
    .filter((l) => l !== "")
    .join("\n");
}

describe("round trip over the real show config dumps", () => {
  it("finds the five dumps", () => {
    expect(dumps.length).toBeGreaterThanOrEqual(5);
  });

  it.each(dumps)("%s: renderConfig(parseConfig(x)) equals x rejoined and right-trimmed", (file) => {
    const x = routerOutput(file);
    const rendered = renderConfig(parseConfig(x));
    expect(rendered.trimEnd()).toBe(rejoinAndTrim(x));
  });

  it.each(dumps)("%s: header names the model and revision of its file name", (file) => {
    const tree = parseConfig(routerOutput(file));
    expect(tree.header.model?.toLowerCase()).toBe(file.split("-")[0]);
    expect(tree.header.revision).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(dumps)("%s: the parser drops the echoed prompt and banner by itself", (file) => {
    const raw = fs.readFileSync(path.join(DIR, file), "utf8").split("\n").slice(1).join("\n");
    expect(renderConfig(parseConfig(raw))).toBe(renderConfig(parseConfig(routerOutput(file))));
  });

  it.each(dumps)("%s: CRLF input parses to the same tree as LF", (file) => {
    const x = routerOutput(file);
    expect(parseConfig(x.replace(/\n/g, "\r\n"))).toEqual(parseConfig(x));
  });
});
