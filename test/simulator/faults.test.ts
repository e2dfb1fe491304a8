import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator/index";
import { Shell } from "./helpers";

describe("fault injection", () => {
  let sim: Simulator | undefined;
  const shells: Shell[] = [];
  const start = async (opts: SimulatorOptions): Promise<Simulator> => {
    sim = await startSimulator(opts);
    return sim;
  };
  const admin = async (s: Simulator): Promise<Shell> => {
    const sh = await Shell.open(s);
    shells.push(sh);
    await sh.login();
    await sh.run("console character en.ascii");
    await sh.administrator();
    return sh;
  };
  afterEach(async () => {
    for (const s of shells.splice(0)) s.close();
    await sim?.stop();
    sim = undefined;
  });

  test("drop-after-commands: the Nth command runs, then the connection is cut", async () => {
    const s = await start({});
    const sh = await admin(s);
    s.setFaults([{ type: "drop-after-commands", count: 2 }]);
    await sh.run("ip route 10.1.0.0/16 gateway 192.168.11.1");
    sh.send("ip route 10.2.0.0/16 gateway 192.168.11.1\r");
    await sh.closedWithin();
    expect(s.runningConfig()).toContain("ip route 10.2.0.0/16");
    expect(
      s
        .events()
        .filter((e) => e.type === "disconnect")
        .at(-1),
    ).toMatchObject({
      reason: "fault: drop-after-commands",
    });
    // It fires once: a new login is not affected.
    const again = await admin(s);
    expect(await again.run("ip route 10.3.0.0/16 gateway 192.168.11.1")).toBe("");
    expect(await again.run("ip route 10.4.0.0/16 gateway 192.168.11.1")).toBe("");
  });

  test("drop-on: a matching command cuts the connection before it runs", async () => {
    const s = await start({ faults: [{ type: "drop-on", match: "^ip route 10\\.5\\." }] });
    const sh = await admin(s);
    await sh.run("ip route 10.6.0.0/16 gateway 192.168.11.1");
    sh.send("ip route 10.5.0.0/16 gateway 192.168.11.1\r");
    await sh.closedWithin();
    expect(s.runningConfig()).toContain("ip route 10.6.0.0/16");
    expect(s.runningConfig()).not.toContain("ip route 10.5.0.0/16");
  });

  test("error-on: a matching command is answered with the error and not run; faults change at runtime", async () => {
    const s = await start({ faults: [{ type: "error-on", match: "^ip lan2", message: "Device busy" }] });
    const sh = await admin(s);
    expect(await sh.run("ip lan2 address 192.168.1.9/24")).toBe("Error: Device busy");
    expect(s.runningConfig()).not.toContain("192.168.1.9");
    s.setFaults([{ type: "error-on", match: "^ip lan1" }]);
    expect(await sh.run("ip lan1 address 192.168.11.9/24")).toBe("Error: Invalid command name");
    expect(await sh.run("ip lan2 address 192.168.1.9/24")).toBe("");
    s.setFaults([]);
    expect(await sh.run("ip lan1 address 192.168.11.9/24")).toBe("");
    expect(s.runningConfig()).toContain("ip lan1 address 192.168.11.9/24");
  });

  test("a fault regex that does not compile is rejected when set", async () => {
    const s = await start({});
    expect(() => s.setFaults([{ type: "drop-on", match: "(" }])).toThrow(/match/);
  });

  test("latency, handshake delay and save delay hold the answers back by at least the configured time", async () => {
    const s = await start({ latencyMs: 300, handshakeDelayMs: 400, saveDelayMs: 500 });
    const t0 = Date.now();
    const sh = await Shell.open(s);
    shells.push(sh);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    await sh.login();
    const t1 = Date.now();
    await sh.run("show environment");
    expect(Date.now() - t1).toBeGreaterThanOrEqual(300);
    await sh.administrator();
    const t2 = Date.now();
    expect(await sh.run("save")).toBe("セーブ中... CONFIG0 終了");
    expect(Date.now() - t2).toBeGreaterThanOrEqual(800);
  });
});
