-- The registry's model of what each deployment is building (ocp-facts §8–9). Every row is written from events;
-- facts may arrive in any order, so step outcomes are kept even before the plan that explains them.

CREATE TABLE registry_deployment (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    modes       TEXT        NOT NULL,
    ocp_version TEXT        NOT NULL,
    secret_refs TEXT        NOT NULL,
    planned_at  TIMESTAMPTZ NOT NULL
);

-- IDC -> AZ (one AZ maps to one or more IDCs), and the region each IDC is in.
CREATE TABLE idc (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID NOT NULL REFERENCES registry_deployment (id),
    name          TEXT NOT NULL,
    region        TEXT,
    az            TEXT,
    UNIQUE (deployment_id, name)
);

CREATE TABLE ocp_cluster (
    id               UUID PRIMARY KEY,
    deployment_id    UUID        NOT NULL REFERENCES registry_deployment (id),
    name             TEXT        NOT NULL,
    role             TEXT        NOT NULL,
    cluster_id       INT         NOT NULL,
    multi_cluster    BOOLEAN     NOT NULL,
    version          TEXT        NOT NULL,
    region           TEXT,
    access_address   TEXT,
    metadb_cluster   TEXT,
    metadb_host      TEXT,
    metadb_port      INT,
    metadb_user      TEXT,
    metadb_database  TEXT,
    status           TEXT        NOT NULL,
    activated_at     TIMESTAMPTZ,
    UNIQUE (deployment_id, name)
);

CREATE TABLE ocp_node (
    id             BIGSERIAL PRIMARY KEY,
    deployment_id  UUID        NOT NULL REFERENCES registry_deployment (id),
    cluster        TEXT        NOT NULL,
    host           TEXT        NOT NULL,
    address        TEXT        NOT NULL,
    ssh_port       INT         NOT NULL,
    ssh_user       TEXT        NOT NULL,
    credential_ref TEXT        NOT NULL,
    region         TEXT,
    idc            TEXT,
    az             TEXT,
    container      TEXT        NOT NULL,
    http_port      INT         NOT NULL,
    status         TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ,
    verified_at    TIMESTAMPTZ,
    UNIQUE (deployment_id, host)
);

CREATE TABLE availability_zone (
    id                BIGSERIAL PRIMARY KEY,
    deployment_id     UUID        NOT NULL REFERENCES registry_deployment (id),
    cluster           TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    idcs              TEXT        NOT NULL,
    access_address    TEXT,
    config_url        TEXT,
    metadb_proxy      TEXT,
    monitordb_address TEXT,
    status            TEXT        NOT NULL,
    failure_reason    TEXT,
    assigned_at       TIMESTAMPTZ,
    activated_at      TIMESTAMPTZ,
    UNIQUE (deployment_id, name)
);

CREATE TABLE metadb_replica (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID NOT NULL REFERENCES registry_deployment (id),
    cluster       TEXT NOT NULL,
    host          TEXT NOT NULL,
    az            TEXT,
    UNIQUE (deployment_id, host)
);

-- Primary <-> standby bindings: REQUESTED -> BOUND or FAILED.
CREATE TABLE binding (
    id              BIGSERIAL PRIMARY KEY,
    deployment_id   UUID        NOT NULL REFERENCES registry_deployment (id),
    standby_cluster TEXT        NOT NULL,
    primary_cluster TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    bound_at        TIMESTAMPTZ,
    heartbeat_at    TIMESTAMPTZ,
    sync_state      TEXT,
    failure_reason  TEXT,
    UNIQUE (deployment_id, standby_cluster)
);

-- The planned steps of every host, and the steps seen succeeding (possibly before the plan arrived).
CREATE TABLE planned_step (
    deployment_id UUID NOT NULL,
    step_id       TEXT NOT NULL,
    host          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    PRIMARY KEY (deployment_id, step_id)
);
CREATE TABLE step_success (
    deployment_id UUID        NOT NULL,
    step_id       TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    succeeded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, step_id)
);
