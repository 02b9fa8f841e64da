"""The `eventwire` command: a thin click layer over the package's functions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from eventwire._version import __version__

TABLE_COLUMNS = (
    ("date", 12), ("type", 9), ("mode", 10), ("actor", 22), ("recipient", 22),
    ("source", 10), ("evidence", 70),
)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _pipeline(actors_files: tuple[str, ...]) -> Any:
    from eventwire.nlp.pipeline import build_pipeline, shared_pipeline

    if actors_files:
        return build_pipeline(actors_files=tuple(Path(p) for p in actors_files))
    return shared_pipeline()


def _who(names: list[str] | None, countries: list[str] | None) -> str:
    codes = ",".join(countries or [])
    label = "; ".join(names or [])
    return f"{codes} {label}".strip()


def _event_rows(events: list[dict[str, Any]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for e in events:
        date = e.get("date_start")
        if date is not None and e.get("date_precision") == "month":
            date = str(date)[:7]
        elif date is not None and e.get("date_precision") == "year":
            date = str(date)[:4]
        rows.append([
            date or (f"({e['published']})" if e.get("published") else ""),
            e["type"], e.get("mode"),
            _who(e.get("actor_names"), e.get("actor_countries")),
            _who(e.get("recipient_names"), e.get("recipient_countries")),
            e.get("attribution_kind") or "outlet", e["evidence"],
        ])
    return rows


def _print_table(events: list[dict[str, Any]]) -> None:
    from eventwire.render import text_table

    headers = [c for c, _ in TABLE_COLUMNS]
    widths = [w for _, w in TABLE_COLUMNS]
    click.echo(text_table(headers, _event_rows(events), widths))
    click.echo(f"{len(events)} event(s)")


@click.group()
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """Turn news articles into PLOVER event data, with the evidence behind every field."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="JSON Lines (one object per article) or a readable table.")
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD); overrides the date found in the article.")
@click.option("--explain", is_flag=True, help="Say which pattern and rule produced each event.")
@click.option("--actors", "actors_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) that add to or override the knowledge base.")
def code(files: tuple[str, ...], fmt: str, date: dt.date | None, explain: bool,
         actors_files: tuple[str, ...]) -> None:
    """Code articles and print them (JSON Lines by default)."""
    from eventwire.coding import code_article
    from eventwire.ingest import IngestFailure, read_path
    from eventwire.output import to_contract

    failed = 0
    nlp = _pipeline(actors_files)
    for path in files:
        for item in read_path(path, date=date):
            if isinstance(item, IngestFailure):
                failed += 1
                click.echo(f"eventwire: {item.source}: {item.reason}", err=True)
                continue
            try:
                coded = code_article(item, nlp=nlp)
            except Exception as exc:  # noqa: BLE001 -- one article's bug must not cost the others theirs
                failed += 1
                click.echo(f"eventwire: {item.source_path or item.id}: could not be coded "
                           f"({type(exc).__name__}: {exc})", err=True)
                continue
            record = to_contract(coded, explain=explain)
            if fmt == "json":
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(f"# {coded.article.title or coded.article.id}")
                _print_table([_contract_event_row(e, record) for e in record["events"]
                              if e["asserted"] or explain])
                if explain:
                    for i, e in enumerate(record["events"]):
                        click.echo(f"[{i}] {e['type']} via {e['pattern']}: "
                                   + "; ".join(e.get("explanation", [])))
    if failed:
        sys.exit(1)


