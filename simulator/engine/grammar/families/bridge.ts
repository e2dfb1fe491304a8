/** Bridge interfaces' learning (CR ch. 45); `bridge member` is in interfaces.ts. */
import { command, type Family, perInterface } from "../spec";

export const bridge: Family = {
  specs: [
    // `bridge learning BR on|off`, `... BR timer SEC`, `... BR static MAC IF` (one line per MAC).
    command("bridge learning", "on|off|<int:0-86400>|<if>", perInterface(2.1), {
      key: "<if> [timer|static [<mac>]]",
    }),
  ],
};
