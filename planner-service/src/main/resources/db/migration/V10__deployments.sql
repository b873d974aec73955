CREATE TABLE deployment (
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL,
    mode           TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    topology       TEXT        NOT NULL,
    failure_reason TEXT,
    correlation_id TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX deployment_status ON deployment (status, created_at);

-- One row per plan step: the planner's projection of the step events.
CREATE TABLE step (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID        NOT NULL REFERENCES deployment (id),
    step_id       TEXT        NOT NULL,
    seq           INT         NOT NULL,
    phase         TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    cluster       TEXT,
    parameters    TEXT        NOT NULL DEFAULT '{}',
    timeout_seconds INT       NOT NULL DEFAULT 600,
    max_tries     INT         NOT NULL DEFAULT 1,
    description   TEXT        NOT NULL,
    depends_on    TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT,
    executor_id   TEXT,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    UNIQUE (deployment_id, step_id)
);

-- Registry facts the planner waits for before it calls a deployment done.
CREATE TABLE expected_fact (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID    NOT NULL REFERENCES deployment (id),
    kind          TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    satisfied     BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (deployment_id, kind, subject)
);
