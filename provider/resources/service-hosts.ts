/**
 * ServiceHosts: who may reach the router's own servers — `sshd host`, `telnetd host`, `httpd host`, `sftpd host` —
 * and whether `sshd service`, `telnetd service`, `httpd service` run. Identity "service hosts" (one per router).
 * The settings always exist, so create takes them over and delete writes back what it replaced. A plan that
 * changes any of them is applied commit-confirmed (provider/apply/confirmed.ts): they can cut the management path.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { ReadError } from "../errors";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, findLines, foundOnly, line } from "./lines";
import { parseSpan } from "./net";

/** Interfaces a host list may name: lanN, lanN/M (tag VLAN), wan1, bridgeN, vlanN (CR §4.40, §24.13). */
export const ACCESS_INTERFACE = /^(lan[1-9]\d*(\/[1-9]\d*)?|wan1|bridge[1-9]\d*|vlan[1-9]\d*)$/;

/**
 * Who may reach a router server (`telnetd host`, `sshd host`, `dns host`, ...; CR §4.40, §24.13): any, none or lan
 * alone, or interfaces, IPv4 addresses and ranges FIRST-LAST.
 */
export const accessHosts = z
  .array(
    z
      .string()
      .refine(
        (s) => ["any", "none", "lan"].includes(s) || ACCESS_INTERFACE.test(s) || parseSpan(s) !== undefined,
        "must be any, none, lan, an interface such as lan1, an IPv4 address or a range FIRST-LAST",
      ),
  )
  .min(1, "must list at least one host")
  .superRefine((list, ctx) => {
    const alone = list.find((h) => ["any", "none", "lan"].includes(h));
    if (alone && list.length > 1) ctx.addIssue({ code: "custom", message: `${alone} stands alone` });
  });

const SERVERS = ["sshd", "telnetd", "httpd", "sftpd"] as const;
type Server = (typeof SERVERS)[number];
/** Servers with an on/off switch (`sftpd` runs with sshd; CR §4.38, ch. 33). */
const SWITCHED: readonly Server[] = ["sshd", "telnetd", "httpd"];

const server = z.object({ host: accessHosts.optional(), service: z.boolean().optional() }).strict();

const shape = z
  .object({
    /** `sshd host` / `sshd service`. */
    sshd: server.optional(),
    /** `telnetd host` / `telnetd service`. */
    telnetd: server.optional(),
    /** `httpd host` / `httpd service`: the web GUI. */
    httpd: server.optional(),
    /** `sftpd host` (no service switch). */
    sftpd: z.object({ host: accessHosts.optional() }).strict().optional(),
  })
  .strict();

export type ServiceHostsModel = z.output<typeof shape>;

function lines(m: ServiceHostsModel): Line[] {
  return SERVERS.flatMap((name) => {
    const s: { host?: string[]; service?: boolean } | undefined = m[name];
    return [
      ...(s?.service === undefined ? [] : [line(GLOBAL, `${name} service ${s.service ? "on" : "off"}`)]),
      ...(s?.host === undefined ? [] : [line(GLOBAL, `${name} host ${s.host.join(" ")}`)]),
    ];
  });
}

function owned(config: ConfigIndex): Line[] {
  const keyed = (key: string) => findLines(config, key).filter((l) => l.key === key);
  return SERVERS.flatMap((name) => [
    ...(SWITCHED.includes(name) ? keyed(`${name} service`) : []),
    ...keyed(`${name} host`),
  ]);
}

function parse(owned: Line[]): unknown {
  const model: Record<string, Record<string, unknown>> = {};
  for (const l of owned) {
    const [name, setting, ...args] = l.text.split(" ");
    const s = (model[name] ??= {});
    if (setting === "host") s.host = args;
    else if (args[0] === "on" || args[0] === "off") s.service = args[0] === "on";
    else throw new ReadError(l.text, "only on|off is modelled");
  }
  return model;
}

export const ServiceHosts = defineKind<ServiceHostsModel, z.input<typeof shape>>({
  kind: "ServiceHosts",
  shape,
  rules() {},
  identity: () => "service hosts",
  ...alwaysPresent("enable"),
  lines,
  owned,
  parse,
});

/** ServiceHosts' one object, when the config holds a line of one of its servers. */
export const serviceHostsIdentities = (config: ConfigIndex): Found =>
  foundOnly(SERVERS.some((s) => config.find([s]).length > 0) ? ["service hosts"] : []);
