import type * as pulumi from "@pulumi/pulumi";
import { type FilterAction, IpFilter as kind } from "../provider/resources/ip-filter";
import { type CommonArgs, NvrResource } from "./resource";

/** A comma list as the router writes it (`"10.0.0.1,10.0.0.5-10.0.0.9"`) or its items as a list. */
export type FilterListInput = pulumi.Input<string | pulumi.Input<string>[]>;

export interface IpFilterArgs extends CommonArgs {
  /** Filter number, 1..21474836 (the model's `id`; Pulumi reserves that name). Changing it replaces the filter. */
  filter: pulumi.Input<number>;
  /**
   * `pass`, `reject` or `restrict` (pass while the line is up, drop otherwise), each also with `-log` or `-nolog`;
   * without a suffix reject and restrict log, pass does not.
   */
  action: pulumi.Input<FilterAction>;
  /**
   * Source addresses: `*`, or a list of addresses (`192.168.*.*` for any value of an octet), ranges (`a-b`, `a-`,
   * `-b`), networks (`192.168.0.0/24`, `/255.255.255.0` or `/0xffffff00`), host names (`*.example.jp` by suffix),
   * `@application` names, `map-e` or `hb46pp`.
   */
  source: FilterListInput;
  /** Destination addresses, as `source`. Absent: the router's `*`. */
  destination?: FilterListInput;
  /**
   * Protocols: `*`, or a list of numbers 0..255, `icmp`, `tcp`, `udp`, `ipv6`, `gre`, `esp`, `ah`, `icmp6`,
   * `icmp-error`, `icmp-info`, `tcpsyn`, `tcpfin`, `tcprst`, `established`, `tcpflag=0xV/0xM`, `tcpflag!=0xV/0xM`.
   */
  protocol?: FilterListInput;
  /**
   * TCP/UDP source ports: `*`, or up to 10 of numbers, mnemonics (`www`, `domain`, `ftp` = 20 and 21, ...) and
   * ranges `a-b`, `a-`, `-b`. With the protocol `icmp` alone: ICMP types 0..255.
   */
  sourcePort?: FilterListInput;
  /** TCP/UDP destination ports, as `sourcePort`. With the protocol `icmp` alone: ICMP codes 0..255. */
  destinationPort?: FilterListInput;
}

/**
 * A static IP filter: `ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]` (CR §8.1.10). Apply it to an
 * interface with `SecureFilter`, or name it in an `IpFilterDynamic` trigger. A field left out before one given is
 * written `*`.
 */
export class IpFilter extends NvrResource {
  /** Filter number. */
  declare readonly filter: pulumi.Output<number>;
  declare readonly action: pulumi.Output<FilterAction>;
  /** Source addresses as the router prints them. */
  declare readonly source: pulumi.Output<string>;
  constructor(name: string, args: IpFilterArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
