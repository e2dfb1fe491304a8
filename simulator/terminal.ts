/**
 * One login's console as the router renders it: line editing and echo, CRLF, hard wrap at columns−1, the pager,
 * the save question's single keystroke and the idle login timer. The server (server.ts) owns everything shared
 * between logins.
 */
import type { Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";
import { setTimeout as sleep } from "node:timers/promises";
import type { Connection, ServerChannel } from "ssh2";
import type { Reply, Session } from "./engine/engine";
import { maskSecrets } from "./engine/grammar";
import { errorLine, message } from "./engine/messages";
import type { FaultHit } from "./faults";
import type { SimServer } from "./server";

const CRLF = "\r\n";

/** Cuts a line after `width` characters; continuations start in column 0 (yamaha-cli.md §5). */
export function hardWrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += width) parts.push(line.slice(i, i + width));
  return parts;
}

/** Why the server ended a connection, for the disconnect event. */
export interface Ending {
  reason?: string;
}

/** One interactive login: line editing, echo, pager and the reply rendering. */
export class Terminal {
  private queue = "";
  /** Output not yet sent (`write`). */
  private pending = "";
  private line = "";
  private busy = false;
  private lastWasCr = false;
  /** Cursor column of the echoed input, for the hard wrap of long input lines. */
  private column = 0;
  private pager: { rest: string[]; done: () => void } | undefined;
  private idle: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly closeHandlers: (() => void)[] = [];
  /** Keeps a UTF-8 character split across packets whole. */
  private readonly decoder = new StringDecoder("utf8");

  constructor(
    private readonly server: SimServer,
    private readonly client: Connection,
    private readonly channel: ServerChannel,
    readonly session: Session,
    private readonly interactive: boolean,
    private readonly ending: Ending,
  ) {
    channel.on("data", (data: Buffer) => this.onData(this.decoder.write(data)));
    channel.on("close", () => this.close("channel closed"));
    channel.on("error", () => this.close("channel error"));
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  start(): void {
    this.write(this.server.engine.banner().join(CRLF) + CRLF);
    this.prompt();
    this.touch();
  }

  /** An exec request: one command, then only this channel closes. */
  async runOnce(command: string): Promise<void> {
    this.busy = true;
    if (await this.command(command)) this.finish("exec done", "channel");
  }

  stopTimers(): void {
    clearTimeout(this.idle);
  }

  /** Ends the login the polite way (logout, idle timer). */
  close(reason: string): void {
    this.finish(reason, "login");
  }

  /** Cuts the connection without a goodbye, like a reboot or a network fault. */
  drop(reason: string): void {
    this.finish(reason, "cut");
  }

  private finish(reason: string, how: "channel" | "login" | "cut"): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.stopTimers();
    this.pager?.done();
    if (how !== "channel") this.ending.reason ??= reason;
    if (how === "cut") (this.client as unknown as { _sock?: Socket })._sock?.destroy();
    else {
      try {
        this.channel.exit(0);
        this.channel.end();
      } catch {
        // The channel may already be gone.
      }
    }
    if (how !== "channel") this.client.end();
    for (const h of this.closeHandlers) h();
  }

  /**
   * Output goes out once per turn of the event loop, not once per call: the echo of a typed line is one packet, as
   * from a router that echoes a line it received in one segment (a packet per character cost the simulator more CPU
   * than the router it plays, on a machine it shares with the engine). Ending the login sends what is pending first.
   */
  private write(text: string): void {
    if (this.closed) return;
    if (this.pending === "") queueMicrotask(() => this.flush());
    this.pending += text;
  }

  private flush(): void {
    const text = this.pending;
    this.pending = "";
    if (text !== "" && !this.closed) this.channel.write(Buffer.from(text, "utf8"));
  }

