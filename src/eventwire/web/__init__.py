"""HTTP API and one-page web app over an eventwire DuckDB database (``eventwire serve``)."""

from eventwire.web.app import create_app
from eventwire.web.settings import Settings

__all__ = ["Settings", "create_app"]
