/**
 * One interactive SSH login to a router: PTY shell, administrator mode, console settings for the session, one
 * command at a time with its output checked for errors before the next is sent, and a clean exit that declines the
 * save question. The Router (router.ts) owns sharing and queuing; this class is a single conversation.
 */
import {
  AuthError,
  CommandError,
  ConnectionLostError,
  HostKeyError,
  RouterError,
  TimeoutError,
} from "../errors";
import { Client, type ClientChannel, type ConnectConfig } from "ssh2";
import { readFileSync } from "node:fs";
import { redact } from "../secrets";
import { decideHostKey, fingerprint, keyTypeOf, type HostKeyPolicy } from "./hostkey";
import { refuseControlCharacters } from "../apply/plan";
import {
  decode,
  endsWithPager,
  findError,
  learnPrefix,
  promptMatcher,
  removePagerLines,
  stripEcho,
  type Prompt,
} from "./prompt";

export interface ShellOptions {
  name: string;
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  adminPassword?: string;
  hostKeys: HostKeyPolicy;
  commandTimeoutMs: number;
  /** Console settings as they were before any session of this process changed them (survives reconnects). */
  consoleOriginals?: ConsoleSettings;
  /** false: leave the console settings alone (a short verification login must not disturb the primary session's). */
  setConsole?: boolean;
  log?: (line: string) => void;
}

/** `console lines/columns/character` values; undefined = no explicit line in the config (factory default). */
export interface ConsoleSettings {
  lines?: string;
  columns?: string;
  character?: string;
}

/** What this tool sets for its sessions: no pager, no wrapping of long lines, English messages. */
export const SESSION_CONSOLE: Required<ConsoleSettings> = {
  lines: "infinity",
  columns: "200",
  character: "en.ascii",
};
const CONSOLE_KEYS = ["lines", "columns", "character"] as const;

/** Reads `console ...` lines out of (part of) a config. */
export function consoleSettingsOf(config: string): ConsoleSettings {
  const out: ConsoleSettings = {};
  for (const key of CONSOLE_KEYS) {
    const m = new RegExp(`^console ${key} (\\S+)\\s*$`, "m").exec(config);
    if (m) out[key] = m[1];
  }
  return out;
}

/**
 * The config text as it would read without this session's console settings: the session's lines are replaced by
 * the originals (same position, the router orders them) or dropped when the original had no line.
 */
