/** The pp block (`pp select N`): name, bind, PPPoE, PPP authentication and negotiation, `ip pp ...`, enable. */
import { at, enableArg, type Env, type Family, onOff, shortText } from "../spec";
import {
  addressCount,
  fail,
  idList,
  INTERFACE,
  interfaceName,
  ipv4,
  ipv4OrRange,
  ipv4Prefix,
  ipv6Prefix,
  ON_OFF,
} from "../values";
import { filterList } from "./filters";
import { natDescriptorList } from "./nat";

const inPpBlock = (env: Env): string => (env.context.kind === "pp" ? env.context.peer : "");

export const pp: Family = {
  specs: [
    // The selected interface's one-line description (CR §4.56) heads its block [U].
    { head: "description pp", scope: "pp", args: shortText, order: at(-1) },
    { head: "pp name", scope: "pp", args: shortText, order: at(0) },
    {
      head: "pp bind",
      scope: "pp",
      args: (r, env) => {
        // Several tunnels or a range only on `pp select anonymous` (CR §17.1.2).
        const anonymous = inPpBlock(env) === "anonymous";
        if (r.remaining === 0) fail("parameters");
        if (r.remaining > 1 && !anonymous) fail("parameters");
        while (r.remaining > 0) {
          const bind = r.next();
          const range = /^tunnel(\d+)(?:-tunnel(\d+))?$/.exec(bind);
          if (range) {
            if (range[2] !== undefined && !anonymous) fail("parameters");
            idList(range[2] === undefined ? range[1] : `${range[1]}-${range[2]}`, 1, env.model.maxTunnel);
          } else if (!INTERFACE.test(bind)) fail("illegal-keyword");
        }
      },
      order: at(1),
    },
    {
      // `on|off [TIME]`, TIME the seconds before a redial, 60..21474836 (CR §6.2.1).
      head: "pp always-on",
      scope: "pp",
      args: (r) => {
        r.kw(ON_OFF);
        if (r.remaining > 0) r.int(60, 21474836);
        r.end();
      },
      order: at(1.6),
    },
    {
      head: "pppoe use",
      scope: "pp",
      args: (r) => {
        r.replace(interfaceName);
        r.end();
      },
      order: at(2),
    },
    {
      head: "pp auth request",
      scope: "pp",
      args: (r) => {
        r.kw(["pap", "chap", "mschap", "mschap-v2", "chap-pap"]);
        if (r.remaining > 0) r.kw(["arrive-only"]);
        r.end();
      },
      order: at(3),
    },
    {
      head: "pp auth accept",
      scope: "pp",
      args: (r) => {
        r.kw(["pap", "chap", "mschap", "mschap-v2"]);
        if (r.remaining > 0) r.kw(["pap", "chap", "mschap", "mschap-v2"]);
        r.end();
      },
      order: at(4),
    },
    {
      head: "pp auth myname",
      scope: "pp",
      args: (r) => {
        if (r.next().length > 64 || r.secret().length > 64) fail("out-of-range");
        r.end();
      },
      order: at(5),
      holdsSecrets: true,
    },
    {
      // Several usernames print in the order they were entered (equal order; the runtime's sort is stable) [U].
      head: "pp auth username",
      scope: "pp",
      key: (r) => [r.replace((v) => (v.length > 64 ? fail("out-of-range") : v))],
      args: (r) => {
        if (r.secret().length > 64) fail("out-of-range");
        if (r.peek() === "myname") {
          r.next();
          if (r.next().length > 64 || r.secret().length > 64) fail("out-of-range");
        }
        if (r.remaining > 0) r.replace((v) => (v === "*" ? v : ipv4(v)));
        if (r.remaining > 0) r.replace(ipv6Prefix);
        r.end();
      },
      order: at(6),
      holdsSecrets: true,
    },
    {
      head: "ppp lcp mru",
      scope: "pp",
      args: (r) => {
        r.kw(ON_OFF);
        if (r.remaining > 0) r.int(1280, 1792);
        r.end();
      },
      order: at(10),
    },
    { head: "ppp ipcp ipaddress", scope: "pp", args: onOff, order: at(11) },
    { head: "ppp ipcp msext", scope: "pp", args: onOff, order: at(12) },
    {
      head: "ppp ccp type",
      scope: "pp",
      args: (r) => {
        r.kw(["none", "stac0", "stac", "cstac", "mppe-40", "mppe-128", "mppe-any"]); // CR §11.11.1
        r.end();
      },
      order: at(13),
    },
    {
      head: "ip pp address",
      scope: "pp",
      args: (r) => {
        r.replace((v) => (v.includes("/") ? ipv4Prefix(v) : ipv4(v)));
        r.end();
      },
      order: at(20),
    },
    {
      head: "ip pp remote address",
      scope: "pp",
      args: (r) => {
        if (r.peek() === "dhcpc") r.next();
        else r.ip();
        r.end();
      },
      order: at(21),
    },
    {
      // `IP [IP...]`, `IP-IP`, `dhcp` or `dhcpc [IF]`; at most the model's number of addresses (CR §8.2.2).
      head: "ip pp remote address pool",
      scope: "pp",
      args: (r, env) => {
        const first = r.peek() ?? fail("parameters");
        if (first === "dhcp") r.next();
        else if (first === "dhcpc") {
          r.next();
          if (r.remaining > 0) r.replace(interfaceName);
        } else {
          let addresses = 0;
          while (r.remaining > 0) addresses += addressCount(r.replace(ipv4OrRange));
          if (addresses > (env.model.maxPoolAddresses ?? Infinity)) fail("out-of-range");
        }
        r.end();
      },
      order: at(22),
    },
    {
      head: "ip pp mtu",
      scope: "pp",
      args: (r) => {
        r.int(64, 1500);
        r.end();
      },
      order: at(23),
    },
    {
      head: "ip pp secure filter",
      scope: "pp",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key) => [24, key[0]],
    },
    // §30.7.2: the IPv6 filters of the pp, after the IPv4 ones [U].
    {
      head: "ipv6 pp secure filter",
      scope: "pp",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key) => [24.5, key[0]],
    },
    { head: "ip pp nat descriptor", scope: "pp", args: natDescriptorList, order: at(26) },
    { head: "pp enable", scope: "pp", args: (r, env) => enableArg(r, inPpBlock(env)), order: at(99) },
  ],
};
