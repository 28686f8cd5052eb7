"""What the end-to-end tests share: the bundle that `cargo xtask test` built, unpacked and
installed as the platform installs an app, and a way to run an action JSON through it."""

import json
import os
import subprocess
import sys
import tarfile

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


def required_env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests with `cargo xtask test`")
    return value


@pytest.fixture(scope="session")
def bundle_path():
    return required_env("SOAR_TEST_BUNDLE")


@pytest.fixture(scope="session")
def runner_path():
    return required_env("SOAR_TEST_RUNNER")


@pytest.fixture(scope="session")
def bundle_members(bundle_path):
    with tarfile.open(bundle_path, "r:gz") as archive:
        return {member.name: member for member in archive.getmembers()}


@pytest.fixture(scope="session")
def installed_app(bundle_path, tmp_path_factory):
    """The app unpacked into `<root>/opt/phantom/apps/<dir>_<appid>/` and its wheels installed
    with `pip install --target`, as the platform installs them. Returns (app dir, target)."""
    root = tmp_path_factory.mktemp("platform")
    unpacked = root / "unpacked"
    with tarfile.open(bundle_path, "r:gz") as archive:
        archive.extractall(unpacked, filter="data")
    (top,) = os.listdir(unpacked)
    app_json = read_app_json(unpacked / top)
    app_dir = root / "opt" / "phantom" / "apps" / f"{top}_{app_json['appid']}"
    app_dir.parent.mkdir(parents=True)
    (unpacked / top).rename(app_dir)
    target = root / "site-packages"
    wheels = [app_dir / wheel["input_file"] for wheel in app_json["pip39_dependencies"]["wheel"]]
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
         "--disable-pip-version-check", "--target", str(target), *map(str, wheels)],
        check=True,
    )
    return app_dir, target


def read_app_json(app_dir):
    (name,) = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, name)) as file:
        return json.load(file)


@pytest.fixture
def run_on_host(installed_app, tmp_path):
    """Runs an action JSON through the installed app under `own` or `sdk` phantom."""

    def run(mode, action):
        app_dir, target = installed_app
        action_path = tmp_path / "action.json"
        output_path = tmp_path / "output.json"
        action_path.write_text(json.dumps(action))
        subprocess.run(
            [sys.executable, os.path.join(HERE, "host.py"), mode, str(app_dir), str(target),
             str(action_path), str(output_path)],
            check=True,
        )
        return json.loads(output_path.read_text())

    return run


@pytest.fixture
def run_locally(runner_path, tmp_path):
    """`<connector> run <action.json>`: the local runner's result JSON."""

    def run(action):
        action_path = tmp_path / "local_action.json"
        action_path.write_text(json.dumps(action))
        completed = subprocess.run(
            [runner_path, "run", str(action_path)], capture_output=True, text=True
        )
        assert completed.returncode in (0, 1), completed.stderr
        return json.loads(completed.stdout)

    return run
