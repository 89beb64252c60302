"""The archive's loopback web site, for reports on articles not yet archived."""

from tests.archive.conftest import site

__all__ = ["site"]
