/**
 * The serialised dynamic provider: a stub that loads the implementation when the engine calls it.
 *
 * Pulumi serialises the provider object into state (`__provider`) and runs that text for refresh and
 * destroy. Local code would be copied by value, so old state would run old code and every `__provider`
 * text would get its own SSH session registry. The stub therefore captures only two strings and
 * requires the implementation at call time:
 *  1. by package name, resolved from the program directory (the host's cwd) — an installed package;
 *  2. otherwise the absolute path of this package's own implementation, taken when the program ran —
 *     a program inside this repository (examples/) has no node_modules entry for the package itself,
 *     and the host loads the stub through require-from-string with no filename, so Node's package
 *     self-reference does not apply. It is a path, not a copy: whatever is built there is what runs.
 */
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";

/** The implementation module, as a consumer's node_modules resolves it. */
export const IMPLEMENTATION = "pulumi-yamaha-nvr/dist/provider/dynamic";

/** This package's implementation next to the running SDK (dist/sdk → dist/provider/dynamic). */
const localImplementation = path.resolve(__dirname, "../provider/dynamic");

const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/** The provider stub for one resource kind, shared by all its resources so Pulumi serialises it once. */
export function providerFor(kind: string): pulumi.dynamic.ResourceProvider {
  const cached = providers.get(kind);
  if (cached) return cached;
  const byName = IMPLEMENTATION;
  const byPath = localImplementation;
  // Everything below runs in the dynamic-provider host; it may use only `require` and the two strings.
  const load = () => {
    let resolved: string;
    try {
      resolved = require.resolve(byName);
    } catch {
      resolved = require.resolve(byPath);
    }
    return require(resolved);
  };
  const provider: pulumi.dynamic.ResourceProvider = {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(kind, olds, news),
    diff: (id, olds, news) => load().diff(kind, id, olds, news),
    create: (inputs) => load().create(kind, inputs),
    read: (id, props) => load().read(kind, id, props),
    update: (id, olds, news) => load().update(kind, id, olds, news),
    delete: (id, props) => load().delete(kind, id, props),
  };
  providers.set(kind, provider);
  return provider;
}
