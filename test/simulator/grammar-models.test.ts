/**
 * The model table: identity text in the shape real dumps print it, and per-model limits reaching the grammar.
 */
import * as fs from "fs";
import * as path from "path";
import type { SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { bannerLines, configHeaderLines, modelNamed, MODELS } from "../../simulator/engine/models";
import { SIMULATOR_MODELS } from "../../simulator/index";

const CONFIGS = "/work/shared/configs";

/** Header shapes taken from the real dumps' first four lines. */
const HEADER_SHAPES = [
  /^# [A-Z]+\d+W? Rev\.\d+\.\d+\.\d+ \([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\)$/,
  /^# MAC Address : [0-9a-fx*:]+((, [0-9a-fx*:]+)*,? ?| - [0-9a-f:]+)$/,
  /^# Memory \d+Mbytes, \d+LAN(, \d+(BRI|ONU))?$/,
  /^# main: {2}[A-Z]+\d+W? ver=\S+ serial=\S+( MAC-Address=\S+)+/,
];

describe("model identity text", () => {
  it("has the shapes of the real dumps' headers", () => {
    const real = fs
      .readdirSync(CONFIGS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => fs.readFileSync(path.join(CONFIGS, f), "utf8").split("\n"))
      .map((lines) => lines.slice(lines.findIndex((l) => /^# [A-Z]+\d+ Rev\./.test(l))));
    for (const lines of real)
      HEADER_SHAPES.slice(0, 3).forEach((shape, i) => expect(lines[i]).toMatch(shape));
    for (const model of Object.values(MODELS)) {
      const header = configHeaderLines(model);
      expect(header).toHaveLength(HEADER_SHAPES.length);
      header.forEach((line, i) => expect(line).toMatch(HEADER_SHAPES[i]));
    }
  });

  it("lists the MACs as each firmware does: old RTX with a trailing comma, the RTX1300 as a range", () => {
    expect(configHeaderLines(MODELS.rtx1100)[1]).toMatch(/^# MAC Address : (\S+, ){2}\S+,$/);
    expect(configHeaderLines(MODELS.rtx1500)[1]).toMatch(/^# MAC Address : (\S+, ){3}$/);
    expect(configHeaderLines(MODELS.rtx1300)[1]).toBe(
      "# MAC Address : ac:44:f2:b6:86:01 - ac:44:f2:b6:86:08",
    );
    expect(configHeaderLines(MODELS.rtx1210)[1]).toMatch(/^# MAC Address : (\S+, ){2}\S+[^,]$/);
  });

  it("prints the NVR510's memory line and its model in the banner", () => {
    expect(configHeaderLines(MODELS.nvr510)[2]).toBe("# Memory 256Mbytes, 2LAN, 1ONU");
    expect(bannerLines(MODELS.nvr510)[1]).toBe("NVR510 Rev.15.01.21 (Thu Nov 10 17:02:24 2022)");
    expect(bannerLines(MODELS.nvr500)[1]).toMatch(/^NVR500 Rev\.11\.00\.41 /);
  });

  it("is keyed by each model's id, and the API and CLI offer exactly these models", () => {
    for (const [id, model] of Object.entries(MODELS)) expect(model.id).toBe(id);
    expect(Object.keys(MODELS).sort()).toEqual([...SIMULATOR_MODELS].sort());
    expect(SIMULATOR_MODELS).toEqual(
      expect.arrayContaining([
        "nvr510",
        "nvr500",
        "nvr700w",
        "rtx830",
        "rtx1100",
        "rtx1200",
        "rtx1210",
        "rtx1220",
      ]),
    );
    expect(modelNamed("RTX1300")).toBe(MODELS.rtx1300);
    expect(modelNamed("rtx9999")).toBeUndefined();
  });

  it("has one MAC per LAN port and the memory line's LAN count", () => {
    for (const model of Object.values(MODELS)) {
      expect(model.macs).toHaveLength(model.interfaces?.lan ?? 0);
      expect(new Set(model.macs).size).toBe(model.macs.length);
      expect(model.memory).toContain(`${model.interfaces?.lan}LAN`);
    }
  });
});

describe("per-model limits in the grammar", () => {
  const tunnel2: SimContext = { kind: "tunnel", tunnel: 2 };
  const anonymous: SimContext = { kind: "pp", peer: "anonymous" };

  it("allows tunnels up to the model's maximum", () => {
    for (const model of Object.values(MODELS)) {
      const last = `pp bind tunnel1-tunnel${model.maxTunnel}`;
      const beyond = `pp bind tunnel1-tunnel${model.maxTunnel + 1}`;
      expect(parseConfigCommand(last, anonymous, model)).toMatchObject({ ok: true });
      expect(parseConfigCommand(beyond, anonymous, model)).toEqual({ ok: false, error: "out-of-range" });
      expect(parseConfigCommand(`tunnel template ${model.maxTunnel + 1}`, tunnel2, model)).toEqual({
        ok: false,
        error: "out-of-range",
      });
    }
  });

  it("refuses a fifth tunnel on the NVRs (four L2TP/IPsec tunnels), not on the RTX830", () => {
    for (const model of [MODELS.nvr510, MODELS.nvr500]) {
      expect(parseConfigCommand("pp bind tunnel2-tunnel5", anonymous, model)).toEqual({
        ok: false,
        error: "out-of-range",
      });
    }
    expect(parseConfigCommand("pp bind tunnel2-tunnel5", anonymous, MODELS.rtx830)).toMatchObject({
      ok: true,
    });
  });

  it("limits the anonymous address pool per model", () => {
    const rtx830 = MODELS.rtx830;
    const pool = (last: number): string => `ip pp remote address pool 172.16.0.1-172.16.0.${last}`;
    expect(parseConfigCommand(pool(32), anonymous, rtx830)).toMatchObject({ ok: true });
    expect(parseConfigCommand(pool(33), anonymous, rtx830)).toEqual({ ok: false, error: "out-of-range" });
    expect(parseConfigCommand(`${pool(30)} 172.16.1.1 172.16.1.2 172.16.1.3`, anonymous, rtx830)).toEqual({
      ok: false,
      error: "out-of-range",
    });
    expect(parseConfigCommand(pool(33), anonymous, MODELS.rtx1210)).toMatchObject({ ok: true });
  });

  it("takes the console column range from the model", () => {
    const none: SimContext = { kind: "none" };
    expect(parseConfigCommand("console columns 200", none, MODELS.nvr510)).toMatchObject({ ok: true });
    expect(parseConfigCommand("console columns 201", none, MODELS.nvr510)).toEqual({
      ok: false,
      error: "out-of-range",
    });
    expect(parseConfigCommand("console columns 4096", none, MODELS.rtx830)).toMatchObject({ ok: true });
  });
});
