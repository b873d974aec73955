-- Transactional outbox: rows are written with the state change and published by the relay after commit.
CREATE TABLE outbox (
    seq            BIGSERIAL PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    record_key     TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    schema_version INT         NOT NULL,
    subject        TEXT        NOT NULL,
    causation_id   TEXT,
    correlation_id TEXT,
    payload        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

-- Inbox: the events each consumer has processed, written in the transaction of their effect.
CREATE TABLE inbox (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
