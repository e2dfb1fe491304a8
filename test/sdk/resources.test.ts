import * as pulumi from "@pulumi/pulumi";
import { isSecret, installMocks, registered, unwrap, valueOf } from "./mocks";
import {
  DhcpScope,
  GlobalSwitch,
  L2tpAnonymousPool,
  LanInterface,
  StaticRoute,
  StaticRoutes,
} from "../../sdk";
import * as dynamic from "../../provider/dynamic";

installMocks();

async function inputsOf(resource: pulumi.CustomResource, name: string) {
  await valueOf(resource.urn);
  return registered.find((r) => r.name === name)!.inputs;
}

describe("SDK resources under mocks", () => {
  it("L2tpAnonymousPool: secrets are secret inputs, commands show them masked and are not secret", async () => {
    const pool = new L2tpAnonymousPool("vpn", {
      tunnels: { from: 2, to: 4 },
      users: [{ name: "someone@somewhere", password: "user-Secret-1" }],
      pool: { range: "192.168.254.1-192.168.254.3" },
      preSharedKey: "psk-Secret-2",
      router: { password: "router-Secret-3" },
    });
    const inputs = await inputsOf(pool, "vpn");
    expect(isSecret(inputs.users)).toBe(true);
    expect(isSecret(inputs.preSharedKey)).toBe(true);
    expect(isSecret(inputs.commands)).toBe(false);
    const commands = String(inputs.commands).split("\n");
    expect(commands).toContain("pp auth username someone@somewhere ********");
    expect(commands).toContain("ipsec ike pre-shared-key 2 text ********");
    expect(commands).toContain("ip pp remote address pool 192.168.254.1-192.168.254.3");
    expect(commands).toContain("tunnel template 3-4");
    const all = JSON.stringify(inputs.commands) + String(inputs.__provider);
    for (const secret of ["user-Secret-1", "psk-Secret-2", "router-Secret-3"])
      expect(all).not.toContain(secret);
    // a router input holding a password is a secret
    expect(isSecret(inputs.router)).toBe(true);
  });

  it("L2tpAnonymousPool: the preview takes the router's model for the tunnel limit, as check does", async () => {
    const args = {
      tunnels: { from: 1, to: 6 },
      users: [{ name: "someone", password: "pw" }],
      pool: { range: "192.168.254.1-192.168.254.6" },
      preSharedKey: "psk",
      natDescriptors: { forward: [20] },
    };
    const rtx = await inputsOf(
      new L2tpAnonymousPool("rtx", { ...args, router: { model: "RTX1210" } }),
      "rtx",
    );
    expect(rtx.commands).toContain("pp bind tunnel1-tunnel6");
    expect(rtx.commands).toContain("ip pp nat descriptor 20");
    // an NVR has 4 tunnels: no lines in the program, check names the failure
    const nvr = await inputsOf(new L2tpAnonymousPool("nvr", { ...args, router: { model: "NVR510" } }), "nvr");
    expect(nvr.commands).toBe("");
  });

  it("LanInterface, DhcpScope, StaticRoute, GlobalSwitch: the seed's lines as commands", async () => {
    const lan = new LanInterface("lan1", {
      interface: "lan1",
      address: "192.168.11.250/24",
      natDescriptors: { reverse: [30] },
      dhcp: { mode: "relay", servers: ["192.168.1.51"] },
    });
    const scope = new DhcpScope("scope1", {
      scope: 1,
      range: "192.168.11.2-192.168.11.63",
      prefixLength: 24,
    });
    const route = new StaticRoute("files", { network: "192.168.253.0/24", gateways: ["192.168.11.240"] });
    const sw = new GlobalSwitch("rfc2131", {
      setting: "dhcp server rfc2131 compliant",
      value: "except remain-silent",
    });
    expect((await valueOf(lan.commands)).split("\n")).toEqual(
      expect.arrayContaining([
        "ip lan1 address 192.168.11.250/24",
        "ip lan1 nat descriptor reverse 30",
        "ip lan1 dhcp service relay 192.168.1.51",
      ]),
    );
    expect(await valueOf(scope.commands)).toBe("dhcp scope 1 192.168.11.2-192.168.11.63/24");
    expect(await valueOf(route.commands)).toBe("ip route 192.168.253.0/24 gateway 192.168.11.240");
    expect(await valueOf(sw.commands)).toBe("dhcp server rfc2131 compliant except remain-silent");
    expect((await inputsOf(scope, "scope1")).scope).toBe(1);
    // outputs are typed properties of the resource; the model's own id travels as `scope`
    expect(await valueOf(scope.scope)).toBe(1);
    expect(await valueOf(route.network)).toBe("192.168.253.0/24");
    expect(await valueOf(scope.id)).toBe("scope1-id");
  });

  it("options left unset are not passed: no output is made for them; set ones reach the provider", async () => {
    const plain = new StaticRoute("plain", { network: "10.1.0.0/16", gateways: ["192.168.11.240"] });
    const adopted = new StaticRoute("adopted", {
      network: "10.2.0.0/16",
      gateways: ["192.168.11.240"],
      adopt: true,
    });
    const restarting = new GlobalSwitch("restarting", {
      setting: "dhcp server rfc2131 compliant",
      value: "except remain-silent",
      restartToApply: false,
    });
    const plainInputs = await inputsOf(plain, "plain");
    for (const option of ["adopt", "restartToApply", "livePlan"]) {
      expect(Object.keys(plainInputs)).not.toContain(option);
      expect(Object.keys(plain)).not.toContain(option);
    }
    // What the resource declares stays an output even when unset (an adopted resource's `prior`).
    expect(Object.keys(plain)).toEqual(expect.arrayContaining(["network", "commands", "prior", "router"]));
    const adoptedInputs = await inputsOf(adopted, "adopted");
    expect(adoptedInputs.adopt).toBe(true);
    expect((await inputsOf(restarting, "restarting")).restartToApply).toBe(false);
  });

  describe("stack traces while a resource registers", () => {
    /** How many stack traces with frames `declare` takes (each `.stack` read formats the frames it captured). */
    function stacksTakenBy(declare: () => void): number {
      const original = Error.prepareStackTrace;
      let taken = 0;
      Error.prepareStackTrace = (error, frames) => {
        if (frames.length > 0) taken++;
        return original ? original(error, frames) : `${error}`;
      };
      try {
        declare();
      } finally {
        Error.prepareStackTrace = original;
      }
      return taken;
    }
    const route = (name: string) =>
      new StaticRoute(name, { network: "10.3.0.0/16", gateways: ["192.168.11.240"] });

    afterEach(() => delete process.env.PULUMI_DEBUG_PROMISE_LEAKS);

    it("takes only Pulumi's own record of where it was declared, unless promise leaks are debugged", async () => {
      // Pulumi's record of the declaration (its stackTrace) is one; with PULUMI_DEBUG_PROMISE_LEAKS every promise of
      // every property passed takes one too, so the debugging it serves still works.
      const limit = Error.stackTraceLimit;
      expect(stacksTakenBy(() => route("quiet"))).toBe(1);
      process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
      expect(stacksTakenBy(() => route("debugged"))).toBeGreaterThan(20);
      expect(Error.stackTraceLimit).toBe(limit);
      expect(await valueOf(route("after").network)).toBe("10.3.0.0/16");
    });

    it("leaves the stack limit as it was, and an error while registering still names the program's line", () => {
      const failing = () =>
        new StaticRoute(
          "failing",
          { network: "10.4.0.0/16", gateways: ["192.168.11.240"] },
          {
            transformations: [
              () => {
                throw new Error("a transformation failed");
              },
            ],
          },
        );
      const limit = Error.stackTraceLimit;
      let thrown: unknown;
      try {
        failing();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toBe("a transformation failed");
      expect((thrown as Error).stack).toContain("resources.test.ts");
      expect(Error.stackTraceLimit).toBe(limit);
    });
  });

  it("bad args reach the provider's check as failures naming the SDK property", async () => {
    const scope = new DhcpScope("bad-scope", {
      scope: 0,
      range: "192.168.11.63-192.168.11.2",
      prefixLength: 24,
    });
    const inputs = await inputsOf(scope, "bad-scope");
    const { failures } = await dynamic.check("DhcpScope", {}, unwrapAll(inputs));
    expect(failures?.map((f) => f.property)).toEqual(expect.arrayContaining(["scope", "range"]));
  });
});

function unwrapAll(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, unwrap(v)]));
}

