/**
 * What every NVR resource shares: the `router` connection input, the `adopt` flag, the client-side
 * `commands` preview, secret marking, and the provider stub.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/resources/contract";
import { parseProperties, type ResourceKindName } from "../provider/resources";
import { previewLines } from "../provider/config/render";
import { providerText } from "./provider";

/** How to reach the router. Every field defaults to the stack config key `nvr:<field>`. */
export interface RouterArgs {
  /** Address or name of the router's SSH server (`nvr:host`). */
  host?: pulumi.Input<string>;
  /** SSH port (`nvr:port`, default 22). */
  port?: pulumi.Input<number>;
  /** Login user (`nvr:username`). Changing it never replaces a resource. */
  username?: pulumi.Input<string>;
  /** Login password (`nvr:password`); stored only as a Pulumi secret. */
  password?: pulumi.Input<string>;
  /** Password for `administrator` mode (`nvr:adminPassword`); stored only as a Pulumi secret. */
  adminPassword?: pulumi.Input<string>;
  /**
   * The router's own `login password` (`nvr:loginPassword`), which `show config 0` asks for: with it the provider
   * compares the running config with the saved one before writing, so it never saves someone else's unsaved
   * lines. Default: the login password, then empty. Stored only as a Pulumi secret.
   */
  loginPassword?: pulumi.Input<string>;
  /** Expected SSH host key fingerprint, `SHA256:...` (`nvr:hostKey`). */
  hostKey?: pulumi.Input<string>;
  /** Router model, e.g. "NVR510" (`nvr:model`); checks limits such as the number of L2TP tunnels. */
  model?: pulumi.Input<string>;
}

/** Inputs every NVR resource takes. */
export interface CommonArgs {
  /** Connection overrides for this resource; unset fields come from stack config `nvr:*`. */
  router?: pulumi.Input<RouterArgs>;
  /**
   * Take over router lines that already exist instead of refusing to create. Pulumi's `import` does
   * not work for dynamic resources, so this is how existing config comes under management; the lines
   * taken over are recorded and restored on delete.
   */
  adopt?: pulumi.Input<boolean>;
}

// The registry holds kinds of different model types; the SDK treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

