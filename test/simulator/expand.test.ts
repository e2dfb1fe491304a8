import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

function engineWith(config: string): Engine {
  const engine = new Engine({
    model: MODELS.rtx1210,
    parse: parseConfigCommand,
    adminPassword: "a",
    bootTime: new Date(),
  });
  expect(engine.load(config)).toEqual([]);
  return engine;
}

function show(engine: Engine, command: string): string[] {
  const session = engine.newSession();
  session.admin = true;
  return engine.execute(session, command, new Date()).lines;
}

describe("show config tunnel N expand", () => {
  // The command reference's tunnel-template example (CR §15.49.6): the two configurations are equivalent.
  const TEMPLATED = `
tunnel select 1
 tunnel template 2
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike encryption 1 aes-cbc
  ipsec ike group 1 modp1024
  ipsec ike local address 1 192.168.0.1
  ipsec ike pre-shared-key 1 text himitsu1
  ipsec ike remote address 1 any
  ipsec ike remote name 1 pc
 tunnel enable 1
tunnel select 2
  ipsec ike pre-shared-key 2 text himitsu2
`;
  const EXPANDED_2 = [
    "tunnel select 2",
    " ipsec tunnel 2",
    "  ipsec sa policy 2 2 esp aes-cbc sha-hmac",
    "  ipsec ike encryption 2 aes-cbc",
    "  ipsec ike group 2 modp1024",
    "  ipsec ike local address 2 192.168.0.1",
    "  ipsec ike pre-shared-key 2 text himitsu2",
    "  ipsec ike remote address 2 any",
    "  ipsec ike remote name 2 pc2",
    " tunnel enable 2",
  ];

  test("the CR example expands to its documented equivalent, in show config order", () => {
    const engine = engineWith(TEMPLATED);
    expect(show(engine, "show config tunnel 2 expand")).toEqual(EXPANDED_2);
    // Without expand only what was typed for tunnel 2.
    expect(show(engine, "show config tunnel 2")).toEqual([
      "tunnel select 2",
      "  ipsec ike pre-shared-key 2 text himitsu2",
    ]);
    // The equivalent explicit configuration prints the same block.
    const explicit = engineWith(EXPANDED_2.join("\n"));
    expect(show(explicit, "show config tunnel 2")).toEqual(EXPANDED_2);
  });

  test("lines whose ID differs from the source tunnel number are not expanded", () => {
    const engine = engineWith(`
tunnel select 1
 tunnel template 3
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text k
 tunnel encapsulation l2tp
 tunnel enable 1
`);
    expect(show(engine, "show config tunnel 3 expand")).toEqual([
      "tunnel select 3",
      " tunnel encapsulation l2tp",
      "  ipsec ike pre-shared-key 3 text k",
      " tunnel enable 3",
    ]);
  });

  test("ipsec transport template copies show with the tunnel whose policy they serve", () => {
    const engine = engineWith(`
tunnel select 1
 tunnel template 2-3
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
 tunnel enable 1
ipsec transport 1 1 udp 1701 *
ipsec transport template 1 2
`);
    expect(show(engine, "show config tunnel 2 expand").slice(-1)).toEqual(["ipsec transport 2 2 udp 1701 *"]);
    // Tunnel 3 gets the tunnel template but no transport: the seed's warning about matching IDs.
    expect(show(engine, "show config tunnel 3 expand").some((l) => l.startsWith("ipsec transport"))).toBe(
      false,
    );
    expect(
      show(engine, "show config tunnel 1-2 expand").filter((l) => l.startsWith("tunnel select")),
    ).toEqual(["tunnel select 1", "tunnel select 2"]);
  });
});
