import type * as pulumi from "@pulumi/pulumi";
import { StaticRoute as kind } from "../provider/resources/static-route";
import { type CommonArgs, NvrResource } from "./resource";

/** One gateway of a route with its options. */
export interface RouteGatewayArgs {
  /** An IPv4 address, `pp N`, `pp anonymous`, `tunnel N`, `dhcp lanN`, `loopbackN` or `null`. */
  gateway: pulumi.Input<string>;
  /** Metric 1..15. */
  metric?: pulumi.Input<number>;
  /** Use this gateway only while its interface is up (`hide`); default false. */
  hide?: pulumi.Input<boolean>;
  /** Load-balancing weight, 0..2147483647. */
  weight?: pulumi.Input<number>;
  /** A filter-type route: use this gateway for packets these `ip filter` numbers (1..21474836) pass. */
  filters?: pulumi.Input<pulumi.Input<number>[]>;
  /** Use this gateway only while `ip keepalive N` reaches it (1..100). */
  keepalive?: pulumi.Input<number>;
}

export interface StaticRouteArgs extends CommonArgs {
  /** Destination: "default", an address (a /32 host route) or a network such as "192.168.253.0/24". Changing it replaces the route. */
  network: pulumi.Input<string>;
  /** Gateways, as a plain gateway string or with options. */
  gateways: pulumi.Input<pulumi.Input<string | RouteGatewayArgs>[]>;
}

/** A static route: `ip route NETWORK gateway ...`. */
export class StaticRoute extends NvrResource {
  /** Destination as the router prints it ("192.168.253.240/32", "default", ...). */
  declare readonly network: pulumi.Output<string>;
  constructor(name: string, args: StaticRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
