CREATE TABLE check_run (
    id             UUID PRIMARY KEY,
    deployment_id  UUID        NOT NULL UNIQUE,
    status         TEXT        NOT NULL,
    -- The hosts to check, as planned (JSON), so a run interrupted by a restart can be resumed.
    hosts          TEXT        NOT NULL,
    correlation_id TEXT,
    causation_id   TEXT,
    passed         BOOLEAN,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);

CREATE TABLE check_result (
    id          BIGSERIAL PRIMARY KEY,
    run_id      UUID NOT NULL REFERENCES check_run (id),
    host        TEXT NOT NULL,
    check_name  TEXT NOT NULL,
    status TEXT NOT NULL,
    observed    TEXT,
    expected    TEXT,
    message     TEXT NOT NULL,
    remediation TEXT
);
CREATE INDEX check_result_run ON check_result (run_id);
