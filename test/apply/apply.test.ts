import { CommandError, ConnectionLostError } from "../../provider/session";
import { harness, g, pp } from "../session/helpers";

const PLAN = [
  g("ip route 10.1.0.0/16 gateway 192.168.100.254"),
  g("ip route 10.0.0.0/8 gateway 192.168.100.253"),
  pp("1", "pp auth myname newuser newsecret"),
  g("ip route 10.2.0.0/16 gateway 192.168.100.254"),
  g("dhcp service relay"),
];

describe("transactional apply", () => {
  test("a failing middle command rolls back exactly: running config as before, saved untouched, router's message", async () => {
    const h = await harness({ faults: [{ type: "error-on", match: "^ip route 10\\.2\\." }] });
    try {
      const running = h.sim.runningConfig();
      const saved = h.sim.savedConfig();
      const err = await h.router.apply(PLAN).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommandError);
      expect((err as CommandError).rolledBack).toBe(true);
      expect((err as CommandError).command).toBe("ip route 10.2.0.0/16 gateway 192.168.100.254");
      expect((err as CommandError).routerMessage).toMatch(/^Error: /);
      expect(String((err as Error).message)).not.toContain("newsecret");
      await h.router.close();
      expect(h.sim.runningConfig()).toBe(running);
      expect(h.sim.savedConfig()).toBe(saved);
      expect(h.sim.events().filter((e) => e.type === "save")).toHaveLength(0);
      // nothing was sent after the failing command except the rollback and session cleanup
      const texts = h.sim.events().flatMap((e) => (e.type === "command" ? [String(e.text)] : []));
      const failing = texts.indexOf("ip route 10.2.0.0/16 gateway 192.168.100.254");
      expect(texts.slice(failing + 1)).not.toContain("dhcp service relay");
    } finally {
      await h.done();
    }
  });

  test("a connection drop in the middle of a plan converges on the reconnect: whole plan, saved", async () => {
    const h = await harness();
    try {
      const texts = () => h.sim.events().flatMap((e) => (e.type === "command" ? [String(e.text)] : []));
      // The plan is made after the checks before writing: armed then, the next commands are the plan's; it fires
      // once, after the second plan command.
      let plans = 0;
      const first = h.router.apply(() => {
        if (++plans === 1) h.sim.setFaults([{ type: "drop-after-commands", count: 2 }]);
        return PLAN;
      });
      const result = await first;
      expect(result.saved).toBe(true);
      await h.router.close();
      const running = h.sim.runningConfig();
      expect(running).toContain("ip route 10.0.0.0/8 gateway 192.168.100.253\n");
      expect(running).toContain("ip route 10.2.0.0/16 gateway 192.168.100.254\n");
      expect(running).toContain(" pp auth myname newuser newsecret\n");
      expect(running).toContain("dhcp service relay\n");
      expect(h.sim.savedConfig()).toBe(running);
      // the commands that landed before the drop were not re-sent: the reconnect compared config with the plan
      expect(texts().filter((t) => t === "ip route 10.1.0.0/16 gateway 192.168.100.254")).toHaveLength(1);
      expect(texts().filter((t) => t === "ip route 10.0.0.0/8 gateway 192.168.100.253")).toHaveLength(1);
      expect(h.sim.events().filter((e) => e.type === "connect").length).toBe(2);
      expect(plans).toBe(1);
    } finally {
      await h.done();
    }
  });
});

describe("a plan the connection could not finish", () => {
  test("is undone before the next plan: no half of it remains", async () => {
    const h = await harness();
    try {
      const before = h.sim.runningConfig();
      await h.router.showConfig();
      // every attempt to send the third command drops the connection, so the apply gives up
      h.sim.setFaults([{ type: "drop-on", match: "^pp auth myname newuser" }]);
      const err = await h.router.apply(PLAN).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionLostError);
      expect(h.sim.runningConfig()).toContain("ip route 10.1.0.0/16 gateway 192.168.100.254\n"); // the half
      expect(h.sim.savedConfig()).not.toContain("10.1.0.0/16");
      h.sim.setFaults([]);
      await h.router.apply([g("ip route 10.8.0.0/16 gateway 192.168.100.254")]);
      await h.router.close();
      const expected = before.replace(
        "ip route 10.0.0.0/8 gateway 192.168.100.254\n",
        "ip route 10.0.0.0/8 gateway 192.168.100.254\nip route 10.8.0.0/16 gateway 192.168.100.254\n",
      );
      expect(h.sim.runningConfig()).toBe(expected);
      expect(h.sim.savedConfig()).toBe(expected);
    } finally {
      await h.done();
    }
  });
});

test("a failure inside a pp select block rolls back there and leaves the session usable at the top level", async () => {
  const h = await harness({ faults: [{ type: "error-on", match: "^ppp lcp mru" }] });
  try {
    const before = h.sim.runningConfig();
    const err = await h.router
      .apply([pp("1", "pp auth myname changed changedpw"), pp("1", "ppp lcp mru on 1454")])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    // the same session goes on at the top level: a global command lands globally
    await h.router.apply([g("ip route 10.91.0.0/16 gateway 192.168.100.254")]);
    await h.router.close();
    expect(h.sim.runningConfig()).toBe(
      before.replace("\nip lan1", "\nip route 10.91.0.0/16 gateway 192.168.100.254\nip lan1"),
    );
    expect(h.sim.savedConfig()).toBe(h.sim.runningConfig());
    expect(h.sim.events().filter((e) => e.type === "connect")).toHaveLength(1);
  } finally {
    await h.done();
  }
});

describe("leaving a select block", () => {
  test("a router that refuses `pp select none`: the session logs in again (a login starts at the top) and goes on", async () => {
    const h = await harness({ faults: [{ type: "error-on", match: "^pp select none$" }] });
    try {
      const result = await h.router.apply(PLAN);
      expect(result.saved).toBe(true);
      await h.router.close();
      expect(h.sim.savedConfig()).toContain(" pp auth myname newuser newsecret\n");
      expect(h.sim.savedConfig()).toContain("dhcp service relay\n");
      expect(h.sim.runningConfig()).toBe(h.sim.savedConfig());
    } finally {
      await h.done();
    }
  });
});
