/** The simulator's event log: kept in memory for the in-process API and appended to a JSON-lines file if asked. */
import { appendFileSync } from "node:fs";

export interface SimEvent {
  ts: string;
  /** `reply`: the bytes a command's output put on the wire (`bytes`), logged once it is written. */
  type: "connect" | "auth" | "command" | "reply" | "save" | "disconnect" | "restart";
  session?: number;
  [k: string]: unknown;
}

export class EventLog {
  private entries: SimEvent[] = [];

  constructor(private readonly file?: string) {
    // Fail at start, naming the option, rather than on the first event inside a connection handler.
    if (file === undefined) return;
    try {
      appendFileSync(file, "");
    } catch (e) {
      throw new Error(`events: cannot write ${file}: ${(e as Error).message}`);
    }
  }

  add(type: SimEvent["type"], fields: Omit<SimEvent, "ts" | "type"> = {}): void {
    const event: SimEvent = { ts: new Date().toISOString(), type, ...fields };
    this.entries.push(event);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }

  all(): SimEvent[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
