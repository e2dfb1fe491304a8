import * as pulumi from "@pulumi/pulumi";
import { isSecret, installMocks, registered, valueOf } from "./mocks";
import { IpsecSiteTunnel, PppoeInterface, Schedule } from "../../sdk";

installMocks();

async function inputsOf(resource: pulumi.CustomResource, name: string) {
  await valueOf(resource.urn);
  return registered.find((r) => r.name === name)!.inputs;
}

describe("whole-router SDK resources under mocks: secrets stay secret, commands show them masked", () => {
  it("PppoeInterface: the provider password", async () => {
    const isp = new PppoeInterface("isp", {
      peer: 1,
      interface: "lan2",
      authAccept: ["pap", "chap"],
      myname: { name: "user@isp.example", password: "pppoe-Secret-1" },
      mtu: 1454,
    });
    const inputs = await inputsOf(isp, "isp");
    expect(isSecret(inputs.myname)).toBe(true);
    expect(isSecret(inputs.commands)).toBe(false);
    expect(String(inputs.commands).split("\n")).toContain("pp auth myname user@isp.example ********");
    expect(JSON.stringify(inputs.commands)).not.toContain("pppoe-Secret-1");
  });

  it("IpsecSiteTunnel: the IKE key (text and hex) and the L2TPv3 tunnel password", async () => {
    const tunnel = new IpsecSiteTunnel("l2tpv3", {
      model: "rtx830",
      tunnel: 1,
      encapsulation: "l2tpv3",
      endpoint: { local: "192.168.100.254", remote: "10.10.10.138" },
      ipsec: { policy: 101, preSharedKey: { hex: "0xC0FFEE" }, remoteAddress: "10.10.10.138" },
      l2tp: { tunnelAuth: { use: true, password: "l2tp-Secret-2" } },
    });
    const inputs = await inputsOf(tunnel, "l2tpv3");
    expect([isSecret(inputs.ipsec), isSecret(inputs.l2tp), isSecret(inputs.commands)]).toEqual([
      true,
      true,
      false,
    ]);
    const commands = String(inputs.commands).split("\n");
    expect(commands).toContain("ipsec ike pre-shared-key 1 ********");
    expect(commands).toContain("l2tp tunnel auth on ********");
    expect(JSON.stringify(inputs.commands)).not.toMatch(/c0ffee|l2tp-Secret-2/i);
  });

  it("Schedule: no secret property, the line as the router prints it", async () => {
    const ntp = new Schedule("ntp", {
      schedule: 1,
      date: "*/wed",
      time: "0:00",
      command: "ntpdate ntp.nict.jp",
    });
    const inputs = await inputsOf(ntp, "ntp");
    expect(isSecret(inputs.command)).toBe(false);
    expect(inputs.commands).toBe("schedule at 1 */Wed 00:00:00 * ntpdate ntp.nict.jp");
  });
});
