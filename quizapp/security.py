"""Security headers on every response, and checks on where the site may redirect."""

import unicodedata
from urllib.parse import unquote, urlsplit

from flask import Flask, Response, url_for

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


def register(app: Flask) -> None:
    """Add the security headers to every response."""

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
