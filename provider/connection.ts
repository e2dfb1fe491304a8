/**
 * How the provider reaches a router: the `router` input a resource may give, the stack config `nvr:*` defaults
 * under it, and the session layer's connection made from both. Credentials come from stack config at call time, so
 * rotating them needs no update; a resource stores only its own fields and the resolved target.
 */
import { z } from "zod";
import { typedTextProblem } from "./resources/lines";
import { isRouterModel, ROUTER_MODELS } from "./resources/models";
import { AuthError, ConnectionLostError, HostKeyError } from "./errors";
import { type RouterConnection, routerAddress, sshPort } from "./session";

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

const trueOrFalse = z.enum(["true", "false"], { message: "must be true or false" }).optional();

/**
 * Stack config: the router defaults, whether to take over others' unsaved changes (`nvr:takeOverUnsaved`), and how
 * to know the router's host key besides the `nvr:hostKey` pin: a known_hosts file (`nvr:knownHosts`), or trust on
 * first use (`nvr:trustOnFirstUse`, only when set to true; the key seen is reported so it can be pinned).
 */
const stackSchema = routerSchema.extend({
  takeOverUnsaved: trueOrFalse,
  knownHosts: z.string().min(1).optional(),
  trustOnFirstUse: trueOrFalse,
});

/** Router defaults from stack config (`nvr:*`), set by configureStack(). Never serialised: read in the host. */
let defaults: RouterInput = {};
let takeOverUnsaved = false;
let hostKeys: { knownHostsFile?: string; trustOnFirstUse: boolean } = { trustOnFirstUse: false };

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
  const { takeOverUnsaved: takeOver, knownHosts, trustOnFirstUse, ...router } = parsed.data;
  defaults = router;
  takeOverUnsaved = takeOver === "true";
  hostKeys = { knownHostsFile: knownHosts, trustOnFirstUse: trustOnFirstUse === "true" };
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
    // A pin decides alone; without one, the known_hosts file, then trust on first use if asked for.
    ...(r.hostKey === undefined ? hostKeys : {}),
    model: r.model,
    takeOverUnsaved,
    client: "the Pulumi provider",
  };
}

/** Where a router setting comes from: the stack config key, and the resource input that overrides it. */
function keyOf(field: keyof RouterInput): string {
  return `nvr:${field} (or the resource's router.${field})`;
}

/**
 * A failure to reach or log in to a router, told as what to set: the config key that fixes it. Undefined for any
 * other error (a refused command, a lost connection mid-batch), which says what happened already.
 */
export function connectionProblem(e: unknown, conn: RouterConnection): string | undefined {
  const where = routerAddress(conn);
  if (e instanceof HostKeyError) {
    const pin = `pulumi config set nvr:hostKey ${e.presented}`;
    if (e.expected === undefined)
      return `${where} presented the host key ${e.presented}, which is not known: pin it (\`${pin}\`), set nvr:knownHosts to a known_hosts file that lists it, or set nvr:trustOnFirstUse to true`;
    return `${where} presented the host key ${e.presented}, but ${conn.hostKey !== undefined ? keyOf("hostKey") : "nvr:knownHosts"} expects ${e.expected}; nothing was sent. If the router's key changed on purpose, \`${pin}\``;
  }
  if (e instanceof AuthError) {
    const admin = /administrator/.test(e.message);
    return `${where}: ${e.message.replace(`${e.router}: `, "")}: check ${admin ? keyOf("adminPassword") : `${keyOf("username")} and ${keyOf("password")}`}`;
  }
  if (e instanceof ConnectionLostError && /cannot connect/.test(e.message))
    return `${where} cannot be reached (${e.message.replace(/^.*cannot connect: /, "")}): check ${keyOf("host")} and ${keyOf("port")}`;
  return undefined;
}

/**
 * What outputs keep of the connection: the resource's own fields (credentials included, stored as a
 * Pulumi secret so destroy can log in) plus the resolved target, but no stack-config credentials
 * (those are read from config at call time, so rotating them needs no update).
 */
export function storedRouter(own: RouterInput): RouterInput {
  const r = resolve(own);
  return JSON.parse(
    JSON.stringify({ ...own, host: r.host, port: sshPort(r), model: r.model }),
  ) as RouterInput;
}
