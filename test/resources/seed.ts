/**
 * Command blocks quoted from the mission seed (/work/shared/seed), the ground truth the resources must reproduce.
 * Only the lines each resource owns are kept; the seed's notes say which block is which.
 */
import type { ContextCommand } from "../../provider/config/model";

/** (1) NVR510 L2TP/IPsec: the anonymous pp block, tunnel 2 and its transport. */
export const SEED_L2TP = `pp select anonymous
pp bind tunnel2
pp auth request mschap-v2
pp auth username someone@somewhere xxxxxxxx
ppp ipcp ipaddress on
ppp ipcp msext on
ip pp remote address pool dhcp
ip pp mtu 1280
pp enable anonymous
tunnel select 2
tunnel encapsulation l2tp
ipsec tunnel 2
ipsec sa policy 2 2 esp aes-cbc sha-hmac
ipsec ike keepalive use 2 off
ipsec ike nat-traversal 2 on
ipsec ike pre-shared-key 2 text COMMONKEY
ipsec ike remote address 2 any
tunnel enable 2
ipsec transport 2 2 udp 1701`;

/** The seed's template additions (three tunnels, more users) and its pool change from (2). */
export const SEED_TEMPLATE_ADDITIONS = `pp select anonymous
pp bind tunnel2-tunnel4
pp auth username someone2@somewhere2 xxxxxxxx
pp auth username someone3@somewhere3 xxxxxxxx
pp auth username someone4@somewhere4 xxxxxxxx
pp auth username someone5@somewhere5 xxxxxxxx
no ip pp remote address pool dhcp
ip pp remote address pool 192.168.254.1-192.168.254.3
tunnel select 2
tunnel template 3-4
no tunnel select
ipsec transport template 2 3-4`;

/** The final configuration's LAN, route, NAT and DHCP lines (LAN1 and/or LAN2 NAT for NVR500/NVR510). */
export const SEED_FINAL = `ip lan1 address 192.168.11.250/24
ip lan1 nat descriptor reverse 30
ip lan1 dhcp service relay 192.168.1.51
ip lan2 address 192.168.1.51/24
ip lan2 nat descriptor 40
ip route 192.168.253.240/32 gateway 192.168.11.240
nat descriptor type 30 nat
nat descriptor address outer 30 192.168.253.254
nat descriptor address inner 30 192.168.11.254
nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
nat descriptor type 40 nat
nat descriptor address outer 40 192.168.11.254
nat descriptor address inner 40 192.168.253.254
nat descriptor static 40 1 192.168.11.2=192.168.253.2 253
dhcp service server
dhcp scope 1 192.168.11.2-192.168.11.63/24
dhcp scope bind 1 192.168.5.5 ethernet 00:30:f5:CC:DD:EE
dhcp scope option 1 classless_static_route=18,c0,a8,04,c0,a8,05,05,00,c0,a8,05,01`;

/** Commands as a typed script: a select line whenever the context changes to a pp or tunnel block. */
export function script(commands: readonly ContextCommand[]): string {
  const out: string[] = [];
  let current = "global";
  for (const { context, command } of commands) {
    const name =
      context.kind === "pp"
        ? `pp select ${context.peer}`
        : context.kind === "tunnel"
          ? `tunnel select ${context.tunnel}`
          : "global";
    if (name !== current && name !== "global") out.push(name);
    current = name;
    out.push(command);
  }
  return out.join("\n");
}
