/**
 * Faults injected on purpose: set through the API (`faults`, `setFaults`) or `nvr-sim --fault SPEC`, so a failure
 * seen in a test can be reproduced by hand.
 */

export type Fault =
  | { type: "drop-after-commands"; count: number }
  | { type: "drop-on"; match: string }
  | { type: "error-on"; match: string; message?: string };

/** What a command meets: a cut before it runs, a cut after it ran, and/or an error answer instead of running. */
export interface FaultHit {
  drop?: "before" | "after";
  /** The error message; "" means the device's own `Invalid command name`. */
  error?: string;
}

function compile(match: string): RegExp {
  try {
    return new RegExp(match);
  } catch (e) {
    throw new Error(`not a regular expression: ${(e as Error).message}`);
  }
}

/** One drop-after-commands fault counts commands across all sessions; it fires once. */
interface ArmedFault {
  fault: Fault;
  regex?: RegExp;
  remaining: number;
}

export class FaultSet {
  private readonly armed: ArmedFault[];

  constructor(faults: readonly Fault[]) {
    this.armed = faults.map((fault, i) => {
      if (fault.type === "drop-after-commands") return { fault, remaining: fault.count };
      try {
        return { fault, regex: compile(fault.match), remaining: 0 };
      } catch (e) {
        throw new Error(`faults[${i}].match: ${(e as Error).message}`);
      }
    });
  }

  /** The faults this command meets; counts it against drop-after-commands. */
  hit(command: string): FaultHit {
    const matching = (type: Fault["type"]): Fault | undefined =>
      this.armed.find((a) => a.fault.type === type && a.regex?.test(command))?.fault;
    if (matching("drop-on")) return { drop: "before" };
    const error = matching("error-on");
    let drop: "after" | undefined;
    for (const a of this.armed) {
      if (a.fault.type === "drop-after-commands" && a.remaining > 0 && --a.remaining === 0) drop = "after";
    }
    return { drop, error: error?.type === "error-on" ? (error.message ?? "") : undefined };
  }
}

export const FAULT_SYNTAX = "drop-after-commands=N | drop-on=REGEX | error-on=REGEX | error-on:MESSAGE=REGEX";

/**
 * One `--fault` value. The regex is everything after the first `=`, so it may hold any character (`:` and `=`
 * included); an error message therefore sits before that `=` and cannot contain one.
 */
export function parseFault(spec: string): Fault {
  const eq = spec.indexOf("=");
  const head = eq < 0 ? spec : spec.slice(0, eq);
  const value = eq < 0 ? undefined : spec.slice(eq + 1);
  const colon = head.indexOf(":");
  const type = colon < 0 ? head : head.slice(0, colon);
  const message = colon < 0 ? undefined : head.slice(colon + 1);
  if (type !== "drop-after-commands" && type !== "drop-on" && type !== "error-on")
    throw new Error(`unknown fault "${type}" (expected ${FAULT_SYNTAX})`);
  if (message !== undefined && type !== "error-on") throw new Error(`${type} takes no message`);
  if (message === "") throw new Error("error-on: the message after ':' is empty");
  if (value === undefined || value === "")
    throw new Error(
      `${type} needs ${type === "drop-after-commands" ? "a count" : "a regular expression"} after '='`,
    );
  if (type === "drop-after-commands") {
    const count = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1)
      throw new Error(`drop-after-commands needs a whole number of at least 1, got "${value}"`);
    return { type, count };
  }
  try {
    compile(value);
  } catch (e) {
    throw new Error(`${type}: ${(e as Error).message}`);
  }
  if (type === "drop-on" || message === undefined) return { type, match: value };
  return { type, match: value, message };
}
