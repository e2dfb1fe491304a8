import type { z } from "zod";

/**
 * Asserts a schema refuses `raw` with an issue at `property` (dotted zod path) whose message matches `reason`.
 * Returns all of the issues for further checks (e.g. that none shows a secret).
 */
export function expectRefused(
  schema: z.ZodTypeAny,
  raw: unknown,
  property: string,
  reason: string | RegExp,
): z.ZodIssue[] {
  const result = schema.safeParse(raw);
  expect(result.success).toBe(false);
  if (result.success) return [];
  expect(result.error.issues.find((i) => i.path.join(".") === property)?.message).toMatch(reason);
  return result.error.issues;
}
