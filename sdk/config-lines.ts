import type * as pulumi from "@pulumi/pulumi";
import { ConfigLines as kind } from "../provider/resources/config-lines";
import { type CommonArgs, NvrResource } from "./resource";

export interface ConfigLinesArgs extends CommonArgs {
  /** `pp 1`, `pp anonymous` or `tunnel 2` for lines inside that block; absent for top-level lines. */
  context?: pulumi.Input<string>;
  /** Lines exactly as the router prints them (no `no` forms, no `pp select` / `tunnel select`), none with a secret. */
  lines?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Lines that carry a secret (`pp auth myname USER PASSWORD`, `ipsec ike pre-shared-key N text KEY`, `set NAME=...`):
   * a Pulumi secret, `********` in `commands`, previews and logs. Build them from stack config, e.g.
   * `pulumi.interpolate` over `config.requireSecret(...)`.
   */
  secretLines?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Router lines no typed resource models, owned as they are: read and shown as drift line by line, taken over with
 * `adopt: true` (as `nvr import` writes them) and written back on delete. It refuses a line a typed resource
 * expresses (an `ip filter`, a route, ...). Any change replaces the resource, deleting first.
 */
export class ConfigLines extends NvrResource {
  /** The block the lines are in; absent at the top level. */
  declare readonly context: pulumi.Output<string | undefined>;
  /** The lines without a secret, in the router's order. */
  declare readonly lines: pulumi.Output<string[]>;
  constructor(name: string, args: ConfigLinesArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, { deleteBeforeReplace: true, ...opts });
  }
}
