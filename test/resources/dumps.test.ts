/**
 * Real router output (the shared `show config` dumps and the seed's NVR510 configurations): every object the
 * resources model is read without error, writes back exactly the lines the router printed, and plans to nothing —
 * no perpetual diff on a config nobody has touched.
 */
import * as fs from "fs";
import * as path from "path";
import { type ConfigIndex, indexConfig, parseConfig } from "../../provider/config";
import { GLOBAL_SWITCHES, type ResourceKind, resourceKinds } from "../../provider/resources";
import { keyOf } from "../../provider/resources/lines";

const DUMPS = "/work/shared/configs";
const SEED = path.join(__dirname, "../fixtures/seed");

const files = [
  ...fs
    .readdirSync(DUMPS)
    .filter((f) => f.endsWith(".txt"))
    // Line 1 is a source note, not router output.
    .map((f) => [f, fs.readFileSync(path.join(DUMPS, f), "utf8").split("\n").slice(1).join("\n")]),
  ...fs
    .readdirSync(SEED)
    .filter((f) => f.endsWith(".conf"))
    .map((f) => [f, fs.readFileSync(path.join(SEED, f), "utf8")]),
];

/** The identities of each kind present in a config, found from the lines that name them. */
function identities(config: ConfigIndex): [ResourceKind<unknown>, string][] {
  const tokens = (prefix: string) => config.find(prefix.split(" ")).map((l) => l.tokens);
  const unique = (list: string[]) => [...new Set(list)];
  const k = resourceKinds as unknown as Record<string, ResourceKind<unknown>>;
  return [
    ...unique(tokens("nat descriptor type").map((t) => `nat descriptor ${t[3]}`)).map((id) => [
      k.NatDescriptor,
      id,
    ]),
    ...unique(
      tokens("dhcp scope")
        .filter((t) => /^\d+$/.test(t[2]))
        .map((t) => `dhcp scope ${t[2]}`),
    ).map((id) => [k.DhcpScope, id]),
    ...unique(
      tokens("ip route").map(
        (t) => `ip route ${t[2].includes("/") || t[2] === "default" ? t[2] : `${t[2]}/32`}`,
      ),
    ).map((id) => [k.StaticRoute, id]),
    ...unique(
      tokens("ip")
        .filter((t) => /^lan\d+$/.test(t[1]))
        .map((t) => t[1]),
    ).map((id) => [k.LanInterface, id]),
    ...(config.block("pp", "anonymous") ? [[k.L2tpAnonymousPool, "pp anonymous"]] : []),
    ...config
      .blocks("pp")
      .filter((b) => b.lines.some((l) => l.tokens[0] === "pppoe" && l.tokens[1] === "use"))
      .map((b) => [k.PppoeInterface, `pp ${b.id}`]),
    ...config
      .blocks("tunnel")
      .filter((b) => {
        const encapsulation = b.lines.find((l) => l.tokens[1] === "encapsulation")?.tokens[2] ?? "ipsec";
        return ["ipsec", "ipip", "l2tpv3"].includes(encapsulation);
      })
      .map((b) => [k.IpsecSiteTunnel, `tunnel ${b.id}`]),
    ...(config.find(["dns"]).length > 0 ? [[k.Dns, "dns"]] : []),
    ...tokens("schedule at").map((t) => [k.Schedule, `schedule at ${t[2]}`]),
    ...(config.find(["syslog"]).length > 0 ? [[k.Syslog, "syslog"]] : []),
    ...tokens("ipv6 prefix").map((t) => [k.Ipv6Prefix, `ipv6 prefix ${t[2]}`]),
    ...unique(
      tokens("ipv6")
        .filter((t) => /^lan\d+$/.test(t[1]) && ["address", "rtadv", "dhcp"].includes(t[2]))
        .map((t) => `ipv6 ${t[1]}`),
    ).map((id) => [k.Ipv6Interface, id]),
    ...(["sshd", "telnetd", "httpd", "sftpd"].some((s) => config.find([s]).length > 0)
      ? [[k.ServiceHosts, "service hosts"]]
      : []),
    ...tokens("ip filter")
      .filter((t) => /^\d+$/.test(t[2]))
      .map((t) => [k.IpFilter, `ip filter ${t[2]}`]),
    ...tokens("ip filter dynamic")
      .filter((t) => /^\d+$/.test(t[3]))
      .map((t) => [k.IpFilterDynamic, `ip filter dynamic ${t[3]}`]),
    ...unique(
      [
        ...tokens("ip")
          .filter((t) => t[2] === "secure" && t[3] === "filter")
          .map((t) => t[1]),
        ...(["pp", "tunnel"] as const).flatMap((kind) =>
          config
            .blocks(kind)
            .filter((b) => b.lines.some((l) => l.tokens.slice(0, 4).join(" ") === `ip ${kind} secure filter`))
            .map((b) => `${kind} ${b.id}`),
        ),
      ].map((i) => `secure filter ${i}`),
    ).map((id) => [k.SecureFilter, id]),
    ...Object.keys(GLOBAL_SWITCHES)
      .filter((s) => config.find(s.split(" ")).some((l) => keyOf(l.tokens) === s))
      .map((s) => [k.GlobalSwitch, s]),
  ] as [ResourceKind<unknown>, string][];
}

const normal = (s: string) => s.trim().split(/\s+/).join(" ").toLowerCase();

describe.each(files)("%s", (_file, text) => {
  const config = indexConfig(parseConfig(text));
  const found = identities(config);

  test("holds objects the resources model", () => {
    expect(found.length).toBeGreaterThan(0);
  });

  test.each(found.map(([kind, id]) => [kind.kind, id, kind] as const))(
    "%s %s reads, writes back the router's lines, plans to nothing",
    (_k, id, kind) => {
      const model = kind.read(config, id);
      expect(model).toBeDefined();
      const printed = new Set(
        [...config.tree.items]
          .flatMap((i) => (i.type === "line" ? [i.line.text] : i.block.lines.map((l) => l.text)))
          .map(normal),
      );
      const written = kind.commands(model, { mask: false }).map((c) => normal(c.command));
      expect(written.filter((c) => !printed.has(c))).toEqual([]);
      expect(kind.plan(config, model)).toEqual([]);
    },
  );
});
