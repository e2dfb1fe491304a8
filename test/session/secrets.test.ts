import { redact, secretIn } from "../../provider/secrets";

describe("redact", () => {
  test.each([
    ["pp auth username alice s3cret", "pp auth username alice ********"],
    [
      "pp auth username alice s3cret myname bob b0bpw 192.168.1.10",
      "pp auth username alice ******** myname bob ******** 192.168.1.10",
    ],
    [' pp auth myname user@isp "pass word"', " pp auth myname user@isp ********"],
    ["  ipsec ike pre-shared-key 1 text sharedKey", "  ipsec ike pre-shared-key 1 text ********"],
    ["ipsec ike pre-shared-key 2 0x0123abcd", "ipsec ike pre-shared-key 2 ********"],
    ["login password encrypted ABCDEF", "login password encrypted ********"],
    ["login user admin pw123", "login user admin ********"],
    ["administrator password topsecret", "administrator password ********"],
    ["l2tp tunnel auth on tunnelpw", "l2tp tunnel auth on ********"],
    ["pp1# pp auth myname u p4ss", "pp1# pp auth myname u ********"],
    ["l2tp tunnel auth off tunnelpw", "l2tp tunnel auth off ********"],
    ["tunnel hb46pp auth myname me mypw", "tunnel hb46pp auth myname me ********"],
    ["ipsec ike xauth myname 1 me mypw", "ipsec ike xauth myname 1 me ********"],
    ["auth user 1 alice alicepw", "auth user 1 alice ********"],
    ["mount smb1 username=bob password=bobpw", "mount smb1 username=bob password=********"],
    ['command: "ipsec ike pre-shared-key 1 text k3y"', 'command: "ipsec ike pre-shared-key 1 text ********"'],
    ["radius secret r4diusKey", "radius secret ********"],
    // An environment variable may hold anything a script needs, credentials included (CR §4.90).
    ["set PP1=user:s3cret", "set PP1=********"],
    ['set LOGIN="user pass"', "set LOGIN=********"],
    ["no set PP1=user:s3cret", "no set PP1=********"],
  ])("%s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test("keeps router-masked lines and non-secret lines as they are", () => {
    const text = "login password *\nlogin user admin *\nip route default gateway pp 1\nl2tp tunnel auth off";
    expect(redact(text)).toBe(text);
  });

  test("multi-line text with CRLF: every secret masked, everything else kept", () => {
    const text =
      "# show config\r\npp select anonymous\r\n pp auth username u1 pw1\r\n pp auth username u2 pw2\r\nl2tp service on\r\n";
    const out = redact(text);
    expect(out).not.toMatch(/pw1|pw2/);
    expect(out).toContain("pp auth username u1 ********\r\n");
    expect(out).toContain("l2tp service on");
  });

  test("secretIn tells a line's secret in clear from one the router printed masked", () => {
    expect(secretIn("pp auth myname u p4ss")).toBe("clear");
    expect(secretIn("set PP1=user:s3cret")).toBe("clear");
    expect(secretIn("login password encrypted *")).toBe("masked");
    expect(secretIn("administrator password *")).toBe("masked");
    expect(secretIn("ip route default gateway pp 1")).toBeUndefined();
    // A setting named like a secret but holding none.
    expect(secretIn("l2tp tunnel auth off")).toBeUndefined();
  });

  test("prose mentioning a command family is not mangled", () => {
    const prose =
      "127.0.0.1:22: wrong administrator password (the router refused it); login as user rejected";
    expect(redact(prose)).toBe(prose);
  });
});
