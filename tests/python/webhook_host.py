"""Calls an installed app's webhook handler the way the platform's webhook process does.

Usage: python webhook_host.py <app dir> <wheel target dir> <input.json> <output.json>

The input is a list of requests, each the platform's arguments as JSON (`method`, `headers`,
`path_parts`, `query`, `body`, `asset`; `asset` may be the string "circular" for an asset
that holds itself, which JSON cannot write). The module and function that the app JSON's
`webhook.handler` names are imported, before any `phantom` exists, and called as
`handle_webhook(method, headers, path_parts, query, body, asset, soar_rest_client)`. The
output has each response (with whether its headers are tuples, as the SDK's are) and whether
importing the module imported `phantom`.
"""

import argparse
import importlib
import json
import os
import sys


class RestClient:
    """Stands in for the platform's `soar_rest_client`, which the Rust handler does not use."""

    base_url = "https://127.0.0.1/rest"
    asset_id = 7


def handler_of(app_dir):
    (name,) = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, name)) as file:
        app = json.load(file)
    return app["webhook"]["handler"].split(".")


def asset_of(given):
    if given == "circular":
        asset = {}
        asset["self"] = asset
        return asset
    return given


def main(app_dir, site_dir, input_path, output_path):
    with open(input_path) as file:
        requests = json.load(file)
    module_name, function = handler_of(app_dir)
    sys.path[0:0] = [app_dir, site_dir]
    module = importlib.import_module(module_name)
    phantom_after_import = any(name.split(".")[0] == "phantom" for name in sys.modules)
    handle = getattr(module, function)
    responses = []
    for request in requests:
        response = handle(
            request["method"],
            request["headers"],
            request["path_parts"],
            request["query"],
            request["body"],
            asset_of(request["asset"]),
            RestClient(),
        )
        responses.append(
            {
                "response": response,
                "headers_are_tuples": all(isinstance(header, tuple) for header in response["headers"]),
            }
        )
    with open(output_path, "w") as file:
        json.dump({"responses": responses, "phantom_after_import": phantom_after_import}, file)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ["app_dir", "site_dir", "input_path", "output_path"]:
        parser.add_argument(name)
    main(**vars(parser.parse_args()))
