/**
 * The device's user-visible texts in its two message languages. `console character en.ascii` (or the old `ascii`)
 * selects English; every other code selects Japanese. Japanese is sent as UTF-8 over SSH even for `ja.sjis`, because
 * the simulator's clients are UTF-8 programs; a real NVR would send Shift_JIS bytes.
 */
import type { GrammarError } from "./grammar-contract";

export type Language = "en" | "ja";

export type MessageId =
  | GrammarError
  | "admin-only"
  | "incorrect-password"
  | "password-mismatch"
  | "save-question"
  | "file-not-found"
  | "pager";

const TEXTS: Record<MessageId, Record<Language, string>> = {
  "invalid-command": { en: "Invalid command name", ja: "コマンド名を確認してください" },
  parameters: { en: "Insufficient or too many parameters", ja: "パラメータの数が不適当です" },
  "out-of-range": { en: "Parameter out of range", ja: "パラメータが範囲を越えています" },
  "illegal-keyword": { en: "Illegal keyword", ja: "パラメータのキーワードが認識できません" },
  "not-integer": { en: "Parameter must be an integer", ja: "パラメータは整数で指定してください" },
  "bad-ip": { en: "Unrecognized IP address parameter", ja: "IPアドレスが認識できません" },
  "need-pp-select": {
    en: "Execute pp select command beforehand",
    ja: "このコマンドは相手を選択してから実行してください",
  },
  // [U] no capture; worded like the pp form.
  "need-tunnel-select": {
    en: "Execute tunnel select command beforehand",
    ja: "このコマンドはトンネルを選択してから実行してください",
  },
  "admin-only": { en: "Administrator use only", ja: "このコマンドは管理レベルでのみ使用できます" },
  // [U] the real wording is unknown (yamaha-cli.md §3); moriyoshi's simulator uses these.
  "incorrect-password": { en: "Incorrect password", ja: "パスワードが間違っています" },
  // [U] no capture of a mistyped confirmation.
  "password-mismatch": { en: "Password mismatch", ja: "パスワードが一致しません" },
  "save-question": { en: "Save new configuration ? (Y/N)", ja: "新しい設定を保存しますか? (Y/N)" },
  // [U] no capture of `show config N` for a file never saved.
  "file-not-found": { en: "File not found", ja: "ファイルが見つかりません" },
  // [D] the English pager string comes from Oxidized, not from a capture.
  pager: { en: "---more---", ja: "---つづく---" },
};

export function message(id: MessageId, language: Language): string {
  return TEXTS[id][language];
}

/** What `save` prints for internal config file N (CR §56.3.3). */
export function saveDone(file: number, language: Language): string {
  return language === "en" ? `Saving ... CONFIG${file} Done .` : `セーブ中... CONFIG${file} 終了`;
}

/** An error line as the device prints it: ASCII colon and space in both languages. */
export function errorLine(text: string, language: Language): string {
  return `${language === "en" ? "Error" : "エラー"}: ${text}`;
}

export function languageOf(consoleCharacter: string): Language {
  return consoleCharacter === "en.ascii" || consoleCharacter === "ascii" ? "en" : "ja";
}
