"""The project `cargo soar new` writes, bundled by `cargo soar bundle` with no edit, installed
as the platform installs an app and run under both `phantom` stand-ins: test connectivity and
its action."""

import pytest


def action(identifier, *dicts):
    return {
        "action": identifier.replace("_", " "),
        "identifier": identifier,
        "asset_id": "7",
        "config": {"base_url": "https://api.example.com", "timeout": 30},
        "parameters": list(dicts),
    }


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_test_connectivity_passes(run_new_project, mode):
    hosted = run_new_project(mode, action("test_asset_connectivity", {}))
    if mode == "own":
        assert hosted["result"]["status"] == "success", hosted
        assert ["save_progress", "Test Connectivity Passed"] in hosted["log"]
    else:
        assert [result["status"] for result in hosted["results"]] == [True], hosted


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_describe_domain_runs_and_validates_its_parameter(run_new_project, mode):
    hosted = run_new_project(
        mode, action("describe_domain", {"domain": "www.example.com"}, {"domain": "192.0.2.1"})
    )
    expected_data = [{"domain": "www.example.com", "tld": "com", "labels": 3}]
    if mode == "own":
        result = hosted["result"]
        assert result["status"] == "success"
        first, second = result["result_data"]
        assert (first["status"], first["message"], first["data"]) == (
            "success", "www.example.com has 3 labels", expected_data
        )
        assert second["status"] == "failed"
        assert second["message"].startswith("Parameter 'domain' failed validation")
    else:
        first, second = hosted["results"]
        assert (first["status"], first["message"], first["data"]) == (
            True, "www.example.com has 3 labels", expected_data
        )
        assert second["status"] is False
