/**
 * Inputs of the VPN components as Pulumi inputs: every value may be a plain value, a promise or an Output (a
 * published host's address from another resource, a pool from stack config), at any depth. The designs are pure
 * and need plain values, so a component runs its design as soon as its inputs are known: at once when they already
 * are (the children then exist when the constructor returns), otherwise when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";
import { VpnDesignError } from "../provider/errors";

/** `T` with every value, and every value of its objects and lists, a `pulumi.Input`. */
export type DeepInput<T> = T extends string | number | boolean | null | undefined
  ? pulumi.Input<T>
  : T extends readonly (infer E)[]
    ? pulumi.Input<DeepInput<E>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

/**
 * Whether `value` holds no Output or promise at any depth, except under the property names in `opaque` (secrets the
 * design never reads, handed to the children as they are): a design can run on it now.
 */
export function knownNow(value: unknown, opaque: readonly string[] = []): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every((v) => knownNow(v, opaque));
  if (value !== null && typeof value === "object")
    return Object.entries(value).every(([k, v]) => opaque.includes(k) || knownNow(v, opaque));
  return true;
}

/**
 * Runs `fn` on the plain form of `value`: now when it is known (values under `opaque` names may still be inputs),
 * else once it all resolves (inside an apply). A design error becomes one Pulumi error on the component listing
 * every invalid input, without a Node stack.
 */
export function whenKnown<T, R>(
  value: DeepInput<T> | T,
  fn: (plain: T) => R,
  opaque: readonly string[] = [],
): pulumi.Output<R> {
  const run = (plain: T): R => asComponentError(() => fn(plain));
  if (knownNow(value, opaque)) return pulumi.output(run(value as T)) as pulumi.Output<R>;
  return pulumi.output(value as pulumi.Input<T>).apply((plain) => run(plain as T)) as pulumi.Output<R>;
}

/**
 * Runs `fn`; a design error becomes one Pulumi error listing every invalid input, which the CLI prints without a
 * Node stack. A RunError, not a ResourceError on the component: thrown from its constructor, the component never
 * finishes registering, and an error attached to it would not be shown at all.
 */
export function asComponentError<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VpnDesignError) throw new pulumi.RunError(e.message);
    throw e;
  }
}
