/**
 * The router's command interpreter: sessions, administrator mode, select contexts, operational commands, and
 * configuration commands validated by the grammar. Pure: no I/O, no timers, no clock reads. Whatever needs the
 * outside world (saving delay, dropping sessions, arming a schedule timer) is returned as an effect.
 */
import type { GrammarError, GrammarResult, ParseConfigCommand, SimContext } from "./grammar-contract";
import { type Limits, type SimModel, bannerLines, configHeaderLines } from "./models";
import { errorLine, languageOf, message, saveDone, type Language, type MessageId } from "./messages";
import { BACKWARD_COMPATIBILITY_DEFAULT, environmentLines, reportingDate } from "./device";
import { expandTransports, expandTunnel, idList } from "./expand";
import { type Login, statusUserLines } from "./status-user";
import {
  type Block,
  type ConfigState,
  type Setting,
  cloneConfig,
  emptyConfig,
  ppOrder,
  putSetting,
  removeSetting,
  renderBlock,
  renderBody,
  renderPp,
  renderTunnel,
} from "./state";

export type Effect =
  /** Internal config file `file` was written; 0 is the boot file. */
  | { type: "save"; file: number }
  /** The device reboots: every session is dropped and timers are cancelled. */
  | { type: "restart" }
  /** This session logs out. */
  | { type: "logout" }
  | { type: "schedule"; id: number; seconds: number; command: string }
  | { type: "unschedule"; id: number };

export interface Reply {
  /** Output lines; the runtime wraps and pages them and ends each with CRLF. */
  lines: string[];
  effects: Effect[];
}

export type Awaiting =
  | "command"
  | "admin-password"
  | "save-question"
  /** The three prompts of the interactive `administrator password` / `login password` (CR §4.1, §4.3). */
  | "old-password"
  | "new-password"
  | "confirm-password"
  /** The two prompts of `show config FILE` (CR §57.2). */
  | "file-login-password"
  | "file-admin-password";

const PASSWORD_PROMPTS: Partial<Record<Awaiting, string>> = {
  "admin-password": "Password: ",
  // [D] the wording rtprov expects from `load config N`; CR §57.2 only says both passwords are asked.
  "file-login-password": "Login Password: ",
  "file-admin-password": "Administrator Password: ",
  "old-password": "Old_Password: ",
  "new-password": "New_Password: ",
  "confirm-password": "New_Password(Confirm): ",
};

/** Console settings a general user typed at `>`: they apply to that login only. */
interface ConsoleOverrides {
  lines?: string;
  columns?: string;
  character?: string;
  prompt?: string;
}

export interface Session {
  id: number;
  admin: boolean;
  context: SimContext;
  awaiting: Awaiting;
  console: ConsoleOverrides;
  /** The password being changed by an interactive password command, and the new value once typed. */
  passwordChange?: { target: "administrator" | "login"; encrypted: boolean; next?: string };
  /** `show config FILE` waiting for its passwords: the file, the `| grep` filters, the login password typed. */
  fileRequest?: { file: string; filters: string[]; loginAnswer?: string };
  /** Set while an SSH login holds the session (not for the config loader or a schedule). */
  login?: Login;
}

export interface ConsoleSettings {
  /** 0 = infinity (no pager). */
  lines: number;
  columns: number;
  language: Language;
  prompt: string;
}

export interface EngineOptions {
  model: SimModel;
  parse: ParseConfigCommand;
  adminPassword: string;
  /** [U] whether `show config` needs administrator mode (yamaha-cli.md §7.3); default false. */
  showConfigAdminOnly?: boolean;
  /** `login timer` when the config does not set one (CR §4.53). */
  loginTimerSec?: number;
  bootTime: Date;
}

export interface LoadWarning {
  line: number;
  error: GrammarError;
}

const CONSOLE_DEFAULTS = { lines: "24", columns: "80", character: "ja.sjis", prompt: "" };

/** The settings a model holds a limited number of, by their key. */
const COUNTED: [keyof Limits, RegExp][] = [
  ["routes", /^ip route /],
  ["filters", /^ip filter \d+$/],
  ["natDescriptors", /^nat descriptor type \d+$/],
];

