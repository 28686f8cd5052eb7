"""What Splunk's own publishing checks (dev-cicd-tools' hooks and static tests, the
soar-app-linter) ask of a bundle, checked on the WHOIS bundle: the licence, the notice and the
release notes; a copyright header in every Python file; the main module clean under the ruff
rules of Splunk's app template; linters that see into the native module; stubs that describe
the module as it is."""

import ast
import json
import os
import re
import subprocess
import sys
import tarfile

from conftest import read_app_json

HERE = os.path.dirname(os.path.abspath(__file__))
# The settings of the pyproject.toml template Splunk's dev-cicd-tools copies into app repositories.
RUFF_CONFIG = os.path.join(HERE, "splunk_app_ruff.toml")


def text_of(bundle_path, name):
    with tarfile.open(bundle_path, "r:gz") as archive:
        return archive.extractfile(name).read().decode()


def top_of(bundle_members):
    (top,) = {name.split("/")[0] for name in bundle_members}
    return top


def read_app_json_from(bundle_path, top):
    return json.loads(text_of(bundle_path, f"{top}/{top}.json"))


def test_licence_notice_and_release_notes(bundle_path, bundle_members):
    top = top_of(bundle_members)
    app = read_app_json_from(bundle_path, top)
    assert text_of(bundle_path, f"{top}/LICENSE").startswith("Apache License\nVersion 2.0")
    notice = text_of(bundle_path, f"{top}/NOTICE")
    assert notice.startswith(
        f"Splunk SOAR App: {app['name']}\nApache-2.0\nThird Party Software Attributions:\n\n@@@@==="
    )
    libraries = re.findall(r"^Library: (\S+) - (\S+)$", notice, re.MULTILINE)
    names = {name for name, _ in libraries}
    # What the wheel links: the runtime, PyO3, serde; not the proc macros or build tools.
    assert {"soar-runtime", "pyo3", "serde_json"} <= names, names
    assert not names & {"serde_derive", "soar-macros", "syn", "cc", "whois"}, names
    assert all(line == line.rstrip() for line in notice.splitlines())
    assert notice.endswith("\n") and not notice.endswith("\n\n")
    notes = text_of(bundle_path, f"{top}/release_notes/unreleased.md").splitlines()
    assert notes[0] == "**Unreleased**"
    assert all(re.match(r"^\s*\* .+$", line) for line in notes[1:]), notes


def test_every_python_file_starts_with_the_publishers_copyright(bundle_path, bundle_members):
    top = top_of(bundle_members)
    app = read_app_json_from(bundle_path, top)
    year = app["utctime_updated"][:4]
    python_files = [name for name in bundle_members if name.endswith(".py")]
    assert len(python_files) == 3, python_files
    for name in python_files:
        first = text_of(bundle_path, name).splitlines()[0]
        # The line Splunk's copyright hook looks for (it adds its own where there is none).
        assert first == f"# Copyright (c) {year} {app['publisher']}", name


def tool(name):
    return os.path.join(os.path.dirname(sys.executable), name)


def assert_lints_clean(module, app_dir, site, ignored_modules=()):
    """`module` of the installed app at `app_dir` passes Splunk's ruff settings, and pylint's
    errors and warnings as soar-app-linter runs it, with the wheel installed at `site` (the
    module's calls of the native module resolve) and `ignored_modules` left to the platform
    (soar-app-linter leaves `phantom`)."""
    for check in (["check", "--no-fix"], ["format", "--check"]):
        completed = subprocess.run(
            [tool("ruff"), *check, "--config", RUFF_CONFIG, module], capture_output=True, text=True
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
    ignored = [f"--ignored-modules={','.join(ignored_modules)}"] if ignored_modules else []
    completed = subprocess.run(
        [sys.executable, "-m", "pylint", "--disable=all", "--enable=E,W", *ignored, "--score=n", module],
        capture_output=True, text=True, cwd=app_dir, env=dict(os.environ, PYTHONPATH=str(site)),
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_main_module_passes_ruff_with_splunks_app_settings(installed_app):
    app_dir, _ = installed_app
    main_module = os.path.join(app_dir, read_app_json(app_dir)["main_module"])
    for check in (["check", "--no-fix"], ["format", "--check"]):
        completed = subprocess.run(
            [tool("ruff"), *check, "--config", RUFF_CONFIG, main_module],
            capture_output=True, text=True,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr


def test_a_linter_sees_into_the_native_module(installed_app):
    """pylint as soar-app-linter runs it (errors and warnings, `phantom` left to the platform),
    with the wheel installed: no `E0401 Unable to import`, no `E1101 has no 'connector' member`."""
    app_dir, site = installed_app
    main_module = os.path.join(app_dir, read_app_json(app_dir)["main_module"])
    completed = subprocess.run(
        [sys.executable, "-m", "pylint", "--disable=all", "--enable=E,W",
         "--ignored-modules=phantom", "--score=n", main_module],
        capture_output=True, text=True, cwd=app_dir,
        env=dict(os.environ, PYTHONPATH=str(site)),
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def public_names(node):
    return {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.ClassDef))
            and not item.name.startswith("_")}


def test_the_native_stubs_describe_the_module_as_it_is(installed_app):
    _, site = installed_app
    (package,) = [name for name in os.listdir(site) if name.endswith("_native")]
    assert os.path.isfile(os.path.join(site, package, "py.typed"))
    with open(os.path.join(site, package, f"{package}.pyi"), encoding="utf-8") as file:
        stub = ast.parse(file.read())
    classes = {node.name: public_names(node) for node in stub.body if isinstance(node, ast.ClassDef)}
    variables = {node.target.id for node in stub.body if isinstance(node, ast.AnnAssign)}
    probe = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        f"import {package} as native\n"
        f"classes = {sorted(classes)!r}\n"
        "members = lambda obj: sorted(n for n in dir(obj) if not n.startswith('_'))\n"
        # The connector's class is not exported; its one instance is.
        "found = lambda name: getattr(native, name, None) or type(native.connector)\n"
        "print(json.dumps({'module': sorted(native.__all__),"
        " 'classes': {name: [found(name).__name__, members(found(name))] for name in classes}}))\n"
    )
    real = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                     text=True, check=True).stdout)
    assert sorted(classes.keys() - {"Connector"} | variables) == real["module"]
    for name, members in classes.items():
        assert [name, sorted(members)] == real["classes"][name], name
