/**
 * Host key policy: pin by SHA256 fingerprint (as `ssh-keygen -lf` prints it) or a known_hosts file; unknown keys
 * are refused unless trust-on-first-use was asked for. Decided inside ssh2's hostVerifier, i.e. before any
 * credential is sent.
 */
import { createHash, createHmac } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

export function fingerprint(key: Buffer): string {
  return "SHA256:" + createHash("sha256").update(key).digest("base64").replace(/=+$/, "");
}

/** How known_hosts names a host: `host` on port 22, `[host]:port` otherwise. */
function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function hostMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith("|1|")) {
    const [, , salt, hash] = pattern.split("|");
    if (!salt || !hash) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
  }
  return pattern.split(",").includes(name);
}

/** Fingerprints of the keys known_hosts lists for this host (any key type). */
export function knownFingerprints(knownHosts: string, host: string, port: number): string[] {
  const name = knownHostsName(host, port);
  const out: string[] = [];
  for (const raw of knownHosts.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0].startsWith("@") ? fields.shift() : undefined;
    if (marker === "@revoked" || fields.length < 3) continue;
    if (hostMatches(fields[0], name)) out.push(fingerprint(Buffer.from(fields[2], "base64")));
  }
  return out;
}

export interface HostKeyPolicy {
  host: string;
  port: number;
  hostKey?: string;
  knownHostsFile?: string;
  trustOnFirstUse?: boolean;
  /** A key accepted on first use earlier in this process (TOFU without a file). */
  learned?: string;
}

export type HostKeyDecision =
  { ok: true; trustedNow: boolean } | { ok: false; expected?: string; presented: string };

/** Decides on a presented key. `keyLine` is `TYPE BASE64` for appending to known_hosts on first use. */
export function decideHostKey(policy: HostKeyPolicy, key: Buffer, keyType: string): HostKeyDecision {
  const presented = fingerprint(key);
  if (policy.hostKey !== undefined) {
    const pin = policy.hostKey.startsWith("SHA256:") ? policy.hostKey : `SHA256:${policy.hostKey}`;
    return pin.replace(/=+$/, "") === presented
      ? { ok: true, trustedNow: false }
      : { ok: false, expected: pin, presented };
  }
  if (policy.knownHostsFile !== undefined) {
    const text = existsSync(policy.knownHostsFile) ? readFileSync(policy.knownHostsFile, "utf8") : "";
    const known = knownFingerprints(text, policy.host, policy.port);
    if (known.includes(presented)) return { ok: true, trustedNow: false };
    if (known.length > 0) return { ok: false, expected: known.join(" or "), presented };
    if (!policy.trustOnFirstUse) return { ok: false, presented };
    const sep = text === "" || text.endsWith("\n") ? "" : "\n";
    appendFileSync(
      policy.knownHostsFile,
      `${sep}${knownHostsName(policy.host, policy.port)} ${keyType} ${key.toString("base64")}\n`,
    );
    return { ok: true, trustedNow: true };
  }
  if (policy.learned !== undefined) {
    return policy.learned === presented
      ? { ok: true, trustedNow: false }
      : { ok: false, expected: policy.learned, presented };
  }
  return policy.trustOnFirstUse ? { ok: true, trustedNow: true } : { ok: false, presented };
}

/** The key type named inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(key: Buffer): string {
  const len = key.readUInt32BE(0);
  return key.subarray(4, 4 + len).toString("ascii");
}
