import type * as pulumi from "@pulumi/pulumi";
import { Syslog as kind } from "../provider/resources/syslog";
import { type CommonArgs, NvrResource } from "./resource";

export interface SyslogArgs extends CommonArgs {
  /** Hosts that receive the log (`syslog host`, one line each): IPv4/IPv6 addresses or host names, at most 4. Default none. */
  hosts?: pulumi.Input<pulumi.Input<string>[]>;
  /** `syslog facility`: 0..23, "user" or "local0".."local7". */
  facility?: pulumi.Input<
    number | "user" | "local0" | "local1" | "local2" | "local3" | "local4" | "local5" | "local6" | "local7"
  >;
  /** `syslog notice on|off`. */
  notice?: pulumi.Input<boolean>;
  /** `syslog info on|off`. */
  info?: pulumi.Input<boolean>;
  /** `syslog debug on|off` (many messages: give the hosts disk space). */
  debug?: pulumi.Input<boolean>;
}

/**
 * The router's logging (one per router). The settings always exist: create takes over the lines and records them
 * (`prior`), delete writes them back. Every `syslog host` line is this resource's.
 */
export class Syslog extends NvrResource {
  constructor(name: string, args: SyslogArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
