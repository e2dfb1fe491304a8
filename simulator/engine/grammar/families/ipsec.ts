/** IPsec: `ipsec tunnel` and the SA/IKE lines nested under it in a tunnel block, and the global `ipsec auto
 * refresh` / `ipsec transport` lines. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { at, type Env, type Family, type Spec, onOff } from "../spec";
import { syntax } from "../syntax";
import {
  fail,
  idList,
  integer,
  interfaceName,
  ipv4,
  ipv4OrIpv6,
  isIpv6,
  keyword,
  MAX_ID,
  ON_OFF,
  portList,
} from "../values";

const ESP_ALGORITHMS = ["aes-cbc", "aes256-cbc", "3des-cbc", "des-cbc", "aes-gcm", "aes256-gcm"] as const;
const AH_ALGORITHMS = ["md5-hmac", "sha-hmac", "sha256-hmac", "sha384-hmac", "sha512-hmac"] as const;

/** The security gateway ID that keys the IKE lines and `ipsec sa policy`. */
const gateway = (r: Reader, env: Env): string[] => [String(r.int(1, env.model.maxTunnel))];

/** The `ipsec ike ... GW ...` lines: tunnel-scoped, nested under `ipsec tunnel`, keyed by gateway. */
function ike(words: string, order: number, args: Spec["args"]): Spec {
  return { head: `ipsec ike ${words}`, scope: "tunnel", nested: true, key: gateway, args, order: at(order) };
}

const AH_OPTIONS = syntax(
  "{local-id=<prefix>/<prefix6> remote-id=<prefix>/<prefix6> anti-replay-check=on/off}",
);
const ESP_OPTIONS = syntax("[anti-replay-check=on/off]");

/** `NAME [TYPE]`, NAME at most 256 characters (CR §15.13, §15.16). */
function ikeName(r: Reader): void {
  if (r.next().length > 256) fail("out-of-range");
  if (r.remaining > 0)
    r.kw(["ipv4-addr", "fqdn", "user-fqdn", "rfc822-addr", "ipv6-addr", "key-id", "tel", "tel-key"]);
  r.end();
}

