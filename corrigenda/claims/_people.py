"""People named in news text, found by rule: who a quote's "er" or "Musk" refers to.

No German NER model is installable here, and a dictionary test does not work either
(simplemma knows "Altman", "Merkel" and "Scholz" as words). What does work in news
prose: a person is introduced once with a first name ("Elon Musk", "OpenAI-Chef Sam
Altman") and later called by the surname alone ("Musk", "Musks"). So a full name is a
known first name followed by one or two capitalised words; a later surname-only mention
is matched against the full names seen so far. The lists hold common first names of
German-, English- and other-language news; the gender lets "sie" skip a man's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigenda.claims.language import word_set

_FEMALE = word_set(
    """
    Alexandra Alice Alina Amelie Andrea Angela Angelika Anja Anke Anna Anne Annalena
    Annegret Annette Antje Astrid Barbara Beate Bettina Bianca Birgit Brigitte Britta
    Carina Carla Carmen Carola Caroline Charlotte Christa Christiane Christina Christine
    Claudia Cornelia Daniela Diana Doris Dorothea Edith Elena Elisabeth Elke Ellen Emilia
    Emily Emma Erika Eva Franziska Frauke Friederike Gabriele Gerda Gertrud Gisela Greta
    Gudrun Hanna Hannah Heike Helena Helene Helga Hildegard Ilse Ina Ines Ingeborg Ingrid
    Irene Iris Isabel Isabella Jana Janine Jasmin Jennifer Jessica Johanna Judith Julia
    Juliane Jutta Karin Karola Katarina Katharina Kathrin Katja Katrin Kerstin Klara
    Kristina Laura Lea Lena Lina Lisa Luise Manuela Mareike Margarete Margit Maria Marie
    Marina Marion Marlene Martina Melanie Michaela Miriam Monika Nadine Nadja Natalie
    Nicole Nina Olga Pamela Patricia Paula Petra Renate Ricarda Rita Rosa Ruth Sabine
    Sabrina Sahra Sandra Sara Sarah Saskia Silke Simone Sofia Sonja Sophia Sophie Stefanie
    Stephanie Susanne Svenja Swetlana Tanja Theresa Ulla Ulrike Ursula Ute Vanessa Vera
    Verena Veronika Viktoria Yvonne
    Ada Alexandria Amy Ashley Betty Carol Catherine Cathy Cheryl Christy Cindy Deborah
    Denise Donna Dorothy Elizabeth Ellen Emily Gina Grace Hillary Ivanka Jacinda Jane
    Janet Jennifer Jill Joan Joanna Jodie Karen Kamala Kate Katherine Kathleen Kay Kelly
    Kimberly Kristi Linda Lisa Liz Lucy Madeleine Margaret Marjorie Martha Mary Megan
    Melania Melinda Michelle Mira Nancy Nikki Oprah Pam Rachel Rebecca Ruth Sally
    Samantha Sheryl Stacey Susan Susie Taylor Tulsi Ursula Victoria Virginia Whitney
    Giorgia Marine Ségolène Christine Ilham Kaja Roberta Ursula Yulia Julija Olena
    """
)

_MALE = word_set(
    """
    Achim Adrian Albert Alexander Alfred Andreas André Anton Armin Arnold Axel Benedikt
    Benjamin Bernd Bernhard Björn Boris Bruno Burkhard Carsten Christian Christoph Claus
    Cem Daniel David Dennis Dieter Dietmar Dirk Dominik Eberhard Edmund Eduard Egon Emil
    Erich Ernst Erwin Eugen Fabian Felix Florian Frank Franz Friedrich Fritz Georg Gerhard
    Gerd Gregor Günter Günther Gustav Hans Harald Hartmut Heiko Heinrich Heinz Helmut
    Herbert Hermann Holger Horst Hubert Hubertus Ingo Jakob Jan Jens Joachim Jochen Johann
    Johannes Jonas Jörg Josef Julian Jürgen Kai Karl Karsten Kevin Klaus Konrad Kurt Lars
    Leon Lorenz Lothar Ludwig Lukas Lutz Manfred Marc Marco Marcel Markus Martin Mathias
    Matthias Max Maximilian Michael Moritz Nico Niklas Nikolaus Norbert Olaf Oliver Oskar
    Otto Pascal Patrick Paul Peter Philipp Rainer Ralf Ralph Reinhard Reinhold Rene René
    Richard Robert Roland Rolf Rudolf Rüdiger Sascha Sebastian Siegfried Sigmar Simon
    Stefan Steffen Stephan Sven Thomas Thorsten Till Tim Timo Tobias Torsten Udo Ulrich
    Uwe Volker Walter Werner Wilfried Wilhelm Winfried Wolfgang Wolfram Alois Reinhold
    Hannes Heinz-Christian Karl-Heinz Hans-Peter Frank-Walter Hans-Jürgen Karl-Theodor
    Aaron Adam Al Alan Andrew Anthony Antony Barack Ben Bernie Bill Bob Brad Brian Bruce
    Carl Charles Chris Chuck Colin Dan Dave Dick Don Donald Doug Ed Edward Elon Eric Gary
    George Greg Harry Henry Hunter Ian Jack Jacob Jake James Jamie Jared Jason Jay Jeff
    Jeffrey Jensen Jerome Jim Joe John Jon Jonathan Joseph Josh Justin Keir Ken Kevin
    Kyle Larry Lindsey Lloyd Marco Mark Matt Matthew Mike Mitch Nathan Neil Nick
    Nigel Pat Pete Phil Ralph Ray Reed Rex Rick Rishi Rob Robert Roger Ron Ronald Rudy
    Ryan Sam Satya Scott Sean Sergey Steve Steven Sundar Ted Tim Todd Tom Tony Travis
    Vivek Warren Will William Xavier
    Emmanuel François Nicolas Jean Jacques Pierre Giorgio Giuseppe Matteo Mario Silvio
    Pedro Javier Luis Carlos Jair Lula Wladimir Vladimir Volodymyr Wolodymyr Sergej
    Sergei Dmitri Dmitry Alexej Alexei Viktor Recep Benjamin Naftali Jair Narendra
    Shinzo Fumio Mohammed Mohammad Ali Ahmed Hassan Ibrahim Omar Yuval Masayoshi Jack
    Jeff Larry Sergey Jensen Tim Satya Sundar Mark Peter Reid Marc Travis Dara Brian
    """
)

FIRST_NAMES: dict[str, str] = {**dict.fromkeys(_MALE, "m"), **dict.fromkeys(_FEMALE, "f")}

# Words in front of a name that say what the person is, not who ("OpenAI-Chef Sam
# Altman", "Kanzler Scholz"): dropped from a speaker's name.
ROLE_SUFFIXES = (
    "chef", "chefin", "sprecher", "sprecherin", "präsident", "präsidentin", "minister",
    "ministerin", "kanzler", "kanzlerin", "leiter", "leiterin", "gründer", "gründerin",
    "anwalt", "anwältin", "experte", "expertin", "analyst", "analystin", "ökonom",
    "ökonomin", "vorsitzende", "vorsitzender", "direktor", "direktorin", "trainer",
    "trainerin", "meister", "meisterin", "ceo", "boss", "manager", "managerin", "sekretär",
    "sekretärin", "abgeordnete", "abgeordneter", "politiker", "politikerin", "richter",
    "richterin", "professor", "professorin", "autor", "autorin", "journalist",
    "journalistin", "investor", "investorin", "milliardär", "milliardärin", "unternehmer",
    "unternehmerin", "gouverneur", "senator", "senatorin", "bürgermeister",
    "bürgermeisterin", "stadtrat", "stadträtin", "funktionär", "funktionärin", "berater",
    "beraterin", "forscher", "forscherin", "coach", "hauptmann", "kommission", "chief",
    "officer", "president", "secretary", "governor", "spokesman", "spokeswoman",
    "spokesperson", "founder", "executive", "director", "judge", "herr", "frau", "dr",
    "prof", "mr", "mrs", "ms", "sir", "lord", "vize", "ehemalige", "ehemaliger", "frühere",
    "früherer",
)  # fmt: skip

_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w’'-]*(?:\s+[A-ZÄÖÜ][\w’'-]*){0,4}")
_GENITIVE = re.compile(r"(?:’s|'s|s)$")


def is_role(word: str) -> bool:
    """Whether a capitalised word names a role ("OpenAI-Chef", "Milliardär", "CEO")."""
    return word.lower().rstrip(".").endswith(ROLE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named at `start`: the full name as first introduced, and a gender."""

    start: int
    name: str
    gender: str | None  # "m", "f" or None when the first name does not tell


