"""Calls an installed app's view function the way the platform's web process does.

Usage: python view_host.py (own|sdk) <app dir> <wheel target dir> <input.json> <output.json>

The input names the action (`identifier`) and the app runs as plain JSON (`runs`: a list of
`[summary dict, [{"parameter", "data", "summary", "success", "message"}, ...]]`). The view
module that the action's `render.view` names is imported first, before any `phantom` exists,
so an import of something that only the action process has fails here. Then `phantom` is the
project's stand-in (`own`) or the official SDK's shims (`sdk`), the results become that
`phantom.action_result.ActionResult`, and the view is called as
`view(provides, all_app_runs, context)` with `all_app_runs` a list of (summary, results) pairs
and the context the SDK's view tests give. The output gets the HTML, the context's `prerender`
and whether importing the view module imported `phantom`.
"""

import argparse
import importlib
import json
import os
import sys

from host import install_sdk_shims

HERE = os.path.dirname(os.path.abspath(__file__))


def view_of(app_dir, identifier):
    (name,) = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, name)) as file:
        app = json.load(file)
    action = next(action for action in app["actions"] if action["identifier"] == identifier)
    module, function = action["render"]["view"].split(".")
    return action["action"], module, function


def action_results(results):
    app = sys.modules["phantom.app"]
    action_result = sys.modules["phantom.action_result"].ActionResult
    made = []
    for result in results:
        made_result = action_result(result["parameter"])
        for item in result["data"]:
            made_result.add_data(item)
        made_result.set_summary(result["summary"])
        status = app.APP_SUCCESS if result["success"] else app.APP_ERROR
        made_result.set_status(status, result["message"])
        made.append(made_result)
    return made


def main(mode, app_dir, site_dir, input_path, output_path):
    with open(input_path) as file:
        given = json.load(file)
    provides, module_name, function = view_of(app_dir, given["identifier"])
    sys.path[0:0] = [app_dir, site_dir]
    module = importlib.import_module(module_name)
    phantom_after_import = any(name.split(".")[0] == "phantom" for name in sys.modules)
    if mode == "sdk":
        install_sdk_shims()
    else:
        sys.path.insert(0, os.path.join(HERE, "standin"))
    importlib.import_module("phantom.app")
    importlib.import_module("phantom.action_result")
    if given.get("raw"):
        all_app_runs = given["runs"]
    else:
        all_app_runs = [(summary, action_results(results)) for summary, results in given["runs"]]
    context = {
        "accepts_prerender": True,
        "QS": {},
        "container": 1,
        "app": 2,
        "no_connection": False,
        "google_maps_key": False,
    }
    html = getattr(module, function)(provides, all_app_runs, context)
    with open(output_path, "w") as file:
        json.dump(
            {
                "html": html,
                "prerender": context.get("prerender"),
                "phantom_after_import": phantom_after_import,
            },
            file,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["own", "sdk"])
    for name in ["app_dir", "site_dir", "input_path", "output_path"]:
        parser.add_argument(name)
    main(**vars(parser.parse_args()))
