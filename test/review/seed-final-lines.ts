/** Lines the seed's final network adds to its starting network (a subset: the ones each review test names). */
export const SEED_FINAL_ADDED = [
  "ip route 192.168.253.240/32 gateway 192.168.11.240",
  "ip lan1 nat descriptor reverse 30",
  "ip lan1 dhcp service relay 192.168.1.51",
  "ip lan2 nat descriptor 40",
  " pp bind tunnel2-tunnel4",
  " pp auth username someone@somewhere ********",
  " ip pp remote address pool 192.168.254.1-192.168.254.3",
  " tunnel template 3-4",
  "nat descriptor type 30 nat",
  "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
  "nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
  "ipsec transport template 2 3-4",
  "dhcp server rfc2131 compliant except remain-silent",
];
