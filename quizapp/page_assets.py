"""The stylesheet, script and icon tags every page repeats, built once per site root.

Bootstrap-Flask rebuilds its tags with ``url_for`` on every call; these never
change while the app runs, except with the root the site is mounted at.
"""

from typing import NamedTuple

from flask import Flask, request, url_for
from markupsafe import Markup


class PageAssets(NamedTuple):
    bootstrap_css: Markup
    bootstrap_js: Markup
    stylesheet: str
    icon_svg: str
    icon_ico: str


def register(app: Flask) -> None:
    """Offer ``page_assets()`` to templates."""
    built: dict[str, PageAssets] = {}

    def page_assets() -> PageAssets:
        root = request.script_root
        if root not in built:
            bootstrap = app.extensions["bootstrap"]
            built[root] = PageAssets(
                bootstrap.load_css(),
                bootstrap.load_js(),
                url_for("static", filename="css/quizapp.css"),
                url_for("static", filename="img/favicon.svg"),
                url_for("favicon"),
            )
        return built[root]

    app.jinja_env.globals["page_assets"] = page_assets
