"""The documented threshold between a typo fix and an edit of substance (pure, no database)."""

from __future__ import annotations

import pytest

from corrigenda.publish.silent_edits import (
    MAX_TYPOS,
    Passage,
    Reason,
    classify,
    describe,
    typo_distance,
)

TEXT = (
    "Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen. "
    "Die Kosten belaufen sich auf 14,2 Millionen Franken, wie Stadtpräsidentin "
    "Anna Keller mitteilte.\n\nBaubeginn ist im Frühjahr 2026."
)
REPORTED = "Die Kosten belaufen sich auf 14,2 Millionen Franken"
PASSAGE = Passage(TEXT.index(REPORTED), TEXT.index(REPORTED) + len(REPORTED), key=7)


def edited(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def test_the_same_text_is_no_edit() -> None:
    edit = classify(TEXT, TEXT, [PASSAGE])
    assert edit.identical
    assert not edit.trivial
    assert not edit.substantive
    assert edit.touched == ()


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("beschlossen", "beschlosen", Reason.TYPO),  # a letter dropped (11 letters: up to 2)
        ("Stadtpräsidentin", "Stadtpräsidnetin", Reason.TYPO),  # two letters swapped
        ("Hafens beschlossen", "Hafens, beschlossen", Reason.PUNCTUATION),  # a comma
        ("Frühjahr 2026.", "Frühjahr 2026!", Reason.PUNCTUATION),
        ("Keller mitteilte.", "Keller mitteilte .", Reason.WHITESPACE),
        ("am Dienstag", "am  Dienstag", Reason.WHITESPACE),
        ("Der Stadtrat", "Der stadtrat", Reason.CASE),
        ("den Ausbau", "denAusbau", Reason.SPACING),
    ],
)
def test_typo_punctuation_whitespace_and_case_fixes_are_trivial(
    old: str, new: str, reason: Reason
) -> None:
    edit = classify(TEXT, edited(old, new))
    assert [change.reason for change in edit.changes] == [reason]
    assert edit.trivial
    assert not edit.substantive


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("14,2 Millionen", "12,4 Millionen", Reason.NUMBER),  # a changed figure
        ("14,2 Millionen", "14,3 Millionen", Reason.NUMBER),  # one digit is still a figure
        ("Frühjahr 2026", "Frühjahr 2027", Reason.NUMBER),  # a date
        ("Anna Keller", "Beatrice Roth", Reason.WORDS),  # another person
        ("Keller", "Kellner", Reason.NAME),  # a person's name misspelt: announced
        ("am Dienstag", "am Mittwoch", Reason.WORDS),  # another day
        ("hat am", "hat nicht am", Reason.WORDS),  # a word added
        ("Die Kosten", "Kosten", Reason.WORDS),  # a word removed
    ],
)
def test_figures_names_and_words_are_substantive_unless_a_close_spelling(
    old: str, new: str, reason: Reason
) -> None:
    edit = classify(TEXT, edited(old, new))
    assert [change.reason for change in edit.changes] == [reason]
    assert edit.substantive is (reason is not Reason.TYPO)


def test_a_name_is_misspelt_wherever_it_stands_but_a_noun_has_a_typo() -> None:
    text = TEXT + " Keller sagte, der Hafen sei zu klein."
    later = text.replace("Keller sagte", "Kellner sagte")
    assert [c.reason for c in classify(text, later).changes] == [Reason.NAME]
    assert classify(text, text.replace("Hafens", "Hafnes")).trivial  # a noun, not a name
    english = "Mayor Anna Keller said the harbour was too small."
    assert classify(english, english.replace("Keller", "Kellner"), lang="en").substantive


def test_short_words_are_typos_only_when_two_letters_are_swapped() -> None:
    text = "Das ist kein Problem, sagt die Stadt."
    assert classify(text, text.replace("die", "dei")).trivial
    assert classify(text, text.replace("kein", "ein")).substantive  # meaning reversed
    assert typo_distance(4) == 0
    assert typo_distance(5) == typo_distance(7) == 1
    assert typo_distance(8) == typo_distance(20) == 2


def test_a_figure_added_or_removed_is_substantive() -> None:
    assert classify(TEXT, edited("Franken,", "Franken (2,1 mehr),")).substantive
    assert classify(TEXT, edited(" 2026", "")).substantive


def test_meaningful_symbols_are_not_punctuation() -> None:
    text = "Die Steuer steigt um 5 Prozent."
    assert classify(text, text.replace(".", "!")).trivial
    percent = "Die Steuer steigt um 5 %."
    assert classify(percent, percent.replace(" %", "")).substantive


def test_more_than_the_allowed_number_of_typos_is_a_rewrite() -> None:
    words = ["Stadtrat", "Dienstag", "Kosten", "Franken", "Millionen"]
    swapped = {"Stadtrat": "Stadtrta", "Dienstag": "Dientsag", "Kosten": "Kotsen"}
    swapped |= {"Franken": "Frnaken", "Millionen": "Milloinen"}
    few, many = TEXT, TEXT
    for index, word in enumerate(words):
        many = many.replace(word, swapped[word], 1)
        if index < MAX_TYPOS:
            few = few.replace(word, swapped[word], 1)
    assert classify(TEXT, few).typos == MAX_TYPOS
    assert classify(TEXT, few).trivial
    assert classify(TEXT, many).typos == len(words)
    assert classify(TEXT, many).substantive


def test_a_change_inside_the_reported_passage_touches_it() -> None:
    edit = classify(TEXT, edited("14,2", "12,4"), [PASSAGE])
    assert edit.touched == (7,)
    # Even a comma inside it: the reader pointed at exactly these words.
    assert classify(TEXT, edited("Kosten belaufen", "Kosten, belaufen"), [PASSAGE]).touched == (7,)


def test_changes_outside_the_passage_or_in_its_whitespace_do_not_touch_it() -> None:
    outside = classify(TEXT, edited("Anna Keller", "Beatrice Roth"), [PASSAGE])
    assert outside.substantive
    assert outside.touched == ()
    spaced = classify(TEXT, edited("belaufen sich", "belaufen  sich"), [PASSAGE])
    assert spaced.touched == ()
    # Words added right before or after the passage leave its own words alone.
    assert (
        classify(TEXT, edited("beschlossen. Die", "beschlossen. Neu: Die"), [PASSAGE]).touched == ()
    )


def test_several_passages_are_told_apart() -> None:
    second = Passage(TEXT.index("Anna Keller"), TEXT.index("Anna Keller") + 11, key=9)
    edit = classify(TEXT, edited("Anna Keller", "Anna Kellner"), [PASSAGE, second])
    assert edit.touched == (9,)


def test_the_description_quotes_old_and_new_wording_substantive_first() -> None:
    new = edited("beschlossen", "beschlosen").replace("14,2", "12,4")
    edit = classify(TEXT, new)
    lines = describe(edit, TEXT, new).splitlines()
    assert len(lines) == 2
    assert "14,2 Millionen" in lines[0].split("→")[0]
    assert "12,4 Millionen" in lines[0].split("→")[1]
    assert "beschlosen" in lines[1]


def test_positions_of_the_changes_refer_to_the_texts() -> None:
    new = edited("14,2", "12,4")
    (change,) = classify(TEXT, new).changes
    assert TEXT[change.old_start : change.old_end] == "14,2"
    assert new[change.new_start : change.new_end] == "12,4"
