"""Coding posted text on the fly (`POST /code`) and, with the operator's token, storing it."""

from __future__ import annotations

import logging
import threading
from typing import Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from spacy.language import Language

from eventwire.coding import CodedArticle, code_article
from eventwire.output import to_contract
from eventwire.store import Store
from eventwire.web.adhoc import NotCodable, article_from_string
from eventwire.web.auth import require_token
from eventwire.web.body import CODE_REQUEST_BODY, read_code_request
from eventwire.web.db import connection
from eventwire.web.models import CodedContract, CodeRequest, StoredArticle
from eventwire.web.ratelimit import rate_limited

__all__ = ["router"]

router = APIRouter(tags=["code"])
_log = logging.getLogger(__name__)
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "empty or not English"},
    413: {"description": "body too large"},
    415: {"description": "not JSON"},
    429: {"description": "too many requests from this client (see Retry-After)"},
    500: {"description": "the pipeline failed on this text (a bug; logged)"},
}


class _Coder:
    """The pipeline, loaded on first use and run one article at a time (2 cores, big model)."""

    def __init__(self, nlp: Language | None) -> None:
        self._nlp = nlp
        self._lock = threading.Lock()

    def code(self, payload: CodeRequest) -> CodedArticle:
        try:
            article = article_from_string(text=payload.text, html=payload.html,
                                          title=payload.title, date=payload.date)
        except NotCodable as exc:
            raise HTTPException(400, f"cannot code this input: {exc}") from exc
        with self._lock:
            if self._nlp is None:
                from eventwire.nlp.pipeline import shared_pipeline

                self._nlp = shared_pipeline()
            try:
                return code_article(article, nlp=self._nlp)
            except Exception as exc:
                # A pipeline bug on one text: answer in JSON like every other error, keep the
                # traceback for the operator's log, not for the client.
                _log.exception("coding article %s failed", article.id)
                raise HTTPException(500, "coding this text failed (a bug in eventwire; "
                                         "the server log has the details)") from exc


def make_coder(nlp: Language | None) -> _Coder:
    return _Coder(nlp)


async def _coded(request: Request) -> CodedArticle:
    payload = await read_code_request(request)
    coder: _Coder = request.app.state.coder
    return await run_in_threadpool(coder.code, payload)


@router.post("/code", response_model=CodedContract, openapi_extra=CODE_REQUEST_BODY,
             responses=_ERRORS, dependencies=[Depends(rate_limited)],
             summary="Code posted text or HTML (nothing is stored)")
async def code(coded: CodedArticle = Depends(_coded)) -> dict[str, Any]:  # noqa: B008
    return to_contract(coded)


@router.post("/articles", response_model=StoredArticle, status_code=201,
             openapi_extra=CODE_REQUEST_BODY,
             responses={**_ERRORS, 401: {"description": "no or wrong bearer token"},
                        403: {"description": "server is read-only"}},
             dependencies=[Depends(require_token), Depends(rate_limited)],
             summary="Code posted text or HTML and store it (needs the bearer token)")
def store_article(
    coded: CodedArticle = Depends(_coded),  # noqa: B008
    con: duckdb.DuckDBPyConnection = Depends(connection),  # noqa: B008
) -> StoredArticle:
    Store(con).write(coded)
    return StoredArticle(id=coded.article.id, events=len(coded.asserted_events))
