"""An outlet name for an article that only says where it was published (its URL)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from eventwire.ingest.resources import outlets

__all__ = ["outlet_from_url"]

# Sub-domains that name a service, not the outlet ("www3.nhk.or.jp" is "nhk.or.jp").
_SERVICE_PREFIX = re.compile(r"(?:www\d*|m|amp|mobile|edition|en|english)\.")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name from the table of known outlets, else the site's host name, else None."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if "." not in host:
        return None
    known = outlets()
    labels = host.split(".")
    # "edition.cnn.com" and "www.bbc.co.uk" are found by their registered part.
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in known:
            return known[candidate]
    prefix = _SERVICE_PREFIX.match(host)
    if prefix and host.count(".") > 1:
        host = host[prefix.end() :]
    return host
