"""Drives one switch simulator with netmiko, as a user would, and prints what each step returned as JSON.

Usage: netmiko_check.py '{"device_type": "cisco_nxos", "host": "127.0.0.1", "port": 2222, "username": "admin",
"password": "pw", "enable": false, "config": ["vlan 2003", ...]}'

Steps: connect (netmiko's own session preparation: paging, width, prompt), `enable` when asked (with `secret`),
`show running-config`,
`show vlan brief`, `send_config_set` of the given lines, `save_config`, `show running-config` again. Any exception
is reported with the step it happened in, and the exit code is 1.
"""

import json
import sys
import traceback

from netmiko import ConnectHandler


def main() -> int:
    args = json.loads(sys.argv[1])
    result = {"steps": {}}
    step = "connect"
    try:
        conn = ConnectHandler(
            device_type=args["device_type"],
            host=args["host"],
            port=args["port"],
            username=args["username"],
            password=args["password"],
            secret=args.get("secret", ""),
            use_keys=False,
            allow_agent=False,
            ssh_config_file=None,
            fast_cli=False,
            conn_timeout=10,
            read_timeout_override=20,
        )
        result["steps"]["connect"] = {"prompt": conn.find_prompt(), "base_prompt": conn.base_prompt}
        if args.get("enable"):
            step = "enable"
            conn.enable()
            result["steps"]["enable"] = {"prompt": conn.find_prompt()}
        for step, command in (("running", "show running-config"), ("vlan_brief", "show vlan brief")):
            result["steps"][step] = conn.send_command(command)
        step = "config"
        result["steps"]["config"] = conn.send_config_set(args["config"])
        step = "save"
        result["steps"]["save"] = conn.save_config()
        step = "running_after"
        result["steps"]["running_after"] = conn.send_command("show running-config")
        conn.disconnect()
    except Exception as error:  # noqa: BLE001 - every failure is reported with its step
        result["failed_step"] = step
        result["error"] = f"{type(error).__name__}: {error}"
        result["trace"] = traceback.format_exc()
        print(json.dumps(result))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