describe("Pulumi's import option", () => {
  test("is refused at once, naming adopt: true and nvr import, before anything is registered", () => {
    const before = registered.length;
    let error: unknown;
    try {
      new StaticRoute(
        "imported",
        { network: "192.168.253.240/32", gateways: ["192.168.11.240"] },
        { import: "ip route 192.168.253.240/32" },
      );
    } catch (e) {
      error = e;
    }
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('StaticRoute "imported"');
    expect((error as Error).message).toContain("`adopt: true`");
    expect((error as Error).message).toContain("`nvr import --host HOST`");
    expect(registered.length).toBe(before);
  });
});

describe("the URN each resource passes (__urn), by which the provider tells two of one identity apart", () => {
  test("is the URN the engine gives it, at the top level and as a component's child, and is no dependency", async () => {
    const routes = { routes: [{ network: "192.168.253.10/32", gateways: ["192.168.11.10"] }] };
    const top = new StaticRoutes("top-host-routes", { ...routes, name: "host-routes" });
    const parent = new pulumi.ComponentResource("nvr:index:OverlapSafeVpn", "office");
    const child = new StaticRoutes("office-host-routes", { ...routes, name: "host-routes" }, { parent });
    for (const [resource, name] of [
      [top, "top-host-routes"],
      [child, "office-host-routes"],
    ] as const) {
      const inputs = await inputsOf(resource, name);
      expect(inputs.__urn).toBe(await valueOf(resource.urn));
    }
    expect(await valueOf(child.urn)).toBe(
      "urn:pulumi:dev::nvrtest::nvr:index:OverlapSafeVpn$pulumi-nodejs:dynamic/nvr:StaticRoutes::office-host-routes",
    );
  });
});
