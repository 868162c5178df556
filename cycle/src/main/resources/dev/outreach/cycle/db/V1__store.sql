-- The daily cycle's store: runs (plans, reports), their journals, and outcome feeds.
CREATE TABLE outreach_runs (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  started_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE outreach_run_files (
  run_id BIGINT NOT NULL REFERENCES outreach_runs (id),
  file TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (run_id, file)
);

-- Journal lines exactly as the executor wrote them, in batches, each before the requests it announces.
CREATE TABLE outreach_journal (
  run_id BIGINT NOT NULL REFERENCES outreach_runs (id),
  seq BIGINT NOT NULL,
  lines BYTEA NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE outreach_feeds (
  sha256 TEXT PRIMARY KEY,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  content BYTEA NOT NULL
);
