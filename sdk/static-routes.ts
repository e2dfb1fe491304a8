import type * as pulumi from "@pulumi/pulumi";
import { StaticRoutes as kind } from "../provider/resources/static-routes";
import { type CommonArgs, NvrResource } from "./resource";
import type { RouteGatewayArgs } from "./static-route";

/** One route of a table: what a `StaticRoute` takes. */
export interface StaticRoutesEntryArgs {
  /** Destination: "default", an address (a /32 host route) or a network such as "192.168.253.0/24". */
  network: pulumi.Input<string>;
  /** Gateways, as a plain gateway string or with options. */
  gateways: pulumi.Input<pulumi.Input<string | RouteGatewayArgs>[]>;
}

export interface StaticRoutesArgs extends CommonArgs {
  /**
   * The table's name, its identity (nothing on the router; letters, digits and `. _ @ + -`, up to 64). Default: the
   * resource's name. Changing it replaces the table.
   */
  name?: pulumi.Input<string>;
  /**
   * The routes, 1 to 10,000, each network once. Entries are diffed one by one: adding a route sends its one line,
   * removing one sends one `no ip route`, changing one rewrites its line in place. A route the router already has
   * belongs to someone else: creating the table refuses it unless `adopt` is set (then delete puts it back as it
   * was), and an update refuses to add it.
   */
  routes: pulumi.Input<pulumi.Input<StaticRoutesEntryArgs>[]>;
}

/**
 * A table of static routes owned as one resource: many `ip route NETWORK gateway ...` lines (an OverlapSafeVpn's
 * host routes, a site's prefixes) in one engine operation and one plan, for stacks where one `StaticRoute` per
 * line would mean thousands of resources.
 */
export class StaticRoutes extends NvrResource {
  /**
   * The routes as the router holds them: one `ip route` line per text line, sorted by network as the router prints
   * them (also what `pulumi preview --diff` shows: an added route is one `+` line). State keeps them so, which is
   * what lets a table of 10,000 routes refresh in bounded memory.
   */
  declare readonly routes: pulumi.Output<string>;
  constructor(name: string, args: StaticRoutesArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args, name: args.name ?? name }, opts);
  }
}
