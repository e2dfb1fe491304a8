import { NatDescriptor, type NatDescriptorModel } from "../../provider/resources";
import { apply, index, render, store } from "./router";

const seed30 = [
  "nat descriptor type 30 nat",
  "nat descriptor address outer 30 192.168.253.254",
  "nat descriptor address inner 30 192.168.11.254",
  "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
];

const model30 = NatDescriptor.schema.parse({
  id: 30,
  type: "nat",
  outer: ["192.168.253.254"],
  inner: ["192.168.11.254"],
  statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
});

const masquerade: NatDescriptorModel = NatDescriptor.schema.parse({
  id: 1000,
  type: "masquerade",
  outer: ["ipcp"],
  masqueradeIncoming: { action: "forward", address: "192.168.11.240" },
  masqueradeStatics: [
    { id: 2, inner: "192.168.11.240", protocol: "udp", outerPort: 500, innerPort: 500 },
    { id: 1, inner: "192.168.11.240", protocol: "esp" },
    { id: 3, inner: "192.168.11.240", protocol: "tcp", innerPort: "www" },
  ],
});

const others =
  "ip lan1 address 192.168.11.250/24\nnat descriptor type 40 nat\nnat descriptor static 40 1 192.168.11.2=192.168.253.2 253";

describe("NatDescriptor", () => {
  test("commands for the seed's descriptor 30 are the seed's lines", () => {
    expect(NatDescriptor.commands(model30, { mask: false }).map((c) => c.command)).toEqual(seed30);
    expect(NatDescriptor.identity(model30)).toBe("nat descriptor 30");
  });

  test("read of a config holding the seed's lines is the model, and ignores other descriptors", () => {
    const config = index(store([others, ...seed30].join("\n")));
    expect(NatDescriptor.read(config, "nat descriptor 30")).toEqual(model30);
    expect(NatDescriptor.read(config, "nat descriptor 31")).toBeUndefined();
  });

  test("a count the router omits reads as 1, the normal form", () => {
    const config = index(
      store("nat descriptor type 20 nat\nnat descriptor static 20 1 192.168.254.240=192.168.11.240"),
    );
    expect(NatDescriptor.read(config, "nat descriptor 20")?.statics).toEqual([
      { id: 1, outer: "192.168.254.240", inner: "192.168.11.240", count: 1 },
    ]);
  });

  test.each([
    ["seed 30", model30],
    ["masquerade with statics", masquerade],
  ])("plan from empty is the commands, and reads back as the normal form (%s)", (_name, model) => {
    const before = store(others);
    const plan = NatDescriptor.plan(index(before), model);
    expect(plan).toEqual(NatDescriptor.commands(model, { mask: false }));
    const after = apply(before, plan);
    expect(NatDescriptor.read(index(after), NatDescriptor.identity(model))).toEqual(model);
    expect(NatDescriptor.plan(index(after), model)).toEqual([]);
  });

  test("masquerade statics are written in id order with the router's port syntax", () => {
    expect(NatDescriptor.commands(masquerade, { mask: false }).map((c) => c.command)).toEqual([
      "nat descriptor type 1000 masquerade",
      "nat descriptor address outer 1000 ipcp",
      "nat descriptor masquerade incoming 1000 forward 192.168.11.240",
      "nat descriptor masquerade static 1000 1 192.168.11.240 esp",
      "nat descriptor masquerade static 1000 2 192.168.11.240 udp 500=500",
      "nat descriptor masquerade static 1000 3 192.168.11.240 tcp www",
    ]);
  });

  const changes: [string, Partial<NatDescriptorModel>, string[]][] = [
    ["type", { type: "nat-masquerade" }, ["nat descriptor type 30 nat-masquerade"]],
    ["outer", { outer: ["192.168.253.253"] }, ["nat descriptor address outer 30 192.168.253.253"]],
    ["inner removed", { inner: undefined }, ["no nat descriptor address inner 30"]],
    [
      "static count",
      { statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 100 }] },
      ["nat descriptor static 30 1 192.168.253.2=192.168.11.2 100"],
    ],
    [
      "static added",
      {
        statics: [
          { id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 },
          { id: 2, outer: "10.0.0.1", inner: "192.168.12.1", count: 1 },
        ],
      },
      ["nat descriptor static 30 2 10.0.0.1=192.168.12.1 1"],
    ],
    ["statics removed", { statics: [] }, ["no nat descriptor static 30 1"]],
  ];
  test.each(changes)("a change of %s touches only its lines", (_name, change, expected) => {
    const config = index(store([others, ...seed30].join("\n")));
    const desired = { ...model30, ...change };
    const plan = NatDescriptor.plan(config, desired);
    expect(plan.map((c) => c.command)).toEqual(expected);
    const after = apply(store([others, ...seed30].join("\n")), plan);
    expect(NatDescriptor.read(index(after), "nat descriptor 30")).toEqual(
      NatDescriptor.schema.parse(desired),
    );
  });

  test("delete removes statics first and the type last, leaving the rest of the config as it was", () => {
    const before = store(others);
    const created = apply(before, NatDescriptor.commands(model30, { mask: false }));
    const plan = NatDescriptor.plan(index(created), undefined, undefined, "nat descriptor 30");
    expect(plan.map((c) => c.command)).toEqual([
      "no nat descriptor static 30 1",
      "no nat descriptor address inner 30",
      "no nat descriptor address outer 30",
      "no nat descriptor type 30",
    ]);
    const after = apply(created, plan);
    expect(render(after)).toBe(render(before));
    expect(NatDescriptor.read(index(after), "nat descriptor 30")).toBeUndefined();
  });

  test("conflicts lists the existing lines of the same descriptor only", () => {
    const config = index(store([others, ...seed30].join("\n")));
    expect(NatDescriptor.conflicts(config, model30).map((l) => l.text)).toEqual(seed30);
    expect(NatDescriptor.conflicts(config, { ...model30, id: 31 })).toEqual([]);
  });
});

describe("NatDescriptor static entries in the netmask form (CR §23.6)", () => {
  test.each(["24", "255.255.255.0", "0xffffff00"])(
    "OUTER=INNER/%s reads as 256 addresses and plans to nothing; the hand-written spelling stays",
    (mask) => {
      const config = index(
        store(`nat descriptor type 30 nat\nnat descriptor static 30 1 192.168.253.0=192.168.11.0/${mask}`),
      );
      const model = NatDescriptor.read(config, "nat descriptor 30");
      expect(model?.statics).toEqual([{ id: 1, outer: "192.168.253.0", inner: "192.168.11.0", count: 256 }]);
      expect(NatDescriptor.plan(config, model!)).toEqual([]);
    },
  );
});
