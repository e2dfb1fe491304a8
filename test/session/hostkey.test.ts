import { createHmac } from "node:crypto";
import { utils } from "ssh2";
import { decideHostKey, fingerprint, knownFingerprints } from "../../provider/session/hostkey";
import { harness } from "./helpers";

const blob = (publicLine: string) => Buffer.from(publicLine.split(" ")[1], "base64");

describe("host key policy", () => {
  const key = utils.generateKeyPairSync("ed25519").public;
  const other = utils.generateKeyPairSync("ed25519").public;

  test("known_hosts: plain and hashed names, ports, and revoked entries", () => {
    const salt = Buffer.from("0123456789abcdef0123");
    const hashed = createHmac("sha1", salt).update("[10.0.0.1]:2222").digest("base64");
    const text = [
      `10.0.0.1 ${key}`,
      `|1|${salt.toString("base64")}|${hashed} ${other}`,
      `@revoked 10.0.0.2 ${key}`,
      "# comment",
    ].join("\n");
    expect(knownFingerprints(text, "10.0.0.1", 22)).toEqual([fingerprint(blob(key))]);
    expect(knownFingerprints(text, "10.0.0.1", 2222)).toEqual([fingerprint(blob(other))]);
    expect(knownFingerprints(text, "10.0.0.2", 22)).toEqual([]);
  });

  test("a pin decides alone; unknown keys pass only with trust-on-first-use", () => {
    const fp = fingerprint(blob(key));
    expect(decideHostKey({ host: "h", port: 22, hostKey: fp }, blob(key), "ssh-ed25519")).toEqual({
      ok: true,
      trustedNow: false,
    });
    expect(decideHostKey({ host: "h", port: 22, hostKey: fp }, blob(other), "ssh-ed25519")).toEqual({
      ok: false,
      expected: fp,
      presented: fingerprint(blob(other)),
    });
    expect(decideHostKey({ host: "h", port: 22 }, blob(key), "ssh-ed25519")).toEqual({
      ok: false,
      presented: fp,
    });
    expect(decideHostKey({ host: "h", port: 22, trustOnFirstUse: true }, blob(key), "ssh-ed25519")).toEqual({
      ok: true,
      trustedNow: true,
    });
    // a key learnt on first use is then held to
    expect(
      decideHostKey({ host: "h", port: 22, trustOnFirstUse: true, learned: fp }, blob(other), "ssh-ed25519")
        .ok,
    ).toBe(false);
  });
});

test("public-key login works against the simulator", async () => {
  const pair = utils.generateKeyPairSync("ed25519");
  const h = await harness(
    { authorizedKeys: [pair.public] },
    { password: undefined, privateKey: pair.private },
  );
  try {
    await expect(h.router.showConfig()).resolves.toContain("ip lan1 address");
    expect(h.sim.events().find((e) => e.type === "auth")).toMatchObject({
      result: "ok",
      method: "publickey",
    });
  } finally {
    await h.done();
  }
});
