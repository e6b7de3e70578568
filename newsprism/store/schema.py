"""The tables of the data contract (DESIGN.md), as DuckDB DDL.

The contract tables come first; then newsprism's own working tables: `mentions`
(actor mentions), `scare_quotes`, `predications` (what clauses say happens to
whom, which claims are built from) and `headlines` (each title's own reading: negated,
hedged, a question) are exported too; `signatures` and
`lsh_buckets` (the near-duplicate index) and `quote_keys` (the quote-grouping index)
are not.
"""

CONTRACT_TABLES = (
    "articles",
    "actors",
    "quotes",
    "attributions",
    "events",
    "quantities",
    "stories",
    "claims",
    "framings",
    "citations",
    "errors",
)

WORKING_TABLES = ("mentions", "scare_quotes", "predications", "headlines")

# Bump when a table changes; a database written with another version is refused
# with a message rather than written into with the wrong columns.
SCHEMA_VERSION = 11  # 10: events.trigger_start; 11: claims.statement

DDL = """
CREATE TABLE IF NOT EXISTS newsprism_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    outlet VARCHAR,
    url VARCHAR,
    title VARCHAR,
    authors VARCHAR[],
    published VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    word_count INTEGER,
    duplicate_of VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    role VARCHAR,
    aliases VARCHAR[],
    affiliation VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    text VARCHAR,
    start INTEGER,
    "end" INTEGER,
    label VARCHAR,
    sector VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, speaker VARCHAR,
    speaker_id VARCHAR, cue VARCHAR, kind VARCHAR, group_id VARCHAR,
    start INTEGER, "end" INTEGER, anonymous BOOLEAN, speaker_start INTEGER, speaker_end INTEGER
);
CREATE TABLE IF NOT EXISTS attributions (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, source VARCHAR, source_id VARCHAR,
    kind VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, cue VARCHAR,
    source_start INTEGER, source_end INTEGER
);
CREATE TABLE IF NOT EXISTS scare_quotes (
    article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS quote_keys (
    key UBIGINT NOT NULL, quote_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, source_id VARCHAR, type VARCHAR,
    target_id VARCHAR, cameo VARCHAR, quad_class INTEGER, polarity VARCHAR,
    modality VARCHAR, attributed_to VARCHAR, date VARCHAR, location VARCHAR,
    text VARCHAR, start INTEGER, "end" INTEGER, trigger VARCHAR, source_text VARCHAR,
    target_text VARCHAR, date_granularity VARCHAR, location_country VARCHAR,
    latitude DOUBLE, longitude DOUBLE, confidence DOUBLE, trigger_start INTEGER
);
CREATE TABLE IF NOT EXISTS quantities (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, value DOUBLE, unit VARCHAR,
    actor_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, value_max DOUBLE,
    approximate BOOLEAN, kind VARCHAR
);
CREATE TABLE IF NOT EXISTS predications (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, predicate VARCHAR, patient VARCHAR,
    polarity VARCHAR, modality VARCHAR, verb VARCHAR, start INTEGER, "end" INTEGER,
    count DOUBLE, counted VARCHAR, quantity_id VARCHAR, agent VARCHAR, patient_words VARCHAR,
    hedged BOOLEAN, date VARCHAR, location VARCHAR
);
CREATE TABLE IF NOT EXISTS headlines (
    article_id VARCHAR PRIMARY KEY, negated BOOLEAN, hedged BOOLEAN, question BOOLEAN
);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, title VARCHAR, article_ids VARCHAR[]
);
CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY, story_id VARCHAR, summary VARCHAR, subject_id VARCHAR,
    object_id VARCHAR,
    mentions STRUCT(article_id VARCHAR, stance VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
                    modality VARCHAR, source VARCHAR, value DOUBLE)[],
    status VARCHAR, type VARCHAR, contradictions VARCHAR[], outlets INTEGER, statement VARCHAR
);
CREATE TABLE IF NOT EXISTS framings (
    story_id VARCHAR, article_id VARCHAR, actor_id VARCHAR,
    labels STRUCT(text VARCHAR, kind VARCHAR, count INTEGER, start INTEGER, "end" INTEGER)[],
    tone DOUBLE, sentences INTEGER
);
CREATE TABLE IF NOT EXISTS citations (
    article_id VARCHAR, cited VARCHAR, cited_id VARCHAR, count INTEGER
);
CREATE TABLE IF NOT EXISTS errors (
    source VARCHAR NOT NULL, stage VARCHAR NOT NULL, message VARCHAR NOT NULL,
    PRIMARY KEY (source, stage, message)
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id VARCHAR PRIMARY KEY, exact_hash VARCHAR NOT NULL, minhash UINTEGER[]
);
CREATE TABLE IF NOT EXISTS lsh_buckets (
    band SMALLINT NOT NULL, bucket UBIGINT NOT NULL, article_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS text_vectors (
    key UBIGINT PRIMARY KEY, vector TINYINT[] NOT NULL
);
CREATE TABLE IF NOT EXISTS article_vectors (
    article_id VARCHAR PRIMARY KEY, vector FLOAT[] NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS story_state (
    story_id VARCHAR PRIMARY KEY, vector_sum FLOAT[] NOT NULL, actor_ids VARCHAR[],
    actor_weights FLOAT[], days DATE[], central_id VARCHAR,
    activity BIGINT NOT NULL, term_ids VARCHAR[], term_weights FLOAT[],
    weekdays INTEGER[] NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story_idx ON story_articles (story_id);
CREATE INDEX IF NOT EXISTS lsh_bucket_idx ON lsh_buckets (band, bucket);
CREATE INDEX IF NOT EXISTS signature_exact_idx ON signatures (exact_hash);
CREATE INDEX IF NOT EXISTS quote_key_idx ON quote_keys (key);
"""