/** The top-level input names under which a kind's secrets live ("users[].password" → "users"). */
function secretTops(kind: AnyKind): string[] {
  return [...new Set(kind.secretProperties.map((p) => p.split(/[.[]/)[0]))];
}

/**
 * The masked NVR lines for the args, one per text line, computed in the program so `pulumi preview --diff` shows
 * them (Pulumi diffs a multi-line string line by line).
 * Invalid args give no lines here; the provider's check reports them by property name.
 * Unsecret: the masked lines carry no secret, and a secret list would hide the whole preview.
 */
export function previewCommands(
  kind: AnyKind,
  args: Record<string, unknown>,
  router?: pulumi.Input<RouterArgs>,
): pulumi.Output<string> {
  return pulumi.unsecret(
    pulumi.all([args, pulumi.output(router)]).apply(([raw, r]) => {
      // The router's model, as the provider's check takes it, so limits such as the tunnel count agree.
      const routerModel = r?.model ?? new pulumi.Config("nvr").get("model");
      const parsed = parseProperties(kind.kind as ResourceKindName, raw, routerModel);
      return parsed.success ? previewLines(kind.commands(parsed.data, { mask: true })).join("\n") : "";
    }),
  );
}

function secretRouter(router: pulumi.Input<RouterArgs> | undefined): pulumi.Input<RouterArgs> | undefined {
  if (router === undefined) return undefined;
  return pulumi.output(router).apply((r) => ({
    ...r,
    ...(r.password === undefined ? {} : { password: pulumi.secret(r.password) }),
    ...(r.adminPassword === undefined ? {} : { adminPassword: pulumi.secret(r.adminPassword) }),
    ...(r.loginPassword === undefined ? {} : { loginPassword: pulumi.secret(r.loginPassword) }),
  }));
}

/** Why `import` cannot take a router's lines over, and the two ways that do. */
export function importRefusal(kind: string, name: string): string {
  return (
    `${kind} "${name}": Pulumi's import cannot read this resource (a dynamic provider's resource has no provider ` +
    "to read it with until it is created). To take lines the router already has under management, set " +
    "`adopt: true` on the resource instead: it takes them over at create and puts them back on destroy. To start " +
    "from a whole router, `nvr import --host HOST` (or `--from show-config.txt`) writes a program with adopt: true."
  );
}

/**
 * The URN the engine gives a resource: from its parent's URN's value, not the parent as a dependency (an input that
 * depends on a component waits for all its children, so a child would wait for itself). URNs are known in a preview.
 * A top-level resource's is a plain string: every Output costs the program a stack capture, and a stack of 1,000
 * routes registers 1,000 of them in one synchronous loop (issue 18).
 */
function urnOf(name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  if (parent === undefined)
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${type}::${name}`;
  const parentUrn = new Promise<string>((resolve) => parent.urn.apply(resolve));
  return pulumi.createUrn(name, type, pulumi.output(parentUrn));
}

/** The entries whose value is set. */
function definedOnly(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/**
 * Base class of the SDK resources: one dynamic resource type per kind, `pulumi-nodejs:dynamic/nvr:<Kind>`. It is what
 * pulumi.dynamic.Resource registers, with the provider's `__provider` text from sdk/provider.ts instead of a
 * serialised closure (the dynamic-provider host reads only that text).
 */
export abstract class NvrResource extends pulumi.CustomResource {
  /**
   * The NVR lines this resource owns, one per text line, secrets as `********`, as the router lays them out (a
   * StaticRoutes table lists them in `routes` instead).
   */
  declare readonly commands: pulumi.Output<string>;
  /** The resolved connection target (and the resource's own credentials, as a secret). */
  declare readonly router: pulumi.Output<RouterArgs>;
  /** Router lines an adopted resource took over, one per text line; restored on delete. */
  declare readonly prior: pulumi.Output<string | undefined>;

  protected constructor(
    kind: AnyKind,
    name: string,
    args: CommonArgs & Record<string, unknown>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    // Pulumi's import reads the resource through the provider serialised into state, which an import has not got:
    // the engine would fail with a TypeError. Say what to do instead.
    if (opts?.import !== undefined) throw new pulumi.RunError(importRefusal(kind.kind, name));
    const { router, adopt, restartToApply, ...model } = args;
    const type = `pulumi-nodejs:dynamic/nvr:${kind.kind}`;
    const secrets = secretTops(kind);
    // Outputs that may hold secrets in clear: the resource's own credentials, and adopted lines of a
    // kind that has secrets (e.g. a pre-shared-key line).
    const secretOutputs = [
      ...secrets,
      ...(router === undefined ? [] : ["router"]),
      ...(secrets.length > 0 ? ["prior"] : []),
    ];
    const props: Record<string, unknown> = {
      ...Object.fromEntries(
        Object.entries(model).map(([k, v]) => [
          k,
          secrets.includes(k) && v !== undefined ? pulumi.secret(v) : v,
        ]),
      ),
      router: secretRouter(router),
      // Pulumi gives every property passed an output of four promises, each with a stack trace taken through
      // source maps: options left unset are not passed (at 1,000 routes they cost the program seconds of its
      // synchronous start, before the engine gets its first operation).
      ...definedOnly({
        adopt,
        restartToApply,
        // Only in a preview: the provider then reads the router once and shows the lines it will send (`plan`).
        livePlan: pulumi.runtime.isDryRun() ? true : undefined,
      }),
      // A kind whose state form lists its lines (a table of routes) has them there, not in `commands` too.
      commands: kind.stateForm ? undefined : previewCommands(kind, model, router),
      prior: undefined,
      __provider: providerText(kind.kind),
      // The provider tells two resources of one kind and identity apart by it (provider/dynamic.ts, claim).
      __urn: urnOf(name, type, opts?.parent),
    };
    // Pulumi gives every property passed an output of four promises and takes a stack trace through source maps for
    // each, kept only to print with PULUMI_DEBUG_PROMISE_LEAKS: at 1,000 routes, 2.8 s of the program's synchronous
    // start, before the engine gets its first operation (issue 18). Without that variable no stack is taken while
    // the resource registers. Pulumi's record of where the resource was declared takes its own stack at any limit.
    const stackLimit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(type, name, props, {
        ...opts,
        additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs],
      });
    } catch (e) {
      // An error of the registration itself still shows the program's line that declared the resource.
      Error.stackTraceLimit = stackLimit;
      if (e instanceof Error) Error.captureStackTrace(e);
      throw e;
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
  }
}
