import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { IMPLEMENTATION, providerText } from "../../sdk/provider";
import { previewLines } from "../../provider/config/render";
import { GLOBAL } from "../../provider/config/model";

// The host running the text (by package name, and by path inside the repository) is test/provider/host.test.ts.
describe("provider stub text", () => {
  const implementationHere = path.resolve(__dirname, "../../provider/dynamic");
  const forbidden = ["routerFor", "schema", "ssh2", "plan(", "conflicts", "providerText", "Map", "//", "/*"];

  it("names the package's implementation where the program directory resolves it, and the kind", () => {
    // The repository's node_modules links the package to itself, as an installed project's does.
    const text = providerText("NatDescriptor", path.resolve(__dirname, "../.."));
    expect(text).toBe(`exports.handler=()=>require("${IMPLEMENTATION}").providerOf("NatDescriptor")`);
  });

  it("names this package's implementation by absolute path where the name does not resolve", () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-stub-"));
    try {
      const text = providerText("StaticRoute", bare);
      expect(text).toBe(
        `exports.handler=()=>require(${JSON.stringify(implementationHere)}).providerOf("StaticRoute")`,
      );
      expect(text).not.toContain(IMPLEMENTATION);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it("holds no implementation code, and stays short: it is stored twice with every resource", () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "nvr-stub-"));
    try {
      for (const text of [providerText("L2tpAnonymousPool"), providerText("L2tpAnonymousPool", bare)]) {
        for (const word of forbidden) expect(text).not.toContain(word);
        // Written at the start and end of every operation with every resource in the stack (issue 18): beside the
        // module and the kind, under 50 bytes.
        const strings =
          "L2tpAnonymousPool".length + Math.max(IMPLEMENTATION.length, implementationHere.length);
        expect(text.length - strings).toBeLessThan(50);
      }
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
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
