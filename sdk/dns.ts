import type * as pulumi from "@pulumi/pulumi";
import { Dns as kind } from "../provider/resources/dns";
import { type CommonArgs, NvrResource } from "./resource";

/** A `dns server select ID SERVER [SERVER2] [TYPE] QUERY [SENDER] [restrict pp N]` rule (server-address form). */
export interface DnsSelectArgs {
  /** Rule number, 1..65535; rules are listed by it. */
  id: pulumi.Input<number>;
  /** One or two DNS servers (IPv4 or IPv6) for queries the rule matches. */
  servers: pulumi.Input<pulumi.Input<string>[]>;
  /** Record type matched: a (the router's default), aaaa, ptr, mx, ns, cname or any. */
  recordType?: pulumi.Input<"a" | "aaaa" | "ptr" | "mx" | "ns" | "cname" | "any">;
  /** A domain suffix such as "example.jp" (`.` for every name), or for ptr an address[/length]. */
  query: pulumi.Input<string>;
  /** Only queries from these senders: an IPv4 address or a range FIRST-LAST. */
  originalSender?: pulumi.Input<string>;
  /** Only while pp N is connected. */
  restrictPp?: pulumi.Input<number>;
}

/** A static record: `dns static TYPE NAME VALUE [ttl=TTL]`. */
export interface DnsStaticArgs {
  type: pulumi.Input<"a" | "aaaa" | "ptr" | "mx" | "ns" | "cname">;
  /** An FQDN; for ptr the IPv4 address. */
  name: pulumi.Input<string>;
  /** An IPv4 address for a, IPv6 for aaaa, an FQDN otherwise. */
  value: pulumi.Input<string>;
  /** Seconds, 1..4294967295. */
  ttl?: pulumi.Input<number>;
}

export interface DnsArgs extends CommonArgs {
  /** `dns service recursive|off`. */
  service?: pulumi.Input<"recursive" | "off">;
  /** `dns service fallback on|off`: IPv6 first everywhere. */
  fallback?: pulumi.Input<boolean>;
  /** `dns host`: who may query the router — "any", "none", "lan", interfaces (lan1, lan1/1, bridge1, ...), addresses or ranges. */
  hosts?: pulumi.Input<pulumi.Input<string>[]>;
  /** `dns server`: up to four upstream servers, IPv4 or IPv6. */
  servers?: pulumi.Input<pulumi.Input<string>[]>;
  /** `dns server dhcp IF`: use the servers a DHCP server hands this interface, e.g. "lan2". */
  serverDhcp?: pulumi.Input<string>;
  /** `dns server pp N`: use the servers pp N learns from the provider. */
  serverPp?: pulumi.Input<number>;
  /** `dns domain`: the router's domain ("." for none). */
  domain?: pulumi.Input<string>;
  /** `dns server select` rules. */
  selects?: pulumi.Input<pulumi.Input<DnsSelectArgs>[]>;
  /** `dns static` records. */
  statics?: pulumi.Input<pulumi.Input<DnsStaticArgs>[]>;
  /** `dns private address spoof on|off`: answer PTR queries for private addresses with NXDomain itself. */
  privateAddressSpoof?: pulumi.Input<boolean>;
  /** `dns private name`: the name the router answers with its own address (NVR: "setup.netvolante.jp"). */
  privateName?: pulumi.Input<string>;
}

/**
 * The router's DNS relay settings (one per router). They always exist, so create takes over the lines it sets and
 * records them (`prior`); delete writes them back. Absent properties write no line.
 */
export class Dns extends NvrResource {
  constructor(name: string, args: DnsArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
