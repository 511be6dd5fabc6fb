"""Uploaded bytes to text: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""

import codecs


class FileTextError(ValueError):
    """The bytes are not text we can read; the message says what is wrong and what to do."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def decode(raw: bytes) -> str:
    """Decode ``raw``; raise :class:`FileTextError` naming the problem (and its line)."""
    if not raw.strip():
        raise FileTextError("The file is empty.")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileTextError(f"The file says it is UTF-16 but is not: {exc.reason}.") from None
    else:
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise FileTextError(
                f"The file is not a text file (it holds a NUL byte on line {line}).", line
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileTextError(
                f"The file is not UTF-8 text: byte 0x{raw[exc.start]:02x} on line {line} "
                "cannot be read. Save the file as UTF-8 (or UTF-16 with a byte-order mark) "
                "and try again.",
                line,
            ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise FileTextError(
            f"The file is not a text file (it holds a NUL byte on line {line}).", line
        )
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
