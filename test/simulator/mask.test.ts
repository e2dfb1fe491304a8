import { maskSecrets } from "../../simulator/engine/mask";

describe("secrets in logged command lines", () => {
  test.each([
    ["pp auth username alice s3cret myname bob b0b", "pp auth username alice ********"],
    [" pp auth myname bob b0b", " pp auth myname bob ********"],
    ["ipsec ike pre-shared-key 2 text COMMONKEY", "ipsec ike pre-shared-key 2 text ********"],
    ["ipsec ike pre-shared-key 2 0x0123abcd", "ipsec ike pre-shared-key 2 ********"],
    ["login user ops p4ss", "login user ops ********"],
    ["login password inline", "login password ********"],
    ["administrator password encrypted abc", "administrator password encrypted ********"],
    ["l2tp tunnel auth on p4ss", "l2tp tunnel auth on ********"],
  ])("%s", (line, masked) => {
    expect(maskSecrets(line)).toBe(masked);
  });

  test.each([
    "pp auth username alice",
    "no pp auth username alice",
    "ipsec ike pre-shared-key 2 text",
    "l2tp tunnel auth on",
    "login password",
    "ip route default gateway pp 1",
  ])("%s has nothing to mask", (line) => {
    expect(maskSecrets(line)).toBe(line);
  });
});
