import pytest

from quizapp.seedgen.extract import extract_blocks, is_end_marker, rejection_reason
from quizapp.seedgen.sentences import clean_text, split_sentences


def test_blocks_index_the_raw_text(raw_articles):
    for raw in raw_articles.values():
        for block in extract_blocks(raw):
            assert raw[block.start : block.end] == block.text


def test_chrome_is_dropped(raw_articles):
    body = " ".join(b.text for raw in raw_articles.values() for b in extract_blocks(raw))
    for chrome in ("Related News", "SUBSCRIBE", "Credit:", "[SK]", "How useful", "RELATED:",
                   "agle@jpl.nasa.gov", "Click on a star", "move the mouse", "solely responsible",
                   "federally funded"):  # fmt: skip
        assert chrome not in body


def test_prose_and_captions_are_kept(raw_articles):
    body = " ".join(b.text for raw in raw_articles.values() for b in extract_blocks(raw))
    assert "share space on the mast with two science cameras" in body
    assert "The image was taken by one of Perseverance's color Hazard Cameras" in body
    assert "just 1 degree of tilt" in body


def test_caption_printed_twice_is_kept_once(raw_articles):
    blocks = extract_blocks(raw_articles["perseverance-sneak-peek"])
    hits = [b for b in blocks if b.text.startswith("This high-resolution image shows one")]
    assert len(hits) == 1


def test_rejection_rules():
    assert rejection_reason("Credit: NASA/JPL-Caltech") == "chrome prefix"
    assert rejection_reason("202-672-4780 / 202-358-0668") == "contact or link"
    assert rejection_reason("[SK] Slovenskú verziu článku nájdete na tejto adrese.")
    assert rejection_reason("NASA Retires InSight Mars Lander Mission After Years of Science")
    assert is_end_marker("Cite this text:")
    assert rejection_reason("An ellipse indicates where Perseverance touched down now.") is None


def test_a_sentence_full_of_names_is_prose_not_a_heading():
    sentence = (
        "The James Webb Space Telescope left Earth on Dec. 25, 2021, aboard an Ariane 5 "
        "rocket from Europe's spaceport in Kourou, French Guiana."
    )
    assert rejection_reason(sentence) is None
    assert rejection_reason("The Red Planet's Newest Rover Lands Safely In Jezero Crater.")


def test_sentences_index_the_raw_text_and_repair_broken_name(raw_articles):
    raw = raw_articles["perseverance-sneak-peek"]
    sentences = split_sentences(raw, extract_blocks(raw))
    for sentence in sentences:
        assert raw[sentence.start : sentence.end] == sentence.text
    broken = [s for s in sentences if "Reconnaissance. Orbiter" in s.text]
    assert len(broken) == 1
    assert "Mars Reconnaissance Orbiter, which used" in broken[0].clean


def test_quote_opener_moves_to_the_next_sentence(raw_articles):
    raw = raw_articles["awestruck"]
    texts = [s.text for s in split_sentences(raw, extract_blocks(raw))]
    assert '"It was stunning, and the team was awestruck.' in texts
    assert not any(t.endswith((' "', " (")) for t in texts)
    assert "(NASA)" in texts


def test_clean_text_fixes_glued_month_and_thorough():
    assert clean_text("landed on Feb.18, 2021") == "landed on Feb. 18, 2021"
    assert clean_text("falling thorough the Martian atmosphere") == (
        "falling through the Martian atmosphere"
    )


def test_first_person_narration_is_flagged(raw_articles):
    raw = raw_articles["first-images-and-video"]
    sentences = split_sentences(raw, extract_blocks(raw))
    photo = next(s for s in sentences if s.clean.startswith("Photograph of me"))
    assert photo.first_person


def test_captions_that_point_at_their_picture_are_made_to_stand_alone():
    assert clean_text(
        "This high-resolution image shows one of the six wheels aboard NASA's Perseverance "
        "Mars rover, which landed on Feb. 18, 2021."
    ).startswith("A high-resolution image shows one of the six wheels")
    assert clean_text(
        "The black and white photo above shows the descending Perseverance probe on a "
        "supersonic parachute."
    ).startswith("A black and white photo shows the descending")
    assert clean_text("The image above shows the Perseverance probe still on the cables.") == (
        "An image shows the Perseverance probe still on the cables."
    )
    assert "falling through the Martian atmosphere in an image taken on" in clean_text(
        "The descent stage can be seen falling through the Martian atmosphere in this image "
        "taken on Feb. 18, 2021 by the HiRISE camera."
    )
    assert (
        clean_text(
            "Perseverance got a close-up from NASA’s eye in the sky, as well: NASA’s Mars "
            "Reconnaissance Orbiter."
        )
        == "Perseverance got a close-up from NASA’s eye in the sky: NASA’s Mars "
        "Reconnaissance Orbiter."
    )
    # A caption that only calls its picture interesting keeps its pointer (and is rejected).
    text = "The image above, which shows the discarded parachute itself, is interesting."
    assert clean_text(text) == text


def test_a_dateline_is_left_out_of_the_first_sentence():
    raw = "BENGALURU, Aug 23 (Skyline) — An Indian lander touched down near the pole on Wednesday."
    (sentence,) = split_sentences(raw, extract_blocks(raw))
    assert sentence.clean.startswith("An Indian lander touched down")
    assert raw[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "dateline",
    ["SÃO PAULO — ", "MÜNCHEN, Germany — ", "ŁÓDŹ — ", "HILO/KAILUA-KONA — ", "ÅRHUS, Denmark -- "],
)
def test_a_dateline_with_accented_or_joined_place_names_is_left_out(dateline):
    raw = dateline + "A new survey counted more seabirds on the coast than in any year before."
    (sentence,) = split_sentences(raw, extract_blocks(raw))
    assert sentence.clean.startswith("A new survey counted")
    assert raw[sentence.start : sentence.end] == sentence.text


def test_a_photo_caption_is_not_a_question_source():
    from quizapp.seedgen.facts import article_facts
    from quizapp.seedgen.vocabulary import Vocabulary

    raw = (
        "[Photo] The target chamber, where the lasers converge on a fuel capsule.\n\n"
        "Scientists at a laboratory in California produced a reaction that released energy.\n\n"
        "Engineers in the control room cheered as the lander touched down on the moon. "
        "(Photo: ISRO/Handout)\n"
    )
    sentences = split_sentences(raw, extract_blocks(raw))
    facts = article_facts(raw, sentences, Vocabulary(), None)
    usable = [sf.sentence.clean for sf in facts.sentences if sf.unusable is None]
    assert usable == [
        "Scientists at a laboratory in California produced a reaction that released energy."
    ]
