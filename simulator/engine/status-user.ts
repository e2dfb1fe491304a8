/**
 * `show status user` (CR §58.47): the logged-in users, one line each, in login order. Before the name, `*` marks the
 * login that asks and `+` one in administrator mode; `@` (RADIUS login) never applies to the simulator.
 */
import type { Language } from "./messages";

/** One SSH login as the device lists it. */
export interface Login {
  user: string;
  /** Connection type and slot, `ssh1`..`ssh8` [U: by analogy with the CR example's `telnet1`]. */
  via: string;
  /** The client's IP address. */
  remote: string;
  since: Date;
  lastInput: Date;
}

export interface LoginRow extends Login {
  admin: boolean;
  self: boolean;
}

/**
 * Column widths of the CR example after the three flag columns (`*`, `+`, `@`): user name, connection, login time,
 * idle; the IP address runs to the end.
 */
const WIDTHS = [16, 11, 13, 11];

/** A Japanese (full-width) character takes two columns. */
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
}

/** The fields laid out in the columns; a field as wide as its column still gets one space after it. */
function columns(fields: string[]): string {
  return fields
    .map((f, i) => (i < WIDTHS.length ? f + " ".repeat(Math.max(1, WIDTHS[i] - displayWidth(f))) : f))
    .join("");
}

const HEADINGS: Record<Language, { legend: string; titles: string[] }> = {
  en: {
    legend: "(*: current user, +: administrator mode, @: authenticated via RADIUS)",
    titles: ["username", "connection", "login time", "idle", "IP address"],
  },
  // [U] the CR's Japanese example comes from a PDF: its spacing is not reliable, so the titles use the English columns.
  ja: {
    legend: "(*: 自分自身のユーザー情報, +: 管理者モード, @: RADIUSでの認証)",
    titles: ["ユーザー名", "接続種別", "ログイン", "アイドル", "IPアドレス"],
  },
};

const two = (n: number): string => String(n).padStart(2, "0");

export function statusUserLines(rows: LoginRow[], language: Language, now: Date): string[] {
  const { legend, titles } = HEADINGS[language];
  const lines = rows.map((r) => {
    const idle = Math.max(0, Math.floor((now.getTime() - r.lastInput.getTime()) / 1000));
    const since = `${two(r.since.getMonth() + 1)}/${two(r.since.getDate())} ${two(r.since.getHours())}:${two(r.since.getMinutes())}`;
    const flags = `${r.self ? "*" : " "}${r.admin ? "+" : " "} `;
    const idleText = `${Math.floor(idle / 3600)}:${two(Math.floor(idle / 60) % 60)}:${two(idle % 60)}`;
    return flags + columns([r.user, r.via, since, idleText, r.remote]);
  });
  return [`   ${legend}`, `   ${columns(titles)}`, "-".repeat(79), ...lines];
}
