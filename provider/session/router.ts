/**
 * One Router per host:port:username per process: a single primary SSH session shared by every operation, a queue
 * so context lines of concurrent operations never interleave, the running config read once per batch and kept up
 * to date with every line the router accepts, and save coalescing — an operation resolves only after the one read
 * that verifies the batch and the `save` that covers it, and a batch waits for the operations the engine announced
 * (batch.ts). A second session is opened only for commit-confirmed verification, so there are never more than two
 * logins to one router.
 */
import {
  AuthError,
  CommandError,
  ConnectionLostError,
  HostKeyError,
  RouterError,
  TimeoutError,
  UnsavedChangesError,
} from "../errors";
import { indexConfig, type ConfigIndex } from "../config/index";
import type { ConfigTree, ContextCommand } from "../config/model";
import { parseConfig } from "../config/parse";
import { applyCommand } from "../config/write";
import { redact } from "../secrets";
import { applyConfirmed, type ConfirmLink } from "../apply/confirmed";
import {
  journalKey,
  revertCommands,
  touchesAccess,
  unsavedSettings,
  type UnsavedSetting,
} from "../apply/plan";
import { applyPlan, verifyBatch, type Applied } from "../apply/transaction";
import { UnsavedJournal, WriterLock } from "./custody";
import { Batching, PACED_WAIT_MS, REPORTS_AHEAD, type Writes } from "./batch";
import {
  Shell,
  consoleSettingsOf,
  withConsoleOriginals,
  type ConsoleSettings,
  type ShellOptions,
} from "./shell";

export interface RouterConnection {
  host: string;
  port?: number;
  username: string;
  password?: string;
  /** PEM text, or a path to a key file. */
  privateKey?: string;
  passphrase?: string;
  adminPassword?: string;
  /**
   * The router's `login password` (CR §4.1), which `show config N` asks for before it prints the saved config.
   * Default: tried as the login password, then empty (none set).
   */
  loginPassword?: string;
  /** SHA256 fingerprint pin, as `ssh-keygen -lf` prints it: `SHA256:...`. */
  hostKey?: string;
  knownHostsFile?: string;
  trustOnFirstUse?: boolean;
  model?: string;
  /** For messages; default host:port. */
  name?: string;
  commandTimeoutMs?: number;
  /**
   * Log out after this long without work (default 240 s, inside the router's own 300 s `login timer`). One Pulumi
   * command can leave a router idle for many seconds between dependency waves, and a fresh login costs seconds on an
   * NVR; holding the session is free because nothing is left to do at logout (the router is saved and its console
   * settings put back whenever it goes idle), and the provider process exits at the end of the run anyway.
   */
  idleCloseMs?: number;
  /** Receives every log line, already redacted. */
  log?: (line: string) => void;
  /**
   * Unsaved changes on the router that no session of this tool made are taken over (saved together with this
   * run's) instead of stopping the run. Default false: a run never saves what it did not write.
   */
  takeOverUnsaved?: boolean;
  /**
   * How long to wait for the router: for another client of this tool on this machine to finish its batch (the
   * writer lock) and for other administrator logins to leave (default 300 s).
   */
  lockWaitMs?: number;
  /** Who holds the writer lock, for the messages other clients show while they wait (e.g. "nvr apply"). */
  client?: string;
}

/**
 * A plan, or how to make one from the router's config as it is when the operation's turn comes: reading and
 * writing in one turn of the queue means no other operation can change the router in between, and the
 * operation needs no report (and no console round trip) between its read and its write.
 */
export type PlanSource = readonly ContextCommand[] | ((config: ConfigIndex) => readonly ContextCommand[]);

export interface ApplyOptions {
  /**
   * Where the operation goes among those waiting for the router (lower first; equal ones in arrival order),
   * so a batch lands in the order the router needs it — objects defined before an interface binds them — however
   * the engine happened to send it. Default 0.
   */
  stage?: number;
  /** Default "auto": when the plan touches the session's own interface address or the ssh/login settings. */
  commitConfirmed?: boolean | "auto";
  /** Seconds until the armed restart (1..3600, default 300). */
  confirmTimeoutSec?: number;
  /** Default true. */
  save?: boolean;
  label?: string;
  /** The key the operation was announced under (`Router.announce`), if it was. */
  announced?: string;
}

export interface ApplyResult {
  applied: ContextCommand[];
  saved: boolean;
  rolledBack: boolean;
}

