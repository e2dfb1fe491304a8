/**
 * The real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) driven over gRPC as the engine
 * drives it, with `__provider` as the SDK writes it (sdk/provider.ts), and as versions before 0.2 serialised it.
 * The package is compiled to a temporary directory and installed into a program directory by symlink,
 * so the stub's by-name load is exercised the way it runs for users; a second host whose program
 * directory cannot resolve the name proves the repository fallback (an absolute path, not a copy).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Simulator } from "../../simulator";
import { DIFF, startHost, type Host } from "./host";
import {
  SEED,
  configCommands,
  idle,
  propertyNamed,
  seedSimulator,
  stackConfig,
  PASSWORD,
  ADMIN_PASSWORD,
} from "./harness";

jest.setTimeout(180_000);

const REPO = path.resolve(__dirname, "..", "..");
const URN = (kind: string, name: string) =>
  `urn:pulumi:dev::nvrtest::pulumi-nodejs:dynamic/nvr:${kind}::${name}`;
const PSK = "seed-psk-Xy77";
const USER_PW = "seed-user-pw-Qz55";

type Stub = typeof import("../../sdk/provider");

/** Compiles the SDK and the provider into `<dir>/pkg` as the published package would lay them out. */
function buildPackage(dir: string): string {
  const pkg = path.join(dir, "pkg");
  execFileSync(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      ...[
        "--outDir",
        path.join(pkg, "dist"),
        "--rootDir",
        REPO,
        "--module",
        "commonjs",
        "--target",
        "ES2022",
      ],
      ...["--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--types", "node", "--strict"],
      path.join(REPO, "sdk", "index.ts"),
      path.join(REPO, "provider", "dynamic.ts"),
    ],
    { stdio: "inherit" },
  );
  fs.writeFileSync(
    path.join(pkg, "package.json"),
    JSON.stringify({ name: "pulumi-yamaha-nvr", main: "dist/sdk/index.js" }),
  );
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(pkg, "node_modules"));
  return pkg;
}

/**
 * `__provider` as versions before 0.2 wrote it: Pulumi's closure serialisation of a provider object whose methods
 * load the implementation by name and call its exports with the kind. State written then must run this code.
 */
