/** A lint finding and the shape of a check, shared by the pitfall lint (lint.ts) and the filter lint (filter-lint.ts). */
import type { NetworkModel } from "./network";

export type Severity = "error" | "warning";

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Source line numbers, ascending. */
  lines: number[];
  /** How to fix it, where the message does not already say. */
  hint?: string;
}

export type Check = (model: NetworkModel) => Finding[];

export const finding = (
  code: string,
  severity: Severity,
  message: string,
  lines: (number | undefined)[],
  hint?: string,
): Finding => ({
  code,
  severity,
  message,
  lines: [...new Set(lines.filter((l): l is number => l !== undefined))].sort((a, b) => a - b),
  ...(hint === undefined ? {} : { hint }),
});
