/** The tunnel block (`tunnel select N`): encapsulation, endpoints, template, `ip tunnel ...`, enable. Its IPsec
 * and L2TP lines are in ipsec.ts and l2tp.ts. */
import { at, enableArg, type Env, type Family, shortText } from "../spec";
import { fail, idList, ipv4OrIpv6 } from "../values";
import { filterList } from "./filters";
import { natDescriptorList } from "./nat";

const TUNNEL_ENCAPSULATIONS = [
  "ipsec",
  "ipip",
  "pptp",
  "l2tp",
  "l2tpv3-raw",
  "l2tpv3",
  "ipudp",
  "map-e",
  "hb46pp",
] as const;

const inTunnelBlock = (env: Env): number => (env.context.kind === "tunnel" ? env.context.tunnel : 0);

export const tunnel: Family = {
  specs: [
    { head: "description tunnel", scope: "tunnel", args: shortText, order: at(-1) },
    {
      head: "tunnel encapsulation",
      scope: "tunnel",
      args: (r, env) => {
        const encapsulation = r.kw(TUNNEL_ENCAPSULATIONS);
        if (encapsulation === "map-e" && env.model.hasMapE === false) fail("illegal-keyword");
        r.end();
      },
      order: at(0),
    },
    {
      head: "tunnel endpoint address",
      scope: "tunnel",
      args: (r) => {
        // `[LOCAL] REMOTE` (CR §14.9).
        r.replace(ipv4OrIpv6);
        if (r.remaining > 0) r.replace(ipv4OrIpv6);
        r.end();
      },
      order: at(1),
    },
    {
      head: "tunnel map-e type",
      scope: "tunnel",
      exists: (model) => model.hasMapE !== false,
      args: (r) => {
        r.kw(["v6plus", "ocn", "ipv6option"]);
        r.end();
      },
      order: at(2),
    },
    {
      head: "tunnel template",
      scope: "tunnel",
      args: (r, env) => {
        if (r.remaining === 0) fail("parameters");
        while (r.remaining > 0) idList(r.next(), 1, env.model.maxTunnel);
      },
      order: at(3),
    },
    {
      head: "ip tunnel mtu",
      scope: "tunnel",
      args: (r) => {
        r.int(64, 1500);
        r.end();
      },
      order: at(40),
    },
    {
      head: "ip tunnel secure filter",
      scope: "tunnel",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key) => [41, key[0]],
    },
    // §30.7.2: the IPv6 filters of the tunnel, after the IPv4 ones [U].
    {
      head: "ipv6 tunnel secure filter",
      scope: "tunnel",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key) => [41.5, key[0]],
    },
    { head: "ip tunnel nat descriptor", scope: "tunnel", args: natDescriptorList, order: at(43) },
    {
      head: "ip tunnel tcp mss limit",
      scope: "tunnel",
      args: (r) => {
        if (r.peek() === "auto" || r.peek() === "off") r.next();
        else r.int(1, 1460);
        r.end();
      },
      order: at(44),
    },
    {
      head: "tunnel enable",
      scope: "tunnel",
      args: (r, env) => enableArg(r, String(inTunnelBlock(env))),
      order: at(99),
    },
  ],
};
