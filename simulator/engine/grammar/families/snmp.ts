/** SNMP v1/v2c/v3 agent and traps (CR ch. 21). */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";
import { fail } from "../values";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.SNMP, item);
/** Community names are at most 16 characters [V] yamaha-cli.md §6 (an RTX refuses a longer one). */
const COMMUNITY = "<secret:text:16>";
const HOSTS = "any|<ip46>|<range>";

export const snmp: Family = {
  specs: [
    command("snmp host", `[${COMMUNITY} [${COMMUNITY}]]`, at(0), { key: HOSTS }),
    command("snmp community read-only", COMMUNITY, at(1)),
    command("snmp community read-write", COMMUNITY, at(2)),
    command("snmp trap host", `[${COMMUNITY}]`, at(3), { key: "<ip46>" }),
    command("snmp trap community", COMMUNITY, at(4)),
    command("snmpv2c host", `[${COMMUNITY} [${COMMUNITY}]]`, at(5), { key: HOSTS }),
    command("snmpv2c community read-only", COMMUNITY, at(6)),
    command("snmpv2c community read-write", COMMUNITY, at(7)),
    command("snmpv2c trap host", `[trap|inform [${COMMUNITY}]]`, at(8), { key: "<ip46>" }),
    command("snmpv2c trap community", COMMUNITY, at(9)),
    command("snmpv3 engine id", "<text:27>", at(10)),
    command("snmpv3 context name", "<text:16>", at(11)),
    command(
      "snmpv3 usm user",
      "<text:32> [group <int:1-65535>] [auth md5|sha <secret:text:64> [priv des|aes128-cfb <secret:text:64>]]",
      at(12),
      {
        key: "<int:1-65535>",
      },
    ),
    command("snmpv3 host", "user <int:1-65535>...", at(13), { key: "none|any|<ip46>|<range>" }),
    // §21.15: pairs of include|exclude and an OID of 2..128 sub-IDs.
    {
      ...command("snmpv3 vacm view", "", at(14), { key: "<int:1-65535>" }),
      args: (r) => {
        if (r.remaining === 0 || r.remaining % 2 !== 0) fail("parameters");
        while (r.remaining > 0) {
          r.kw(["include", "exclude"]);
          r.replace((v) => (/^\d+(\.\d+){1,127}$/.test(v) ? v : fail("illegal-keyword")));
        }
      },
    },
    command("snmpv3 vacm access", "read none|<int:1-65535> write none|<int:1-65535>", at(15), {
      key: "<int:1-65535>",
    }),
    command("snmpv3 trap host", "[trap|inform] user <int:1-65535>", at(16), { key: "<ip46>" }),
    command("snmp local address", "<ip46>", at(17)),
    command("snmp syscontact", "<text:255>", at(18)),
    command("snmp syslocation", "<text:255>", at(19)),
    command("snmp sysname", "<text:255>", at(20)),
    command(
      "snmp trap enable snmp",
      "all|coldstart|warmstart|linkdown|linkup|authenticationfailure...",
      at(21),
    ),
    command("snmp trap cpu threshold", "on|off", at(22)),
    command("snmp trap memory threshold", "on|off", at(23)),
    command("snmp trap delay-timer", "[off|<int:1-1000>]", at(24)),
    command("snmp trap send linkdown", "on|off", at(25), { key: "pp|tunnel|<if> [<int:1-3000>]" }),
    command("snmp yrifppdisplayatmib2", "on|off", at(26)),
    command("snmp yriftunneldisplayatmib2", "on|off", at(27)),
    command("snmp yrifswitchdisplayatmib2", "on|off", at(28)),
    command("snmp display ipcp force", "on|off", at(29)),
    command("snmp trap link-updown separate-l2switch-port", "on|off", at(30), { key: "<if>" }),
    command("snmp trap mobile signal-strength", "on|off [<int:0-5>]", at(31)),
  ],
};
