"""DuckDB storage of coded articles."""

from eventwire.store.database import Store, open_store
from eventwire.store.queries import EventFilter, query_events

__all__ = ["EventFilter", "Store", "open_store", "query_events"]
