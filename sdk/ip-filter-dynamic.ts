import type * as pulumi from "@pulumi/pulumi";
import { type DYNAMIC_PROTOCOLS, IpFilterDynamic as kind } from "../provider/resources/ip-filter-dynamic";
import type { FilterListInput } from "./ip-filter";
import { type CommonArgs, NvrResource } from "./resource";

export interface IpFilterDynamicArgs extends CommonArgs {
  /** Dynamic filter number, 1..21474836 (the model's `id`). Changing it replaces the filter. */
  filter: pulumi.Input<number>;
  /** Source addresses, as `IpFilter.source`. */
  source: FilterListInput;
  /** Destination addresses, as `IpFilter.source`. */
  destination: FilterListInput;
  /** The application the router inspects (`www`, `ftp`, `domain`, `tcp`, `udp`, ...). Give this or `trigger`. */
  protocol?: pulumi.Input<(typeof DYNAMIC_PROTOCOLS)[number]>;
  /** Static filters whose connections trigger this one (`filter LIST`). Give this or `protocol`. */
  trigger?: pulumi.Input<pulumi.Input<number>[]>;
  /** With `trigger`: static filters for connections in the reverse direction (`in LIST`). */
  in?: pulumi.Input<pulumi.Input<number>[]>;
  /** With `trigger`: static filters for further connections in the trigger's direction (`out LIST`). */
  out?: pulumi.Input<pulumi.Input<number>[]>;
  /** Log each connection (`syslog=on`, the router's default when absent) or not. */
  syslog?: pulumi.Input<boolean>;
  /** Seconds without data before the connection is released (`timeout=S`). */
  timeout?: pulumi.Input<number>;
}

/**
 * A dynamic filter (CR §8.1.14): `ip filter dynamic N SRC DST PROTOCOL [options]`, or with `trigger`
 * `ip filter dynamic N SRC DST filter LIST [in LIST] [out LIST] [options]`. Apply it with `SecureFilter`'s
 * `dynamic` lists.
 */
export class IpFilterDynamic extends NvrResource {
  /** Dynamic filter number. */
  declare readonly filter: pulumi.Output<number>;
  constructor(name: string, args: IpFilterDynamicArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
