"""Finding a reader's quoted passage in an article: exact, normalised, fuzzy — or why not."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from corrigenda.reports.anchoring import CONTEXT_CHARS, Anchor, Miss, anchor, overlaps, reanchor

GERMAN = (
    "Die Kantonalbank meldete am Dienstag einen Gewinn von 9,74 Milliarden Franken. "
    "Im Vorjahr waren es 9,12 Milliarden gewesen, sagte Finanzchefin Andrea Meier in Aarau. "
    "Die Strasse nach Olten bleibt wegen der Bauarbeiten bis Ende März gesperrt.\n\n"
    "„Wir sind zufrieden“, sagte Meier – und verwies auf das  starke Geschäft\u00a0in Asien. "
    "Der Verwaltungsrat schlägt eine Divi\u00addende von 1'250 Franken pro Aktie vor."
)
ENGLISH = (
    "The council approved the budget on Tuesday. Spending rises to 4.2 billion dollars next "
    "year. Mayor Linda Brown said the plan protects schools. Critics said the plan protects "
    "nobody.\nSpending rises to 4.2 billion dollars, the report repeats."
)


def anchored(text: str, passage: str, **options: object) -> Anchor:
    found = anchor(text, passage, **options)  # type: ignore[arg-type]
    assert isinstance(found, Anchor), found
    assert text[found.start : found.end] == found.exact
    assert found.prefix == text[max(0, found.start - CONTEXT_CHARS) : found.start]
    assert found.suffix == text[found.end : found.end + CONTEXT_CHARS]
    return found


def missed(text: str, passage: str, **options: object) -> Miss:
    found = anchor(text, passage, **options)  # type: ignore[arg-type]
    assert isinstance(found, Miss), found
    return found


def test_an_exact_passage_is_found_where_it_stands() -> None:
    found = anchored(GERMAN, "  einen Gewinn von 9,74 Milliarden Franken\n")
    assert (found.start, found.method, found.score) == (GERMAN.index("einen Gewinn"), "exact", 100)
    assert found.exact == "einen Gewinn von 9,74 Milliarden Franken"
    assert found.prefix.endswith("am Dienstag ")
    assert found.suffix.startswith(". Im Vorjahr")


@pytest.mark.parametrize(
    ("passage", "exact"),
    [
        # German ß for Swiss ss, and the case of a sentence's first word
        (
            "die Straße nach Olten bleibt wegen der Bauarbeiten",
            "Die Strasse nach Olten bleibt wegen der Bauarbeiten",
        ),
        # straight quotation marks and a hyphen for „…“ and a dash
        ('"Wir sind zufrieden", sagte Meier - und', "„Wir sind zufrieden“, sagte Meier – und"),
        # one space for a double space and a non-breaking one
        (
            "verwies auf das starke Geschäft in Asien",
            "verwies auf das  starke Geschäft\u00a0in Asien",
        ),
        # a line break where the article has a paragraph break
        ("bis Ende März gesperrt. „Wir sind", "bis Ende März gesperrt.\n\n„Wir sind"),
        # a soft hyphen the reader's copy lost, a typographic apostrophe, decomposed ä
        (
            "schla\u0308gt eine Dividende von 1’250 Franken",
            "schlägt eine Divi\u00addende von 1'250 Franken",
        ),
        # the reader quoted the quotation
        ("«Strasse nach Olten»", "Strasse nach Olten"),
    ],
)
def test_a_passage_written_differently_is_found_with_exact_offsets(
    passage: str, exact: str
) -> None:
    found = anchored(GERMAN, passage)
    assert found.method == "normalised"
    assert found.exact == exact
    assert 0 < found.score < 100


def test_quotation_marks_around_a_passage_are_dropped_only_when_needed() -> None:
    found = anchored(GERMAN, '"Wir sind zufrieden"')
    assert found.exact == "„Wir sind zufrieden“"


@pytest.mark.parametrize(
    ("text", "passage", "exact"),
    [
        (
            GERMAN,
            "Im Vorjahr waren es 9,12 Milliarden gewesen, sagte Finanzcheifn Andrea Meier in Aarua.",
            "Im Vorjahr waren es 9,12 Milliarden gewesen, sagte Finanzchefin Andrea Meier in Aarau.",
        ),
        (
            GERMAN,
            "Die Strase nach Olten bleibt wegen der Bauarbieten bis Ende März gesperrt",
            "Die Strasse nach Olten bleibt wegen der Bauarbeiten bis Ende März gesperrt",
        ),
        (
            ENGLISH,
            "Mayor Linda Brown siad the plan protcets schools",
            "Mayor Linda Brown said the plan protects schools",
        ),
    ],
)
def test_a_passage_with_typos_is_found_fuzzily_on_word_boundaries(
    text: str, passage: str, exact: str
) -> None:
    found = anchored(text, passage)
    assert found.method == "fuzzy"
    assert found.exact == exact
    assert 85 <= found.score < 100


@pytest.mark.parametrize(
    ("text", "passage", "closest"),
    [
        # the article says 9,74: a reader quoting 9,75 has not quoted the article
        (
            GERMAN,
            "Die Kantonalbank meldete am Dienstag einen Gewinn von 9,75 Milliarden Franken.",
            "Die Kantonalbank meldete am Dienstag einen Gewinn von 9,74 Milliarden Franken.",
        ),
        (
            GERMAN,
            "einen Gewinn von 9,74 Millionen Franken",
            "einen Gewinn von 9,74 Milliarden Franken",
        ),
        (
            GERMAN,
            "Im Vorjahr waren es 9,12 Milliarden gewesen, sagte Finanzchefin Andrea Maier in Aarau.",
            "Im Vorjahr waren es 9,12 Milliarden gewesen, sagte Finanzchefin Andrea Meier in Aarau.",
        ),
        (
            ENGLISH,
            "Mayor Linda Green said the plan protects schools.",
            "Mayor Linda Brown said the plan protects schools.",
        ),
        (ENGLISH, "Spending rises to 4.3 billion dollars next year.", None),
    ],
)
def test_a_fuzzy_match_with_other_figures_or_names_is_not_taken(
    text: str, passage: str, closest: str | None
) -> None:
    found = missed(text, passage)
    assert found.reason == "figures_differ"
    if closest is not None:
        assert found.closest == closest
    assert found.closest is not None
    assert found.closest in text


def test_a_figure_is_not_found_inside_another() -> None:
    assert missed(GERMAN, "9,7").reason != "ambiguous"
    assert anchored(GERMAN, "9,74").exact == "9,74"
    assert missed(GERMAN, "9,75").reason == "not_found"


def test_thousands_separators_do_not_make_another_figure() -> None:
    found = anchored(GERMAN, "Divi\u00addende von 1\u2009250 Franken pro Aktie")
    assert found.exact == "Divi\u00addende von 1'250 Franken pro Aktie"


def test_a_passage_that_is_not_there_offers_the_closest_sentence() -> None:
    found = missed(GERMAN, "Die Strasse nach Aarau bleibt wegen Bauarbeiten bis Ende Juni offen")
    assert found.reason == "not_found"
    assert found.closest == (
        "Die Strasse nach Olten bleibt wegen der Bauarbeiten bis Ende März gesperrt."
    )
    assert 0 < found.score < 85


def test_a_passage_from_another_article_is_not_found() -> None:
    found = missed(ENGLISH, "The striker scored twice in the second half.")
    assert found.reason == "not_found"
    assert found.closest is not None
    assert found.closest in ENGLISH


@pytest.mark.parametrize("passage", ["", "   ", "\n\t", "\u00ad"])
def test_an_empty_passage_is_a_miss(passage: str) -> None:
    assert missed(GERMAN, passage) == Miss("empty", None, 0.0)


def test_a_passage_found_twice_is_ambiguous_without_context() -> None:
    found = missed(ENGLISH, "Spending rises to 4.2 billion dollars")
    assert (found.reason, found.closest) == ("ambiguous", "Spending rises to 4.2 billion dollars")
    assert missed(ENGLISH, "the plan protects").reason == "ambiguous"


def test_the_selection_context_chooses_among_duplicates() -> None:
    first = ENGLISH.index("Spending")
    second = ENGLISH.rindex("Spending")
    passage = "Spending rises to 4.2 billion dollars"
    assert anchored(ENGLISH, passage, prefix="budget on Tuesday. ").start == first
    assert anchored(ENGLISH, passage, suffix=" next year. Mayor").start == first
    assert anchored(ENGLISH, passage, suffix=", the report repeats").start == second
    # the context as a browser selection gives it: other whitespace, typographic marks
    assert anchored(ENGLISH, "the plan protects", prefix="Critics  said ").start == (
        ENGLISH.index("the plan protects nobody")
    )


def test_the_hint_chooses_among_duplicates_the_context_cannot_tell_apart() -> None:
    text = "Es regnet. Es regnet. Es regnet."
    assert anchored(text, "Es regnet.", hint=12).start == 11
    assert anchored(text, "Es regnet.", hint=0).start == 0
    assert anchored(text, "es regnet", hint=25).start == 22  # also when normalised
    assert missed("Ja. Ja. Ja.", "Ja.", hint=2).reason == "ambiguous"  # just between two


def test_a_whole_paragraph_is_found_fuzzily_despite_typos() -> None:
    paragraph = GERMAN[: GERMAN.index("\n\n")]
    typed = paragraph.replace("Dienstag", "Dienstga").replace("gesperrt", "gespertt")
    found = anchored(GERMAN, typed.replace("Strasse", "Straße"))
    assert (found.start, found.end, found.method) == (0, len(paragraph), "fuzzy")


def test_every_sentence_of_the_article_anchors_to_itself() -> None:
    for text in (GERMAN, ENGLISH):
        for sentence in text.replace("\n", " ").split(". "):
            found = anchor(text, sentence)
            if isinstance(found, Anchor):
                assert found.exact == text[found.start : found.end]
                assert found.method in {"exact", "normalised"}
            else:
                assert found.reason == "ambiguous"


def test_offsets_map_back_exactly_for_every_run_of_words() -> None:
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", GERMAN)]
    for length in (1, 3, 7):
        for (start, _), (_, end) in zip(words, words[length - 1 :], strict=False):
            original = GERMAN[start:end]
            typed = " ".join(original.upper().replace("„", '"').replace("“", '"').split())
            found = anchored(GERMAN, typed, hint=start)
            assert (found.start, found.end) == (start, end), typed


def test_a_passage_longer_than_the_article_is_not_found() -> None:
    assert missed("Kurz.", GERMAN).reason == "not_found"
    assert missed("", "Kurz.") == Miss("not_found", None, 0.0)


def test_a_selection_that_cuts_a_word_is_widened_to_the_whole_word() -> None:
    found = anchored(GERMAN, "illiarden Franken. Im Vorjahr")
    assert (found.exact, found.method) == ("Milliarden Franken. Im Vorjahr", "fuzzy")
    assert missed(GERMAN, "Kantonal").reason == "not_found"  # not the start of Kantonalbank


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (4, 9), True),
        ((0, 5), (5, 9), False),
        ((2, 3), (0, 9), True),
        ((3, 3), (0, 9), False),
    ],
)
def test_ranges_overlap_when_they_share_a_character(
    a: tuple[int, int], b: tuple[int, int], expected: bool
) -> None:
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_reanchor_keeps_the_anchor_on_the_same_text() -> None:
    found = anchored(GERMAN, "9,74 Milliarden")
    assert reanchor(GERMAN, found, GERMAN) == found


def test_reanchor_follows_the_passage_when_text_moves_around_it() -> None:
    found = anchored(ENGLISH, "Spending rises to 4.2 billion dollars", prefix="on Tuesday. ")
    newer = "A sentence was added at the top. " + ENGLISH
    moved = reanchor(ENGLISH, found, newer)
    assert isinstance(moved, Anchor)
    assert (moved.start, moved.exact, moved.method) == (found.start + 33, found.exact, "exact")


def test_reanchor_finds_the_corrected_passage_between_its_old_context() -> None:
    found = anchored(GERMAN, "9,74 Milliarden", prefix="einen Gewinn von ")
    corrected = GERMAN.replace("9,74 Milliarden", "9,47 Milliarden").replace(
        "Die Kantonalbank", "Die Aargauische Kantonalbank"
    )
    moved = reanchor(GERMAN, found, corrected)
    assert isinstance(moved, Anchor)
    assert (moved.exact, moved.method) == ("9,47 Milliarden", "fuzzy")
    assert corrected[moved.start : moved.end] == moved.exact


def test_reanchor_in_an_unrelated_text_is_a_miss() -> None:
    found = anchored(GERMAN, "9,74 Milliarden", prefix="einen Gewinn von ")
    moved = reanchor(GERMAN, found, "Der FC Aarau gewann am Samstag mit 2:1 gegen Thun.")
    assert isinstance(moved, Miss)
    assert moved.reason == "not_found"


def test_anchoring_imports_no_django() -> None:
    code = "import sys, corrigenda.reports.anchoring; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
