"""Context of a claim: names near it and the content words of its clause."""

from corrigenda.claims.context import clause, compound_head, entities, lemmas, lemmas_around


def test_names_are_found_in_german_where_every_noun_is_capitalised() -> None:
    sentence = (
        "Der OpenAI-Chef Altman zeigte kein Interesse an dem Angebot, bot Musk aber an, "
        "ihm Twitter für 9,74 Milliarden Dollar abzukaufen."
    )
    assert set(entities(sentence, "de")) == {"OpenAI", "Altman", "Musk", "Twitter"}


def test_multiword_names_stay_together_and_titles_are_dropped() -> None:
    found = entities(
        "Wie das Wall Street Journal in einem Bericht meldet, hat Musks Anwalt Marc "
        "Toberoff mit xAI und Sam Altman gesprochen.",
        "de",
    )
    assert {"Wall Street Journal", "Marc Toberoff", "xAI", "Sam Altman", "Musk"} <= set(found)
    assert "Anwalt" not in found
    assert "Bericht" not in found


def test_common_nouns_are_not_names() -> None:
    found = entities("Die Organisation legte in Höhe von 5 Euro ein Angebot vor.", "de")
    assert found == ()


def test_the_word_before_decides_whether_a_known_word_is_a_name() -> None:
    # Known words: a name after a preposition, a common noun after an article.
    assert entities("Das Geld kam von Twitter.", "de") == ("Twitter",)
    assert entities("Er sah das Twitter nicht.", "de") == ()
    assert entities("Das Geld kam von Altman.", "de") == ("Altman",)
    assert entities("Er lobte den Altman.", "de") == ()
    # After an article only a plain word is passed over, not an acronym or a longer run.
    assert entities(
        "Er sprach mit der SPÖ, dem neuen Wall Street Journal und der Regierung in Wien.", "de"
    ) == ("SPÖ", "Wall Street Journal", "Wien")


def test_some_words_are_names_or_not_wherever_they_stand() -> None:
    # An acronym is a name anywhere, a noun ending in "-ung" nowhere.
    for sentence in (
        "SPÖ und Regierung stritten.",
        "Es stritten die SPÖ und die Regierung.",
        "Es stritten SPÖ und Regierung.",
    ):
        assert entities(sentence, "de") == ("SPÖ",)


def test_english_names_are_the_capitalised_words() -> None:
    assert entities("thanks but no — Sam Altman (@sama) February 10, 2025", "en") == ("Sam Altman",)


def test_lemmas_come_from_the_clause_nearest_first() -> None:
    sentence = "Das Wetter war schön, Musk hatte das Unternehmen vor zehn Jahren mitgegründet."
    start = sentence.index("vor zehn")
    end = start + len("vor zehn Jahren")
    left, right = clause(sentence, start, end)
    assert sentence[left:right].startswith(" Musk")
    words = lemmas_around(sentence[left:start], sentence[end:right], "de")
    assert words[:2] == ("unternehmen", "mitgründen")
    assert "wetter" not in words
    assert lemmas("Die Investoren boten", "de") == ("investor", "bieten")


def test_a_dash_between_spaces_ends_a_clause_and_a_hyphen_does_not() -> None:
    for sentence, expected in (
        ("Der Umsatz - laut SPÖ-Angaben - stieg um 5 Prozent, sagte sie.", "stieg um 5 Prozent"),
        (
            "Der Umsatz stieg laut SPÖ-Angaben um 5 Prozent, sagte sie.",
            "Der Umsatz stieg laut SPÖ-Angaben um 5 Prozent",
        ),
    ):
        start = sentence.index("5 Prozent")
        left, right = clause(sentence, start, start + len("5 Prozent"))
        assert sentence[left:right].strip() == expected


def test_a_compound_s_head_is_its_last_known_noun() -> None:
    assert compound_head("Übernahmeangebot") == "angebot"
    assert compound_head("Konflikt") is None  # "Kon|flikt" is no compound
