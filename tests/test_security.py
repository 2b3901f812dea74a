"""Nothing let in: URL ingest refuses internal addresses on every hop and pins what it checked, reports
escape user text, CSV cells never run as formulas, and no user text can reach a shell, eval, pickle or SQL.

The URL tests use loopback servers only. To have a "public" server to start from, they let 127.0.0.1 stand
in for the public internet (``is_public_address`` is widened to it) and give test host names fixed answers
by wrapping ``socket.getaddrinfo``; every other loopback, private and metadata address stays refused.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import http.server
import io
import ipaddress
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import lxml.html
import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from storyline.config import IngestSettings, ServerSettings, Settings
from storyline.records import Article, SkippedInput
from storyline.report.exports import ledger_csv, neutralise_cell
from storyline.server import create_app
from storyline.stages.ingest import fetch as ingest_fetch
from storyline.stages.ingest.inputs import iter_inputs
from storyline.store import Store
from tests.report_sample import build_brief
from tests.server_support import TOKEN, running_server, save_sample_store

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
STAND_IN_PUBLIC = ipaddress.ip_address("127.0.0.1")


class _Handler(http.server.BaseHTTPRequestHandler):
    hosts_seen: ClassVar[list[str]] = []  # Host headers of every request, in order

    def do_GET(self) -> None:
        _Handler.hosts_seen.append(self.headers.get("Host", ""))
        route, _, target = self.path.partition("?to=")
        if route == "/redirect":
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/article":
            self._send(b"Harbour Reopens\n\nThe harbour master said the port reopened on Monday.")
        elif route == "/endless":  # no Content-Length, a body that never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * 4096)
            except OSError:
                pass
        elif route == "/slow":  # a byte at a time, forever
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server_port() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def public_loopback(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """127.0.0.1 counts as public; test host names resolve as the returned table says (a list of answers
    per host, one per lookup; the last repeats). Returns the table, to fill in per test."""
    original_check = ingest_fetch.is_public_address
    monkeypatch.setattr(
        ingest_fetch,
        "is_public_address",
        lambda address: address == STAND_IN_PUBLIC or original_check(address),
    )
    answers: dict[str, list[str]] = {}
    lookups: dict[str, int] = {}
    original_lookup = socket.getaddrinfo

    def lookup(host, port, *args, **kwargs):
        if host not in answers:
            return original_lookup(host, port, *args, **kwargs)
        count = lookups[host] = lookups.get(host, 0) + 1
        answer = answers[host][min(count, len(answers[host])) - 1]
        if answer == "fail":
            raise socket.gaierror(socket.EAI_NONAME, "no such host")
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (address, port),
            )
            for address in answer.split(",")
        ]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    _Handler.hosts_seen.clear()
    return answers


def fetch(url: str, max_bytes: int = 100_000, timeout_s: float = 20.0) -> Article | SkippedInput:
    (item,) = list(iter_inputs([url], IngestSettings(max_file_bytes=max_bytes, fetch_timeout_s=timeout_s)))
    return item


def test_the_stand_in_public_server_is_fetched(public_loopback, server_port):
    article = fetch(f"http://127.0.0.1:{server_port}/article")
    assert isinstance(article, Article) and "harbour master" in article.text


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/article",  # loopback, another address
        "http://[::1]:{port}/article",
        "http://10.0.0.1/",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://[fd00::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://internal.test/",  # a name that resolves to a private address
        "http://mixed.test/",  # a name with one public and one private address
        "http://0/",
    ],
)
def test_a_redirect_to_an_internal_address_is_refused(public_loopback, server_port, target):
    public_loopback["internal.test"] = ["10.1.2.3"]
    public_loopback["mixed.test"] = ["127.0.0.1,192.168.0.7"]  # one answer, two addresses
    start = f"http://127.0.0.1:{server_port}/redirect?to={target.format(port=server_port)}"
    skip = fetch(start)
    assert isinstance(skip, SkippedInput), skip
    assert skip.source == start and "refused" in skip.reason, skip.reason
    assert len(_Handler.hosts_seen) == 1, "the refused hop must not be requested"


def test_a_redirect_chain_is_checked_at_every_hop(public_loopback, server_port):
    base = f"http://127.0.0.1:{server_port}"
    inner = f"{base}/redirect?to=http://169.254.169.254/"
    skip = fetch(f"{base}/redirect?to={inner}")
    assert isinstance(skip, SkippedInput) and "refused" in skip.reason and "169.254.169.254" in skip.reason
    assert len(_Handler.hosts_seen) == 2


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(public_loopback, server_port):
    """DNS rebinding: the name answers "public" once, then fails (or would answer 127.0.0.1). The fetch
    must connect to the address it checked, naming the host in the Host header, without a second lookup."""
    public_loopback["news.test"] = ["127.0.0.1", "fail"]
    article = fetch(f"http://news.test:{server_port}/article")
    assert isinstance(article, Article), article
    assert article.url == f"http://news.test:{server_port}/article"
    assert _Handler.hosts_seen == [f"news.test:{server_port}"]


def test_a_rebinding_name_cannot_reach_an_internal_address(public_loopback, server_port):
    public_loopback["rebind.test"] = ["10.9.8.7", "127.0.0.1"]  # private first: refused, never retried
    skip = fetch(f"http://rebind.test:{server_port}/article")
    assert isinstance(skip, SkippedInput) and "refused" in skip.reason
    assert _Handler.hosts_seen == []


def test_an_endless_body_is_cut_at_the_size_limit(public_loopback, server_port):
    skip = fetch(f"http://127.0.0.1:{server_port}/endless", max_bytes=50_000)
    assert isinstance(skip, SkippedInput) and "larger than 50000 bytes" in skip.reason


def test_a_slow_body_is_cut_at_the_time_limit(public_loopback, server_port):
    started = time.monotonic()
    skip = fetch(f"http://127.0.0.1:{server_port}/slow", timeout_s=1.0)
    assert isinstance(skip, SkippedInput) and "took longer than" in skip.reason
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1:70/", "dict://127.0.0.1:11211/"])
def test_only_http_urls_are_fetched(url):
    (skip,) = list(iter_inputs([url]))
    assert isinstance(skip, SkippedInput) and "unsupported URL scheme" in skip.reason


def test_the_cli_refuses_a_loopback_url_without_a_traceback(server_port, tmp_path):
    url = f"http://127.0.0.1:{server_port}/article"
    command = [sys.executable, "-m", "storyline", "ingest", url, "--db", str(tmp_path / "s.db")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr[-2000:]
    assert "refused" in result.stderr and url in result.stderr


# --- reports --------------------------------------------------------------------------------------------

PAYLOAD_TITLE = '<script>alert("title")</script> Port <img src=x onerror=alert(2)>'
PAYLOAD_BODY = (
    'Mayor Ana Petrova said "<script>alert(3)</script> about 1,200 people left" on Friday. '
    'Officials said [click](javascript:alert(4)) was =HYPERLINK("http://evil") and <b onmouseover=alert(5)>.'
)


def _assert_inert_html(page: str) -> None:
    root = lxml.html.fromstring(page)
    for script in root.iter("script"):
        assert "alert(" not in (script.text or ""), "user text inside a <script> element"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") or "alert(" not in value, f"{name}={value}"
            if name.lower() in ("href", "src", "action", "formaction"):
                assert not value.strip().lower().startswith("javascript:"), value
        assert element.tag not in ("img", "iframe", "object", "embed") or element.get("src") != "x"


def test_user_text_is_inert_in_html_and_markdown_reports(tmp_path):
    """The real command over an article whose title, text and quotes carry HTML, script and link syntax."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(f"{PAYLOAD_TITLE}\n\n{PAYLOAD_BODY}\n", encoding="utf-8")
    (corpus / "<img src=x onerror=alert(6)>.txt").write_bytes(b"\x00\x01binary")
    html_path, md_path = tmp_path / "b.html", tmp_path / "b.md"
    command = [
        sys.executable,
        "-m",
        "storyline",
        "analyze",
        str(corpus),
        "-o",
        str(html_path),
        "--md",
        str(md_path),
    ]
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    page = html_path.read_text(encoding="utf-8")
    assert "alert(3)" in page, "the payload must be in the report (as text) for this test to mean anything"
    _assert_inert_html(page)
    markdown = md_path.read_text(encoding="utf-8")
    assert 'alert("title")' in markdown and "alert(6)" in markdown  # the title and the skipped file's name
    rendered = MarkdownIt("commonmark").render(markdown)  # raw HTML passes through CommonMark unless escaped
    _assert_inert_html(f"<div>{rendered}</div>")
    assert not re.search(r"<(script|img|b)\b", rendered), "user markup survived into rendered Markdown"


