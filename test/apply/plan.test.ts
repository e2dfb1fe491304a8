import { indexConfig } from "../../provider/config/index";
import { parseConfig } from "../../provider/config/parse";
import {
  planFromTree,
  restoreCommands,
  rollbackCommands,
  scriptFor,
  touchesAccess,
  unmetCommands,
  verifyProblems,
} from "../../provider/apply/plan";
import { NETWORK_CONFIG, g, pp, tunnel } from "../session/helpers";

const config = (text: string) => indexConfig(parseConfig(text));

const SNAPSHOT = config(NETWORK_CONFIG);

describe("plan arithmetic", () => {
  test("a changed pre-shared key or PPP password is a changed setting: completing a cut plan resends it", () => {
    const current = config(
      "pp select 1\n pp auth myname olduser oldsecret\ntunnel select 1\n ipsec tunnel 101\n  ipsec ike pre-shared-key 1 text oldkey\n",
    );
    const plan = [
      pp("1", "pp auth myname olduser newsecret"),
      tunnel(1, "ipsec ike pre-shared-key 1 text newkey"),
    ];
    expect(unmetCommands(current, plan)).toEqual(plan);
    expect(verifyProblems(current, plan)).toHaveLength(2);
    // the problems name the settings, never the keys
    expect(verifyProblems(current, plan).join(" ")).not.toMatch(/oldkey|newkey|oldsecret|newsecret/);
    const same = [pp("1", "pp auth myname olduser oldsecret")];
    expect(unmetCommands(current, same)).toEqual([]);
  });

  test("a secret the router shows masked cannot be read back: verified as present, resent when completing", () => {
    const current = config("login user admin2 encrypted *\n");
    const plan = [g("login user admin2 s3cret")];
    expect(verifyProblems(current, plan)).toEqual([]);
    expect(unmetCommands(current, plan)).toEqual(plan);
  });

  test("scriptFor wraps context runs in select lines and maps plan lines back to their index", () => {
    const plan = [
      g("ip route 10.1.0.0/16 gateway 1.1.1.1"),
      pp("1", "pp auth myname a b"),
      pp("1", "pp enable 1"),
      tunnel(2, "tunnel enable 2"),
    ];
    expect(scriptFor(plan)).toEqual([
      { line: "ip route 10.1.0.0/16 gateway 1.1.1.1", index: 0 },
      { line: "pp select 1" },
      { line: "pp auth myname a b", index: 1 },
      { line: "pp enable 1", index: 2 },
      { line: "pp select none" },
      { line: "tunnel select 2" },
      { line: "tunnel enable 2", index: 3 },
      { line: "tunnel select none" },
    ]);
  });

  test("rollback restores previous lines, removes new ones, newest first, each setting once", () => {
    const applied = [
      g("ip route 10.0.0.0/8 gateway 192.168.100.1"), // overwrote an existing line
      g("ip route 10.9.0.0/16 gateway 192.168.100.1"), // new
      pp("1", "pp auth myname newuser newsecret"),
      pp("1", "pp auth myname third third"), // same setting twice
      g("no dhcp service"), // removed an existing line
      g("no ip route 172.16.0.0/12"), // removed nothing
    ];
    expect(rollbackCommands(SNAPSHOT, applied)).toEqual([
      g("dhcp service server"),
      pp("1", "pp auth myname olduser oldsecret"),
      g("no ip route 10.9.0.0/16"),
      g("ip route 10.0.0.0/8 gateway 192.168.100.254"),
    ]);
  });

  test("verify accepts the intended state and names each setting that differs", () => {
    const plan = [
      g("ip route 10.0.0.0/8 gateway 192.168.100.254"),
      g("no ip route 10.5.0.0/16"),
      pp("1", "pp enable 1"),
    ];
    expect(verifyProblems(SNAPSHOT, plan)).toEqual([]);
    const problems = verifyProblems(SNAPSHOT, [
      g("dhcp service relay"),
      pp("1", "pp auth myname x verysecret"),
      g("no ip lan1 address"),
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('router has "dhcp service server"');
    expect(problems.join()).not.toContain("verysecret");
  });

  test("verify treats the router's masked secrets as matching", () => {
    const after = config("login user admin *\n");
    expect(verifyProblems(after, [g("login user admin pw")])).toEqual([]);
  });

  test("after a drop: only the unmet commands remain; restore puts back only what differs", () => {
    const plan = [g("ip route 10.1.0.0/16 gateway 192.168.100.254"), g("dhcp service relay")];
    const halfway = config("ip route 10.1.0.0/16 gateway 192.168.100.254\ndhcp service server\n");
    expect(unmetCommands(halfway, plan)).toEqual([g("dhcp service relay")]);
    expect(restoreCommands(SNAPSHOT, halfway, plan)).toEqual([g("no ip route 10.1.0.0/16")]);
  });

  test("touchesAccess: the management interface's address and ssh/login settings, not other lines", () => {
    expect(touchesAccess(SNAPSHOT, [g("ip lan1 address 192.168.1.1/24")], "192.168.100.1")).toBe(true);
    expect(touchesAccess(SNAPSHOT, [g("ip lan1 address 192.168.1.1/24")], "127.0.0.1")).toBe(false);
    expect(touchesAccess(SNAPSHOT, [g("sshd host lan")], "127.0.0.1")).toBe(true);
    expect(touchesAccess(SNAPSHOT, [g("no login user admin")], "127.0.0.1")).toBe(true);
    expect(touchesAccess(SNAPSHOT, [g("ip route default gateway pp 1")], "192.168.100.1")).toBe(false);
    // The management interface's address removed, or its secure filter lists changed; not a secondary address.
    expect(touchesAccess(SNAPSHOT, [g("no ip lan1 address")], "192.168.100.1")).toBe(true);
    expect(touchesAccess(SNAPSHOT, [g("ip lan1 secure filter in 1 2")], "192.168.100.1")).toBe(true);
    expect(touchesAccess(SNAPSHOT, [g("ip lan1 secure filter in 1 2")], "127.0.0.1")).toBe(false);
    expect(touchesAccess(SNAPSHOT, [g("ip lan1 secondary address 10.9.9.1/24")], "192.168.100.1")).toBe(
      false,
    );
  });

  test("planFromTree turns a command file with select blocks into context commands", () => {
    const tree = parseConfig(
      "ip route default gateway pp 1\npp select 1\npp enable 1\npp select none\ntunnel select 1\ntunnel enable 1\ntunnel select none\n",
      {
        source: "file",
      },
    );
    expect(planFromTree(tree)).toEqual([
      g("ip route default gateway pp 1"),
      pp("1", "pp enable 1"),
      tunnel(1, "tunnel enable 1"),
    ]);
  });
});
