"""The browser plumbing works: Chromium opens a page the live server renders."""


def test_home_page_opens_in_chromium(page, live_server):
    response = page.goto(live_server + "/")

    assert response is not None and response.ok
    assert "quizapp" in page.title()
    assert page.locator("h1").first.is_visible()
