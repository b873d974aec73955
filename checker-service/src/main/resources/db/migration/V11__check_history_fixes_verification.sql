-- Runs are kept as history: several per deployment (re-checks, auto-fix), and runs without a deployment
-- (POST /checks prechecks). The request column holds the whole inventory (JSON) so a run can be resumed or re-run.
ALTER TABLE check_run DROP CONSTRAINT check_run_deployment_id_key;
ALTER TABLE check_run ALTER COLUMN deployment_id DROP NOT NULL;
ALTER TABLE check_run RENAME COLUMN hosts TO request;
ALTER TABLE check_run ADD COLUMN kind TEXT NOT NULL DEFAULT 'CHECK';
ALTER TABLE check_run ADD COLUMN previous_run_id UUID REFERENCES check_run (id);
ALTER TABLE check_run ADD COLUMN profile TEXT NOT NULL DEFAULT 'production';
ALTER TABLE check_run ADD COLUMN strict BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE check_run ADD COLUMN auto_fix BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX check_run_deployment ON check_run (deployment_id, started_at);

ALTER TABLE check_result ADD COLUMN auto_fixable BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per host and run: how the inspection went (its facts), besides the per-check results.
CREATE TABLE check_host (
    id                 BIGSERIAL PRIMARY KEY,
    run_id             UUID    NOT NULL REFERENCES check_run (id),
    host               TEXT    NOT NULL,
    passed             BOOLEAN NOT NULL,
    connection_problem TEXT,
    clock_offset_ms    DOUBLE PRECISION,
    clock_rtt_ms       DOUBLE PRECISION,
    duration_ms        BIGINT  NOT NULL,
    UNIQUE (run_id, host)
);

-- The remediation commands an auto-fix run applied before it re-checked, and how each went.
CREATE TABLE check_fix (
    id          BIGSERIAL PRIMARY KEY,
    run_id      UUID    NOT NULL REFERENCES check_run (id),
    host        TEXT    NOT NULL,
    check_name  TEXT    NOT NULL,
    command     TEXT    NOT NULL,
    exit_status INT     NOT NULL,
    output      TEXT
);
CREATE INDEX check_fix_run ON check_fix (run_id);

CREATE TABLE verification_report (
    id             UUID PRIMARY KEY,
    deployment_id  UUID        NOT NULL,
    status         TEXT        NOT NULL,
    -- The VerificationRequested event (JSON: secret references only), so an interrupted report can be resumed.
    request        TEXT        NOT NULL,
    correlation_id TEXT,
    causation_id   TEXT,
    passed         BOOLEAN,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX verification_report_deployment ON verification_report (deployment_id, started_at);

CREATE TABLE verification_item (
    id         BIGSERIAL PRIMARY KEY,
    report_id  UUID NOT NULL REFERENCES verification_report (id),
    target     TEXT NOT NULL,
    check_name TEXT NOT NULL,
    status     TEXT NOT NULL,
    observed   TEXT,
    expected   TEXT,
    message    TEXT NOT NULL
);
CREATE INDEX verification_item_report ON verification_item (report_id);
