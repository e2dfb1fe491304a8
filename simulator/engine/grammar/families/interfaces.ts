/** LAN, VLAN and bridge interfaces: `ip IF ...`, `ipv6 IF ...`, port mirroring, switch control and NGN. */
import { interfaceOrder, SECTION } from "../order";
import type { Reader } from "../reader";
import { command, type Family, perInterface } from "../spec";
import { syntax } from "../syntax";
import { fail, INTERFACE, integer, interfaceName, ipv4Prefix, ON_OFF } from "../values";
import { filterList } from "./filters";
import { DHCP6_SERVICE, RTADV_SEND } from "./ipv6";
import { FLEXIBLE_PORT_MODELS } from "./flexible-port";
import { natDescriptorList } from "./nat";

const ADDRESS_TYPE = syntax("[unicast|anycast]");
const ifaceKey = (r: Reader): string[] => [r.replace(interfaceName)];

export const interfaces: Family = {
  specs: [
    {
      // §4.49: `[IF] MIRROR in|out PORT... [in|out PORT...]`; without IF (ports of every LAN) on the models with
      // flexible LAN/WAN ports only, and then a single setting printed with the flexible-port lines [U].
      head: "lan port-mirroring",
      scope: "global",
      key: (r, env) => {
        if (r.remaining > 0 && !/^\d+$/.test(r.peek() ?? "")) return ifaceKey(r);
        if (!FLEXIBLE_PORT_MODELS.includes(env.model.id))
          fail(r.remaining === 0 ? "parameters" : "illegal-keyword");
        return [];
      },
      args: (r, env) => {
        // Form 2 numbers the ports over every LAN (up to 16 [U]), form 1 those of the interface's switch.
        const ports = r.out.length === 0 ? 16 : env.model.interfaces?.switchPorts || 16;
        r.int(1, ports);
        for (let block = 0; block === 0 || (block === 1 && r.remaining > 0); block++) {
          r.kw(["in", "out"]);
          do r.int(1, ports);
          while (/^\d+$/.test(r.peek() ?? ""));
        }
        r.end();
      },
      order: (key, env) => (key.length === 0 ? [SECTION.LAN, 10.5] : perInterface(0)(key, env)),
    },
    {
      head: "vlan",
      scope: "global",
      key: (r) => [r.replace((v) => (/^lan\d+\/\d+$/.test(v) ? v : fail("illegal-keyword")))],
      args: (r) => {
        r.kw(["802.1q"]);
        r.replace((v) =>
          /^vid=\d+$/.test(v) ? `vid=${integer(v.slice(4), 2, 4094)}` : fail("illegal-keyword"),
        );
        while (r.remaining > 0) r.replace((v) => (v.startsWith("name=") ? v : fail("illegal-keyword")));
      },
      order: perInterface(1),
    },
    {
      head: "bridge member",
      scope: "global",
      key: (r) => [r.replace((v) => (/^bridge\d+$/.test(v) ? v : fail("illegal-keyword")))],
      args: (r) => {
        if (r.remaining === 0) fail("parameters");
        while (r.remaining > 0)
          r.replace((v) => (INTERFACE.test(v) || /^tunnel\d+$/.test(v) ? v : fail("illegal-keyword")));
      },
      order: perInterface(2),
    },
    {
      head: "ip IF address",
      scope: "global",
      args: (r) => {
        if (r.peek() === "dhcp") r.next();
        else r.replace(ipv4Prefix);
        if (r.peek() === "broadcast") {
          r.next();
          r.ip();
        }
        r.end();
      },
      order: perInterface(10),
    },
    {
      // A second network on the same LAN (CR §8.1.3); the seed considers one for the file server.
      head: "ip IF secondary address",
      scope: "global",
      args: (r) => {
        r.replace(ipv4Prefix);
        r.end();
      },
      order: perInterface(10.5),
    },
    {
      head: "ip IF mtu",
      scope: "global",
      args: (r) => {
        r.int(64, 1500);
        r.end();
      },
      order: perInterface(10.6),
    },
    {
      head: "ip IF proxyarp",
      scope: "global",
      args: (r) => {
        if (r.peek() === "vrrp") {
          r.next();
          r.int(1, 255);
        } else r.kw(ON_OFF);
        r.end();
      },
      order: perInterface(11),
    },
    {
      head: "ip IF secure filter",
      scope: "global",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key, env) => [...perInterface(12)(key, env), key[0]],
    },
    { head: "ip IF nat descriptor", scope: "global", args: natDescriptorList, order: perInterface(14) },
    {
      head: "ip IF dhcp service",
      scope: "global",
      args: (r) => {
        const mode = r.kw(["off", "server", "relay"]);
        if (mode === "relay") {
          // Up to four relay servers (CR §12.1.15).
          if (r.remaining === 0 || r.remaining > 4) fail("parameters");
          while (r.remaining > 0) r.ip();
        }
        r.end();
      },
      order: perInterface(15),
    },
    {
      // An interface may carry several IPv6 addresses, so the address is part of the key [U]; its type follows.
      ...command(
        "ipv6 IF address",
        "[unicast|anycast]",
        (key, env) => [...perInterface(20)(key, env), key[0]],
        {
          key: "auto|dhcp|proxy|<prefix6>",
        },
      ),
      args: (r, env) => (r.out[0].includes("/") ? ADDRESS_TYPE(r, env) : r.end()),
    },
    command("ipv6 IF rtadv send", RTADV_SEND, perInterface(21)),
    {
      head: "ipv6 IF secure filter",
      scope: "global",
      key: (r) => [r.kw(["in", "out"])],
      args: filterList,
      order: (key, env) => [...perInterface(22)(key, env), key[0]],
    },
    command("ipv6 IF dhcp service", DHCP6_SERVICE, perInterface(24)),
    {
      head: "switch control use",
      scope: "global",
      key: ifaceKey,
      args: (r) => {
        r.kw(ON_OFF);
        while (r.remaining > 0)
          r.replace((v) => (/^terminal=(on|off)$/.test(v) ? v : fail("illegal-keyword")));
      },
      order: perInterface(30),
    },
    {
      head: "ngn type",
      scope: "global",
      key: ifaceKey,
      args: (r) => {
        r.kw(["ntt", "off"]);
        r.end();
      },
      order: (key) => [SECTION.NGN, ...interfaceOrder(key[0])],
    },
  ],
};
