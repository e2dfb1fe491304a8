/** QoS and shaping (CR ch. 26): interface speeds, class filters, queue types, lengths and class properties. */
import { SECTION } from "../order";
import { command, type Family, inSection, perInterface } from "../spec";

const CLASS = "<int:1-16>";
const QUEUE_TYPES = "priority|cbq|shaping|fifo";

/** `queue IF|pp|tunnel ...`: the interface forms sort with the interface, pp and tunnel forms in their block. */
function queue(words: string, args: string, item: number, key?: string) {
  return [
    command(`queue IF ${words}`, args, (k, env) => [...perInterface(26 + item / 100)(k, env), ...k], { key }),
    command(`queue pp ${words}`, args, () => [29.5 + item / 100], { key, scope: "pp" }),
    command(`queue tunnel ${words}`, args, () => [47.5 + item / 100], { key, scope: "tunnel" }),
  ];
}

export const qos: Family = {
  specs: [
    command("speed", "<word>", perInterface(26), { key: "<if>" }),
    command("speed pp", "<word>", () => [29.4], { scope: "pp" }),
    // §26.2: `queue class filter N CLASS[/CLASS2] [cos=N] ip|ipv6 SRC [DST [PROTO [SPORT [DPORT]]]]`.
    command(
      "queue class filter",
      "<word> [cos=<int:0-7>] ip|ipv6 <word> [<word> [<word> [<ports> [<ports>]]]]",
      inSection(SECTION.QOS, 0),
      { key: "<int:1-2147483647>" },
    ),
    ...queue("type", `${QUEUE_TYPES} [shaping-level=1/2]`, 0),
    ...queue("class filter list", "<int:1-2147483647>...", 1),
    ...queue("length", "[secondary] [primary=<int:1-16>] <word>...", 2),
    ...queue("default class", `[secondary] [primary=${CLASS}] ${CLASS}`, 3),
    ...queue("class property", "<word>...", 4, CLASS),
    ...queue("class control", "<word>...", 5, CLASS),
  ],
};
