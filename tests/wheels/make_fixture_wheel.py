"""Writes the fixture connector's own wheel, `py3/soar_fixture_extra-1.0.0-py3-none-any.whl`.

The fixture app (`tests/fixtures/fixture_app.json`) lists this pure-Python wheel beside the
connector's, so that the end-to-end tests see the bundle ship an app's own wheel and the
platform's pip install it. The wheel is committed; this script is how it was made (fixed
member times and modes, sorted members): `python3 tests/wheels/make_fixture_wheel.py`.
"""

import base64
import hashlib
import os
import zipfile

NAME = "soar_fixture_extra"
VERSION = "1.0.0"
DIST_INFO = f"{NAME}-{VERSION}.dist-info"
MEMBERS = {
    f"{NAME}/__init__.py": '"""Shipped beside the fixture connector\'s wheel."""\n\nGREETING = "installed beside the connector"\n',
    f"{DIST_INFO}/METADATA": f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\nSummary: The fixture connector's own wheel\n",
    f"{DIST_INFO}/WHEEL": "Wheel-Version: 1.0\nGenerator: make_fixture_wheel.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
}


def record_line(name, text):
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(text.encode())}\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "py3", f"{NAME}-{VERSION}-py3-none-any.whl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    record = "".join(record_line(name, text) for name, text in sorted(MEMBERS.items()))
    record += f"{DIST_INFO}/RECORD,,\n"
    members = dict(MEMBERS, **{f"{DIST_INFO}/RECORD": record})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, members[name])
    print(path)


if __name__ == "__main__":
    main()