export interface RouterStats {
  handshakes: number;
  commands: number;
  saves: number;
  configReads: number;
  /** Batches that waited for an announced operation that did not come in time (batch.ts). */
  unansweredWaits: number;
  /** Batches whose save began before the engine's round was complete (batch.ts, saveEarly). */
  earlySaves: number;
}

export interface Router {
  readonly name: string;
  /**
   * Parsed `show config`, as the session knows it: read once per batch (and again whenever in doubt), then kept up
   * to date with the lines the router accepts.
   */
  config(): Promise<ConfigIndex>;
  /** Raw `show config` text (LF line endings, console settings as they are outside this tool's sessions). */
  showConfig(): Promise<string>;
  /** An empty plan sends nothing and saves nothing. Errors thrown by a plan function reach the caller as they are. */
  apply(plan: PlanSource, opts?: ApplyOptions): Promise<ApplyResult>;
  /**
   * Saves, sends `restart`, and resolves once the router takes a login again (within `timeoutMs`, default 5 min).
   * Only for settings the router applies at boot, and only with the user's explicit consent: every session and
   * all traffic drop while it boots.
   */
  restart(opts?: { timeoutMs?: number }): Promise<void>;
  /**
   * The engine checked an operation for this router and is about to send it (`key` names it, e.g. kind and
   * identity, and comes back as `ApplyOptions.announced`): a batch waits for announced operations before its save,
   * unless `writes` finds that one has nothing to write against the config as the session knows it.
   */
  announce(key: string, writes?: Writes): void;
  /** An announced operation will not be sent after all (there is nothing to change). */
  withdraw(key: string): void;
  stats(): RouterStats;
  close(): Promise<void>;
}

const REGISTRY = Symbol.for("pulumi-yamaha-nvr.routers");
type Registry = Map<string, SharedRouter>;

function registry(): Registry {
  const g = globalThis as { [REGISTRY]?: Registry };
  return (g[REGISTRY] ??= new Map());
}

/** The SSH port of a connection: its own, else 22. */
export const sshPort = (conn: { port?: number }): number => conn.port ?? 22;

/** How messages, locks and keys name a router: `host:port`. */
export const routerAddress = (conn: { host: string; port?: number }): string =>
  `${conn.host}:${sshPort(conn)}`;

/** What identifies one router login: one Router (and one preview read) per host:port:username per process. */
export function routerKey(conn: RouterConnection): string {
  return `${routerAddress(conn)}:${conn.username}`;
}

/** How to log in to the router of a connection: the parts of a shell's options every login of it shares. */
export function shellOptionsOf(conn: RouterConnection): ShellOptions {
  return {
    name: conn.name ?? routerAddress(conn),
    host: conn.host,
    port: sshPort(conn),
    username: conn.username,
    password: conn.password,
    privateKey: conn.privateKey,
    passphrase: conn.passphrase,
    adminPassword: conn.adminPassword,
    hostKeys: {
      host: conn.host,
      port: sshPort(conn),
      hostKey: conn.hostKey,
      knownHostsFile: conn.knownHostsFile,
      trustOnFirstUse: conn.trustOnFirstUse,
    },
    commandTimeoutMs: conn.commandTimeoutMs ?? 30_000,
  };
}

/**
 * The shared Router for a host:port:username in this process. A later call fills in fields the stored
 * connection lacks and updates those it gives (a rotated password), but never drops one: a call site without
 * credentials must not break the router every other operation shares.
 */
export function routerFor(conn: RouterConnection): Router {
  const key = routerKey(conn);
  const reg = registry();
  const existing = reg.get(key);
  if (existing) {
    const given = Object.entries(conn).filter(([, v]) => v !== undefined);
    existing.conn = { ...existing.conn, ...Object.fromEntries(given) };
    return existing;
  }
  const router = new SharedRouter(conn);
  reg.set(key, router);
  return router;
}

/** An operation applied and waiting for the batch's verification and save. */
interface Pending extends Applied {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * The running config as this session knows it: the tree of a `show config` read (and its text, until the first
 * line changes it), with every line the router accepted since applied to it by the provider's one statement of
 * the router's write rules (config/write.ts). Its index is rebuilt when asked for after a change; an index handed
 * out is a snapshot, because the tree's items, lines and blocks are replaced, never changed.
 */
class KnownConfig {
  private indexed?: ConfigIndex;
  constructor(
    private readonly tree: ConfigTree,
    public text?: string,
  ) {}

