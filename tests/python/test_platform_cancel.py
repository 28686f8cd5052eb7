"""Cancellation on the platform path: the platform sends SIGTERM to the action's process and its
handler calls `handle_cancel` (the own stand-in does exactly that, `BaseConnector._on_sigterm`).
The cancellation must reach the Rust session while Rust works, stop the action cooperatively,
run the connector's `handle_cancel` and `finalize`, and give `action_cancelled: true`."""

import signal
import time

from conftest import HOST_TIMEOUT
from test_platform_threads import slow

# Far longer than the test may take: an action that was not stopped would still be running.
UNSTOPPED_SECONDS = 600
# Ample time for a save_progress call to return.
IN_RUST = 0.2


def wait_for_line(stream, wanted):
    """Reads `stream` up to the line `wanted`; returns what was read before it."""
    seen = []
    for line in stream:
        if line.rstrip("\n") == wanted:
            return seen
        seen.append(line)
    raise AssertionError(f"the process ended before printing {wanted!r}:\n{''.join(seen)}")


def test_sigterm_stops_a_working_action_and_finalize_runs(run_fixture):
    action = slow(UNSTOPPED_SECONDS)
    action["parameters"].append({"seconds": 0})
    process = run_fixture.start("own", action)
    try:
        # The own stand-in prints each progress line on stderr: the handler is working now.
        wait_for_line(process.stderr, "save_progress: slow started")
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=HOST_TIMEOUT)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    result = run_fixture.output()["result"]
    # The handler saw the cancellation and stopped; the second dict was not handled.
    assert [(r["status"], r["message"]) for r in result["result_data"]] == [
        ("failed", "Stopped: cancelled")
    ]
    assert result["action_cancelled"] is True
    assert result["exception_occured"] is False
    assert (result["status"], result["message"]) == (
        "failed",
        "Action cancelled. 0 actions succeeded",
    )
    # The connector's handle_cancel and finalize ran (each adds a summary key).
    assert result["result_summary"] == {
        "total_objects": 1,
        "total_objects_successful": 0,
        "cancel_seen": True,
        "finalized": True,
    }


def test_an_exception_a_signal_handler_raises_while_rust_works_stops_the_run(run_fixture):
    # Python's own SIGINT handler raises KeyboardInterrupt: it cancels the Rust session, which
    # stops, and the exception is raised from handle_action, as in a connector written in Python.
    process = run_fixture.start("own", slow(UNSTOPPED_SECONDS))
    try:
        wait_for_line(process.stderr, "save_progress: slow started")
        # Past the end of that save_progress call (a handler that raises inside a platform call
        # raises there), into the Rust loop that only sleeps and checks for cancellation.
        time.sleep(IN_RUST)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=HOST_TIMEOUT)
    finally:
        process.kill()
    assert process.returncode != 0
    assert stderr.rstrip().endswith("KeyboardInterrupt"), stderr