  private touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.close("login timer"), this.server.engine.loginTimerSec() * 1000);
    this.idle.unref();
  }

  private prompt(): void {
    const text = this.server.engine.prompt(this.session);
    this.write(text);
    this.column = text.length;
  }

  private onData(text: string): void {
    // `show status user` counts idle time from the last keystroke.
    if (this.session.login) this.session.login.lastInput = new Date();
    this.queue += text;
    this.touch();
    this.pump();
  }

  private pump(): void {
    while (this.queue !== "" && !this.closed && (this.pager || !this.busy)) {
      const ch = this.queue[0];
      this.queue = this.queue.slice(1);
      const afterCr = this.lastWasCr;
      this.lastWasCr = ch === "\r";
      if (ch === "\n" && afterCr) continue;
      if (this.pager) this.pagerKey(ch);
      else if (this.session.awaiting === "save-question") this.answer(ch);
      else this.edit(ch);
    }
  }

  private edit(ch: string): void {
    const secret = this.server.engine.awaitingSecret(this.session);
    if (ch === "\r" || ch === "\n") {
      const line = this.line;
      this.line = "";
      this.write(CRLF);
      this.busy = true;
      void this.submit(line).then(() => {
        this.busy = false;
        this.pump();
      });
    } else if (ch === "\x7f" || ch === "\b") {
      if (this.line === "") return;
      this.line = this.line.slice(0, -1);
      if (!secret) this.write("\b \b");
      this.column = Math.max(0, this.column - 1);
    } else if (ch === "\x03" || ch === "\x15") {
      // Ctrl-C abandons the line; Ctrl-U clears it.
      this.line = "";
      this.write(CRLF);
      if (ch === "\x03" && secret) this.server.engine.cancelPrompt(this.session);
      this.prompt();
    } else if (ch === "\x1b") {
      // Cursor keys and other escape sequences: no history or line editing here.
      this.queue = this.queue.replace(/^\[?[0-9;]*[A-Za-z~]?/, "");
    } else if (ch >= " ") {
      this.line += ch;
      if (secret) return;
      this.write(ch);
      if (++this.column >= this.server.engine.consoleSettings(this.session).columns - 1) {
        this.write(CRLF);
        this.column = 0;
      }
    }
  }

  /** The save question takes one keystroke; the echoed answer is followed directly by the save message. */
  private answer(ch: string): void {
    const reply = this.server.engine.key(this.session, ch);
    if (!reply) return;
    this.write(ch);
    this.busy = true;
    void this.server.applyEffects(this, reply).then((alive) => {
      if (!alive) return;
      this.write(reply.lines.map((l) => l + CRLF).join("") || CRLF);
      this.prompt();
      this.busy = false;
      this.pump();
    });
  }

  private async submit(line: string): Promise<void> {
    if (this.server.engine.awaitingSecret(this.session)) {
      const reply = this.server.engine.execute(this.session, line, new Date());
      await this.output(reply.lines);
      this.prompt();
      return;
    }
    if (!(await this.command(line))) return;
    this.prompt();
  }

  /** Runs one command; false when the login ended. */
  private async command(line: string): Promise<boolean> {
    const engine = this.server.engine;
    if (line.trim() !== "")
      this.server.events.add("command", {
        session: this.session.id,
        text: maskSecrets(line, this.session.context, engine.model),
      });
    const fault: FaultHit = line.trim() === "" ? {} : this.server.faults.hit(line.trim());
    if (fault.drop === "before") {
      this.drop("fault: drop-on");
      return false;
    }
    if (this.server.opts.latencyMs > 0 && line.trim() !== "") await sleep(this.server.opts.latencyMs);
    if (this.closed) return false;
    let reply: Reply;
    if (fault.error !== undefined) {
      const lang = engine.consoleSettings(this.session).language;
      reply = { lines: [errorLine(fault.error || message("invalid-command", lang), lang)], effects: [] };
    } else reply = engine.execute(this.session, line, new Date());
    const restartOrLogout = reply.effects.some((e) => e.type === "restart" || e.type === "logout");
    if (!restartOrLogout) await this.output(reply.lines);
    if (!(await this.server.applyEffects(this, reply)) || this.closed) return false;
    if (fault.drop === "after") {
      this.drop("fault: drop-after-commands");
      return false;
    }
    return true;
  }

  /** Writes reply lines wrapped at columns−1 and paged by `console lines` (CR §2.4). */
  private output(lines: string[]): Promise<void> {
    const settings = this.server.engine.consoleSettings(this.session);
    const physical = lines.flatMap((l) => hardWrap(l, settings.columns - 1));
    if (physical.length > 0)
      this.server.events.add("reply", {
        session: this.session.id,
        bytes: physical.reduce((n, l) => n + Buffer.byteLength(l) + CRLF.length, 0),
      });
    const page = settings.lines > 1 ? settings.lines - 1 : Infinity;
    if (physical.length <= page || !this.interactive) {
      this.write(physical.map((l) => l + CRLF).join(""));
      return Promise.resolve();
    }
    this.write(
      physical
        .slice(0, page)
        .map((l) => l + CRLF)
        .join(""),
    );
    return new Promise((resolve) => {
      this.pager = {
        rest: physical.slice(page),
        done: () => {
          this.pager = undefined;
          resolve();
        },
      };
      this.write(message("pager", settings.language));
    });
  }

  private pagerKey(ch: string): void {
    const pager = this.pager;
    if (!pager) return;
    const settings = this.server.engine.consoleSettings(this.session);
    const count =
      ch === " " ? settings.lines - 1 : ch === "\r" || ch === "\n" ? 1 : ch === "q" || ch === "\x03" ? 0 : -1;
    if (count < 0) return;
    // The pager text is overwritten in place ([U] exact bytes; captures show it blanked by spaces).
    const width = message("pager", settings.language).length * 2;
    this.write(`\r${" ".repeat(width)}\r`);
    const next = count === 0 ? [] : pager.rest.splice(0, count);
    this.write(next.map((l) => l + CRLF).join(""));
    if (count === 0 || pager.rest.length === 0) pager.done();
    else this.write(message("pager", settings.language));
  }
}
