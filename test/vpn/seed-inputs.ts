import type { OverlapSafeVpnInputs } from "../../provider/vpn";

/** The seed's five VPN users and its pre-shared key. */
export const SEED_VPN = {
  users: [
    "someone@somewhere",
    "someone2@somewhere2",
    "someone3@somewhere3",
    "someone4@somewhere4",
    "someone5@somewhere5",
  ].map((name) => ({ name, password: "xxxxxxxx" })),
  preSharedKey: "COMMONKEY",
};

/** The seed's network as design inputs: everything else is the design's seed default. */
export const SEED_INPUTS: OverlapSafeVpnInputs = {
  upstream: { address: "192.168.1.51/24" },
  publishedHosts: { fileserver: "192.168.11.240" },
  vpn: SEED_VPN,
  dhcp: { subnetsBehindGateways: [{ network: "192.168.4.0/24", gateway: "192.168.11.251" }] },
};
