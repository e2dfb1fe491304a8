/**
 * ConfigLines: any other router lines in a context, read and planned line by line, adopted and restored; secrets in
 * `secretLines` masked; lines a typed resource expresses refused — against the config store, then nvr-sim over SSH.
 */
import * as dynamic from "../../provider/dynamic";
import { ConfigLines, resourceKinds } from "../../provider/resources";
import { TYPED_KINDS } from "../../provider/resources/objects";
import { GLOBAL } from "../../provider/config/model";
import { configCommands, routerOf, settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";

type Props = Record<string, unknown>;
const pp1 = { kind: "pp", peer: "1" } as const;

describe("ConfigLines", () => {
  const model = ConfigLines.schema.parse({
    context: "pp 1",
    lines: ["pp keepalive use lcp-echo", "ip pp mtu 1454"],
    secretLines: ["pp auth myname user@isp.example  Secr3t-pw"],
  });

  test("writes its lines in the block, the secret masked only in the preview; identity lists the keys", () => {
    expect(ConfigLines.commands(model, { mask: true })).toEqual([
      { context: pp1, command: "pp keepalive use lcp-echo" },
      { context: pp1, command: "ip pp mtu 1454" },
      { context: pp1, command: "pp auth myname user@isp.example ********" },
    ]);
    expect(ConfigLines.commands(model, { mask: false })[2].command).toBe(
      "pp auth myname user@isp.example Secr3t-pw",
    );
    expect(ConfigLines.identity(model)).toBe(
      'config lines [pp 1]: ["ip pp mtu","pp auth myname","pp keepalive use"]',
    );
    expect(ConfigLines.secretProperties).toEqual(["secretLines"]);
  });

  test("reads back, plans to nothing, a changed value is one line, delete leaves the config as before", () => {
    const before = store("ip lan2 address 192.168.1.51/24\npp select 1\n pp enable 1");
    const created = apply(before, ConfigLines.plan(index(before), model));
    expect(ConfigLines.read(index(created), ConfigLines.identity(model))).toEqual(model);
    expect(ConfigLines.plan(index(created), model)).toEqual([]);
    const changed = { ...model, lines: ["pp keepalive use lcp-echo", "ip pp mtu 1400"] };
    expect(ConfigLines.plan(index(created), changed)).toEqual([{ context: pp1, command: "ip pp mtu 1400" }]);
    const deleted = apply(
      created,
      ConfigLines.plan(index(created), undefined, undefined, ConfigLines.identity(model)),
    );
    expect(render(deleted)).toBe(render(before));
  });

  test("adopting top-level lines records them and delete writes them back; lines it does not list stay", () => {
    const before = store("console prompt OLD\nsecurity class 1 on on\nip lan1 mtu 1500");
    const lines = ConfigLines.schema.parse({ lines: ["console prompt OFFICE", "security class 1 on on"] });
    const config = index(before);
    expect(ConfigLines.conflicts(config, lines).map((l) => l.text)).toEqual([
      "console prompt OLD",
      "security class 1 on on",
    ]);
    const prior = ConfigLines.prior(config, lines);
    const adopted = apply(before, ConfigLines.plan(config, lines, prior));
    expect(render(adopted)).toContain("console prompt OFFICE");
    expect(render(adopted)).toContain("ip lan1 mtu 1500");
    const restored = apply(
      adopted,
      ConfigLines.plan(index(adopted), undefined, prior, ConfigLines.identity(lines)),
    );
    expect(render(restored)).toBe(render(before));
  });

  test.each([
    [{ lines: ["ip filter 1 pass * *"] }, "lines.0", /typed resource IpFilter "ip filter 1"/],
    [{ lines: ["ip route default gateway pp 1"] }, "lines.0", /StaticRoute "ip route default"/],
    [{ context: "pp 1", lines: ["pppoe use lan2"] }, "lines.0", /PppoeInterface "pp 1"/],
    [{ context: "tunnel 1", lines: ["ip tunnel secure filter in 1"] }, "lines.0", /SecureFilter/],
    [
      { lines: ["pp auth myname a b"] },
      "lines.0",
      /holds a secret \(pp auth myname a \*{8}\): give it in secretLines/,
    ],
    [{ lines: ["set PP1=user:secret"] }, "lines.0", /holds a secret \(set PP1=\*{8}\)/],
    [{ secretLines: ["login password *"] }, "secretLines.0", /printed as \*/],
    [{ secretLines: ["dns server 8.8.8.8"] }, "secretLines.0", /holds no secret/],
    [{ lines: ["restart"] }, "lines.0", /operation command/],
    [{ lines: ["pp select 1"] }, "lines.0", /give the block as context/],
    [{ lines: ["no dns server"] }, "lines.0", /`no` command/],
    [{ lines: ["embedded file 1 <<EOF"] }, "lines.0", /heredoc/],
    [{ lines: ["dns server 8.8.8.8?"] }, "lines.0", /help/],
    [{ lines: ["dns server 8.8.8.8\r\nrestart"] }, "lines.0", /control character/],
    [
      { lines: ["dns server 8.8.8.8", "dns server 1.1.1.1"] },
      "lines.1",
      /same setting \(dns server\) as lines\[0\]/,
    ],
    [{ lines: [] }, "lines", /at least one line/],
    [{ context: "pp 0", lines: ["pp keepalive use lcp-echo"] }, "context", /must be pp N/],
    [{ context: "tunnel 101", lines: ["tunnel enable 101"] }, "context", /tunnel numbers run 1\.\.100/],
  ])("refuses %j naming %s", (raw, property, reason) => {
    const issues = expectRefused(ConfigLines.schema, raw, property, reason);
    // No reason shows a secret.
    expect(JSON.stringify(issues)).not.toMatch(/user:secret|Secr3t/);
  });

  test("a line a typed object on the router expresses is refused at plan, naming the resource", () => {
    const config = index(
      store("nat descriptor type 30 nat\nnat descriptor address outer 30 192.168.253.254"),
    );
    const lines = ConfigLines.schema.parse({ lines: ["nat descriptor address outer 30 192.168.253.254"] });
    expect(() => ConfigLines.plan(config, lines)).toThrow(/NatDescriptor "nat descriptor 30"/);
  });

  test("every typed kind in the registry has a finder, so ConfigLines and import know its lines", () => {
    expect(TYPED_KINDS.map((t) => t.kind.kind).sort()).toEqual(
      Object.keys(resourceKinds)
        .filter((k) => k !== "ConfigLines" && k !== "StaticRoutes")
        .sort(),
    );
  });
});

describe("ConfigLines against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  test("adopt → read equals inputs → drift → delete restores; the secret line never in commands", async () => {
    const sim = router();
    await routerOf(sim).apply([
      { context: GLOBAL, command: "dns server 192.168.1.1" },
      { context: { kind: "tunnel", tunnel: 2 }, command: "ipsec ike keepalive log 2 off" },
    ]);
    await settle(sim);
    const before = sim.runningConfig();
    const props = {
      context: "tunnel 2",
      lines: ["ipsec ike keepalive log 2 on"],
    };
    const checked = await dynamic.check("ConfigLines", {}, props);
    expect(checked.failures ?? []).toEqual([]);
    const inputs = checked.inputs as Props;
    await expect(dynamic.create("ConfigLines", inputs)).rejects.toThrow(/ipsec ike keepalive log 2 off/);
    const created = await dynamic.create("ConfigLines", { ...inputs, adopt: true });
    expect(created.id).toBe('config lines [tunnel 2]: ["ipsec ike keepalive log 2"]');
    await settle(sim);
    expect(sim.runningConfig()).toContain(" ipsec ike keepalive log 2 on\n");

    const read = await dynamic.read("ConfigLines", created.id, created.outs);
    expect((read.inputs as Props).lines).toEqual(props.lines);
    expect((await dynamic.diff("ConfigLines", created.id, read.props as Props, inputs)).changes).toBe(false);

    await routerOf(sim).apply([
      { context: { kind: "tunnel", tunnel: 2 }, command: "ipsec ike keepalive log 2 off" },
    ]);
    await settle(sim);
    const drifted = await dynamic.read("ConfigLines", created.id, created.outs);
    expect((drifted.inputs as Props).lines).toEqual(["ipsec ike keepalive log 2 off"]);
    expect((await dynamic.diff("ConfigLines", created.id, drifted.props as Props, inputs)).replaces).toEqual([
      "lines",
    ]);

    await dynamic.delete("ConfigLines", created.id, drifted.props as Props);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);

    // A secret line: typed in clear, shown masked.
    const secret = "pp auth myname user@isp.example Secr3t-pw";
    const withSecret = (await dynamic.check("ConfigLines", {}, { context: "pp 1", secretLines: [secret] }))
      .inputs as Props;
    expect(JSON.stringify(withSecret.commands)).not.toContain("Secr3t");
    sim.clearEvents();
    const made = await dynamic.create("ConfigLines", withSecret);
    await settle(sim);
    expect(sim.runningConfig()).toContain(` ${secret}\n`);
    // The simulator's own event log masks it as the provider's logs do.
    expect(configCommands(sim)).toEqual(["pp select 1", "pp auth myname user@isp.example ********"]);
    expect(JSON.stringify(made.outs.commands)).not.toContain("Secr3t");
    await dynamic.delete("ConfigLines", made.id, made.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});
