/** URL filters (CR ch. 10): keyword filters applied per interface, and the external database service. */
import { SECTION } from "../order";
import { command, type Family, inSection, perInterface } from "../spec";
import { keySyntax } from "../syntax";
import { ipv4FilterAddress } from "./filters";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.ETHERNET_FILTER, 10 + item);
const ON_OFF = "on|off";
const CATEGORY = keySyntax(
  "pass|pass-log|pass-nolog|reject|reject-log|reject-nolog *|<int-list:1-2147483647>",
);

export const urlFilter: Family = {
  specs: [
    // §10.1: `url filter ID pass|reject KEYWORD [SRC[/MASK]]` (KEYWORD `*` for any).
    command(
      "url filter",
      "pass|reject|pass-log|pass-nolog|reject-log|reject-nolog <text:255> [<net>|<range>]",
      at(0),
      { key: "<int:1-65535>" },
    ),
    command("url IF filter", "<int:1-65535>...", (k, env) => [...perInterface(12.6)(k, env), k[0]], {
      key: "in|out",
    }),
    command("url pp filter", "<int:1-65535>...", (k) => [27.9, ...k], { key: "in|out", scope: "pp" }),
    command("url tunnel filter", "<int:1-65535>...", (k) => [45.9, ...k], { key: "in|out", scope: "tunnel" }),
    command("url filter port", "<int:1-65535>...", at(1)),
    command("url filter use", ON_OFF, at(2)),
    command("url filter reject", "( redirect [<url>] | off )", at(3)),
    command("url filter log", ON_OFF, at(4)),
    // §10.7: the databases of each check; `on|off` as older firmware takes it [U].
    command(
      "url filter external-database use",
      "( on | off | [reputation off|trendmicro] [category off|digitalarts2|netstar|trendmicro] )",
      at(5),
    ),
    command("url filter external-database server", "<ip>|<domain> <int:1-65535>", at(6)),
    command("url filter external-database log", ON_OFF, at(7)),
    // §10.10: an action, category numbers or `*`, then the source addresses as IP filters take them.
    {
      ...command("url filter external-database category", "", at(8), { key: "<int:1-21474836>" }),
      args: (r, env) => {
        CATEGORY(r, env);
        if (r.remaining > 0) r.replace((v) => ipv4FilterAddress(v, env, "dpi"));
        r.end();
      },
    },
  ],
};
