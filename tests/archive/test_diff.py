"""Word-level diffs read like a proofreader's marks."""

from corrigenda.archive.diff import Gap, Op, Paragraph, diff_words, render_ansi, render_markers

OLD = "Altman bot 9,75 Milliarden Dollar für Twitter.\n\nMusk gründete OpenAI 2016 mit."
NEW = "Altman bot 9,74 Milliarden Dollar für Twitter.\n\nMusk gründete OpenAI 2015 mit."


def test_a_changed_figure_is_one_word_out_and_one_in() -> None:
    diff = diff_words(OLD, NEW)
    assert render_markers(diff) == (
        "Altman bot [-9,75-]{+9,74+} Milliarden Dollar für Twitter.\n\n"
        "Musk gründete OpenAI [-2016-]{+2015+} mit."
    )
    assert (diff.inserted_words, diff.deleted_words) == (2, 2)


def test_identical_texts_have_no_changes() -> None:
    diff = diff_words(OLD, OLD)
    assert diff.identical
    assert all(isinstance(block, Gap) for block in diff.blocks)


def test_rewritten_phrase_reads_as_one_change() -> None:
    diff = diff_words("Der Hund bellt laut im Garten.", "Eine Katze miaut laut im Garten.")
    assert render_markers(diff) == "[-Der Hund bellt-]{+Eine Katze miaut+} laut im Garten."


def test_added_paragraph_is_shown_whole() -> None:
    diff = diff_words("Eins.\n\nZwei.", "Eins.\n\nKorrektur: neu.\n\nZwei.")
    assert "{+Korrektur: neu.+}" in render_markers(diff).split("\n\n")


def test_long_unchanged_stretches_collapse_around_the_change() -> None:
    paragraphs = [f"Absatz {n} bleibt gleich." for n in range(20)]
    changed = list(paragraphs)
    changed[10] = "Absatz 10 ist neu."
    diff = diff_words("\n\n".join(paragraphs), "\n\n".join(changed), context=1)
    kinds = [block.kind for block in diff.blocks]
    assert kinds == ["gap", "paragraph", "paragraph", "paragraph", "gap"]
    assert [b.count for b in diff.blocks if isinstance(b, Gap)] == [9, 8]
    full = diff_words("\n\n".join(paragraphs), "\n\n".join(changed), context=None)
    assert len(full.blocks) == 20


def test_joined_paragraphs_are_marked() -> None:
    diff = diff_words("Erster Satz.\n\nZweiter Satz.", "Erster Satz. Zweiter Satz.")
    (paragraph,) = diff.blocks
    assert isinstance(paragraph, Paragraph)
    assert any(span.op is Op.DELETE and "¶" in span.text for span in paragraph.spans)


def test_terminal_colours_wrap_the_changes() -> None:
    coloured = render_ansi(diff_words(OLD, NEW))
    assert "\x1b[31;9m9,75\x1b[0m" in coloured
    assert "\x1b[32;4m9,74\x1b[0m" in coloured
