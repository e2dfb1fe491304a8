/**
 * Pulumi mocks (tier 1): records what each SDK resource sends to the engine, so tests see the real
 * inputs — the serialised `__provider`, secrets, the client-side `commands` — without an engine.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

export const registered: Registered[] = [];

/** Secret inputs arrive wrapped in this envelope under mocks. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

export function isSecret(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

export function unwrap(value: unknown): unknown {
  return isSecret(value) ? (value as { value: unknown }).value : value;
}

export function installMocks(): void {
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "nvrtest",
    "dev",
    false,
  );
}

/** The value of an output, awaited through the mocks. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}
