"""The bundled app loaded and run like the platform loads and runs it."""

import pytest

CONFIG = {"server": "  whois.example ", "token": "s3cret-canary"}


def lookup_ip(*dicts, config=None):
    return {
        "action": "lookup ip",
        "identifier": "lookup_ip",
        "asset_id": "10",
        "container_id": 42,
        "config": dict(CONFIG, **(config or {})),
        "parameters": list(dicts),
    }


VALID = {"ip": " 10.0.0.1 ", "count": "3", "note": ""}
INVALID = {"ip": "not-an-ip"}


def test_own_phantom_runs_the_whole_lifecycle_and_prints_what_the_local_runner_prints(
    run_on_host, run_locally
):
    action = lookup_ip(VALID, INVALID)
    hosted = run_on_host("own", action)
    assert hosted["result"] == {
        "identifier": "lookup_ip",
        "result_data": [
            {
                "data": [{"ip": "10.0.0.1", "count": 3}],
                "extra_data": [],
                "summary": {"looked_up": "10.0.0.1"},
                "status": "success",
                "message": "Looked up: 10.0.0.1",
                "parameter": {"ip": "10.0.0.1", "count": "3"},
                "context": {},
            },
            {
                "data": [],
                "extra_data": [],
                "summary": {},
                "status": "failed",
                "message": "Parameter 'ip' failed validation",
                "parameter": {"ip": "not-an-ip"},
                "context": {},
            },
        ],
        "result_summary": {"total_objects": 2, "total_objects_successful": 1, "finalized": True},
        "status": "success",
        "message": "1 action succeeded",
        "exception_occured": False,
        "action_cancelled": False,
    }
    assert hosted["result"] == run_locally(action)


def test_progress_and_logs_reach_the_base_connector_and_secrets_do_not(run_on_host):
    hosted = run_on_host("own", lookup_ip(VALID))
    log = hosted["log"]
    assert ["save_progress", "Using server whois.example"] in log
    assert any(entry[0] == "debug_print" and entry[1] == "config" for entry in log), log
    assert "s3cret-canary" not in str(log)


@pytest.mark.parametrize(
    "action",
    [
        # A failing initialize: no dict is handled, finalize still runs.
        lookup_ip(VALID, config={"fail_init": True}),
        # A panic: the platform's exception path; the remaining dicts are not handled.
        {
            "identifier": "explode",
            "config": CONFIG,
            "parameters": [{"boom": "bang"}, {}],
        },
        # The connector-level status and summary.
        {"identifier": "connector_status", "config": CONFIG, "parameters": [{"fail": True}]},
        # Context kept apart from the parameter; parameters missing run once with {}.
        {"identifier": "test_asset_connectivity", "config": CONFIG},
        lookup_ip({"ip": "10.0.0.2", "context": {"artifact_id": 7, "guid": "g"}}),
        # Before any dict: an unknown action, a missing required config field.
        {"identifier": "no_such_action", "config": CONFIG},
        {"identifier": "lookup_ip", "config": {}, "parameters": [VALID]},
    ],
    ids=["failing-initialize", "panic", "connector-status", "no-parameters", "context",
         "unknown-action", "missing-config"],
)
def test_own_phantom_agrees_with_the_local_runner(run_on_host, run_locally, action):
    assert run_on_host("own", action)["result"] == recordable(run_locally(action))


def recordable(result):
    """The run result without `debug_data`: the bridge records results through the
    ActionResult subset every BaseConnector has, which has no debug data."""
    for action_result in result["result_data"]:
        action_result.pop("debug_data", None)
    return result


def test_failing_initialize_and_panic_take_the_platform_paths(run_on_host):
    failed = run_on_host("own", lookup_ip(VALID, config={"fail_init": True}))["result"]
    assert (failed["status"], failed["message"], failed["result_data"]) == (
        "failed",
        "Initialize failed: the asset says so",
        [],
    )
    panicked = run_on_host(
        "own", {"identifier": "explode", "config": CONFIG, "parameters": [{"boom": "bang"}, {}]}
    )["result"]
    assert panicked["exception_occured"] is True
    assert panicked["message"] == "Exception Occurred: boom: bang"
    assert len(panicked["result_data"]) == 1


def test_the_official_sdk_shims_collect_the_action_results(run_on_host):
    # The SDK's off-platform BaseConnector never calls initialize or finalize: the bridge
    # starts the Rust session lazily on the first handle_action.
    collected = run_on_host("sdk", lookup_ip(VALID, INVALID))["results"]
    assert collected == [
        {
            "status": True,
            "message": "Looked up: 10.0.0.1",
            "data": [{"ip": "10.0.0.1", "count": 3}],
            "summary": {"looked_up": "10.0.0.1"},
            "parameter": {"ip": "10.0.0.1", "count": "3"},
        },
        {
            "status": False,
            "message": "Parameter 'ip' failed validation",
            "data": [],
            "summary": {},
            "parameter": {"ip": "not-an-ip"},
        },
    ]
