/** HTTP upload of a config or the log to a server (CR ch. 43): what, where, and how. `http upload go` is an
 * operation, not a setting. The chapter applies to RTX1300, RTX1220 and RTX1210 only. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 70 + item);
/** Config files 0..4 and their backups N.1, N.2 (§43.1). */
const CONFIG_FILES = [0, 1, 2, 3, 4].flatMap((n) => [`${n}`, `${n}.1`, `${n}.2`]).join("|");
const models = { exists: (m: { id: string }) => ["rtx1210", "rtx1220", "rtx1300"].includes(m.id) };

export const httpUpload: Family = {
  specs: [
    // §43.1: `[config_no] [directory/]filename`; names may hold `%` escapes (`%y`, `%n`, `%%`).
    command("http upload", `[${CONFIG_FILES}] <path>`, at(0), { key: "config|log", ...models }),
    command("http upload url", "<url>", at(1), models), // §43.2
    command("http upload permit", "on|off", at(2), models), // §43.3
    command("http upload timeout", "<int:1-180>", at(3), models), // §43.4
    command("http upload retry interval", "<int:1-60> <int:1-10>", at(4), models), // §43.5
    command("http upload proxy", "<host> [<int:1-65535>]", at(5), models), // §43.6
    command("alarm http upload", "on|off", at(6), models), // §43.8
  ],
};
