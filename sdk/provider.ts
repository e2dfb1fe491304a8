/**
 * The serialised dynamic provider: one line that loads the implementation when the host first calls it.
 *
 * Pulumi stores the provider's source text in state (`__provider`, in the inputs and the outputs of every resource)
 * and runs that text for refresh and destroy. Local code would be copied by value, so old state would run old code
 * and every `__provider` text would get its own SSH session registry. The text therefore only requires the
 * implementation in the host and returns its `providerOf(kind)`, so the provider's methods are not in state either.
 * The host runs in the program's directory (Pulumi starts both in the project's working directory), so the program
 * resolves the implementation as the host will:
 *  1. by package name when the program directory resolves it — an installed package (moving the project or
 *     upgrading the package keeps the state working);
 *  2. otherwise by the absolute path of this package's own implementation — a program inside this repository
 *     (examples/) has no node_modules entry for the package itself, and the host loads the text through
 *     require-from-string with no filename, so Node's package self-reference does not apply. It is a path, not a
 *     copy: whatever is built there is what runs.
 *
 * The text is written here rather than produced by Pulumi's closure serialisation (pulumi.dynamic.Resource), which
 * wraps each captured function in its own scope: 2.7 KB a resource, where this is under 100 bytes. The engine writes
 * the whole state at the start and at the end of every operation, so its time per operation grows with the bytes of
 * every resource in the stack (issue 18). State written by earlier versions keeps its own text, which still loads
 * the implementation's `providerOf`.
 */
import * as path from "path";

/** The implementation module, as a consumer's node_modules resolves it. */
export const IMPLEMENTATION = "pulumi-yamaha-nvr/dist/provider/dynamic";

/** This package's implementation next to the running SDK (dist/sdk → dist/provider/dynamic). */
const localImplementation = path.resolve(__dirname, "../provider/dynamic");

/** What `require` in a host running in each program directory is given. */
const implementationIn = new Map<string, string>();

function implementationFor(programDir: string): string {
  let found = implementationIn.get(programDir);
  if (found === undefined) {
    try {
      require.resolve(IMPLEMENTATION, { paths: [programDir] });
      found = IMPLEMENTATION;
    } catch {
      found = localImplementation;
    }
    implementationIn.set(programDir, found);
  }
  return found;
}

/**
 * The `__provider` text of one resource kind for a host running in `programDir`: the host's `exports.handler()`
 * returns the kind's provider.
 */
export function providerText(kind: string, programDir = process.cwd()): string {
  const [module, name] = [implementationFor(programDir), kind].map((s) => JSON.stringify(s));
  return `exports.handler=()=>require(${module}).providerOf(${name})`;
}
