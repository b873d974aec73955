-- Webhook subscriptions: where to POST which events, signed with the secret behind secret_ref (never the value).
CREATE TABLE webhook_subscription (
    id            UUID PRIMARY KEY,
    url           TEXT        NOT NULL,
    secret_ref    TEXT        NOT NULL,
    -- Comma-separated ce_types; NULL means every type.
    event_types   TEXT,
    -- Only this deployment's events (ce_subject); NULL means every deployment.
    deployment_id UUID,
    created_at    TIMESTAMPTZ NOT NULL
);

-- An event that at least one subscription matched, kept once however many subscriptions deliver it.
CREATE TABLE webhook_event (
    id         TEXT PRIMARY KEY,
    type       TEXT        NOT NULL,
    source     TEXT,
    event_time TIMESTAMPTZ NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL
);

-- One event to one subscription: PENDING until a 2xx answer (DELIVERED) or the last attempt (FAILED).
CREATE TABLE webhook_delivery (
    id              BIGSERIAL PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL REFERENCES webhook_event (id),
    event_type      TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_of ON webhook_delivery (subscription_id, id);
