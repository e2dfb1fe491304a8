/** NAT descriptors, grouped per descriptor in `show config` (type, outer, inner, masquerade incoming, static,
 * masquerade static), and the descriptor lists that interfaces, pp and tunnels bind. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import type { Family } from "../spec";
import { fail, integer, ipv4, ipv4OrRange, MAX_ID, port, prefixLength } from "../values";

/** `ip IF|pp|tunnel nat descriptor LIST [reverse LIST]`, at most 16 descriptors per interface (CR §23.2). */
export function natDescriptorList(r: Reader): void {
  let count = 0;
  let reverse = false;
  while (r.remaining > 0) {
    if (r.peek() === "reverse") {
      if (reverse) fail("parameters");
      reverse = true;
      r.next();
      if (r.remaining === 0) fail("parameters");
      continue;
    }
    r.int(1, MAX_ID);
    if (++count > 16) fail("parameters");
  }
  if (count === 0) fail("parameters");
}

function descriptor(r: Reader): string[] {
  return [String(r.int(1, MAX_ID))];
}

export const nat: Family = {
  specs: [
    {
      // Port saving switch of the NVR510/RTX; the NVR500 has no such command (seed).
      head: "nat descriptor backward-compatibility",
      scope: "global",
      exists: (model) => model.hasBackwardCompatibility,
      args: (r) => {
        r.int(1, 3);
        r.end();
      },
      order: () => [SECTION.NAT_COMPAT],
    },
    {
      head: "nat descriptor type",
      scope: "global",
      key: descriptor,
      args: (r) => {
        r.kw(["none", "nat", "masquerade", "nat-masquerade"]);
        if (r.remaining > 0) r.kw(["hairpin=on", "hairpin=off"]);
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 0],
    },
    {
      // IPs and ranges, or a single mnemonic (CR §23.4).
      head: "nat descriptor address outer",
      scope: "global",
      key: descriptor,
      args: (r, env) => {
        const mnemonics = ["ipcp", "primary", "secondary", "map-e", "hb46pp"];
        if (r.peek() === "map-e" && env.model.hasMapE === false) fail("illegal-keyword");
        if (mnemonics.includes(r.peek() ?? "")) r.next();
        else if (r.remaining === 0) fail("parameters");
        else while (r.remaining > 0) r.replace(ipv4OrRange);
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 1],
    },
    {
      head: "nat descriptor address inner",
      scope: "global",
      key: descriptor,
      args: (r) => {
        if (r.peek() === "auto") r.next();
        else if (r.remaining === 0) fail("parameters");
        else while (r.remaining > 0) r.replace(ipv4OrRange);
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 2],
    },
    {
      head: "nat descriptor masquerade incoming",
      scope: "global",
      key: descriptor,
      args: (r) => {
        const action = r.kw(["through", "reject", "discard", "forward"]);
        if (action === "forward") r.ip();
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 3],
    },
    {
      // `OUTER=INNER [COUNT]` or `OUTER=INNER/MASK` (mask bits 16..32) (CR §23.6).
      head: "nat descriptor static",
      scope: "global",
      key: (r) => [...descriptor(r), String(r.int(1, MAX_ID))],
      args: (r) => {
        const pair = r.next();
        const [outer, innerWithMask, extra] = pair.split("=");
        if (innerWithMask === undefined || extra !== undefined) fail("parameters");
        const [inner, mask] = innerWithMask.split("/");
        ipv4(outer);
        ipv4(inner);
        if (mask !== undefined) {
          // Bits 16..32, a dotted mask or `0x` hex (CR §23.6).
          if (prefixLength(mask) < 16) fail("out-of-range");
          r.end();
        }
        if (r.remaining > 0) r.int(1, 65535);
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 4, Number(key[1])],
    },
    {
      // `INNER_IP PROTO [[OUTER_PORT=]INNER_PORT]`; esp has no ports (CR §23.8).
      head: "nat descriptor masquerade static",
      scope: "global",
      key: (r) => [...descriptor(r), String(r.int(1, MAX_ID))],
      args: (r) => {
        r.ip();
        const protocol = r.next();
        if (protocol === "esp") return r.end();
        if (protocol === "tcp" || protocol === "udp") {
          r.replace((v) => v.split("=").map(port).join("="));
          return r.end();
        }
        if (protocol !== "icmp") integer(protocol, 0, 255);
        r.end();
      },
      order: (key) => [SECTION.NAT, Number(key[0]), 5, Number(key[1])],
    },
  ],
};