async function closureStub(kind: string): Promise<string> {
  const byName = "pulumi-yamaha-nvr/dist/provider/dynamic";
  const load = () => require(require.resolve(byName));
  const provider: pulumi.dynamic.ResourceProvider = {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(kind, olds, news),
    diff: (id, olds, news) => load().diff(kind, id, olds, news),
    create: (inputs) => load().create(kind, inputs),
    read: (id, props) => load().read(kind, id, props),
    update: (id, olds, news) => load().update(kind, id, olds, news),
    delete: (id, props) => load().delete(kind, id, props),
  };
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/**
 * `__provider` as the first short stub wrote it (issue 18, until the program resolved the implementation itself):
 * a loader that tries the package name from the host's directory, then an absolute path. The path here is one that
 * does not exist, so only the name can load it, as in an installed project.
 */
async function loaderStub(kind: string): Promise<string> {
  const args = [kind, "pulumi-yamaha-nvr/dist/provider/dynamic", "/nonexistent/dist/provider/dynamic"];
  return (
    "exports.handler = () => (function load(kind, byName, byPath) {\n    let resolved;\n    try {\n" +
    "        resolved = require.resolve(byName);\n    }\n    catch {\n        resolved = require.resolve(byPath);\n" +
    `    }\n    return require(resolved).providerOf(kind);\n})(${args.map((a) => JSON.stringify(a)).join(", ")});\n`
  );
}

describe("dynamic-provider host over gRPC", () => {
  let tmp: string;
  let pkg: string;
  /** The installed program's directory: where the engine starts the host, and where the program resolves the stub. */
  let program: string;
  let sim: Simulator;
  let host: Host;
  let installed: Stub;
  let before: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-host-"));
    pkg = buildPackage(tmp);
    program = path.join(tmp, "program");
    fs.mkdirSync(path.join(program, "node_modules"), { recursive: true });
    fs.symlinkSync(pkg, path.join(program, "node_modules", "pulumi-yamaha-nvr"));
    installed = require(path.join(pkg, "dist", "sdk", "provider.js"));
    const seed = SEED.replace("placeholder-key", PSK).replace("placeholder-password", USER_PW);
    sim = await seedSimulator(seed);
    before = sim.runningConfig();
    host = await startHost(program);
    await host.configure(stackConfig(sim));
  });

  afterAll(async () => {
    await host?.stop();
    await sim?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("__provider holds only require() of the package and strings: no implementation, no secret", async () => {
    const text = installed.providerText("L2tpAnonymousPool", program);
    expect(text).toContain('"pulumi-yamaha-nvr/dist/provider/dynamic"');
    for (const word of ["routerFor", "safeParse", "ssh2", "ipsec", "redact"])
      expect(text).not.toContain(word);
    for (const secret of [PASSWORD, ADMIN_PASSWORD, PSK, USER_PW]) expect(text).not.toContain(secret);
  });

  test.each([
    ["before 0.2 (a serialised closure calling the implementation's exports)", closureStub],
    ["by the first short stub (a loader trying the package name, then a path)", loaderStub],
  ])("state written %s still runs", async (_, stub) => {
    const __provider = await stub("StaticRoute");
    expect(__provider).not.toBe(installed.providerText("StaticRoute", program));
    const urn = URN("StaticRoute", "old");
    const checked = await host.check(
      urn,
      {},
      { network: "192.168.254.0/24", gateways: ["192.168.11.240"], __provider },
    );
    expect(checked.failures).toEqual([]);
    await idle(sim);
    sim.clearEvents();
    const created = await host.create(urn, checked.inputs);
    expect(created.id).toBe("ip route 192.168.254.0/24");
    expect(configCommands(sim)).toEqual(["ip route 192.168.254.0/24 gateway 192.168.11.240"]);
    await host.delete(urn, created.id, created.props);
    await idle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("up, refresh, update, destroy of a NatDescriptor as the engine sequences them", async () => {
    const __provider = installed.providerText("NatDescriptor", program);
    const urn = URN("NatDescriptor", "nat30");
    const news = {
      descriptor: 30,
      type: "nat",
      outer: ["192.168.253.254"],
      inner: ["192.168.11.254"],
      statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
      commands: "stale preview lines are recomputed by check",
      __provider,
    };
    const checked = await host.check(urn, {}, news);
    expect(checked.failures).toEqual([]);
    expect(String(checked.inputs.commands).split("\n")).toEqual([
      "nat descriptor type 30 nat",
      "nat descriptor address outer 30 192.168.253.254",
      "nat descriptor address inner 30 192.168.11.254",
      "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
    ]);
    expect(checked.inputs.__provider).toBe(__provider);

    const created = await host.create(urn, checked.inputs);
    expect(created.id).toBe("nat descriptor 30");
    expect(created.props.__provider).toBe(__provider);

    const refreshed = await host.read(urn, created.id, created.props);
    expect(refreshed.id).toBe(created.id);
    // Refresh's inputs are check's, the resolved router included: no change shows after a refresh.
    expect(refreshed.inputs).toEqual(checked.inputs);
    expect((await host.diff(urn, created.id, refreshed.props, checked.inputs)).changes).toBe(DIFF.NONE);

    const renews = (await host.check(urn, refreshed.inputs!, { ...news, type: "nat-masquerade" })).inputs;
    const d = await host.diff(urn, created.id, refreshed.props, renews);
    expect(d).toEqual({ changes: DIFF.SOME, replaces: [], deleteBeforeReplace: false });
    await idle(sim);
    sim.clearEvents();
    const updated = await host.update(urn, created.id, refreshed.props, renews);
    await idle(sim);
    expect(configCommands(sim)).toEqual(["nat descriptor type 30 nat-masquerade"]);

    await host.delete(urn, created.id, updated);
    await idle(sim);
    expect(sim.runningConfig()).toBe(before);
    expect(host.stderr()).toBe("");
  });

  test("an adopt refusal lists the conflicting lines with secrets masked", async () => {
    const __provider = installed.providerText("L2tpAnonymousPool", program);
    const urn = URN("L2tpAnonymousPool", "vpn");
    const { inputs, failures } = await host.check(
      urn,
      {},
      {
        tunnels: [2],
        users: [{ name: "someone@somewhere", password: "another-pw" }],
        pool: "dhcp",
        preSharedKey: "another-psk",
        __provider,
      },
    );
    expect(failures).toEqual([]);
    const error = await host.create(urn, inputs).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/set adopt: true/);
    expect(error).toContain("ipsec ike pre-shared-key 2 text ********");
    for (const secret of [PSK, USER_PW, "another-psk", "another-pw", PASSWORD, ADMIN_PASSWORD]) {
      expect(error).not.toContain(secret);
      expect(host.stderr()).not.toContain(secret);
    }
    await idle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("bad inputs are check failures naming the property, with no SSH connection", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["NatDescriptor", { descriptor: 0, type: "nat" }, "descriptor"],
      ["NatDescriptor", { descriptor: 30, type: "snat" }, "type"],
      ["NatDescriptor", { descriptor: 30, type: "nat", outer: ["300.1.1.1"] }, "outer[0]"],
      ["NatDescriptor", { descriptor: 30, type: "nat", router: { port: 70000 } }, "router.port"],
      ["NatDescriptor", { descriptor: 30, type: "nat", router: { hots: "x" } }, "router.hots"],
      ["DhcpScope", { scope: 1, range: "192.168.11.2-192.168.11.63" }, "prefixLength"],
      ["StaticRoute", { network: "192.168.253.1/24", gateways: ["192.168.11.240"] }, "network"],
      ["StaticRoute", { network: "192.168.253.0/24", gateways: [] }, "gateways"],
      ["LanInterface", { interface: "wan1" }, "interface"],
      ["GlobalSwitch", { setting: "l2tp service", value: "maybe" }, "value"],
      [
        "L2tpAnonymousPool",
        {
          tunnels: { from: 1, to: 5 },
          users: [{ name: "a", password: "b" }],
          pool: "dhcp",
          preSharedKey: "k",
        },
        "tunnels",
      ],
      ["L2tpAnonymousPool", { tunnels: [2], users: [], pool: "dhcp", preSharedKey: "k" }, "users"],
    ];
    await idle(sim);
    sim.clearEvents();
    for (const [kind, raw, property] of cases) {
      const __provider = installed.providerText(kind, program);
      const { failures } = await host.check(URN(kind, "bad"), {}, { ...raw, __provider });
      // A secret-holding input ("users") is named in the reason: the engine prints the input under `property`.
      expect({ kind, raw, properties: failures.map(propertyNamed) }).toEqual({
        kind,
        raw,
        properties: expect.arrayContaining([property]),
      });
    }
    expect(sim.events().filter((e) => e.type === "connect")).toEqual([]);
  });

  test("inside the repository (the name does not resolve) the stub loads the implementation by absolute path", async () => {
    const bare = path.join(tmp, "bare-program");
    fs.mkdirSync(bare);
    const other = await startHost(bare);
    try {
      await other.configure({});
      const __provider = installed.providerText("StaticRoute", bare);
      expect(__provider).toContain(JSON.stringify(path.join(pkg, "dist", "provider", "dynamic")));
      const { inputs, failures } = await other.check(
        URN("StaticRoute", "r"),
        {},
        {
          network: "192.168.253.240",
          gateways: ["192.168.11.240"],
          __provider,
        },
      );
      expect(failures).toEqual([]);
      expect(inputs.network).toBe("192.168.253.240/32");
      expect(inputs.commands).toBe("ip route 192.168.253.240/32 gateway 192.168.11.240");
      // by name, the same host fails loudly (no silent by-value copy to fall back on)
      expect(() => require.resolve("pulumi-yamaha-nvr/dist/provider/dynamic", { paths: [bare] })).toThrow();
    } finally {
      await other.stop();
    }
  });
});

describe("pulumi import TYPE NAME ID", () => {
  test("fails in Pulumi's host before any code of the package loads, so no message of ours can answer it", async () => {
    const host = await startHost(os.tmpdir());
    try {
      await host.configure({ "nvr:host": "127.0.0.1" });
      // The engine's read for the command: the id and nothing else, neither properties nor a serialised provider.
      // What the user sees (README, Resource reference): "Preview failed: Cannot read properties of undefined
      // (reading 'toJavaScript')"; `adopt: true` or `nvr import` is the way in.
      await expect(
        host.read(URN("StaticRoute", "imported"), "ip route 192.168.253.240/32", undefined),
      ).rejects.toThrow(/Cannot read properties of undefined \(reading 'toJavaScript'\)/);
      expect(host.stderr()).not.toMatch(/pulumi-yamaha-nvr|provider[\\/]dynamic/);
    } finally {
      await host.stop();
    }
  });
});
