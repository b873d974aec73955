-- Operator actions the executors asked for (OperatorActionRequired): what to do, and how it went. A step waiting for
-- one shows AWAITING_OPERATOR; the operator completes it through the API (audited), which publishes
-- OperatorActionCompleted; the step's outcome then settles the action (SUCCEEDED or FAILED with the reason).
CREATE TABLE operator_action (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID        NOT NULL REFERENCES deployment (id),
    action_id     TEXT        NOT NULL,
    step_id       TEXT        NOT NULL,
    kind          TEXT,
    host          TEXT        NOT NULL,
    cluster       TEXT,
    attempt       INT         NOT NULL,
    title         TEXT        NOT NULL,
    instructions  TEXT        NOT NULL,
    fields        TEXT        NOT NULL,
    source        TEXT,
    status        TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    completed_by  TEXT,
    note          TEXT,
    outcome       TEXT,
    UNIQUE (deployment_id, action_id)
);
