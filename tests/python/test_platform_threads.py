"""The bridge releases the GIL while Rust works: the host's other Python threads keep running
during an action, in the process of the app, under the project's own stand-in for `phantom` and
under the official SDK's. Before the bridge released it, a ticking thread stopped for the whole
action and a WHOIS server thread of the same process never answered (the action timed out)."""

import pytest

from conftest import WHOIS_REPLY
from test_platform_run import VALID, whois_domain

# The ticker's period, and the longest pause between two ticks that still counts as running
# through the action (a starved thread pauses for the whole 2 seconds).
TICK_MS = 10
LONGEST_PAUSE = 0.5
SLOW_SECONDS = 2


def slow(seconds):
    """The action JSON of the fixture's `slow` action: it works `seconds` seconds in Rust,
    checking for cancellation every 10 ms."""
    return {
        "identifier": "slow",
        "asset_id": "10",
        "config": {"server": "fixture.example"},
        "parameters": [{"seconds": seconds}],
    }


def pauses(output):
    """The pauses between the ticks noted while the action ran, in seconds."""
    started, ended = output["run"]
    ticks = [tick for tick in output["ticks"] if started <= tick <= ended]
    edges = [started, *ticks, ended]
    return [later - earlier for earlier, later in zip(edges, edges[1:])]


def succeeded(mode, output):
    """The status of each action result, as each stand-in reports it."""
    if mode == "own":
        return [result["status"] == "success" for result in output["result"]["result_data"]]
    return [result["status"] for result in output["results"]]


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_a_python_thread_keeps_ticking_during_a_two_second_action(run_fixture, mode):
    output = run_fixture(mode, slow(SLOW_SECONDS), "--tick-ms", str(TICK_MS))
    assert succeeded(mode, output) == [True]
    started, ended = output["run"]
    assert ended - started >= SLOW_SECONDS
    gaps = pauses(output)
    assert max(gaps) < LONGEST_PAUSE, (
        f"the ticking thread paused {max(gaps):.3f} s during a {ended - started:.3f} s action "
        f"({len(gaps) - 1} ticks)"
    )


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_a_whois_server_thread_of_the_same_process_answers_the_action(run_on_host, mode):
    # The server's address is filled in by host.py; 5 seconds is far more than a loopback
    # answer takes, and bounds the wait of a bridge that starves the server.
    action = whois_domain("in-process", VALID, timeout=5)
    output = run_on_host(mode, action, "--whois-reply", WHOIS_REPLY)
    if mode == "own":
        (result,) = output["result"]["result_data"]
        assert (result["status"], result["message"]) == (
            "success",
            "Registrar: eNom, Inc., Organization: ENOM, INC.",
        )
    else:
        (result,) = output["results"]
        assert (result["status"], result["message"]) == (
            True,
            "Registrar: eNom, Inc., Organization: ENOM, INC.",
        )
    assert result["data"][0]["registrar"] == "eNom, Inc."


def test_a_panic_while_the_gil_is_released_takes_the_platform_exception_path(run_fixture):
    action = {
        "identifier": "explode",
        "config": {"server": "fixture.example"},
        "parameters": [{"boom": "detached"}, {"boom": "never handled"}],
    }
    result = run_fixture("own", action)["result"]
    (exploded,) = result["result_data"]
    assert (exploded["status"], exploded["message"], exploded["data"]) == (
        "failed",
        "Exception Occurred: boom: detached",
        [{"before": "the panic"}],
    )
    assert (result["status"], result["message"], result["exception_occured"]) == (
        "failed",
        "Exception Occurred: boom: detached",
        True,
    )
