"""The bundle's REST module, called as the platform's web process calls it: AlertDesk's
`rest_handler` is `handle_request` of `<main module stem>_rest.py`, which takes Django's
`HttpRequest` and the path's parts, hands the request to the native module and returns a Django
`HttpResponse`. The Rust handler reads the asset's state where the actions keep it
(`<APPS_STATE_PATH>/<appid>/<asset_id>_state.json`), so what a poll saved is what it shows.
The module imports neither Django nor `phantom` until a request comes."""

import json
import os

import pytest

from conftest import call_host, read_app_json
from test_platform_poll import ASSET_ID, alertdesk_fake, poll, state_path  # noqa: F401 (a fixture)
from test_publishing import assert_lints_clean




def request(method="GET", route="poll_status", query=None, **extra):
    """A request to `<asset name>/<route>` below the app's REST URL."""
    path_parts = ["desk", *([route] if route else [])]
    return {
        "method": method,
        "path": "/rest/handler/alertdesk_10f8301c-abec-432e-ac9d-7244a3362f6d/" + "/".join(path_parts),
        "path_parts": path_parts,
        "query": {"asset_id": [ASSET_ID]} if query is None else query,
        "form": {},
        "headers": {"Accept": "application/json"},
        "body": "",
        **extra,
    }


@pytest.fixture
def call_rest(installed_alertdesk, tmp_path, standin_home):
    """Calls the installed AlertDesk app's REST handler with `requests` (`rest_host.py`)."""
    home = {"SOAR_STANDIN_HOME": str(standin_home)}
    return lambda *requests: call_host("rest_host.py", installed_alertdesk, tmp_path, requests, home)


def test_the_handler_names_the_bundles_rest_module(installed_alertdesk):
    app_dir, _ = installed_alertdesk
    app = read_app_json(app_dir)
    stem = app["main_module"][: -len(".py")]
    assert app["rest_handler"] == f"{stem}_rest.handle_request"
    assert os.path.isfile(os.path.join(app_dir, f"{stem}_rest.py"))


def test_the_status_shows_what_the_poll_saved_in_the_assets_state(
    call_rest, run_alertdesk, alertdesk_fake, standin_home, installed_alertdesk
):
    before = call_rest(request())
    assert before["at_import"] == {"django": False, "phantom": False}
    (never_polled,) = before["responses"]
    assert never_polled["status"] == 200
    assert never_polled["headers"]["Content-Type"] == "application/json"
    assert json.loads(never_polled["content"]["text"]) == {"asset_id": ASSET_ID, "last_alert": None}

    poll(run_alertdesk, alertdesk_fake)
    state = json.loads(state_path(standin_home, installed_alertdesk).read_text())
    (after,) = call_rest(request())["responses"]
    assert after["status"] == 200
    shown = json.loads(after["content"]["text"])
    assert shown["last_alert"] == state["soar_checkpoints"]["alerts"]
    assert shown["last_alert"]["id"].startswith("AD-")
    assert state["token"]["access_token"], "the poll cached its token in the state"
    assert "access_token" not in after["content"]["text"], "the state's other keys are not shown"


def test_the_method_route_and_query_reach_the_handler(call_rest):
    called = call_rest(
        request(method="POST"),
        request(route="result"),
        request(route=None),
        request(query={}),
        request(query={"asset_id": ["../7"]}),
        request(body_read=True),
    )
    statuses = [response["status"] for response in called["responses"]]
    assert statuses == [405, 404, 404, 400, 400, 200]
    assert called["responses"][0]["headers"]["Allow"] == "GET"
    assert json.loads(called["responses"][1]["content"]["text"]) == {"error": "no such resource: /result"}


def test_a_response_django_refuses_is_still_a_response(call_rest):
    (refused,) = call_rest(request(method="POST", refuse_headers=True))["responses"]
    assert refused["status"] == 500
    assert refused["headers"]["Content-Type"] == "application/json"
    assert json.loads(refused["content"]["text"]) == {"error": "Django refused the response (BadHeaderError)"}


def test_a_state_that_cannot_be_read_is_a_500(call_rest, standin_home, installed_alertdesk):
    path = state_path(standin_home, installed_alertdesk)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"soar_checkpoints": {"alerts": {"id": 42}}}))
    (broken,) = call_rest(request())["responses"]
    assert broken["status"] == 500
    assert json.loads(broken["content"]["text"])["error"].startswith(
        "the REST handler failed: the poll's checkpoint cannot be read"
    )


def test_the_rest_module_passes_ruff_and_pylint(installed_alertdesk):
    """Django, like `phantom`, is the platform's: the module imports it when a request comes."""
    app_dir, site = installed_alertdesk
    module = os.path.join(app_dir, read_app_json(app_dir)["rest_handler"].split(".")[0] + ".py")
    assert_lints_clean(module, app_dir, site, ignored_modules=("phantom", "django"))
