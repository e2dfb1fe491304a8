/** The simulator's event log: kept in memory for the in-process API and appended to a JSON-lines file if asked. */
import { appendFileSync } from "node:fs";

export interface SimEvent {
  ts: string;
  type: "connect" | "auth" | "command" | "save" | "disconnect" | "restart";
  session?: number;
  [k: string]: unknown;
}

export class EventLog {
  private entries: SimEvent[] = [];

  constructor(private readonly file?: string) {}

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
