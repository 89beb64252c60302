"""The archive's loopback web site, for evidence pages the pre-check fetches."""

from tests.archive.conftest import site

__all__ = ["site"]
