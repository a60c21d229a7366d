"""Who may change the register through the server.

On loopback (the default) anyone on the machine may read and write, as with the command line,
but two things a web page elsewhere could make the user's browser do are refused: a write
request sent from another site (checked by the `Origin` and `Sec-Fetch-Site` headers), and any
request to a host name that is not loopback (a DNS-rebinding page that points its own name at
127.0.0.1). Served on another address, the server has a token: every request that changes data
must carry it, as `Authorization: Bearer TOKEN`, an `X-Accords-Token` header, or the cookie that
the login page sets for a browser.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
import time
from collections import deque
from urllib.parse import urlsplit

from fastapi import Request

from accords.web.errors import BadToken, Forbidden, TooManyRequests, Unauthorized

TOKEN_COOKIE = "accords_token"
TOKEN_HEADER = "x-accords-token"


def is_loopback(host: str) -> bool:
    """Whether a host name or address only reaches this machine."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    return urlsplit(f"//{host_header}").hostname or ""


MIN_TOKEN = 16
"""Characters a token needs, so that guessing it through the login page is hopeless."""
LOGIN_TRIES = 5
LOGIN_WINDOW = 60.0
"""Failed log-ins one client may make in this many seconds before it must wait."""


class Guard:
    """The checks a server with (or without) a token makes on each request."""

    def __init__(self, token: str | None) -> None:
        if token and len(token) < MIN_TOKEN:
            raise BadToken(f"the token is too short ({len(token)} characters, at least {MIN_TOKEN})")
        self.token = token or None
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check_login_rate(self, request: Request) -> None:
        """TooManyRequests when this client has failed to log in `LOGIN_TRIES` times of late."""
        with self._lock:
            recent = self._recent(request)
            if len(recent) >= LOGIN_TRIES:
                wait = int(LOGIN_WINDOW - (time.monotonic() - recent[0])) + 1
                raise TooManyRequests(f"too many wrong tokens from this address; try again in {wait} s")

    def failed_login(self, request: Request) -> None:
        """Count a wrong token from this client."""
        with self._lock:
            self._recent(request).append(time.monotonic())

    def _recent(self, request: Request) -> deque[float]:
        client = request.client.host if request.client else "?"
        if client not in self._failures and len(self._failures) > 10_000:
            self._failures.clear()  # bounded: a flood of addresses forgets the oldest tries
        recent = self._failures.setdefault(client, deque(maxlen=LOGIN_TRIES))
        while recent and time.monotonic() - recent[0] > LOGIN_WINDOW:
            recent.popleft()
        return recent

    @property
    def needs_token(self) -> bool:
        return self.token is not None

    def check_host(self, request: Request) -> None:
        """Without a token the server answers only to loopback host names."""
        if self.token is None and not is_loopback(_host_name(request.headers.get("host", ""))):
            raise Forbidden(
                "this server only answers on a loopback address (start it with --token to share it)"
            )

    def check_origin(self, request: Request) -> None:
        """Refuse a request that a page of another site made the browser send."""
        if request.headers.get("sec-fetch-site") == "cross-site":
            raise Forbidden("a change sent from another site was refused")
        origin = request.headers.get("origin")
        if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
            raise Forbidden("a change sent from another site was refused")

    def check_write(self, request: Request) -> None:
        """A request that changes data: from this site, and with the token when there is one."""
        self.check_origin(request)
        if self.token is not None and not self.accepts(self.supplied(request)):
            raise Unauthorized(
                "this change needs the server's token (log in, or send Authorization: Bearer TOKEN)"
            )

    def supplied(self, request: Request) -> str | None:
        """The token a request carries, if any."""
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return request.headers.get(TOKEN_HEADER) or request.cookies.get(TOKEN_COOKIE)

    def accepts(self, supplied: str | None) -> bool:
        """Whether a token given is the server's (compared in constant time)."""
        if self.token is None:
            return True
        return supplied is not None and hmac.compare_digest(supplied.encode(), self.token.encode())

    def can_write(self, request: Request) -> bool:
        """Whether this browser may already change data (to show forms or a log-in link)."""
        return self.accepts(self.supplied(request))
