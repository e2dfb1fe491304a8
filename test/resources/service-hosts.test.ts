import * as dynamic from "../../provider/dynamic";
import { ServiceHosts } from "../../provider/resources";
import { settle, withSeedRouter } from "../provider/harness";
import { apply, index, render, store } from "./router";
import { expectRefused } from "./refused";

const FULL = {
  sshd: { service: true, host: ["lan1", "192.168.100.10-192.168.100.20"] },
  telnetd: { service: false },
  httpd: { host: ["lan"] },
  sftpd: { host: ["lan1"] },
};

describe("ServiceHosts", () => {
  test("the RTX830 dump's telnetd host reads as the model and plans to nothing", () => {
    const config = index(store("syslog notice on\ntelnetd host lan"));
    const model = ServiceHosts.schema.parse({ telnetd: { host: ["lan"] } });
    expect(ServiceHosts.read(config, "service hosts")).toEqual(model);
    expect(ServiceHosts.plan(config, model)).toEqual([]);
  });

  test("each server's switch then its host list; delete writes back what it replaced", () => {
    const before = store("telnetd host lan\nsshd service on");
    const model = ServiceHosts.schema.parse(FULL);
    expect(ServiceHosts.commands(model, { mask: false }).map((c) => c.command)).toEqual([
      "sshd service on",
      "sshd host lan1 192.168.100.10-192.168.100.20",
      "telnetd service off",
      "httpd host lan",
      "sftpd host lan1",
    ]);
    const prior = ServiceHosts.prior(index(before), model);
    const after = apply(before, ServiceHosts.plan(index(before), model));
    expect(ServiceHosts.read(index(after), "service hosts")).toEqual(model);
    expect(ServiceHosts.plan(index(after), model)).toEqual([]);
    expect(render(apply(after, ServiceHosts.plan(index(after), undefined, prior, "service hosts")))).toBe(
      render(before),
    );
  });

  test.each([
    [{ sshd: { host: ["any", "lan1"] } }, "sshd.host", /any stands alone/],
    [{ sshd: { host: [] } }, "sshd.host", /at least one/],
    [{ telnetd: { host: ["lan1;restart"] } }, "telnetd.host.0", /interface/],
    [{ httpd: { host: ["192.168.1.20-192.168.1.10"] } }, "httpd.host.0", /range/],
    [{ sftpd: { service: true } }, "sftpd.service", /unknown property/],
  ])("refuses %j naming %s", (raw, property, reason) => {
    expectRefused(ServiceHosts.schema, raw, property, reason);
  });
});

describe("ServiceHosts against nvr-sim over SSH: applied commit-confirmed", () => {
  const router = withSeedRouter();

  const commands = () =>
    router()
      .events()
      .flatMap((e) => (e.type === "command" ? [String(e.text)] : []));

  test.each([
    ["sshd", { sshd: { host: ["lan1", "127.0.0.1"] } }, "sshd host lan1 127.0.0.1"],
    ["telnetd", { telnetd: { host: ["lan"] } }, "telnetd host lan"],
  ])(
    "a %s change arms a restart, is verified from a fresh login, then the schedule is cancelled and saved; delete too",
    async (_name, props, line) => {
      const sim = router();
      const before = sim.runningConfig();
      sim.clearEvents();
      const inputs = (await dynamic.check("ServiceHosts", {}, props)).inputs as Record<string, unknown>;
      const created = await dynamic.create("ServiceHosts", inputs);
      await settle(sim);
      const texts = commands();
      const arm = texts.findIndex((t) => /^schedule at \d+ \+\d+ \* restart$/.test(t));
      const change = texts.indexOf(line);
      const cancel = texts.findIndex((t) => /^no schedule at \d+$/.test(t));
      expect(arm).toBeGreaterThanOrEqual(0);
      expect([arm < change, change < cancel]).toEqual([true, true]);
      expect(sim.events().filter((e) => e.type === "connect").length).toBeGreaterThanOrEqual(2);
      expect(sim.savedConfig()).toContain(`${line}\n`);
      expect(sim.savedConfig()).not.toContain("schedule at");

      sim.clearEvents();
      await dynamic.delete("ServiceHosts", created.id, created.outs);
      await settle(sim);
      expect(commands().some((t) => /^schedule at \d+ \+\d+ \* restart$/.test(t))).toBe(true);
      expect(sim.runningConfig()).toBe(before);
    },
  );
});
