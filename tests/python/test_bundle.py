"""The tarball and its wheel, checked against contract section 7 and the manylinux promise."""

import io
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile

WHEEL_TAG = "cp39-abi3-manylinux_2_28_x86_64"
BANNED = re.compile(r"\bsubprocess\b|\bos\.(system|popen|spawn\w*|exec\w*)\b")


def read_member(bundle_path, name):
    with tarfile.open(bundle_path, "r:gz") as archive:
        return archive.extractfile(name).read()


def app_json(bundle_path, bundle_members):
    (name,) = [n for n in bundle_members if n.count("/") == 1 and n.endswith(".json")]
    return json.loads(read_member(bundle_path, name))


def test_exactly_the_files_the_contract_lists(bundle_path, bundle_members):
    app = app_json(bundle_path, bundle_members)
    (top,) = {name.split("/")[0] for name in bundle_members}
    wheel = app["pip39_dependencies"]["wheel"][0]["input_file"]
    files = {name for name, member in bundle_members.items() if member.isfile()}
    # The module of the custom views, for an app whose actions have some.
    views = {
        f"{top}/{action['render']['view'].split('.')[0]}.py"
        for action in app["actions"]
        if action.get("render", {}).get("view")
    }
    assert files - views == {
        f"{top}/{top}.json",
        f"{top}/{app['main_module']}",
        f"{top}/__init__.py",
        f"{top}/{app['logo']}",
        f"{top}/{app['logo_dark']}",
        f"{top}/{wheel}",
        f"{top}/README.md",
        f"{top}/LICENSE",
        f"{top}/NOTICE",
        f"{top}/release_notes/unreleased.md",
    }
    assert app["pip313_dependencies"] == app["pip39_dependencies"]
    assert wheel.endswith(f"-{WHEEL_TAG}.whl")
    for name, member in bundle_members.items():
        assert not name.startswith("/") and ".." not in name.split("/")
        assert member.isfile() or member.isdir()
        assert (member.uid, member.gid, member.uname, member.gname) == (0, 0, "root", "root")
        assert member.mode == (0o755 if member.isdir() else 0o644)


def test_no_template_for_splunks_security_checks_to_flag(bundle_path, bundle_members):
    """Splunk's static security tests render the `.html` templates of an app with hostile
    values and grep them for `autoescape off` and `|safe`: the bundle's views are rendered in
    Rust, so it ships no template, and no file of it holds either."""
    app = app_json(bundle_path, bundle_members)
    assert any(action.get("render", {}).get("type") == "custom" for action in app["actions"])
    assert not [name for name in bundle_members if name.endswith((".html", ".htm"))]
    for name, member in bundle_members.items():
        if member.isfile() and not name.endswith((".whl", ".svg", ".png")):
            text = read_member(bundle_path, name).decode()
            assert not re.search(r"autoescape\s+off|\|\s*safe\b", text), name


def test_no_python_in_the_bundle_spawns_processes(bundle_path, bundle_members):
    sources = {}
    for name, member in bundle_members.items():
        data = read_member(bundle_path, name) if member.isfile() else b""
        if name.endswith(".py"):
            sources[name] = data.decode()
        if name.endswith(".whl"):
            with zipfile.ZipFile(io.BytesIO(data)) as wheel:
                for inner in wheel.namelist():
                    if inner.endswith(".py"):
                        sources[inner] = wheel.read(inner).decode()
    assert len(sources) >= 3, sources.keys()
    for name, text in sources.items():
        assert not BANNED.search(text), name


def test_the_wheel_is_a_real_abi3_manylinux_2_28_wheel(bundle_path, bundle_members, tmp_path):
    app = app_json(bundle_path, bundle_members)
    (top,) = {name.split("/")[0] for name in bundle_members}
    entry = app["pip39_dependencies"]["wheel"][0]
    wheel_path = tmp_path / os.path.basename(entry["input_file"])
    wheel_path.write_bytes(read_member(bundle_path, f"{top}/{entry['input_file']}"))
    with zipfile.ZipFile(wheel_path) as wheel:
        names = wheel.namelist()
        (wheel_meta,) = [n for n in names if n.endswith(".dist-info/WHEEL")]
        assert f"Tag: {WHEEL_TAG}" in wheel.read(wheel_meta).decode()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        assert f"Name: {entry['module']}" in wheel.read(metadata).decode()
        (record,) = [n for n in names if n.endswith(".dist-info/RECORD")]
        hashed = [line for line in wheel.read(record).decode().splitlines() if "sha256=" in line]
        assert len(hashed) == len(names) - 1
    shown = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "auditwheel"), "show", str(wheel_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert '"manylinux_2_28_x86_64"' in " ".join(shown.split()), shown
