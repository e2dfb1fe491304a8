/** HTTP upload of a config or the log to a server (CR ch. 43): what, where, and how. `http upload go` is an
 * operation, not a setting. The chapter applies to RTX1300, RTX1220 and RTX1210 only. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 70 + item);
const models = { exists: (m: { id: string }) => ["rtx1210", "rtx1220", "rtx1300"].includes(m.id) };

export const httpUpload: Family = {
  specs: [
    // §43.1: `[config_no] [directory/]filename`; names may hold `%` escapes (`%y`, `%n`, `%%`).
    command("http upload", "<word> [<word>]", at(0), { key: "config|log", ...models }),
    command("http upload url", "<url>", at(1), models), // §43.2
    command("http upload permit", "on|off", at(2), models), // §43.3
    command("http upload timeout", "<int:1-180>", at(3), models), // §43.4
    command("http upload retry interval", "<int:1-60> <int:1-10>", at(4), models), // §43.5
    command("http upload proxy", "<host> [<int:1-65535>]", at(5), models), // §43.6
    command("alarm http upload", "on|off", at(6), models), // §43.8
  ],
};
