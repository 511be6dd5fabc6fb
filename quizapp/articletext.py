"""Turn an uploaded article (plain text, Markdown or HTML) into the text questions cite.

HTML goes through trafilatura, which keeps the article's main content and
drops scripts, styles, navigation, footers and other page chrome. Markdown is
rendered to HTML first and read back the same way, so its markup (``#``,
``*``, link targets) never reaches a question. Plain text is kept exactly as
it is, line endings aside. Whatever comes out is what :class:`~quizapp.models.Article`
stores as ``raw_text``: the exact text the questions' source spans index.
"""

import enum
import unicodedata

import markdown


class ArticleFormat(enum.StrEnum):
    AUTO = "auto"
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class ArticleTextError(ValueError):
    """The upload holds no article text; the message says why."""


MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ")


def detect_format(content: str, filename: str = "") -> ArticleFormat:
    """Guess the format from the file name, then from how the text begins."""
    name = filename.lower()
    if name.endswith(HTML_SUFFIXES):
        return ArticleFormat.HTML
    if name.endswith(MARKDOWN_SUFFIXES):
        return ArticleFormat.MARKDOWN
    if content.lstrip().lower().startswith(HTML_STARTS):
        return ArticleFormat.HTML
    return ArticleFormat.TEXT


def _html_text(html: str, favor_recall: bool) -> str:
    # Imported when an article is read (in a job), not when a web process starts.
    import trafilatura

    # No ``deduplicate``: its cache is process-wide, so a second upload of the
    # same page would lose the paragraphs the first one had.
    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=favor_recall,
    )
    return text or ""


def _plain(content: str) -> str:
    return content.replace("\r\n", "\n").replace("\r", "\n")


def article_text(content: str, fmt: ArticleFormat | str, filename: str = "") -> str:
    """The article text of ``content`` read as ``fmt`` (``auto`` detects it).

    Raises :class:`ArticleTextError` when nothing readable is left.
    """
    fmt = ArticleFormat(fmt)
    if fmt == ArticleFormat.AUTO:
        fmt = detect_format(content, filename)
    if "\x00" in content:
        raise ArticleTextError("The file is not text (it contains NUL bytes).")
    if fmt == ArticleFormat.HTML:
        text = _html_text(content, favor_recall=False)
        if not text.strip():
            raise ArticleTextError(
                "No article text was found in the HTML page (only scripts, styles, "
                "navigation or other page chrome)."
            )
    elif fmt == ArticleFormat.MARKDOWN:
        rendered = markdown.markdown(_plain(content), output_format="html")
        text = _html_text(f"<html><body><article>{rendered}</article></body></html>", True)
    else:
        text = _plain(content)
        if not text.strip():
            raise ArticleTextError("The article is empty.")
        return text
    text = unicodedata.normalize("NFC", text).strip("\n")
    if not text.strip():
        raise ArticleTextError("The article is empty.")
    return text + "\n"
