// Type-level tests of the VPN components' inputs, with the TypeScript compiler itself: a program passing Outputs,
// promises and config values anywhere type-checks, wrong types and misspelt inputs do not (fixtures/
// component-types.ts, whose `@ts-expect-error` lines must stay errors), and every input carries TSDoc.
import * as path from "path";
import * as ts from "typescript";

const FIXTURE = path.join(__dirname, "fixtures", "component-types.ts");
const REPO = path.resolve(__dirname, "..", "..");

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(REPO, "tsconfig.test.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d.messageText) },
  )!;
  return ts.createProgram([FIXTURE], { ...config.options, noEmit: true });
}

describe("the VPN components' inputs, as the compiler sees them", () => {
  const prog = program();

  test("Outputs, promises and config values type-check anywhere; wrong types and misspellings do not", () => {
    const diagnostics = ts
      .getPreEmitDiagnostics(prog, prog.getSourceFile(FIXTURE))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    // An unused `@ts-expect-error` (an input that stopped being refused) is a diagnostic too.
    expect(diagnostics).toEqual([]);
  });

  test.each([
    "OverlapSafeVpnArgs",
    "DistinctPoolVpnArgs",
    "PpAnonymousNatVpnArgs",
    "VpnArgs",
    "VpnUserArgs",
    "VpnComponentArgs",
  ])("every property of %s carries TSDoc", (name) => {
    const checker = prog.getTypeChecker();
    const sdk = prog.getSourceFile(path.join(REPO, "sdk", "index.ts"))!;
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(sdk)!);
    const symbol = exported.find((s) => s.name === name)!;
    const type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(symbol));
    const properties = checker.getPropertiesOfType(type);
    expect(properties.length).toBeGreaterThan(0);
    const undocumented = properties
      .filter((p) => ts.displayPartsToString(p.getDocumentationComment(checker)).trim() === "")
      .map((p) => p.name);
    expect(undocumented).toEqual([]);
  });
});
