-- Version 12 in every service: above the versions each service had when it came (10, 11), so existing databases migrate in order.
-- API tokens of this service: only the SHA-256 of each token is kept, so none can be read back.
CREATE TABLE access_token (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    role        TEXT        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    rotated_at  TIMESTAMPTZ
);
