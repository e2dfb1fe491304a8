import fc from "fast-check";
import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";
import { startSimulator, type Simulator } from "../../simulator/index";
import { Shell } from "./helpers";

/** Lines a user, a script or line noise could produce: known command words mixed with garbage. */
const WORDS = [
  "pp",
  "select",
  "tunnel",
  "ip",
  "lan1",
  "address",
  "no",
  "show",
  "config",
  "ipsec",
  "ike",
  "nat",
  "descriptor",
  "schedule",
  "at",
  "+1",
  "*",
  "console",
  "lines",
  "columns",
  "character",
  "save",
  "quit",
  "exit",
  "anonymous",
  "1",
  "0",
  "-1",
  "99999999999",
  "192.168.1.1/24",
  '"',
  "'",
  "\\",
  "#",
  "|",
  ">",
  "expand",
  "template",
  "none",
];
const line = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }).map((w) => w.join(" ")),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
    .map((codes) => String.fromCharCode(...codes)),
);

describe("garbage never crashes the simulator", () => {
  test("the engine answers every line, in every mode, without throwing", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, admin) => {
        const engine = new Engine({
          model: MODELS.nvr510,
          parse: parseConfigCommand,
          adminPassword: "admin",
          bootTime: new Date(),
        });
        const session = engine.newSession();
        session.admin = admin;
        for (const l of lines) {
          // Restart and logout effects are the server's business; the engine must just keep answering.
          const reply = engine.execute(session, l, new Date());
          expect(Array.isArray(reply.lines)).toBe(true);
          engine.key(session, l.slice(0, 1));
          expect(typeof engine.prompt(session)).toBe("string");
        }
        engine.body(engine.running);
      }),
      { numRuns: 300 },
    );
  });

  describe("over SSH", () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await startSimulator({});
    });
    afterAll(() => sim.stop());

    test("random keystrokes and lines leave the session answering", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
          const sh = await Shell.open(sim);
          try {
            await sh.login();
            await sh.administrator();
            // No quit/exit/restart/administrator here: those legitimately end or suspend the login.
            const safe = lines.filter(
              (l) =>
                !/quit|exit|restart|administrator/.test(l) && !l.includes("\u0003") && !l.includes("\u001b"),
            );
            for (const l of safe) sh.send(`${l.replace(/[\r\n]/g, " ")}\r`);
            // A save question or a pager may be waiting for one key; q and N answer both harmlessly.
            sh.send("\x15");
            sh.send("q");
            sh.send("N");
            sh.send("\rconsole lines infinity\rshow environment\r");
            await sh.expect(/NVR510 Rev\.15\.01\.21[\s\S]*Elapsed time from boot/, 15000);
          } finally {
            sh.close();
          }
        }),
        { numRuns: 15 },
      );
    });
  });
});
