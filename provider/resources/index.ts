/**
 * The resource registry: the provider and SDK look kinds up here by their Pulumi type name.
 */
import type { CheckFailure, ResourceKind } from "./contract";
import { failuresOf } from "./kind";
import { NatDescriptor } from "./nat-descriptor";

export const resourceKinds = { NatDescriptor } as const;

export type ResourceKindName = keyof typeof resourceKinds;

/** Validates raw inputs for a kind: the model, or failures each naming its property. Opens no connection. */
export function check<Name extends ResourceKindName>(
  kind: Name,
  rawInputs: unknown,
): { model: ModelOf<Name> } | { failures: CheckFailure[] } {
  const result = (resourceKinds[kind] as ResourceKind<ModelOf<Name>>).schema.safeParse(rawInputs);
  return result.success ? { model: result.data } : { failures: failuresOf(result.error) };
}

export type ModelOf<Name extends ResourceKindName> =
  (typeof resourceKinds)[Name] extends ResourceKind<infer M> ? M : never;

export type { NatDescriptorModel } from "./nat-descriptor";
export type { CheckFailure, Prior, ResourceKind } from "./contract";
export { ReadError } from "./kind";
export { NatDescriptor } from "./nat-descriptor";
