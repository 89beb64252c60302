"""The claim engine: extract, normalise and compare checkable claims in news text.

Pure Python — no Django, no database, no network — so it works as a library:

    from corrigenda.claims import Document, compare, extract

    claims = extract(text, published=dt.date(2025, 2, 11))
    facts = compare([Document("a", "Tagblatt", tuple(claims)), ...])
"""

from corrigenda.claims.compare import compare
from corrigenda.claims.extract import extract
from corrigenda.claims.model import Claim, Document, Fact, Kind, Span, Statement, Status

__all__ = [
    "Claim",
    "Document",
    "Fact",
    "Kind",
    "Span",
    "Statement",
    "Status",
    "compare",
    "extract",
]
