import * as pulumi from "@pulumi/pulumi";
import { type OverlapSafeVpnInputs, VpnDesignError, designOverlapSafeVpn } from "../../provider/vpn";
import { OverlapSafeVpn } from "../../sdk/overlap-safe-vpn";
import { installMocks, valueOf } from "../sdk/mocks";
import { SEED_INPUTS } from "./seed-inputs";

installMocks();

const logged: string[] = [];
jest.spyOn(pulumi.log, "warn").mockImplementation(async (msg: string) => {
  logged.push(msg);
});

/** The seed's router behind PPPoE on pp 1 with a common stateful firewall that passes the VPN. */
const FIREWALL = [
  "ip route default gateway pp 1",
  // The answers of published hosts come from their aliases: the reverse NAT on lan1 comes before its in list.
  "ip lan1 secure filter in 100 102 199",
  "ip lan1 secure filter out 100 101 199 dynamic 300",
  "pp select 1",
  " ip pp secure filter in 10 11 12 13 19",
  "pp select anonymous",
  " ip pp secure filter in 20",
  "ip filter 10 pass * * udp * 500",
  "ip filter 11 pass * * udp * 4500",
  "ip filter 12 pass * * esp",
  "ip filter 13 pass * * udp * 1701",
  "ip filter 19 reject * *",
  "ip filter 20 pass 192.168.254.0/24 *",
  "ip filter 100 pass 192.168.11.0/24 *",
  "ip filter 101 pass 192.168.254.0/24 *",
  "ip filter 102 pass 192.168.253.0/24 *",
  "ip filter 199 reject * *",
  "ip filter dynamic 300 * * tcp",
];

const design = (filters: string[]) => designOverlapSafeVpn({ ...SEED_INPUTS, filters });
const filterWarnings = (filters: string[]) =>
  design(filters).warnings.filter((w) => w.startsWith("filters:") || w.startsWith("publishedHosts."));

function failures(inputs: OverlapSafeVpnInputs): { property: string; reason: string }[] {
  try {
    designOverlapSafeVpn(inputs);
  } catch (e) {
    if (e instanceof VpnDesignError) return e.failures;
    throw e;
  }
  throw new Error("the design accepted the inputs");
}

const replace = (lines: string[], from: string, to: string[]) => {
  const at = lines.indexOf(from);
  if (at < 0) throw new Error(`no "${from}"`);
  return [...lines.slice(0, at), ...to, ...lines.slice(at + 1)];
};

describe("OverlapSafeVpn's filters input: the router's filters checked against the design", () => {
  it("a firewall that passes the VPN and the pool gives no warning, and changes no line", () => {
    expect(filterWarnings(FIREWALL)).toEqual([]);
    expect(design(FIREWALL).commands).toEqual(designOverlapSafeVpn(SEED_INPUTS).commands);
  });

  it("warns when the upstream in list drops ESP, naming the filters[i] that decides", () => {
    const w = filterWarnings(
      replace(FIREWALL, " ip pp secure filter in 10 11 12 13 19", [" ip pp secure filter in 10 11 13 19"]),
    );
    expect(w).toEqual([
      expect.stringMatching(
        /^filters: VPN_BLOCKED_BY_SECURE_FILTER: L2TP\/IPsec is enabled but pp:1's secure filter in \(filters\[4\]\) on the upstream interface drops esp \(filter 19, filters\[11\]\).*; fix: .*ip filter N pass \* \* esp/,
      ),
    ]);
  });

  it("warns when lan1's out list drops SMB to the file server: the pool rule and the published host", () => {
    const w = filterWarnings(
      replace(FIREWALL, "ip filter 101 pass 192.168.254.0/24 *", [
        "ip filter 101 pass 192.168.254.0/24 * icmp",
      ]),
    );
    expect(w).toContainEqual(
      expect.stringMatching(
        /^filters: VPN_POOL_BLOCKED_BY_LAN_FILTER: lan1's secure filter out \(filters\[2\]\) drops some traffic/,
      ),
    );
    expect(w).toContainEqual(
      "publishedHosts.fileserver: a VPN client cannot reach it (tcp/445): lan1 out: filter 199 (filters[16]) rejects tcp/445",
    );
    expect(w.filter((x) => x.includes("(ping)"))).toEqual([]);
  });

  it("warns when lan1 in passes only the LAN's real addresses: the answer comes from the alias", () => {
    const realOnly = replace(FIREWALL, "ip lan1 secure filter in 100 102 199", [
      "ip lan1 secure filter in 100 199",
    ]);
    // The session of dynamic filter 300 still lets the SMB answer back; the ping's answer has none.
    expect(filterWarnings(realOnly)).toEqual([
      "publishedHosts.fileserver: a VPN client cannot reach it (ping): lan1 in: filter 199 (filters[16]) rejects icmp echo reply",
    ]);
    const noSession = replace(realOnly, "ip lan1 secure filter out 100 101 199 dynamic 300", [
      "ip lan1 secure filter out 100 101 199",
    ]);
    expect(filterWarnings(noSession)).toContainEqual(
      "publishedHosts.fileserver: a VPN client cannot reach it (tcp/445): lan1 in: filter 199 (filters[16]) rejects tcp/49152",
    );
  });

  it("refuses a line of another family, an unreadable filter and a control character, naming filters[i]", () => {
    expect(
      failures({ ...SEED_INPUTS, filters: ["ip filter 1 pass * *", "ip lan1 address 192.168.11.1/24"] }),
    ).toEqual([
      {
        property: "filters[1]",
        reason: expect.stringMatching(
          /must be an ip filter, ip filter dynamic, ip IF secure filter or ip route default line/,
        ),
      },
    ]);
    expect(failures({ ...SEED_INPUTS, filters: ["ip filter 1 pass 300.1.1.1 *"] })).toEqual([
      { property: "filters[0]", reason: expect.stringMatching(/300\.1\.1\.1/) },
    ]);
    expect(failures({ ...SEED_INPUTS, filters: ["ip filter 1 pass * *\rsave"] })).toEqual([
      { property: "filters[0]", reason: expect.stringMatching(/control character/) },
    ]);
  });

  it("the component logs the filter warnings at construction, so preview shows them", async () => {
    const vpn = new OverlapSafeVpn("filtered", {
      ...SEED_INPUTS,
      vpn: {
        ...SEED_INPUTS.vpn,
        users: [{ name: "u", password: "p" }],
        preSharedKey: "Common-Key-4711-long",
      },
      filters: replace(FIREWALL, " ip pp secure filter in 10 11 12 13 19", [" ip pp secure filter in 10 19"]),
    });
    const out = await valueOf(vpn.warnings);
    await Promise.all(Object.values(vpn.children).map((c) => valueOf(c.urn)));
    const blocked = out.find((w) => w.startsWith("filters: VPN_BLOCKED_BY_SECURE_FILTER"));
    expect(blocked).toMatch(
      /drops udp\/4500 \(filter 19, filters\[11\]\), esp \(filter 19, filters\[11\]\), udp\/1701/,
    );
    expect(logged).toContainEqual(blocked);
  });
});
