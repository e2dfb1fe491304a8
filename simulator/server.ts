/**
 * The impure edge of nvr-sim: an ssh2 server on 127.0.0.1 that authenticates logins and hands each shell or exec
 * channel to a Terminal (terminal.ts), plus session limits, schedule timers, restart, fault injection and the event
 * log.
 */
import { createServer, type Server as NetServer, type Socket } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Server as SshServer, utils, type Connection, type ParsedKey } from "ssh2";
import { type Engine, type Reply } from "./engine/engine";
import { hasPublicKeyAuth } from "./engine/device";
import type { EventLog } from "./events";
import { type Fault, FaultSet } from "./faults";
import type { HostKey } from "./hostkey";
import { type Ending, Terminal } from "./terminal";

export interface ServerOptions {
  user: string;
  password: string;
  authorizedKeys: string[];
  latencyMs: number;
  handshakeDelayMs: number;
  saveDelayMs: number;
  maxSessions: number;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
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
    // The echo, a reply and the prompt go out as separate small writes: with Nagle's algorithm the prompt would wait
    // for the client's delayed ACK of the echo (tens of ms on loopback), a round trip the latency profile does not
    // include. An SSH server for interactive sessions disables it (OpenSSH sets TCP_NODELAY for them).
    socket.setNoDelay(true);
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
