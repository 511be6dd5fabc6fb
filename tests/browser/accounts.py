"""Registering and logging in through the real forms, as a student would."""

from playwright.sync_api import Page

PASSWORD = "a long enough password"


def register(page: Page, base: str, email: str, name: str = "Sam Student") -> None:
    """Register ``email`` and log in with it (registration leads to the login form)."""
    page.goto(base + "/auth/register")
    page.fill("input[name=email]", email)
    page.fill("input[name=display_name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    log_in(page, email)


def log_in(page: Page, email: str) -> None:
    """Fill in the login form on the current page and send it."""
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
