/**
 * IPsec vocabulary the two resources with IPsec lines share (L2tpAnonymousPool, IpsecSiteTunnel): tunnel numbers,
 * the SA policy algorithms and the IKE pre-shared key in both of its forms.
 */
import { z } from "zod";
import { ReadError } from "../errors";
import { MASK } from "../secrets";
import { routerToken } from "./lines";
import { MAX_TUNNEL_NUMBER } from "./models";

// Bounded before a range is expanded; each model's own limit is a rule (it knows the model).
export const tunnelNumber = z
  .number()
  .int()
  .min(1, "must be a tunnel number from 1")
  .max(MAX_TUNNEL_NUMBER, `no model takes a tunnel number over ${MAX_TUNNEL_NUMBER} (CR §15)`);

/** `ipsec sa policy ... esp [ESP_ALGORITHM] [AH_ALGORITHM]` (CR §15.48.2). */
export const SA_POLICY =
  /^esp( (3des-cbc|des-cbc|aes-cbc|aes256-cbc))?( (md5-hmac|sha-hmac|sha256-hmac|sha384-hmac|sha512-hmac))?$/;

/**
 * `ipsec ike pre-shared-key GW text TEXT` (≤ 128 characters) or `... GW 0xHEX` (≤ 128 bytes) (CR §15.5): a plain
 * string is the text form, `{hex}` the other.
 */
export const preSharedKey = z.union([
  routerToken(128, { secret: true }),
  z
    .object({
      hex: z
        .string()
        .regex(/^0x([0-9a-fA-F]{2}){1,128}$/, "must be 0x and 1..128 bytes as hex digit pairs")
        // One spelling: the router keeps what it is given, so a case change would be a perpetual diff.
        .transform((s) => `0x${s.slice(2).toLowerCase()}`),
    })
    .strict(),
]);

export type PreSharedKey = z.output<typeof preSharedKey>;

/** The `ipsec ike pre-shared-key GW ...` line, and the same with the key masked. */
export function preSharedKeyLine(gateway: number, key: PreSharedKey): { text: string; masked: string } {
  const head = `ipsec ike pre-shared-key ${gateway}`;
  return typeof key === "string"
    ? { text: `${head} text ${key}`, masked: `${head} text ${MASK}` }
    : { text: `${head} ${key.hex}`, masked: `${head} ${MASK}` };
}

/** The key back from the arguments after `pre-shared-key GW` (never the line in an error: it holds the key). */
export function parsePreSharedKey(args: readonly string[]): unknown {
  if (args[0] === "text" && args.length === 2) return args[1];
  if (args.length === 1 && args[0].startsWith("0x")) return { hex: args[0] };
  throw new ReadError("ipsec ike pre-shared-key", "expected text KEY or a 0x hex key");
}
