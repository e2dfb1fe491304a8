import { indexConfig } from "../../provider/config";
import type { ConfigItem, ConfigTree } from "../../provider/config/model";
import { parseConfig } from "../../provider/config/parse";

const ROUTES = 10_000;
const route = (i: number) => `ip route 10.${i >> 8}.${i & 255}.0/24 gateway 192.168.11.${(i % 250) + 1}`;

function bigConfig(): string {
  const lines = ["# NVR510 Rev.15.01.21 (Fri Jun  7 10:00:00 2024)", "ip lan1 address 192.168.11.250/24"];
  for (let i = 0; i < ROUTES; i++) lines.push(route(i));
  lines.push(
    "pp select anonymous",
    " pp auth username a@b x",
    " pp auth username c@d y",
    " pp enable anonymous",
  );
  lines.push("tunnel select 2", " ipsec tunnel 2", "  ipsec ike remote address 2 any", " tunnel enable 2");
  lines.push("nat descriptor type 30 nat");
  return lines.join("\n");
}

/** The tree with its item list wrapped so every read of an item is counted. */
function counted(tree: ConfigTree): { tree: ConfigTree; reads: () => number; reset: () => void } {
  let reads = 0;
  const items = new Proxy(tree.items, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && /^\d+$/.test(prop)) reads++;
      return Reflect.get(target, prop, receiver) as ConfigItem;
    },
  });
  return { tree: { ...tree, items }, reads: () => reads, reset: () => (reads = 0) };
}

describe("indexConfig on a 10,000-route config", () => {
  const parsed = parseConfig(bigConfig());

  it("reads every item once to build, and no item on lookups", () => {
    const c = counted(parsed);
    const index = indexConfig(c.tree);
    expect(c.reads()).toBe(parsed.items.length);
    c.reset();
    for (let i = 0; i < ROUTES; i += 97) {
      const hits = index.find(["ip", "route", `10.${i >> 8}.${i & 255}.0/24`]);
      expect(hits.map((l) => l.text)).toEqual([route(i)]);
      expect(index.byKey(["ip", "route", `10.${i >> 8}.${i & 255}.0/24`])?.text).toBe(route(i));
    }
    expect(index.find(["ip", "route"])).toHaveLength(ROUTES);
    expect(index.block("tunnel", "2")?.lines).toHaveLength(3);
    expect(c.reads()).toBe(0);
  });

  it("finds lines in a block context only in that context", () => {
    const index = indexConfig(parsed);
    const pp = { kind: "pp", peer: "anonymous" } as const;
    expect(index.find(["pp", "auth", "username"], pp).map((l) => l.tokens[3])).toEqual(["a@b", "c@d"]);
    expect(index.find(["pp", "auth", "username"])).toEqual([]);
    expect(index.byKey(["pp", "auth", "username", "c@d"], pp)?.tokens[4]).toBe("y");
    expect(
      index.byKey(["ipsec", "ike", "remote", "address", "2"], { kind: "tunnel", tunnel: 2 })?.line,
    ).toBeGreaterThan(ROUTES);
    expect(index.byKey(["nat", "descriptor", "type", "30"])?.text).toBe("nat descriptor type 30 nat");
    expect(index.blocks("pp").map((b) => b.id)).toEqual(["anonymous"]);
    expect(index.model).toBe("NVR510");
  });

  it("filters prefixes longer than the indexed depth within the bucket", () => {
    const index = indexConfig(parsed);
    expect(index.find(["ip", "route", "10.0.5.0/24", "gateway", "192.168.11.6"])).toHaveLength(1);
    expect(index.find(["ip", "route", "10.0.5.0/24", "gateway", "192.168.11.6", "metric"])).toHaveLength(0);
  });
});