def _contract_event_row(e: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    date = e.get("date") or {}
    return {
        "date_start": date.get("start"), "date_precision": date.get("precision"),
        "published": record["article"]["published"], "type": e["type"], "mode": e.get("mode"),
        "actor_names": [a.get("name") or a["text"] for a in e["actor"]],
        "actor_countries": sorted({a["country"] for a in e["actor"] if a.get("country")}),
        "recipient_names": [a.get("name") or a["text"] for a in e["recipient"]],
        "recipient_countries": sorted({a["country"] for a in e["recipient"] if a.get("country")}),
        "attribution_kind": (e.get("attribution") or {}).get("kind"),
        "evidence": e["evidence"]["text"],
    }


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB database file.")
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for every article; overrides dates found in them.")
@click.option("--actors", "actors_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) that add to or override the knowledge base.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes coding in parallel (default: all cores; Dask: local workers).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Code with local worker processes or on a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786) for --engine dask; "
              "default: a local cluster.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False),
              help="Write Parquet partitions to this folder instead of a database.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: str | None, date: dt.date | None,
           actors_files: tuple[str, ...], workers: int | None, engine: str,
           scheduler: str | None, parquet_dir: str | None, quiet: bool) -> None:
    """Code files, folders or glob patterns into a DuckDB database or Parquet partitions
    (articles already stored are skipped, failures retried)."""
    import time
    from contextlib import ExitStack

    from eventwire.batch import code_into_parquet, ingest_into_store
    from eventwire.scale.engines import default_workers
    from eventwire.scale.progress import TqdmProgress
    from eventwire.store import open_store
    from eventwire.store.database import StoreBusy

    if (db is None) == (parquet_dir is None):
        raise click.UsageError("give exactly one of --db FILE and --parquet DIR")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    workers = workers or default_workers()
    progress = TqdmProgress(paths, enabled=not quiet and sys.stderr.isatty(), stream=sys.stderr)

    def report(failure: Any) -> None:
        progress.write(f"eventwire: {failure.source}: {failure.reason}")

    started = time.monotonic()
    try:
        with ExitStack() as stack:
            options: dict[str, Any] = {"date": date, "on_failure": report, "workers": workers,
                                       "actors_files": actors_files, "progress": progress}
            if engine == "dask":
                from eventwire.scale.dask_engine import dask_engine

                options["engine"] = stack.enter_context(
                    dask_engine(scheduler, workers, actors_files))
            if parquet_dir is not None:
                result = code_into_parquet(paths, parquet_dir, **options)
                target = parquet_dir
            else:
                # windowed: the file is opened per chunk, so `eventwire serve` keeps reading
                store = stack.enter_context(open_store(str(db), windowed=True))
                result = ingest_into_store(paths, store, **options)
                target = str(db)
        if db is not None and result.stored:
            from eventwire.corpus import update_unique_events

            with open_store(str(db)) as store:
                update_unique_events(store.connection)
    except StoreBusy as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"interrupted after {progress.articles} input(s); run the same command "
                   "again to finish (stored articles are skipped)", err=True)
        sys.exit(130)
    progress.close()
    seconds = max(time.monotonic() - started, 1e-9)
    click.echo(f"{result.stored} article(s) coded into {target}, {result.already_stored} already "
               f"stored, {len(result.failures)} failed, in {seconds:.1f} s "
               f"({result.stored / seconds:.2f} articles/s, {result.words / seconds:,.0f} words/s)",
               err=True)
    if result.failures:
        sys.exit(1)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--actor", help="ISO 3166-1 alpha-3 code of an actor country.")
@click.option("--recipient", help="ISO 3166-1 alpha-3 code of a recipient country.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. REJECT.")
@click.option("--since", callback=_parse_date, help="Events on or after this date.")
@click.option("--until", callback=_parse_date, help="Events on or before this date.")
@click.option("--all", "include_all", is_flag=True,
              help="Include hypothetical and negated statements (not asserted events).")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def events(db: str, actor: str | None, recipient: str | None, event_type: str | None,
           since: dt.date | None, until: dt.date | None, include_all: bool, limit: int | None,
           fmt: str) -> None:
    """Query coded events."""
    from eventwire.store import EventFilter, open_store, query_events

    flt = EventFilter(actor=actor, recipient=recipient, type=event_type, since=since,
                      until=until, include_unasserted=include_all, limit=limit)
    with open_store(db, read_only=True) as store:
        rows = query_events(store.connection, flt)
    if fmt == "table":
        _print_table(rows)
    elif fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        if rows:
            writer.writerow(rows[0].keys())
        for row in rows:
            writer.writerow([";".join(v) if isinstance(v, list) else v for v in row.values()])
        click.echo(buf.getvalue(), nl=False)


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False),
              help="The database an ingest wrote to.")
