/** Lua scripting (CR ch. 46): the switch and its alarm. Scripts run from `schedule at` lines. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

export const lua: Family = {
  feature: "lua",
  specs: [
    command("lua use", "on|off", inSection(SECTION.LUA, 0)),
    command("alarm lua", "on|off", inSection(SECTION.LUA, 1)),
  ],
};
