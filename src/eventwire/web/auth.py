"""Bearer-token guard for the endpoints that write."""

from __future__ import annotations

import hmac

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.web.db import settings_of
from eventwire.web.settings import Settings

__all__ = ["require_token"]

_bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token`.")


def require_token(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008
) -> None:
    settings: Settings = settings_of(request)
    if settings.token is None:
        raise HTTPException(403, "this server is read-only (start it with --token to allow writes)")
    if credentials is None or not hmac.compare_digest(
        credentials.credentials.encode("utf-8"), settings.token.encode("utf-8")
    ):
        raise HTTPException(401, "a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})
