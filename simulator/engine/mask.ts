/** Secrets in a command line replaced by `********` before the line reaches the event log. */

const MASK = "********";

// Each pattern keeps its first group (the command words and any non-secret name) and masks the rest of the line.
const SECRET_PATTERNS: readonly RegExp[] = [
  /^(\s*(?:no\s+)?pp\s+auth\s+(?:username|myname)\s+\S+)\s+\S.*$/i,
  /^(\s*(?:no\s+)?ipsec\s+ike\s+pre-shared-key\s+\S+\s+text)\s+\S.*$/i,
  /^(\s*(?:no\s+)?ipsec\s+ike\s+pre-shared-key\s+\S+)\s+(?!text(?:\s|$))\S.*$/i,
  /^(\s*(?:no\s+)?login\s+user\s+\S+)\s+\S.*$/i,
  /^(\s*(?:no\s+)?(?:login|administrator)\s+password(?:\s+encrypted)?)\s+\S.*$/i,
  /^(\s*(?:no\s+)?l2tp\s+tunnel\s+auth\s+(?:on|off))\s+\S.*$/i,
];

export function maskSecrets(line: string): string {
  for (const pattern of SECRET_PATTERNS) {
    const m = pattern.exec(line);
    if (m) return `${m[1]} ${MASK}`;
  }
  return line;
}
