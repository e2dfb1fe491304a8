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
   * `stored` is the resource's state as Pulumi keeps it (`StoredState`): a table (StaticRoutes) owns the entries it
   * lists there; the other kinds go by identity alone and ignore it.
   */
  read(config: ConfigIndex, identity: string, stored?: StoredState): Model | undefined;
  /**
   * The lines to send to go from the router's current config to `desired` (undefined = delete), given the state
   * this resource recorded before (`prior`, e.g. the lines an adopted interface replaced). Only changed lines:
   * `no` forms plus new lines, in a safe order (unbind before delete, and so on).
   * A delete has no model to name its object, so it needs `identity` (the Pulumi id); updates ignore it. Updates
   * and deletes pass the resource's state as `stored` (see `read`).
   */
  plan(
    config: ConfigIndex,
    desired: Model | undefined,
    prior?: unknown,
    identity?: string,
    stored?: StoredState,
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
  /** How state keeps the model when not as its JSON (a table's entries as their lines); absent: as its JSON. */
  readonly stateForm?: StateForm<Model>;
}

/**
 * What creating `model` sends against `config`, and what it takes over (recorded as `prior`, restored on delete);
 * or, when the router already has lines of it and the resource neither adopts them nor always exists, those lines
 * (create refuses). Create, its preview and a batch's judgement of whether an announced create will write share it.
 */
export function planCreate<Model>(
  kind: ResourceKind<Model>,
  config: ConfigIndex,
  model: Model,
  adopt: boolean,
): { lines: ContextCommand[]; prior: Prior | undefined } | { conflicts: ConfigLine[] } {
  const conflicts = kind.conflicts(config, model);
  if (conflicts.length > 0 && !adopt && !kind.alwaysExists) return { conflicts };
  const prior = conflicts.length > 0 ? kind.prior(config, model) : undefined;
  return { lines: kind.plan(config, model, prior), prior };
}

/**
 * A resource's properties as Pulumi state holds them (its model's fields, in its `StateForm` when it has one, or as
 * an earlier version wrote them). State can be edited by hand: what a kind takes from it is checked before use.
 */
export type StoredState = Readonly<Record<string, unknown>>;

/**
 * A compact state form, for a kind whose model can hold thousands of entries (StaticRoutes: 10,000 routes). Pulumi
 * copies every property through a protobuf Struct on each call, where an entry object costs kilobytes and a line of
 * a string costs its characters, and it shows a change to a multi-line string line by line. The form lists the
 * model's router lines itself, so state keeps no separate `commands`.
 */
export interface StateForm<Model> {
  /** The model's properties as state keeps them. */
  toState(model: Model): Record<string, unknown>;
  /** Whether `props` are in this form (not a program's inputs or state written before the form existed). */
  inState(props: StoredState): boolean;
  /** Properties in this form back to inputs `schema` takes; throws naming the property it cannot read. */
  fromState(props: StoredState): Record<string, unknown>;
  /**
   * `read` into this form, given the resource's state: what refresh keeps. A kind with thousands of entries reads
   * each one the router still prints as state has it without running it through its reader again.
   */
  readState(config: ConfigIndex, identity: string, stored: StoredState): Record<string, unknown> | undefined;
  /**
   * The identities of other kinds' objects that the resource's state lists as its own (a table's routes,
   * `ip route N`): a delete of one of those objects in the same run leaves its line to this resource.
   */
  owns(stored: StoredState): string[];
}
