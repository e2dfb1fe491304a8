import * as pulumi from "@pulumi/pulumi";
import { isSecret, installMocks, registered, valueOf } from "./mocks";
import { ConfigLines, IpFilter, IpsecSiteTunnel, PppoeInterface, Schedule } from "../../sdk";

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

  it("ConfigLines: secretLines secret, the lines in their block with the secret masked", async () => {
    const pp = new ConfigLines("pp1-lines", {
      context: "pp 1",
      lines: ["pp keepalive use lcp-echo"],
      secretLines: [pulumi.interpolate`pp auth myname user@isp.example ${pulumi.secret("lines-Secret-3")}`],
    });
    const inputs = await inputsOf(pp, "pp1-lines");
    expect([isSecret(inputs.secretLines), isSecret(inputs.lines), isSecret(inputs.commands)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(String(inputs.commands).split("\n")).toEqual([
      "pp select 1",
      "pp keepalive use lcp-echo",
      "pp auth myname user@isp.example ********",
      "pp select none",
    ]);
    expect(JSON.stringify(inputs.commands)).not.toContain("lines-Secret-3");
  });

  it("IpFilter: the id under its router word, list fields as the router prints them", async () => {
    const filter = new IpFilter("web", {
      filter: 10,
      action: "pass",
      source: ["192.168.100.0/24", "10.0.0.1"],
      protocol: "tcp",
      destinationPort: "www",
    });
    const inputs = await inputsOf(filter, "web");
    expect(inputs.filter).toBe(10);
    expect(inputs.commands).toBe("ip filter 10 pass 192.168.100.0/24,10.0.0.1 * tcp * www");
  });
});
