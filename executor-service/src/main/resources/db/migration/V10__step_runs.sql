-- One row per attempt of a step, recorded before it runs so that a restart resumes it.
CREATE TABLE step_run (
    id              BIGSERIAL PRIMARY KEY,
    deployment_id   UUID        NOT NULL,
    step_id         TEXT        NOT NULL,
    attempt         INT         NOT NULL,
    command         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    executor_id     TEXT        NOT NULL,
    correlation_id  TEXT,
    causation_id    TEXT,
    exit_status     INT,
    output_tail     TEXT,
    error           TEXT,
    accepted_at     TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    UNIQUE (deployment_id, step_id, attempt)
);
CREATE INDEX step_run_unfinished ON step_run (executor_id) WHERE status IN ('ACCEPTED', 'RUNNING');
