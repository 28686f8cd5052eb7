"""The bundled AlertDesk app polled the way the platform polls it, under the project's own
stand-in for `phantom`, against the fake AlertDesk service (`alertdesk-fake`) on 127.0.0.1: the
containers and artifacts the platform saved, the state it kept (the checkpoint, the access token
encrypted by the platform's encryption helper), and polls after it that save nothing twice."""

import importlib.util
import json
import os
import subprocess
import urllib.request

import pytest

from conftest import HERE, read_app_json, required_env

ASSET_ID = "7"
# What the fake accepts at `POST /oauth/token` (`alertdesk_fake::CLIENT_ID`, `CLIENT_SECRET`).
CLIENT_ID = "soar-client"
CLIENT_SECRET = "alertdesk-client-secret"
LABEL = "alertdesk"
ALERTS = 5
# A scheduled poll passes 4294967295 as its counts: no limit.
SCHEDULED = 4294967295
# The fake's sample alerts 1 to 5, oldest first: the title and severity of `number % 4`.
TITLES = [
    "Outbound connection to a known C2 server",
    "Phishing URL clicked",
    "Malware hash detected on an endpoint",
    "Suspicious DNS lookup",
]
SEVERITIES = ["low", "medium", "high", "high"]  # AlertDesk's `critical` is the platform's `high`
ARTIFACTS = ["Alert Details", "IP Artifact", "Domain Artifact", "URL Artifact", "File Artifact"]


@pytest.fixture
def alertdesk_fake():
    """The fake AlertDesk (the binary `cargo xtask test` built) with five sample alerts, on a free
    port of 127.0.0.1; yields its base URL."""
    fake = subprocess.Popen(
        [required_env("SOAR_TEST_ALERTDESK_FAKE"), "--alerts", str(ALERTS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = fake.stdout.readline()
        assert line.startswith("listening on http://127.0.0.1:"), line
        yield line.split()[-1]
    finally:
        fake.terminate()
        fake.wait(timeout=10)


def on_poll(base_url):
    """The action JSON of a scheduled poll of the fake at `base_url`, with every configuration
    field the asset form would fill in."""
    return {
        "action": "on poll",
        "identifier": "on_poll",
        "asset_id": ASSET_ID,
        "config": {
            "base_url": base_url,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "verify_server_cert": False,
            "timeout": 10,
            "max_retries": 1,
            "first_poll_days": 1,
            "ingest": {"container_label": LABEL},
        },
        "parameters": [
            {"container_count": SCHEDULED, "artifact_count": SCHEDULED},
        ],
    }


def saved(standin_home, kind):
    """What the stand-in saved of one kind (`containers`, `artifacts`)."""
    path = standin_home / f"{kind}.json"
    return json.loads(path.read_text()) if path.exists() else []


def state_path(standin_home, installed_alertdesk):
    app_dir, _ = installed_alertdesk
    appid = read_app_json(app_dir)["appid"]
    return standin_home / "state" / appid / f"{ASSET_ID}_state.json"


def standin_encryption_helper():
    """The stand-in's `encryption_helper` module, to decrypt what the app stored."""
    path = os.path.join(HERE, "standin", "encryption_helper.py")
    spec = importlib.util.spec_from_file_location("standin_encryption_helper", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def poll(run_alertdesk, base_url):
    result = run_alertdesk("own", on_poll(base_url))["result"]
    assert (result["status"], result["exception_occured"]) == ("success", False), result
    return result


def test_a_poll_saves_each_alert_as_a_container_with_its_artifacts(
    run_alertdesk, alertdesk_fake, standin_home
):
    result = poll(run_alertdesk, alertdesk_fake)
    summary = result["result_summary"]
    assert (summary["containers_successful"], summary["artifacts_successful"]) == (
        ALERTS,
        ALERTS * len(ARTIFACTS),
    )
    containers = saved(standin_home, "containers")
    assert [
        (c["id"], c["name"], c["source_data_identifier"], c["label"], c["severity"], c["asset_id"])
        for c in containers
    ] == [
        (n, TITLES[n % 4], f"AD-{n:06}", LABEL, SEVERITIES[n % 4], ASSET_ID)
        for n in range(1, ALERTS + 1)
    ]
    artifacts = saved(standin_home, "artifacts")
    for container in containers:
        mine = [a for a in artifacts if a["container_id"] == container["id"]]
        alert = container["source_data_identifier"]
        assert [a["name"] for a in mine] == ARTIFACTS
        assert [a["source_data_identifier"] for a in mine] == [
            f"{alert}:alert", f"{alert}:0", f"{alert}:1", f"{alert}:2", f"{alert}:3"
        ]
        # Only the container's last artifact starts the playbooks.
        assert [a["run_automation"] for a in mine] == [False] * 4 + [True]
        assert all(a["cef"]["alertId"] == alert for a in mine)
    first = [a for a in artifacts if a["container_id"] == 1]
    assert first[1]["cef"] == {"destinationAddress": "203.0.113.2", "alertId": "AD-000001"}
    assert first[1]["cef_types"] == {
        "destinationAddress": ["ip", "ipv6"],
        "alertId": ["alertdesk alert id"],
    }
    assert first[4]["cef"]["fileHash"] == f"{1:064x}"
    assert first[4]["cef_types"]["fileHash"] == ["hash", "sha256"]


def test_the_state_keeps_the_checkpoint_and_the_token_encrypted(
    run_alertdesk, alertdesk_fake, standin_home, installed_alertdesk
):
    poll(run_alertdesk, alertdesk_fake)
    text = state_path(standin_home, installed_alertdesk).read_text()
    state = json.loads(text)
    assert state["soar_checkpoints"]["alerts"]["id"] == f"AD-{ALERTS:06}"
    assert state["app_version"] == read_app_json(installed_alertdesk[0])["app_version"]
    sealed = state["token"]["access_token"]
    assert sealed.startswith(standin_encryption_helper().PREFIX)
    token = standin_encryption_helper().decrypt(sealed, ASSET_ID)
    assert token and token not in text
    assert CLIENT_SECRET not in text
    # What was sealed is the token the service issued: it still opens the API.
    request = urllib.request.Request(
        f"{alertdesk_fake}/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert json.load(answer)["client_id"] == CLIENT_ID


def test_polls_after_the_first_save_nothing_twice(
    run_alertdesk, alertdesk_fake, standin_home, installed_alertdesk
):
    poll(run_alertdesk, alertdesk_fake)
    containers, artifacts = saved(standin_home, "containers"), saved(standin_home, "artifacts")
    # The next poll starts after the checkpoint: nothing new.
    again = poll(run_alertdesk, alertdesk_fake)
    assert again["result_summary"].get("containers_successful", 0) == 0
    assert (saved(standin_home, "containers"), saved(standin_home, "artifacts")) == (
        containers,
        artifacts,
    )
    # Without the checkpoint every alert comes again: the platform finds them all duplicates.
    path = state_path(standin_home, installed_alertdesk)
    state = json.loads(path.read_text())
    del state["soar_checkpoints"]
    path.write_text(json.dumps(state))
    summary = poll(run_alertdesk, alertdesk_fake)["result_summary"]
    assert {key: summary[key] for key in summary if key.startswith(("containers_", "artifacts_"))} == {
        "containers_successful": 0,
        "containers_duplicate": ALERTS,
        "containers_failed": 0,
        "artifacts_successful": 0,
        "artifacts_duplicate": ALERTS * len(ARTIFACTS),
        "artifacts_failed": 0,
    }
    assert (saved(standin_home, "containers"), saved(standin_home, "artifacts")) == (
        containers,
        artifacts,
    )