@click.option("--parquet", "parquet_dir", type=click.Path(exists=True, file_okay=False),
              help="The folder an ingest --parquet wrote to.")
def failures(db: str | None, parquet_dir: str | None) -> None:
    """List inputs that could not be coded, with the reason."""
    if (db is None) == (parquet_dir is None):
        raise click.UsageError("give exactly one of --db FILE and --parquet DIR")
    if parquet_dir is not None:
        from eventwire.scale.parquet import read_failures

        rows = read_failures(Path(parquet_dir))
    else:
        from eventwire.store import open_store

        with open_store(str(db), read_only=True) as store:
            rows = store.failures()
    for source, reason in rows:
        click.echo(f"{source}\t{reason}")
    click.echo(f"{len(rows)} failure(s)", err=True)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--rebuild", is_flag=True,
              help="Forget earlier assignments and deduplicate every event again.")
@click.option("--full-check", is_flag=True,
              help="Re-check every stored event, not only articles coded since the last run.")
def dedup(db: str, rebuild: bool, full_check: bool) -> None:
    """Merge mentions of the same real-world event across articles into unique events."""
    from eventwire.corpus import rebuild_unique_events, update_unique_events
    from eventwire.store import open_store

    with open_store(db) as store:
        if rebuild:
            report = rebuild_unique_events(store.connection)
        else:
            report = update_unique_events(store.connection, full_check=full_check)
    click.echo(f"{report.new_mentions} mention(s) assigned, {report.dropped_mentions} dropped; "
               f"{report.unique_events} unique event(s) from {report.mentions} mention(s)",
               err=True)


def _write_or_echo(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--actor", help="ISO3 code of the acting country.")
@click.option("--recipient", help="ISO3 code of the recipient country.")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True, help="Period of each row (weeks start on Monday).")
@click.option("--since", callback=_parse_date, help="Events on or after this date.")
@click.option("--until", callback=_parse_date, help="Events on or before this date.")
@click.option("--unique", is_flag=True,
              help="Count each real-world event once (needs `eventwire dedup`).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "svg"]),
              default="table", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file, not stdout.")
def dyads(db: str, actor: str | None, recipient: str | None, by: str, since: dt.date | None,
          until: dt.date | None, unique: bool, fmt: str, output: str | None) -> None:
    """Asserted events of a dyad per period: counts by type and quad class, mean Goldstein."""
    from eventwire.corpus import DyadQuery, dyad_series
    from eventwire.corpus.chart import dyad_svg
    from eventwire.corpus.dyad_output import dyad_csv, dyad_json, dyad_table
    from eventwire.errors import EventwireError
    from eventwire.store import open_store

    query = DyadQuery(actor=actor, recipient=recipient, by=by, since=since, until=until,
                      unique=unique)
    try:
        with open_store(db, read_only=True) as store:
            periods = dyad_series(store.connection, query)
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    if fmt == "svg":
        title = f"{actor or 'any'} → {recipient or 'any'} by {by}"
        _write_or_echo(dyad_svg(periods, title + (" (unique events)" if unique else "")), output)
    elif fmt == "csv":
        _write_or_echo(dyad_csv(periods), output)
    elif fmt == "json":
        _write_or_echo(dyad_json(periods), output)
    else:
        _write_or_echo(dyad_table(periods) + f"\n{len(periods)} period(s)\n", output)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", required=True, type=click.Choice(["parquet", "gdelt", "plover"]),
              help="parquet: a folder of year=/month= partitions; gdelt: GDELT 2.0 event "
                   "table (tab-separated); plover: JSON Lines with POLECAT field names.")
