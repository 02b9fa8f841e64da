"""Reading a JSON request body with a size cap, before anything parses it."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from eventwire.web.db import settings_of
from eventwire.web.models import CodeRequest

__all__ = ["CODE_REQUEST_BODY", "read_code_request"]

#: OpenAPI description of the body, since it is read by hand (to cap its size while streaming)
CODE_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": CodeRequest.model_json_schema()}},
    }
}


async def _capped_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    # Counted while streaming too: a chunked body has no Content-Length to trust.
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_code_request(request: Request) -> CodeRequest:
    body = await _capped_body(request, settings_of(request).max_body)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise HTTPException(415, "send a JSON body (Content-Type: application/json)")
    try:
        return CodeRequest.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False),
                                     body=None) from exc
