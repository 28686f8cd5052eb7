"""The bundle's view module, called as the platform's web process calls it: the results of a
real `whois domain` run through the installed bundle become `all_app_runs` as the official
SDK's view tests build it (a list of (app run summary, [ActionResult]) pairs, here of each
`phantom` stand-in's own ActionResult), and the view function that `render.view` names returns
the registration card with `context["prerender"] = True`. The view module imports nothing of
the action process (no `phantom`)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import HOST_TIMEOUT, read_app_json
from test_platform_run import VALID, whois_domain
from test_publishing import assert_lints_clean

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture
def call_view(installed_app, tmp_path):
    """Calls the installed WHOIS app's view of `identifier` under `mode` phantom with `runs`
    (`view_host.py`); returns what it wrote."""

    def call(mode, runs, identifier="whois_domain", raw=False):
        app_dir, target = installed_app
        given = tmp_path / "view_input.json"
        given.write_text(json.dumps({"identifier": identifier, "runs": runs, "raw": raw}))
        output = tmp_path / "view_output.json"
        completed = subprocess.run(
            [sys.executable, os.path.join(HERE, "view_host.py"), mode, str(app_dir), str(target),
             str(given), str(output)],
            capture_output=True, text=True, timeout=HOST_TIMEOUT,
        )
        assert completed.returncode == 0, completed.stderr
        return json.loads(output.read_text())

    return call


def recorded_results(run_result):
    """The results of a connector run result as `view_host.py` makes ActionResults of them."""
    return [
        {
            "parameter": result["parameter"],
            "data": result["data"],
            "summary": result["summary"],
            "success": result["status"] == "success",
            "message": result["message"],
        }
        for result in run_result["result_data"]
    ]


@pytest.fixture
def real_runs(run_on_host, whois_server):
    """One app run of `whois domain` through the installed bundle: enom.com found, and a
    parameter that fails validation."""
    run = run_on_host("own", whois_domain(whois_server, VALID, {"domain": "a@b.c"}))["result"]
    summary = {"total_objects": 2, "total_objects_successful": 1}
    return [[summary, recorded_results(run)]]


def test_the_render_names_the_view_module_and_the_platform_version_follows(installed_app):
    app_dir, _ = installed_app
    app = read_app_json(app_dir)
    (action,) = [action for action in app["actions"] if action["identifier"] == "whois_domain"]
    stem = app["main_module"][: -len(".py")]
    assert action["render"] == {
        "type": "custom",
        "view": f"{stem}_view.view_whois_domain",
        "width": 6,
        "height": 8,
        "title": "Registration",
    }
    assert os.path.isfile(os.path.join(app_dir, f"{stem}_view.py"))
    assert app["min_phantom_version"] == "7.0.0"


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_the_view_renders_a_real_run_under_each_phantom(call_view, real_runs, mode):
    shown = call_view(mode, real_runs)
    assert shown["prerender"] is True
    assert shown["phantom_after_import"] is False
    html = shown["html"]
    assert "eNom, Inc." in html
    for server in ("dns11.enom.com", "dns12.enom.com", "dns13.enom.com"):
        assert f"<li>{server}</li>" in html
    # The failed result shows its message; the card is the widget's, with its stylesheet.
    assert "Parameter &#39;domain&#39; failed validation" in html, html
    assert html.startswith("<style>") and '<div class="soar-view">' in html


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_results_of_an_older_shape_and_hostile_values_render_escaped(call_view, mode):
    hostile = "<script>alert('hi')</script>"
    runs = [[{"total_objects": 1}, [{
        "parameter": {"domain": hostile},
        "data": [{"domain": hostile, "registrar": hostile}],
        "summary": {"registrar": hostile},
        "success": True,
        "message": hostile,
    }]]]
    html = call_view(mode, runs)["html"]
    assert "missing field" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("mode", ["own", "sdk"])
def test_app_runs_that_cannot_be_read_give_an_error_card(call_view, mode):
    shown = call_view(mode, [None], raw=True)
    assert shown["prerender"] is True
    assert "cannot be shown" in shown["html"] and "the app runs cannot be read" in shown["html"]


def test_the_view_module_passes_ruff_and_pylint_with_splunks_settings(installed_app):
    app_dir, site = installed_app
    stem = read_app_json(app_dir)["main_module"][: -len(".py")]
    assert_lints_clean(os.path.join(app_dir, f"{stem}_view.py"), app_dir, site)
