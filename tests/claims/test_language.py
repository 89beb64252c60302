"""Telling German from English, down to a post inside an article."""

from corrigenda.claims.language import detect, mixed


def test_an_english_post_inside_a_german_article_is_english() -> None:
    post = "thanks but no, happy to buy twitter for $9.74 billion though if you like"
    assert detect(post, "de") == "en"
    assert detect("Danke, nein. Twitter würden wir dir aber gern abkaufen.", "en") == "de"


def test_too_little_evidence_keeps_the_default() -> None:
    assert detect("97,4 Milliarden", "de") == "de"
    assert detect("Musk OpenAI", "en") == "en"


def test_a_text_in_one_language_is_not_mixed() -> None:
    assert not mixed("der konzern hat 500 mitarbeiter und wächst.", "de")
    assert mixed('er sagte: "we grew revenue by 3 percent."', "de")
