/** The DHCP server and relay: `dhcp service`, `dhcp relay server`, `dhcp scope` with its binds and options. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Family, inSection, onOff } from "../spec";
import {
  fail,
  inOneNetwork,
  integer,
  ipv4,
  ipv4Number,
  ipv4OrRange,
  ipv4Range,
  isIpv4,
  keyword,
  prefixLength,
} from "../values";

function scopeId(r: Reader): string[] {
  return [String(r.int(1, 65535))];
}

/** Lease time: minutes, `hh:mm` or `infinity` (CR §12.1.4). */
function dhcpLease(text: string): string {
  if (text === "infinity") return text;
  const [h, m, extra] = text.split(":");
  if (extra !== undefined) fail("parameters");
  if (m === undefined) integer(h, 1, 21474836);
  else {
    integer(h, 0, 21474836);
    integer(m, 0, 59);
  }
  return text;
}

/** What a DHCP client line is for: a LAN (`IF primary|secondary`), a pp or the pool. */
const CLIENT_KEY = "pp|pool|<if> [<int:1-150>|primary|secondary]";

/** DHCP option codes that have mnemonics (CR §12.1.8); `classless_static_route` for 121 as the seed writes it. */
const DHCP_OPTION_NAMES: Record<string, string> = {
  "3": "router",
  "6": "dns",
  "12": "hostname",
  "15": "domain",
  "44": "wins_server",
  "121": "classless_static_route",
};

/** `OPT=VALUE`: mnemonics win over numbers (one stored form) [U]; hex byte lists print in lower case. */
function dhcpOption(text: string): string {
  const eq = text.indexOf("=");
  if (eq <= 0 || eq === text.length - 1) fail("parameters");
  const rawName = text.slice(0, eq);
  let value = text.slice(eq + 1);
  let name: string;
  if (/^\d+$/.test(rawName)) {
    const code = integer(rawName, 1, 254);
    if (code > 49 && code < 62 && code !== 121) fail("out-of-range");
    name = DHCP_OPTION_NAMES[String(code)] ?? String(code);
  } else {
    name = keyword(rawName, Object.values(DHCP_OPTION_NAMES));
  }
  if (name === "router" || name === "dns" || name === "wins_server") value.split(",").forEach(ipv4);
  else if (name === "classless_static_route") value = classlessRoutes(value);
  else if (/^[0-9a-f]{1,2}(,[0-9a-f]{1,2})+$/i.test(value)) value = value.toLowerCase();
  return `${name}=${value}`;
}

/** RFC 3442 byte list: (width, significant destination octets, 4 router octets) repeated. */
function classlessRoutes(value: string): string {
  const bytes = value.split(",");
  if (!bytes.every((b) => /^[0-9a-f]{1,2}$/i.test(b))) fail("illegal-keyword");
  const numbers = bytes.map((b) => parseInt(b, 16));
  let i = 0;
  while (i < numbers.length) {
    const width = numbers[i];
    if (width > 32) fail("out-of-range");
    i += 1 + Math.ceil(width / 8) + 4;
  }
  if (i !== numbers.length) fail("parameters");
  return bytes.map((b) => b.toLowerCase().padStart(2, "0")).join(",");
}