def test_csv_cells_never_start_a_formula():
    sample = build_brief()
    story = sample.stories[0]
    question = dataclasses.replace(
        story.questions[0], question='=HYPERLINK("http://evil","x")', status_reason="@SUM(A1)", unit="+1"
    )
    hostile_story = dataclasses.replace(story, id="-2+3", questions=(question, *story.questions[1:]))
    brief = dataclasses.replace(sample, stories=(hostile_story, *sample.stories[1:]))
    rows = list(csv.reader(io.StringIO(ledger_csv(brief))))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells), "the hostile question must reach the CSV"
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# --- no shell, eval, pickle or SQL strings --------------------------------------------------------------

# Calls that run text as code or commands, or load objects from bytes. A new use must be justified here.
DANGEROUS = re.compile(
    r"\bsubprocess\b|\bos\.system\b|\bos\.popen\b|(?<![\w.])eval\(|(?<![\w.])exec\(|\bpickle\b|\bmarshal\b"
    r"|\bshelve\b|yaml\.load\(|__import__\("
)
# Known uses: file → how many lines match. None today ("it pickles" in a docstring does not match).
ALLOWED: dict[str, int] = {}
# SQL built from strings: an f-string or concatenation handed to text(), execute() or exec_driver_sql().
SQL_FROM_STRINGS = re.compile(
    r"(?:\btext|\.execute|exec_driver_sql)\(\s*(?:f[\"']|[\"'][^\"']*[\"']\s*[%+]|\w+\s*\+)"
)


