"""What the end-to-end tests share: the bundle that `cargo xtask test` built, unpacked and
installed as the platform installs an app, and a way to run an action JSON through it."""

import json
import os
import socket
import subprocess
import sys
import tarfile

import pytest

from loopback import serve_whois

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "corpus"))
# A thick .com registrar record: no referral to follow, so one server answers the lookup.
WHOIS_REPLY = os.path.join(CORPUS, "whois", "domain", "whois.enom.com__com__status_registered.txt")


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


def install(bundle_path, root):
    """The app of `bundle_path` unpacked into `<root>/opt/phantom/apps/<dir>_<appid>/` and its
    wheels for this Python (`pip3<minor>_dependencies`) installed with `pip install --target`,
    as the platform installs them. Returns (app dir, target)."""
    unpacked = root / "unpacked"
    with tarfile.open(bundle_path, "r:gz") as archive:
        archive.extractall(unpacked, filter="data")
    (top,) = os.listdir(unpacked)
    app_json = read_app_json(unpacked / top)
    app_dir = root / "opt" / "phantom" / "apps" / f"{top}_{app_json['appid']}"
    app_dir.parent.mkdir(parents=True)
    (unpacked / top).rename(app_dir)
    target = root / "site-packages"
    listed = app_json[f"pip3{sys.version_info.minor}_dependencies"]["wheel"]
    wheels = [app_dir / wheel["input_file"] for wheel in listed]
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
         "--disable-pip-version-check", "--target", str(target), *map(str, wheels)],
        check=True,
    )
    return app_dir, target


@pytest.fixture(scope="session")
def installed_app(bundle_path, tmp_path_factory):
    """The WHOIS bundle, installed (`install`)."""
    return install(bundle_path, tmp_path_factory.mktemp("platform"))


def read_app_json(app_dir):
    (name,) = [name for name in os.listdir(app_dir) if name.endswith(".json")]
    with open(os.path.join(app_dir, name)) as file:
        return json.load(file)


@pytest.fixture
def standin_home(tmp_path):
    """Where the own stand-in keeps what the platform would (`SOAR_STANDIN_HOME`): state files,
    containers, artifacts, the vault. One per test, shared by the runs of the test."""
    return tmp_path / "standin"


class HostRunner:
    """Runs action JSONs through an installed app (`install`) under `own` or `sdk` phantom, in a
    `host.py` process each. Calling it runs one and returns what `host.py` wrote; `start` starts
    one (its stderr piped, where the own stand-in prints progress) and `output` reads what it
    wrote once it has ended."""

    def __init__(self, installed, workdir, standin_home):
        self.installed = installed
        self.workdir = workdir
        self.standin_home = standin_home

    def start(self, mode, action, *options):
        """Starts `host.py <mode> ... [options]` for `action`; returns the process."""
        app_dir, target = self.installed
        action_path = self.workdir / "action.json"
        action_path.write_text(json.dumps(action))
        return subprocess.Popen(
            [sys.executable, os.path.join(HERE, "host.py"), mode, str(app_dir), str(target),
             str(action_path), str(self.workdir / "output.json"), *options],
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, SOAR_STANDIN_HOME=str(self.standin_home)),
        )

    def output(self):
        return json.loads((self.workdir / "output.json").read_text())

    def __call__(self, mode, action, *options):
        process = self.start(mode, action, *options)
        _, stderr = process.communicate(timeout=HOST_TIMEOUT)
        assert process.returncode == 0, stderr
        return self.output()


# How long a `host.py` run may take: a run that hangs fails instead of blocking the suite.
HOST_TIMEOUT = 60


def call_host(script, installed, workdir, requests, env=None):
    """Runs `<script> <app dir> <wheel target dir> <input.json> <output.json>` (a host of this
    directory that calls an installed app's entry point as a platform process does) for the
    list `requests`; returns the JSON it wrote."""
    app_dir, target = installed
    name = os.path.splitext(script)[0]
    given = workdir / f"{name}_input.json"
    given.write_text(json.dumps(list(requests)))
    output = workdir / f"{name}_output.json"
    completed = subprocess.run(
        [sys.executable, os.path.join(HERE, script), str(app_dir), str(target), str(given), str(output)],
        capture_output=True, text=True, timeout=HOST_TIMEOUT, env=dict(os.environ, **(env or {})),
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(output.read_text())


@pytest.fixture
def run_on_host(installed_app, tmp_path, standin_home):
    """Runs an action JSON through the installed WHOIS app under `own` or `sdk` phantom."""
    return HostRunner(installed_app, tmp_path, standin_home)


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


@pytest.fixture(scope="session")
def whois_reply():
    """The canned WHOIS reply (bytes), a real one from the vendored corpus (tests/corpus)."""
    if not os.path.isfile(WHOIS_REPLY):
        pytest.fail(
            f"the WHOIS reply {WHOIS_REPLY} is missing: the corpus is part of the "
            "repository, under tests/corpus"
        )
    with open(WHOIS_REPLY, "rb") as file:
        return file.read()


@pytest.fixture(scope="session")
def whois_server(whois_reply):
    """A WHOIS server on 127.0.0.1 (a thread of the test process, port 0) that answers every
    query line with the canned reply, then closes. Yields `host:port` for the config's
    `whois_server`."""
    server, address = serve_whois(whois_reply)
    yield address
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def closed_port():
    """`127.0.0.1:<port>` where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        host, port = probe.getsockname()
    return f"{host}:{port}"


@pytest.fixture(scope="session")
def installed_alertdesk(tmp_path_factory):
    """The AlertDesk bundle, installed (`install`)."""
    return install(required_env("SOAR_TEST_ALERTDESK_BUNDLE"), tmp_path_factory.mktemp("alertdesk"))


@pytest.fixture
def run_alertdesk(installed_alertdesk, tmp_path, standin_home):
    """Runs an action JSON through the installed AlertDesk app under `own` or `sdk` phantom."""
    return HostRunner(installed_alertdesk, tmp_path, standin_home)


@pytest.fixture(scope="session")
def installed_fixture(tmp_path_factory):
    """The bundle of the fixture connector of `tests/` (`tests/src/fixture.rs`), installed
    (`install`)."""
    return install(required_env("SOAR_TEST_FIXTURE_BUNDLE"), tmp_path_factory.mktemp("fixture"))


@pytest.fixture
def run_fixture(installed_fixture, tmp_path, standin_home):
    """Runs an action JSON through the installed fixture app under `own` or `sdk` phantom."""
    return HostRunner(installed_fixture, tmp_path, standin_home)


@pytest.fixture(scope="session")
def installed_new_project(tmp_path_factory):
    """The bundle of the project `cargo soar new` made outside the workspace, installed."""
    return install(required_env("SOAR_TEST_NEW_BUNDLE"), tmp_path_factory.mktemp("new-project"))


@pytest.fixture
def run_new_project(installed_new_project, tmp_path, standin_home):
    """Runs an action JSON through the installed new project under `own` or `sdk` phantom."""
    return HostRunner(installed_new_project, tmp_path, standin_home)
