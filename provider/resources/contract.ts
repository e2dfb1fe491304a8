/**
 * The shape every resource file in this folder has (one file per resource: schema, block, read, diff),
 * so a reader finds a resource's whole story in one place and the SDK and provider treat them alike.
 *
 * Data flow: raw Pulumi inputs → `schema` (zod, errors name the property) → model → `commands` (the NVR block)
 * → `plan` against the parsed router config → the session layer sends the plan transactionally.
 */
import type { z } from "zod";
import type { ConfigLine, ContextCommand } from "../config/model";
import type { ConfigIndex } from "../config/index";

export type { CheckFailure } from "../errors";

/**
 * What a resource recorded at create: the lines it took over (`ResourceKind.prior`), as script lines.
 * The provider stores it and passes it back to `plan` on delete;
 * `plan` accepts it as `unknown` (it comes back from Pulumi state) and ignores anything not a string list.
 */
export type Prior = readonly string[];

/**
 * Where a kind goes in a batch of operations on one router: "define" an object (a descriptor, a route, a scope),
 * "enable" a router-wide service, "bind" on an interface (a LAN, pp anonymous). A batch creates and updates in
 * that order and deletes in the reverse one, so the router never binds what is not yet defined and resources need
 * no `dependsOn` for it: what the engine sends at once lands in one batch, covered by one save.
 */
export const STAGES = ["define", "enable", "bind"] as const;
export type Stage = (typeof STAGES)[number];

export interface ResourceKind<Model, Input = unknown> {
  /** The Pulumi type name, e.g. "NatDescriptor". */
  readonly kind: string;
  /**
   * The inputs' structure alone (no cross-field rules): its input type is what the SDK's argument types are
   * checked against at compile time (sdk/inputs-match.ts), so the two cannot drift apart.
   */
  readonly shape: z.ZodType<Model, z.ZodTypeDef, Input>;
  /**
   * Validates raw inputs into the model; every issue names its property. Pure: never opens a connection.
   * The output is the normal form `read` returns (defaults filled in, lists sorted as the router prints them).
   */
  readonly schema: z.ZodType<Model, z.ZodTypeDef, unknown>;
  /** The router object this model owns, e.g. "nat descriptor 30", "ip route 192.168.253.240/32", "lan1". Becomes the Pulumi id. */
  identity(model: Model): string;
  readonly stage: Stage;
  /** Input properties whose change replaces the resource (identity only). */
  readonly replaceOnChange: readonly string[];
  /** Secret-bearing input properties (stored as Pulumi secrets, masked in `commands`). */
  readonly secretProperties: readonly string[];
  /**
   * The command lines that express the model, in the order the router needs them.
   * With `mask`, secrets are printed as `********` (for preview); without, in clear (for apply).
   */
  commands(model: Model, opts: { mask: boolean }): ContextCommand[];
  /**
   * Reads the model back from the router's config, normalised as the router canonicalises; undefined when absent.
   * `stored` is the model the resource's state holds: a table (StaticRoutes) owns the entries it lists there; the
   * other kinds go by identity alone and ignore it.
   */
  read(config: ConfigIndex, identity: string, stored?: Model): Model | undefined;
  /**
   * The lines to send to go from the router's current config to `desired` (undefined = delete), given the state
   * this resource recorded before (`prior`, e.g. the lines an adopted interface replaced). Only changed lines:
   * `no` forms plus new lines, in a safe order (unbind before delete, and so on).
   * A delete has no model to name its object, so it needs `identity` (the Pulumi id); updates ignore it. Updates
   * and deletes pass the model in state as `stored` (see `read`).
   */
  plan(
    config: ConfigIndex,
    desired: Model | undefined,
    prior?: unknown,
    identity?: string,
    stored?: Model,
  ): ContextCommand[];
  /**
   * The router object always exists (a LAN interface, a global switch): create takes it over without `adopt`,
   * records `conflicts` as prior, and delete restores that prior instead of removing the object.
   */
  readonly alwaysExists: boolean;
  /**
   * What create takes over, to record in state and pass back to a delete `plan` so it restores the router as it
   * was: the owned lines present now, as replayable script lines (select lines around block lines).
   */
  prior(config: ConfigIndex, model: Model): Prior;
  /** The router applies this model's lines only after a restart (`nat descriptor backward-compatibility`). */
  appliesOnRestart(model: Model): boolean;
  /** Existing router lines that creating `model` would overwrite (create refuses unless adopt is set). */
  conflicts(config: ConfigIndex, model: Model): ConfigLine[];
}
