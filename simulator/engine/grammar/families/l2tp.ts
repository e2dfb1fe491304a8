/** L2TP: the `l2tp ...` lines of a tunnel block and the global `l2tp service`. */
import { SECTION } from "../order";
import type { Reader } from "../reader";
import { at, type Family, onOff } from "../spec";
import { syntax } from "../syntax";
import { fail, ON_OFF } from "../values";

function oneIp(r: Reader): void {
  r.ip();
  r.end();
}

/** Host names and end IDs: free text of at most 32 characters (CR §16.8, §16.11). */
const NAME = syntax("<text:32>");

export const l2tp: Family = {
  specs: [
    { head: "l2tp always-on", scope: "tunnel", args: onOff, order: at(30) },
    {
      head: "l2tp hostname",
      scope: "tunnel",
      args: NAME,
      order: at(31),
    },
    {
      head: "l2tp tunnel auth",
      scope: "tunnel",
      args: (r) => {
        // The password is at most 32 characters (CR §16.2).
        r.kw(ON_OFF);
        if (r.remaining > 0 && r.secret().length > 32) fail("out-of-range");
        r.end();
      },
      order: at(32),
      holdsSecrets: true,
    },
    {
      head: "l2tp tunnel disconnect time",
      scope: "tunnel",
      args: (r) => {
        if (r.peek() === "off") r.next();
        else r.int(1, 21474836);
        r.end();
      },
      order: at(33),
    },
    {
      head: "l2tp keepalive use",
      scope: "tunnel",
      args: (r) => {
        r.kw(ON_OFF);
        if (r.remaining > 0) r.int(1, 600);
        if (r.remaining > 0) r.int(1, 50);
        r.end();
      },
      order: at(34),
    },
    { head: "l2tp keepalive log", scope: "tunnel", args: onOff, order: at(35) },
    { head: "l2tp syslog", scope: "tunnel", args: onOff, order: at(36) },
    { head: "l2tp local router-id", scope: "tunnel", args: oneIp, order: at(37) },
    { head: "l2tp remote router-id", scope: "tunnel", args: oneIp, order: at(38) },
    {
      head: "l2tp remote end-id",
      scope: "tunnel",
      args: NAME,
      order: at(39),
    },
    {
      // No version means both (CR §16.1).
      head: "l2tp service",
      scope: "global",
      args: (r) => {
        r.kw(ON_OFF);
        const versions = new Set<string>();
        while (r.remaining > 0) {
          const version = r.kw(["l2tp", "l2tpv3"]);
          if (versions.has(version)) fail("parameters");
          versions.add(version);
        }
      },
      order: () => [SECTION.L2TP],
    },
  ],
};