export function withConsoleOriginals(config: string, originals: ConsoleSettings): string {
  const lines = config.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const m = /^console (lines|columns|character) (\S+)\s*$/.exec(line);
    if (m) {
      const key = m[1] as keyof ConsoleSettings;
      if (m[2] === SESSION_CONSOLE[key]) {
        const orig = originals[key];
        if (orig !== undefined) out.push(`console ${key} ${orig}`);
        continue;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}

/**
 * The console settings to restore: what the router has now, except where it still shows this tool's session value
 * after a session was cut off (then the value remembered from before it). A value a human changed meanwhile wins.
 */
export function originalConsole(
  current: ConsoleSettings,
  remembered: ConsoleSettings | undefined,
): ConsoleSettings {
  if (!remembered) return current;
  const out: ConsoleSettings = {};
  for (const key of CONSOLE_KEYS) {
    const value = current[key] === SESSION_CONSOLE[key] ? remembered[key] : current[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const SAVE_QUESTION = /\(Y\/N\)\s*$/;
const PASSWORD_PROMPT = /Password: ?$/;
const LOGIN_WAIT_MS = 10_000;
/** How long a possible comment line must stay unfinished before `# ` counts as the prompt. */
const COMMENT_SETTLE_MS = 300;

export class Shell {
  private client = new Client();
  private channel?: ClientChannel;
  private chunks: Buffer[] = [];
  private text = ""; // latin1 view of chunks: prompts are ASCII and never occur inside SJIS/UTF-8 multi-byte sequences
  private waiter?: () => void;
  private failure?: RouterError;
  private prompt: (buffer: string) => Prompt | undefined = () => undefined;
  private prefix = "";
  private character?: string;
  private consoleChanged: ConsoleSettings = {};
  /** The settings this session works with (set at login; put back whenever the router goes idle). */
  private consoleWanted: ConsoleSettings = {};
  /** Current prompt state. */
  context = "";
  admin = false;
  closed = false;
  originals: ConsoleSettings = {};
  presentedHostKey?: string;
  /** Commands sent (for stats). */
  commands = 0;

  private constructor(private readonly opts: ShellOptions) {}

  /** Connects, authenticates, enters administrator mode and sets the session's console settings. */
  static async open(opts: ShellOptions): Promise<Shell> {
    const shell = new Shell(opts);
    try {
      await shell.connect();
      await shell.login();
      await shell.enterAdministrator();
      await shell.setSessionConsole();
    } catch (e) {
      shell.destroy();
      throw e;
    }
    return shell;
  }

  private log(line: string): void {
    this.opts.log?.(redact(`[${this.opts.name}] ${line}`));
  }

  private connect(): Promise<void> {
    const { opts } = this;
    let rejection: HostKeyError | undefined;
    const config: ConnectConfig = {
      host: opts.host,
      port: opts.port,
      username: opts.username,
      readyTimeout: 20_000,
      keepaliveInterval: 15_000,
      // The RTX1210 (OpenSSH 7.7 based) only signs with ssh-rsa; older firmware needs group14-sha1.
      algorithms: {
        serverHostKey: { append: ["ssh-rsa"] },
        kex: { append: ["diffie-hellman-group14-sha1"] },
      } as ConnectConfig["algorithms"],
      hostVerifier: (key: Buffer) => {
        const decision = decideHostKey(opts.hostKeys, key, keyTypeOf(key));
        this.presentedHostKey = fingerprint(key);
        if (decision.ok) {
          if (decision.trustedNow) this.log(`trusting host key ${this.presentedHostKey} on first use`);
          return true;
        }
        rejection = new HostKeyError(opts.name, decision.expected, decision.presented);
        return false;
      },
    };
    if (opts.password !== undefined) config.password = opts.password;
    if (opts.privateKey !== undefined) {
      config.privateKey = opts.privateKey.includes("PRIVATE KEY")
        ? opts.privateKey
        : readFileSync(opts.privateKey);
      if (opts.passphrase !== undefined) config.passphrase = opts.passphrase;
    }
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      this.client.on("error", (err: Error & { level?: string }) => {
        if (!ready) {
          if (rejection) reject(rejection);
          else if (err.level === "client-authentication")
            reject(new AuthError(opts.name, `login as ${opts.username} rejected`));
          else reject(new ConnectionLostError(opts.name, `cannot connect: ${err.message}`));
        } else this.fail(new ConnectionLostError(opts.name, `connection error: ${err.message}`));
      });
      this.client.on("close", () => {
        if (!ready) reject(rejection ?? new ConnectionLostError(opts.name, "connection closed during login"));
        this.fail(new ConnectionLostError(opts.name, "connection closed"));
      });
      this.client.on("ready", () => {
        ready = true;
        this.client.shell({ term: "vt100", cols: 200, rows: 200 }, (err, channel) => {
          if (err) return reject(new ConnectionLostError(opts.name, `cannot open shell: ${err.message}`));
          this.channel = channel;
          channel.on("data", (d: Buffer) => this.receive(d));
          channel.stderr.on("data", (d: Buffer) => this.receive(d));
          channel.on("close", () => this.fail(new ConnectionLostError(opts.name, "connection closed")));
          resolve();
        });
      });
      this.client.connect(config);
    });
  }

  private receive(d: Buffer): void {
    this.chunks.push(d);
    this.text += d.toString("latin1");
    this.waiter?.();
  }

  private fail(err: RouterError): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = err;
    this.waiter?.();
  }

  /** Waits until `done` holds for the buffered text (checked on every arrival), the timeout, or a drop. */
  private wait<T>(done: (text: string) => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        if (this.failure) {
          cleanup();
          return reject(this.failure);
        }
        const r = done(this.text);
        if (r !== undefined) {
          cleanup();
          resolve(r);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new TimeoutError(this.opts.name, `no prompt after ${timeoutMs} ms`, { command: what }));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiter = undefined;
      };
      this.waiter = check;
      check();
    });
  }

  /** Resolves after `ms` without new data (true) or as soon as data arrives (false). */
  private quiet(ms: number): Promise<boolean> {
    const before = this.text.length;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(this.text.length === before);
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(false);
      };
    });
  }

  private take(): Buffer {
    const all = Buffer.concat(this.chunks);
    this.chunks = [];
    this.text = "";
    return all;
  }

  private write(data: string): void {
    if (this.closed || !this.channel)
      throw this.failure ?? new ConnectionLostError(this.opts.name, "not connected");
    this.channel.write(data);
  }

  private async login(): Promise<void> {
    const endsPrompt = (t: string) => (/[#>] $/.test(t) ? true : undefined);
    // CR §2.1.5: if nothing appears, press Enter once.
    await this.wait(endsPrompt, 3_000, "login").catch(async (e) => {
      if (!(e instanceof TimeoutError)) throw e;
      this.write("\r");
      return this.wait(endsPrompt, LOGIN_WAIT_MS, "login");
    });
    // The banner may arrive in pieces; the prompt is the last thing before silence.
    while (!(await this.quiet(150)) || !/[#>] $/.test(this.text)) {
      if (this.failure) throw this.failure;
      await this.wait(endsPrompt, LOGIN_WAIT_MS, "login");
    }
    const banner = this.text;
    const prefix = learnPrefix(banner);
    if (prefix === undefined) throw new RouterError(this.opts.name, "no prompt after login");
    this.prefix = prefix.replace(/(?:pp\d+|anonymous|tunnel\d+)$/, "");
    this.prompt = promptMatcher(this.prefix);
    const p = this.prompt(banner);
    this.admin = p?.admin ?? false;
    this.context = p?.context ?? "";
    this.take();
  }

  private async enterAdministrator(): Promise<void> {
    if (this.admin) return;
    this.write("administrator\r");
    const asked = await this.wait(
      (t) => (PASSWORD_PROMPT.test(t) ? "password" : (this.prompt(t) ?? undefined)),
      this.opts.commandTimeoutMs,
      "administrator",
    );
    if (asked !== "password") {
      // No password question: either administrator mode without one (CR §4.10, administrator=2), or a refusal.
      const out = decode(this.take(), this.character);
      if (asked.admin) {
        this.admin = true;
        this.context = asked.context;
        return;
      }
      throw new AuthError(this.opts.name, "the router refused administrator mode", {
        routerMessage: findError(out)?.trim(),
      });
    }
    this.take();
    refuseControlCharacters(this.opts.name, this.opts.adminPassword ?? "", "the administrator password");
    this.write(`${this.opts.adminPassword ?? ""}\r`);
    const outcome = await this.wait(
      (t) => (PASSWORD_PROMPT.test(t) ? "again" : (this.prompt(t) ?? undefined)),
      this.opts.commandTimeoutMs,
      "administrator",
    );
    const out = decode(this.take(), this.character);
    if (outcome === "again" || !outcome.admin) {
      const said = findError(out) ?? out.split(/\r?\n/).find((l) => l.trim() !== "" && !this.prompt(l + " "));
      throw new AuthError(this.opts.name, "wrong administrator password (the router refused it)", {
        routerMessage: said?.trim() || undefined,
      });
    }
    this.admin = true;
    this.context = outcome.context;
  }

  /**
   * Sends one command line and returns its output (echo and prompt removed). Throws CommandError when the
   * output carries `Error:` / `エラー:`, so nothing further is sent after a failure.
   */
  async run(command: string, timeoutMs = this.opts.commandTimeoutMs): Promise<string> {
    return this.converse(command, timeoutMs);
  }

  /**
   * Reads a saved config file (`show config N`, CR §57.2). The router asks for the router's `login password`
   * (not the SSH user's) and the administrator password first; they are typed without echo and never logged.
   */
  showSaved(file: string, loginPassword: string): Promise<string> {
    return this.converse(`show config ${file}`, 120_000, (promptLine) =>
      /login/i.test(promptLine) ? loginPassword : (this.opts.adminPassword ?? ""),
    );
  }

  private async converse(
    command: string,
    timeoutMs: number,
    password?: (promptLine: string) => string,
  ): Promise<string> {
    refuseControlCharacters(this.opts.name, command);
    this.take();
    this.commands++;
    this.log(`> ${command}`);
    this.write(`${command}\r`);
    let asked = 0;
    for (;;) {
      const state = await this.wait(
        (t) =>
          endsWithPager(t)
            ? "pager"
            : SAVE_QUESTION.test(t)
              ? "question"
              : password && PASSWORD_PROMPT.test(t)
                ? "password"
                : this.prompt(t),
        timeoutMs,
        command,
      );
      if (state === "password") {
        // Two questions at most (login, then administrator); a third means a password was refused.
        if (++asked > 2)
          throw new AuthError(this.opts.name, `the router refused the passwords for \`${command}\``);
        const line = this.text.split(/\r?\n/).pop() ?? "";
        const answer = password!(line);
        refuseControlCharacters(this.opts.name, answer, "a password");
        this.take();
        this.write(`${answer}\r`);
        continue;
      }
      if (state === "pager") {
        // The router blanks the pager line and sends the next page, which may arrive in one packet that ends with
        // the pager again: any new output answers the key.
        const seen = this.text.length;
        this.write(" ");
        await this.wait((t) => (t.length > seen ? true : undefined), timeoutMs, command);
        continue;
      }
      if (state === "question") {
        // Only `quit` asks; callers that quit use leaveAdministrator(), so this is unexpected: decline.
        this.write("N");
        await this.wait((t) => (SAVE_QUESTION.test(t) ? undefined : true), timeoutMs, command);
        continue;
      }
      // A bare `# ` prompt is also how `show config`'s comment lines begin; accept it once the stream is quiet.
      if (this.mayBeComment(command, state) && !(await this.quiet(COMMENT_SETTLE_MS))) continue;
      const raw = this.take();
      const promptBytes = Buffer.byteLength(raw.toString("latin1").slice(state.start), "latin1");
      const body = raw.subarray(0, raw.length - promptBytes);
      const out = removePagerLines(stripEcho(decode(body, this.character), command));
      this.context = state.context;
      this.admin = state.admin;
      const error = findError(out);
      if (error !== undefined) {
        this.log(`! ${error}`);
        throw new CommandError(this.opts.name, "the router rejected a command", {
          command,
          routerMessage: error,
        });
      }
      return out;
    }
  }

  /**
   * With the default prompt, the admin prompt `# ` is also how `show config`'s header comment lines begin, so a
   * `# ` ending the buffer while only comment lines have arrived may be a header line cut by a packet boundary.
   * Body lines never start with `#`, so once one has arrived the prompt is certain.
   */
  private mayBeComment(command: string, state: Prompt): boolean {
    if (this.prefix !== "" || state.context !== "" || !state.admin || !/^show\b/.test(command)) return false;
    const before = stripEcho(this.text.slice(0, state.start), command);
    return before.split(/\r?\n/).every((l) => l.trim() === "" || l.startsWith("#"));
  }

  /** Reads the console settings, then sets the session's (only those that differ, so nothing changes needlessly). */
  private async setSessionConsole(): Promise<void> {
    let current: ConsoleSettings;
    try {
      current = consoleSettingsOf(await this.run("show config | grep console"));
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      current = consoleSettingsOf(await this.run("show config", 120_000));
    }
    this.originals = originalConsole(current, this.opts.consoleOriginals);
    this.character = current.character;
    if (this.opts.setConsole === false) return;
    try {
      for (const key of CONSOLE_KEYS) {
        if (current[key] === SESSION_CONSOLE[key]) continue;
        await this.run(`console ${key} ${SESSION_CONSOLE[key]}`);
        if (key === "character") this.character = SESSION_CONSOLE.character;
        this.consoleChanged[key] = SESSION_CONSOLE[key];
      }
    } catch (e) {
      // A refused setting fails the login; the ones already set go back first, so it leaves nothing behind.
      if (e instanceof CommandError) await this.restoreConsole().catch(() => undefined);
      throw e;
    }
    for (const key of CONSOLE_KEYS) {
      if (current[key] === SESSION_CONSOLE[key] && this.originals[key] !== SESSION_CONSOLE[key]) {
        this.consoleChanged[key] = SESSION_CONSOLE[key];
      }
    }
    this.consoleWanted = { ...this.consoleChanged };
  }

  /**
   * Corrects the console originals from the saved config. A running console line showing this tool's session value
   * that the saved config does not hold is the leftover of a session of ours that was cut off (a drop, a killed
   * provider): the router's own value is the saved one, and it goes back when the session restores its console.
   */
  adoptSavedConsole(saved: ConsoleSettings): boolean {
    let changed = false;
    for (const key of CONSOLE_KEYS) {
      if (this.originals[key] !== SESSION_CONSOLE[key] || saved[key] === SESSION_CONSOLE[key]) continue;
      if (saved[key] === undefined) delete this.originals[key];
      else this.originals[key] = saved[key];
      this.consoleWanted[key] = SESSION_CONSOLE[key];
      this.consoleChanged[key] = SESSION_CONSOLE[key];
      changed = true;
    }
    return changed;
  }

  /**
   * Other logins in administrator mode (`show status user`, CR §58.47: `+` marks administrator mode, `*` this
   * login), as "user (connection, from IP)". Undefined when the router has no such command.
   */
  async otherAdministrators(): Promise<string[] | undefined> {
    let out: string;
    try {
      out = await this.run("show status user");
    } catch (e) {
      if (e instanceof CommandError) return undefined;
      throw e;
    }
    const table = out.split(/\r?\n/);
    const start = table.findIndex((l) => /^-{10,}/.test(l.trim()));
    if (start < 0) return undefined;
    // Each row: three flag columns (`*` this login, `+` administrator mode, `@` RADIUS), the name, the connection,
    // login time, idle time and the client's address.
    return table
      .slice(start + 1)
      .map((l) => ({ flags: l.slice(0, 3), fields: l.slice(3).trim().split(/\s+/) }))
      .filter((r) => r.flags.includes("+") && !r.flags.includes("*") && r.fields[0] !== "")
      .map(({ fields }) => {
        const address = fields.length > 4 ? `, from ${fields[fields.length - 1]}` : "";
        return `${fields[0]} (${fields[1]}${address})`;
      });
  }

  /** Returns to the top level (a failed command may leave the session inside `pp select` / `tunnel select`). */
  async toGlobal(): Promise<void> {
    if (this.context !== "")
      await this.run(this.context.startsWith("tunnel") ? "tunnel select none" : "pp select none");
  }

  /** Leaves administrator mode (nothing is unsaved when the router calls this: a save question is declined). */
  async leaveAdministrator(): Promise<void> {
    if (!this.admin || this.closed) return;
    await this.toGlobal();
    this.take();
    this.write("quit\r");
    const state = await this.wait(
      (t) => (SAVE_QUESTION.test(t) ? "question" : this.prompt(t)),
      this.opts.commandTimeoutMs,
      "quit",
    );
    if (state === "question") {
      this.write("N");
      await this.wait((t) => this.prompt(t), this.opts.commandTimeoutMs, "quit");
    }
    this.take();
    this.admin = false;
    this.context = "";
  }

  /** Enters administrator mode again after `leaveAdministrator`. */
  async ensureAdministrator(): Promise<void> {
    if (!this.admin) await this.enterAdministrator();
  }

  /** Puts back the console settings this session changed (they are configuration: leaving them is drift). */
  async restoreConsole(): Promise<void> {
    // Each setting on its own: one the router refuses must not keep the others from going back.
    let refused: unknown;
    for (const key of [...CONSOLE_KEYS].reverse()) {
      if (this.consoleChanged[key] === undefined) continue;
      const orig = this.originals[key];
      try {
        await this.run(orig === undefined ? `no console ${key}` : `console ${key} ${orig}`);
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        refused ??= e;
        continue;
      }
      if (key === "character") this.character = orig;
      delete this.consoleChanged[key];
    }
    if (refused !== undefined) throw refused;
  }

  /** Sets the session's console settings again after `restoreConsole` (before the next command that needs them). */
  async ensureConsole(): Promise<void> {
    for (const key of CONSOLE_KEYS) {
      const want = this.consoleWanted[key];
      if (want === undefined || this.consoleChanged[key] !== undefined) continue;
      await this.run(`console ${key} ${want}`);
      if (key === "character") this.character = want;
      this.consoleChanged[key] = want;
    }
  }

  /**
   * Runs `fn` (a `save`) with the original console settings in place, so a save never persists the session's.
   * They are not set again here: the next command that needs them does (`ensureConsole`), so a run that ends
   * with a save leaves no console change behind even if the process is killed right after.
   */
  async withOriginalConsole<T>(fn: () => Promise<T>): Promise<T> {
    await this.restoreConsole();
    return fn();
  }

  /** Restores the console, leaves administrator mode answering `N` (one keystroke) to the save question, logs out. */
  async close(): Promise<void> {
    if (this.closed) return this.destroy();
    try {
      await this.toGlobal();
      await this.restoreConsole();
      await this.leaveAdministrator();
      this.take();
      this.write("quit\r");
      await this.wait(() => (this.closed ? true : undefined), 2_000, "quit").catch(() => undefined);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.closed = true;
    this.failure ??= new ConnectionLostError(this.opts.name, "session closed");
    this.client.end();
  }
}
