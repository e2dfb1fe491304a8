/**
 * The impure edge of nvr-sim: an ssh2 server on 127.0.0.1 that feeds keystrokes to the engine and renders its
 * replies the way the router's console does (echo, CRLF, hard wrap at columns−1, pager), plus session limits, the
 * idle login timer, schedule timers, fault injection and the event log.
 */
import { createServer, type Server as NetServer, type Socket } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { Server as SshServer, utils, type Connection, type ParsedKey, type ServerChannel } from "ssh2";
import { type Engine, type Reply, type Session } from "./engine/engine";
import { maskSecrets } from "./engine/mask";
import { errorLine, message } from "./engine/messages";
import { hasPublicKeyAuth } from "./engine/device";
import type { EventLog } from "./events";
import { type Fault, type FaultHit, FaultSet } from "./faults";
import type { HostKey } from "./hostkey";

export interface ServerOptions {
  user: string;
  password: string;
  authorizedKeys: string[];
  latencyMs: number;
  handshakeDelayMs: number;
  saveDelayMs: number;
  maxSessions: number;
}

const CRLF = "\r\n";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Cuts a line after `width` characters; continuations start in column 0 (yamaha-cli.md §5). */
export function hardWrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += width) parts.push(line.slice(i, i + width));
  return parts;
}

export class SimServer {
  private readonly net: NetServer;
  private readonly ssh: SshServer;
  private readonly terminals = new Set<Terminal>();
  private readonly sockets = new Set<Socket>();
  private readonly schedules = new Map<number, NodeJS.Timeout>();
  /** Replaced whole by setFaults, which re-arms drop-after-commands. */
  faults: FaultSet;

  constructor(
    readonly engine: Engine,
    readonly events: EventLog,
    readonly hostKey: HostKey,
    readonly opts: ServerOptions,
    faults: readonly Fault[],
  ) {
    this.faults = new FaultSet(faults);
    this.ssh = new SshServer({ hostKeys: [hostKey.pem] }, (client, info) =>
      this.onClient(client, info.ip, info.port),
    );
    this.net = createServer((socket) => this.onSocket(socket));
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.net.once("error", reject);
      this.net.listen(port, "127.0.0.1", () => {
        const address = this.net.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    this.cancelSchedules();
    for (const t of this.terminals) t.stopTimers();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.net.close(() => resolve()));
  }

  setFaults(faults: readonly Fault[]): void {
    this.faults = new FaultSet(faults);
  }

  schedule(id: number, seconds: number, command: string): void {
    this.unschedule(id);
    const timer = setTimeout(() => {
      this.schedules.delete(id);
      const reply = this.engine.runScheduled(command, new Date());
      void this.applyEffects(undefined, reply);
    }, seconds * 1000);
    timer.unref();
    this.schedules.set(id, timer);
  }

  unschedule(id: number): void {
    clearTimeout(this.schedules.get(id));
    this.schedules.delete(id);
  }

  /** Effects that reach beyond one terminal; returns false when the terminal is gone afterwards. */
  async applyEffects(terminal: Terminal | undefined, reply: Reply): Promise<boolean> {
    for (const effect of reply.effects) {
      if (effect.type === "save") {
        if (this.opts.saveDelayMs > 0) await sleep(this.opts.saveDelayMs);
        this.events.add("save", { session: terminal?.session.id, file: effect.file });
      } else if (effect.type === "schedule") this.schedule(effect.id, effect.seconds, effect.command);
      else if (effect.type === "unschedule") this.unschedule(effect.id);
      else if (effect.type === "restart") {
        this.restart(terminal?.session.id);
        return false;
      } else if (effect.type === "logout") {
        terminal?.close("logout");
        return false;
      }
    }
    return true;
  }

  /** Reboot: the saved config comes back, every login and timer is dropped. */
  restart(session: number | undefined): void {
    this.engine.restart(new Date());
    this.cancelSchedules();
    this.events.add("restart", session === undefined ? { reason: "schedule" } : { session });
    for (const t of [...this.terminals]) t.drop("restart");
    // Logins without a shell (still authenticating, exec only) go down with the device as well.
    for (const socket of this.sockets) socket.destroy();
  }

  private cancelSchedules(): void {
    for (const timer of this.schedules.values()) clearTimeout(timer);
    this.schedules.clear();
  }

  private onSocket(socket: Socket): void {
    // At most `maxSessions` logins (CR §2.1); one more is refused before the SSH handshake.
    if (this.sockets.size >= this.opts.maxSessions) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => undefined);
    const inject = (): void => {
      if (!socket.destroyed) this.ssh.injectSocket(socket);
    };
    if (this.opts.handshakeDelayMs > 0) setTimeout(inject, this.opts.handshakeDelayMs);
    else inject();
  }

