"""Security headers on every response, and checks on where the site may redirect."""

import unicodedata
from urllib.parse import unquote, urlsplit

from flask import Flask, Response, abort, request, url_for

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


# Percent-decoding rounds applied before a redirect target is judged.
_DECODE_ROUNDS = 3
_MAX_NEXT_LENGTH = 2048


def _is_unsafe_char(char: str, allowed: str) -> bool:
    if char in allowed:
        return False
    return char.isspace() or unicodedata.category(char)[0] == "C"


def _is_local_path(target: str) -> bool:
    """Whether ``target`` is a path on this site, judged after any percent-decoding."""
    candidate = target
    for decoded_rounds in range(_DECODE_ROUNDS + 1):
        if not candidate.startswith("/") or candidate.startswith("//"):
            return False
        if "\\" in candidate:
            return False
        # Browsers drop tabs and newlines inside URLs ("/\t/evil" becomes "//evil"). An
        # encoded plain space inside a path ("/a%20b") is harmless; a raw one is not.
        allowed = " " if decoded_rounds else ""
        if any(_is_unsafe_char(char, allowed) for char in candidate):
            return False
        parts = urlsplit(candidate)
        if parts.scheme or parts.netloc:
            return False
        decoded = unquote(candidate)
        if decoded == candidate:
            return True
        candidate = decoded
    return False


def safe_next_url(target: str | None) -> str:
    """Return ``target`` when it is a same-site relative path, else the home page.

    Absolute and scheme-relative URLs, backslashes, encoded slashes, schemes such
    as ``javascript:`` and whitespace or control characters all fall back to home.
    """
    if target and len(target) <= _MAX_NEXT_LENGTH and _is_local_path(target):
        return target
    return url_for("quiz.home")


# Judged by safe_next_url (a NUL there sends the user home), never stored or queried.
_NUL_CHECK_EXEMPT = frozenset({"next"})


def _has_nul(values) -> bool:
    return any(
        "\x00" in key or ("\x00" in value and key not in _NUL_CHECK_EXEMPT)
        for key, value in values.items(multi=True)
    )


def refuse_nul_bytes() -> None:
    """Answer 400 to a query or form field holding a NUL byte.

    No field of the app can hold one, and PostgreSQL refuses it in any string,
    so it would otherwise surface as a server error in whatever query used it.
    """
    if _has_nul(request.args) or (request.method != "GET" and _has_nul(request.form)):
        abort(400, "The request contains a NUL character, which no field accepts.")


def register(app: Flask) -> None:
    """Refuse NUL bytes in fields and add the security headers to every response."""

    app.before_request(refuse_nul_bytes)

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if response.mimetype == "text/html":
            headers.setdefault("Cache-Control", "no-store")
        return response
