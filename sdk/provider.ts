/**
 * The serialised dynamic provider: a few lines of source that load the implementation when the host first calls it.
 *
 * Pulumi stores the provider's source text in state (`__provider`, in the inputs and the outputs of every resource)
 * and runs that text for refresh and destroy. Local code would be copied by value, so old state would run old code
 * and every `__provider` text would get its own SSH session registry. The text therefore holds only three strings
 * and requires the implementation in the host:
 *  1. by package name, resolved from the program directory (the host's cwd) — an installed package;
 *  2. otherwise the absolute path of this package's own implementation, taken when the program ran —
 *     a program inside this repository (examples/) has no node_modules entry for the package itself,
 *     and the host loads the text through require-from-string with no filename, so Node's package
 *     self-reference does not apply. It is a path, not a copy: whatever is built there is what runs.
 * The implementation's `providerOf(kind)` is the provider object, so its methods are not in state either.
 *
 * The text is written here rather than produced by Pulumi's closure serialisation (pulumi.dynamic.Resource), which
 * wraps each captured function in its own scope: 2.7 KB a resource, where this is about 300 bytes. The engine writes
 * the whole state at the start and at the end of every operation, so with 1,000 resources the stub was three
 * quarters of each 7 MB write (issue 18).
 */
import * as path from "path";

/** The implementation module, as a consumer's node_modules resolves it. */
export const IMPLEMENTATION = "pulumi-yamaha-nvr/dist/provider/dynamic";

/** This package's implementation next to the running SDK (dist/sdk → dist/provider/dynamic). */
const localImplementation = path.resolve(__dirname, "../provider/dynamic");

/*
 * Runs in the dynamic-provider host as its source text (Function.prototype.toString), so it may use only `require`
 * and its arguments. No comments inside: the compiler keeps them, and they would be stored with every resource.
 */
function load(kind: string, byName: string, byPath: string): unknown {
  let resolved: string;
  try {
    resolved = require.resolve(byName);
  } catch {
    resolved = require.resolve(byPath);
  }
  return require(resolved).providerOf(kind);
}

/** The `__provider` text of one resource kind: the host's `exports.handler()` returns the kind's provider. */
export function providerText(kind: string): string {
  const args = [kind, IMPLEMENTATION, localImplementation].map((s) => JSON.stringify(s)).join(", ");
  return `exports.handler = () => (${load.toString()})(${args});\n`;
}
