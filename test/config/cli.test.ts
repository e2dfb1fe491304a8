import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  configNormalizeCommand,
  configParseCommand,
  type ConfigParseOptions,
} from "../../cli/commands/config";
import { decodeConfig, type ReadOptions } from "../../cli/shared";
import type { ConfigTree } from "../../provider/config/model";
import { runIn } from "../cli-helpers";

const DUMP = "/work/shared/configs/rtx830-l2tpv3-ipsec-initiator.txt";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-config-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

/** stdout of `nvr config parse FILE`, expecting exit 0. */
async function configParse(file: string, opts: ConfigParseOptions = {}): Promise<string> {
  const res = await runIn(configParseCommand, [file], opts);
  expect(res).toMatchObject({ status: 0, stderr: "" });
  return res.stdout;
}

/** stdout of `nvr config normalize FILE`, expecting exit 0. */
async function configNormalize(file: string, opts: ReadOptions = {}): Promise<string> {
  const res = await runIn(configNormalizeCommand, [file], opts);
  expect(res).toMatchObject({ status: 0, stderr: "" });
  return res.stdout;
}

/** The dump without its added source note (line 1). */
const dump = write("rtx830.txt", fs.readFileSync(DUMP, "utf8").split("\n").slice(1).join("\n"));

describe("nvr config parse / normalize (in-process)", () => {
  it("parse --json prints the tree", async () => {
    const tree = JSON.parse(await configParse(dump, { json: true })) as ConfigTree;
    expect(tree.header.model).toBe("RTX830");
    const tunnel = tree.items.find((i) => i.type === "block");
    expect(tunnel?.type === "block" && tunnel.block.id).toBe("1");
  });

  it("parse without --json prints a summary", async () => {
    expect(await configParse(dump)).toMatch(
      /RTX830 Rev\.15\.02\.17, \d+ global lines, 1 blocks\n {2}tunnel 1: 24 lines/,
    );
  });

  it("normalize prints the body only, without the header and its Reporting Date", async () => {
    const out = await configNormalize(dump);
    expect(out).not.toMatch(/^#/m);
    expect(out.split("\n")[0]).toBe("console character ja.utf8");
    expect(out).toMatch(/^ {2}ipsec ike pre-shared-key 1 text yamaha$/m);
  });

  it("normalize turns a seed-style script into indented show config text (source guessed)", async () => {
    const file = write(
      "seed.config",
      "tunnel select 2\ntunnel encapsulation l2tp\nipsec tunnel 2\nipsec ike remote address 2 any\nno tunnel select\nl2tp service on\n",
    );
    expect(await configNormalize(file)).toBe(
      "tunnel select 2\n tunnel encapsulation l2tp\n ipsec tunnel 2\n  ipsec ike remote address 2 any\nl2tp service on\n",
    );
  });

  it("names FILE:LINE and the reason on a parse error", async () => {
    const file = write("bad.config", "ip lan1 address 192.168.0.1/24\ntunnel select x\n");
    expect(await runIn(configNormalizeCommand, [file], {})).toEqual({
      status: 2,
      stdout: "",
      stderr: `${file}:2: malformed select line "tunnel select x": expected "tunnel select N|none"\n`,
    });
  });

  it("reads a Shift_JIS config file", async () => {
    // "description 1 テスト" with テスト in Shift_JIS (83 65 83 58 83 67)
    const bytes = Buffer.concat([
      Buffer.from("description 1 "),
      Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0d, 0x0a]),
    ]);
    expect(decodeConfig(bytes)).toBe("description 1 テスト\r\n");
    const file = path.join(tmp, "sjis-raw.config");
    fs.writeFileSync(file, bytes);
    expect(await configNormalize(file)).toBe("description 1 テスト\n");
  });

  it("names the file when it cannot be read", async () => {
    const res = await runIn(configParseCommand, [path.join(tmp, "missing")], {});
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/missing: cannot read: ENOENT/);
  });
});

describe("the compiled nvr binary", () => {
  const out = path.join(tmp, "dist");
  let nvr = "";
  beforeAll(() => {
    // Compile just the binary and what it imports, with the project's strictness. A type error elsewhere in the tree
    // must not hide this test's result, so only a missing output fails here (tsc emits despite type errors).
    const root = path.resolve(__dirname, "../..");
    const tsc = spawnSync(
      path.join(root, "node_modules/.bin/tsc"),
      ["--outDir", out, "--rootDir", root, "--strict", "--module", "commonjs", "--target", "ES2022"]
        .concat(["--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--types", "node"])
        .concat([path.join(root, "cli/nvr.ts")]),
      { encoding: "utf8" },
    );
    nvr = path.join(out, "cli/nvr.js");
    if (!fs.existsSync(nvr)) throw new Error(`tsc did not emit cli/nvr.js:\n${tsc.stdout}${tsc.stderr}`);
  }, 120_000);

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [nvr, ...args], {
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, "../../node_modules") },
    });

  it("normalizes a dump and reports a bad option or file (FILE:LINE: reason) with exit 2", async () => {
    const ok = run("config", "normalize", dump);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(await configNormalize(dump));

    const wide = run("config", "parse", "--json", "--columns", "20", dump);
    expect(wide.status).toBe(2);
    expect(wide.stderr).toMatch(/--columns.*expected an integer 80\.\.4096/);

    const bad = write("indented.txt", "syslog notice on\n ipsec ike pre-shared-key 1 text SECRET\n");
    const res = run("config", "parse", bad, "--json");
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(`${bad}:2: indented line, but no pp select / tunnel select block is open\n`);
  });
});
