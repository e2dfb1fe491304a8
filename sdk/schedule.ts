import type * as pulumi from "@pulumi/pulumi";
import { Schedule as kind } from "../provider/resources/schedule";
import { type CommonArgs, NvrResource } from "./resource";

export interface ScheduleArgs extends CommonArgs {
  /** The schedule number, `schedule at N` (1..2147483647). Changing it replaces the resource. */
  schedule: pulumi.Input<number>;
  /**
   * MONTH/DAY, e.g. "1/1", "*\/mon-fri", "*\/Wed"; absent: every day. Weekday names are written capitalised, as
   * the router prints them. Events take no date.
   */
  date?: pulumi.Input<string>;
  /** hh:mm[:ss] (hours and minutes may be `*`, lists or ranges), or "startup", "usb-attached", "sd-attached". */
  time: pulumi.Input<string>;
  /** What the command runs on: "*" (default), "pp N", "pp anonymous" or "tunnel N". */
  target?: pulumi.Input<string>;
  /**
   * The command, words separated by single spaces, e.g. "ntpdate ntp.nict.jp syslog". Commands the router refuses
   * in a schedule (save, show, login, ...) and commands that carry a password or key are refused at check.
   */
  command: pulumi.Input<string>;
}

/** A scheduled command: `schedule at N [DATE] TIME TARGET COMMAND` (e.g. the RTX1210 default's nightly ntpdate). */
export class Schedule extends NvrResource {
  constructor(name: string, args: ScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
