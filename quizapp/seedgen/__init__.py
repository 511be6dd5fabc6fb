"""Seed pipeline: turn news articles into grounded question banks (plain Python, no Flask).

Stages: ``extract`` (article body) -> ``sentences`` -> ``facts`` (``entities``,
``quantities``, events) -> ``generate`` (one function per rule) -> ``gates`` ->
``select`` (ranking, de-duplication) -> ``classify`` (topic, difficulty) -> ``bank``;
``report`` summarises a run.
"""

from .pipeline import build_banks, generate_bank, report
from .report import Stats
from .vocabulary import load_vocabulary

__all__ = ["Stats", "build_banks", "generate_bank", "load_vocabulary", "report"]
