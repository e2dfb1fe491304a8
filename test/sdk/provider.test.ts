import * as pulumi from "@pulumi/pulumi";
import { IMPLEMENTATION, providerFor } from "../../sdk/provider";
import { renderCommands } from "../../sdk/commands";
import { GLOBAL } from "../../provider/config/model";

describe("provider stub serialisation", () => {
  it("serialises to require() calls and two strings, with no implementation code", async () => {
    // As pulumi.dynamic.Resource does it: the provider object itself, not the factory.
    const provider = providerFor("NatDescriptor");
    const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(text).toContain(`"${IMPLEMENTATION}"`);
    expect(text).toContain('"NatDescriptor"');
    // Nothing of the implementation or the session layer is copied into state.
    for (const word of ["routerFor", "schema", "ssh2", "plan(", "conflicts", "providerFor", "Map"]) {
      expect(text).not.toContain(word);
    }
    expect(text.length).toBeLessThan(3000);
  });

  it("is one object per kind, so Pulumi serialises each kind once", () => {
    expect(providerFor("DhcpScope")).toBe(providerFor("DhcpScope"));
    expect(providerFor("DhcpScope")).not.toBe(providerFor("StaticRoute"));
  });
});

describe("renderCommands", () => {
  it("opens a select block for pp/tunnel context and returns to column 0 for global lines", () => {
    const lines = renderCommands([
      { context: GLOBAL, command: "ip lan1 proxyarp on" },
      { context: { kind: "pp", peer: "anonymous" }, command: "pp bind tunnel2" },
      { context: { kind: "pp", peer: "anonymous" }, command: "ip pp mtu 1280" },
      { context: { kind: "tunnel", tunnel: 2 }, command: "tunnel encapsulation l2tp" },
      { context: GLOBAL, command: "l2tp service on" },
    ]);
    expect(lines).toEqual([
      "ip lan1 proxyarp on",
      "pp select anonymous",
      " pp bind tunnel2",
      " ip pp mtu 1280",
      "tunnel select 2",
      " tunnel encapsulation l2tp",
      "l2tp service on",
    ]);
  });
});
