-- Runs are claimed from this table by any executor of the group (FOR UPDATE SKIP LOCKED) and held by a lease that
-- the owner renews; an expired lease lets another executor take the run over. claim_token fences a slow former
-- owner: only the current claim may record an outcome.
ALTER TABLE step_run ALTER COLUMN executor_id DROP NOT NULL;
ALTER TABLE step_run
    ADD COLUMN kind             TEXT,
    ADD COLUMN host             TEXT,
    ADD COLUMN host_key         TEXT,
    ADD COLUMN mutating         BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN accepted_by      TEXT,
    ADD COLUMN claim_token      UUID,
    ADD COLUMN lease_expires_at TIMESTAMPTZ,
    ADD COLUMN tries            INT     NOT NULL DEFAULT 0,
    ADD COLUMN takeovers        INT     NOT NULL DEFAULT 0,
    ADD COLUMN retryable        BOOLEAN,
    ADD COLUMN duration_ms      BIGINT;
UPDATE step_run SET accepted_by = executor_id, host_key = '';
ALTER TABLE step_run ALTER COLUMN host_key SET NOT NULL;
DROP INDEX step_run_unfinished;
CREATE INDEX step_run_unfinished ON step_run (id) WHERE status IN ('ACCEPTED', 'RUNNING');
-- the per-host order of mutating steps: one at a time, lowest id first
CREATE INDEX step_run_host_unfinished ON step_run (host_key, id) WHERE mutating AND status IN ('ACCEPTED', 'RUNNING');

-- One row per try of an attempt: retries of retryable errors, and tries that a crashed executor never finished.
CREATE TABLE step_try (
    id          BIGSERIAL PRIMARY KEY,
    run_id      BIGINT      NOT NULL REFERENCES step_run (id),
    try         INT         NOT NULL,
    executor_id TEXT        NOT NULL,
    exit_status INT,
    error       TEXT,
    retryable   BOOLEAN,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT      NOT NULL
);
CREATE INDEX step_try_run ON step_try (run_id);

-- Host keys pinned at first contact (trust on first use) when no known_hosts file is configured.
CREATE TABLE host_key_pin (
    host        TEXT PRIMARY KEY,
    key_type    TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    pinned_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    pinned_by   TEXT        NOT NULL
);
