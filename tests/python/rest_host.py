"""Calls an installed app's REST handler the way the platform's web process does.

Usage: python rest_host.py <app dir> <wheel target dir> <input.json> <output.json>

The input is a list of requests, each `method`, `path`, `path_parts`, `query` and `form` (names
with lists of values), `headers`, `body` (text) and optionally `body_read` (the body was
consumed, as Django refuses it after parsing a multipart form) and `refuse_headers` (the
stand-in's `HttpResponse` refuses every header, as Django refuses a bad one). The module and function the app
JSON's `rest_handler` names are imported before any `django` or `phantom` exists, then called as
`handle_request(request, path_parts)` with the stand-in's `django.http.HttpRequest`, with the
project's stand-ins for `django` and `phantom` on the path (`SOAR_STANDIN_HOME` says where the
stand-in keeps the state files). The output has each response (status, headers, content as
text or, when it is no UTF-8, base64) and which of `django` and `phantom` importing the module
imported.
"""

import argparse
import base64
import importlib
import json
import os
import sys


HERE = os.path.dirname(os.path.abspath(__file__))


def handler_of(app_dir):
    (name,) = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, name)) as file:
        app = json.load(file)
    return app["rest_handler"].split(".")


def imported(prefix):
    return any(name.split(".")[0] == prefix for name in sys.modules)


def content_of(raw):
    try:
        return {"text": raw.decode("utf-8")}
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(raw).decode("ascii")}


def main(app_dir, site_dir, input_path, output_path):
    with open(input_path) as file:
        requests = json.load(file)
    module_name, function = handler_of(app_dir)
    sys.path[0:0] = [app_dir, site_dir, os.path.join(HERE, "standin")]
    module = importlib.import_module(module_name)
    at_import = {"django": imported("django"), "phantom": imported("phantom")}
    from django.http import HttpRequest, HttpResponse

    handle = getattr(module, function)
    responses = []
    for given in requests:
        request = HttpRequest(
            given["method"],
            given["path"],
            query=given.get("query"),
            form=given.get("form"),
            headers=given.get("headers"),
            body=given.get("body", "").encode("utf-8"),
            body_read=given.get("body_read", False),
        )
        HttpResponse.refuse_headers = given.get("refuse_headers", False)
        response = handle(request, given["path_parts"])
        assert isinstance(response, HttpResponse), type(response)
        responses.append(
            {
                "status": response.status_code,
                "headers": dict(response.items()),
                "content": content_of(response.content),
            }
        )
    with open(output_path, "w") as file:
        json.dump({"responses": responses, "at_import": at_import}, file)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ["app_dir", "site_dir", "input_path", "output_path"]:
        parser.add_argument(name)
    main(**vars(parser.parse_args()))
