import gzip
import zlib

import pytest

from corrigenda.fetcher import TooLarge, UnsupportedContent
from corrigenda.fetcher.decoding import BoundedBody

TEXT = "Der Kanton meldet 44 neue Fälle; am Vortag waren es 97. ".encode() * 40


def fed(body: BoundedBody, data: bytes, size: int) -> bytes:
    for start in range(0, len(data), size):
        body.feed(data[start : start + size])
    return body.finish()


@pytest.mark.parametrize("size", [1, 7, 65536])
@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        (None, TEXT),
        ("identity", TEXT),
        ("gzip", gzip.compress(TEXT)),
        ("GZIP", gzip.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)),
        ("deflate", zlib.compress(TEXT, wbits=-zlib.MAX_WBITS)),
        ("gzip", gzip.compress(TEXT[:100]) + gzip.compress(TEXT[100:])),  # two members
    ],
)
def test_bodies_decode_whatever_the_chunking(encoding: str | None, data: bytes, size: int) -> None:
    assert fed(BoundedBody(encoding, 1 << 20), data, size) == TEXT


def test_bytes_after_the_compressed_stream_are_ignored() -> None:
    assert fed(BoundedBody("gzip", 1 << 20), gzip.compress(TEXT) + b"\r\n\0junk", 512) == TEXT


def test_a_truncated_stream_keeps_what_was_decoded() -> None:
    data = zlib.compress(TEXT)
    decoded = fed(BoundedBody("deflate", 1 << 20), data[: len(data) // 2], 64)
    assert len(decoded) > 0
    assert TEXT.startswith(decoded)


def test_the_cap_holds_to_the_byte() -> None:
    exact = BoundedBody("gzip", len(TEXT))
    assert fed(exact, gzip.compress(TEXT), 100) == TEXT
    with pytest.raises(TooLarge):
        fed(BoundedBody("gzip", len(TEXT) - 1), gzip.compress(TEXT), 100)


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, gzip", "gzip, br"])
def test_encodings_not_asked_for_are_refused(encoding: str) -> None:
    with pytest.raises(UnsupportedContent):
        BoundedBody(encoding, 1024)
