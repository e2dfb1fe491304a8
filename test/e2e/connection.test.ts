// How the Pulumi path reaches a router, with the real CLI against nvr-sim: host keys by pin, known_hosts file or
// trust on first use (only when asked for), and failures told once per router with the config key to set, at
// preview already. An unreachable router only costs the preview its live plan, with one warning.
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { WriterLock } from "../../provider/session/custody";
import type { Simulator } from "../../simulator";
import type { PulumiResult } from "./harness";
import { LAB_PROJECT, routerConfig, secretValues, Stack, startSeedRouter } from "./lab";

jest.setTimeout(240_000);

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("reaching the router from the Pulumi path", () => {
  let sim: Simulator;
  const stacks: Stack[] = [];

  /** A lab stack on the simulator, its router config changed by `change` (undefined removes a key). */
  async function labStack(change: Record<string, string | undefined>): Promise<Stack> {
    const stack = new Stack(LAB_PROJECT, "conn");
    stacks.push(stack);
    const { settings, secrets } = routerConfig(sim);
    // A changed key keeps its place (setting or secret); a new key is a setting; undefined removes it.
    const given = (all: Record<string, string>, extra: string[]) =>
      Object.fromEntries(
        [...Object.keys(all), ...extra]
          .map((k) => [k, k in change ? change[k] : all[k]])
          .filter((e): e is [string, string] => e[1] !== undefined),
      );
    const added = Object.keys(change).filter((k) => !(k in settings) && !(k in secrets));
    await stack.init(given(settings, added), given(secrets, []));
    return stack;
  }

  const output = (r: PulumiResult) => r.stdout + r.stderr;

  beforeAll(async () => {
    sim = await startSeedRouter();
  });

  afterAll(async () => {
    for (const s of stacks) await s.remove();
    await sim?.stop();
  });

  test("a wrong password fails the preview once, naming nvr:password; up reports it once per router", async () => {
    const stack = await labStack({ "nvr:password": "wrong-Pw-e2e-0000" });
    const preview = await stack.attempt("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(count(output(preview), "login as user rejected")).toBe(1);
    expect(output(preview)).toContain("nvr:password");
    sim.clearEvents();
    const start = sim.runningConfig();
    const up = await stack.attempt("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    // The engine prints a resource's error as it happens, as it fails and under Diagnostics: one resource
    // carries the story, the others point to it.
    const story = /error: 127\.0\.0\.1:\d+: login as user rejected: check nvr:username .* and nvr:password/g;
    expect(output(up).match(story)).toHaveLength(3);
    expect(count(output(up), "login as user rejected")).toBe(3);
    expect(
      output(up).match(/error: not attempted: 127\.0\.0\.1:\d+ could not be used \(see the error of /g),
    ).toHaveLength(3 * 3);
    expect(sim.runningConfig()).toBe(start);
    for (const secret of [...secretValues(), "wrong-Pw-e2e-0000"]) expect(output(up)).not.toContain(secret);
  });

  test("an unknown host key fails naming nvr:hostKey with the key it saw; nothing is sent", async () => {
    const stack = await labStack({ "nvr:hostKey": undefined });
    const preview = await stack.attempt("preview");
    expect(preview.code).not.toBe(0);
    expect(output(preview)).toContain(`pulumi config set nvr:hostKey ${sim.fingerprint}`);
    expect(output(preview)).toContain("nvr:knownHosts");
    expect(output(preview)).toContain("nvr:trustOnFirstUse");
    // The host key is refused before any password is sent.
    expect(sim.events().filter((e) => e.type === "command")).toEqual([]);
  });

  test("a changed host key fails naming the pin to change", async () => {
    const stack = await labStack({ "nvr:hostKey": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    const preview = await stack.attempt("preview");
    expect(preview.code).not.toBe(0);
    expect(output(preview)).toContain("nvr:hostKey (or the resource's router.hostKey) expects SHA256:AAAA");
    expect(output(preview)).toContain(`pulumi config set nvr:hostKey ${sim.fingerprint}`);
  });

  test("nvr:knownHosts: a known_hosts file that lists the router's key", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nvr-kh-")), "known_hosts");
    fs.writeFileSync(file, `[${sim.host}]:${sim.port} ${sim.hostKey}\n`);
    const stack = await labStack({ "nvr:hostKey": undefined, "nvr:knownHosts": file });
    const preview = await stack.run("preview", "--diff");
    expect(preview.stdout).toContain('"no ip lan1 proxyarp"');
  });

  test("nvr:trustOnFirstUse true: the preview reads the router and reports the key to pin", async () => {
    const stack = await labStack({ "nvr:hostKey": undefined, "nvr:trustOnFirstUse": "true" });
    const preview = await stack.run("preview", "--diff");
    expect(preview.stdout).toContain('"no ip lan1 proxyarp"');
    expect(output(preview)).toContain(`pulumi config set nvr:hostKey ${sim.fingerprint}`);
  });

  test("up tells that it waits for the router lock another client holds, then goes on", async () => {
    const stack = await labStack({});
    const lock = new WriterLock(sim.host, sim.port, "a test holding the router");
    await lock.acquire(1000);
    const up = stack.attempt("up", "--yes", "--skip-preview");
    await new Promise((r) => setTimeout(r, 8000));
    lock.release();
    const result = await up;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /nvr: 127\.0\.0\.1:\d+: waiting for the router lock \(a test holding the router \(pid \d+/,
    );
    await stack.run("destroy", "--yes", "--skip-preview");
  });

  test("an unreachable router: one warning, the offline lines, the preview succeeds", async () => {
    const stack = await labStack({ "nvr:port": String(await closedPort()) });
    const preview = await stack.run("preview", "--diff");
    expect(count(output(preview), "could not be read at preview")).toBe(1);
    expect(output(preview)).toContain("nvr:port");
    // The offline lines: each resource's whole block, lines the router already has included.
    expect(preview.stdout).toContain('"ip lan1 address 192.168.11.250/24"');
    expect(preview.stdout).toContain('"ip route 192.168.253.240/32 gateway 192.168.11.240"');
  });
});