/** The longest command line the device takes (CR §1.5). */
export const MAX_COMMAND_LENGTH = 4095;

/** An internal config file (0..4) or one of its backups (N.1, N.2), as `show config FILE` takes it (CR §57.2). */
const CONFIG_FILE = /^[0-4](?:\.[12])?$/;

/** Strips one level of `"..."`/`'...'` quoting and `\x` escapes (CR §1.5). */
function unquote(text: string): string {
  const m = /^(["'])(.*)\1$/.exec(text);
  return (m ? m[2] : text).replace(/\\(.)/g, "$1");
}

function blockOf(scope: "global" | "pp" | "tunnel", context: SimContext): Block {
  if (scope === "pp" && context.kind === "pp") return { scope: "pp", peer: context.peer };
  if (scope === "tunnel" && context.kind === "tunnel") return { scope: "tunnel", tunnel: context.tunnel };
  return { scope: "global" };
}

export class Engine {
  running: ConfigState = emptyConfig();
  /** Config file 0, the boot file (`show environment`: `Default config. file: config0`). */
  saved: ConfigState = emptyConfig();
  /** Config files 1..4 written by `save N`; backups N.1, N.2 are never made (no `copy config`). */
  private readonly otherFiles = new Map<string, ConfigState>();
  /** Value the firmware booted with; a changed setting applies only after `restart` (CR §23.1). */
  effectiveBackwardCompatibility = BACKWARD_COMPATIBILITY_DEFAULT;
  bootTime: Date;
  private nextSessionId = 1;
  /** The sessions `show status user` lists, in login order. */
  private readonly logins = new Set<Session>();

  constructor(private readonly opts: EngineOptions) {
    this.bootTime = opts.bootTime;
  }

  get model(): SimModel {
    return this.opts.model;
  }

  /** Loads a config file's commands into running and saved config; bad lines are skipped as the device does (CR §2.3). */
  load(text: string): LoadWarning[] {
    const warnings: LoadWarning[] = [];
    const session = this.newSession();
    session.admin = true;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i].trimEnd();
      if (line.trim() === "") continue;
      if (line.trimStart().startsWith("#")) {
        // A header line cut by the 80-column wrap continues on the next line.
        if (lines[i].length === 79 && i + 1 < lines.length) i++;
        continue;
      }
      // A command line cut by the wrap: rejoin when only the joined text is a valid command.
      const next = lines[i + 1];
      if (lines[i].length === 79 && next && !/^\s/.test(next)) {
        const joined = this.classify(line + next, session.context);
        if (joined?.ok && !this.classify(next, session.context)?.ok) {
          line += next;
          i++;
        }
      }
      const error = this.applyLine(session, line.trim());
      if (error) warnings.push({ line: i + 1, error });
    }
    this.saved = cloneConfig(this.running);
    this.effectiveBackwardCompatibility = this.configuredBackwardCompatibility();
    return warnings;
  }

  newSession(): Session {
    return {
      id: this.nextSessionId++,
      admin: false,
      context: { kind: "none" },
      awaiting: "command",
      console: {},
    };
  }

  /** An SSH login starts; it takes the lowest free `sshN` slot. */
  startLogin(session: Session, user: string, remote: string, now: Date): void {
    const taken = new Set([...this.logins].map((s) => s.login?.via));
    let slot = 1;
    while (taken.has(`ssh${slot}`)) slot++;
    session.login = { user, via: `ssh${slot}`, remote, since: now, lastInput: now };
    this.logins.add(session);
  }

  endLogin(session: Session): void {
    this.logins.delete(session);
  }

  /** The login banner; the factory-password notice shows while no `login password` is set (yamaha-cli.md §1.3). */
  banner(): string[] {
    const lines = bannerLines(this.opts.model);
    if (this.passwordSetting("login")) return lines;
    return [
      ...lines,
      "The login password is factory default setting. Please request an administrator to change the password by the 'login password' command.",
    ];
  }

  consoleSettings(session: Session): ConsoleSettings {
    const fromConfig = (word: string): string | undefined => {
      // Settings are keyed by the grammar's key: for these, the command's head (looked up per keystroke).
      const s = this.running.global.get(`console ${word}`);
      return s ? unquote(s.canonical.slice(`console ${word} `.length)) : undefined;
    };
    const pick = (word: keyof ConsoleOverrides): string =>
      session.console[word] ?? fromConfig(word) ?? CONSOLE_DEFAULTS[word];
    const lines = pick("lines");
    return {
      lines: lines === "infinity" ? 0 : Number(lines) || 24,
      columns: Number(pick("columns")) || 80,
      language: languageOf(pick("character")),
      prompt: pick("prompt"),
    };
  }

  /** Input that must not be echoed or logged: a password prompt is waiting. */
  awaitingSecret(session: Session): boolean {
    return PASSWORD_PROMPTS[session.awaiting] !== undefined;
  }

  /** The administrator password: the one set by `administrator password` in the running config, else the option. */
  adminPassword(): string {
    return this.passwordSetting("administrator")?.secret ?? this.opts.adminPassword;
  }

  private passwordSetting(target: "administrator" | "login"): Setting | undefined {
    return this.running.global.get(`${target} password`);
  }

  /** Old, new, confirm; the stored line prints as `TARGET password *`, or `TARGET password encrypted *` for the
   * encrypted form (dumps, CR §4.1-4.4). */
  private changePassword(session: Session, input: string, fail: (id: MessageId) => Reply): Reply {
    const change = session.passwordChange ?? { target: "administrator", encrypted: false };
    const done = (reply: Reply): Reply => {
      session.awaiting = "command";
      session.passwordChange = undefined;
      return reply;
    };
    if (session.awaiting === "old-password") {
      const current =
        change.target === "administrator" ? this.adminPassword() : this.passwordSetting("login")?.secret;
      if (input !== (current ?? "")) return done(fail("incorrect-password"));
      session.awaiting = "new-password";
      return { lines: [], effects: [] };
    }
    if (session.awaiting === "new-password") {
      session.passwordChange = { ...change, next: input };
      session.awaiting = "confirm-password";
      return { lines: [], effects: [] };
    }
    if (input !== change.next) return done(fail("password-mismatch"));
    const form = change.encrypted ? "password encrypted" : "password";
    const parsed = this.classify(`${change.target} ${form} *`, { kind: "none" });
    if (!parsed?.ok || parsed.negate) return done(fail("invalid-command"));
    putSetting(this.running, { scope: "global" }, { ...parsed.command, secret: input });
    return done({ lines: [], effects: [] });
  }

  /** Whether a `login user NAME PASS` in the running config admits this login (CR §4.5). */
  loginUserMatches(user: string, password: string): boolean {
    const s = this.running.global.get(`login user ${user}`);
    return s?.secret !== undefined && s.secret === password;
  }

  loginTimerSec(): number {
    const s = this.running.global.get("login timer");
    const value = s ? Number(s.canonical.split(" ")[2]) : NaN;
    // `clear` still means 300 s over SSH (CR §4.53).
    return Number.isFinite(value) && value > 0 ? value : (this.opts.loginTimerSec ?? 300);
  }

  /** What the device prints before waiting for input. */
  prompt(session: Session): string {
    const { language, prompt } = this.consoleSettings(session);
    const passwordPrompt = PASSWORD_PROMPTS[session.awaiting];
    if (passwordPrompt) return passwordPrompt;
    if (session.awaiting === "save-question") return message("save-question", language);
    const ctx = session.context;
    const where = ctx.kind === "pp" ? (ctx.peer === "anonymous" ? "anonymous" : `pp${ctx.peer}`) : "";
    const tunnel = ctx.kind === "tunnel" ? `tunnel${ctx.tunnel}` : "";
    return `${prompt}${where}${tunnel}${session.admin ? "# " : "> "}`;
  }

  unsaved(): boolean {
    return this.body(this.running).join("\n") !== this.body(this.saved).join("\n");
  }

  /** The `show config` body (no header), as a list of lines. */
  body(config: ConfigState): string[] {
    return renderBody(config);
  }

  configuredBackwardCompatibility(): number {
    const s = this.running.global.get("nat descriptor backward-compatibility");
    return s ? Number(s.canonical.split(" ")[3]) : BACKWARD_COMPATIBILITY_DEFAULT;
  }

  /** The single keystroke answering the save question (no Enter, yamaha-cli.md §4). */
  key(session: Session, key: string): Reply | undefined {
    if (session.awaiting !== "save-question") return undefined;
    const answer = key.toUpperCase();
    if (answer !== "Y" && answer !== "N") return undefined;
    session.awaiting = "command";
    session.admin = false;
    if (answer === "N") return { lines: [], effects: [] };
    return this.save(0, this.consoleSettings(session).language);
  }

  /** Writes the running config to internal file `file`; 0 is the boot file, the one a restart loads. */
  private save(file: number, lang: Language): Reply {
    if (file === 0) this.saved = cloneConfig(this.running);
    else this.otherFiles.set(String(file), cloneConfig(this.running));
    return { lines: [saveDone(file, lang)], effects: [{ type: "save", file }] };
  }

  /** Ends a password prompt without an answer (Ctrl-C). */
  cancelPrompt(session: Session): void {
    session.awaiting = "command";
    session.passwordChange = undefined;
    session.fileRequest = undefined;
  }

  /** One line of input: the administrator password when it was asked for, else a command. */
  execute(session: Session, input: string, now: Date): Reply {
    const lang = this.consoleSettings(session).language;
    const fail = (id: MessageId): Reply => ({ lines: [errorLine(message(id, lang), lang)], effects: [] });
    if (session.awaiting === "admin-password") {
      session.awaiting = "command";
      if (input !== this.adminPassword()) return fail("incorrect-password");
      session.admin = true;
      return { lines: [], effects: [] };
    }
    const request = session.fileRequest;
    if (request && (session.awaiting === "file-login-password" || session.awaiting === "file-admin-password"))
      return this.showFile(session, request, input, now, fail);
    if (this.awaitingSecret(session)) return this.changePassword(session, input, fail);
    if (session.awaiting === "save-question") return { lines: [], effects: [] };
    // A command is at most 4095 characters (CR §1.5); a longer one is refused whole [U: error class].
    if (input.length > MAX_COMMAND_LENGTH) return fail("parameters");
    const line = input.trim();
    const words = line.split(/\s+/).filter((w) => w !== "");
    const [first = "", second = ""] = words;
    if (words.length === 0) return { lines: [], effects: [] };

    if (line === "administrator") {
      session.awaiting = "admin-password";
      return { lines: [], effects: [] };
    }
    if (
      (first === "quit" || first === "exit") &&
      (words.length === 1 || (words.length === 2 && second === "save"))
    ) {
      return this.quit(session, second === "save");
    }
    if (first === "pp" && second === "select") return this.select(session, "pp", words.slice(2), lang);
    if (first === "tunnel" && second === "select")
      return this.select(session, "tunnel", words.slice(2), lang);
    if (first === "no" && (second === "pp" || second === "tunnel") && words[2] === "select") {
      if (words.length > 4) return fail("parameters");
      session.context = { kind: "none" };
      return { lines: [], effects: [] };
    }
    if (first === "show") {
      const [command, ...filters] = line.split(/\s+\|\s*(?=grep\s)/);
      const reply = this.show(session, command.split(/\s+/).slice(1), filters, lang, now);
      // `show config FILE` asks for the passwords first; its filters apply when the file is printed.
      return filters.length === 0 || session.fileRequest ? reply : grep(reply, filters, (id) => fail(id));
    }
    if (first === "save") {
      if (!session.admin) return fail("admin-only");
      if (words.length > 3) return fail("parameters");
      // `save [FILE [COMMENT]]` (CR §56.3.3): internal files 0..4; [U] no external memory, so other names fail.
      if (second !== "" && !/^\d+$/.test(second)) return fail("illegal-keyword");
      if (Number(second) > 4) return fail("out-of-range");
      return this.save(Number(second), lang);
    }
    if (/^(administrator|login) password( encrypted)?$/.test(words.join(" "))) {
      if (!session.admin) return fail("admin-only");
      session.passwordChange = {
        target: first === "login" ? "login" : "administrator",
        encrypted: words.length === 3,
      };
      session.awaiting = "old-password";
      return { lines: [], effects: [] };
    }
    if (line === "restart") {
      if (!session.admin) return fail("admin-only");
      return { lines: [], effects: [{ type: "restart" }] };
    }

    const parsed = this.classify(line, session.context);
    if (parsed === undefined) return fail("invalid-command");
    if (!session.admin) {
      // CR §4.21-4.23: a general user may change the console settings of its own login.
      const consoleWord = /^console (lines|columns|character|prompt)$/.exec(`${first} ${second}`)?.[1];
      if (parsed.ok && !parsed.negate && consoleWord) {
        session.console[consoleWord as keyof ConsoleOverrides] = unquote(words.slice(2).join(" "));
        return { lines: [], effects: [] };
      }
      return fail("admin-only");
    }
    if (!parsed.ok) return fail(parsed.error);
    if (this.overLimit(parsed)) return fail("out-of-range");
    return { lines: [], effects: this.apply(session, parsed) };
  }

  /** A `schedule at` command whose time came: it runs as the administrator, outside any select context. */
  runScheduled(command: string, now: Date): Reply {
    const system = this.newSession();
    system.admin = true;
    return this.execute(system, command, now);
  }

  /** Restart: the saved config becomes the running config and the firmware reads its boot-time settings again. */
  restart(now: Date): void {
    this.running = cloneConfig(this.saved);
    this.effectiveBackwardCompatibility = this.configuredBackwardCompatibility();
    this.bootTime = now;
  }

  private classify(line: string, context: SimContext): GrammarResult | undefined {
    try {
      return this.opts.parse(line, context, this.opts.model);
    } catch {
      // A grammar bug must not take the device down; the device answers unknown input this way.
      return { ok: false, error: "invalid-command" };
    }
  }

  /** Runs one line as the config loader or a schedule does; returns the grammar error, if any. */
  private applyLine(session: Session, line: string): GrammarError | undefined {
    if (line.length > MAX_COMMAND_LENGTH) return "parameters";
    const words = line.split(/\s+/);
    if (words[0] === "pp" && words[1] === "select")
      return this.select(session, "pp", words.slice(2), "en").error;
    if (words[0] === "tunnel" && words[1] === "select")
      return this.select(session, "tunnel", words.slice(2), "en").error;
    if (words[0] === "no" && words[2] === "select") {
      session.context = { kind: "none" };
      return undefined;
    }
    const parsed = this.classify(line, session.context);
    if (!parsed) return "invalid-command";
    if (!parsed.ok) return parsed.error;
    if (this.overLimit(parsed)) return "out-of-range";
    this.apply(session, parsed);
    return undefined;
  }

  /** A new route, filter or NAT descriptor beyond the model's number of them (models.ts `limits`) [U: the error]. */
  private overLimit(parsed: Extract<GrammarResult, { ok: true }>): boolean {
    if (parsed.negate || parsed.command.scope !== "global" || this.running.global.has(parsed.command.key))
      return false;
    const key = parsed.command.key;
    const counted = COUNTED.find(([, pattern]) => pattern.test(key));
    if (!counted) return false;
    const [limit, pattern] = counted;
    const max = this.opts.model.limits[limit];
    // Fewer settings in all than the limit: no need to count (keeps loading a big config linear).
    if (this.running.global.size < max) return false;
    return [...this.running.global.keys()].filter((k) => pattern.test(k)).length >= max;
  }

  private apply(session: Session, parsed: Extract<GrammarResult, { ok: true }>): Effect[] {
    if (parsed.negate) {
      const removed = removeSetting(this.running, blockOf(parsed.scope, session.context), parsed.key);
      const id = removed && scheduleOf(removed.canonical)?.id;
      return id === undefined ? [] : [{ type: "unschedule", id }];
    }
    const command = parsed.command;
    const setting: Setting = {
      canonical: command.canonical,
      key: command.key,
      order: command.order,
      nested: command.nested,
      secret: command.secret,
    };
    const previous = putSetting(this.running, blockOf(command.scope, session.context), setting);
    const effects: Effect[] = [];
    const before = previous && scheduleOf(previous.canonical);
    if (before) effects.push({ type: "unschedule", id: before.id });
    const schedule = scheduleOf(command.canonical);
    if (schedule?.seconds !== undefined) {
      effects.push({
        type: "schedule",
        id: schedule.id,
        seconds: schedule.seconds,
        command: schedule.command,
      });
    }
    return effects;
  }

  private quit(session: Session, save: boolean): Reply {
    if (!session.admin) return { lines: [], effects: [{ type: "logout" }] };
    if (save) {
      session.admin = false;
      return this.save(0, this.consoleSettings(session).language);
    }
    if (this.unsaved()) session.awaiting = "save-question";
    else session.admin = false;
    return { lines: [], effects: [] };
  }

  private select(
    session: Session,
    kind: "pp" | "tunnel",
    args: string[],
    lang: Language,
  ): Reply & { error?: GrammarError } {
    const fail = (error: GrammarError): Reply & { error: GrammarError } => ({
      lines: [errorLine(message(error, lang), lang)],
      effects: [],
      error,
    });
    if (args.length !== 1) return fail("parameters");
    const [arg] = args;
    if (arg === "none") session.context = { kind: "none" };
    else if (kind === "pp" && arg === "anonymous") session.context = { kind: "pp", peer: "anonymous" };
    else if (!/^\d+$/.test(arg)) return fail(/^-?\d/.test(arg) ? "not-integer" : "illegal-keyword");
    else {
      const n = Number(arg);
      const max = kind === "pp" ? this.opts.model.maxPp : this.opts.model.maxTunnel;
      if (n < 1 || n > max) return fail("out-of-range");
      session.context = kind === "pp" ? { kind: "pp", peer: String(n) } : { kind: "tunnel", tunnel: n };
    }
    return { lines: [], effects: [] };
  }

  private show(session: Session, args: string[], filters: string[], lang: Language, now: Date): Reply {
    const ok = (lines: string[]): Reply => ({ lines, effects: [] });
    const fail = (id: MessageId): Reply => ({ lines: [errorLine(message(id, lang), lang)], effects: [] });
    const [what = "", ...rest] = args;
    if (what === "environment" && rest.length === 0) {
      const bc = this.opts.model.hasBackwardCompatibility
        ? {
            effective: this.effectiveBackwardCompatibility,
            configured: this.configuredBackwardCompatibility(),
          }
        : undefined;
      return ok(
        environmentLines(this.opts.model, { bootTime: this.bootTime, now, backwardCompatibility: bc }),
      );
    }
    if (what === "copyright" && rest.length === 0) return ok(this.banner().slice(1, 3));
    if (what === "status" && rest.join(" ") === "user") {
      const rows = [...this.logins].flatMap((s) =>
        s.login ? [{ ...s.login, admin: s.admin, self: s === session }] : [],
      );
      return ok(statusUserLines(rows, lang, now));
    }
    if (what !== "config") return fail("invalid-command");
    if (this.opts.showConfigAdminOnly && !session.admin) return fail("admin-only");
    if (rest.length === 0) return ok([...this.header(now), ...this.body(this.running)]);
    if (rest.length === 1 && CONFIG_FILE.test(rest[0])) {
      session.fileRequest = { file: rest[0], filters };
      session.awaiting = "file-login-password";
      return ok([]);
    }
    const [part, range, ...more] = rest;
    if (part === "pp" && more.length === 0) {
      const selected = session.context.kind === "pp" ? session.context.peer : undefined;
      const peers =
        range === undefined ? (selected ? [selected] : []) : range === "anonymous" ? [range] : null;
      const wanted = peers ?? idList([range ?? ""]).map(String);
      return ok(ppOrder(wanted).flatMap((peer) => renderPp(this.running, peer)));
    }
    if (part === "tunnel") {
      const expand = [range, ...more].at(-1) === "expand";
      const ids = [range, ...more].filter((a): a is string => a !== undefined && a !== "expand");
      if (ids.length > 1) return fail("parameters");
      const selected = session.context.kind === "tunnel" ? [session.context.tunnel] : [];
      const tunnels = ids.length === 0 ? selected : idList(ids);
      return ok(tunnels.flatMap((t) => (expand ? this.expandedTunnel(t) : renderTunnel(this.running, t))));
    }
    return fail("parameters");
  }

  /** `show config`'s header: the model lines, then the reporting date read at each call. */
  private header(now: Date): string[] {
    return [...configHeaderLines(this.opts.model), `# Reporting Date: ${reportingDate(now)}`];
  }

  /**
   * The answers to `show config FILE`'s prompts, then the file in `show config` form. Both passwords are asked
   * before either is checked, and only a login that knows them learns whether the file exists [U]. An unset login
   * password is answered with an empty line.
   */
  private showFile(
    session: Session,
    request: NonNullable<Session["fileRequest"]>,
    input: string,
    now: Date,
    fail: (id: MessageId) => Reply,
  ): Reply {
    if (session.awaiting === "file-login-password") {
      session.fileRequest = { ...request, loginAnswer: input };
      session.awaiting = "file-admin-password";
      return { lines: [], effects: [] };
    }
    this.cancelPrompt(session);
    const loginPassword = this.passwordSetting("login")?.secret ?? "";
    if (request.loginAnswer !== loginPassword || input !== this.adminPassword())
      return fail("incorrect-password");
    const file = request.file === "0" ? this.saved : this.otherFiles.get(request.file);
    if (!file) return fail("file-not-found");
    const reply = { lines: [...this.header(now), ...this.body(file)], effects: [] };
    return request.filters.length === 0 ? reply : grep(reply, request.filters, fail);
  }

  /**
   * The tunnel after templates, followed by the `ipsec transport` lines (template copies included) whose policy is
   * the tunnel's `ipsec tunnel` policy: [U] the reference does not say whether expand shows transports; without
   * them the seed's warning "check the expansion" could not be checked for `ipsec transport template`.
   */
  private expandedTunnel(tunnel: number): string[] {
    const reparse = (line: string, t: number | undefined): Setting | undefined => {
      const r = this.classify(line, t === undefined ? { kind: "none" } : { kind: "tunnel", tunnel: t });
      return r?.ok && !r.negate ? r.command : undefined;
    };
    const settings = expandTunnel(this.running, tunnel, reparse);
    if (settings.length === 0) return [];
    const policy = settings.find((s) => /^ipsec tunnel \d+$/.test(s.canonical))?.canonical.split(" ")[2];
    const transports = expandTransports(this.running, reparse).filter(
      (s) => s.canonical.split(" ")[3] === policy,
    );
    return [...renderBlock(`tunnel select ${tunnel}`, settings), ...transports.map((s) => s.canonical)];
  }
}

