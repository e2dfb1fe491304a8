/**
 * Real router output (the shared `show config` dumps and the seed's NVR510 configurations): every object the
 * resources model is read without error, writes back exactly the lines the router printed, and plans to nothing —
 * no perpetual diff on a config nobody has touched.
 */
import * as fs from "fs";
import * as path from "path";
import { type ConfigIndex, indexConfig, parseConfig } from "../../provider/config";
import type { ResourceKind } from "../../provider/resources";
import { TYPED_KINDS } from "../../provider/resources/objects";

const DUMPS = "/work/shared/configs";
const SEED = path.join(__dirname, "../fixtures/seed");

const files = [
  ...fs
    .readdirSync(DUMPS)
    .filter((f) => f.endsWith(".txt"))
    // Line 1 is a source note, not router output.
    .map((f) => [f, fs.readFileSync(path.join(DUMPS, f), "utf8").split("\n").slice(1).join("\n")]),
  ...fs
    .readdirSync(SEED)
    .filter((f) => f.endsWith(".conf"))
    .map((f) => [f, fs.readFileSync(path.join(SEED, f), "utf8")]),
];

/** The identities of each typed kind present in a config: the finders nvr import and ConfigLines use. */
function identities(config: ConfigIndex): [ResourceKind<unknown>, string][] {
  return TYPED_KINDS.flatMap(({ kind, find }) =>
    [...new Set(find(config).identities)].map((id): [ResourceKind<unknown>, string] => [kind, id]),
  );
}

const normal = (s: string) => s.trim().split(/\s+/).join(" ").toLowerCase();

describe.each(files)("%s", (_file, text) => {
  const config = indexConfig(parseConfig(text));
  const found = identities(config);

  test("holds objects the resources model", () => {
    expect(found.length).toBeGreaterThan(0);
  });

  test.each(found.map(([kind, id]) => [kind.kind, id, kind] as const))(
    "%s %s reads, writes back the router's lines, plans to nothing",
    (_k, id, kind) => {
      const model = kind.read(config, id);
      expect(model).toBeDefined();
      const printed = new Set(
        [...config.tree.items]
          .flatMap((i) => (i.type === "line" ? [i.line.text] : i.block.lines.map((l) => l.text)))
          .map(normal),
      );
      const written = kind.commands(model, { mask: false }).map((c) => normal(c.command));
      expect(written.filter((c) => !printed.has(c))).toEqual([]);
      expect(kind.plan(config, model)).toEqual([]);
    },
  );
});
