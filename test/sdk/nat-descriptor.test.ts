import { installMocks, registered, valueOf } from "./mocks";
import * as pulumi from "@pulumi/pulumi";
import { NatDescriptor } from "../../sdk";

installMocks();

describe("NatDescriptor (SDK, under mocks)", () => {
  it("computes the seed's descriptor 30 lines client-side as the commands input", async () => {
    const d = new NatDescriptor("nat30", {
      descriptor: 30,
      type: "nat",
      outer: ["192.168.253.254"],
      inner: [pulumi.output("192.168.11.254")],
      statics: [{ id: 1, outer: "192.168.253.2", inner: "192.168.11.2", count: 253 }],
    });
    expect((await valueOf(d.commands)).split("\n")).toEqual([
      "nat descriptor type 30 nat",
      "nat descriptor address outer 30 192.168.253.254",
      "nat descriptor address inner 30 192.168.11.254",
      "nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
    ]);
    await valueOf(d.urn);
    const reg = registered.find((r) => r.name === "nat30")!;
    expect(reg.type).toBe("pulumi-nodejs:dynamic/nvr:NatDescriptor");
    expect(typeof reg.inputs.__provider).toBe("string");
    expect(reg.inputs.descriptor).toBe(30);
  });

  it("gives no lines for invalid args (the provider's check names the property)", async () => {
    const d = new NatDescriptor("bad", { descriptor: 0, type: "nat" });
    expect(await valueOf(d.commands)).toBe("");
  });
});
