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
  });

  afterAll(() => {
    removeStackConfig(PROJECT, stack);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("a program error fails the preview with the program's own message, once", async () => {
    const r = await runPulumi(["preview", "--stack", stack], { cwd: PROJECT, env });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("Missing required configuration variable 'smoke:content'");
    // The program reported it already, so the language host asks the engine to add nothing (bail).
    expect(r.stdout).not.toContain("non-zero exit code");
  });

  test("preview plans the resource without touching anything", async () => {
    await pulumi("config", "set", "--stack", stack, "content", "hello");
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

  test("a secret input reaches the provider in plain text and stays encrypted in state", async () => {
    const secret = "s3cret-token-" + Date.now().toString(36);
    await pulumi("config", "set", "--secret", "--stack", stack, "token", secret);
    const r = await pulumi("up", "--yes", "--skip-preview", "--stack", stack);
    expect(r.stdout).toMatch(/\[diff: \+token\]/);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(fs.readFileSync(path.join(outDir, "token.txt"), "utf8")).toBe(secret);

    const exported = (await pulumi("stack", "export", "--stack", stack)).stdout;
    expect(exported).not.toContain(secret);
    const stateFiles = fs.readdirSync(path.join(tmp, "state"), { recursive: true, encoding: "utf8" });
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const f of stateFiles) {
      const full = path.join(tmp, "state", f);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full, "utf8")).not.toContain(secret);
    }
    await pulumi("preview", "--expect-no-changes", "--stack", stack);
  });

  test("destroy deletes the file and stack rm removes the stack and its config", async () => {
    const r = await pulumi("destroy", "--yes", "--skip-preview", "--stack", stack);
    expect(r.stdout).toMatch(/- 2 deleted/);
    expect(fs.readdirSync(outDir)).toEqual([]);

    await pulumi("stack", "rm", stack, "--yes");
    expect(fs.existsSync(path.join(PROJECT, `Pulumi.${stack}.yaml`))).toBe(false);
    const ls = await pulumi("stack", "ls", "--json");
    expect(JSON.parse(ls.stdout)).toEqual([]);
  });
});
