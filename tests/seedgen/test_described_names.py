"""Names marked by a kind noun before them or by a title, and their typed keys."""

from quizapp.seedgen.entities import find_mentions
from quizapp.seedgen.keys import _without_title
from quizapp.seedgen.vocabulary import Vocabulary


def test_names_are_found_after_their_kind_noun_or_title():
    mentions, _ = find_mentions(
        "The team described the eruption of Mount Etna in the journal Nature.", Vocabulary()
    )
    assert {(m.kind, m.text) for m in mentions} >= {
        ("place", "Mount Etna"),
        ("publication", "Nature"),
    }


def test_a_titled_name_is_accepted_without_its_title():
    assert _without_title("Mount Etna") == ["Etna", "Mt. Etna"]
    assert _without_title("Etna") == []
