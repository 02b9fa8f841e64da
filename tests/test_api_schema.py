"""Property-based check of every GET endpoint against its own OpenAPI schema (schemathesis):
generated parameters never cause a server error, and responses match the documented models."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from spacy.language import Language

from eventwire.web import create_app
from test_api_fixtures import build_web_db


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Any:
    db = build_web_db(tmp_path_factory.mktemp("schema") / "schema.duckdb", nlp)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, nlp=nlp)).include(
        method="GET")


GET_PATHS = ("/events", "/events/{article_id}/{event_index}", "/unique-events", "/articles",
             "/articles/{article_id}", "/actors", "/dyads", "/network", "/places", "/facets")


def test_every_get_endpoint_is_checked(api_schema: Any) -> None:
    documented = {op.ok().path for op in api_schema.get_all_operations()}
    assert documented == set(GET_PATHS)


@pytest.mark.parametrize("path", GET_PATHS)
def test_get_endpoint_conforms(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    # schemathesis's pytest plugin does not run under this pytest, so hypothesis drives it here.
    @given(case=operation.as_strategy())
    @settings(max_examples=15, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate()

    check()