/**
 * `show ... | grep [-i] [-v] [-w] PATTERN [| grep ...]` (CR §2.5.1): prints `Searching ...` then the matching lines.
 * The pattern is taken as a JavaScript regular expression, a superset of the device's limited syntax.
 */
function grep(reply: Reply, filters: string[], fail: (id: MessageId) => Reply): Reply {
  let lines = reply.lines;
  for (const filter of filters) {
    const args = filter.trim().split(/\s+/).slice(1);
    const flags = new Set<string>();
    while (args.length > 1 && /^-[ivw]$/.test(args[0])) flags.add(args.shift() ?? "");
    if (args.length !== 1) return fail("parameters");
    const source = flags.has("-w") ? `(?<![\\w])(?:${args[0]})(?![\\w])` : args[0];
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, flags.has("-i") ? "i" : "");
    } catch {
      return fail("illegal-keyword");
    }
    lines = lines.filter((l) => pattern.test(l) !== flags.has("-v"));
  }
  return { lines: ["Searching ...", ...lines], effects: reply.effects };
}

/** `schedule at ID +SEC * COMMAND` (CR §37.1); `seconds` is set only for the relative `+TIMER` form. */
export function scheduleOf(canonical: string): { id: number; seconds?: number; command: string } | undefined {
  const m = /^schedule at (\d+) (?:\+(\d+)|\S+(?: \S+)?) \* (.+)$/.exec(canonical);
  if (!m) return undefined;
  return { id: Number(m[1]), seconds: m[2] === undefined ? undefined : Number(m[2]), command: m[3] };
}
