"""corrigenda: an open-source corrections desk for news outlets."""

__version__ = "0.1.0"
