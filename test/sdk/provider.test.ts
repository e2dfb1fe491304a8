import * as pulumi from "@pulumi/pulumi";
import { IMPLEMENTATION, providerFor } from "../../sdk/provider";
import { previewLines } from "../../provider/config/render";
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

describe("previewLines", () => {
  it("lists the lines as typed, one per element, select blocks opened and closed", () => {
    const lines = previewLines([
      { context: GLOBAL, command: "ip lan1 proxyarp on" },
      { context: { kind: "pp", peer: "anonymous" }, command: "pp bind tunnel2" },
      { context: { kind: "pp", peer: "anonymous" }, command: "ip pp mtu 1280" },
      { context: { kind: "tunnel", tunnel: 2 }, command: "tunnel encapsulation l2tp" },
      { context: GLOBAL, command: "l2tp service on" },
    ]);
    expect(lines).toEqual([
      "ip lan1 proxyarp on",
      "pp select anonymous",
      "pp bind tunnel2",
      "ip pp mtu 1280",
      "pp select none",
      "tunnel select 2",
      "tunnel encapsulation l2tp",
      "tunnel select none",
      "l2tp service on",
    ]);
    expect(previewLines([])).toEqual([]);
  });
});
