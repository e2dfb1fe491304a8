/**
 * The shape of the grammar-families-*.test.ts files (the command families of issue 14, one file per group of
 * families): one row per command form, and the same four checks on each file's rows.
 */
import type { GrammarError, SimContext } from "../../simulator/engine/grammar-contract";
import { parseConfigCommand } from "../../simulator/engine/grammar";
import { MODELS } from "../../simulator/engine/models";

export const none: SimContext = { kind: "none" };
export const pp1: SimContext = { kind: "pp", peer: "1" };
export const tunnel1: SimContext = { kind: "tunnel", tunnel: 1 };

/** [line, context, model]: lines taken from the CR's syntax (§ in the comment) and its examples. */
export type Good = [string, SimContext, string];
/** [line, context, model, error]: keywords, ranges, lists and arity per the syntax. */
export type Bad = [string, SimContext, string, GrammarError];

export function validLines(rows: Good[]): void {
  describe("valid lines of each family", () => {
    test.each(rows)("%s", (line, context, model) => {
      const result = parseConfigCommand(line, context, MODELS[model]);
      expect(result).toMatchObject({ ok: true, negate: false });
      if (!result?.ok || result.negate) return;
      expect(result.command.canonical).toBe(line);
      // Re-parsing the printed form is stable (what show config prints loads back the same).
      expect(parseConfigCommand(result.command.canonical, context, MODELS[model])).toEqual(result);
    });
  });
}

/** [a setting, the `no` form that removes it], on the RTX1210 outside any select. */
export function noForms(rows: [string, string][]): void {
  describe("no forms address the setting by its key arguments only", () => {
    test.each(rows)("%s / %s", (set, unset) => {
      const model = MODELS.rtx1210;
      const added = parseConfigCommand(set, none, model);
      const removed = parseConfigCommand(unset, none, model);
      expect(added).toMatchObject({ ok: true, negate: false });
      expect(removed).toMatchObject({ ok: true, negate: true });
      if (added?.ok && !added.negate && removed?.ok && removed.negate)
        expect(removed.key).toBe(added.command.key);
    });
  });
}

export function invalidLines(rows: Bad[]): void {
  describe("invalid lines get the device's error class", () => {
    test.each(rows)("%s → %s", (line, context, model, error) => {
      expect(parseConfigCommand(line, context, MODELS[model])).toEqual({ ok: false, error });
    });
  });
}

/** [line, a model that has it, one that does not]. */
export function lackedCommands(rows: [string, string, string][]): void {
  describe("a command the model lacks is an unknown command there (Error: Invalid command name)", () => {
    test.each(rows)("%s: %s has it, %s does not", (line, has, lacks) => {
      expect(parseConfigCommand(line, none, MODELS[has])).toMatchObject({ ok: true });
      expect(parseConfigCommand(line, none, MODELS[lacks])).toEqual({ ok: false, error: "invalid-command" });
    });
  });
}
