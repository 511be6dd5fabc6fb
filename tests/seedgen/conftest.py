"""Fixtures for the seed pipeline tests: the real seed directory and its articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.seedgen import load_vocabulary
from quizapp.seedgen.pipeline import read_manifest, run
from quizapp.seedgen.sentences import load_nlp

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "seed"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The shared spaCy pipeline, loaded once per test session."""
    return load_nlp()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED_DIR


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary(SEED_DIR / "vocabulary.toml")


@pytest.fixture(scope="session")
def raw_articles() -> dict[str, str]:
    """Raw text of every manifest article, by article id."""
    return {
        meta["id"]: (SEED_DIR / "articles" / meta["source_file"]).read_text(encoding="utf-8")
        for meta in read_manifest(SEED_DIR)
    }


@pytest.fixture(scope="session")
def pipeline_run(nlp):
    """One full pipeline run over the seed directory (banks and stats), shared."""
    return run(SEED_DIR)


@pytest.fixture(scope="session")
def unseen_raw() -> str:
    return (FIXTURES / "unseen_article.txt").read_text(encoding="utf-8")
