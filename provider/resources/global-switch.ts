/**
 * GlobalSwitch: one router-wide line several resources rely on (`dhcp service server`, `l2tp service on`,
 * `ipsec auto refresh on`, ...), owned by its own resource so deleting a scope or the L2TP pool never removes
 * a line something else still needs. Identity is the setting, e.g. "l2tp service". Delete writes back the
 * line it replaced (prior), or removes it when there was none.
 */
import { z } from "zod";
import type { ConfigIndex } from "../config/index";
import { GLOBAL } from "../config/model";
import { alwaysPresent, defineKind } from "./kind";
import { type Found, type Line, type SourceLine, findLines, foundOnly, keyOf, line, sourceOf } from "./lines";

/** The RFC 2131 functions `dhcp server rfc2131 compliant` switches one by one (CR §12.1.2). */
const RFC2131 = "(broadcast-nak|none-domain-null|remain-silent|reply-ack|use-clientid)";

/** The switches this resource may own, with the values each takes. */
export const GLOBAL_SWITCHES = {
  "dhcp service": /^(server|relay)$/, // CR §12.1.1
  // on, off, or functions (with `except`: all but them)
  "dhcp server rfc2131 compliant": new RegExp(`^(on|off|(except )?${RFC2131}( ${RFC2131})*)$`),
  /** Takes effect only after a restart (the router restarts only with the resource's `restartToApply` opt-in). */
  "nat descriptor backward-compatibility": /^[123]$/, // CR §23.1
  "l2tp service": /^(on|off)( l2tp)?( l2tpv3)?$/, // CR §16.1
  "ipsec auto refresh": /^(on|off)$/, // CR §15
  "statistics traffic": /^(on|off)$/, // CR §51.1
  "dashboard accumulate traffic": /^(on|off)$/, // CR §55.1
} as const;

export type GlobalSwitchName = keyof typeof GLOBAL_SWITCHES;

/** Switches whose new value the router applies only after `restart`. */
export const RESTART_REQUIRED: readonly GlobalSwitchName[] = ["nat descriptor backward-compatibility"];

const names = Object.keys(GLOBAL_SWITCHES) as [GlobalSwitchName, ...GlobalSwitchName[]];

const shape = z
  .object({
    setting: z.enum(names),
    value: z.union([z.string(), z.number().transform(String)]),
  })
  .strict();

export type GlobalSwitchModel = z.output<typeof shape>;

function owned(config: ConfigIndex, identity: string): Line[] {
  // `ipsec auto refresh GW on` is a per-gateway line with a longer key: not this switch.
  return findLines(config, identity).filter((l) => l.key === identity);
}

/** A switch's line read: its value as written and as words (`on l2tp`), with the source line. */
export interface GlobalSwitchLine {
  setting: GlobalSwitchName;
  value: string;
  words: string[];
  line: number;
}

/** The one reader of a switch line, for GlobalSwitch's read and the analyses; undefined for any other line. */
export function readGlobalSwitchLine({ tokens, line }: SourceLine): GlobalSwitchLine | undefined {
  const setting = names.find((n) => n === keyOf(tokens));
  if (setting === undefined) return undefined;
  const words = tokens.slice(setting.split(" ").length);
  return { setting, value: words.join(" "), words, line };
}

/** The switch as the config sets it: the last of its lines (re-entering a switch overwrites it), or undefined. */
export function readGlobalSwitch(
  config: ConfigIndex,
  setting: GlobalSwitchName,
): GlobalSwitchLine | undefined {
  return owned(config, setting)
    .flatMap((l) => readGlobalSwitchLine(sourceOf(l)) ?? [])
    .pop();
}

export const GlobalSwitch = defineKind<GlobalSwitchModel, z.input<typeof shape>>({
  kind: "GlobalSwitch",
  shape,
  rules(m, fail) {
    const values = GLOBAL_SWITCHES[m.setting];
    if (!values.test(m.value))
      fail(["value"], `${JSON.stringify(m.value)} is not a value of ${m.setting} (${values.source})`);
  },
  identity: (m) => m.setting,
  ...alwaysPresent("enable", ["setting"]),
  appliesOnRestart: (m) => RESTART_REQUIRED.includes(m.setting),
  lines: (m) => [line(GLOBAL, `${m.setting} ${m.value}`)],
  owned,
  parse: (_owned, identity, config) => {
    const read = readGlobalSwitch(config, identity as GlobalSwitchName);
    return read && { setting: read.setting, value: read.value };
  },
});

/** The switches a config sets (GlobalSwitch's objects, named by their command). */
export const globalSwitchIdentities = (config: ConfigIndex): Found =>
  foundOnly(
    Object.keys(GLOBAL_SWITCHES).filter((s) => config.find(s.split(" ")).some((l) => keyOf(l.tokens) === s)),
  );