def _source_files() -> Iterator[Path]:
    yield from sorted(SRC.rglob("*.py"))


def test_no_new_shell_eval_or_pickle_in_the_source():
    found: dict[str, int] = {}
    for path in _source_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if DANGEROUS.search(line):
                found[path.name] = found.get(path.name, 0) + 1
    assert found == ALLOWED, f"shell/eval/pickle use changed: {found} (known: {ALLOWED})"


def test_sql_is_never_built_from_strings():
    offenders = [
        f"{path.name}:{number}"
        for path in _source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SQL_FROM_STRINGS.search(line)
    ]
    assert offenders == []


def test_the_source_scans_can_fail():
    assert DANGEROUS.search("result = eval(user_text)") and DANGEROUS.search("import pickle")
    assert not DANGEROUS.search("model.eval()") and not DANGEROUS.search("retrieval(x)")
    assert SQL_FROM_STRINGS.search('connection.execute(f"SELECT * FROM t WHERE id = {x}")')
    assert SQL_FROM_STRINGS.search('connection.exec_driver_sql("SELECT " + name)')
    assert not SQL_FROM_STRINGS.search('connection.exec_driver_sql("BEGIN IMMEDIATE")')


@pytest.mark.parametrize(
    "value", [" =1+1", "\u3000=1+1", "\u00a0@SUM(A1)", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\n=1+1", "=1"]
)
def test_csv_neutralising_sees_through_spaces_and_full_width_signs(value):
    """Spreadsheets skip leading spaces and read full-width signs as formula starts too."""
    assert neutralise_cell(value) == "'" + value


def test_plain_csv_cells_are_left_as_they_are():
    assert [neutralise_cell(v) for v in ("Reuters", "1,200", "", None, "a=b")] == [
        "Reuters",
        "1,200",
        "",
        "",
        "a=b",
    ]


# --- the server's own edges -------------------------------------------------------------------------------


@pytest.fixture()
def sample_app(tmp_path: Path) -> Iterator[TestClient]:
    with (
        Store.open(save_sample_store(tmp_path / "sample.db")) as store,
        TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client,
    ):
        yield client


@pytest.mark.parametrize(
    "path", ["/", "/stories/s1", "/api/stories", "/api/export?format=csv", "/report.css"]
)
def test_head_answers_like_get_without_a_body(sample_app, path):
    got = sample_app.get(path)
    head = sample_app.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert "content-security-policy" in head.headers


@pytest.mark.parametrize(("token", "reason"), [(" ", "blank"), ("x", "shorter than 16")])
def test_a_blank_or_short_token_stops_serve_with_one_line(tmp_path, token, reason):
    db = save_sample_store(tmp_path / "sample.db")
    command = [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", "9"]
    env = {**os.environ, "STORYLINE_TOKEN": token}
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.startswith("storyline: STORYLINE_TOKEN") and reason in result.stderr


# --- DNS rebinding, tokens for reads, bodies that arrive late or never ----------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "10.0.0.1"])
def test_a_host_header_outside_the_allow_list_is_refused(sample_app, host):
    """A page on a rebinding name that resolves to 127.0.0.1 sends its own name as Host: refused."""
    for path in ("/", "/api/stories", "/api/export"):
        response = sample_app.get(path, headers={"Host": host})
        assert response.status_code == 421, (path, response.status_code)
        assert "content-security-policy" in response.headers


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_host_headers_are_answered(sample_app, host):
    assert sample_app.get("/api/stories", headers={"Host": host}).status_code == 200


def test_the_allow_list_and_token_for_reads_are_settings(tmp_path):
    settings = Settings(server=ServerSettings(allowed_hosts=("news.example",), token_for_reads=True))
    with (
        Store.open(save_sample_store(tmp_path / "sample.db")) as store,
        TestClient(create_app(store, TOKEN, settings), base_url="http://news.example") as client,
    ):
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.get("/api/stories", headers={"Host": "localhost", **auth}).status_code == 200
        assert client.get("/api/stories", headers={"Host": "other.example", **auth}).status_code == 421
        refused = client.get("/api/stories")
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        # A browser opens /?token=… once; the cookie set then carries the token to every later page.
        first = client.get("/", params={"token": TOKEN})
        assert first.status_code == 200 and "httponly" in first.headers["set-cookie"].lower()
        assert client.get("/stories/s1").status_code == 200


def test_a_browser_given_the_token_once_can_post_the_correction_forms(sample_app):
    """Reads are open; writes are not. ``/?token=…`` gives the browser the cookie its forms then carry."""
    form = {"kind": "note", "target": "nothing", "note": "x"}
    assert sample_app.post("/corrections", data=form).status_code == 401
    assert "set-cookie" not in sample_app.get("/", params={"token": "wrong-token-of-some-length"}).headers
    first = sample_app.get("/", params={"token": TOKEN})
    assert first.status_code == 200 and "samesite=strict" in first.headers["set-cookie"].lower()
    # Past the gate: the form is judged on its content now (an unknown target is refused, not unauthorised).
    assert sample_app.post("/corrections", data=form).status_code == 422


def _raw_exchange(port: int, head: bytes, body_chunks: list[bytes] = (), pause_s: float = 0.0) -> bytes:
    """Send ``head`` then the chunks (pausing between them) on one connection; the server's answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        connection.sendall(head)
        try:
            for chunk in body_chunks:
                time.sleep(pause_s)
                connection.sendall(chunk)
        except OSError:  # the server answered and closed while we were still sending
            pass
        connection.settimeout(20)
        answer = b""
        with contextlib.suppress(OSError):
            while chunk := connection.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer:
                    break
        return answer


def test_an_unauthenticated_write_is_refused_on_its_headers(tmp_path):
    """No byte of a 5 MB body is read before the token is checked: the answer comes with the headers."""
    db = save_sample_store(tmp_path / "sample.db")
    head = (
        b"POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000000\r\n"
        b"Content-Type: multipart/form-data; boundary=x\r\n\r\n"
    )
    with running_server(db) as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        started = time.monotonic()
        answers = [_raw_exchange(port, head) for _ in range(20)]
        elapsed = time.monotonic() - started
    assert all(answer.startswith(b"HTTP/1.1 401") for answer in answers), answers[0][:200]
    assert elapsed < 20, "each refusal waited for a body"


def test_a_body_trickled_slowly_is_cut_off(tmp_path):
    db = save_sample_store(tmp_path / "sample.db")
    settings = Settings(server=ServerSettings(body_timeout_s=1.0))
    head = (
        b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
        b"Content-Type: application/json\r\nAuthorization: Bearer " + TOKEN.encode() + b"\r\n\r\n"
    )
    with running_server(db, settings=settings) as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        started = time.monotonic()
        answer = _raw_exchange(port, head, [b"{"] * 10, pause_s=0.5)
        elapsed = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), answer[:300]
    assert elapsed < 8


def test_a_client_that_never_finishes_its_headers_is_dropped(tmp_path):
    db = save_sample_store(tmp_path / "sample.db")
    settings = Settings(server=ServerSettings(header_timeout_s=1.0))
    with running_server(db, settings=settings) as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            with contextlib.suppress(OSError):
                for _ in range(30):
                    time.sleep(0.3)
                    connection.sendall(b"X-Slow: 1\r\n")
            elapsed = time.monotonic() - started
    assert elapsed < 8, "a connection trickling its headers was held"
