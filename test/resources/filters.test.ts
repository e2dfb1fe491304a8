/**
 * IpFilter, IpFilterDynamic and SecureFilter as resources: the lines they write, reading back what they wrote (and
 * the real dumps' lines) as the same model, plans that converge and touch one line, deletes that leave the config as
 * it was — first against the provider's config store, then against nvr-sim over SSH through the dynamic provider.
 */
import * as dynamic from "../../provider/dynamic";
import { GLOBAL } from "../../provider/config/model";
import {
  IpFilter,
  IpFilterDynamic,
  Ipv6Filter,
  Ipv6FilterDynamic,
  Ipv6SecureFilter,
  SecureFilter,
} from "../../provider/resources";
import { readIpv6FilterLine } from "../../provider/resources/ipv6-filter";
import {
  configCommands,
  configureRequest,
  routerOf,
  seedSimulator,
  settle,
  stackConfig,
  withSeedRouter,
} from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";

type Props = Record<string, unknown>;

const text = (commands: { command: string }[]) => commands.map((c) => c.command);
const BASE = "ip lan1 address 192.168.100.1/24\nip filter 500000 restrict * * * * *";

describe("IpFilter", () => {
  test("writes the fields given, * for one left out before a given one, and reads the line back as the model", () => {
    const short = IpFilter.schema.parse({ id: 200039, action: "reject", source: "*", destination: "*" });
    expect(text(IpFilter.commands(short, { mask: false }))).toEqual(["ip filter 200039 reject * *"]);
    const gap = IpFilter.schema.parse({
      id: 10,
      action: "pass-log",
      source: ["192.168.100.0/24", "10.0.0.1-10.0.0.9"],
      destinationPort: "www,443",
    });
    expect(text(IpFilter.commands(gap, { mask: false }))).toEqual([
      "ip filter 10 pass-log 192.168.100.0/24,10.0.0.1-10.0.0.9 * * * www,443",
    ]);
    const config = index(
      store(`${BASE}\nip filter 10 pass-log 192.168.100.0/24,10.0.0.1-10.0.0.9 * * * www,443`),
    );
    expect(IpFilter.read(config, "ip filter 10")).toEqual(gap);
    expect(IpFilter.read(config, "ip filter 500000")).toEqual(
      IpFilter.schema.parse({
        id: 500000,
        action: "restrict",
        source: "*",
        destination: "*",
        protocol: "*",
        sourcePort: "*",
        destinationPort: "*",
      }),
    );
    expect(IpFilter.read(config, "ip filter 11")).toBeUndefined();
  });

  test("plan converges, a change rewrites the one line in place, delete leaves the config as before", () => {
    const before = store(BASE);
    const model = IpFilter.schema.parse({
      id: 1,
      action: "reject",
      source: "*",
      destination: "*",
      protocol: "icmp",
      sourcePort: "5",
      destinationPort: "1",
    });
    const created = apply(before, IpFilter.plan(index(before), model));
    expect(IpFilter.plan(index(created), model)).toEqual([]);
    const changed = { ...model, action: "reject-nolog" as const };
    expect(text(IpFilter.plan(index(created), changed))).toEqual(["ip filter 1 reject-nolog * * icmp 5 1"]);
    const deleted = apply(created, IpFilter.plan(index(created), undefined, undefined, "ip filter 1"));
    expect(render(deleted)).toBe(render(before));
  });

  test.each([
    [{ id: 0 }, "id", /1\.\.21474836/],
    [{ id: 21474837 }, "id", /1\.\.21474836/],
    [{ action: "accept" }, "action", /Invalid enum/],
    [{ source: "10.0.0.256" }, "source", /not an IPv4 address/],
    [{ source: [] }, "source", /at least one/],
    [{ source: "" }, "source", /must not be empty/],
    [{ source: "10.0.0.1\r\nrestart" }, "source", /not an address/],
    [{ destination: "192.168.1.1/24" }, "destination", /host bits/],
    [{ protocol: "sctp" }, "protocol", /unknown protocol "sctp"/],
    [{ protocol: "tcp", destinationPort: "70000" }, "destinationPort", /0\.\.65535/],
    [{ protocol: "icmp", sourcePort: "300" }, "sourcePort", /ICMP type\/code 300/],
    [{ protocol: "tcp", sourcePort: "http" }, "sourcePort", /unknown port "http"/],
    [{ extra: 1 }, "extra", /unknown property/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(IpFilter.schema, { id: 1, action: "pass", source: "*", ...change }, property, reason);
  });
});

describe("IpFilterDynamic", () => {
  test("both forms round-trip through the router's syntax", () => {
    const app = IpFilterDynamic.schema.parse({ id: 200080, source: "*", destination: "*", protocol: "ftp" });
    const trigger = IpFilterDynamic.schema.parse({
      id: 7,
      source: "192.168.100.0/24",
      destination: "*",
      trigger: [10],
      in: [20, 21],
      out: [30],
      syslog: false,
      timeout: 60,
    });
    const lines = [
      ...IpFilterDynamic.commands(app, { mask: false }),
      ...IpFilterDynamic.commands(trigger, { mask: false }),
    ];
    expect(text(lines)).toEqual([
      "ip filter dynamic 200080 * * ftp",
      "ip filter dynamic 7 192.168.100.0/24 * filter 10 in 20 21 out 30 syslog=off timeout=60",
    ]);
    const config = index(apply(store(BASE), lines));
    expect(IpFilterDynamic.read(config, "ip filter dynamic 200080")).toEqual(app);
    expect(IpFilterDynamic.read(config, "ip filter dynamic 7")).toEqual(trigger);
    expect(IpFilterDynamic.plan(config, trigger)).toEqual([]);
  });

  test.each([
    [{ protocol: "www", trigger: [1] }, "protocol", /either protocol/],
    [{}, "protocol", /either protocol/],
    [{ protocol: "www", in: [1] }, "in", /need a trigger/],
    [{ protocol: "gopherr" }, "protocol", /Invalid enum/],
    [{ protocol: "www", timeout: 0 }, "timeout", /must be 1/],
    [{ trigger: [0] }, "trigger.0", /1\.\.21474836/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(
      IpFilterDynamic.schema,
      { id: 1, source: "*", destination: "*", ...change },
      property,
      reason,
    );
  });
});

describe("SecureFilter", () => {
  const tunnel = SecureFilter.schema.parse({
    interface: "tunnel 1",
    in: { filters: [200030, 200039] },
    out: { filters: [200099], dynamic: [200080, 200082] },
  });

  test("writes lan lines at the top level and pp/tunnel lines in their block", () => {
    expect(SecureFilter.commands(tunnel, { mask: false })).toEqual([
      { context: { kind: "tunnel", tunnel: 1 }, command: "ip tunnel secure filter in 200030 200039" },
      {
        context: { kind: "tunnel", tunnel: 1 },
        command: "ip tunnel secure filter out 200099 dynamic 200080 200082",
      },
    ]);
    const pp = SecureFilter.schema.parse({ interface: "pp anonymous", in: { dynamic: [1] } });
    expect(SecureFilter.commands(pp, { mask: false })).toEqual([
      { context: { kind: "pp", peer: "anonymous" }, command: "ip pp secure filter in dynamic 1" },
    ]);
    const lan = SecureFilter.schema.parse({ interface: "lan2", out: { filters: [1] } });
    expect(SecureFilter.commands(lan, { mask: false })).toEqual([
      { context: GLOBAL, command: "ip lan2 secure filter out 1" },
    ]);
    expect(SecureFilter.identity(tunnel)).toBe("secure filter tunnel 1");
  });

  test("reads the v6plus dump's tunnel lists; dropping a direction removes its line; delete restores", () => {
    const before = store(`${BASE}\ntunnel select 1\n tunnel encapsulation map-e`);
    const created = apply(before, SecureFilter.plan(index(before), tunnel));
    expect(SecureFilter.read(index(created), "secure filter tunnel 1")).toEqual(tunnel);
    expect(SecureFilter.plan(index(created), tunnel)).toEqual([]);
    const inOnly = { ...tunnel, out: undefined };
    expect(SecureFilter.plan(index(created), inOnly)).toEqual([
      { context: { kind: "tunnel", tunnel: 1 }, command: "no ip tunnel secure filter out" },
    ]);
    const deleted = apply(
      created,
      SecureFilter.plan(index(created), undefined, undefined, "secure filter tunnel 1"),
    );
    expect(render(deleted)).toBe(render(before));
  });

  test.each([
    [{ interface: "lan9", in: { filters: [1] } }, "interface", /lan numbers run/],
    [{ interface: "wan1", in: { filters: [1] } }, "interface", /must be lanN/],
    [{ interface: "pp 0", in: { filters: [1] } }, "interface", /must be lanN/],
    [{ interface: "lan1" }, "in", /give in, out or both/],
    [{ interface: "lan1", in: {} }, "in", /at least one filter/],
    [{ interface: "lan1", in: { filters: [1, 1] } }, "in.filters.1", /listed twice/],
    [{ interface: "lan1", in: { filters: [0] } }, "in.filters.0", /1\.\.21474836/],
    [
      { interface: "lan1", in: { filters: Array.from({ length: 130 }, (_, i) => i + 1) } },
      "in",
      /at most 129/,
    ],
  ])("refuses %j naming %s", (raw, property, reason) => {
    expectRefused(SecureFilter.schema, raw, property, reason);
  });
});

describe("filters against nvr-sim over SSH", () => {
  const router = withSeedRouter();

  async function checked(kind: string, raw: Props): Promise<Props> {
    const r = await dynamic.check(kind, {}, raw);
    expect(r.failures ?? []).toEqual([]);
    return r.inputs as Props;
  }

  const model = (props: Props) => {
    const { router: _r, prior: _p, commands: _c, ...rest } = props;
    return rest;
  };

  test("filters, a dynamic filter and lan/tunnel bindings: create → read → drift → update → delete restores", async () => {
    const sim = router();
    const before = sim.runningConfig();
    const specs: [string, Props][] = [
      [
        "IpFilter",
        {
          filter: 200030,
          action: "pass",
          source: "*",
          destination: "192.168.100.0/24",
          protocol: "icmp",
          sourcePort: "*",
          destinationPort: "*",
        },
      ],
      ["IpFilter", { filter: 200039, action: "reject", source: "*", destination: "*" }],
      [
        "IpFilter",
        {
          filter: 200099,
          action: "pass",
          source: "*",
          destination: "*",
          protocol: "tcp,udp",
          destinationPort: "www,domain,1024-",
        },
      ],
      ["IpFilterDynamic", { filter: 200080, source: "*", destination: "*", protocol: "ftp" }],
      [
        "SecureFilter",
        {
          interface: "lan2",
          in: { filters: [200030, 200039] },
          out: { filters: [200099], dynamic: [200080] },
        },
      ],
      ["SecureFilter", { interface: "tunnel 1", in: { filters: [200030] } }],
    ];
    const created: { kind: string; id: string; outs: Props; inputs: Props }[] = [];
    for (const [kind, raw] of specs) {
      const inputs = await checked(kind, raw);
      const c = await dynamic.create(kind, inputs);
      created.push({ kind, id: c.id, outs: c.outs, inputs });
    }
    await settle(sim);
    const running = sim.runningConfig();
    expect(running).toContain("ip lan2 secure filter in 200030 200039\n");
    expect(running).toContain("ip lan2 secure filter out 200099 dynamic 200080\n");
    expect(running).toMatch(/tunnel select 1\n(?: .*\n)* ip tunnel secure filter in 200030\n/);
    expect(running).toContain("ip filter 200099 pass * * tcp,udp * www,domain,1024-\n");
    expect(running).toContain("ip filter dynamic 200080 * * ftp\n");
    expect(sim.savedConfig()).toBe(running);
    expect(created.map((c) => c.id)).toEqual([
      "ip filter 200030",
      "ip filter 200039",
      "ip filter 200099",
      "ip filter dynamic 200080",
      "secure filter lan2",
      "secure filter tunnel 1",
    ]);

    for (const c of created) {
      const read = await dynamic.read(c.kind, c.id, c.outs);
      expect(model(read.inputs as Props)).toEqual(model(c.inputs));
      expect((await dynamic.diff(c.kind, c.id, read.props as Props, c.inputs)).changes).toBe(false);
    }

    // A hand edit shows as drift; the update writes the one line back.
    await routerOf(sim).apply([{ context: GLOBAL, command: "ip lan2 secure filter in 200039" }]);
    await settle(sim);
    const lan = created[4];
    const drifted = await dynamic.read(lan.kind, lan.id, lan.outs);
    expect((drifted.inputs as Props).in).toEqual({ filters: [200039], dynamic: [] });
    expect((await dynamic.diff(lan.kind, lan.id, drifted.props as Props, lan.inputs)).changes).toBe(true);
    sim.clearEvents();
    await dynamic.update(lan.kind, lan.id, drifted.props as Props, lan.inputs);
    await settle(sim);
    expect(configCommands(sim)).toEqual(["ip lan2 secure filter in 200030 200039"]);

    // Bindings go before the filters they name (the engine deletes dependents first; here in that order).
    for (const c of [...created].reverse()) await dynamic.delete(c.kind, c.id, c.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });

  test("adopt takes over an existing filter and delete writes it back", async () => {
    const sim = router();
    await routerOf(sim).apply([{ context: GLOBAL, command: "ip filter 42 reject 10.0.0.0/8 *" }]);
    await settle(sim);
    const before = sim.runningConfig();
    const inputs = await checked("IpFilter", {
      filter: 42,
      action: "pass",
      source: "10.0.0.0/8",
      destination: "*",
    });
    await expect(dynamic.create("IpFilter", inputs)).rejects.toThrow(/ip filter 42 reject 10\.0\.0\.0\/8 \*/);
    const adopted = await dynamic.create("IpFilter", { ...inputs, adopt: true });
    await settle(sim);
    expect(sim.runningConfig()).toContain("ip filter 42 pass 10.0.0.0/8 *\n");
    // The lines taken over, one per line (stored as a list or as text lines).
    expect([adopted.outs.prior].flat().join("\n")).toBe("ip filter 42 reject 10.0.0.0/8 *");
    await dynamic.delete("IpFilter", adopted.id, adopted.outs);
    await settle(sim);
    expect(sim.runningConfig()).toBe(before);
  });
});

describe("IPv6 filters: the same lines under ipv6", () => {
  test("reads the v6plus dump's IPv6 filters and lists; each writes back its line", () => {
    const dump = [
      "ipv6 lan2 secure filter in 200030 200031 200038 200039",
      "ipv6 lan2 secure filter out 200099 dynamic 200080 200081",
      "ipv6 filter 200030 pass * * icmp6 * *",
      "ipv6 filter 200031 pass * * 4",
      "ipv6 filter 200038 pass * * udp * 546",
      "ipv6 filter 200039 reject * *",
      "ipv6 filter dynamic 200080 * * ftp",
      "ipv6 filter dynamic 200081 * * domain",
    ].join("\n");
    const config = index(store(dump));
    const written = [
      ...Ipv6SecureFilter.commands(Ipv6SecureFilter.read(config, "ipv6 secure filter lan2")!, {
        mask: false,
      }),
      ...[200030, 200031, 200038, 200039].flatMap((n) =>
        Ipv6Filter.commands(Ipv6Filter.read(config, `ipv6 filter ${n}`)!, { mask: false }),
      ),
      ...[200080, 200081].flatMap((n) =>
        Ipv6FilterDynamic.commands(Ipv6FilterDynamic.read(config, `ipv6 filter dynamic ${n}`)!, {
          mask: false,
        }),
      ),
    ];
    expect(text(written)).toEqual(dump.split("\n"));
    const icmp = readIpv6FilterLine({
      text: "",
      tokens: "ipv6 filter 1 pass-log * 2001:db8::/32 icmp6 2".split(" "),
      line: 3,
      indent: 0,
    });
    expect(icmp).toMatchObject({ line: 3, log: true, icmp: { types: [{ first: 2, last: 2 }] } });
    expect(icmp.destination[0]).toMatchObject({ kind: "span" });
    expect(
      readIpv6FilterLine({
        text: "",
        tokens: "ipv6 filter 2 pass ra-prefix@lan2::1/64 * icmp-nd".split(" "),
        line: 4,
        indent: 0,
      }).protocols,
    ).toEqual([{ kind: "icmp-nd" }]);
  });

  test.each([
    [{ source: "2001:db8::1/32" }, "source", /host bits set; the prefix is 2001:db8:0:0:0:0:0:0\/32/],
    [{ source: "2001:db8::g" }, "source", /not an IPv6 address/],
    [{ source: "192.168.1.1" }, "source", /not an address/],
    [{ source: "2001:db8::/129" }, "source", /0\.\.128/],
    [{ destination: "ra-prefix@lan2" }, "destination", /ra-prefix@IF::HOST/],
    [{ destination: "*", protocol: "icmp6", sourcePort: "256" }, "sourcePort", /ICMP type\/code 256/],
    [{ destination: "*", protocol: "icmp-ndd" }, "protocol", /unknown protocol/],
  ])("refuses %j naming %s", (change, property, reason) => {
    expectRefused(Ipv6Filter.schema, { id: 1, action: "pass", source: "*", ...change }, property, reason);
  });

  test("against nvr-sim over SSH: create, read back, delete restores", async () => {
    const sim = await seedSimulator();
    try {
      await dynamic.configure(configureRequest(stackConfig(sim)));
      const before = sim.runningConfig();
      const specs: [string, Props][] = [
        [
          "Ipv6Filter",
          {
            filter: 200030,
            action: "pass",
            source: "*",
            destination: "*",
            protocol: "icmp6",
            sourcePort: "*",
            destinationPort: "*",
          },
        ],
        ["Ipv6FilterDynamic", { filter: 200080, source: "*", destination: "*", protocol: "ftp" }],
        ["Ipv6SecureFilter", { interface: "lan2", in: { filters: [200030] }, out: { dynamic: [200080] } }],
      ];
      const created: { kind: string; id: string; outs: Props; inputs: Props }[] = [];
      for (const [kind, raw] of specs) {
        const checked = await dynamic.check(kind, {}, raw);
        expect(checked.failures ?? []).toEqual([]);
        const inputs = checked.inputs as Props;
        const c = await dynamic.create(kind, inputs);
        created.push({ kind, id: c.id, outs: c.outs, inputs });
      }
      await settle(sim);
      expect(sim.runningConfig()).toContain("ipv6 lan2 secure filter in 200030\n");
      expect(sim.runningConfig()).toContain("ipv6 filter 200030 pass * * icmp6 * *\n");
      expect(created.map((c) => c.id)).toEqual([
        "ipv6 filter 200030",
        "ipv6 filter dynamic 200080",
        "ipv6 secure filter lan2",
      ]);
      for (const c of created) {
        const read = await dynamic.read(c.kind, c.id, c.outs);
        expect((await dynamic.diff(c.kind, c.id, read.props as Props, c.inputs)).changes).toBe(false);
      }
      for (const c of [...created].reverse()) await dynamic.delete(c.kind, c.id, c.outs);
      await settle(sim);
      expect(sim.runningConfig()).toBe(before);
    } finally {
      await settle(sim);
      await sim.stop();
    }
  });
});
