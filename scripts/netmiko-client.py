#!/usr/bin/env python3
"""An independent client for nvr-sim: netmiko's `yamaha` driver does what an operator's script does.

Reads one JSON object on stdin (kept off the command line so the passwords do not show in `ps`):
  {"host": "127.0.0.1", "port": 2222, "username": "user", "password": "...", "secret": "...",
   "config": ["ip route ...", ...], "save": true}
Connects, enters administrator mode, sends the config set, reads `show config`, saves (unless "save" is false),
leaves administrator mode (the driver answers N if the router asks to save) and disconnects. Prints one JSON object with what each step returned; any exception is printed as
{"error": ...} and the exit status is 1.

Run it with the interpreter of the venv made by scripts/netmiko-venv.sh.
"""
import json
import sys

from netmiko import ConnectHandler


def run(req: dict) -> dict:
    conn = ConnectHandler(
        device_type="yamaha",
        host=req["host"],
        port=req["port"],
        username=req["username"],
        password=req["password"],
        secret=req["secret"],
        # nvr-sim has a fresh host key per state dir; nothing to pin against here.
        ssh_strict=False,
        system_host_keys=False,
        alt_host_keys=False,
        allow_agent=False,
        use_keys=False,
        fast_cli=False,
    )
    result: dict = {"base_prompt": conn.base_prompt}
    try:
        result["enable"] = conn.enable()
        result["enable_mode"] = conn.check_enable_mode()
        result["config_set"] = conn.send_config_set(req["config"])
        result["show_config"] = conn.send_command("show config")
        if req.get("save", True):
            result["save"] = conn.save_config()
        result["exit_enable"] = conn.exit_enable_mode()
        result["enable_mode_after_exit"] = conn.check_enable_mode()
        result["prompt_after_exit"] = conn.find_prompt()
    finally:
        conn.disconnect()
    return result


def main() -> int:
    try:
        print(json.dumps(run(json.load(sys.stdin))))
        return 0
    except Exception as e:  # report any failure as JSON for the test to show
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
        return 1


if __name__ == "__main__":
    sys.exit(main())
