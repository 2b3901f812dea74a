"""Fetching an article by URL, safely: http(s) only, no private or local addresses, bounded size and time.

Redirects are followed by hand so that every hop's host is checked before we connect to it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from storyline.errors import StorylineInputError

MAX_REDIRECTS = 5
# A news page arrives in well under a second; 20 s covers a slow server without stalling a batch run.
FETCH_TIMEOUT_S = 20.0
_USER_AGENT = "storyline/0.1 (+https://github.com/storyline; news analysis)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    media_type: str | None  # "text/html", without parameters


def fetch_url(url: str, *, max_bytes: int, allow_private: bool = False) -> FetchedPage:
    """GET ``url`` and return its body, or raise :class:`StorylineInputError` naming the URL."""
    deadline = time.monotonic() + FETCH_TIMEOUT_S
    current = url
    with httpx.Client(timeout=FETCH_TIMEOUT_S, follow_redirects=False, trust_env=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            check_url_allowed(current, allow_private=allow_private)
            try:
                with client.stream("GET", current, headers={"User-Agent": _USER_AGENT}) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            status = response.status_code
                            raise StorylineInputError(url, f"redirect {status} without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise StorylineInputError(url, f"HTTP {response.status_code}")
                    data = _read_bounded(response, url, max_bytes, deadline)
                    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    return FetchedPage(url=str(response.url), data=data, media_type=media_type or None)
            except httpx.HTTPError as error:
                raise StorylineInputError(url, f"fetch failed: {type(error).__name__}") from error
    raise StorylineInputError(url, f"more than {MAX_REDIRECTS} redirects")


def _read_bounded(response: httpx.Response, url: str, max_bytes: int, deadline: float) -> bytes:
    # Streamed so that an oversized or endless body is cut off without being held in memory.
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise StorylineInputError(url, f"larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise StorylineInputError(url, f"larger than {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise StorylineInputError(url, f"took longer than {FETCH_TIMEOUT_S:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


def check_url_allowed(url: str, *, allow_private: bool = False) -> None:
    """Refuse schemes other than http(s), and hosts any of whose addresses is not public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise StorylineInputError(url, f"unsupported URL scheme {parts.scheme or '(none)'!r}")
    if not parts.hostname:
        raise StorylineInputError(url, "URL has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise StorylineInputError(url, "URL has a bad port") from error
    for address in _resolve(url, parts.hostname, port):
        if not address.is_global or address.is_multicast:
            raise StorylineInputError(url, f"refused: {parts.hostname} resolves to non-public {address}")


def _resolve(url: str, host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise StorylineInputError(url, f"cannot resolve host {host}") from error
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])  # drop an IPv6 zone id
        # An IPv4-mapped IPv6 address reaches the IPv4 host: judge that one.
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        addresses.append(address)
    return addresses
