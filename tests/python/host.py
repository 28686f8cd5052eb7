"""Loads a bundled app the way the platform does and runs one action JSON through it.

Usage: python host.py (own|sdk) <app dir> <wheel target dir> <action.json> <output.json>
                      [--tick-ms N] [--whois-reply FILE]

`own` puts the project's stand-in for `phantom` on the module path; `sdk` installs the official
SDK's off-platform shims (`soar_sdk.shims.phantom`) as the `phantom.*` modules. Then the app
directory and the wheel target go on the module path, the app's `main_module` is imported by
name, its connector is created and `_handle_action(json, None)` is called. The output file gets
the connector run result and the progress log (`own`), or the ActionResults the SDK's
BaseConnector collected (`sdk`).

Other Python threads of the same process, as a platform has them: `--tick-ms N` runs a thread
that notes the time every N milliseconds while the action runs (the output gets `ticks` and
`run`, the start and end of `_handle_action`, all `time.monotonic()` seconds); `--whois-reply
FILE` serves that WHOIS reply from a thread on 127.0.0.1 and points the action's
`config.whois_server` at it.
"""

import argparse
import importlib
import json
import os
import sys
import threading
import time
import types

from loopback import serve_whois

HERE = os.path.dirname(os.path.abspath(__file__))


def install_sdk_shims():
    """The SDK's shims as `phantom`, `phantom.app`, `phantom.action_result` and
    `phantom.base_connector`. The shims are imported first: each falls back to its own
    definitions only while the real `phantom` is missing."""
    names = ["app", "action_result", "base_connector"]
    shims = {name: importlib.import_module(f"soar_sdk.shims.phantom.{name}") for name in names}
    package = types.ModuleType("phantom")
    package.__path__ = []
    sys.modules["phantom"] = package
    for name, module in shims.items():
        sys.modules[f"phantom.{name}"] = module
        setattr(package, name, module)


class Ticker:
    """A thread that notes `time.monotonic()` every `interval` seconds until stopped."""

    def __init__(self, interval):
        self.ticks = []
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)
        self._thread.start()

    def _tick(self):
        while not self._stop.is_set():
            self.ticks.append(time.monotonic())
            time.sleep(self._interval)

    def stop(self):
        self._stop.set()
        self._thread.join()


def main(mode, app_dir, site_dir, action_path, output_path, tick_ms=None, whois_reply=None):
    if mode == "sdk":
        install_sdk_shims()
    else:
        sys.path.insert(0, os.path.join(HERE, "standin"))
    sys.path[0:0] = [app_dir, site_dir]
    app_jsons = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, app_jsons[0])) as file:
        main_module = json.load(file)["main_module"]
    module = importlib.import_module(main_module[: -len(".py")])
    base = sys.modules["phantom.base_connector"].BaseConnector
    connector_class = next(
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, base) and value is not base
    )
    connector = connector_class()
    with open(action_path) as file:
        action_json = file.read()
    if whois_reply is not None:
        with open(whois_reply, "rb") as file:
            _, address = serve_whois(file.read())
        action = json.loads(action_json)
        action["config"]["whois_server"] = address
        action_json = json.dumps(action)
    ticker = Ticker(tick_ms / 1000) if tick_ms is not None else None
    started = time.monotonic()
    returned = connector._handle_action(action_json, None)
    ended = time.monotonic()
    if mode == "sdk":
        output = {
            "results": [
                {
                    "status": result.get_status(),
                    "message": result.get_message(),
                    "data": result.get_data(),
                    "summary": result.get_summary(),
                    "parameter": result.get_param(),
                }
                for result in connector.get_action_results()
            ]
        }
    else:
        output = {"result": json.loads(returned), "log": connector.log}
    if ticker is not None:
        ticker.stop()
        output.update(ticks=ticker.ticks, run=[started, ended])
    with open(output_path, "w") as file:
        json.dump(output, file)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["own", "sdk"])
    for name in ["app_dir", "site_dir", "action_path", "output_path"]:
        parser.add_argument(name)
    parser.add_argument("--tick-ms", type=int)
    parser.add_argument("--whois-reply")
    main(**vars(parser.parse_args()))
