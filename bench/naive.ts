/**
 * The naive baseline: what a per-resource SSH tool does. Every resource gets its own fresh login, its whole block
 * typed as-is, and its own `save`, with nothing shared between resources. Written on ssh2 directly so none of the
 * provider's session sharing or save coalescing can leak in.
 */
import { Client, type ClientChannel } from "ssh2";
import type { ContextCommand } from "../provider/config";
import { scriptFor } from "../provider/apply/plan";

export interface NaiveTarget {
  host: string;
  port: number;
  username: string;
  password: string;
  adminPassword: string;
}

export interface NaiveResult {
  wallMs: number;
  handshakes: number;
  commands: number;
  saves: number;
}

const USER_PROMPT = /> $/;
const ADMIN_PROMPT = /# $/;
const PASSWORD_PROMPT = /Password: ?$/;
const ERROR = /^(Error|エラー):/m;

/** One interactive login: waits on the router's prompts the way a terminal user would. */
class Terminal {
  private buffer = "";
  private waiter?: { pattern: RegExp; resolve: (out: string) => void };

  constructor(private readonly channel: ClientChannel) {
    channel.setEncoding("utf8");
    channel.on("data", (d: string) => {
      this.buffer += d;
      this.check();
    });
  }

  private check(): void {
    const w = this.waiter;
    if (w && w.pattern.test(this.buffer)) {
      const out = this.buffer;
      this.buffer = "";
      this.waiter = undefined;
      w.resolve(out);
    }
  }

  expect(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      this.waiter = { pattern, resolve };
      this.check();
    });
  }

  async send(line: string, prompt: RegExp): Promise<string> {
    this.channel.write(`${line}\r`);
    return this.expect(prompt);
  }
}

function connect(target: NaiveTarget): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client
      .on("ready", () => resolve(client))
      .on("error", reject)
      .connect({
        host: target.host,
        port: target.port,
        username: target.username,
        password: target.password,
        readyTimeout: 120_000,
      });
  });
}

function shell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.shell({ term: "vt100", cols: 200, rows: 200 }, (err, channel) =>
      err ? reject(err) : resolve(channel),
    ),
  );
}

/** Logs in, types one resource's block, saves and logs out. Returns the number of commands sent. */
async function applyOne(
  target: NaiveTarget,
  block: readonly ContextCommand[],
  label: string,
): Promise<number> {
  const client = await connect(target);
  try {
    const term = new Terminal(await shell(client));
    await term.expect(USER_PROMPT);
    await term.send("administrator", PASSWORD_PROMPT);
    await term.send(target.adminPassword, ADMIN_PROMPT);
    const lines = scriptFor(block).map((s) => s.line);
    for (const line of lines) {
      const out = await term.send(line, ADMIN_PROMPT);
      // A real per-resource tool would stop here too; the bench must not time a half-applied baseline.
      if (ERROR.test(out)) throw new Error(`naive baseline: ${label}: the router refused a line`);
    }
    await term.send("save", ADMIN_PROMPT);
    return 1 + lines.length + 1;
  } finally {
    client.end();
  }
}

/** Applies each resource's block over its own connection, in order (the engine's dependency order). */
export async function naiveApply(
  target: NaiveTarget,
  blocks: readonly { label: string; commands: readonly ContextCommand[] }[],
): Promise<NaiveResult> {
  const t0 = Date.now();
  let commands = 0;
  for (const b of blocks) commands += await applyOne(target, b.commands, b.label);
  return { wallMs: Date.now() - t0, handshakes: blocks.length, commands, saves: blocks.length };
}
