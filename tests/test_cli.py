"""The command line, run in-process against real files and a real DuckDB database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "02_skripal_expulsions.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_code_prints_json_lines() -> None:
    code, out, _ = run("code", str(SAMPLE))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["article"]["published"] == "2018-03-14"
    assert record["article"]["title"].startswith("Britain expels")


def test_code_date_option_sets_publication_date(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Russia expelled two Estonian diplomats on Tuesday, the foreign ministry said.\n")
    code, out, _ = run("code", str(plain), "--date", "2021-06-10")
    assert code == 0
    assert json.loads(out)["article"]["published"] == "2021-06-10"


def test_code_rejects_a_malformed_date() -> None:
    code, _, err = run("code", str(SAMPLE), "--date", "10/06/2021")
    assert code != 0
    assert "YYYY-MM-DD" in err


def test_code_table_is_readable() -> None:
    code, out, _ = run("code", str(SAMPLE), "--format", "table")
    assert code == 0
    assert out.splitlines()[1].split()[0] == "date"
    assert "event(s)" in out


def test_bad_file_reports_one_line_and_the_others_are_coded(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    missing = tmp_path / "missing.txt"
    code, out, err = run("code", str(empty), str(SAMPLE), str(missing))
    assert code == 1
    assert len(out.splitlines()) == 1  # the good article is still coded
    errors = [line for line in err.splitlines() if line.startswith("eventwire:")]
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("missing.txt" in e for e in errors)


def test_ingest_then_query(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    code, _, err = run("ingest", str(REPO / "samples"), "--db", str(db))
    assert code == 0, err
    code, _, err = run("ingest", str(REPO / "samples"), "--db", str(db))
    assert "0 article(s) coded" in err and "already stored" in err

    code, out, _ = run("events", "--db", str(db), "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows
    actor = rows[0]["actor_countries"][0]
    code, out, _ = run("events", "--db", str(db), "--actor", actor, "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert parsed and all(actor in r["actor_countries"].split(";") for r in parsed)
    code, out, _ = run("events", "--db", str(db), "--since", "2030-01-01", "--format", "json")
    assert out.strip() == ""


def test_failures_command_lists_bad_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.md").write_text("")
    (folder / "ok.md").write_text(SAMPLE.read_text(encoding="utf-8"))
    db = tmp_path / "e.duckdb"
    code, _, _ = run("ingest", str(folder), "--db", str(db))
    assert code == 1
    code, out, _ = run("failures", "--db", str(db))
    assert "empty.md" in out and "ok.md" not in out


def test_a_coding_error_costs_only_that_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire import coding

    real = coding.code_article

    def flaky(article: coding.Article, nlp: object = None) -> coding.CodedArticle:
        if "Britain" in article.text:
            raise IndexError("boom")
        return real(article, nlp=nlp)  # type: ignore[arg-type]

    monkeypatch.setattr(coding, "code_article", flaky)
    other = REPO / "samples" / "03_abraham_accords.md"
    code, out, err = run("code", str(SAMPLE), str(other))
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "02_skripal_expulsions.md: could not be coded (IndexError: boom)" in err
