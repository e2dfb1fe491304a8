/**
 * Preview checks the router's secure filters against the VPN it sets up (issue 16): the live plan of an
 * L2tpAnonymousPool (alone or as a VPN component's child) reads the router's config from nvr-sim over SSH and warns
 * when the upstream interface's in list would drop IKE, NAT traversal, ESP or L2TP.
 */
import * as dynamic from "../../provider/dynamic";
import { withSeedRouter } from "./harness";

const FIREWALL = [
  "# NVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)",
  "ip route default gateway 192.168.1.1",
  "ip lan1 address 192.168.11.250/24",
  "ip lan2 address 192.168.1.51/24",
  "ip lan2 secure filter in 10 11 19",
  "ip filter 10 pass * * udp * 500",
  "ip filter 11 pass * * udp * 4500,1701",
  "ip filter 19 reject * *",
  "l2tp service on",
  "",
].join("\n");

const POOL = {
  tunnels: { from: 2, to: 4 },
  users: [{ name: "someone", password: "pw-Alpha-0001" }],
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: "Common-Key-4711-long",
  livePlan: true,
};

function capturedWarnings(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe("preview of a VPN against a router whose upstream filter drops ESP", () => {
  const sim = withSeedRouter(FIREWALL);

  it("warns naming the code, the filter and its line, and the fix; the plan itself is unchanged", async () => {
    const warnings = capturedWarnings();
    let result;
    try {
      result = await dynamic.check("L2tpAnonymousPool", {}, POOL);
    } finally {
      warnings.restore();
    }
    expect(result.failures ?? []).toEqual([]);
    expect(result.inputs.plan).toEqual(expect.arrayContaining(["pp select anonymous"]));
    // Lines as the router's `show config` numbers them (its header comes first).
    const warning = warnings.lines.find((l) => l.includes("VPN_BLOCKED_BY_SECURE_FILTER"));
    expect(warning).toBe(
      `warning: ${sim().host}:${sim().port}: VPN_BLOCKED_BY_SECURE_FILTER: L2TP/IPsec is enabled but lan2's secure filter in (line 10) on the upstream interface drops esp (filter 19, line 13), so clients cannot connect; fix: pass esp to the router before any filter that rejects them, e.g. ip filter N pass * * udp * 500,4500 / ip filter N pass * * esp / ip filter N pass * * udp * 1701 (with masquerade, the destination the filter sees is the masquerade static entry's inner address), and list them early in ip lan2 secure filter in\n`,
    );
    expect(warnings.lines.join("")).not.toContain("Common-Key-4711-long");
  });
});

describe("preview of a VPN against a router whose upstream filter passes the VPN", () => {
  withSeedRouter(
    FIREWALL.replace("secure filter in 10 11 19", "secure filter in 10 11 12 19").replace(
      "ip filter 19 reject",
      "ip filter 12 pass * * esp\nip filter 19 reject",
    ),
  );

  it("gives no filter warning", async () => {
    const warnings = capturedWarnings();
    let result;
    try {
      result = await dynamic.check("L2tpAnonymousPool", {}, POOL);
    } finally {
      warnings.restore();
    }
    // The live plan ran (a plan read from the router), and found nothing to warn about.
    expect(result.inputs.plan).toEqual(expect.arrayContaining(["pp select anonymous"]));
    expect(warnings.lines.filter((l) => /VPN_|not checked/.test(l))).toEqual([]);
  });
});
