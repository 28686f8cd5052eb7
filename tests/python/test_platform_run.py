"""The bundled WHOIS app loaded and run like the platform loads and runs it, against a WHOIS
server on 127.0.0.1 that answers a real .com registrar record from the shared corpus.

The paths WHOIS cannot take go through the bundled fixture connector (`test_platform_threads.py`,
`test_platform_cancel.py`) or are pinned by its Rust tests (`tests/tests/lifecycle.rs`)."""

import json

import pytest

from conftest import read_app_json

VALID = {"domain": " enom.com ", "unused": ""}
INVALID = {"domain": "a@b.c"}
INVALID_MESSAGE = "Parameter 'domain' failed validation"
# The `CASES` whose run succeeds.
SUCCEEDING = {"test-connectivity", "context"}


def whois_domain(server, *dicts, **config):
    """The action JSON of `whois_domain` for `dicts`, asking `server` (`host:port`)."""
    return {
        "action": "whois domain",
        "identifier": "whois_domain",
        "asset_id": "10",
        "container_id": 42,
        "config": {"whois_server": f" {server} ", "timeout": 10, **config},
        "parameters": list(dicts),
    }


def enom_contact(email=None, phone=None):
    """A contact of the enom.com record: every one is eNom's DNS manager in Kirkland."""
    return {
        "name": "DNS MANAGER",
        "organization": "ENOM, INC.",
        "email": email,
        "phone": phone,
        "street": ["P.O. BOX 7449", "5808 LAKE WASHINGTON BLVD. NE, SUITE 300"],
        "city": "KIRKLAND",
        "state": "WA",
        "postal_code": "98033",
        "country": "US",
    }


@pytest.fixture
def whois_record(whois_server, whois_reply):
    """The `whois_domain` output for enom.com, as the canned reply says it."""
    staff = enom_contact("DOMAINS@DEMANDMEDIA.COM", "+1.4259744689")
    return {
        "domain": "enom.com",
        "registered": True,
        "registrar": "eNom, Inc.",
        "created": "1997-10-24",
        "updated": None,
        "expires": None,
        "nameservers": ["dns11.enom.com", "dns12.enom.com", "dns13.enom.com"],
        "statuses": [],
        # The registrant lists neither e-mail nor phone; there is no billing contact.
        "contacts": {"registrant": enom_contact(), "admin": staff, "tech": staff, "billing": None},
        "server": whois_server,
        "referral_server": None,
        "raw": whois_reply.decode(),
    }


def test_own_phantom_runs_the_whole_lifecycle_and_prints_what_the_local_runner_prints(
    run_on_host, run_locally, whois_server, whois_record
):
    action = whois_domain(whois_server, VALID, INVALID)
    hosted = run_on_host("own", action)
    assert hosted["result"] == {
        "identifier": "whois_domain",
        "result_data": [
            {
                "data": [whois_record],
                "extra_data": [],
                "summary": {"registrar": "eNom, Inc.", "organization": "ENOM, INC."},
                "status": "success",
                "message": "Registrar: eNom, Inc., Organization: ENOM, INC.",
                "parameter": {"domain": "enom.com"},
                "context": {},
            },
            {
                "data": [],
                "extra_data": [],
                "summary": {},
                "status": "failed",
                "message": INVALID_MESSAGE,
                "parameter": INVALID,
                "context": {},
            },
        ],
        "result_summary": {"total_objects": 2, "total_objects_successful": 1},
        "status": "success",
        "message": "1 action succeeded",
        "exception_occured": False,
        "action_cancelled": False,
    }
    assert hosted["result"] == recordable(run_locally(action))


def test_progress_and_logs_reach_the_base_connector(run_on_host, whois_server):
    log = run_on_host("own", whois_domain(whois_server, VALID))["log"]
    assert ["save_progress", "Looking up enom.com"] in log
    assert any(entry[:2] == ["debug_print", "whois_server"] for entry in log), log


# Runs that end every way a WHOIS run can, by name: each builds its action JSON from the
# WHOIS server's address and an address where nothing listens.
CASES = {
    # A configuration initialize refuses: no dict is handled, finalize still runs.
    "failing-initialize": lambda server, closed: whois_domain(server, VALID, timeout=0),
    # The handler's error: the action result fails, the run goes on to the next dict.
    "unreachable-server": lambda server, closed: whois_domain(closed, VALID, VALID),
    # Parameters missing: the action runs once with {}.
    "test-connectivity": lambda server, closed: {
        "identifier": "test_asset_connectivity",
        "config": {"whois_server": server, "timeout": 10},
    },
    # Context kept apart from the parameter.
    "context": lambda server, closed: whois_domain(
        server, dict(VALID, context={"artifact_id": 7, "guid": "g"})
    ),
    # Before any dict: an unknown action, no config at all, a required field missing.
    "unknown-action": lambda server, closed: {"identifier": "no_such_action", "config": {}},
    "missing-config": lambda server, closed: {"identifier": "whois_domain", "parameters": [VALID]},
    "missing-timeout": lambda server, closed: {
        "identifier": "whois_domain",
        "config": {"whois_server": server},
        "parameters": [VALID],
    },
}


@pytest.mark.parametrize("case", CASES)
def test_own_phantom_agrees_with_the_local_runner(
    run_on_host, run_locally, whois_server, closed_port, case
):
    action = CASES[case](whois_server, closed_port)
    hosted = run_on_host("own", action)["result"]
    assert hosted == recordable(run_locally(action))
    assert hosted["status"] == ("success" if case in SUCCEEDING else "failed")


def test_failing_initialize_takes_the_platform_path(run_on_host, whois_server):
    failed = run_on_host("own", whois_domain(whois_server, VALID, timeout=0))["result"]
    assert (failed["status"], failed["message"], failed["result_data"]) == (
        "failed",
        "Configuration field 'timeout' is invalid: it must be at least 1 second",
        [],
    )


def recordable(result):
    """The run result without `debug_data`: the bridge records results through the
    ActionResult subset every BaseConnector has, which has no debug data."""
    for action_result in result["result_data"]:
        action_result.pop("debug_data", None)
    return result


def test_the_official_sdk_shims_collect_the_action_results(
    run_on_host, whois_server, whois_record
):
    # The SDK's off-platform BaseConnector never calls initialize or finalize: the bridge
    # starts the Rust session lazily on the first handle_action.
    collected = run_on_host("sdk", whois_domain(whois_server, VALID, INVALID))["results"]
    assert collected == [
        {
            "status": True,
            "message": "Registrar: eNom, Inc., Organization: ENOM, INC.",
            "data": [whois_record],
            "summary": {"registrar": "eNom, Inc.", "organization": "ENOM, INC."},
            "parameter": {"domain": "enom.com"},
        },
        {
            "status": False,
            "message": INVALID_MESSAGE,
            "data": [],
            "summary": {},
            "parameter": INVALID,
        },
    ]


def test_the_state_goes_through_the_base_connector(run_on_host, whois_server, standin_home,
                                                   installed_app):
    # The runtime loads the state before the run and saves it after finalize, through the
    # platform's load_state and save_state, which add the app's version.
    run_on_host("own", whois_domain(whois_server, VALID))
    app_json = read_app_json(installed_app[0])
    path = standin_home / "state" / app_json["appid"] / "10_state.json"
    assert json.loads(path.read_text()) == {"app_version": app_json["app_version"]}
