/**
 * What this machine knows about a router between processes: who is writing to it now (the writer lock) and which
 * settings a session of ours changed without saving yet (the unsaved journal).
 *
 * YAMAHA routers have no configuration lock and no candidate config: every line is live at once and any `save`
 * persists every session's lines (CR §2.1.1, §56.3.3). So two of our clients writing at once would save each
 * other's half-applied or failed lines. The lock makes our clients (the Pulumi provider, `nvr apply`, `nvr plan
 * --router`, each in its own process) take turns per router; the router-side check of other administrator
 * sessions (router.ts) covers people and tools on other machines as far as the router can tell.
 *
 * The journal lets the next session tell its own unsaved leftovers (a run cut before its `save`, a rollback cut
 * by a drop, a killed provider) from someone else's unsaved work: ours are put back to the saved config, theirs
 * stop the run. It holds setting keys only (`pp anonymous|ipsec ike pre-shared-key 1`), never values, so no
 * secret is ever written to disk.
 *
 * Both live in NVR_STATE_DIR, default `~/.local/state/pulumi-yamaha-nvr` (os.tmpdir() when home is not writable).
 */
import { LockTimeout } from "../errors";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NVR_STATE_DIR) return env.NVR_STATE_DIR;
  const home = path.join(os.homedir(), ".local", "state", "pulumi-yamaha-nvr");
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.accessSync(home, fs.constants.W_OK);
    return home;
  } catch {
    return path.join(os.tmpdir(), `pulumi-yamaha-nvr-${os.userInfo().uid}`);
  }
}

/** A file name for a router: host and port, nothing else (usernames and keys stay out of file names). */
function fileStem(host: string, port: number): string {
  return `${host.replace(/[^A-Za-z0-9.-]/g, "_")}_${port}`;
}

interface Holder {
  pid: number;
  host: string;
  what: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * The writer lock of one router on this machine: an exclusively created file naming its holder. A holder that is
 * no longer running (a killed provider) no longer holds it. Not re-entrant: one holder per process per router.
 */
export class WriterLock {
  private readonly file: string;
  /** Counts every hold of the lock by anyone, so a holder can tell whether another client held it since its own. */
  private readonly generationFile: string;
  private generation?: number;
  private held = false;

  constructor(
    host: string,
    port: number,
    private readonly what: string,
    dir = stateDir(),
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `${fileStem(host, port)}.lock`);
    this.generationFile = path.join(dir, `${fileStem(host, port)}.generation`);
  }

  get isHeld(): boolean {
    return this.held;
  }

  /**
   * Takes the lock, waiting up to `waitMs`; `waiting` is told once who holds it. Resolves true when another
   * client may have held it since this one last did (what this process knows of the router may be stale).
   */
  async acquire(waitMs: number, waiting?: (holder: string) => void): Promise<boolean> {
    if (this.held) return false;
    const deadline = Date.now() + waitMs;
    let told = false;
    for (;;) {
      const holder = this.tryTake();
      if (holder === undefined) {
        this.held = true;
        return this.nextGeneration();
      }
      const who = `${holder.what} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
      if (Date.now() >= deadline)
        throw new LockTimeout(`another client is writing to this router: ${who}; waited ${waitMs} ms`);
      if (!told) waiting?.(who);
      told = true;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private nextGeneration(): boolean {
    let current = 0;
    try {
      current = Number(fs.readFileSync(this.generationFile, "utf8")) || 0;
    } catch {
      // first hold on this machine
    }
    const others = this.generation === undefined || current !== this.generation;
    this.generation = current + 1;
    fs.writeFileSync(this.generationFile, String(this.generation));
    return others;
  }

  /** undefined when taken; otherwise the live holder. */
  private tryTake(): Holder | undefined {
    const me: Holder = {
      pid: process.pid,
      host: os.hostname(),
      what: this.what,
      since: new Date().toISOString(),
    };
    try {
      fs.writeFileSync(this.file, JSON.stringify(me), { flag: "wx" });
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readHolder(this.file);
    // A holder on this host that is gone (killed, crashed) left the file behind; an unreadable file is one being
    // written this instant, so it counts as held.
    if (holder && holder.host === os.hostname() && !alive(holder.pid)) {
      fs.rmSync(this.file, { force: true });
      return this.tryTake();
    }
    return holder ?? { pid: 0, host: os.hostname(), what: "another client", since: "now" };
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    const holder = readHolder(this.file);
    if (holder?.pid === process.pid) fs.rmSync(this.file, { force: true });
  }
}

/**
 * The setting keys our sessions changed and have not saved, per router (host, port and host key, so a different
 * router answering on a reused port never inherits them).
 */
export class UnsavedJournal {
  private readonly file: string;

  constructor(host: string, port: number, hostKey: string, dir = stateDir()) {
    fs.mkdirSync(dir, { recursive: true });
    const key = hostKey.replace(/[^A-Za-z0-9]/g, "").slice(-16);
    this.file = path.join(dir, `${fileStem(host, port)}_${key}.unsaved`);
  }

  keys(): Set<string> {
    try {
      return new Set(
        fs
          .readFileSync(this.file, "utf8")
          .split("\n")
          .filter((l) => l !== ""),
      );
    } catch {
      return new Set();
    }
  }

  /**
   * Records keys before their lines are typed (written through, so a killed process leaves them on disk). Appended,
   * not rewritten: a batch of a thousand operations records a key before each, and `keys()` reads them as a set.
   */
  add(keys: Iterable<string>): void {
    const text = [...keys].map((k) => `${k}\n`).join("");
    if (text !== "") fs.appendFileSync(this.file, text);
  }

  /** After a save (or a repair) made running == saved. */
  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
