"""Fetching an article by URL, safely: http(s) only, no private or local addresses, bounded size and time.

Redirects are followed by hand so that every hop's host is checked before we connect to it. Each hop's
host is resolved once, and the connection goes to the address that was checked (the Host header and TLS
SNI still name the host): letting httpx resolve the name again would let a DNS server answer "public" to
the check and "127.0.0.1" to the connection (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from storyline.config import IngestSettings
from storyline.errors import StorylineInputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_USER_AGENT = "storyline/0.1 (+https://github.com/storyline; news analysis)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    media_type: str | None  # "text/html", without parameters


def fetch_url(url: str, settings: IngestSettings, *, allow_private: bool = False) -> FetchedPage:
    """GET ``url`` and return its body, or raise :class:`StorylineInputError` naming the URL. The size,
    time and redirect limits are ``settings``'."""
    timeout_s = settings.fetch_timeout_s
    deadline = time.monotonic() + timeout_s
    current = url
    with httpx.Client(timeout=timeout_s, follow_redirects=False, trust_env=False) as client:
        for _hop in range(settings.max_redirects + 1):
            addresses = check_url_allowed(current, allow_private=allow_private)
            try:
                with _open_pinned(client, current, addresses) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            status = response.status_code
                            raise StorylineInputError(url, f"redirect {status} without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise StorylineInputError(url, f"HTTP {response.status_code}")
                    data = _read_bounded(response, url, settings.max_file_bytes, deadline, timeout_s)
                    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    return FetchedPage(url=current, data=data, media_type=media_type or None)
            except httpx.HTTPError as error:
                raise StorylineInputError(url, f"fetch failed: {type(error).__name__}") from error
    raise StorylineInputError(url, f"more than {settings.max_redirects} redirects")


@contextmanager
def _open_pinned(client: httpx.Client, url: str, addresses: list[IPAddress]) -> Iterator[httpx.Response]:
    """Stream a GET of ``url`` from the first of ``addresses`` that accepts a connection."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    headers = {"User-Agent": _USER_AGENT, "Host": parts.netloc.rpartition("@")[2]}
    for number, address in enumerate(addresses, start=1):
        pinned = httpx.URL(url).copy_with(host=str(address))
        request = client.build_request("GET", pinned, headers=headers, extensions={"sni_hostname": host})
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError:
            if number == len(addresses):
                raise
            continue
        try:
            yield response
        finally:
            response.close()
        return


def _read_bounded(
    response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout_s: float
) -> bytes:
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
            raise StorylineInputError(url, f"took longer than {timeout_s:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


def check_url_allowed(url: str, *, allow_private: bool = False) -> list[IPAddress]:
    """The addresses of ``url``'s host, to connect to. Refuses schemes other than http(s), and hosts any
    of whose addresses is not public (unless ``allow_private``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise StorylineInputError(url, f"unsupported URL scheme {parts.scheme or '(none)'!r}")
    if not parts.hostname:
        raise StorylineInputError(url, "URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise StorylineInputError(url, "URL has a bad port") from error
    addresses = _resolve(url, parts.hostname, port)
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise StorylineInputError(url, f"refused: {parts.hostname} resolves to non-public {address}")
    return addresses


def is_public_address(address: IPAddress) -> bool:
    """Reachable on the public internet: not loopback, private, link-local (cloud metadata), reserved or
    multicast."""
    return address.is_global and not address.is_multicast


def _resolve(url: str, host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise StorylineInputError(url, f"cannot resolve host {host}") from error
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])  # drop an IPv6 zone id
        # An IPv4-mapped IPv6 address reaches the IPv4 host: judge that one.
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise StorylineInputError(url, f"cannot resolve host {host}")
    return addresses
