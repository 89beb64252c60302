"""Undo a response's Content-Encoding while it streams in, never past the size cap.

A gzip bomb turns one megabyte on the wire into gigabytes: the decompressor is only
ever allowed to produce the bytes still left under the cap (plus one, to notice the
overflow), so an oversized body fails after at most `max_bytes` of output.
"""

from __future__ import annotations

import contextlib
import zlib

from corrigenda.fetcher.errors import TooLarge, UnsupportedContent

# Brotli is not asked for: the stdlib has no decoder, and a third-party one needs an
# output limit per call to be bomb-proof. Servers must honour Accept-Encoding.
ACCEPT_ENCODING = "gzip, deflate"

_GZIP_MAGIC = b"\x1f\x8b"


class BoundedBody:
    """Collects a body, decoding `encoding` on the fly, and stops at `max_bytes`."""

    def __init__(self, encoding: str | None, max_bytes: int) -> None:
        coding = (encoding or "identity").strip().lower()
        if coding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise UnsupportedContent(
                f"the server sent the body with Content-Encoding {encoding!r}",
                reason="content_encoding",
            )
        self._coding = "gzip" if coding == "x-gzip" else coding
        self._max_bytes = max_bytes
        self._body = bytearray()
        self._wire_bytes = 0
        self._pending = b""  # deflate: bytes held until the stream's header shows its kind
        self._inflater: zlib._Decompress | None = None
        if self._coding == "gzip":
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> None:
        """Add bytes as they came off the wire."""
        self._wire_bytes += len(chunk)
        if self._wire_bytes > self._max_bytes:
            raise TooLarge(
                f"the body is larger than {self._max_bytes} bytes", reason="body_too_large"
            )
        if self._coding == "identity":
            self._append(chunk)
            return
        if self._inflater is None:
            # HTTP "deflate" should be zlib-wrapped, but some servers send raw deflate.
            self._pending += chunk
            if len(self._pending) < 2:
                return
            chunk, self._pending = self._pending, b""
            zlib_wrapped = (chunk[0] & 0x0F) == 8 and int.from_bytes(chunk[:2]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
        self._inflate(chunk)

    def _inflate(self, data: bytes) -> None:
        assert self._inflater is not None
        try:
            while data:
                inflater = self._inflater
                # max_length bounds what this call may allocate; 0 would mean "no limit".
                room = self._max_bytes - len(self._body) + 1
                self._append(inflater.decompress(data, room))
                data = inflater.unconsumed_tail
                if inflater.eof:
                    data = inflater.unused_data
                    if self._coding != "gzip" or not data.startswith(_GZIP_MAGIC):
                        return  # trailing bytes after the stream are ignored, as browsers do
                    # A gzip body may hold several members, one after the other.
                    self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        except zlib.error as error:
            raise UnsupportedContent(
                f"the {self._coding} body is corrupt: {error}", reason="corrupt_encoding"
            ) from None

    def _append(self, data: bytes) -> None:
        self._body += data
        if len(self._body) > self._max_bytes:
            raise TooLarge(
                f"the decoded body is larger than {self._max_bytes} bytes",
                reason="decoded_too_large" if self._coding != "identity" else "body_too_large",
            )

    def finish(self) -> bytes:
        """The decoded body, once the wire has no more bytes."""
        if self._pending:
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            pending, self._pending = self._pending, b""
            self._inflate(pending)
        if self._inflater is not None:
            # A truncated stream keeps what was decoded, as a browser does.
            with contextlib.suppress(zlib.error):
                self._append(self._inflater.flush(self._max_bytes - len(self._body) + 1))
        return bytes(self._body)
