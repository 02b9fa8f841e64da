-- eventwire's DuckDB store: one table per concept; offsets index articles.text (end-exclusive).
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,          -- stable: sha256 of the cleaned text unless the input gave one
    title VARCHAR,
    published DATE,
    outlet VARCHAR,
    byline VARCHAR,
    url VARCHAR,
    source_path VARCHAR,
    text VARCHAR NOT NULL,
    coded_at TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL,
    event_index INTEGER NOT NULL,
    type VARCHAR NOT NULL,           -- PLOVER event type
    mode VARCHAR,
    context VARCHAR[],
    aux VARCHAR[],                   -- historical, future, hypothetical, negation
    asserted BOOLEAN NOT NULL,       -- false when aux holds hypothetical or negation
    actor_countries VARCHAR[],
    recipient_countries VARCHAR[],
    actor_names VARCHAR[],
    recipient_names VARCHAR[],
    actor_sectors VARCHAR[],
    recipient_sectors VARCHAR[],
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    evidence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    attribution_kind VARCHAR,
    attribution_text VARCHAR,
    attribution_count INTEGER,
    cameo VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    pattern VARCHAR,
    responds_to INTEGER,
    -- the event's own date range, else the publication date: what date filters and series use
    event_date DATE,
    event_date_end DATE,
    PRIMARY KEY (article_id, event_index)
);
CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL,
    entity_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    role VARCHAR,
    kind VARCHAR,
    PRIMARY KEY (article_id, entity_index)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    quote_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    speaker_role VARCHAR,
    PRIMARY KEY (article_id, quote_index)
);
CREATE TABLE IF NOT EXISTS sources (
    article_id VARCHAR NOT NULL,
    source_index INTEGER NOT NULL,
    kind VARCHAR NOT NULL,           -- named, anonymous, official, document, no_comment
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    count INTEGER,
    country VARCHAR,
    PRIMARY KEY (article_id, source_index)
);
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR NOT NULL,
    date_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind VARCHAR,
    value_start DATE,
    value_end DATE,
    precision VARCHAR,
    PRIMARY KEY (article_id, date_index)
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    place_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    kind VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    PRIMARY KEY (article_id, place_index)
);
CREATE TABLE IF NOT EXISTS quantities (
    article_id VARCHAR NOT NULL,
    quantity_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    kind VARCHAR,
    PRIMARY KEY (article_id, quantity_index)
);
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR PRIMARY KEY,      -- file (and line) that could not be coded
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
-- Corpus level (eventwire.corpus.dedup): one row per real-world event, however many articles
-- report it; rebuilt incrementally by update_unique_events / `eventwire dedup`.
CREATE TABLE IF NOT EXISTS unique_events (
    id VARCHAR PRIMARY KEY,          -- stable: derived from the mention that founded the event
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    actor_countries VARCHAR[],
    recipient_countries VARCHAR[],
    actor_names VARCHAR[],
    recipient_names VARCHAR[],
    actor_sectors VARCHAR[],
    recipient_sectors VARCHAR[],
    date_start DATE,                 -- from the representative (most precisely dated) mention
    date_end DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    evidence VARCHAR NOT NULL,       -- the representative mention's evidence
    article_id VARCHAR NOT NULL,     -- the representative mention
    event_index INTEGER NOT NULL,
    cameo VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    num_mentions INTEGER NOT NULL,   -- as GDELT: every mention, several per article possible
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,    -- distinct outlets (an article without outlet counts alone)
    first_seen DATE,                 -- earliest and latest publication date of a mention
    last_seen DATE,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS event_mentions (
    article_id VARCHAR NOT NULL,
    event_index INTEGER NOT NULL,
    unique_event_id VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,    -- hash of the event row; a re-coded article changes it
    similarity DOUBLE NOT NULL,      -- evidence similarity to the mention it matched (1 = founder)
    PRIMARY KEY (article_id, event_index)
);
CREATE TABLE IF NOT EXISTS dedup_runs (
    started_at TIMESTAMP NOT NULL,   -- the next incremental run re-checks articles coded since
    finished_at TIMESTAMP NOT NULL,
    full_check BOOLEAN NOT NULL,     -- every stored mention re-checked, not just recent articles
    new_mentions INTEGER NOT NULL,
    dropped_mentions INTEGER NOT NULL
);
