"""Helpers for the format tests: the fixture files and a short way to read them."""

from pathlib import Path

import pytest

from quizapp import formats

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def read_fixture():
    """Parse a fixture file by name, format detected from its content."""

    def read(name: str, fmt: str = "auto") -> formats.ParseResult:
        return formats.read((FIXTURES / name).read_bytes(), fmt)

    return read