@click.option("--output", required=True, type=click.Path(), help="Folder (parquet) or file.")
@click.option("--since", callback=_parse_date, help="Events on or after this date.")
@click.option("--until", callback=_parse_date, help="Events on or before this date.")
@click.option("--actor", help="Only events with this ISO3 country among the actors.")
@click.option("--recipient", help="Only events with this ISO3 country among the recipients.")
@click.option("--unique", is_flag=True,
              help="Export unique events with their mention counts (needs `eventwire dedup`).")
def export(db: str, fmt: str, output: str, since: dt.date | None, until: dt.date | None,
           actor: str | None, recipient: str | None, unique: bool) -> None:
    """Export asserted events as Parquet, GDELT 2.0 CSV or PLOVER/POLECAT JSON."""
    from eventwire.corpus.exports import export_events
    from eventwire.corpus.source import EventScope
    from eventwire.errors import EventwireError
    from eventwire.store import open_store

    scope = EventScope(actor=actor, recipient=recipient, since=since, until=until, unique=unique)
    try:
        with open_store(db, read_only=True) as store:
            n = export_events(store.connection, fmt, scope, Path(output))
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{n} event(s) written to {output}", err=True)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="DuckDB database file (must exist unless --token allows writes).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="EVENTWIRE_TOKEN",
              help="Bearer token that enables write endpoints (POST /articles); also read from "
                   "EVENTWIRE_TOKEN. Without it the server is read-only.")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="Origin allowed to call the API from another site (repeatable; none by default).")
def serve(db: str, host: str, port: int, token: str | None, cors_origins: tuple[str, ...]) -> None:
    """Serve the HTTP API and the web page (events, articles, dyads, network, map)."""
    import uvicorn

    from eventwire.errors import EventwireError
    from eventwire.web import create_app

    try:
        app = create_app(db, token=token, cors_origins=cors_origins)
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"eventwire: browse http://{host}:{port}/ (API schema at /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@main.group()
def actors() -> None:
    """The actor knowledge base."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", callback=_parse_date, help="Resolve roles as of this date (YYYY-MM-DD).")
@click.option("--actors", "actors_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) that add to or override the knowledge base.")
def actors_lookup(name: str, date: dt.date | None, actors_files: tuple[str, ...]) -> None:
    """Show what a mention resolves to, and why."""
    from eventwire.actors import lookup

    candidates = lookup(name, date, extra_files=tuple(Path(p) for p in actors_files))
    if not candidates:
        click.echo(f"{name!r}: not in the knowledge base", err=True)
        sys.exit(1)
    for c in candidates:
        click.echo(c.explain())


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--articles", "articles_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder of the article texts (default: beside the gold files).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", is_flag=True, help="Group misses and false positives by cause.")
@click.option("--plover", "plover_records", type=click.Path(exists=True, dir_okay=False),
              help="Also score the PLOVER gold standard records (PLOVER_GSR_CAMEO.json).")
@click.option("--coder", type=click.Choice(["rules", "filter", "propose", "both"]),
              default="rules", show_default=True,
              help="The rule coder alone, or with the learned classifier under this policy.")
def evaluate(gold_dir: str, articles_dir: str | None, as_json: bool, errors: bool,
             plover_records: str | None, coder: str) -> None:
    """Code gold-annotated articles and print precision, recall, F1 and more."""
    from eventwire.evaluation.report import format_report
    from eventwire.evaluation.runner import evaluate_folder
    from eventwire.nlp.pipeline import build_pipeline

    nlp = _pipeline(()) if coder == "rules" else build_pipeline(coder=coder)
    report = evaluate_folder(Path(gold_dir), Path(articles_dir) if articles_dir else None, nlp=nlp)
    figures = report.as_dict()
    if plover_records:
        from eventwire.evaluation.plover_gsr import evaluate_gsr

        gsr = evaluate_gsr(nlp, Path(plover_records))
        figures["plover_gsr"] = {"records": gsr.records, "type_accuracy": round(gsr.type_accuracy, 3),
                                 "triple_accuracy": round(gsr.triple_accuracy, 3)}
    if errors:
        figures["errors"] = report.error_causes()
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(figures))
