/**
 * Properties of the grammar over generated lines: the canonical text is a fixed point (what `show config` prints
 * reads back as the same setting), and numbers outside a command's range are refused.
 */
import fc from "fast-check";
import type { SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const none: SimContext = { kind: "none" };
const model = MODELS.nvr510;

const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
const id = fc.integer({ min: 1, max: 2147483647 });
const hexByte = fc.nat(255).chain((b) => fc.constantFrom(b.toString(16), b.toString(16).toUpperCase()));

/** An RFC 3442 route: width, its significant octets, then the four router octets. */
const classlessRoute = fc
  .integer({ min: 0, max: 32 })
  .chain((width) =>
    fc
      .array(hexByte, { minLength: Math.ceil(width / 8) + 4, maxLength: Math.ceil(width / 8) + 4 })
      .map((bytes) => [width.toString(16), ...bytes].join(",")),
  );

const lines = fc.oneof(
  fc
    .tuple(id, id, ip, ip, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
    .map(
      ([nd, n, outer, inner, count]) =>
        `nat descriptor static ${nd} ${n} ${outer}=${inner}${count ? ` ${count}` : ""}`,
    ),
  fc
    .tuple(
      ip,
      fc.integer({ min: 0, max: 32 }),
      ip,
      fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
    )
    .map(
      ([net, bits, gw, metric]) =>
        `ip route ${net}/${bits} gateway ${gw}${metric ? ` metric ${metric}` : ""}`,
    ),
  fc
    .tuple(fc.integer({ min: 1, max: 65535 }), fc.array(classlessRoute, { minLength: 1, maxLength: 3 }))
    .chain(([scope, routes]) =>
      fc
        .constantFrom("121", "classless_static_route")
        .map((name) => `dhcp scope option ${scope} ${name}=${routes.join(",")}`),
    ),
  fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.nat(23), fc.nat(59), fc.constantFrom("", "*/Mon ", "1/1 "))
    .map(([n, h, m, date]) => `schedule at ${n} ${date}${h}:${m} * restart`),
  fc
    .tuple(id, fc.constantFrom("none", "nat", "masquerade", "nat-masquerade"))
    .map(([nd, type]) => `nat descriptor type ${nd} ${type}`),
);

describe("generated lines", () => {
  it("print a canonical text that reads back as the same setting", () => {
    fc.assert(
      fc.property(lines, (line) => {
        const first = parseConfigCommand(line, none, model);
        if (!first?.ok || first.negate) throw new Error(`${line}: ${JSON.stringify(first)}`);
        const again = parseConfigCommand(first.command.canonical, none, model);
        expect(again).toEqual(first);
      }),
    );
  });

  it("store DHCP option 121 in one lower-case form whichever name or case was typed", () => {
    fc.assert(
      fc.property(fc.array(classlessRoute, { minLength: 1, maxLength: 3 }), (routes) => {
        const value = routes.join(",");
        const canonical = (name: string): string | undefined => {
          const r = parseConfigCommand(`dhcp scope option 1 ${name}=${value}`, none, model);
          return r?.ok && !r.negate ? r.command.canonical : undefined;
        };
        expect(canonical("121")).toBe(canonical("classless_static_route"));
        expect(canonical("121")).toBe(
          `dhcp scope option 1 classless_static_route=${value.toLowerCase().replace(/\b([0-9a-f])\b/g, "0$1")}`,
        );
      }),
    );
  });

  it("refuses numbers outside a command's range", () => {
    const outside = (min: number, max: number): fc.Arbitrary<number> =>
      fc.oneof(fc.integer({ min: 0, max: min - 1 }), fc.integer({ min: max + 1, max: max + 100000 }));
    fc.assert(
      fc.property(outside(10, 100), (n) => {
        expect(parseConfigCommand(`console lines ${n}`, none, model)).toEqual({
          ok: false,
          error: "out-of-range",
        });
      }),
    );
    fc.assert(
      fc.property(outside(1, 15), (n) => {
        const line = `ip route 10.0.0.0/8 gateway 192.168.11.1 metric ${n}`;
        expect(parseConfigCommand(line, none, model)).toEqual({ ok: false, error: "out-of-range" });
      }),
    );
    fc.assert(
      fc.property(outside(1, 65535), (n) => {
        const line = `dhcp scope ${n} 192.168.11.2-192.168.11.63/24`;
        expect(parseConfigCommand(line, none, model)).toEqual({ ok: false, error: "out-of-range" });
      }),
    );
  });
});
