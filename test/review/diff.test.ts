import { parseConfig } from "../../provider/config/parse";
import { applyCommands, configDiff, reviewText } from "../../provider/review";

const BEFORE = `# NVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)
# Reporting Date: Nov 27 10:00:00 2026
ip lan1 address 192.168.11.250/24
ip lan1 proxyarp on
pp select anonymous
 pp auth username vpnuser1 vpnpass1
tunnel select 2
 ipsec tunnel 2
  ipsec ike pre-shared-key 2 text example-psk
l2tp service on
`;

describe("configDiff", () => {
  const before = parseConfig(BEFORE);

  it("is empty for the same body, whatever the header's Reporting Date says", () => {
    const later = parseConfig(BEFORE.replace("Nov 27 10:00:00 2026", "Nov 28 11:11:11 2026"));
    expect(configDiff(before, later)).toEqual({ text: "", added: [], removed: [] });
  });

  it("prints a unified diff of NVR lines with block indentation kept", () => {
    const after = applyCommands(before, [
      { context: { kind: "global" }, command: "no ip lan1 proxyarp" },
      { context: { kind: "global" }, command: "ip lan1 nat descriptor reverse 30" },
    ]);
    const diff = configDiff(before, after, 1);
    expect(diff.text).toBe(
      [
        "--- before",
        "+++ after",
        "@@ -1,3 +1,3 @@",
        " ip lan1 address 192.168.11.250/24",
        "-ip lan1 proxyarp on",
        "+ip lan1 nat descriptor reverse 30",
        " pp select anonymous",
        "",
      ].join("\n"),
    );
    expect(diff.added).toEqual(["ip lan1 nat descriptor reverse 30"]);
    expect(diff.removed).toEqual(["ip lan1 proxyarp on"]);
  });

  it("masks secrets on both sides, so a secret change is not shown and never printed", () => {
    const after = applyCommands(before, [
      { context: { kind: "pp", peer: "anonymous" }, command: "pp auth username vpnuser1 other-pass" },
      { context: { kind: "tunnel", tunnel: 2 }, command: "ipsec ike pre-shared-key 2 text other-psk" },
    ]);
    expect(configDiff(before, after).text).toBe("");
    expect(reviewText(after)).toContain("  ipsec ike pre-shared-key 2 text ********\n");
    const added = applyCommands(before, [
      { context: { kind: "pp", peer: "anonymous" }, command: "pp auth username vpnuser2 vpnpass2" },
    ]);
    const diff = configDiff(before, added);
    expect(diff.added).toEqual([" pp auth username vpnuser2 ********"]);
    expect(diff.text).not.toMatch(/vpnpass|example-psk/);
  });
});
