/**
 * Issue 14: the grammar covers the configuration commands of the command reference. Every example line the CR writes
 * as `# COMMAND ...` that is a configuration command is accepted by nvr-sim under some model and shows in
 * `show config`. The CR is read at test time (it is not ours to copy into the repository).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../../simulator/engine/engine";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

const REFERENCE = "/work/shared/reference/rtx-command-reference";

/**
 * Heads of the CR's operation commands (ch. 2, 19.6, 55-58): they act on the device and are never held in a config.
 * `pp select` / `tunnel select` are operations too; the example blocks use them to enter a context (see below).
 */
const OPERATIONS =
  /^(show|clear|ping6?|traceroute6?|save|copy|administrator|exit|quit|disconnect|mount|unmount|restart|connect|cloud vpn set go|(pp|tunnel) select)\b/;

/** Example lines that are not taken as written, each with the reason. */
const EXCEPTIONS: Record<string, string> = {
  "schedule at 1 1/1 0:0 * ip route NETWORK gateway pp 2": "NETWORK is a placeholder for an address",
  "macro sample <<EOM": "a here-document: the body follows on lines the example does not show",
  "embedded file sample.txt <<EOF": "a here-document: the body follows on lines the example does not show",
  "pp bind tunnel1-tunnel20": "needs `pp select anonymous`, which the example block has and nvr-sim lacks",
  "pp enable anonymous": "needs `pp select anonymous`, which the example block has and nvr-sim lacks",
  "dpi group set 100 name=sw_update":
    "the application list is on the next line of the CR (§8.1.7 example), which the extraction cuts off",
};

interface Example {
  file: string;
  line: string;
}

/** `# COMMAND` lines of the chapters; a page footer the PDF extraction glued on is cut, prose lines are dropped. */
function examples(): Example[] {
  return readdirSync(REFERENCE)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .flatMap((file) =>
      readFileSync(join(REFERENCE, file), "utf8")
        .split("\n")
        .filter((l) => l.startsWith("# "))
        .map((l) => ({
          file,
          line: l
            .slice(2)
            .replace(/\s*\|?\s*コマンドリファレンス.*$/, "")
            .trim()
            .replace(/\s+/g, " "),
        }))
        // Chapter titles, prompts and notes are not commands: a command is printable ASCII starting with a word.
        .filter((e) => /^[a-z][\x20-\x7e]*$/.test(e.line)),
    );
}

const ALL = examples();
const CONFIG = ALL.filter((e) => !OPERATIONS.test(e.line));
const TAKEN = CONFIG.filter((e) => !(e.line in EXCEPTIONS));

/**
 * The first model that takes the line (in the select context its scope needs): its `show config` body and the form
 * the grammar prints the line in (the device normalises some, e.g. schedule times), or the error.
 */
function tryLine(
  line: string,
): { ok: true; model: string; body: string[]; printed: string } | { ok: false; error: string } {
  let error = "no model";
  for (const model of Object.values(MODELS)) {
    const engine = new Engine({
      model,
      parse: parseConfigCommand,
      adminPassword: "admin",
      bootTime: new Date(),
    });
    const session = engine.newSession();
    session.admin = true;
    const first = parseConfigCommand(line, { kind: "none" }, model);
    // An example inside a pp/tunnel block: the CR's block starts with the select the line needs.
    if (first && !first.ok && first.error === "need-pp-select")
      engine.execute(session, "pp select 1", new Date());
    if (first && !first.ok && first.error === "need-tunnel-select")
      engine.execute(session, "tunnel select 1", new Date());
    const reply = engine.execute(session, line, new Date());
    const parsed = parseConfigCommand(line, session.context, model);
    if (reply.lines.length === 0 && parsed?.ok && !parsed.negate)
      return {
        ok: true,
        model: model.id,
        body: engine.body(engine.running),
        printed: parsed.command.canonical,
      };
    error = `${model.id}: ${reply.lines.join(" ")}`;
  }
  return { ok: false, error };
}

test("the CR's examples are found and most are configuration commands", () => {
  expect(ALL.length).toBeGreaterThan(250);
  expect(CONFIG.length).toBeGreaterThan(200);
  // Each exception still appears in the CR (a stale exception would hide nothing and must go).
  for (const line of Object.keys(EXCEPTIONS)) expect(CONFIG.map((e) => e.line)).toContain(line);
});

describe("every configuration example of the CR is accepted and shows in show config", () => {
  test.each(TAKEN.map((e) => [e.file, e.line] as const))("%s: %s", (_file, line) => {
    const result = tryLine(line);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.body.map((l) => l.trim())).toContain(result.printed);
    // What it prints is the typed command, only normalised (the device fills in a schedule's omitted date).
    expect(result.printed.split(" ").slice(0, 2)).toEqual(line.split(" ").slice(0, 2));
  });
});