export const ipsec: Family = {
  specs: [
    {
      head: "ipsec tunnel",
      scope: "tunnel",
      args: (r) => {
        r.int(1, MAX_ID);
        r.end();
      },
      order: at(10),
    },
    {
      head: "ipsec sa policy",
      scope: "tunnel",
      nested: true,
      key: (r) => [String(r.int(1, MAX_ID))],
      args: (r, env) => {
        gateway(r, env);
        // `esp [ESP_ALG] [AH_ALG]` or `ah [AH_ALG] [local-id=] [remote-id=]`, then `anti-replay-check=` (CR §15.44).
        const protocol = r.kw(["esp", "ah"]);
        const isAlgorithm = (list: readonly string[]): boolean => list.includes(r.peek() ?? "");
        if (protocol === "esp" && isAlgorithm(ESP_ALGORITHMS)) r.next();
        if (isAlgorithm(AH_ALGORITHMS)) r.next();
        // local-id / remote-id: the private networks (IPv4 `a.b.c.d/m` or an IPv6 prefix) of the `ah` form.
        (protocol === "ah" ? AH_OPTIONS : ESP_OPTIONS)(r, env);
      },
      order: (key) => [11, Number(key[0])],
    },
    ike("keepalive log", 14, (r) => {
      r.kw(ON_OFF);
      r.end();
    }),
    ike("keepalive use", 15, (r) => {
      // `on|off|auto [heartbeat|dpd|rfc4306|icmp-echo IP [length=N]] [interval count [upwait]] [options]` (CR §15.21).
      r.kw(["on", "off", "auto"]);
      const method = r.peek();
      if (method === "heartbeat" || method === "dpd" || method === "rfc4306") r.next();
      else if (method === "icmp-echo") {
        r.next();
        r.replace(ipv4OrIpv6);
        if (r.peek()?.startsWith("length=")) r.replace((v) => `length=${integer(v.slice(7), 64, 1500)}`);
      }
      if (/^\d+$/.test(r.peek() ?? "")) {
        r.int(1, 600);
        r.int(1, 50);
        if (/^\d+$/.test(r.peek() ?? "")) r.int(0, 1000000);
      }
      while (r.remaining > 0) r.kw(["down=disconnect", "send-only-new-sa=on", "send-only-new-sa=off"]);
    }),
    ike("local address", 16, (r, env) => {
      // An address, or `vrrp IF VRID` / `ipcp pp N` (CR §15.17; the IPv6-prefix form is not modelled).
      const first = r.peek();
      if (first === "vrrp") {
        r.next();
        r.replace(interfaceName);
        r.int(1, 255);
      } else if (first === "ipcp") {
        r.next();
        r.kw(["pp"]);
        r.int(1, env.model.maxPp);
      } else r.replace(ipv4OrIpv6);
      r.end();
    }),
    ike("local name", 17, ikeName),
    ike("nat-traversal", 18, (r) => {
      // `on|off [keepalive=off|30..100000] [force=on|off] [type=1|2]` (CR §15.47).
      r.kw(ON_OFF);
      while (r.remaining > 0)
        r.replace((v) => {
          const [option, value] = v.split("=");
          if (option === "keepalive" && value !== "off")
            return `keepalive=${integer(value ?? "", 30, 100000)}`;
          if (/^(keepalive=off|force=(on|off)|type=[12])$/.test(v)) return v;
          return fail("illegal-keyword");
        });
    }),
    {
      ...ike("pre-shared-key", 19, (r) => {
        // `text TEXT` (≤128 characters) or `0x` hex (≤128 bytes) (CR §15.5).
        if (r.peek() === "text") {
          r.next();
          if (r.secret().length > 128) fail("out-of-range");
        } else if (!/^0x([0-9a-f]{2}){1,128}$/i.test(r.secret())) fail("illegal-keyword");
        r.end();
      }),
      holdsSecrets: true,
    },
    ike("remote address", 20, (r) => {
      // `any`, an IP, or a host name of at most 255 characters; dotted-quad look-alikes must be valid addresses.
      r.replace((v) => {
        if (v === "any" || isIpv6(v)) return v;
        if (/^[\d.]+$/.test(v)) return ipv4(v);
        return /^[a-z0-9.-]{1,255}$/i.test(v) ? v : fail("bad-ip");
      });
      r.end();
    }),
    ike("remote name", 21, ikeName),
    ike("log", 22, (r) => {
      if (r.remaining === 0) fail("parameters");
      while (r.remaining > 0) r.kw(["key-info", "message-info", "payload-info"]);
    }),
    {
      head: "ipsec auto refresh",
      scope: "global",
      key: (r, env) => (r.remaining > 1 ? gateway(r, env) : []),
      args: onOff,
      order: (key) => [SECTION.IPSEC, 0, key.length === 0 ? 0 : Number(key[0])],
    },
    {
      // `ID POLICY [PROTO [SRCPORTS [DSTPORTS]]]` (CR §15.50.1).
      head: "ipsec transport",
      scope: "global",
      key: (r) => [String(r.int(1, MAX_ID))],
      args: (r) => {
        r.int(1, MAX_ID);
        if (r.remaining > 0)
          r.replace((v) => (/^\d+$/.test(v) ? String(integer(v, 0, 255)) : keyword(v, ["tcp", "udp", "*"])));
        while (r.remaining > 0) r.replace(portList);
        r.end();
      },
      order: (key) => [SECTION.IPSEC, 1, Number(key[0])],
    },
    {
      head: "ipsec transport template",
      scope: "global",
      key: (r) => [String(r.int(1, MAX_ID))],
      args: (r) => {
        if (r.remaining === 0) fail("parameters");
        while (r.remaining > 0) idList(r.next(), 1, MAX_ID);
      },
      order: (key) => [SECTION.IPSEC, 2, Number(key[0])],
    },
  ],
};
