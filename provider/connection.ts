/**
 * How the provider reaches a router: the `router` input a resource may give, the stack config `nvr:*` defaults
 * under it, and the session layer's connection made from both. Credentials come from stack config at call time, so
 * rotating them needs no update; a resource stores only its own fields and the resolved target.
 */
import { z } from "zod";
import { typedTextProblem } from "./resources/lines";
import { isRouterModel, ROUTER_MODELS } from "./resources/models";
import type { RouterConnection } from "./session";

/** Connection fields that are credentials: they never replace a resource. */
export const CREDENTIALS = ["username", "password", "adminPassword", "loginPassword", "hostKey"] as const;

/** A router password: typed at the router's `Password:` prompt, so printable ASCII, at most 32 characters (CR §4.1, §4.3). */
const routerPassword = z
  .string()
  .max(32, "must be at most 32 characters")
  .superRefine((s, ctx) => {
    const problem = typedTextProblem(s, true);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A model the provider knows the limits of, spelt in any case (`NVR510`, `nvr510`); kept as given. */
const model = z
  .string()
  .min(1)
  .refine((m) => isRouterModel(m.toLowerCase()), {
    message: `must be one of ${Object.keys(ROUTER_MODELS).join(", ")} (any case)`,
  });

export const routerSchema = z
  .object({
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    username: z.string().min(1).optional(),
    password: routerPassword.optional(),
    adminPassword: routerPassword.optional(),
    loginPassword: routerPassword.optional(),
    hostKey: z.string().min(1).optional(),
    model: model.optional(),
  })
  .strict();

export type RouterInput = z.infer<typeof routerSchema>;

/** Stack config: the router defaults, and whether to take over others' unsaved changes (`nvr:takeOverUnsaved`). */
const stackSchema = routerSchema.extend({
  takeOverUnsaved: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
});

/** Router defaults from stack config (`nvr:*`), set by configureStack(). Never serialised: read in the host. */
let defaults: RouterInput = {};
let takeOverUnsaved = false;

/** Reads the stack config keys through `get`; the zod error when they do not validate (defaults unchanged). */
export function configureStack(get: (key: string) => string | undefined): z.ZodError | undefined {
  const port = get("port");
  const keys = Object.keys(stackSchema.shape).filter((k) => k !== "port");
  const raw = Object.fromEntries(
    [...keys.map((k) => [k, get(k)]), ["port", port === undefined ? undefined : Number(port)]].filter(
      ([, v]) => v !== undefined,
    ),
  );
  const parsed = stackSchema.safeParse(raw);
  if (!parsed.success) return parsed.error;
  const { takeOverUnsaved: takeOver, ...router } = parsed.data;
  defaults = router;
  takeOverUnsaved = takeOver === "true";
  return undefined;
}

/** The resource's own `router` fields over the stack-config defaults. */
export function resolve(own: RouterInput): RouterInput {
  const merged: RouterInput = { ...defaults };
  for (const [k, v] of Object.entries(own)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  return merged;
}

export function connectionOf(own: RouterInput): RouterConnection {
  const r = resolve(own);
  if (!r.host)
    throw new Error(
      "router.host is not set: give the resource a `router` input or set stack config nvr:host",
    );
  if (!r.username)
    throw new Error(
      "router.username is not set: give the resource a `router` input or set stack config nvr:username",
    );
  return {
    host: r.host,
    port: r.port,
    username: r.username,
    password: r.password,
    adminPassword: r.adminPassword,
    loginPassword: r.loginPassword,
    hostKey: r.hostKey,
    model: r.model,
    takeOverUnsaved,
    client: "the Pulumi provider",
  };
}

/**
 * What outputs keep of the connection: the resource's own fields (credentials included, stored as a
 * Pulumi secret so destroy can log in) plus the resolved target, but no stack-config credentials
 * (those are read from config at call time, so rotating them needs no update).
 */
export function storedRouter(own: RouterInput): RouterInput {
  const r = resolve(own);
  return JSON.parse(
    JSON.stringify({ ...own, host: r.host, port: r.port ?? 22, model: r.model }),
  ) as RouterInput;
}