  index(): ConfigIndex {
    return (this.indexed ??= indexConfig({ header: this.tree.header, items: [...this.tree.items] }));
  }

  apply(cmd: ContextCommand): void {
    applyCommand(this.tree, cmd);
    this.indexed = undefined;
    this.text = undefined;
  }
}

interface Queued {
  stage: number;
  /** Whether the operation needs a login (closing a session does not). */
  login: boolean;
  run: () => Promise<void>;
  /** Reports a failure that ends the operation before it runs (the router could not be reached). */
  fail: (e: unknown) => void;
}

class SharedRouter implements Router {
  readonly name: string;
  private primary?: Shell;
  private connecting?: Promise<Shell>;
  private consoleOriginals?: ConsoleSettings;
  private learnedHostKey?: string;
  /** Dropped whenever it may be wrong: a new login, an error or unexpected output, a lock hold's checks. */
  private cached?: KnownConfig;
  private queue: Queued[] = [];
  private pumping = false;
  private unsaved: Pending[] = [];
  /**
   * Results held back until the router is idle and clean (saved, console settings put back): Pulumi may kill the
   * provider as soon as the last operation reports, so nothing may remain to be done after that. Only the last
   * result needs holding: see `settle`.
   */
  private settled: (() => void)[] = [];
  /** Saved operations not yet reported: their reports are paced to the engine's arrivals (session/batch.ts). */
  private paced: (() => void)[] = [];
  /** Ends the pump's wait for the next arrival while reports are paced. */
  private arrival?: () => void;
  /** When a batch stops taking operations and is saved. */
  private readonly batching = new Batching();
  private idleTimer?: NodeJS.Timeout;
  private counts = { handshakes: 0, saves: 0, configReads: 0, retiredCommands: 0, earlySaves: 0 };
  /** Held from the first operation of a batch until the router is clean and idle again. */
  private readonly lock: WriterLock;
  /** Whether this lock hold has checked the router before its first write (other administrators, unsaved lines). */
  private checked = false;
  private bootFile?: string;

  /** What the apply logic uses from inside queued work (so it never queues behind itself). */
  private readonly link: ConfirmLink;

  constructor(public conn: RouterConnection) {
    this.name = conn.name ?? routerAddress(conn);
    this.lock = new WriterLock(conn.host, sshPort(conn), conn.client ?? "a pulumi-yamaha-nvr client");
    this.link = {
      name: this.name,
      shell: () => this.shell(),
      discard: () => this.retire(),
      config: () => this.readIndex(),
      accepted: (cmd, output) => {
        if (output.trim() === "") this.cached?.apply(cmd);
        else {
          // A line the router answered with more than its prompt: the config it left is read, not assumed.
          this.log(`unexpected output after "${cmd.command}": ${output.trim().split("\n")[0]}`);
          this.cached = undefined;
        }
      },
      invalidate: () => (this.cached = undefined),
      log: (line) => this.log(line),
      freshSession: () => this.open(false),
      save: () => this.save(),
      journal: (plan) => this.journal().add(plan.map(journalKey)),
    };
  }

  log(line: string): void {
    this.conn.log?.(redact(line.startsWith("[") ? line : `[${this.name}] ${line}`));
  }

  stats(): RouterStats {
    return {
      handshakes: this.counts.handshakes,
      commands: this.counts.retiredCommands + (this.primary?.commands ?? 0),
      saves: this.counts.saves,
      configReads: this.counts.configReads,
      unansweredWaits: this.batching.unanswered,
      earlySaves: this.counts.earlySaves,
    };
  }

  // ---- sessions -------------------------------------------------------------------------------------------

  private open(setConsole: boolean): Promise<Shell> {
    this.counts.handshakes++;
    this.log("logging in");
    const options = shellOptionsOf(this.conn);
    return Shell.open({
      ...options,
      name: this.name,
      hostKeys: { ...options.hostKeys, learned: this.learnedHostKey },
      consoleOriginals: this.consoleOriginals,
      setConsole,
      log: (l) => this.log(l),
    }).then((shell) => {
      this.learnedHostKey ??= shell.presentedHostKey;
      this.consoleOriginals ??= shell.originals;
      return shell;
    });
  }

