/** Application control by DPI (CR ch. 52): the switch, IPv4/IPv6 DPI filters, application groups and their use on
 * interfaces. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, hasFeature, inSection, perLink, type Spec } from "../spec";
import { fail, integer, MAX_ID } from "../values";
import { ipv4FilterAddress, ipv6FilterAddress } from "./filters";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.IP_FILTER_DYNAMIC, 50 + item);
const ACTIONS = ["pass", "reject", "pass-log", "pass-nolog", "reject-log", "reject-nolog"] as const;
/** DPI filter numbers and group IDs (CR §52.2-52.5). */
const NUMBER = `<int:1-${MAX_ID}>`;

/** An application or category mnemonic (`ftp_data`, `@game`) as `show dpi application|category` lists them. */
const MNEMONIC = /^@?[A-Za-z0-9_-]{1,64}$/;

/** The last argument of a DPI filter (CR §52.2): a group ID, or up to 10 mnemonics joined by commas, or `*`. */
export function dpiApplications(text: string): string {
  if (/^\d+$/.test(text)) return String(integer(text, 1, MAX_ID));
  if (text === "*") return text;
  const items = text.split(",");
  if (items.length > 10) fail("parameters");
  if (!items.every((item) => MNEMONIC.test(item))) fail("illegal-keyword");
  return text;
}

/** `ip|ipv6 dpi filter N ACTION SRC[/MASK] [DST[/MASK] [APPLICATIONS|GROUP]]` (CR §52.2-52.3). */
function dpiFilter(family: "ip" | "ipv6", item: number): Spec {
  const address = family === "ip" ? ipv4FilterAddress : ipv6FilterAddress;
  return {
    head: `${family} dpi filter`,
    scope: "global",
    key: (r) => [String(r.int(1, MAX_ID))],
    args: (r: Reader, env: Env) => {
      r.kw(ACTIONS);
      r.replace((v) => address(v, env, "dpi"));
      if (r.remaining > 0) r.replace((v) => address(v, env, "dpi"));
      if (r.remaining > 0) r.replace(dpiApplications);
      r.end();
    },
    order: at(item),
  };
}

/** `mapping=PREC:CLASS[,PREC:CLASS...]` of the precedence form (CR §26.2): precedence 0..7, class 1..16. */
export function precedenceMapping(text: string): string {
  const pairs = /^mapping=(.+)$/.exec(text)?.[1].split(",") ?? fail("illegal-keyword");
  for (const pair of pairs) {
    const [precedence, queueClass, extra] = pair.split(":");
    if (queueClass === undefined || extra !== undefined) fail("illegal-keyword");
    integer(precedence, 0, 7);
    integer(queueClass, 1, 16);
  }
  return text;
}

/**
 * The DPI forms of `queue class filter` (CR §26.2) (models with DPI, ch. 52): `CLASS ip|ipv6 dpi SRC [DST [APPLICATIONS|GROUP]]`, or
 * `precedence [mapping=...] [cos=...]` in place of CLASS; the addresses as `ip|ipv6 dpi filter` takes them.
 */
function dpiClassFilter(r: Reader, env: Env): void {
  if (r.peek() === "precedence") {
    r.next();
    if (r.peek()?.startsWith("mapping=")) r.replace(precedenceMapping);
    if (r.peek()?.startsWith("cos="))
      r.replace((v) => (v === "cos=precedence" ? v : `cos=${integer(v.slice(4), 0, 7)}`));
  } else r.replace((v) => String(integer(v, 1, 16)));
  const family = r.kw(["ip", "ipv6"]);
  r.kw(["dpi"]);
  if (!hasFeature(env.model, "dpi")) fail("illegal-keyword");
  const address = family === "ip" ? ipv4FilterAddress : ipv6FilterAddress;
  r.replace((v) => address(v, env, "dpi"));
  if (r.remaining > 0) r.replace((v) => address(v, env, "dpi"));
  if (r.remaining > 0) r.replace(dpiApplications);
  r.end();
}

/** `queue class filter` arguments: the DPI forms here, the others read by `addressForms`. */
export function orDpiClassFilter(addressForms: Spec["args"]): Spec["args"] {
  return (r, env) => {
    const words = r.pending().map((t) => t.value);
    const family = words.findIndex((w) => w === "ip" || w === "ipv6");
    if (family >= 0 && words[family + 1] === "dpi") dpiClassFilter(r, env);
    else addressForms(r, env);
  };
}

export const dpi: Family = {
  feature: "dpi",
  specs: [
    command("dpi use", "on|off [reject]", at(0)),
    dpiFilter("ip", 1),
    dpiFilter("ipv6", 2),
    {
      // §52.5: an optional name of up to 32 letters, digits, `-` and `_`, then 1 to 128 mnemonics.
      head: "dpi group set",
      scope: "global",
      key: (r) => [String(r.int(1, MAX_ID))],
      args: (r) => {
        if (r.peek()?.startsWith("name="))
          r.replace((v) => (/^name=[A-Za-z0-9_-]{1,32}$/.test(v) ? v : fail("illegal-keyword")));
        if (r.remaining === 0 || r.remaining > 128) fail("parameters");
        // The §8.1.7 example joins them with commas too [U: both taken].
        while (r.remaining > 0)
          r.replace((v) => (v.split(",").every((m) => MNEMONIC.test(m)) ? v : fail("illegal-keyword")));
      },
      order: at(3),
    },
    command("dpi signature download url", "<url>", at(4)),
    command("dpi log", "on|off", at(5)),
    command("dpi signature directory", "<path:99>", at(6)),
    // §52.4: up to 128 filter numbers per direction.
    ...perLink("ip", "dpi filter", `${NUMBER}...128`, { iface: 12.7, pp: 24.7, tunnel: 41.7 }, "in|out"),
    ...perLink("ipv6", "dpi filter", `${NUMBER}...128`, { iface: 22.7, pp: 24.8, tunnel: 41.8 }, "in|out"),
  ],
};
