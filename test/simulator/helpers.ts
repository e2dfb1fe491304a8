/** A scripted SSH login against nvr-sim through the ssh2 client, reading output until a pattern shows up. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client, type ClientChannel } from "ssh2";
import { startSimulator, type Simulator } from "../../simulator/index";

export const PROMPT = /[>#] $/;

export class Shell {
  output = "";
  closed = false;
  private cursor = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly client: Client,
    readonly stream: ClientChannel,
  ) {
    stream.on("data", (d: Buffer) => this.feed(d.toString("utf8")));
    stream.on("close", () => this.end());
    client.on("close", () => this.end());
    client.on("error", () => this.end());
  }

  static open(
    sim: Pick<Simulator, "port">,
    opts: { user?: string; password?: string; privateKey?: string; pty?: boolean } = {},
  ): Promise<Shell> {
    return new Promise((resolve, reject) => {
      const client = new Client();
      client.on("error", reject);
      client.on("ready", () => {
        const ptyOpts = opts.pty === false ? undefined : { term: "vt100", cols: 80, rows: 24 };
        const open = (err: Error | undefined, stream: ClientChannel): void => {
          if (err) return reject(err);
          resolve(new Shell(client, stream));
        };
        if (ptyOpts) client.shell(ptyOpts, open);
        else client.shell(false, open);
      });
      client.connect({
        host: "127.0.0.1",
        port: sim.port,
        username: opts.user ?? "user",
        password: opts.privateKey ? undefined : (opts.password ?? "password"),
        privateKey: opts.privateKey,
        readyTimeout: 20000,
      });
    });
  }

  private feed(text: string): void {
    this.output += text;
    this.wake();
  }

  private end(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until output after the last match contains `pattern`; returns that new output. */
  async expect(pattern: RegExp | string, timeoutMs = 10000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.output.slice(this.cursor);
      const m = typeof pattern === "string" ? fresh.indexOf(pattern) : fresh.search(pattern);
      if (m >= 0) {
        const len =
          typeof pattern === "string" ? pattern.length : (fresh.slice(m).match(pattern)?.[0].length ?? 0);
        this.cursor += m + len;
        return fresh.slice(0, m + len);
      }
      if (this.closed)
        throw new Error(
          `connection closed while waiting for ${String(pattern)}; got ${JSON.stringify(fresh)}`,
        );
      if (Date.now() > deadline)
        throw new Error(`timeout waiting for ${String(pattern)}; got ${JSON.stringify(fresh)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the connection is gone. */
  async closedWithin(timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("connection still open");
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  send(text: string): void {
    this.stream.write(text);
  }

  /** Sends one line and returns what the router printed before the next prompt, without the echo line. */
  async run(line: string, prompt: RegExp = PROMPT): Promise<string> {
    this.send(`${line}\r`);
    const text = await this.expect(prompt);
    const lines = text.split("\r\n");
    return lines.slice(1, -1).join("\n");
  }

  async login(): Promise<void> {
    await this.expect(PROMPT);
  }

  /** What automation tools send first (yamaha-cli.md §5): no pager, no wrap, for this login only when at `>`. */
  async unpaged(): Promise<void> {
    await this.run("console lines infinity");
    await this.run("console columns 200");
  }

  async administrator(password = "admin"): Promise<void> {
    this.send("administrator\r");
    await this.expect("Password: ");
    this.send(`${password}\r`);
    await this.expect(PROMPT);
  }

  close(): void {
    this.client.end();
  }
}

export const CONFIGS = "/work/shared/configs";

/** The dump without our source line, capture prompts and the boot log: the `show config` output itself. */
export function showConfigText(file: string): string {
  const lines = readFileSync(join(CONFIGS, file), "utf8").split("\n").slice(1);
  const start = lines.findIndex((l) => /^# [A-Z]+\d+ Rev\./.test(l));
  return lines
    .slice(start)
    .filter((l) => !/^\S*[#>]\s*$/.test(l))
    .join("\n");
}

/** The model a config names in its header (`# RTX1100 Rev....`); the seed configs are the NVR510's. */
export function modelOf(text: string): string {
  const m = /^# ([A-Z]+\d+W?) Rev\./m.exec(text);
  return m ? m[1].toLowerCase() : "nvr510";
}

/** Retries an assertion until it passes (server-side events land a moment after the client sees the effect). */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The seed's starting network (section (1)). */
export const SEED = readFileSync(join(__dirname, "../../simulator/fixtures/seed-start.conf"), "utf8");

/**
 * For the tests of the enclosing describe: a fresh simulator on the seed config per test, and `open`, which logs a
 * shell in and runs `prepare` on it; those shells, any given to `closeAfter`, and the simulator are closed after
 * the test.
 */
export function seedSimulatorPerTest(prepare: (shell: Shell) => Promise<void> = async () => undefined): {
  readonly sim: Simulator;
  open: (opts?: Parameters<typeof Shell.open>[1]) => Promise<Shell>;
  closeAfter: (shell: Shell) => Shell;
} {
  let sim: Simulator | undefined;
  const shells: Shell[] = [];
  const started = (): Simulator => {
    if (sim === undefined) throw new Error("the simulator starts in beforeEach");
    return sim;
  };
  beforeEach(async () => {
    sim = await startSimulator({ config: SEED });
  });
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await started().stop();
  });
  return {
    get sim() {
      return started();
    },
    async open(opts) {
      const s = await Shell.open(started(), opts);
      shells.push(s);
      await s.login();
      await prepare(s);
      return s;
    },
    closeAfter(shell) {
      shells.push(shell);
      return shell;
    },
  };
}