  /** The primary session, with the session's console settings in place unless `sessionConsole` is false. */
  private async shell(sessionConsole = true): Promise<Shell> {
    if (!this.primary || this.primary.closed) {
      this.retire();
      this.connecting ??= this.login().finally(() => (this.connecting = undefined));
      this.primary = await this.connecting;
    }
    await this.primary.ensureAdministrator();
    if (sessionConsole) await this.primary.ensureConsole();
    return this.primary;
  }

  /**
   * A new primary login. One cut off on the way (during its console setup, say) is tried again, twice: what it left
   * behind is recognised and put back by the checks before the next write. Refused credentials and host keys,
   * and a router that cannot be reached at all, fail at once.
   */
  private async login(): Promise<Shell> {
    // What the router holds after a reconnect is read, not assumed.
    this.cached = undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.open(true);
      } catch (e) {
        const cut = e instanceof ConnectionLostError && !/cannot connect/.test(e.message);
        if (!(cut || e instanceof TimeoutError) || attempt >= 3) throw e;
        this.log(`login cut off (${e.message}); logging in again`);
      }
    }
  }

  /** The unsaved journal of this router (keyed by its host key, known once a session has connected). */
  private journal(): UnsavedJournal {
    return new UnsavedJournal(this.conn.host, sshPort(this.conn), this.learnedHostKey ?? "unknown");
  }

  // ---- custody: one writer, nothing saved that is not ours ----------------------------------------------------

  private async takeLock(): Promise<void> {
    const wait = this.conn.lockWaitMs ?? 300_000;
    const othersHeldIt = await this.lock
      .acquire(wait, (who) => this.log(`waiting for the router lock: ${who}`))
      .catch((e: Error) => {
        throw new RouterError(this.name, e.message);
      });
    // Another client may have written since this process last looked.
    if (othersHeldIt) this.cached = undefined;
    this.checked = false;
  }

  /**
   * Before the first write of a lock hold: no other login may be in administrator mode (YAMAHA has no config
   * lock, so its lines would be saved with ours or ours with its), and the running config must equal the saved
   * one except for what a session of ours left unsaved — which goes back to the saved config first.
   */
  private async checkBeforeWriting(): Promise<void> {
    // A drop here is retried by `prepare`, its caller: nothing of the operation was typed yet.
    await this.waitForOtherAdministrators();
    await this.repairUnsaved();
    this.checked = true;
  }

  private async waitForOtherAdministrators(): Promise<void> {
    const deadline = Date.now() + (this.conn.lockWaitMs ?? 300_000);
    let told = false;
    for (;;) {
      const others = await (await this.shell(false)).otherAdministrators();
      if (others === undefined || others.length === 0) return;
      const who = others.join(", ");
      if (Date.now() >= deadline)
        throw new RouterError(
          this.name,
          `another login is in administrator mode: ${who}. YAMAHA routers have no configuration lock, so this tool does not write while one is open (its lines would be saved with ours); ask them to leave administrator mode (quit) and run again`,
        );
      if (!told) this.log(`waiting for other administrator logins to leave: ${who}`);
      told = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** The boot config file, as `show environment` names it ("Default config. file: config0"); read once per router. */
  private async bootConfigFile(shell: Shell): Promise<string> {
    if (this.bootFile === undefined) {
      const env = await shell.run("show environment").catch((e: unknown) => {
        if (e instanceof CommandError) return "";
        throw e;
      });
      this.bootFile = /config\. file:\s*config(\d+(?:\.\d+)?)/i.exec(env)?.[1] ?? "0";
    }
    return this.bootFile;
  }

  /**
   * The saved boot config, or undefined (logged) when the router will not show it: then unsaved changes of other
   * sessions cannot be told apart on this router.
   */
  private async readSaved(shell: Shell): Promise<string | undefined> {
    const file = await this.bootConfigFile(shell);
    const candidates =
      this.conn.loginPassword !== undefined
        ? [this.conn.loginPassword]
        : [...new Set([this.conn.password ?? "", ""])];
    let failure: unknown;
    for (const loginPassword of candidates) {
      try {
        const text = (await shell.showSaved(file, loginPassword)).replace(/\r\n/g, "\n");
        this.conn.loginPassword = loginPassword;
        return text;
      } catch (e) {
        if (!(e instanceof CommandError || e instanceof AuthError)) throw e;
        failure = e;
      }
    }
    this.log(
      `cannot read the saved config (${(failure as Error).message}); set the router's login password (nvr:loginPassword) so unsaved changes of other sessions can be detected`,
    );
    return undefined;
  }

  /**
   * The running config's settings that differ from the saved config, read afresh, split into ours (in the unsaved
   * journal) and someone else's; undefined when the router will not show its saved config.
   */
  private async unsavedNow(): Promise<
    { saved: ConfigIndex; mine: UnsavedSetting[]; foreign: UnsavedSetting[] } | undefined
  > {
    this.cached = undefined;
    const shell = await this.shell();
    const savedText = await this.readSaved(shell);
    if (savedText === undefined) return undefined;
    if (shell.adoptSavedConsole(consoleSettingsOf(savedText))) {
      this.consoleOriginals = shell.originals;
      this.cached = undefined;
    }
    const running = await this.readIndex();
    const saved = indexConfig(parseConfig(savedText));
    const ours = this.journal().keys();
    const unsaved = unsavedSettings(running, saved);
    return {
      saved,
      mine: unsaved.filter((u) => ours.has(u.key)),
      foreign: unsaved.filter((u) => !ours.has(u.key)),
    };
  }

  /** Types the saved config's lines back over settings of ours that are not saved. */
  private async putBack(saved: ConfigIndex, mine: readonly UnsavedSetting[]): Promise<void> {
    if (mine.length === 0) return;
    this.log(`putting back ${mine.length} setting(s) this tool left unsaved`);
    await applyPlan(this.link, revertCommands(saved, mine));
  }

  /** Before a first write: others' unsaved work stops the run (or is taken over); ours goes back to the saved config. */
  private async repairUnsaved(): Promise<void> {
    const now = await this.unsavedNow();
    if (now === undefined) return;
    if (now.foreign.length > 0) {
      if (!this.conn.takeOverUnsaved) throw new UnsavedChangesError(this.name, describeUnsaved(now.foreign));
      this.log(`taking over unsaved changes of another session: ${describeUnsaved(now.foreign)}`);
    }
    await this.putBack(now.saved, now.mine);
    if (now.foreign.length === 0) this.journal().clear();
  }

  /** The console settings back as the router had them; a connection lost on the way is logged into again once. */
  private async putConsoleBack(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await (await this.shell(false)).restoreConsole();
        return;
      } catch (e) {
        const lost = e instanceof ConnectionLostError || e instanceof TimeoutError;
        if (!lost || attempt >= 2) {
          // Left for the next session, which recognises its own console values against the saved config.
          this.log(`restoring console: ${(e as Error).message}`);
          return;
        }
        this.retire();
      }
    }
  }

  /** Leaves the router to others: its batch is over (saved, console put back). */
  private async releaseLock(): Promise<void> {
    if (!this.lock.isHeld) return;
    // An idle login in administrator mode would stop other clients' writes (waitForOtherAdministrators).
    if (this.primary && !this.primary.closed)
      await this.primary
        .leaveAdministrator()
        .catch((e: Error) => this.log(`leaving administrator mode: ${e.message}`));
    this.lock.release();
    this.checked = false;
  }

  private retire(): void {
    if (!this.primary) return;
    this.counts.retiredCommands += this.primary.commands;
    this.primary.destroy();
    this.primary = undefined;
  }

  // ---- the known running config -----------------------------------------------------------------------------

  /** Reads `show config` through the primary session (callers hold the queue); it becomes the known config. */
  private async read(): Promise<KnownConfig> {
    const shell = await this.shell();
    const out = await shell.run("show config", 120_000);
    this.counts.configReads++;
    const text = withConsoleOriginals(out.replace(/\r\n/g, "\n"), shell.originals).replace(/\s+$/, "\n");
    return (this.cached = new KnownConfig(parseConfig(text), text));
  }

  /** The router's own text: read again once lines were applied to the known config. */
  private async readText(): Promise<string> {
    const text = this.cached?.text ?? (await this.read()).text;
    return text as string;
  }

  private async readIndex(): Promise<ConfigIndex> {
    return (this.cached ?? (await this.read())).index();
  }

  config(): Promise<ConfigIndex> {
    return this.enqueue(() => this.readIndex());
  }

  showConfig(): Promise<string> {
    return this.enqueue(() => this.readText());
  }

  // ---- queue and save coalescing ----------------------------------------------------------------------------

  private enqueue<T>(work: () => Promise<T>, stage = 0, login = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        stage,
        login,
        run: () =>
          work().then(
            (v) => this.settle(() => resolve(v)),
            (e) => this.settle(() => reject(e)),
          ),
        fail: (e) => this.settle(() => reject(e)),
      });
      this.kick();
    });
  }

  /** Whether an operation (not a close, which no engine call waits for) is queued. */
  private operationsWaiting(): boolean {
    return this.queue.some((q) => q.login);
  }

  /** The waiting operation of the lowest stage, the earliest among equals. */
  private next(): Queued | undefined {
    let best = -1;
    this.queue.forEach((q, i) => {
      if (best < 0 || q.stage < this.queue[best].stage) best = i;
    });
    return best < 0 ? undefined : this.queue.splice(best, 1)[0];
  }

  /** Reports the next `n` saved operations held for pacing. */
  private reportPaced(n: number): void {
    for (const report of this.paced.splice(0, n)) report();
  }

  /** True when an operation arrives (or other work is queued) within PACED_WAIT_MS, false when none does. */
  private nextArrival(): Promise<boolean> {
    if (this.queue.length > 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), PACED_WAIT_MS);
      const done = (arrived: boolean) => {
        clearTimeout(timer);
        this.arrival = undefined;
        resolve(arrived);
      };
      this.arrival = () => done(true);
    });
  }

  private kick(): void {
    this.arrival?.();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.pumping) return;
    this.pumping = true;
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        if (this.operationsWaiting() && !this.lock.isHeld) {
          const failure = await this.takeLock().then(
            () => undefined,
            (e: unknown) => e,
          );
          if (failure !== undefined) for (const q of this.queue.splice(0)) q.fail(failure);
          continue;
        }
        if (this.operationsWaiting() && (!this.primary || this.primary.closed)) {
          // Log in before picking: what arrives during the handshake joins the batch in stage order. A router
          // that cannot be reached fails everything waiting for it at once, after one attempt.
          const failure = await this.shell().then(
            () => undefined,
            (e: unknown) => e ?? new Error("login failed"),
          );
          if (failure !== undefined) for (const q of this.queue.splice(0)) q.fail(failure);
          continue;
        }
        const work = this.next();
        if (work) {
          await work.run();
          continue;
        }
        // Queue drained: once no operation the engine announced is still to join the batch, one save covers every
        // operation applied since the last one, then the console settings go back. Only then are they reported.
        // Saved operations still to report: each arrival takes one more (apply); none within the wait, or none
        // announced any more, and the rest report now. A batch is saved while some are still held only when the
        // engine is the slower (batch.ts, saveEarly): the held ones keep it busy through the save.
        if (this.unsaved.length > 0 && this.batching.saveEarly()) {
          this.counts.earlySaves++;
          await this.saveCovered();
          continue;
        }
        if (this.paced.length > 0) {
          const arrived = this.batching.pacing() && (await this.nextArrival());
          if (!arrived || !this.batching.pacing()) this.reportPaced(this.paced.length);
          continue;
        }
        if (this.unsaved.length > 0) {
          if (!(await this.batching.joined(() => this.cached?.index()))) await this.saveCovered();
          continue;
        }
        // Pulumi kills the provider without warning when a run ends, so waiting for the idle logout would leave
        // the session's console settings in the running config (drift).
        if (this.primary && !this.primary.closed) await this.putConsoleBack();
        if (this.queue.length === 0) break;
      }
    } finally {
      await this.releaseLock();
      this.pumping = false;
      for (const report of this.settled.splice(0)) report();
      // Work that arrived while the lock was being released found the pump still running: start it again.
      if (this.queue.length > 0) this.kick();
      else this.armIdle();
    }
  }

  /**
   * Reports a result at once while another operation on this router is still to report (queued, waiting for its
   * save, or held here): the engine cannot end the run before that one, which is held until the router is clean.
   * So an operation with nothing to write, or one its save already covers, frees its engine slot without waiting
   * for the rest of the batch, and the engine can send the next operations into the same batch.
   */
  private settle(report: () => void): void {
    if (
      this.operationsWaiting() ||
      this.unsaved.length > 0 ||
      this.paced.length > 0 ||
      this.settled.length > 0
    )
      report();
    else this.settled.push(report);
  }

  private armIdle(): void {
    if (!this.primary) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      void this.enqueue(() => this.closePrimary(), Infinity, false).catch((e) =>
        this.log(`closing: ${(e as Error).message}`),
      );
    }, this.conn.idleCloseMs ?? 240_000);
    // An idle session must not keep a CLI process alive: the router is already clean when it is idle.
    this.idleTimer.unref();
  }

  /**
   * One read verifies every operation waiting for a save, and one save covers those the router shows; each resolves
   * (or fails) with it. One the router does not show was put back and fails on its own.
   */
  private async saveCovered(): Promise<void> {
    if (this.unsaved.length === 0) return;
    this.batching.closed();
    const started = Date.now();
    let covered = this.unsaved.splice(0);
    try {
      const failures = await verifyBatch(this.link, covered);
      covered.forEach((p, i) => failures[i] && p.reject(failures[i]));
      covered = covered.filter((_, i) => !failures[i]);
      if (covered.length === 0) return;
      await this.save();
      this.batching.saved(Date.now() - started);
      // The next batch starts with the checks, as after a new lock hold: while reports are paced the pump goes on
      // to it without releasing the lock, and another login may have entered administrator mode meanwhile.
      this.checked = false;
      this.paced.push(...covered.map((p) => p.resolve));
      this.reportPaced(this.batching.pacing() ? REPORTS_AHEAD : this.paced.length);
    } catch (e) {
      // A save that cannot be done must not leave the batch live and unsaved: it goes back to the saved config.
      const failure =
        e instanceof RouterError ? e : new RouterError(this.name, String((e as Error)?.message ?? e));
      const putBack = await this.unsavedNow()
        .then(async (now) => {
          if (now === undefined) return false;
          await this.putBack(now.saved, now.mine);
          return true;
        })
        .catch((r: unknown) => {
          this.log(`putting the batch back after the failed save: ${(r as Error).message}`);
          return false;
        });
      const report = new RouterError(
        this.name,
        `save failed (${failure.message}); ${putBack ? "the batch was put back to the saved config: nothing of it is live or saved" : "the batch is live but NOT saved; the next run puts it back"}`,
      );
      report.rolledBack = putBack;
      covered.forEach((p) => p.reject(report));
    }
  }

  /**
   * `save`, with the session's console settings out of the running config while it runs. A connection lost on the
   * way is logged into again and the save repeated (saving twice is harmless).
   */
  private async save(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const shell = await this.shell(false);
        await shell.withOriginalConsole(async () => {
          this.log("saving");
          const out = await shell.run("save", 300_000);
          this.log(out.trim() === "" ? "saved" : out.trim());
        });
        break;
      } catch (e) {
        if (!(e instanceof ConnectionLostError || e instanceof TimeoutError) || attempt >= 3) throw e;
        this.log(`connection lost while saving (${e.message}); logging in again to save`);
        this.retire();
      }
    }
    this.counts.saves++;
    // Running == saved now: nothing of ours is left unsaved.
    this.journal().clear();
  }

  announce(key: string, writes?: Writes): void {
    this.batching.announce(key, writes);
  }

  withdraw(key: string): void {
    this.batching.withdraw(key);
  }

  apply(source: PlanSource, opts: ApplyOptions = {}): Promise<ApplyResult> {
    const wantSave = opts.save !== false;
    this.batching.arrive(opts.announced);
    return new Promise<ApplyResult>((resolveNow, rejectNow) => {
      const report = (outcome: () => void) =>
        this.settle(() => {
          this.batching.reported();
          outcome();
        });
      const resolve = (r: ApplyResult) => report(() => resolveNow(r));
      const reject = (e: unknown) => report(() => rejectNow(e));
      const fail = (e: unknown) =>
        reject(
          e instanceof RouterError
            ? e
            : new RouterError(this.name, redact(String((e as Error)?.message ?? e))),
        );
      this.queue.push({
        stage: opts.stage ?? 0,
        login: true,
        fail,
        run: async () => {
          try {
            let prepared: { snapshot: ConfigIndex; applied: ContextCommand[] };
            try {
              prepared = await this.prepare(source);
            } catch (e) {
              // The caller's own refusal (an input conflict, an unreadable line): not a router error.
              if (!(e instanceof RouterError)) return reject(e);
              throw e;
            }
            const { snapshot, applied } = prepared;
            if (applied.length === 0) return resolve({ applied, saved: false, rolledBack: false });
            if (opts.label) this.log(`apply ${opts.label}: ${applied.length} command(s)`);
            const confirmed =
              opts.commitConfirmed === true ||
              ((opts.commitConfirmed ?? "auto") === "auto" &&
                touchesAccess(snapshot, applied, this.conn.host));
            if (confirmed) {
              // Operations waiting for a save must not be lost if the armed restart fires: save them first.
              await this.saveCovered();
              await applyConfirmed(this.link, applied, opts.confirmTimeoutSec ?? 300);
              return resolve({ applied, saved: true, rolledBack: false });
            }
            // Unsaved, nothing waits to verify it: it is verified at once. Otherwise with its batch, before the save.
            const typing = Date.now();
            const typed = await applyPlan(this.link, applied, { verify: wantSave ? "batch" : "now" });
            this.batching.typed(Date.now() - typing);
            if (!wantSave) return resolve({ applied, saved: false, rolledBack: false });
            this.unsaved.push({
              ...typed,
              resolve: () => resolve({ applied, saved: true, rolledBack: false }),
              reject: fail,
            });
          } catch (e) {
            fail(e);
          }
        },
      });
      // The engine sent one more: report one more saved operation (paced), so its state writes alternate with the
      // new ones'. Queued first, so the report is not held as the router's last.
      this.reportPaced(1);
      this.kick();
    });
  }

  /**
   * An operation's plan, made against the router's config when its turn comes, after the checks of this lock hold
   * (which read the router afresh and put back what an interrupted run of ours left unsaved): a plan made against
   * such leftovers could find "nothing to do" and report done what is about to be put back. Nothing is typed here,
   * so a connection cut on the way costs only a new login.
   */
  private async prepare(source: PlanSource): Promise<{ snapshot: ConfigIndex; applied: ContextCommand[] }> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.checked) {
          const checking = Date.now();
          await this.checkBeforeWriting();
          this.batching.checked(Date.now() - checking);
        }
        const snapshot = await this.readIndex();
        return { snapshot, applied: [...(typeof source === "function" ? source(snapshot) : source)] };
      } catch (e) {
        if (!(e instanceof ConnectionLostError || e instanceof TimeoutError) || attempt >= 3) throw e;
        this.retire();
        this.cached = undefined;
      }
    }
  }

  restart(opts: { timeoutMs?: number } = {}): Promise<void> {
    return this.enqueue(async () => {
      // The router boots the saved config: whatever is pending is saved first (console settings put back).
      if (this.unsaved.length > 0) await this.saveCovered();
      else await this.save();
      const shell = await this.shell(false);
      this.log("restarting the router");
      await shell.run("restart", 30_000).then(
        () => {
          throw new RouterError(this.name, "the router answered `restart` without restarting");
        },
        (e: unknown) => {
          // The session ends with the restart; a router that goes silent instead may take a moment to drop it.
          if (!(e instanceof ConnectionLostError || e instanceof TimeoutError)) throw e;
        },
      );
      this.retire();
      this.cached = undefined;
      this.primary = await this.loginAfterBoot(opts.timeoutMs ?? 300_000);
      this.log("the router is back");
    });
  }

  /** Logs in again, retrying while the router boots; wrong credentials or a changed host key fail at once. */
  private async loginAfterBoot(timeoutMs: number): Promise<Shell> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.open(true);
      } catch (e) {
        if (e instanceof AuthError || e instanceof HostKeyError || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async closePrimary(): Promise<void> {
    // Operations queued before the close still get their save on this session.
    await this.saveCovered();
    const shell = this.primary;
    if (!shell) return;
    this.counts.retiredCommands += shell.commands;
    this.primary = undefined;
    this.cached = undefined;
    await shell.close();
    // The console was put back: nothing left behind to remember (kept only when a session is cut off).
    this.consoleOriginals = undefined;
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    await this.enqueue(() => this.closePrimary(), Infinity, false);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** Unsaved settings as `+ line` (running only) / `- line` (saved only), secrets masked. */
function describeUnsaved(settings: readonly UnsavedSetting[]): string {
  return settings
    .map((u) => {
      const where = u.key.split("|")[0];
      const ctx = where === "global" ? "" : ` (in ${where})`;
      return [...u.saved.map((l) => `- ${l}${ctx}`), ...u.running.map((l) => `+ ${l}${ctx}`)].join(", ");
    })
    .map(redact)
    .join("; ");
}
