"""An app's own wheels ship in the bundle beside the connector's and install as the platform
installs them: the fixture app (`tests/fixtures/fixture_app.json`) lists the pure-Python wheel
of `tests/wheels/` for Python 3.9 and 3.13."""

import subprocess
import sys

from conftest import read_app_json

OWN_WHEEL = "wheels/py3/soar_fixture_extra-1.0.0-py3-none-any.whl"


def test_the_app_lists_its_wheel_before_the_connectors(installed_fixture):
    app_dir, _ = installed_fixture
    app_json = read_app_json(app_dir)
    for key in ("pip39_dependencies", "pip313_dependencies"):
        listed = app_json[key]["wheel"]
        assert listed[0] == {"module": "soar_fixture_extra", "input_file": OWN_WHEEL}, key
        assert len(listed) == 2, listed
        assert listed[1]["input_file"].startswith("wheels/shared/"), listed
        assert listed[1]["input_file"].endswith("-cp39-abi3-manylinux_2_28_x86_64.whl"), listed
    assert (app_dir / OWN_WHEEL).is_file()


def test_the_platforms_pip_installs_the_apps_wheel_beside_the_connectors(installed_fixture):
    app_dir, target = installed_fixture
    completed = subprocess.run(
        [sys.executable, "-c", "import soar_fixture_extra, sys; sys.stdout.write(soar_fixture_extra.GREETING)"],
        cwd=app_dir,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout == "installed beside the connector"
    installed = sorted(path.name for path in target.iterdir() if path.name.endswith(".dist-info"))
    assert "soar_fixture_extra-1.0.0.dist-info" in installed, installed
    assert len(installed) == 2, installed
