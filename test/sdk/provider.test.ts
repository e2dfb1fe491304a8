import * as path from "path";
import { IMPLEMENTATION, providerText } from "../../sdk/provider";
import { previewLines } from "../../provider/config/render";
import { GLOBAL } from "../../provider/config/model";

// The host running the text (by package name, and by path inside the repository) is test/provider/host.test.ts.
describe("provider stub text", () => {
  it("names the kind, the package's implementation and its path here, with no implementation code", () => {
    const text = providerText("NatDescriptor");
    expect(text).toMatch(/^exports\.handler = /);
    expect(text).toContain(`"${IMPLEMENTATION}"`);
    expect(text).toContain(JSON.stringify(path.resolve(__dirname, "../../provider/dynamic")));
    expect(text).toContain('"NatDescriptor"');
    // Nothing of the implementation or the session layer is copied into state.
    for (const word of [
      "routerFor",
      "schema",
      "ssh2",
      "plan(",
      "conflicts",
      "providerText",
      "Map",
      "//",
      "/*",
    ]) {
      expect(text).not.toContain(word);
    }
    // Stored twice with every resource and written at the start and end of every operation (issue 18).
    expect(text.length).toBeLessThan(400 + path.resolve(__dirname, "..").length);
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
