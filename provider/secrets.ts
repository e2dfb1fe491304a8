/**
 * The one redaction function. Every log line, error message, event and thrown message that may contain router
 * commands or router output goes through `redact`, so a secret can only leak if a command form is missing here.
 */

/** One router argument: a quoted string (with `\x` escapes) or a run of non-space characters. */
const ARG = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|(?:\\.|[^\s"'\\])+)`;
/** What a secret is shown as in previews, logs and errors. */
export const MASK = "********";

/**
 * Each entry: the words before the secret (as a regex source), and how many secret arguments follow.
 * Keyed by command family rather than by the word "password", because `pp auth username U P` and
 * `l2tp tunnel auth on P` carry secrets without saying so (the gap terraform-provider-rtx's sanitizer has).
 */
const FORMS: { before: string; secrets: number }[] = [
  { before: String.raw`pp auth (?:username|myname) ${ARG}`, secrets: 1 },
  // the optional `myname MY MYPASS` tail of `pp auth username`
  { before: String.raw`pp auth username ${ARG} ${ARG}(?: ${ARG})*? myname ${ARG}`, secrets: 1 },
  { before: String.raw`ipsec ike pre-shared-key ${ARG}(?: text)?`, secrets: 1 },
  { before: String.raw`login password(?: encrypted)?`, secrets: 1 },
  { before: String.raw`administrator password(?: encrypted)?`, secrets: 1 },
  { before: String.raw`login user ${ARG}(?: encrypted)?`, secrets: 1 },
  { before: String.raw`l2tp tunnel auth (?:on|off)`, secrets: 1 },
  { before: String.raw`tunnel hb46pp auth myname ${ARG}`, secrets: 1 },
  { before: String.raw`ipsec ike (?:eap|xauth) myname ${ARG} ${ARG}`, secrets: 1 },
  { before: String.raw`auth user ${ARG} ${ARG}`, secrets: 1 },
  { before: String.raw`ex-license password`, secrets: 1 },
  { before: String.raw`syslog (?:file|mount-server \S+)(?: ${ARG})?? crypto`, secrets: 1 },
  { before: String.raw`sshd host key generate(?: bit=\d+)?`, secrets: 3 },
  { before: String.raw`snmp community (?:read-only|read-write)`, secrets: 1 },
  { before: String.raw`radius secret`, secrets: 1 },
  { before: String.raw`snmpv3 usm user \d+ ${ARG}(?: group \d+)? \S+`, secrets: 1 },
  { before: String.raw`snmpv3 usm user \d+ ${ARG}(?: group \d+)? \S+ ${ARG} \S+`, secrets: 1 },
];

/**
 * Where a command can start: a line start (indentation allowed), after a prompt (`# `, `pp1> `), after `: ` (as in
 * `command: ...`) or an opening quote/parenthesis; optionally negated. Prose such as "administrator password
 * rejected" in the middle of a sentence is not a command and stays readable.
 */
const START = String.raw`(?:(?:^|[\r\n])[ \t]*|[#>:"'(] ?)(?:no )?`;

const PATTERNS = FORMS.map(({ before, secrets }) => {
  const args = Array.from({ length: secrets }, () => `( ${ARG})?`).join("");
  return new RegExp(String.raw`(${START}${before})${args}`, "g");
});

/** `password=...` arguments (e.g. `mount smb ... password=...`), wherever they appear. */
const KEYWORD_PASSWORD = /(\bpassword=)("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g;

/**
 * The value of an environment variable, `set NAME=VALUE` (CR §4.90): scripts keep credentials there
 * (`set PP1=user:secret`), and nothing tells which do, so every value counts as a secret.
 */
const SET_VALUE = new RegExp(String.raw`(${START}set [A-Za-z][A-Za-z0-9_]*=)(${ARG})`, "g");

/** Masks the secret arguments of every secret-bearing command form in `text` (any number of lines, any prefix). */
export function redact(text: string): string {
  let out = text;
  for (const re of PATTERNS) {
    out = out.replace(re, (whole: string, head: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2) as (string | undefined)[];
      // Already masked by the router (`login password *`) or by an earlier pattern: leave as is.
      return (
        head +
        groups.map((g) => (g === undefined ? "" : g === " *" || g === ` ${MASK}` ? g : ` ${MASK}`)).join("")
      );
    });
  }
  return out
    .replace(KEYWORD_PASSWORD, (_m: string, head: string) => `${head}${MASK}`)
    .replace(SET_VALUE, (_m: string, head: string) => `${head}${MASK}`);
}

/**
 * Whether one command line carries a secret: "clear" (a value to protect), "masked" (the router printed it as `*`,
 * as `login password *`, so the value is not known), or undefined.
 */
export function secretIn(line: string): "clear" | "masked" | undefined {
  const masked = redact(line);
  if (masked === line) {
    const routerMasked = PATTERNS.some((re) => {
      re.lastIndex = 0;
      const m = re.exec(line);
      return m !== null && m.slice(2).some((g) => g === " *");
    });
    return routerMasked ? "masked" : undefined;
  }
  return "clear";
}
