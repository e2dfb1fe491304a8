/**
 * A read-only look at a router for `pulumi preview`: one login of its own, `show config`, logout. It takes no writer
 * lock, changes no console setting (the router's pager is answered and its line wrap undone instead) and types
 * nothing but `show config`, so a preview can run next to another client's `up` without touching the router.
 */
import { indexConfig, type ConfigIndex } from "../config/index";
import { parseConfig } from "../config/parse";
import { shellOptionsOf, type RouterConnection } from "./router";
import { Shell } from "./shell";

/** The router's running config as it is now, read without writing anything. */
export async function peekConfig(conn: RouterConnection): Promise<ConfigIndex> {
  const shell = await Shell.open({ ...shellOptionsOf(conn), setConsole: false, log: conn.log });
  try {
    const text = (await shell.run("show config", 120_000)).replace(/\r\n/g, "\n");
    // The router wraps long lines at its own console width; the parser joins them back.
    const columns = Number(shell.originals.columns);
    return indexConfig(parseConfig(text, Number.isInteger(columns) && columns > 0 ? { columns } : {}));
  } finally {
    await shell.close().catch(() => shell.destroy());
  }
}