export const dhcp: Family = {
  specs: [
    {
      head: "dhcp service",
      scope: "global",
      args: (r) => {
        r.kw(["server", "relay"]);
        r.end();
      },
      order: () => [SECTION.DHCP, 0],
    },
    {
      head: "dhcp server rfc2131 compliant",
      scope: "global",
      args: (r) => {
        // `on|off`, or `[except] FUNCTION...` (CR §12.1.2).
        if (r.peek() === "on" || r.peek() === "off") return onOff(r);
        if (r.peek() === "except") r.next();
        if (r.remaining === 0) fail("parameters");
        while (r.remaining > 0)
          r.kw(["broadcast-nak", "none-domain-null", "remain-silent", "reply-ack", "use-clientid"]);
      },
      order: () => [SECTION.DHCP, 1],
    },
    {
      head: "dhcp relay server",
      scope: "global",
      args: (r) => {
        if (r.remaining === 0 || r.remaining > 4) fail("parameters");
        while (r.remaining > 0) r.ip();
      },
      order: () => [SECTION.DHCP, 2],
    },
    {
      // `N A-B/MASK [except IP...] [gateway GW] [expire T] [maxexpire T]` (CR §12.1.4).
      head: "dhcp scope",
      scope: "global",
      key: scopeId,
      args: (r) => {
        r.replace((v) => {
          // The range must lie inside one network of the mask [U error class].
          const [range, mask, extra] = v.split("/");
          if (mask === undefined || extra !== undefined) fail("parameters");
          const [from, to] = ipv4Range(range).split("-");
          const bits = prefixLength(mask);
          if (!inOneNetwork(from, to, bits)) fail("out-of-range");
          return `${range}/${bits}`;
        });
        while (r.remaining > 0) {
          const option = r.kw(["except", "gateway", "expire", "maxexpire"]);
          if (option === "except") {
            if (!isIpv4((r.peek() ?? "").split("-")[0])) fail("parameters");
            while (isIpv4((r.peek() ?? "").split("-")[0])) r.replace(ipv4OrRange);
          } else if (option === "gateway") r.ip();
          else r.replace(dhcpLease);
        }
      },
      order: (key) => [SECTION.DHCP_SCOPE, Number(key[0]), 0],
    },
    {
      // `N IP [ethernet|text] ID`, `N IP MAC`, `N IP ipcp`; MACs keep the case typed (the seed mixes cases) [U].
      head: "dhcp scope bind",
      scope: "global",
      key: (r) => [...scopeId(r), r.replace((v) => (v === "*" ? v : ipv4OrRange(v)))],
      args: (r) => {
        const kind = r.peek();
        if (kind === "ipcp") r.next();
        else if (kind === "text") {
          r.next();
          r.next();
        } else if (/^[0-9a-f]{2}$/i.test(kind ?? "")) {
          // Without a type, the client identifier as two-digit hex bytes (type byte first).
          while (r.remaining > 0)
            r.replace((v) => (/^[0-9a-f]{2}$/i.test(v) ? v.toLowerCase() : fail("illegal-keyword")));
        } else {
          if (kind === "ethernet") r.next();
          r.replace((v) =>
            /^([0-9a-f]{2}:){2}[0-9a-f]{2}(:([0-9a-f]{2}|\*)){3}$/i.test(v) ? v : fail("illegal-keyword"),
          );
        }
        r.end();
      },
      order: (key) => [
        SECTION.DHCP_SCOPE,
        Number(key[0]),
        1,
        key[1] === "*" ? 0 : ipv4Number(key[1].split("-")[0]),
      ],
    },
    {
      head: "dhcp scope option",
      scope: "global",
      key: scopeId,
      args: (r) => {
        if (r.remaining === 0) fail("parameters");
        while (r.remaining > 0) r.replace(dhcpOption);
      },
      order: (key) => [SECTION.DHCP_SCOPE, Number(key[0]), 2],
    },
    command("dhcp duplicate check", "<int:0-3000> <int:0-3000>", inSection(SECTION.DHCP, 3)),
    command(
      "dhcp scope lease type",
      "bind-priority|bind-only [fallback=<int:1-65535>]",
      inSection(SECTION.DHCP_SCOPE, 0),
      {
        key: "<int:1-65535>",
      },
    ),
    command("dhcp relay srcport", "<int:1-65535>", inSection(SECTION.DHCP, 2.1)),
    command("dhcp relay select", "hash|all", inSection(SECTION.DHCP, 2.2)),
    command("dhcp relay threshold", "<int:0-65535>", inSection(SECTION.DHCP, 2.3)),
    // DHCP client (§12.2).
    command("dhcp client hostname", "<text:63>", inSection(SECTION.DHCP, 10), {
      key: CLIENT_KEY,
    }),
    command("dhcp client client-identifier", "[type <int:0-255>] <word>", inSection(SECTION.DHCP, 11), {
      key: CLIENT_KEY,
    }),
    // §12.2.5: `CODE=HEX[,HEX...]`.
    command("dhcp client option", "<dhcp-option>", inSection(SECTION.DHCP, 12), {
      key: CLIENT_KEY,
    }),
    command("dhcp client release linkdown", "on|off [<int:0-259200>]", inSection(SECTION.DHCP, 13)),
  ],
};
