"""The bundle's webhook module, called as the platform's webhook process calls it: AlertDesk's
`webhook.handler` is `handle_webhook` of `<main module stem>_webhook.py`, which takes the
platform's seven arguments, hands the request to the native module and returns the response
dict of the official SDK's `WebhookResponse` (`status_code`, `headers` as (name, value) tuples,
`content`, `is_base64_encoded`). Failures are 500 responses that do not show the asset's
password fields. The module imports nothing of the action process (no `phantom`)."""

import json
import os

import pytest

from conftest import call_host, read_app_json
from test_publishing import assert_lints_clean

SECRET = "hush-hush-0451"
ASSET = {
    "base_url": "https://desk.example",
    "client_id": "integration-7",
    "client_secret": SECRET,
}
ALERT = {"id": "AD-000042", "title": "Beaconing", "severity": "high", "created": "2026-12-04T10:00:00Z"}


def request(method="POST", headers=None, path_parts=(), query=None, body=json.dumps(ALERT), asset=ASSET):
    return {
        "method": method,
        "headers": {"Content-Type": "application/json", "X-AlertDesk-Client": "integration-7"}
        if headers is None
        else headers,
        "path_parts": list(path_parts),
        "query": query or {},
        "body": body,
        "asset": asset,
    }


@pytest.fixture
def call_webhook(installed_alertdesk, tmp_path):
    """Calls the installed AlertDesk app's webhook with `requests` (`webhook_host.py`)."""
    return lambda *requests: call_host("webhook_host.py", installed_alertdesk, tmp_path, requests)


def test_the_handler_names_the_bundles_webhook_module(installed_alertdesk):
    app_dir, _ = installed_alertdesk
    app = read_app_json(app_dir)
    stem = app["main_module"][: -len(".py")]
    assert app["webhook"] == {
        "handler": f"{stem}_webhook.handle_webhook",
        "requires_auth": False,
        "allowed_headers": ["Content-Type", "X-AlertDesk-Client"],
        "ip_allowlist": ["0.0.0.0/0", "::/0"],
    }
    assert os.path.isfile(os.path.join(app_dir, f"{stem}_webhook.py"))


def test_a_pushed_alert_is_answered_by_the_rust_handler(call_webhook):
    called = call_webhook(request(query={"source": ["desk"], "empty": None}))
    assert not called["phantom_after_import"]
    (answered,) = called["responses"]
    assert answered["headers_are_tuples"]
    assert answered["response"] == {
        "status_code": 202,
        "headers": [["Content-Type", "application/json"]],
        "content": json.dumps({"received": "AD-000042", "severity": "high"}, separators=(",", ":")),
        "is_base64_encoded": False,
    }


def test_the_method_path_headers_and_body_reach_the_handler(call_webhook):
    called = call_webhook(
        request(method="get"),
        request(path_parts=["alerts", "1"]),
        request(headers={"x-alertdesk-client": "integration-7"}),
        request(headers={"X-AlertDesk-Client": "integration-8"}),
        request(body="{}"),
        request(body=None),
    )
    statuses = [answered["response"]["status_code"] for answered in called["responses"]]
    assert statuses == [405, 404, 202, 403, 400, 400]
    assert ["Allow", "POST"] in called["responses"][0]["response"]["headers"]
    assert "/alerts/1" in called["responses"][1]["response"]["content"]


def test_failures_are_500_responses_without_the_secret(call_webhook):
    without_base_url = {key: value for key, value in ASSET.items() if key != "base_url"}
    called = call_webhook(request(asset=without_base_url), request(asset="circular"))
    unusable, unreadable = [answered["response"] for answered in called["responses"]]
    assert unusable["status_code"] == 500
    assert json.loads(unusable["content"]) == {
        "error": "the asset configuration cannot be used: Required configuration field 'base_url' is missing"
    }
    assert unreadable["status_code"] == 500
    assert json.loads(unreadable["content"]) == {"error": "the request cannot be passed on (ValueError)"}
    assert SECRET not in json.dumps(called)


def test_the_webhook_module_passes_ruff_and_pylint(installed_alertdesk):
    app_dir, site = installed_alertdesk
    module = os.path.join(app_dir, read_app_json(app_dir)["webhook"]["handler"].split(".")[0] + ".py")
    assert_lints_clean(module, app_dir, site)
