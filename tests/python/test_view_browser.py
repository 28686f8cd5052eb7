"""The WHOIS registration card in a real browser: the connector's runner looks enom.com up
against a WHOIS server on 127.0.0.1 answering a real corpus reply and writes the view's preview
page (`action ... --view`); headless Chromium (provisioned by `cargo xtask test` from Debian
packages, `SOAR_TEST_CHROMIUM`) loads it. The registrar and the name servers are in the text of
the DOM the browser built, and its screenshot of the page is not blank. A browser that does not
start fails the test."""

import collections
import html.parser
import os
import struct
import subprocess
import zlib

import pytest

from conftest import required_env

BROWSER_TIMEOUT = 120
NAME_SERVERS = ("dns11.enom.com", "dns12.enom.com", "dns13.enom.com")


def browser(*args):
    """Runs the provisioned headless Chromium; fails the test, saying why, when it cannot."""
    launcher = required_env("SOAR_TEST_CHROMIUM")
    try:
        completed = subprocess.run(
            [launcher, *args], capture_output=True, text=True, timeout=BROWSER_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.fail(f"headless Chromium ({launcher}) cannot run: {error}")
    if completed.returncode != 0:
        pytest.fail(
            f"headless Chromium ({launcher}) failed with {completed.returncode}: {completed.stderr}"
        )
    return completed.stdout


class TextOf(html.parser.HTMLParser):
    """The text of a document, outside `<style>` and `<script>`."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        self._skipping += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skipping -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def pixels(png):
    """The RGB(A) pixels of an 8-bit truecolour PNG (what Chromium writes), as rows of bytes."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks = 8, collections.defaultdict(list)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        chunks[kind].append(png[position + 8:position + 8 + length])
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * step
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up = previous[x]
            corner = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                near = min((abs(estimate - left), 0, left), (abs(estimate - up), 1, up),
                           (abs(estimate - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, step, rows


@pytest.fixture
def preview_page(runner_path, whois_server, tmp_path):
    page = tmp_path / "view.html"
    completed = subprocess.run(
        [runner_path, "action", "whois_domain", "--param", "domain=enom.com",
         "--config", f"whois_server={whois_server}", "--view", str(page)],
        capture_output=True, text=True,
        env=dict(os.environ, SOAR_STORE=str(tmp_path / "store")),
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return page


def test_the_registration_card_shows_registrar_and_name_servers_in_a_browser(preview_page, tmp_path):
    dom = browser("--dump-dom", preview_page.as_uri())
    parser = TextOf()
    parser.feed(dom)
    text = " ".join(" ".join(parser.parts).split())
    assert "Registrar eNom, Inc." in text, text
    for server in NAME_SERVERS:
        assert server in text, text

    screenshot = tmp_path / "view.png"
    browser(f"--screenshot={screenshot}", "--window-size=900,900", preview_page.as_uri())
    width, height, step, rows = pixels(screenshot.read_bytes())
    assert (width, height) == (900, 900)
    colours = collections.Counter(
        row[x:x + 3] for row in rows[::3] for x in range(0, width * step, step * 3)
    )
    background, count = colours.most_common(1)[0]
    sampled = sum(colours.values())
    # A blank page is one colour; the card's text, frame and title bar make many.
    assert len(colours) > 20 and count < 0.95 * sampled, (len(colours), count, sampled)