  private onClient(client: Connection, ip: string, port: number): void {
    const session = this.engine.newSession();
    this.events.add("connect", { session: session.id, remote: `${ip}:${port}` });
    let user = "";
    const ending: Ending = {};
    client.on("error", () => (ending.reason ??= "error"));
    client.on("close", () => {
      this.engine.endLogin(session);
      this.events.add("disconnect", { session: session.id, reason: ending.reason ?? "client" });
    });
    client.on("authentication", (ctx) => {
      user = ctx.username;
      if (ctx.method === "password") {
        const ok =
          (ctx.username === this.opts.user && sameSecret(ctx.password, this.opts.password)) ||
          this.engine.loginUserMatches(ctx.username, ctx.password);
        this.events.add("auth", {
          session: session.id,
          result: ok ? "ok" : "fail",
          user,
          method: "password",
        });
        return ok ? ctx.accept() : ctx.reject(this.methods());
      }
      if (ctx.method === "publickey" && this.methods().includes("publickey")) {
        const key = this.opts.authorizedKeys
          .map((line) => utils.parseKey(line))
          .find((k): k is ParsedKey => !(k instanceof Error) && k.getPublicSSH().equals(ctx.key.data));
        if (!ctx.signature)
          return key && ctx.username === this.opts.user ? ctx.accept() : ctx.reject(this.methods());
        const ok =
          key !== undefined &&
          ctx.username === this.opts.user &&
          ctx.blob !== undefined &&
          key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
        this.events.add("auth", {
          session: session.id,
          result: ok ? "ok" : "fail",
          user,
          method: "publickey",
        });
        return ok ? ctx.accept() : ctx.reject(this.methods());
      }
      ctx.reject(this.methods());
    });
    client.on("ready", () => {
      this.engine.startLogin(session, user, ip, new Date());
      client.on("session", (accept) => {
        const channel = accept();
        let columns: number | undefined;
        channel.on("pty", (ok, _reject, info) => {
          columns = info.cols;
          ok?.();
        });
        channel.on("window-change", (ok) => ok?.());
        channel.on("env", (ok) => ok?.());
        channel.on("shell", (ok) => {
          const terminal = new Terminal(this, client, ok(), session, columns !== undefined, ending);
          this.terminals.add(terminal);
          terminal.onClose(() => this.terminals.delete(terminal));
          terminal.start();
        });
        // A command on an exec channel runs once and the channel closes ([U]: every known client uses a shell).
        channel.on("exec", (ok, _reject, info) => {
          const terminal = new Terminal(this, client, ok(), session, false, ending);
          this.terminals.add(terminal);
          terminal.onClose(() => this.terminals.delete(terminal));
          void terminal.runOnce(info.command);
        });
      });
    });
  }

  private methods(): ("password" | "publickey")[] {
    return hasPublicKeyAuth(this.engine.model) ? ["password", "publickey"] : ["password"];
  }
}

/** Why the server ended a connection, for the disconnect event. */
interface Ending {
  reason?: string;
}

/** One interactive login: line editing, echo, pager and the reply rendering. */
class Terminal {
  private queue = "";
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

  private write(text: string): void {
    if (!this.closed) this.channel.write(Buffer.from(text, "utf8"));
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
      this.server.events.add("command", { session: this.session.id, text: maskSecrets(line) });
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
