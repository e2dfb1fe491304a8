/** Descriptions, login and administrator passwords, login users, security class and console settings. */
import { interfaceOrder, SECTION } from "../order";
import type { Reader } from "../reader";
import { type Family, shortText } from "../spec";
import { fail, INTERFACE, integer, MAX_FILTER, ON_OFF } from "../values";

export const system: Family = {
  specs: [
    {
      head: "description",
      scope: "global",
      key: (r) => [r.replace((v) => (INTERFACE.test(v) ? v : String(integer(v, 1, MAX_FILTER))))],
      args: shortText,
      order: (key) =>
        INTERFACE.test(key[0])
          ? [SECTION.INTERFACE, ...interfaceOrder(key[0]), -1]
          : [SECTION.DESCRIPTION, Number(key[0])],
    },
    // Typed passwords are interactive (runtime); a configuration line holds only the stored form, which `show config`
    // prints masked (CR §4.1-4.4). `*` is that masked form as a saved dump holds it: the hidden value is unknown, and
    // the simulator takes it as no password [U].
    ...["login", "administrator"].flatMap((target, i) => [
      {
        head: `${target} password`,
        scope: "global" as const,
        args: (r: Reader) => {
          // Typing a password after the command is refused as an unknown command [V] yamaha-cli.md §6.
          if (r.peek() !== "*") fail("invalid-command");
          r.next();
          r.end();
        },
        order: () => [SECTION.LOGIN, i],
        slot: `${target} password`,
        holdsSecrets: true,
      },
      {
        head: `${target} password encrypted`,
        scope: "global" as const,
        args: (r: Reader) => {
          r.secret();
          r.end();
        },
        order: () => [SECTION.LOGIN, i],
        slot: `${target} password`,
        show: () => ["*"],
        holdsSecrets: true,
      },
    ]),
    {
      // Passwords print as `*` [V] CR §4; the clear text reaches the runtime through `secret`.
      head: "login user",
      scope: "global",
      // Names: at most 32 letters, digits, `-` and `_`; passwords: 1..32 printable characters (CR §4.5).
      key: (r) => [r.replace((v) => (/^[A-Za-z0-9_-]{1,32}$/.test(v) ? v : fail("illegal-keyword")))],
      args: (r) => {
        if (r.peek() === "encrypted") r.next();
        else if (r.peek() !== undefined && !/^[\x21-\x7e]{1,32}$/.test(r.peek() ?? "")) fail("out-of-range");
        r.secret();
        r.end();
      },
      order: () => [SECTION.LOGIN, 2],
      show: (args) => [args[0], "*"],
      secret: (args) => (args[1] === "encrypted" ? undefined : args[1]),
      holdsSecrets: true,
    },
    {
      head: "security class",
      scope: "global",
      args: (r) => {
        // `LEVEL FORGET [TELNET [SSH]]` (CR §4.7).
        r.int(1, 3);
        r.kw(ON_OFF);
        if (r.remaining > 0) r.kw(ON_OFF);
        if (r.remaining > 0) r.kw(ON_OFF);
        r.end();
      },
      order: () => [SECTION.LOGIN, 4],
    },
    {
      head: "console character",
      scope: "global",
      args: (r) => {
        r.kw(["ascii", "sjis", "euc", "en.ascii", "ja.sjis", "ja.euc", "ja.utf8"]);
        r.end();
      },
      order: () => [SECTION.LOGIN, 5],
    },
    {
      head: "console columns",
      scope: "global",
      args: (r, env) => {
        r.int(80, env.model.maxConsoleColumns ?? 200);
        r.end();
      },
      order: () => [SECTION.LOGIN, 6],
    },
    {
      head: "console lines",
      scope: "global",
      args: (r) => {
        if (r.peek() === "infinity") r.next();
        else r.int(10, 100);
        r.end();
      },
      order: () => [SECTION.LOGIN, 7],
    },
    {
      head: "console prompt",
      scope: "global",
      args: shortText,
      order: () => [SECTION.LOGIN, 8],
    },
    {
      head: "login timer",
      scope: "global",
      args: (r) => {
        if (r.peek() === "clear") r.next();
        else r.int(120, 21474836);
        r.end();
      },
      order: () => [SECTION.LOGIN, 9],
    },
  ],
};