def full_name(words: list[str]) -> tuple[str, str | None] | None:
    """The person a run of capitalised words names, if it starts with a first name.

    "Sam Altman" → ("Sam Altman", "m"); "OpenAI-Chef Sam Altman" → the same, its role
    dropped; "Wall Street Journal" → None.
    """
    for index, word in enumerate(words):
        gender = FIRST_NAMES.get(word)
        if gender is not None and index + 1 < len(words):
            rest = [w for w in words[index + 1 : index + 3] if not is_role(w)]
            surname = rest[:2] if len(rest) > 1 and rest[1][:1].isupper() else rest[:1]
            if surname:
                return " ".join([word, *surname]), gender
    return None


class People:
    """The people one document names, found once and looked up by position."""

    def __init__(self, text: str, skip: list[tuple[int, int]]) -> None:
        self._text = text
        self._skip = skip
        self._mentions: list[Mention] | None = None

    def before(self, position: int) -> list[Mention]:
        """Mentions before `position`, in order (names inside `skip` spans left out)."""
        if self._mentions is None:
            self._mentions = _mentions(self._text, self._skip)
        return [m for m in self._mentions if m.start < position]

    def full_name(self, surname: str, position: int) -> str:
        """The full name a surname stands for ("Musk" → "Elon Musk"), preferring the
        person introduced before `position`, else later; the surname when none is."""
        known = self.before(len(self._text))
        earlier = [m for m in known if m.start < position]
        for mention in [*reversed(earlier), *known]:
            if mention.name.split()[-1] == surname:
                return mention.name
        return surname


def _mentions(text: str, skip: list[tuple[int, int]]) -> list[Mention]:
    """People named in `text` outside the `skip` spans (quotations), in order.

    A full name ("Elon Musk") registers its surname; a later "Musk" or "Musks" is a
    mention of the same person.
    """
    found: list[Mention] = []
    surnames: dict[str, tuple[str, str | None]] = {}
    for match in _CAPITALISED.finditer(text):
        if any(low <= match.start() < high for low, high in skip):
            continue
        words = match[0].split()
        person = full_name(words)
        if person is not None:
            name, gender = person
            surnames[name.split()[-1]] = person
            found.append(Mention(match.start(), name, gender))
            continue
        for word in words:
            base = _GENITIVE.sub("", word) if word not in surnames else word
            if word in surnames or base in surnames:
                name, gender = surnames.get(word) or surnames[base]
                found.append(Mention(match.start() + match[0].find(word), name, gender))
                break
    return found
