// How a program inside a package (like examples/home-lab in this repository, which has no node_modules of
// its own) can use that package's dynamic provider when the provider loads its implementation by package
// name at call time. The dynamic-provider host evaluates `__provider` with require-from-string and no file
// name, so `require` resolves only through node_modules directories above the program: Node's package
// self-reference never applies. An npm self-link (`"<name>": "file:."` in devDependencies, which `npm ci`
// turns into node_modules/<name> -> ..) is what makes the name resolve.
import * as fs from "fs";
import * as path from "path";
import { makeTmpDir, pulumiEnv, REPO_ROOT, runPulumi } from "./harness";

const FIXTURE = path.join(__dirname, "fixtures", "by-name");

jest.setTimeout(180_000);

describe("dynamic provider loading its implementation by package name", () => {
  const tmp = makeTmpDir("by-name");
  const pkg = path.join(tmp, "pkg");
  const program = path.join(pkg, "program");
  const outDir = path.join(tmp, "out");
  const modules = path.join(pkg, "node_modules");
  let env: NodeJS.ProcessEnv;
  const pulumi = (...args: string[]) => runPulumi([...args, "--stack", "by-name"], { cwd: program, env });

  beforeAll(async () => {
    fs.cpSync(FIXTURE, pkg, { recursive: true });
    fs.mkdirSync(outDir);
    // The SDK, as if installed. Never run npm in this copy: it would prune through this link into the repository.
    fs.mkdirSync(modules);
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi"), path.join(modules, "@pulumi"));
    env = pulumiEnv(tmp);
    expect((await runPulumi(["stack", "init", "by-name"], { cwd: program, env })).code).toBe(0);
    expect((await pulumi("config", "set", "dir", outDir)).code).toBe(0);
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("without the self-link, the provider cannot find its implementation", async () => {
    const r = await pulumi("up", "--yes", "--skip-preview");
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("Cannot find module 'nvr-by-name-fixture/lib/impl'");
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  test("with the self-link npm makes of file:., one shared copy runs and state holds only the require", async () => {
    fs.symlinkSync("..", path.join(modules, "nvr-by-name-fixture"));
    const r = await pulumi("up", "--yes", "--skip-preview");
    expect(r.code).toBe(0);

    const impl = fs.realpathSync(path.join(pkg, "lib", "impl.js"));
    for (const name of ["first", "second"]) {
      const written = JSON.parse(fs.readFileSync(path.join(outDir, `${name}.txt`), "utf8"));
      expect(written).toEqual({ implementation: impl, loads: 1 });
    }

    const state = JSON.parse((await pulumi("stack", "export")).stdout);
    const texts: string[] = state.deployment.resources
      .filter((res: { type: string }) => res.type === "pulumi-nodejs:dynamic:Resource")
      .map((res: { inputs: { __provider: string } }) => res.inputs.__provider);
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toContain('require("nvr-by-name-fixture/lib/impl")');
      expect(text).not.toContain("writeFileSync");
    }

    expect((await pulumi("destroy", "--yes", "--skip-preview")).code).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});
