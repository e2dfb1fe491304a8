// The offline toolchain end to end: the Pulumi CLI, the Node.js language host and the dynamic-provider
// launcher drive a one-resource program through its whole life cycle. The resource writes a file, so every
// step is checked against the file as well as against the engine's output.
import * as fs from "fs";
import * as path from "path";
import {
  makeTmpDir,
  pulumiEnv,
  removeStackConfig,
  runPulumi,
  uniqueStackName,
  type PulumiResult,
} from "./harness";

const PROJECT = path.join(__dirname, "fixtures", "smoke");

jest.setTimeout(180_000);

describe("offline Pulumi toolchain: smoke program", () => {
  const tmp = makeTmpDir("smoke");
  const outDir = path.join(tmp, "out");
  const note = path.join(outDir, "note.txt");
  const stack = uniqueStackName("smoke");
  let env: NodeJS.ProcessEnv;

  const pulumi = async (...args: string[]): Promise<PulumiResult> => {
    const r = await runPulumi(args, { cwd: PROJECT, env });
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  };
  const outputs = async (): Promise<Record<string, unknown>> =>
    JSON.parse((await pulumi("stack", "output", "--json", "--stack", stack)).stdout) as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    fs.mkdirSync(outDir);
    env = pulumiEnv(tmp);
    await pulumi("stack", "init", stack);
    await pulumi("config", "set", "--stack", stack, "dir", outDir);
    await pulumi("config", "set", "--stack", stack, "content", "hello");
  });

  afterAll(() => {
    removeStackConfig(PROJECT, stack);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("preview plans the resource without touching anything", async () => {
    const r = await pulumi("preview", "--stack", stack);
    expect(r.stdout).toMatch(/\+\s+pulumi-nodejs:dynamic:Resource\s+note\s+create/);
    expect(r.stdout).toMatch(/\+ 2 to create/);
    expect(r.stdout + r.stderr).not.toMatch(/warning/i);
    expect(fs.existsSync(note)).toBe(false);
  });

  test("up creates the file and exports its path", async () => {
    await pulumi("up", "--yes", "--skip-preview", "--stack", stack);
    expect(fs.readFileSync(note, "utf8")).toBe("hello");
    expect(await outputs()).toEqual({ path: note, content: "hello" });
  });

  test("a second preview shows no changes", async () => {
    const r = await pulumi("preview", "--expect-no-changes", "--stack", stack);
    expect(r.stdout).toMatch(/2 unchanged/);
  });

  test("refresh picks up a hand edit, and up repairs it", async () => {
    fs.writeFileSync(note, "edited by hand");
    const refreshed = await pulumi("refresh", "--yes", "--skip-preview", "--stack", stack);
    expect(refreshed.stdout).toMatch(/~ 1 updated/);
    expect(await outputs()).toEqual({ path: note, content: "hello" }); // stack outputs change only on up

    const preview = await pulumi("preview", "--diff", "--stack", stack);
    expect(preview.stdout).toContain(`content: "edited by hand" => "hello"`);

    await pulumi("up", "--yes", "--skip-preview", "--stack", stack);
    expect(fs.readFileSync(note, "utf8")).toBe("hello");
  });

  test("a changed input updates the file in place", async () => {
    await pulumi("config", "set", "--stack", stack, "content", "second");
    const r = await pulumi("up", "--yes", "--skip-preview", "--stack", stack);
    expect(r.stdout).toMatch(/\[diff: ~content\]/);
    expect(fs.readFileSync(note, "utf8")).toBe("second");
    expect(await outputs()).toEqual({ path: note, content: "second" });
  });

  test("destroy deletes the file and stack rm removes the stack and its config", async () => {
    const r = await pulumi("destroy", "--yes", "--skip-preview", "--stack", stack);
    expect(r.stdout).toMatch(/- 2 deleted/);
    expect(fs.existsSync(note)).toBe(false);

    await pulumi("stack", "rm", stack, "--yes");
    expect(fs.existsSync(path.join(PROJECT, `Pulumi.${stack}.yaml`))).toBe(false);
    const ls = await pulumi("stack", "ls", "--json");
    expect(JSON.parse(ls.stdout)).toEqual([]);
  });
});
