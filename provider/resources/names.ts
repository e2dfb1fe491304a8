/**
 * Pulumi reserves the top-level property `id` (the SDK drops it from inputs and uses it for the Pulumi
 * id), so a model's own `id` travels under the router's word for it. Shared by the SDK and the provider
 * so both sides rename the same way.
 */
const ID_NAMES: Readonly<Record<string, string>> = {
  NatDescriptor: "descriptor",
  DhcpScope: "scope",
  Schedule: "schedule",
  Ipv6Prefix: "prefixId",
  IpFilter: "filter",
  IpFilterDynamic: "filter",
  Ipv6Filter: "filter",
  Ipv6FilterDynamic: "filter",
};

type Props = Record<string, unknown>;

/** The input name carrying the model's `id` for this kind ("id" when the kind has no alias). */
export function idName(kind: string): string {
  return ID_NAMES[kind] ?? "id";
}

/** Pulumi properties → model fields. */
export function toModel(kind: string, props: Props): Props {
  const name = idName(kind);
  if (name === "id" || !(name in props)) return props;
  const { [name]: id, ...rest } = props;
  return { id, ...rest };
}

/** Model fields → Pulumi properties. */
export function fromModel(kind: string, model: Props): Props {
  const name = idName(kind);
  if (name === "id" || !("id" in model)) return model;
  const { id, ...rest } = model;
  return { [name]: id, ...rest };
}

/** A model property path as the user wrote it ("id" → "descriptor", "statics[0].id" unchanged). */
export function propertyName(kind: string, path: string): string {
  return path === "id" ? idName(kind) : path;
}
