/** Mail notification (CR ch. 32): SMTP/POP servers, templates and notification triggers. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Env, type Family, inSection } from "../spec";
import { syntax } from "../syntax";
import { fail } from "../values";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.MAIL, item);
const ID = "<int:1-10>";
/** Interface numbers `*`, `3`, `1-10,12` of the pp/tunnel triggers (§32.6). */
const RANGE = "*|<int-list:1-3000>";

/** `local-part@domain` or `local-part@address` (§32.5). */
const ADDRESS = /^[^\s@,]+@[A-Za-z0-9_.-]+$/;
const HEADERS: Record<string, (value: string) => boolean> = {
  "From:": (v) => ADDRESS.test(v),
  "To:": (v) => v.split(",").every((a) => ADDRESS.test(a)),
  // Free text (quoted when it has blanks): the subject, and an RFC 822 date not parsed here [U].
  "Subject:": (v) => v.length <= 256,
  "Date:": (v) => v.length <= 64,
  "MIME-Version:": (v) => /^\d+\.\d+$/.test(v),
  "Content-Type:": (v) => /^text\/plain(;\s*charset=(us-ascii|iso-2022-jp))?$/i.test(v),
};
const TEMPLATE_OPTIONS = syntax("{notify-log=on/off notify-wait-time=<int:1-86400>}");

/** §32.5 `mail template ID SERVER From:... To:... [HEADER:...] [notify-log=..] [notify-wait-time=..]`, each header
 * once, From and To required. */
function template(r: Reader, env: Env): void {
  r.int(1, 10);
  const seen = new Set<string>();
  while (r.remaining > 0 && !r.peek()?.startsWith("notify-")) {
    const word = r.peek() as string;
    const header = Object.keys(HEADERS).find((h) => word.startsWith(h)) ?? fail("illegal-keyword");
    if (seen.has(header)) fail("parameters");
    if (!HEADERS[header](word.slice(header.length))) fail("illegal-keyword");
    seen.add(header);
    r.next();
  }
  if (!seen.has("From:") || !seen.has("To:")) fail("parameters");
  TEMPLATE_OPTIONS(r, env);
}

export const mail: Family = {
  specs: [
    command("mail server name", "<text:64>", at(0), { key: ID }),
    command(
      "mail server smtp",
      "<host> [port=<int:1-65535>] [smtp-auth <text:64> <secret:text:64> [cram-md5|digest-md5|plain]] [pop-before-smtp] [smtps]",
      at(1),
      { key: ID },
    ),
    command("mail server pop", "<host> [port=<int:1-65535>] pop3|apop <text:64> <secret:text:64>", at(2), {
      key: ID,
    }),
    command("mail server timeout", "<int:1-600>", at(3), { key: ID }),
    { ...command("mail template", "", at(4), { key: ID }), args: template },
    // §32.6: the trigger's own words; within a trigger the order of interfaces, ranges and directions is not
    // checked [U].
    command(
      "mail notify",
      `${ID} trigger ( backup pp|tunnel|<if>|${RANGE}... | route default|<net>... | route6 default|<prefix6>... | ` +
        "filter ethernet <if>|in|out... | status all|interface|routing|vpn|nat|firewall|config-log... | " +
        `intrusion pp|tunnel|wan1|*|<if>|${RANGE}|in|out|in/out... | lan-map )`,
      at(5),
      { key: ID },
    ),
  ],
};
