/**
 * Syslog: where and what the router logs — `syslog host` (one line per host, at most four), `syslog facility`,
 * `syslog notice`, `syslog info`, `syslog debug`. Identity "syslog" (one per router). The settings always exist, so
 * create takes them over and delete writes back what it replaced. Hosts are all this resource's: a host the model
 * does not list is removed.
 */
import { Validator } from "ip-num";
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, findLines, foundOnly, line } from "./lines";
import { dnsName, isIPv4 } from "./net";

const isIPv6 = (s: string) => Validator.isValidIPv6String(s)[0];

const shape = z
  .object({
    /** Hosts that receive the log: IPv4 or IPv6 addresses or host names, at most four (CR §4.25). */
    hosts: z
      .array(
        z
          .string()
          .refine(
            (s) => isIPv4(s) || isIPv6(s) || (!/^[\d.]+$/.test(s) && dnsName.test(s)),
            "must be an IPv4 or IPv6 address or a host name",
          ),
      )
      .max(4, "must list at most 4 hosts")
      .default([]),
    /** `syslog facility`: 0..23, user or local0..local7 (CR §4.27). */
    facility: z
      .union([
        z.number().int().min(0, "must be 0..23").max(23, "must be 0..23"),
        z.enum(["user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"]),
      ])
      .optional(),
    /** `syslog notice on|off` (CR §4.29). */
    notice: z.boolean().optional(),
    /** `syslog info on|off` (CR §4.30). */
    info: z.boolean().optional(),
    /** `syslog debug on|off` (CR §4.31): a lot of messages. */
    debug: z.boolean().optional(),
  })
  .strict();

export type SyslogModel = z.output<typeof shape>;

const LEVELS = ["notice", "info", "debug"] as const;

function lines(m: SyslogModel): Line[] {
  return [
    ...m.hosts.map((h) => line(GLOBAL, `syslog host ${h}`)),
    ...(m.facility === undefined ? [] : [line(GLOBAL, `syslog facility ${m.facility}`)]),
    ...LEVELS.flatMap((level) => {
      const on = m[level];
      return on === undefined ? [] : [line(GLOBAL, `syslog ${level} ${on ? "on" : "off"}`)];
    }),
  ];
}

function owned(config: ConfigIndex): Line[] {
  const keyed = (key: string) => findLines(config, key).filter((l) => l.key === key);
  return [
    ...findLines(config, "syslog host"),
    ...keyed("syslog facility"),
    ...LEVELS.flatMap((l) => keyed(`syslog ${l}`)),
  ];
}

function parse(owned: Line[]): unknown {
  const model: Record<string, unknown> = { hosts: [] };
  for (const l of owned) {
    const [, setting, ...args] = l.text.split(" ");
    if (setting === "host") {
      if (args.length !== 1) throw new ReadError(l.text, "one host per line is modelled");
      (model.hosts as string[]).push(args[0]);
    } else if (setting === "facility") model.facility = /^\d+$/.test(args[0]) ? Number(args[0]) : args[0];
    else if (args[0] === "on" || args[0] === "off") model[setting] = args[0] === "on";
    else throw new ReadError(l.text, "only on|off is modelled");
  }
  return model;
}

export const Syslog = defineKind<SyslogModel, z.input<typeof shape>>({
  kind: "Syslog",
  shape,
  rules(m, fail) {
    m.hosts.forEach((h, i) => {
      if (m.hosts.indexOf(h) < i) fail(["hosts", i], `duplicate host ${h}`);
    });
  },
  identity: () => "syslog",
  ...alwaysPresent("enable"),
  lines,
  owned,
  parse,
});

/** Syslog's one object, when the config holds a `syslog` line. */
export const syslogIdentities = (config: ConfigIndex): Found =>
  foundOnly(config.find(["syslog"]).length > 0 ? ["syslog"] : []);
