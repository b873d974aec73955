-- The planner's state: a projection of the events it receives, so a restarted planner continues where it was.
CREATE TABLE deployment (
    id                  UUID PRIMARY KEY,
    name                TEXT        NOT NULL,
    modes               TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    -- The status a FAILED deployment failed in, which a retry returns to.
    failed_stage        TEXT,
    failure_reason      TEXT,
    topology            TEXT        NOT NULL,
    plan                TEXT        NOT NULL,
    idempotency_key     TEXT UNIQUE,
    request_hash        TEXT,
    check_run_id        TEXT,
    check_passed        BOOLEAN,
    check_problems      TEXT,
    report_id           TEXT,
    verification_passed BOOLEAN,
    verification_items  TEXT,
    correlation_id      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ
);
CREATE INDEX deployment_status ON deployment (status, created_at);
CREATE INDEX deployment_created ON deployment (created_at);

-- One row per plan (or teardown) step: the planner's projection of the step events.
CREATE TABLE step (
    id              BIGSERIAL PRIMARY KEY,
    deployment_id   UUID        NOT NULL REFERENCES deployment (id),
    step_id         TEXT        NOT NULL,
    seq             INT         NOT NULL,
    phase           TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    host            TEXT        NOT NULL,
    cluster         TEXT,
    parameters      TEXT        NOT NULL DEFAULT '{}',
    timeout_seconds INT         NOT NULL,
    max_tries       INT         NOT NULL,
    description     TEXT        NOT NULL,
    depends_on      TEXT        NOT NULL,
    awaits_facts    TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT,
    executor_id     TEXT,
    skip_reason     TEXT,
    requested_at    TIMESTAMPTZ,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    UNIQUE (deployment_id, step_id)
);

-- Registry facts a deployment waits for (dev.ocpha.contracts.Facts).
CREATE TABLE expected_fact (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID        NOT NULL REFERENCES deployment (id),
    fact          TEXT        NOT NULL,
    known         BOOLEAN     NOT NULL DEFAULT false,
    known_at      TIMESTAMPTZ,
    UNIQUE (deployment_id, fact)
);

-- What happened to a deployment, in order: the history a late server-sent-events client is given.
CREATE TABLE deployment_event (
    seq           BIGSERIAL PRIMARY KEY,
    deployment_id UUID        NOT NULL REFERENCES deployment (id),
    at            TIMESTAMPTZ NOT NULL,
    type          TEXT        NOT NULL,
    data          TEXT        NOT NULL
);
CREATE INDEX deployment_event_of ON deployment_event (deployment_id, seq);

-- Operator actions (skip, retry, cancel, teardown), with their reasons.
CREATE TABLE audit_entry (
    id             BIGSERIAL PRIMARY KEY,
    deployment_id  UUID        NOT NULL REFERENCES deployment (id),
    at             TIMESTAMPTZ NOT NULL,
    action         TEXT        NOT NULL,
    target         TEXT,
    reason         TEXT,
    correlation_id TEXT
);

-- The generated API token, as a SHA-256 hash (the token itself is printed once, at generation).
CREATE TABLE api_token (
    id         INT PRIMARY KEY,
    token_hash TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
