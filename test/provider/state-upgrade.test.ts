/**
 * The state upgrade of OverlapSafeVpn's host routes (provider/state-upgrade.ts, `nvr upgrade-state`) on exported
 * stacks built here: what moves into the table, what stays, and the state it refuses to move. The end-to-end run
 * with the real Pulumi CLI is test/e2e/upgrade.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/nvr";
import { StateError } from "../../provider/errors";
import { providerText } from "../../sdk/provider";
import { type ExportedResource, type ExportedStack, upgradeHostRoutes } from "../../provider/state-upgrade";

const STACK = "urn:pulumi:dev::lab::";
const COMPONENT = `${STACK}nvr:index:OverlapSafeVpn::office`;
const PROVIDER = `${STACK}pulumi:providers:pulumi-nodejs::default::1234`;
const stub = (kind: string) =>
  `function __f3() { with({ load: __f2, kind: ${JSON.stringify(kind)}, this: undefined }) { return 1; } }`;
const router = { host: "192.168.11.250", port: 22 };

function child(host: string, n: number, extra: Record<string, unknown> = {}): ExportedResource {
  const props = {
    __provider: stub("StaticRoute"),
    network: `192.168.253.${n}/32`,
    gateways: [{ gateway: `192.168.11.${n}`, hide: false }],
    commands: `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}`,
    router,
    adopt: true,
  };
  return {
    urn: `${STACK}nvr:index:OverlapSafeVpn$pulumi-nodejs:dynamic/nvr:StaticRoute::office-route-${host}`,
    custom: true,
    id: `ip route 192.168.253.${n}/32`,
    type: "pulumi-nodejs:dynamic/nvr:StaticRoute",
    parent: COMPONENT,
    provider: PROVIDER,
    inputs: props,
    outputs: { ...props, ...extra },
    dependencies: [],
  };
}

function exported(resources: ExportedResource[], pending: ExportedResource[] = []): ExportedStack {
  return {
    version: 3,
    deployment: {
      manifest: {},
      resources,
      ...(pending.length > 0 ? { pending_operations: pending.map((resource) => ({ resource })) } : {}),
    },
  };
}

const component: ExportedResource = { urn: COMPONENT, type: "nvr:index:OverlapSafeVpn", custom: false };
const lines = (...ns: number[]) =>
  ns.map((n) => `ip route 192.168.253.${n}/32 gateway 192.168.11.${n}\n`).join("");

describe("nvr upgrade-state: OverlapSafeVpn host routes into the StaticRoutes table", () => {
  test("the children become one table in the first child's place; references follow; the rest is untouched", () => {
    const printer = child("printer", 241, { prior: "ip route 192.168.253.241/32 gateway 192.168.11.9" });
    const fileserver = child("fileserver", 240);
    const dependent: ExportedResource = {
      urn: `${STACK}pulumi-nodejs:dynamic/nvr:GlobalSwitch::after`,
      type: "pulumi-nodejs:dynamic/nvr:GlobalSwitch",
      dependencies: [printer.urn, fileserver.urn],
      propertyDependencies: { value: [fileserver.urn] },
    };
    const alone = { ...child("other", 7), parent: `${STACK}pulumi:pulumi:Stack::lab-dev` };
    const { stack, upgraded } = upgradeHostRoutes(
      exported([component, printer, fileserver, dependent, alone]),
    );
    const table = `${STACK}nvr:index:OverlapSafeVpn$pulumi-nodejs:dynamic/nvr:StaticRoutes::office-host-routes`;
    expect(upgraded).toEqual([
      {
        component: COMPONENT,
        children: [printer.urn, fileserver.urn],
        table,
        routes: lines(240, 241).trimEnd().split("\n"),
      },
    ]);
    const [c, t, d, a] = stack.deployment.resources!;
    expect(c).toEqual(component);
    expect(t).toMatchObject({
      urn: table,
      type: "pulumi-nodejs:dynamic/nvr:StaticRoutes",
      id: "static routes host-routes",
      custom: true,
      parent: COMPONENT,
      provider: PROVIDER,
      inputs: {
        __provider: stub("StaticRoutes"),
        name: "host-routes",
        routes: lines(240, 241),
        router,
        adopt: true,
      },
      outputs: {
        __provider: stub("StaticRoutes"),
        name: "host-routes",
        routes: lines(240, 241),
        router,
        adopt: true,
        prior: "ip route 192.168.253.241/32 gateway 192.168.11.9",
      },
    });
    expect(t.inputs).not.toHaveProperty("commands");
    expect(d).toEqual({ ...dependent, dependencies: [table], propertyDependencies: { value: [table] } });
    expect(a).toEqual(alone);
  });

  test.each([
    [
      "the first short stub (a loader given the kind)",
      (kind: string) =>
        `(function load(kind, byName, byPath) {})(${JSON.stringify(kind)}, "pulumi-yamaha-nvr/dist/provider/dynamic", "/x");`,
    ],
    ["the stub the SDK writes now", (kind: string) => providerText(kind)],
  ])("takes %s too, as the table kind's", (_, text) => {
    const a = child("a", 2);
    const { stack } = upgradeHostRoutes(
      exported([component, { ...a, inputs: { ...a.inputs, __provider: text("StaticRoute") } }]),
    );
    const [, table] = stack.deployment.resources!;
    expect(table.inputs!.__provider).toBe(text("StaticRoutes"));
    expect(table.outputs!.__provider).toBe(text("StaticRoutes"));
  });

  test("a stack without such children comes back as it was", () => {
    const before = exported([component, { ...child("x", 2), parent: undefined }]);
    expect(upgradeHostRoutes(before)).toEqual({ stack: before, upgraded: [] });
  });

  const refusals: [string, ExportedStack, RegExp][] = [
    [
      "a component that already has its table",
      exported([
        component,
        child("a", 2),
        {
          urn: `${STACK}nvr:index:OverlapSafeVpn$pulumi-nodejs:dynamic/nvr:StaticRoutes::office-host-routes`,
          type: "pulumi-nodejs:dynamic/nvr:StaticRoutes",
        },
      ]),
      /office-host-routes: is already in the stack/,
    ],
    [
      "a pending operation on a child",
      exported([component, child("a", 2)], [child("a", 2)]),
      /pending operation/,
    ],
    [
      "children on different routers",
      exported([
        component,
        child("a", 2),
        { ...child("b", 3), outputs: { ...child("b", 3).outputs, router: { host: "10.0.0.1" } } },
      ]),
      /office-route-b outputs: router or adopt differs/,
    ],
    [
      "outputs that are not a route",
      exported([component, { ...child("a", 2), outputs: { ...child("a", 2).outputs, network: "save" } }]),
      /office-route-a outputs: must be default, an address, or a network/,
    ],
    [
      "a provider that is not this package's",
      exported([component, { ...child("a", 2), inputs: { ...child("a", 2).inputs, __provider: "evil()" } }]),
      /office-route-a __provider: is not this package's provider/,
    ],
  ];
  test.each(refusals)("refuses %s, naming it", (_what, stack, message) => {
    expect(() => upgradeHostRoutes(stack)).toThrow(StateError);
    expect(() => upgradeHostRoutes(stack)).toThrow(message);
  });

  describe("the command", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-upgrade-state-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
      return { code, out: out.join(""), err: err.join("") };
    };

    test("writes the upgraded stack and says what moved", async () => {
      const file = path.join(dir, "old.json");
      fs.writeFileSync(file, JSON.stringify(exported([component, child("a", 2)])));
      const r = await run("upgrade-state", file, "--out", path.join(dir, "new.json"));
      expect(r).toMatchObject({ code: 0, out: "" });
      expect(r.err).toMatch(/office: 1 StaticRoute children → .*office-host-routes \(1 routes\)/);
      const written = JSON.parse(fs.readFileSync(path.join(dir, "new.json"), "utf8")) as ExportedStack;
      expect(written.deployment.resources!.map((x) => x.type)).toEqual([
        "nvr:index:OverlapSafeVpn",
        "pulumi-nodejs:dynamic/nvr:StaticRoutes",
      ]);
    });

    test.each([
      ["not JSON", "{", /not JSON from `pulumi stack export`/],
      ["JSON without a deployment", "[]", /no "deployment"/],
      [
        "state it refuses",
        JSON.stringify(exported([component, child("a", 2)], [child("a", 2)])),
        /pending operation/,
      ],
    ])("exits 2 on %s, writing nothing", async (_what, text, message) => {
      const file = path.join(dir, "bad.json");
      fs.writeFileSync(file, text);
      const r = await run("upgrade-state", file);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
    });
  });
});
