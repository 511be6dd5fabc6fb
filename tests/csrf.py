"""Reading a form's CSRF token and logging in through the protected login form."""

import re

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(client, url: str) -> str:
    """The CSRF token of the form on the page at ``url``."""
    return TOKEN.search(client.get(url).get_data(as_text=True)).group(1)


def log_in_with_token(client, user: dict) -> None:
    """Log ``user`` (with ``email`` and ``password``) in, sending the form's CSRF token."""
    client.post(
        "/auth/login",
        data={
            "email": user["email"],
            "password": user["password"],
            "csrf_token": csrf_token(client, "/auth/login"),
        },
    )
