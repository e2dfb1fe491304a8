/** The simulator's SSH host key: kept in the state directory so clients can pin it across restarts. */
import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { utils } from "ssh2";

export interface HostKey {
  /** PKCS#1 PEM private key, as ssh2 takes it. */
  pem: string;
  /** `ssh-rsa AAAA...`, an OpenSSH public key line (known_hosts without the host). */
  publicKey: string;
  /** `SHA256:` + unpadded base64 of the key blob's SHA-256, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

export const HOST_KEY_FILE = "ssh_host_rsa_key";

function generate(): string {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "pkcs1", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  }).privateKey;
}

export function describeHostKey(pem: string): HostKey {
  const parsed = utils.parseKey(pem);
  if (parsed instanceof Error) throw new Error(`host key: ${parsed.message}`);
  const blob = parsed.getPublicSSH();
  const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  return { pem, publicKey: `${parsed.type} ${blob.toString("base64")}`, fingerprint };
}

/** Reuses `DIR/ssh_host_rsa_key` when present, else creates it; without a directory the key lives in memory only. */
export function loadOrCreateHostKey(stateDir?: string): HostKey {
  if (!stateDir) return describeHostKey(generate());
  const file = join(stateDir, HOST_KEY_FILE);
  if (existsSync(file)) return describeHostKey(readFileSync(file, "utf8"));
  mkdirSync(stateDir, { recursive: true });
  const pem = generate();
  writeFileSync(file, pem, { mode: 0o600 });
  return describeHostKey(pem);
}
