/**
 * Adopting takes over lines the router already had; destroying must put them back, in their own contexts,
 * so `pulumi destroy` returns the router to where it started.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DhcpScope, L2tpAnonymousPool } from "../../provider/resources";
import { priorLines } from "../../provider/resources/lines";
import { apply, index, render, store } from "./router";

const start = store(
  readFileSync(join(__dirname, "../../simulator/fixtures/seed-start.conf"), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n"),
);

const pool = L2tpAnonymousPool.schema.parse({
  tunnels: { from: 2, to: 4 },
  users: [
    { name: "vpnuser1", password: "new-pass-1" },
    { name: "vpnuser2", password: "new-pass-2" },
  ],
  pool: { range: "192.168.254.1-192.168.254.3" },
  preSharedKey: "new-psk",
});

describe("prior: adopt then delete restores the router", () => {
  test("an adopted L2TP pool records its pp anonymous and tunnel lines with their contexts", () => {
    const prior = L2tpAnonymousPool.prior(index(start), pool);
    expect(prior).toContain("pp select anonymous");
    expect(prior).toContain("tunnel select 2");
    expect(prior).toContain("ipsec ike pre-shared-key 2 text example-psk");
    const contexts = new Set(priorLines(prior).map((l) => JSON.stringify(l.context)));
    expect(contexts).toEqual(
      new Set([
        JSON.stringify({ kind: "pp", peer: "anonymous" }),
        JSON.stringify({ kind: "tunnel", tunnel: 2 }),
        JSON.stringify({ kind: "global" }),
      ]),
    );
  });

  test("delete of an adopted L2TP pool gives back exactly the starting pp anonymous, tunnel 2 and transport lines", () => {
    const prior = L2tpAnonymousPool.prior(index(start), pool);
    const created = apply(start, L2tpAnonymousPool.plan(index(start), pool, prior));
    expect(render(created)).not.toBe(render(start));
    expect(render(created)).toContain("tunnel template 3-4");
    const destroyed = apply(
      created,
      L2tpAnonymousPool.plan(index(created), undefined, prior, "pp anonymous"),
    );
    expect(render(destroyed)).toBe(render(start));
  });

  test("delete of an adopted DHCP scope restores the scope line it replaced", () => {
    const scope = DhcpScope.schema.parse({ id: 1, range: "192.168.11.2-192.168.11.99", prefixLength: 24 });
    const prior = DhcpScope.prior(index(start), scope);
    const created = apply(start, DhcpScope.plan(index(start), scope, prior));
    expect(render(created)).toContain("dhcp scope 1 192.168.11.2-192.168.11.99/24");
    const destroyed = apply(created, DhcpScope.plan(index(created), undefined, prior, "dhcp scope 1"));
    expect(render(destroyed)).toBe(render(start));
  });

  test("without prior, delete removes everything the resource owns", () => {
    const created = apply(start, L2tpAnonymousPool.plan(index(start), pool));
    const destroyed = apply(
      created,
      L2tpAnonymousPool.plan(index(created), undefined, undefined, "pp anonymous"),
    );
    expect(render(destroyed)).not.toContain("pp select anonymous");
    expect(render(destroyed)).not.toContain("tunnel select 2");
  });
});
